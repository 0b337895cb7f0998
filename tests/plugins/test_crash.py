"""The unexpected-error path: it names the file podium was processing, says whose fault it is, points at --debug.

Real failures forced in real builds, through the command line's own entry
point in-process (``podium.publish.cli.main``): a theme template that fails,
and podium's own code made to fail with monkeypatch.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from podium.plugins import crash
from podium.publish.cli import main

from ..conftest import REPO, SAMPLE_NOW, post


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _build(site: Path, capsys, *extra: str) -> tuple[int, list[str]]:
    capsys.readouterr()
    status = main(["build", "-C", str(site), "--now", SAMPLE_NOW, *extra])
    return status, capsys.readouterr().err.splitlines()


@pytest.fixture
def built(make_site, capsys):
    """A site with its own copy of podium's theme, built once: (site, output before)."""
    site = make_site({"content/posts/a.md": post("A", slug="a")}, settings={"THEME": "theme"})
    shutil.copytree(REPO / "themes" / "podium", site / "theme")
    assert _build(site, capsys)[0] == 0
    return site, _snapshot(site / "output")


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_a_failing_template_is_named_with_its_line_and_the_post_it_rendered(built, capsys):
    site, before = built
    template = site / "theme" / "templates" / "article.html"
    template.write_text(
        template.read_text().replace("{% block content %}", "{% block content %}{{ article.nothing.here }}", 1)
    )
    line = _line_of(template, "article.nothing.here")
    status, err = _build(site, capsys)
    assert (status, err) == (
        1,
        [
            f"podium: unexpected error in the template theme/templates/article.html, line {line}, while processing "
            "content/posts/a.md: UndefinedError: 'pelican.contents.Article object' has no attribute 'nothing'; the theme "
            "is broken: fix that template or go back to podium's theme (run again with --debug to see the traceback)"
        ],
    )
    assert _snapshot(site / "output") == before


def test_a_bug_while_reading_a_post_names_the_post_and_says_it_is_podiums(built, capsys, monkeypatch):
    site, before = built
    (site / "content" / "posts" / "b.md").write_text(post("B", slug="b"), encoding="utf-8")

    def broken(*args, **kwargs):
        raise KeyError("lang")

    monkeypatch.setattr("podium.plugins.frontmatter.check", broken)
    status, err = _build(site, capsys)
    assert status == 1
    # both posts are read (the first from the parsed cache, which skips the check): only b.md fails
    assert err == [
        "podium: unexpected error while processing content/posts/b.md: KeyError: 'lang'; this is a bug in "
        "podium, not in your files: please report it (run again with --debug to see the traceback)"
    ]
    assert _snapshot(site / "output") == before


def test_a_bug_in_a_step_for_one_post_names_that_post(built, capsys, monkeypatch):
    site, before = built
    (site / "content" / "posts" / "b.md").write_text(post("B", slug="b"), encoding="utf-8")  # a.md's teasers are cached

    def broken(*args, **kwargs):
        raise ValueError("no teaser today")

    monkeypatch.setattr("podium.plugins.teasers.glue.teasers_for", broken)
    status, err = _build(site, capsys)
    assert (status, err) == (
        1,
        [
            "podium: unexpected error while processing content/posts/b.md: ValueError: no teaser today; this is a bug in "
            "podium, not in your files: please report it (run again with --debug to see the traceback)"
        ],
    )
    assert _snapshot(site / "output") == before


def test_a_bug_outside_any_file_still_says_whose_and_debug_shows_the_traceback(built, capsys, monkeypatch):
    site, _ = built

    def broken(*args, **kwargs):
        raise RuntimeError("the sitemap is tired")

    monkeypatch.setattr("podium.plugins.sitemap.glue._find", broken)
    status, err = _build(site, capsys)
    assert (status, err) == (
        1,
        [
            "podium: unexpected error: RuntimeError: the sitemap is tired; this is a bug in podium: please report it "
            "(run again with --debug to see the traceback)"
        ],
    )
    with pytest.raises(RuntimeError, match="the sitemap is tired"):
        main(["build", "-C", str(site), "--now", SAMPLE_NOW, "--debug"])


def test_the_message_is_in_french_too(monkeypatch):
    monkeypatch.setenv("PODIUM_UI_LANG", "fr")
    exc = KeyError("lang")
    crash.mark(exc, "content/posts/b.md")
    assert crash.explain(exc) == (
        "podium\u00a0: erreur inattendue pendant le traitement de content/posts/b.md\u00a0: KeyError\u00a0: 'lang'\u202f; "
        "c’est un bogue de podium, pas de vos fichiers\u00a0: merci de le signaler (relancez avec --debug pour voir la "
        "trace)"
    )


def test_the_innermost_mark_wins_and_podium_errors_pass_through():
    from podium.plugins.errors import BadInput

    with pytest.raises(ValueError) as info:
        with crash.processing("outer.md"), crash.processing("inner.md"):
            raise ValueError("x")
    assert getattr(info.value, crash.MARK) == "inner.md"
    with pytest.raises(BadInput) as known:
        with crash.processing("a.md"):
            raise BadInput("known", path="a.md", line=3)
    assert not hasattr(known.value, crash.MARK)
