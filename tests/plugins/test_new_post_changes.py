"""What one new post changes in the output, on two real builds: the newest pages, never the old ones.

Issue 11 asks that a new post uploads at most 2 % of a site; the bench
(bench/upload.py) measures the bytes on 1,000 posts. This test pins which
files change, so a template that lists every post on one page again, or a
listing numbered from the newest, fails here rather than in the bench.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import post

NOW = "2026-11-28T12:00:00+01:00"
SETTINGS = {"PODIUM_LISTING_SIZE": 4, "PODIUM_CARDS_ENABLED": False}


def files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def changed(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    return {name for name, data in after.items() if before.get(name) != data}


def posts(count: int) -> dict[str, str]:
    """``count`` posts, two a month from January 2025, all in one category and one tag."""
    found = {}
    for i in range(count):
        date = f"{2025 + i // 24}-{i % 24 // 2 + 1:02d}-{1 + 14 * (i % 2):02d} 09:00"
        found[f"content/posts/p{i}.md"] = post(
            f"Billet {i}", slug=f"p{i}", date=date, category="Transition", tags=["climat"], summary=f"Résumé {i}."
        )
    return found


def test_a_new_post_changes_only_the_newest_pages_and_leaves_past_years_and_older_parts_alone(make_site, run_build):
    site = make_site(posts(30), SETTINGS)
    before = files(run_build(site, now=NOW, output=site / "out-1", comms=False))
    (site / "content/posts/new.md").write_text(
        post("Nouveau", slug="nouveau", date="2026-11-27 08:00", category="Transition", tags=["climat"]),
        encoding="utf-8",
    )
    after = files(run_build(site, now=NOW, output=site / "out-2", comms=False))
    assert changed(before, after) == {
        "nouveau.html",
        "p29.html",  # its "next post" link
        "index.html",
        "tag/climat.html",
        "category/transition.html",
        "author/test-author.html",
        "archives.html",
        "archives/2026.html",
        "tags.html",  # counts
        "categories.html",
        "authors.html",
        "404.html",  # the latest posts
        *(
            f"feeds/{name}.{fmt}.xml"
            for name in ("all", "fr", "tag/climat", "category/transition")
            for fmt in ("atom", "rss")
        ),
        "sitemap.xml",
        "sitemap-listings.xml",
        "sitemap-2026.xml",
    }
    assert {"archives/2025.html", "sitemap-2025.xml", "page/1.html", "tag/climat/page/7.html"} <= set(after)
    # an older part is filed under the year of its newest post, as the archives of that year are
    assert b"<loc>https://blog.test/page/1.html</loc>" in after["sitemap-2025.xml"]
    assert b"<loc>https://blog.test/archives/2025.html</loc>" in after["sitemap-2025.xml"]


def test_no_listing_part_shows_a_withheld_post(make_site, run_build):
    site = make_site(
        {
            **posts(9),
            "content/posts/draft.md": post("SECRET-DRAFT", slug="brouillon", status="draft", tags=["climat"]),
            "content/posts/future.md": post("SECRET-FUTURE", slug="futur", date="2027-03-01 09:00", tags=["climat"]),
        },
        SETTINGS,
    )
    out = files(run_build(site, now=NOW, output=site / "out", comms=False))
    assert {"page/2.html", "tag/climat/page/2.html", "author/test-author/page/2.html"} <= set(out)
    leaks = [name for name, data in out.items() if b"SECRET-" in data or b"futur.html" in data]
    assert leaks == []


def test_editing_the_newest_post_changes_its_page_and_the_full_content_feeds_only(make_site, run_build):
    site = make_site(posts(30), SETTINGS)
    before = files(run_build(site, now=NOW, output=site / "out-1", comms=False))
    path = site / "content/posts/p29.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nUne phrase corrigée après relecture.\n", encoding="utf-8")
    after = files(run_build(site, now=NOW, output=site / "out-2", comms=False))
    # the other feeds carry the summary, which the edit left as it was (docs/themes.md: what each feed carries)
    assert changed(before, after) == {"p29.html", "feeds/all.atom.xml", "feeds/all.rss.xml"}
