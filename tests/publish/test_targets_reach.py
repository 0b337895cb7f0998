"""No deploy target may publish the comms room: every kind is refused before anything is sent.

The refusals run through ``podium publish`` on real builds; they happen before
any target is contacted, so no server is needed to show that nothing moved.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from podium.plugins.errors import ManyErrors
from podium.publish.pipeline import Request, publish
from podium.publish.targets.reach import places, problems
from tests.conftest import post

NOW = "2027-03-02T10:00:00+01:00"
FILES = {"content/posts/premier.md": post("Premier billet", date="2027-03-01 09:00", slug="premier")}


def refusal(make_site, targets, **settings) -> tuple[list[str], Path]:
    """Publish with these targets (or targets(site folder)); the errors, without their common location."""
    site = make_site(FILES, settings)
    with (site / "pelicanconf.py").open("a", encoding="utf-8") as conf:
        conf.write(f"PODIUM_PUBLISH_TARGETS = {targets(site) if callable(targets) else targets!r}\n")
    (site / "comms").mkdir()
    (site / "comms" / "keep.txt").write_text("the room")
    with pytest.raises(ManyErrors) as caught:
        publish(Request(site, now=datetime.fromisoformat(NOW), live=True), env={}, clients=lambda network: None)
    assert caught.value.exit_status == 2
    assert sorted(p.name for p in (site / "comms").rglob("*")) == ["keep.txt"], "nothing was deployed there"
    line = next(
        i
        for i, text in enumerate((site / "pelicanconf.py").read_text().splitlines(), 1)
        if text.startswith("PODIUM_PUBLISH_TARGETS")
    )
    prefix = f"pelicanconf.py:{line}: PODIUM_PUBLISH_TARGETS: "
    assert all(str(e).startswith(prefix) for e in caught.value.errors)
    return [str(e).removeprefix(prefix) for e in caught.value.errors], site


REACHES = "would write in or around the comms room (comms); point it at a folder outside it, or move the comms room with PODIUM_COMMS_PATH"


@pytest.mark.parametrize(
    "options",
    [
        {"type": "dir", "path": "comms"},
        {"type": "dir", "path": "comms/site"},
        {"type": "dir", "path": "."},  # the project folder holds the comms room
    ],
    ids=["same", "inside", "around"],
)
def test_a_dir_target_in_or_around_the_room_is_refused(make_site, options):
    errors, _ = refusal(make_site, {"site": options})
    assert errors == [f"target 'site' {REACHES}"]


def test_an_rsync_target_on_this_machine_in_the_room_is_refused(make_site):
    target = lambda site: {"server": {"type": "rsync", "host": "127.0.0.1", "path": str(site / "comms" / "www")}}
    errors, _ = refusal(make_site, target)
    assert errors == [f"target 'server' {REACHES}"]


def test_a_git_target_whose_repository_is_in_the_room_is_refused(make_site):
    errors, _ = refusal(make_site, {"pages": {"type": "git", "remote": "comms/pages.git"}})
    assert errors == [f"target 'pages' {REACHES}"]


def test_a_public_s3_target_over_the_private_one_is_refused(make_site):
    targets = {
        "site": {"type": "s3", "bucket": "blog"},
        "room": {"type": "s3", "bucket": "blog", "prefix": "comms", "private": True},
    }
    errors, _ = refusal(make_site, targets, PODIUM_PUBLISH_DEFAULT_TARGET="site")
    assert errors == [
        "target 'site' would publish where the private target 'room' puts the comms room; "
        "give them places that do not contain each other"
    ]


@pytest.mark.parametrize(
    "public, private",
    [
        ({"type": "dir", "path": "public"}, {"type": "dir", "path": "public"}),
        (
            {"type": "rsync", "host": "www.example.com", "path": "/srv/site"},
            {"type": "rsync", "host": "WWW.example.com", "path": "/srv/site/comms"},
        ),
        (
            {"type": "git", "remote": "https://github.com/c/blog.git", "branch": "gh-pages"},
            {"type": "git", "remote": "https://github.com/c/blog", "branch": "gh-pages"},
        ),
        ({"type": "s3", "bucket": "b", "prefix": "site/comms"}, {"type": "s3", "bucket": "b", "prefix": "site"}),
    ],
    ids=["dir", "rsync", "git", "s3"],
)
def test_public_and_private_targets_may_not_share_a_place(tmp_path, public, private):
    found = problems({"site": public, "room": {**private, "private": True}}, tmp_path / "comms", tmp_path)
    assert found == [
        "target 'site' would publish where the private target 'room' puts the comms room; "
        "give them places that do not contain each other"
    ]


@pytest.mark.parametrize(
    "options",
    [
        {"type": "dir", "path": "public"},
        {"type": "dir", "path": "communication"},  # a name that starts like the room's is another folder
        {"type": "rsync", "host": "www.example.com", "path": "/srv/comms"},  # another machine's folder
        {"type": "git", "remote": "."},  # a push sends commits of the build, never the project's files
        {"type": "s3", "bucket": "blog", "prefix": "comms"},
    ],
)
def test_targets_that_cannot_reach_the_room_are_accepted(tmp_path, options):
    assert problems({"site": options}, tmp_path / "comms", tmp_path) == []


def test_places_of_a_dir_target_include_its_releases_folder(tmp_path):
    found = places({"type": "dir", "path": "public"}, tmp_path)
    assert [str(p.path) for p in found] == [str(tmp_path / "public"), str(tmp_path / ".public.releases")]
