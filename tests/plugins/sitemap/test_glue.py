"""sitemap.xml and robots.txt on real Pelican builds: every public page, hreflang pairs, nothing withheld."""

from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import post

NOW = "2026-11-28T12:00+01:00"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
ROOT = "https://blog.test/"


@pytest.fixture
def site(make_site):
    return make_site(
        {
            "content/posts/lettre.md": post(
                "Lettre",
                date="2026-07-21 09:00",
                slug="lettre",
                category="Résultats",
                tags=["climat"],
                modified="2026-08-02 10:00",
            ),
            "content/posts/lettre-en.md": post(
                "Letter", date="2026-07-21 09:00", lang="en", slug="lettre", category="Results", tags=["climate"]
            ),
            "content/posts/seul.md": post(
                "Seul", date="2026-05-01 09:00", slug="seul", category="Résultats", tags=["été"]
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
            "content/posts/pair-en.md": post("Pair", date="2026-06-01 09:00", lang="en", slug="paire", body="PAIR-EN"),
            "content/posts/pair-fr.md": post(
                "Paire", date="2026-06-01 09:00", slug="paire", status="draft", body="SECRET-PAIR"
            ),
            "content/pages/about.md": post("À propos", slug="a-propos", date="2026-01-01 09:00"),
            "content/pages/social.md": post(
                "Équipe comms", slug="equipe", save_as="social/equipe.html", url="social/equipe.html"
            ),
        }
    )


def sitemap_files(out: Path, root: str = ROOT) -> dict[str, str | None]:
    """The sitemaps sitemap.xml (an index) names, by file name, with their lastmod."""
    index = etree.fromstring((out / "sitemap.xml").read_bytes())
    assert index.tag == f"{{{NS['s']}}}sitemapindex"
    found = {}
    for item in index.findall("s:sitemap", NS):
        loc = item.find("s:loc", NS).text
        assert loc.startswith(root), loc  # a sitemap may only list addresses under its own folder
        found[loc[len(root) :]] = getattr(item.find("s:lastmod", NS), "text", None)
    return found


def sitemap(out: Path, root: str = ROOT) -> dict[str, dict]:
    """Every address of every sitemap the index names; no address in two of them."""
    urls: dict[str, dict] = {}
    for name in sitemap_files(out, root):
        root = etree.fromstring((out / name).read_bytes())
        for u in root.findall("s:url", NS):
            loc = u.find("s:loc", NS).text
            assert loc not in urls, loc
            urls[loc] = {
                "lastmod": getattr(u.find("s:lastmod", NS), "text", None),
                "alternates": [(l.get("hreflang"), l.get("href")) for l in u.findall("x:link", NS)],
                "in": name,
            }
    return urls


def public_pages(out: Path) -> set[str]:
    """Every HTML file a visitor may reach, by address: all of them but the private ones and the 404."""
    found = set()
    for path in out.rglob("*.html"):
        rel = path.relative_to(out).as_posix()
        if rel.startswith(("social/", "drafts/")) or path.name == "404.html":
            continue
        found.add(ROOT + (rel[: -len("index.html")] if rel.endswith("index.html") else rel))
    return found


def test_the_sitemap_lists_exactly_the_public_pages(site, run_build):
    out = run_build(site, now=NOW, prod=True)
    urls = sitemap(out)
    assert (out / "404.html").exists() and (out / "social" / "equipe.html").exists(), "the exclusions must be tested"
    assert set(urls) == public_pages(out)
    for expected in (
        "",
        "lettre.html",
        "lettre-en.html",
        "seul.html",
        "paire-en.html",
        "pages/a-propos.html",
        "tag/climat.html",
        "category/resultats.html",
        "archives.html",
    ):
        assert ROOT + expected in urls, expected


def test_the_translation_pair_carries_hreflang_alternates_both_ways(site, run_build):
    urls = sitemap(run_build(site, now=NOW, prod=True))
    pair = [("en", ROOT + "lettre-en.html"), ("fr", ROOT + "lettre.html")]
    assert urls[ROOT + "lettre.html"]["alternates"] == pair
    assert urls[ROOT + "lettre-en.html"]["alternates"] == pair
    assert urls[ROOT + "seul.html"]["alternates"] == []
    assert urls[ROOT + "paire-en.html"]["alternates"] == []  # its French version is a draft


def test_lastmod_is_the_modification_date_or_the_newest_post(site, run_build):
    urls = sitemap(run_build(site, now=NOW, prod=True))
    assert urls[ROOT + "lettre.html"]["lastmod"] == "2026-08-02T10:00:00+02:00"
    assert urls[ROOT + "lettre-en.html"]["lastmod"] == "2026-07-21T09:00:00+02:00"
    assert urls[ROOT + "category/resultats.html"]["lastmod"] == "2026-08-02T10:00:00+02:00"
    assert urls[ROOT + "tag/ete.html"]["lastmod"] == "2026-05-01T09:00:00+02:00"


@pytest.mark.parametrize("preview", [False, True])
def test_nothing_withheld_is_ever_listed_even_in_a_preview_build(site, preview):
    from podium.publish.build import build

    out = build(site, preview=preview, now=NOW, output=site / f"out-{preview}").output
    text = "".join(p.read_text(encoding="utf-8") for p in out.glob("sitemap*.xml"))
    for marker in ("brouillon", "futur", "secret-d", "secret-f", "annonces", "drafts/", "paire.html", "social/", "404"):
        assert marker not in text, marker
    if preview:
        assert list(out.rglob("futur*.html")), "the preview shows the future post, so the sitemap had to leave it out"


def test_posts_are_in_their_years_sitemap_and_listings_apart(site, run_build):
    out = run_build(site, now=NOW, prod=True)
    assert sitemap_files(out) == {
        "sitemap-listings.xml": "2026-08-02T10:00:00+02:00",
        "sitemap-pages.xml": "2026-01-01T09:00:00+01:00",
        "sitemap-2026.xml": "2026-08-02T10:00:00+02:00",
    }
    urls = sitemap(out)
    assert {u for u, v in urls.items() if v["in"] == "sitemap-2026.xml"} == {
        ROOT + p for p in ("lettre.html", "lettre-en.html", "seul.html", "paire-en.html", "archives/2026.html")
    }
    assert {u for u, v in urls.items() if v["in"] == "sitemap-listings.xml"} >= {ROOT, ROOT + "tag/climat.html"}
    assert urls[ROOT + "archives.html"]["in"] == "sitemap-pages.xml"


def test_robots_points_to_the_absolute_sitemap_address(site, run_build):
    out = run_build(site, now=NOW, prod=True)
    assert (out / "robots.txt").read_text(encoding="utf-8") == (
        "User-agent: *\nDisallow:\n\nSitemap: https://blog.test/sitemap.xml\n"
    )


def test_a_robots_txt_of_the_authors_own_is_kept(make_site, run_build):
    site = make_site(
        {"content/posts/a.md": post("A", slug="a"), "content/extra/robots.txt": "User-agent: *\nDisallow: /x/\n"},
        {"STATIC_PATHS": ["images", "extra"], "EXTRA_PATH_METADATA": {"extra/robots.txt": {"path": "robots.txt"}}},
    )
    out = run_build(site, now=NOW)
    assert (out / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nDisallow: /x/\n"
    assert (out / "sitemap.xml").exists()


def test_the_sample_blog_sitemap_pairs_its_translated_letter(sample_site_output):
    base = "https://claire-morel.example/"
    urls = sitemap(sample_site_output, base)
    pair = [("en", base + "lettre-mi-annee-2026-en.html"), ("fr", base + "lettre-mi-annee-2026.html")]
    assert urls[base + "lettre-mi-annee-2026.html"]["alternates"] == pair
    assert set(urls) == {u.replace(ROOT, base) for u in public_pages(sample_site_output)}
    assert "Sitemap: https://claire-morel.example/sitemap.xml" in (sample_site_output / "robots.txt").read_text()
