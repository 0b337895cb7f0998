"""Shared fixtures: small real sites in tmp_path, and one production build of the sample blog."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parent.parent

# Tests assert podium's exact English texts whatever the machine's locale (subprocesses inherit this);
# a French test sets PODIUM_UI_LANG=fr with monkeypatch.
os.environ["PODIUM_UI_LANG"] = "en"

# Hypothesis: reproducible in CI (the same examples on every run, no deadline on a loaded machine);
# `--hypothesis-profile=long` draws twenty times more, with fresh randomness (tests/fuzz/profiles.py).
settings.register_profile("default", deadline=None, derandomize=True)
settings.register_profile("long", max_examples=2000, deadline=None)

#: 'now' for the sample build: after every published sample post, before the future one.
SAMPLE_NOW = "2026-11-28T12:00:00+01:00"

BASE_SETTINGS = {
    "AUTHOR": "Test Author",
    "SITENAME": "Test Site",
    "SITEURL": "https://blog.test",
    "RELATIVE_URLS": False,
    "PATH": "content",
    "ARTICLE_PATHS": ["posts"],
    "PAGE_PATHS": ["pages"],
    "STATIC_PATHS": ["images"],
    "IGNORE_FILES": [".#*", "calendar.yaml", ".podium"],
    "TIMEZONE": "Europe/Paris",
    "DEFAULT_LANG": "fr",
    "THEME": str(REPO / "themes" / "podium"),
    "PLUGINS": ["podium.plugins"],
    "FEED_ALL_ATOM": None,
    "CATEGORY_FEED_ATOM": None,
    "TRANSLATION_FEED_ATOM": None,
    "AUTHOR_FEED_ATOM": None,
    "AUTHOR_FEED_RSS": None,
    "PODIUM_LEADER_NAME": "Test Author",
    "PODIUM_LEADER_ROLE": "Chief Tester",
}


def post(title: str, date: str = "2026-01-10 09:00", lang: str = "fr", body: str = "Un paragraphe.", **meta) -> str:
    """A post file with YAML front matter (lists and dicts written as YAML flow)."""
    import yaml

    front = {"title": title, "date": date, "lang": lang, **meta}
    header = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return f"---\n{header}---\n\n{textwrap.dedent(body).strip()}\n"


def _write_site(root: Path, files: dict[str, str | bytes], settings: dict | None) -> Path:
    conf = {**BASE_SETTINGS, **(settings or {})}
    lines = [f"{key} = {value!r}" for key, value in conf.items()]
    (root / "pelicanconf.py").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "publishconf.py").write_text("from pelicanconf import *  # noqa\n", encoding="utf-8")
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    (root / "content" / "posts").mkdir(parents=True, exist_ok=True)
    return root


@pytest.fixture
def make_site(tmp_path):
    """make_site({"content/posts/a.md": post("A")}, settings={...}) -> the site folder."""
    counter = iter(range(1000))

    def make(files: dict[str, str | bytes], settings: dict | None = None) -> Path:
        root = tmp_path / f"site{next(counter)}"
        root.mkdir()
        return _write_site(root, files, settings)

    return make


@pytest.fixture
def run_build():
    """run_build(site, now=..., prod=False, **build kwargs) -> the output folder.

    Like ``podium build``, it also writes the comms room, into ``site/comms`` (PODIUM_COMMS_PATH).
    """
    from podium.publish.build import build

    def run(site: Path, now: str = SAMPLE_NOW, output: Path | None = None, **kw) -> Path:
        kw.setdefault("comms", True)
        result = build(site, now=now, output=output or site / "output", **kw)
        return result.output

    return run


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """The BuildResult of a production build of the repository's own sample blog."""
    from podium.publish.build import build

    out = tmp_path_factory.mktemp("sample") / "output"
    return build(REPO, prod=True, now=SAMPLE_NOW, output=out, comms=out.parent / "comms")


@pytest.fixture(scope="session")
def sample_site_output(sample_build) -> Path:
    """The output folder of the production build of content/ (built once per session)."""
    return sample_build.output
