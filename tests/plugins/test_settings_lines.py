"""Every settings error points at the file and line that set the value: pelicanconf.py:LINE or publishconf.py:LINE."""

from __future__ import annotations

from pathlib import Path

import pytest

from podium.plugins import settings
from podium.plugins.errors import ManyErrors
from podium.plugins.settings_lines import assignments, where
from podium.publish.cli import main

from ..conftest import SAMPLE_NOW, post

PELICANCONF = """\
SITENAME = 'x'
PODIUM_FEEDS_LIMIT = 5
PODIUM_NETWORKS = ['x']
if True:
    PODIUM_CARDS_ACCENT = '#000000'
PODIUM_SOCIAL_PROFILES = {}
PODIUM_SOCIAL_PROFILES['x'] = 'https://x.com/a'
PODIUM_FEEDS_LIMIT = 7
LIMIT: int = 3
A = B = 1
"""

PUBLISHCONF = """\
import os
from pelicanconf import *  # noqa
PODIUM_NETWORKS += ['mastodon']
SITEURL = 'https://example.org'
"""


def _files(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "pelicanconf.py").write_text(PELICANCONF)
    (tmp_path / "publishconf.py").write_text(PUBLISHCONF)
    return tmp_path / "pelicanconf.py", tmp_path / "publishconf.py"


def test_the_last_assignment_wins_in_blocks_subscripts_and_annotations(tmp_path):
    conf, _ = _files(tmp_path)
    lines = {k: line for k, (_, line) in assignments(conf).items()}
    assert lines == {
        "SITENAME": 1,
        "PODIUM_FEEDS_LIMIT": 8,
        "PODIUM_NETWORKS": 3,
        "PODIUM_CARDS_ACCENT": 5,
        "PODIUM_SOCIAL_PROFILES": 7,
        "LIMIT": 9,
        "A": 10,
        "B": 10,
    }


def test_publishconf_brings_in_what_it_star_imports_and_overrides_it(tmp_path):
    _, pub = _files(tmp_path)
    assert where(str(pub), "PODIUM_NETWORKS", str(tmp_path)) == {"path": "publishconf.py", "line": 3}
    assert where(str(pub), "PODIUM_FEEDS_LIMIT", str(tmp_path)) == {"path": "pelicanconf.py", "line": 8}
    assert where(str(pub), "SITEURL", str(tmp_path)) == {"path": "publishconf.py", "line": 4}
    # set nowhere: the file that was read, with no line
    assert where(str(pub), "PODIUM_CARDS_LOGO", str(tmp_path)) == {"path": "publishconf.py", "line": None}
    assert where(None, "PODIUM_NETWORKS") == {}


def test_a_broken_or_self_importing_file_gives_no_line_and_no_error(tmp_path):
    (tmp_path / "pelicanconf.py").write_text("from pelicanconf import *\nA = (\n")
    assert assignments(tmp_path / "pelicanconf.py") == {}
    (tmp_path / "pelicanconf.py").write_text("from publishconf import *\nA = 1\n")
    (tmp_path / "publishconf.py").write_text("from pelicanconf import *\nB = 2\n")
    assert {k: line for k, (_, line) in assignments(tmp_path / "publishconf.py").items()} == {"A": 2, "B": 2}


KINDS = [
    ("PODIUM_STRICT = 'yes'", "PODIUM_STRICT: expected True or False; received 'yes'"),
    ("PODIUM_LEADER_NAME = 3", "PODIUM_LEADER_NAME: expected a string; received 3"),
    ("PODIUM_WORKERS = 'two'", "PODIUM_WORKERS: expected a whole number; received 'two'"),
    ("PODIUM_FEEDS_LIMIT = 0", "PODIUM_FEEDS_LIMIT: expected a whole number from 1 to 10000; received 0"),
    ("PODIUM_CARDS_LAYOUT = 'wide'", "PODIUM_CARDS_LAYOUT: expected one of: classic, split; received 'wide'"),
    ("PODIUM_FEEDS_FORMATS = ['json']", "PODIUM_FEEDS_FORMATS: unknown feed format 'json'; expected atom, rss"),
    ("PODIUM_SOCIAL_PROFILES = ['x']", "PODIUM_SOCIAL_PROFILES: expected a dict; received ['x']"),
    (
        "PODIUM_SOCIAL_PROFILES = {'x': 'x.com/a'}",
        "PODIUM_SOCIAL_PROFILES: expected an absolute http(s) URL; received 'x.com/a'",
    ),
    ("PODIUM_CARDS_ACCENT = 'red'", "PODIUM_CARDS_ACCENT: expected a colour like '#1a2b3c'; received 'red'"),
    (
        "PODIUM_NOW = '2027-03-02T09:00'",
        "PODIUM_NOW: 2027-03-02T09:00:00 has no time zone; add one, e.g. '+01:00' or 'Z'",
    ),
    ("PODIUM_IMAGES_WIDTHS = (8,)", "PODIUM_IMAGES_WIDTHS: expected widths from 16 to 8192 pixels; received 8"),
    (
        "PODIUM_PUBLISH_TARGETS = {'site': {'type': 'ftp'}}",
        "PODIUM_PUBLISH_TARGETS: target 'site': 'type': expected one of: dir, rsync, git, s3; received 'ftp'",
    ),
]


@pytest.mark.parametrize("line, message", KINDS, ids=[k[0].split(" =")[0] + str(i) for i, k in enumerate(KINDS)])
def test_each_kind_of_bad_value_points_at_its_line(tmp_path, line, message):
    conf = tmp_path / "pelicanconf.py"
    conf.write_text(f"SITENAME = 'x'\n\n{line}\n")
    namespace: dict = {}
    exec(conf.read_text(), namespace)
    with pytest.raises(ManyErrors) as info:
        settings.load({k: v for k, v in namespace.items() if k.isupper()}, str(conf), str(tmp_path))
    assert [str(e) for e in info.value.errors] == [f"pelicanconf.py:3: {message}"]


def _cli(site: Path, capsys, *args: str) -> tuple[int, list[str]]:
    capsys.readouterr()
    status = main(["build", "-C", str(site), "--now", SAMPLE_NOW, *args])
    return status, capsys.readouterr().err.splitlines()


def test_several_errors_each_with_its_file_and_line_from_another_folder(make_site, capsys, monkeypatch, tmp_path):
    site = make_site(
        {"content/posts/a.md": post("A", slug="a")}, settings={"PODIUM_FEEDS_LIMIT": 0, "PODIUM_CARDS_ACCENT": "red"}
    )
    (site / "publishconf.py").write_text("from pelicanconf import *  # noqa\n\nPODIUM_WORKERS = -1\n")
    monkeypatch.chdir(tmp_path)  # -C from elsewhere: the lines are found all the same
    status, err = _cli(site, capsys, "--prod")
    assert (status, err) == (
        2,
        [
            "publishconf.py:3: PODIUM_WORKERS: expected a whole number from 0 to 256; received -1",
            "pelicanconf.py:21: PODIUM_FEEDS_LIMIT: expected a whole number from 1 to 10000; received 0",
            "pelicanconf.py:22: PODIUM_CARDS_ACCENT: expected a colour like '#1a2b3c'; received 'red'",
        ],
    )


def test_a_missing_leader_photo_points_at_the_line_that_names_it(make_site, capsys):
    site = make_site(
        {"content/posts/a.md": post("A", slug="a")}, settings={"PODIUM_LEADER_PHOTO": "images/portrait.jpg"}
    )
    status, err = _cli(site, capsys)
    assert (status, err) == (
        2,
        [
            "pelicanconf.py:21: PODIUM_LEADER_PHOTO: 'images/portrait.jpg' not found under content/; fix the path or "
            "set PODIUM_LEADER_PHOTO = None"
        ],
    )
    (site / "publishconf.py").write_text("from pelicanconf import *  # noqa\nPODIUM_LEADER_PHOTO = 'images/prod.jpg'\n")
    status, err = _cli(site, capsys, "--prod")
    assert (status, err) == (
        2,
        [
            "publishconf.py:2: PODIUM_LEADER_PHOTO: 'images/prod.jpg' not found under content/; fix the path or "
            "set PODIUM_LEADER_PHOTO = None"
        ],
    )


def test_an_unknown_setting_warns_at_its_line(make_site, capsys):
    site = make_site({"content/posts/a.md": post("A", slug="a")}, settings={"PODIUM_FEEDS_LIMT": 3})
    status, err = _cli(site, capsys)
    assert status == 0
    assert (
        "warning: pelicanconf.py:21: PODIUM_FEEDS_LIMT: unknown podium setting, ignored; did you mean "
        "PODIUM_FEEDS_LIMIT?" in err
    )
