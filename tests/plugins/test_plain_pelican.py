"""A plain Pelican run with podium's plugins reports like ``podium build``: logged problems, a failing exit.

In-process the way the official plugins' tests run Pelican
(``Pelican(read_settings(path, override={...})).run()``), and as a person
types it (``pelican content -s pelicanconf.py``) in a subprocess.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings

from podium.plugins.errors import BadInput

from ..conftest import post

NOW = "2026-11-28T12:00:00+01:00"
BAD = "---\ntitle: Mauvais\ndate: 2026-01-10 09:00\nlang: fr\nstatus: publié\n---\n\nTexte.\n"
BAD_LINE = "content/posts/bad.md:5: unknown status 'publié'; did you mean 'published'?"
PELICAN = str(Path(sys.executable).with_name("pelican"))


def _run(site: Path, **override) -> None:
    settings = read_settings(
        str(site / "pelicanconf.py"), override={"OUTPUT_PATH": str(site / "output"), "PODIUM_NOW": NOW, **override}
    )
    Pelican(settings).run()


def _podium_records(caplog, level: int) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "podium" and r.levelno == level]


def test_a_good_site_builds_in_process_and_logs_no_problem(make_site, monkeypatch, caplog):
    site = make_site({"content/posts/bon.md": post("Bon", slug="bon")})
    monkeypatch.chdir(site)
    with caplog.at_level(logging.WARNING):
        _run(site)
    assert (site / "output" / "bon.html").exists()
    assert _podium_records(caplog, logging.ERROR) == [] and _podium_records(caplog, logging.WARNING) == []


def test_an_error_is_logged_with_its_line_and_fails_the_run_in_process(make_site, monkeypatch, caplog):
    site = make_site({"content/posts/bon.md": post("Bon", slug="bon"), "content/posts/bad.md": BAD})
    monkeypatch.chdir(site)
    with caplog.at_level(logging.WARNING), pytest.raises(BadInput) as info:
        _run(site)
    assert _podium_records(caplog, logging.ERROR) == [BAD_LINE]
    assert str(info.value) == "podium found 1 problem (listed above); the build failed"
    assert info.value.exitcode == 2


def test_warnings_are_logged_and_fail_only_a_strict_run(make_site, monkeypatch, caplog):
    site = make_site({"content/posts/bon.md": post("Bon", slug="bon")}, settings={"PODIUM_FEEDS_LIMT": 3})
    monkeypatch.chdir(site)
    with caplog.at_level(logging.WARNING):
        _run(site)
    # Pelican's settings do not say which file they came from: the message names the setting
    assert _podium_records(caplog, logging.WARNING) == [
        "PODIUM_FEEDS_LIMT: unknown podium setting, ignored; did you mean PODIUM_FEEDS_LIMIT?"
    ]
    with pytest.raises(BadInput):
        _run(site, PODIUM_STRICT=True)


def _pelican(site: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "400"}  # Rich wraps log lines at the terminal's width
    return subprocess.run(
        [PELICAN, "content", "-s", "pelicanconf.py", "-o", "out", *args],
        cwd=site,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


@pytest.mark.xdist_group("plain-pelican")
def test_the_pelican_command_prints_the_error_and_exits_2(make_site):
    site = make_site(
        {"content/posts/bon.md": post("Bon", slug="bon"), "content/posts/bad.md": BAD}, settings={"PODIUM_NOW": NOW}
    )
    plain = _pelican(site, "--log-handler", "plain")
    assert plain.returncode == 2
    assert BAD_LINE in plain.stderr.splitlines()
    rich = _pelican(site)
    assert rich.returncode == 2 and BAD_LINE in rich.stdout + rich.stderr


@pytest.mark.xdist_group("plain-pelican")
def test_fatal_warnings_fails_on_a_podium_warning_and_passes_a_clean_site(make_site):
    warned = make_site(
        {"content/posts/bon.md": post("Bon", slug="bon")}, settings={"PODIUM_NOW": NOW, "PODIUM_FEEDS_LIMT": 3}
    )
    run = _pelican(warned, "--log-handler", "plain", "--fatal", "warnings")
    assert run.returncode == 1
    assert (
        "PODIUM_FEEDS_LIMT: unknown podium setting, ignored; did you mean PODIUM_FEEDS_LIMIT?"
        in run.stderr.splitlines()
    )
    clean = make_site({"content/posts/bon.md": post("Bon", slug="bon")}, settings={"PODIUM_NOW": NOW})
    assert _pelican(clean, "--log-handler", "plain", "--fatal", "warnings").returncode == 0


TWIN = (
    "content/posts/a.md:2: this post and content/posts/b.md:2 (a post) would both be written to "
    "meme-titre.html; give one of them its own 'slug:'"
)


def test_two_posts_on_one_path_are_logged_with_both_files_and_fail_the_run_before_writing(
    make_site, monkeypatch, caplog
):
    site = make_site({"content/posts/a.md": post("Même titre"), "content/posts/b.md": post("Même titre")})
    monkeypatch.chdir(site)
    with caplog.at_level(logging.WARNING), pytest.raises(BadInput) as info:
        _run(site)
    assert _podium_records(caplog, logging.ERROR) == [TWIN]
    assert str(info.value) == "podium found 1 problem (listed above); the build failed"
    assert info.value.exitcode == 2
    assert not (site / "output" / "meme-titre.html").exists()


@pytest.mark.xdist_group("plain-pelican")
def test_the_pelican_command_names_both_files_of_a_collision_and_exits_2(make_site):
    site = make_site(
        {"content/posts/a.md": post("Même titre"), "content/posts/b.md": post("Même titre")},
        settings={"PODIUM_NOW": NOW},
    )
    run = _pelican(site, "--log-handler", "plain")
    assert run.returncode == 2
    assert TWIN in run.stderr.splitlines()
    assert "FileOverwriteFailedError" not in run.stderr
