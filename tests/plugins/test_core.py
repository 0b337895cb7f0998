"""Core glue on real builds: translations listed on their tag and category pages."""

from tests.conftest import post


def test_translation_appears_on_its_own_tag_and_category_pages(make_site, run_build):
    site = make_site(
        {
            "content/posts/fr.md": post("Lettre", slug="lettre", category="Résultats", tags=["climat"]),
            "content/posts/en.md": post("Letter", slug="lettre", lang="en", category="Results", tags=["climate"]),
        }
    )
    out = run_build(site)
    assert "Letter" in (out / "tag/climate.html").read_text(encoding="utf-8")
    assert "Letter" in (out / "category/results.html").read_text(encoding="utf-8")
    assert "Letter" not in (out / "tag/climat.html").read_text(encoding="utf-8")
