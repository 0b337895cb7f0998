"""Two sources that would write one output file: one error naming both, before anything is written.

Real builds through ``podium build``'s own entry point (``podium.publish.cli.main``
in-process), and the pure check on plain values.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pelican
import pytest

from podium.plugins.outputs import Output, collisions
from podium.publish.cli import main

from ..conftest import SAMPLE_NOW, post

PELICAN_CONTENT = Path(pelican.__file__).parent / "tests" / "content"
#: 'path:line: ' at the start of every line an error prints
LOCATED = re.compile(r"^content/[^:]+:\d+: \S")


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _build(site: Path, capsys) -> tuple[int, list[str]]:
    capsys.readouterr()
    status = main(["build", "-C", str(site), "--now", SAMPLE_NOW])
    return status, capsys.readouterr().err.splitlines()


def _good_then(make_site, capsys, files: dict, settings: dict | None = None) -> tuple[Path, dict]:
    """A site that built once, then got ``files``: the output of the good build, to compare after."""
    site = make_site({"content/posts/bon.md": post("Bon", slug="bon")}, settings=settings)
    assert _build(site, capsys)[0] == 0
    before = _snapshot(site / "output")
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    return site, before


def test_two_posts_with_one_title_are_one_error_naming_both_and_the_output_is_untouched(make_site, capsys):
    site, before = _good_then(
        make_site, capsys, {"content/posts/a.md": post("Même titre"), "content/posts/b.md": post("Même titre")}
    )
    status, err = _build(site, capsys)
    assert (status, err) == (
        2,
        [
            "content/posts/a.md:2: this post and content/posts/b.md:2 (a post) would both be written to "
            "meme-titre.html; give one of them its own 'slug:'"
        ],
    )
    assert _snapshot(site / "output") == before


def test_a_slug_written_twice_points_at_the_slug_lines(make_site, capsys):
    site, before = _good_then(make_site, capsys, {"content/posts/autre.md": post("Autre", slug="bon")})
    assert _build(site, capsys) == (
        2,
        [
            "content/posts/autre.md:5: this post and content/posts/bon.md:5 (a post) would both be written to "
            "bon.html; give one of them its own 'slug:'"
        ],
    )
    assert _snapshot(site / "output") == before


def test_a_post_and_a_page_on_one_path(make_site, capsys):
    site, _ = _good_then(
        make_site,
        capsys,
        {"content/pages/bon.md": "---\ntitle: Bon\nlang: fr\n---\n\nPage.\n"},
        settings={"PAGE_SAVE_AS": "{slug}.html", "PAGE_URL": "{slug}.html"},
    )
    assert _build(site, capsys) == (
        2,
        [
            "content/posts/bon.md:5: this post and content/pages/bon.md:2 (a page) would both be written to "
            "bon.html; give one of them its own 'slug:'"
        ],
    )


def test_a_save_as_in_the_front_matter_is_what_to_change(make_site, capsys):
    site, _ = _good_then(
        make_site, capsys, {"content/pages/p.md": "---\ntitle: P\nlang: fr\nsave_as: bon.html\n---\n\nPage.\n"}
    )
    assert _build(site, capsys) == (
        2,
        [
            "content/posts/bon.md:5: this post and content/pages/p.md:4 (a page) would both be written to "
            "bon.html; change the 'save_as:' of one of them"
        ],
    )


def test_a_slug_and_a_static_file(make_site, capsys):
    site, before = _good_then(
        make_site, capsys, {"content/bon.html": "<p>static</p>\n"}, settings={"STATIC_PATHS": ["images", "bon.html"]}
    )
    assert _build(site, capsys) == (
        2,
        [
            "content/posts/bon.md:5: this post and content/bon.html:1 (a static file) would both be written to "
            "bon.html; give the post its own 'slug:', or rename the static file"
        ],
    )
    assert _snapshot(site / "output") == before


def test_a_post_on_the_sites_own_page(make_site, capsys):
    site, _ = _good_then(make_site, capsys, {"content/posts/archives.md": post("Archives")})
    assert _build(site, capsys) == (
        2,
        [
            "content/posts/archives.md:2: this post and the site's own page 'archives' would both be written to "
            "archives.html; give the post its own 'slug:'"
        ],
    )


def test_a_collision_is_listed_with_the_other_problems_of_the_build(make_site, capsys):
    site, _ = _good_then(
        make_site, capsys, {"content/posts/a.md": post("Bon"), "content/posts/bad.md": post("Mauvais", status="publié")}
    )
    status, err = _build(site, capsys)
    assert status == 2 and sorted(err) == [
        "content/posts/a.md:2: this post and content/posts/bon.md:5 (a post) would both be written to "
        "bon.html; give one of them its own 'slug:'",
        "content/posts/bad.md:5: unknown status 'publié'; did you mean 'published'?",
    ]


def test_drafts_in_a_preview_go_to_their_own_folder_and_do_not_meet_the_published_post(make_site):
    from podium.publish.build import build

    site = make_site(
        {
            "content/posts/bon.md": post("Bon", slug="bon"),
            "content/posts/brouillon.md": post("Bon", slug="bon", status="draft", lang="en"),
        }
    )
    out = build(site, now=SAMPLE_NOW, output=site / "preview", preview=True).output
    assert (out / "bon.html").exists() and (out / "drafts" / "bon-en.html").exists()


def test_pelicans_own_test_content_stops_only_with_located_errors(make_site, capsys):
    site, before = _good_then(make_site, capsys, {})
    shutil.copytree(PELICAN_CONTENT, site / "content" / "posts", dirs_exist_ok=True)
    status, err = _build(site, capsys)
    assert status == 2 and err
    assert [line for line in err if not LOCATED.match(line)] == []
    assert (
        "content/posts/article_with_capitalized_metadata.rst:2: this post and content/posts/article_with_metadata.html:3 "
        "(a post), content/posts/article_with_metadata.rst:2 (a post), content/posts/article_with_metadata_and_contents.html:3 "
        "(a post), content/posts/article_with_metadata_explicit_date_implicit_modified.html:3 (a post), "
        "content/posts/article_with_metadata_explicit_dates.html:3 (a post) would all be written to "
        "this-is-a-super-article.html; give one of them its own 'slug:'"
    ) in err
    assert (
        "content/posts/article.rst:1: Pelican skipped this file: it has no 'date'; add it to the file's "
        "metadata, e.g. 'date: 2026-09-14 08:30'"
    ) in err
    assert _snapshot(site / "output") == before


def test_pelicans_own_test_content_without_its_duplicates_is_only_told_what_each_file_lacks(make_site, capsys):
    site, _ = _good_then(make_site, capsys, {})
    shutil.copytree(PELICAN_CONTENT, site / "content" / "posts", dirs_exist_ok=True)
    for name in (
        "article_with_metadata.html",
        "article_with_metadata.rst",
        "article_with_metadata_and_contents.html",
        "article_with_metadata_explicit_date_implicit_modified.html",
        "article_with_metadata_explicit_dates.html",
    ):
        (site / "content" / "posts" / name).unlink()
    status, err = _build(site, capsys)
    assert status == 2 and [line for line in err if not LOCATED.match(line)] == []
    assert not [line for line in err if "would both be written" in line or "would all be written" in line]


def test_three_sources_are_one_error_and_the_order_is_posts_pages_static_then_the_site():
    found = collisions(
        [
            Output("x.html", "site", name="index"),
            Output("x.html", "static", "content/x.html", 1),
            Output("x.html", "page", "content/pages/x.md", 2, "title"),
        ]
    )
    assert [str(e) for e in found] == [
        "content/pages/x.md:2: this page and content/x.html:1 (a static file), the site's own page 'index' "
        "would all be written to x.html; give the page its own 'slug:'"
    ]


def test_two_static_files_and_paths_that_differ_only_in_spelling():
    found = collisions(
        [
            Output("./a//b.css", "static", "content/s/b.css", 1),
            Output("a/b.css", "static", "content/t/b.css", 1),
            Output("a/c.css", "static", "content/c.css", 1),
            Output("", "post", "content/posts/n.md", 2),
        ]
    )
    assert [str(e) for e in found] == [
        "content/s/b.css:1: this static file and content/t/b.css:1 (a static file) would both be written to a/b.css; "
        "rename one of the files, or change its save_as in EXTRA_PATH_METADATA"
    ]


@pytest.mark.parametrize(
    "text, key, line",
    [
        ("---\ntitle: A\nslug: a\n---\n", "slug", 3),
        ("Title: A\nSlug: a\n\nBody\n", "slug", 2),
        ("A title\n#######\n\n:slug: a\n", "slug", 4),
        ('<html><head>\n<title>A</title>\n<meta name="slug" content="a">\n', "slug", 3),
        ("<html><head>\n<title>A</title>\n", "title", 2),
        ("\nA title\n#######\n", "title", 2),
    ],
)
def test_the_line_of_a_key_in_each_markup(text, key, line):
    from podium.plugins.outputs import line_in

    assert line_in(text, key) == line
