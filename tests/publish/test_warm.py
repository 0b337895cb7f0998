"""The warm preview of ``podium serve``: one saved post read again alone, the page a full build makes, or nothing."""

import os

import pytest

from podium.publish.build import build
from podium.publish.quick import quick
from podium.publish.warm import fast
from tests.conftest import SAMPLE_NOW, post
from tests.publish.test_quick import files as quick_files

CALENDAR = """\
timezone: Europe/Paris
posts:
  e:
    status: in_review
"""


def _b(**changes):
    meta = {"slug": "b", "tags": ["énergie"], "series": "Vent", "series_index": 2, "category": "Climat"}
    meta.update(changes)
    title = meta.pop("title", "Second billet")
    return post(title, date=meta.pop("date", "2026-02-10 09:00"), body=meta.pop("body", "Texte du second."), **meta)


def files():
    """The quick preview's site, with b in a category, a post in review and a calendar."""
    return {
        **quick_files(),
        "content/posts/b.md": _b(),
        "content/posts/e.md": post("En relecture", date="2026-03-14 09:00", slug="e", body="Relu demain."),
        "content/calendar.yaml": CALENDAR,
    }


def mtimes(root):
    return {
        os.path.relpath(os.path.join(d, n), root): os.stat(os.path.join(d, n)).st_mtime_ns
        for d, _, names in os.walk(root)
        for n in names
    }


def warm_site(make_site, now=SAMPLE_NOW):
    """A site, its preview built in full, and the warm state a quick preview of b.md leaves."""
    site = make_site(files())
    out = site / "output" / "preview"
    build(site, now=now, output=out, preview=True)
    done = quick(site, [site / "content/posts/b.md"], output=out, now=now)
    assert done.warm is not None
    return site, out, done.warm


def full_page(site, rel):
    full = build(site, now=SAMPLE_NOW, output=site / "full", preview=True)
    return (full.output / rel).read_bytes()


FAST_EDITS = {
    "a sentence": ("b.md", _b(body="Texte corrigé du second."), "b.html", "Texte corrigé du second."),
    "the title": ("b.md", _b(title="Second billet, corrigé"), "b.html", "Second billet, corrigé"),
    "a summary": (
        "c.md",
        post("Troisième billet", date="2026-03-10 09:00", slug="c", summary="En bref.", body="Texte du troisième."),
        "c.html",
        "En bref.",
    ),
    "an image added": (
        "c.md",
        post(
            "Troisième billet",
            date="2026-03-10 09:00",
            slug="c",
            body="Vu ici.\n\n![Le chantier](/images/chantier.jpg)",
        ),
        "c.html",
        "srcset=",
    ),
    "a draft": (
        "d.md",
        post("Brouillon", date="2026-03-12 09:00", slug="d", status="draft", body="Presque prêt."),
        os.path.join("drafts", "d.html"),
        "Presque prêt.",
    ),
}


@pytest.mark.parametrize("edit", FAST_EDITS, ids=list(FAST_EDITS))
def test_an_edit_through_the_warm_path_gives_the_page_a_full_build_makes_and_nothing_else(make_site, edit):
    name, text, rel, shown = FAST_EDITS[edit]
    site, out, warm = warm_site(make_site)
    before = mtimes(out)
    (site / "content/posts" / name).write_text(text, encoding="utf-8")
    assert fast(warm, [str(site / "content/posts" / name)], out) == [rel]
    page = (out / rel).read_bytes()
    assert shown in page.decode()
    after = mtimes(out)
    assert {p for p in after if after[p] != before.get(p)} == {rel}
    assert page == full_page(site, rel)


def test_two_saves_in_a_row_through_the_warm_path_stay_the_full_builds_pages(make_site):
    site, out, warm = warm_site(make_site)
    b, a = site / "content/posts/b.md", site / "content/posts/a.md"
    b.write_text(_b(title="Second billet, corrigé"), encoding="utf-8")
    assert fast(warm, [str(b)], out) == ["b.html"]
    # a's page names b (series and next post): rendered from the warm state, it shows b's new title
    a.write_text(
        post(
            "Premier billet",
            slug="a",
            tags=["énergie"],
            series="Vent",
            series_index=1,
            body="Texte revu du premier.\n\n![Le chantier](/images/chantier.jpg)",
        ),
        encoding="utf-8",
    )
    assert fast(warm, [str(a)], out) == ["a.html"]
    assert "Second billet, corrigé" in (out / "a.html").read_text(encoding="utf-8")
    assert (out / "a.html").read_bytes() == full_page(site, "a.html")
    assert (out / "b.html").read_bytes() == (site / "full" / "b.html").read_bytes()


def test_a_post_withheld_by_the_calendar_keeps_its_banner_through_the_warm_path(make_site):
    site, out, warm = warm_site(make_site)
    e = site / "content/posts/e.md"
    e.write_text(post("En relecture", date="2026-03-14 09:00", slug="e", body="Relu ce soir."), encoding="utf-8")
    assert fast(warm, [str(e)], out) == ["e.html"]
    page = (out / "e.html").read_text(encoding="utf-8")
    assert "Relu ce soir." in page and 'class="preview-banner"' in page and "in_review" in page
    assert page.encode() == full_page(site, "e.html")


FALLBACKS = {
    "status": _b(status="draft"),
    "date": _b(date="2026-02-11 09:00"),
    "slug": _b(slug="b2"),
    "lang": _b(lang="en"),
    "category": _b(category="Énergie"),
    "tags": _b(tags=["énergie", "vent"]),
    "series": _b(series="Soleil"),
    "series_index": _b(series_index=3),
    "template": _b(template="page"),
    "save_as": _b(save_as="ailleurs/b.html"),
    "url": _b(url="ailleurs/b.html"),
    "comments": _b(comments="closed"),
    "authors": _b(author="Quelqu'un d'autre"),
    "broken front matter": "---\ntitle: [\n---\n\nTexte.\n",
}


@pytest.mark.parametrize("edit", FALLBACKS, ids=list(FALLBACKS))
def test_an_edit_other_pages_or_the_embargo_depend_on_falls_back_and_writes_nothing(make_site, edit):
    site, out, warm = warm_site(make_site)
    before = mtimes(out)
    (site / "content/posts/b.md").write_text(FALLBACKS[edit], encoding="utf-8")
    assert fast(warm, [str(site / "content/posts/b.md")], out) is None
    assert mtimes(out) == before
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".preview.warm-")]


def test_a_new_post_falls_back(make_site):
    site, out, warm = warm_site(make_site)
    new = site / "content/posts/f.md"
    new.write_text(post("Nouveau", date="2026-03-20 09:00", slug="f"), encoding="utf-8")
    assert fast(warm, [str(new)], out) is None


def test_a_hold_that_time_has_lifted_falls_back_rather_than_show_a_stale_banner(make_site):
    # made as of 11 March: e (14 March) is withheld as scheduled; then the clock runs (no --now): it is long after
    site, out, warm = warm_site(make_site, now="2026-03-11T00:00+01:00")
    e = warm.article_of(os.path.realpath(site / "content/posts/e.md"))[1]
    assert warm.ctx.reason(e).startswith("scheduled for 2026-03-14")
    warm.fixed_now = None
    c = site / "content/posts/c.md"
    c.write_text(post("Troisième billet", date="2026-03-10 09:00", slug="c", body="Revu."), encoding="utf-8")
    assert fast(warm, [str(c)], out) is None


def test_with_the_clock_running_and_no_hold_lifted_the_warm_path_moves_to_now(make_site):
    site, out, warm = warm_site(make_site)
    made = warm.ctx.now
    warm.fixed_now = None
    c = site / "content/posts/c.md"
    c.write_text(post("Troisième billet", date="2026-03-10 09:00", slug="c", body="Revu."), encoding="utf-8")
    assert fast(warm, [str(c)], out) == ["c.html"]
    assert warm.ctx.now > made
