"""Fixtures of the fuzz suite: one small real project per module, its Pelican settings read once."""

from __future__ import annotations

import pytest

from tests.conftest import _write_site, post


def pytest_collection_modifyitems(items):
    """Every test here is a fuzz test (``-m fuzz`` runs only them); the few real builds share one worker."""
    for item in items:
        if "tests/fuzz/" in item.nodeid:
            item.add_marker(pytest.mark.fuzz)
            if item.module.__name__.endswith("test_builds"):
                item.add_marker(pytest.mark.xdist_group("fuzz-builds"))


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A real project with one valid post: the readers run with its settings (the sample blog's Markdown)."""
    from podium.publish.build import read_settings

    root = _write_site(
        tmp_path_factory.mktemp("fuzz"),
        {
            "content/posts/base.md": post("Une base", slug="base", body="Un paragraphe pour commencer."),
        },
        {"MARKDOWN": MARKDOWN, "PODIUM_LANGUAGES": ["fr", "en"], "SITEURL": "", "RELATIVE_URLS": True},
    )
    (root / "publishconf.py").write_text(
        "from pelicanconf import *  # noqa\nSITEURL = 'https://blog.test'\nRELATIVE_URLS = False\n", encoding="utf-8"
    )
    settings, _ = read_settings(root)
    return root, settings


#: the sample blog's Markdown extensions (pelicanconf.py): the fuzzed bodies meet the same parser
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {},
        "markdown.extensions.footnotes": {"BACKLINK_TEXT": "↩"},
        "markdown.extensions.smarty": {"smart_quotes": False},
    },
    "output_format": "html5",
}
