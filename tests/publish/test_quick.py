"""The quick preview of a saved post: the same page as a full build, and nothing else touched."""

import os

from podium.publish.build import build
from podium.publish.quick import quick
from tests.conftest import SAMPLE_NOW, post
from tests.plugins.images.helpers import phone_jpeg


def files():
    return {
        "content/posts/a.md": post(
            "Premier billet",
            slug="a",
            tags=["énergie"],
            series="Vent",
            series_index=1,
            body="Texte du premier.\n\n![Le chantier](/images/chantier.jpg)",
        ),
        "content/posts/b.md": post(
            "Second billet",
            date="2026-02-10 09:00",
            slug="b",
            tags=["énergie"],
            series="Vent",
            series_index=2,
            body="Texte du second.",
        ),
        "content/posts/c.md": post("Troisième billet", date="2026-03-10 09:00", slug="c", body="Texte du troisième."),
        "content/posts/d.md": post("Brouillon", date="2026-03-12 09:00", slug="d", status="draft", body="Pas encore."),
        "content/images/chantier.jpg": phone_jpeg(1200, 800, sideways=False),
    }


def mtimes(root):
    return {
        os.path.relpath(os.path.join(d, n), root): os.stat(os.path.join(d, n)).st_mtime_ns
        for d, _, names in os.walk(root)
        for n in names
    }


def test_the_quick_page_is_the_page_a_full_build_makes_and_nothing_else_changes(make_site):
    site = make_site(files())
    out = site / "output" / "preview"
    build(site, now=SAMPLE_NOW, output=out, preview=True)
    before = mtimes(out)
    (site / "content/posts/b.md").write_text(
        post(
            "Second billet, corrigé",
            date="2026-02-10 09:00",
            slug="b",
            tags=["énergie"],
            series="Vent",
            series_index=2,
            body="Texte corrigé du second.",
        ),
        encoding="utf-8",
    )
    done = quick(site, [site / "content/posts/b.md"], output=out, now=SAMPLE_NOW)
    assert done.written == ["b.html"] and done.pages == ["/b.html"]
    page = (out / "b.html").read_bytes()
    assert "Texte corrigé du second." in page.decode()
    after = mtimes(out)
    assert {p for p in after if after[p] != before.get(p)} == {"b.html"}
    full = build(site, now=SAMPLE_NOW, output=site / "full", preview=True)
    assert (full.output / "b.html").read_bytes() == page
    assert "Second billet, corrigé" in (full.output / "index.html").read_text(encoding="utf-8")


def test_a_draft_gets_its_quick_page_too(make_site):
    site = make_site(files())
    out = site / "output" / "preview"
    build(site, now=SAMPLE_NOW, output=out, preview=True)
    (site / "content/posts/d.md").write_text(
        post("Brouillon", date="2026-03-12 09:00", slug="d", status="draft", body="Presque prêt."), encoding="utf-8"
    )
    done = quick(site, [site / "content/posts/d.md"], output=out, now=SAMPLE_NOW)
    assert done.written == [os.path.join("drafts", "d.html")]
    full = build(site, now=SAMPLE_NOW, output=site / "full", preview=True)
    assert (full.output / "drafts" / "d.html").read_bytes() == (out / "drafts" / "d.html").read_bytes()


def test_a_post_with_an_error_gives_no_quick_page_and_leaves_the_preview_alone(make_site):
    site = make_site(files())
    out = site / "output" / "preview"
    build(site, now=SAMPLE_NOW, output=out, preview=True)
    before = mtimes(out)
    (site / "content/posts/b.md").write_text(post("B", slug="b", lang="de"), encoding="utf-8")
    assert quick(site, [site / "content/posts/b.md"], output=out, now=SAMPLE_NOW) is None
    assert mtimes(out) == before
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".preview.quick-")]
