"""The comms room in real builds: it is written beside the site, never inside it, and holds what comms need."""

from __future__ import annotations

from pathlib import Path

import pytest

from podium.plugins.errors import PodiumError
from podium.publish.build import build
from tests.conftest import post

NOW = "2026-11-28T12:00+01:00"
#: every comms page carries it; no file of the site may
MARKER = b'data-podium-room="comms"'
CALENDAR = """timezone: Europe/Paris
required_approvals: [comms, legal]
networks:
  x:
    slots: [{days: daily, times: ["09:00-18:00"]}]
posts:
  ok:
    status: published
    approvals:
      - {role: comms, who: Claire, when: 2026-11-01 09:00}
      - {role: legal, who: Paul, when: 2026-11-01 09:00}
  review: {status: in_review}
"""
FILES = {
    "content/calendar.yaml": CALENDAR,
    "content/posts/ok.md": post("Public OK", date="2026-11-02 08:00", slug="ok", body="MARK-OK"),
    "content/posts/review.md": post("SECRET-TITLE review", date="2026-11-04 08:00", slug="review", body="SECRET-BODY"),
    "content/posts/later.md": post("SECRET-TITLE later", date="2027-04-01 08:00", slug="later", body="SECRET-BODY"),
}
COMMS_NAMES = (
    "calendar.html",
    "calendar.css",
    "calendar.js",
    "kit.js",
    "kit.css",
    "kit-data.js",
    "teasers.json",
    "schedule.json",
    "schedule.ics",
    "hootsuite.csv",
    "hootsuite-x.csv",
)


def every_file(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from tests.conftest import _write_site

    root = _write_site(tmp_path_factory.mktemp("room"), FILES, None)
    return build(root, prod=True, now=NOW, output=root / "output", comms=True)


def test_the_room_is_written_beside_the_site(built):
    assert built.comms == built.output.parent / "comms"
    names = {p.name for p in every_file(built.comms)}
    assert set(COMMS_NAMES) <= names
    assert all(MARKER in p.read_bytes() for p in every_file(built.comms) if p.suffix == ".html")


def test_a_production_build_leaves_no_comms_file_in_the_site(built):
    files = every_file(built.output)
    assert any(b"MARK-OK" in p.read_bytes() for p in files), "the public post is built, or the test proves nothing"
    assert not (built.output / "social").exists()
    assert [p for p in files if p.name in COMMS_NAMES] == []
    for path in files:
        data = path.read_bytes()
        for marker in (MARKER, b"SECRET-TITLE", b"SECRET-BODY", b"PODIUM_COUNTING", b"Calendrier social", b"comms"):
            assert marker not in data, (path.relative_to(built.output), marker)


def test_the_sample_blog_keeps_its_comms_room_apart(sample_build):
    site, room = every_file(sample_build.output), every_file(sample_build.comms)
    assert room and all(MARKER not in p.read_bytes() for p in site)
    assert all(b"EMBARGO-MARKER-UNAPPROVED-c4d8" not in p.read_bytes() for p in site)


def test_the_room_is_left_alone_when_the_build_fails(built, make_site):
    site = make_site({**FILES, "content/calendar.yaml": CALENDAR.replace("in_review", "in-review")})
    (site / "comms").mkdir()
    (site / "comms" / "calendar.html").write_text("the last good room")
    with pytest.raises(PodiumError):
        build(site, now=NOW, output=site / "output", comms=True)
    assert [p.name for p in every_file(site / "comms")] == ["calendar.html"]
    assert not (site / "output").exists()


def test_a_comms_folder_inside_the_output_is_refused(make_site):
    site = make_site(FILES, {"PODIUM_COMMS_PATH": "output/comms"})
    with pytest.raises(PodiumError) as caught:
        build(site, now=NOW, output=site / "output", comms=True)
    assert caught.value.exit_status == 2
    line = (site / "pelicanconf.py").read_text().splitlines().index("PODIUM_COMMS_PATH = 'output/comms'") + 1
    assert str(caught.value) == (
        f"pelicanconf.py:{line}: PODIUM_COMMS_PATH output/comms and the site's output output share a folder, so the "
        "comms room would be published with the site; keep it outside, e.g. PODIUM_COMMS_PATH = 'comms'"
    )
    assert not (site / "output").exists()


def test_an_output_inside_the_comms_folder_is_refused(make_site):
    site = make_site(FILES)
    with pytest.raises(PodiumError) as caught:
        build(site, now=NOW, output=site / "comms" / "site", comms=site / "comms")
    assert str(caught.value) == (
        "the comms folder comms and the site's output comms/site share a folder, so the comms room would be "
        "published with the site; keep it outside, e.g. PODIUM_COMMS_PATH = 'comms'"
    )
    assert not (site / "comms").exists()


def test_a_build_without_comms_writes_no_room(make_site):
    site = make_site(FILES)
    result = build(site, now=NOW, output=site / "output")
    assert result.comms is None and not (site / "comms").exists()
