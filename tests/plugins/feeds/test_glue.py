"""Feeds on real Pelican builds of a small site: valid, complete, stable, and free of withheld posts."""

from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.conftest import post

NOW = "2026-11-28T12:00+01:00"
PNG = Path(__file__).resolve().parents[3] / "content" / "images" / "logo.png"
BODY_A = """
Voir [la page](suite.html), [l'accueil](/index.html) et la note[^1].

![Éolienne]({static}/images/logo.png)

<img src="/images/logo.png" srcset="/images/logo.png 1x, images/logo.png 2x" alt="Logo">

[^1]: Rapport annuel, 2025.
"""


@pytest.fixture
def site(make_site):
    return make_site(
        {
            "content/posts/a.md": post(
                "R&D : l'été « chaud » & co",
                date="2026-09-01 09:00",
                slug="rd-ete",
                category="Stratégie",
                tags=["énergie", "climat"],
                body=BODY_A,
                summary="Résumé & co.",
            ),
            "content/posts/a-en.md": post(
                "R&D: a hot summer",
                date="2026-09-02 09:00",
                lang="en",
                slug="rd-ete",
                category="Strategy",
                tags=["energy"],
                body="Summer text.",
            ),
            "content/posts/b.md": post(
                "Résultats du semestre",
                date="2026-07-21 09:00",
                slug="resultats",
                category="Résultats",
                tags=["climat"],
                body="Texte des résultats.",
                modified="2026-08-01 10:00",
            ),
            "content/posts/draft.md": post(
                "Brouillon", slug="brouillon", status="draft", tags=["secret-d"], body="SECRET-DRAFT"
            ),
            "content/posts/future.md": post(
                "Futur",
                date="2027-03-01 09:00",
                slug="futur",
                category="Annonces",
                tags=["secret-f"],
                body="SECRET-FUTURE",
            ),
            "content/posts/pair-en.md": post(
                "Pair", date="2026-06-01 09:00", lang="en", slug="paire", category="Strategy", body="PAIR-EN-PUBLIC"
            ),
            "content/posts/pair-fr.md": post(
                "Paire", date="2026-06-01 09:00", slug="paire", status="draft", body="SECRET-PAIR"
            ),
            "content/images/logo.png": PNG.read_bytes(),
        }
    )


def parse_all(out: Path) -> dict[str, feedparser.FeedParserDict]:
    return {str(p.relative_to(out)): feedparser.parse(p.read_bytes()) for p in sorted((out / "feeds").rglob("*.xml"))}


def links(parsed) -> list[str]:
    return [e.link for e in parsed.entries]


def test_every_feed_parses_without_bozo_and_the_documented_paths_exist(site, run_build):
    feeds = parse_all(run_build(site, now=NOW, prod=True))
    assert {name: f.bozo for name, f in feeds.items() if f.bozo} == {}
    assert sorted(feeds) == sorted(
        f"feeds/{name}.{fmt}.xml"
        for fmt in ("atom", "rss")
        for name in (
            "all",
            "fr",
            "en",
            "category/strategie",
            "category/strategy",
            "category/resultats",
            "tag/energie",
            "tag/climat",
            "tag/energy",
        )
    )


def test_entries_are_the_publishable_posts_newest_first_in_each_feed(site, run_build):
    feeds = parse_all(run_build(site, now=NOW, prod=True))
    for fmt in ("atom", "rss"):
        assert links(feeds[f"feeds/all.{fmt}.xml"]) == [
            "https://blog.test/rd-ete-en.html",
            "https://blog.test/rd-ete.html",
            "https://blog.test/resultats.html",
            "https://blog.test/paire-en.html",
        ]
        assert links(feeds[f"feeds/fr.{fmt}.xml"]) == [
            "https://blog.test/rd-ete.html",
            "https://blog.test/resultats.html",
        ]
        assert links(feeds[f"feeds/en.{fmt}.xml"]) == [
            "https://blog.test/rd-ete-en.html",
            "https://blog.test/paire-en.html",
        ]
        assert links(feeds[f"feeds/tag/climat.{fmt}.xml"]) == [
            "https://blog.test/rd-ete.html",
            "https://blog.test/resultats.html",
        ]
        assert links(feeds[f"feeds/category/strategy.{fmt}.xml"]) == [
            "https://blog.test/rd-ete-en.html",
            "https://blog.test/paire-en.html",
        ]


def test_no_draft_future_or_withheld_translation_reaches_any_feed(site, run_build):
    for prod in (True, False):
        out = run_build(site, now=NOW, prod=prod, output=site / f"out-{prod}")
        for path in (out / "feeds").rglob("*.xml"):
            text = path.read_text(encoding="utf-8")
            for marker in ("SECRET-DRAFT", "SECRET-FUTURE", "SECRET-PAIR", "brouillon", "futur", "secret-", "Annonces"):
                assert marker not in text, (path.name, marker)


def test_drafts_stay_out_of_feeds_even_in_a_preview_build(site):
    from podium.publish.build import build

    out = build(site, preview=True, now=NOW, output=site / "preview").output
    assert (out / "drafts").exists() or list(out.rglob("brouillon*.html")), "the preview must show the draft"
    for path in (out / "feeds").rglob("*.xml"):
        text = path.read_text(encoding="utf-8")
        assert "SECRET-DRAFT" not in text and "SECRET-FUTURE" not in text and "SECRET-PAIR" not in text, path.name


def test_a_title_with_markup_characters_reads_in_the_feed_as_written(make_site, run_build):
    title = 'R&D <2030> </script> "été" ]]>'
    out = run_build(make_site({"content/posts/a.md": post(title, slug="a")}), now=NOW)
    h1 = BeautifulSoup((out / "a.html").read_text(encoding="utf-8"), "html.parser").h1.get_text()
    assert "R&D <2030> </script>" in h1  # the page shows it as text too (with its typography)
    for fmt in ("atom", "rss"):
        parsed = feedparser.parse(out / f"feeds/all.{fmt}.xml")
        assert not parsed.bozo
        assert parsed.entries[0].title == title


def test_titles_accents_and_content_come_through_with_absolute_links(site, run_build):
    out = run_build(site, now=NOW, prod=True)
    entry = next(e for e in feedparser.parse(out / "feeds/all.atom.xml").entries if e.link.endswith("/rd-ete.html"))
    assert entry.title == "R&D : l'été « chaud » & co"
    assert [t.term for t in entry.tags] == ["Stratégie", "énergie", "climat"]
    html = BeautifulSoup(entry.content[0].value, "html.parser")
    urls = [a["href"] for a in html.find_all("a")] + [i["src"] for i in html.find_all("img")]
    urls += [part.split()[0] for i in html.find_all("img", srcset=True) for part in i["srcset"].split(",")]
    assert "https://blog.test/suite.html" in urls and "https://blog.test/index.html" in urls
    assert "https://blog.test/rd-ete.html#fn:1" in urls
    assert "https://blog.test/images/logo.png" in urls
    assert all(u.startswith("https://blog.test/") for u in urls), urls
    assert "Rapport annuel, 2025." in html.get_text()


def test_only_the_main_feeds_carry_whole_posts_the_others_summaries(site, run_build):
    out = run_build(site, now=NOW, prod=True)
    for path in sorted((out / "feeds").rglob("*.xml")):
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.entries and not parsed.bozo, path
        full = path.name.startswith("all.")
        assert all(("content" in e) == full for e in parsed.entries), path
        assert all(e.summary for e in parsed.entries), path


def test_every_feed_kind_can_carry_whole_posts(site, run_build):
    out = run_build(
        site, now=NOW, prod=True, overrides={"PODIUM_FEEDS_FULL_CONTENT": ("all", "language", "category", "tag")}
    )
    for path in sorted((out / "feeds").rglob("*.xml")):
        assert all("content" in e for e in feedparser.parse(path.read_bytes()).entries), path


def test_updated_follows_modified_and_ids_do_not_depend_on_the_build(site, run_build):
    first = run_build(site, now=NOW, prod=True, output=site / "one")
    second = run_build(site, now="2026-12-25T08:00+01:00", prod=True, output=site / "two")
    entry = next(
        e for e in feedparser.parse(first / "feeds/all.atom.xml").entries if e.link.endswith("/resultats.html")
    )
    assert (entry.published, entry.updated) == ("2026-07-21T09:00:00+02:00", "2026-08-01T10:00:00+02:00")
    for path in (first / "feeds").rglob("*.xml"):
        again = second / path.relative_to(first)
        ids = [e.id for e in feedparser.parse(path.read_bytes()).entries]
        assert ids and ids == [e.id for e in feedparser.parse(again.read_bytes()).entries]
        assert path.read_bytes() == again.read_bytes(), path.name  # nothing in a feed depends on the build time
    assert entry.id == "tag:blog.test,2026-07-21:fr/resultats"


def test_each_entry_carries_its_social_card_as_an_enclosure(site, run_build):
    out = run_build(site, now=NOW, prod=True)
    for entry in feedparser.parse(out / "feeds/all.rss.xml").entries:
        (enclosure,) = entry.enclosures
        path = out / enclosure.href.removeprefix("https://blog.test/")
        assert path.is_file() and int(enclosure.length) == path.stat().st_size
        assert enclosure.type == "image/png"


def test_autodiscovery_links_are_in_the_head_of_pages(site, run_build):
    out = run_build(site, now=NOW, prod=True)

    def feeds_in_head(page):
        head = BeautifulSoup((out / page).read_text(encoding="utf-8"), "html.parser").head
        return {link["href"]: link["type"] for link in head.find_all("link", rel="alternate", type=True)}

    home = feeds_in_head("index.html")
    assert home == {
        "https://blog.test/feeds/all.atom.xml": "application/atom+xml",
        "https://blog.test/feeds/all.rss.xml": "application/rss+xml",
    }
    tag = feeds_in_head("tag/climat.html")
    assert {"https://blog.test/feeds/tag/climat.atom.xml", "https://blog.test/feeds/tag/climat.rss.xml"} <= set(tag)
    assert "https://blog.test/feeds/category/strategie.atom.xml" in feeds_in_head("category/strategie.html")
    assert "https://blog.test/feeds/en.rss.xml" in feeds_in_head("rd-ete-en.html")
    for href in home | tag:
        assert (out / href.removeprefix("https://blog.test/")).is_file(), href


def test_settings_choose_formats_kinds_and_limit(make_site, run_build):
    files = {
        f"content/posts/p{i}.md": post(f"Billet {i}", date=f"2026-05-0{i} 09:00", slug=f"p{i}", tags=["t"])
        for i in range(1, 6)
    }
    out = run_build(
        make_site(files, {"PODIUM_FEEDS_FORMATS": ["rss"], "PODIUM_FEEDS_PER": ["tag"], "PODIUM_FEEDS_LIMIT": 2}),
        now=NOW,
    )
    assert sorted(str(p.relative_to(out)) for p in (out / "feeds").rglob("*.xml")) == [
        "feeds/all.rss.xml",
        "feeds/tag/t.rss.xml",
    ]
    assert links(feedparser.parse(out / "feeds/all.rss.xml")) == [
        "https://blog.test/p5.html",
        "https://blog.test/p4.html",
    ]


def test_a_pelican_feed_setting_left_on_is_switched_off_with_a_warning(make_site):
    from podium.publish.build import build

    site = make_site({"content/posts/a.md": post("A", slug="a")}, {"FEED_ALL_RSS": "feeds/pelican.rss.xml"})
    result = build(site, now=NOW, output=site / "out")
    assert not (result.output / "feeds/pelican.rss.xml").exists()
    assert [str(w) for w in result.warnings if "FEED_ALL_RSS" in str(w)] == [
        "pelicanconf.py:21: FEED_ALL_RSS: podium writes the feeds itself (see PODIUM_FEEDS_*), so 'feeds/pelican.rss.xml' was ignored; "
        "set FEED_ALL_RSS = None"
    ]


def test_a_local_build_without_siteurl_writes_feeds_for_the_preview_server(make_site, run_build):
    site = make_site(
        {"content/posts/a.md": post("A", slug="a", body="[x](b.html)")}, {"SITEURL": "", "RELATIVE_URLS": True}
    )
    parsed = feedparser.parse(run_build(site, now=NOW) / "feeds/all.atom.xml")
    assert not parsed.bozo
    assert parsed.entries[0].link == "http://127.0.0.1:8000/a.html"
    assert 'href="http://127.0.0.1:8000/b.html"' in parsed.entries[0].content[0].value


def test_the_sample_blog_feeds_are_valid_and_hold_each_published_post_once(sample_build):
    out = sample_build.output
    feeds = parse_all(out)
    assert {name: str(f.bozo_exception) for name, f in feeds.items() if f.bozo} == {}
    withheld = sample_build.ctx.withheld_slugs()
    assert withheld, "the sample has withheld posts, or this proves nothing"
    langs = []  # the language of every sample post that is not withheld, read from its front matter
    for source in (PNG.parents[1] / "posts").glob("*.md"):
        meta = dict(
            line.split(": ", 1)
            for line in source.read_text(encoding="utf-8").split("---")[1].splitlines()
            if ": " in line
        )
        if meta["slug"] not in withheld:
            langs.append(meta.get("lang", "fr"))
    for fmt in ("atom", "rss"):
        main = feeds[f"feeds/all.{fmt}.xml"]
        assert len(main.entries) == len(langs) == len({e.id for e in main.entries})
        for lang in ("fr", "en"):
            assert len(feeds[f"feeds/{lang}.{fmt}.xml"].entries) == langs.count(lang) > 0
    for name, parsed in feeds.items():
        assert not [e.link for e in parsed.entries if any(f"/{slug}" in e.link for slug in withheld)], name
