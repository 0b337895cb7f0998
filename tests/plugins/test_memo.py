"""The render memo in real builds: an unchanged page is not rendered again, and the site is always what a fresh build makes."""

import os
import pickle
import shutil
from pathlib import Path

from podium.plugins import memo as memo_mod
from podium.publish.build import build
from tests.conftest import post

NOW = "2026-11-28T12:00:00+01:00"
LATER = "2026-12-20T12:00:00+01:00"


def _files(site) -> dict[str, str | bytes]:
    return {
        "content/posts/a.md": post(
            "Concerter pour accélérer", slug="a", tags=["énergie"], summary="Un résumé.", body="Premier billet. " * 20
        ),
        "content/posts/b.md": post("Le réseau de demain", slug="b", date="2026-02-10 09:00", tags=["réseau"]),
        "content/posts/c.md": post(
            "Recruter des talents", slug="c", date="2026-03-10 09:00", tags=["énergie"], body="Les talents. " * 30
        ),
        "content/posts/d.md": post("Plus tard", slug="d", date="2026-12-10 09:00", body="Pas encore public."),
        "content/pages/about.md": post("À propos", slug="a-propos", body="Qui je suis."),
    }


def _build(site, now=NOW, output=None, **kw):
    return build(site, now=now, output=output or site / "output", **kw)


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _fresh(site, now=NOW) -> dict[str, bytes]:
    """What a build with no memo at all makes of the same content (another output folder, no record)."""
    return _tree(_build(site, now=now, output=site / "fresh").output)


def _identities(folder: Path) -> dict[str, tuple[int, int]]:
    return {k: (os.stat(folder / k).st_ino, os.stat(folder / k).st_mtime_ns) for k in _tree(folder)}


def test_a_rebuild_with_nothing_changed_renders_no_page_and_touches_no_file(make_site):
    site = make_site(_files(None))
    first = _build(site)
    assert "a.html" in first.ctx.memo.made and first.ctx.memo.reused == 0
    before, identities = _tree(site / "output"), _identities(site / "output")
    again = _build(site)
    assert again.ctx.memo.made == [] and again.ctx.memo.reused == len(first.ctx.memo.made)
    assert _tree(site / "output") == before and _identities(site / "output") == identities
    assert again.synced.replaced == 0 and again.synced.removed == 0


def test_editing_the_opening_of_a_post_without_summary_renders_the_lists_that_show_its_summary(make_site):
    site = make_site(_files(None))
    _build(site)
    path = site / "content/posts/c.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Les talents.", "Les jeunes talents.", 1), "utf-8")
    made = set(_build(site).ctx.memo.made)
    assert {"c.html", "index.html", "tag/energie.html"} <= made
    assert _tree(site / "output") == _fresh(site)
    assert "Les jeunes talents." in (site / "output/index.html").read_text(encoding="utf-8")


def test_editing_a_post_body_renders_its_page_and_the_lists_that_carry_it_and_equals_a_fresh_build(make_site):
    site = make_site(_files(None))
    _build(site)
    path = site / "content/posts/a.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Premier billet.", "Premier billet relu.", 1), "utf-8")
    again = _build(site)
    # podium's theme shows a text on its own page only (themes/podium/memo.json); the lists show a's summary
    pages = [m for m in again.ctx.memo.made if m.endswith(".html")]
    assert pages == ["a.html"]
    # the feeds that carry a's text are written again, and only those: b's tag feed does not hold a
    feeds = set(again.ctx.memo.made) - set(pages)
    assert "feeds/all.atom.xml" in feeds and all(f.startswith("feeds/") for f in feeds)
    assert not any("reseau" in f for f in feeds)
    assert _tree(site / "output") == _fresh(site)


def test_a_new_title_reaches_every_page_that_names_the_post(make_site):
    site = make_site(_files(None))
    _build(site)
    path = site / "content/posts/b.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Le réseau de demain", "Le réseau d'après"), "utf-8")
    again = _build(site)
    assert {"a.html", "c.html"} <= set(again.ctx.memo.made)  # their neighbour links name b
    assert _tree(site / "output") == _fresh(site)
    assert "Le réseau d’après" in (site / "output/c.html").read_text(encoding="utf-8")


def test_a_post_released_by_the_clock_appears_everywhere_as_in_a_fresh_build(make_site):
    site = make_site(_files(None))
    _build(site)
    assert not (site / "output/d.html").exists()
    _build(site, now=LATER)
    assert (site / "output/d.html").exists()
    assert _tree(site / "output") == _fresh(site, now=LATER)
    _build(site)  # and back: withheld again, gone from every page
    assert not (site / "output/d.html").exists()
    assert _tree(site / "output") == _fresh(site)


def test_a_published_file_changed_or_removed_by_hand_is_made_again(make_site):
    site = make_site(_files(None))
    _build(site)
    good = (site / "output/b.html").read_bytes()
    (site / "output/b.html").write_text("abîmé", encoding="utf-8")
    (site / "output/c.html").unlink()
    again = _build(site)
    assert {"b.html", "c.html"} <= set(again.ctx.memo.made) and "a.html" not in again.ctx.memo.made
    assert (site / "output/b.html").read_bytes() == good and (site / "output/c.html").exists()


def test_a_changed_template_or_setting_renders_every_page_again(make_site):
    site = make_site(_files(None))
    first = _build(site)
    everything = set(first.ctx.memo.made)
    overrides = site / "overrides"
    (overrides / "partials").mkdir(parents=True)
    theme = Path(first.settings["THEME"]) / "templates" / "partials" / "author.html"
    (overrides / "partials" / "author.html").write_text(theme.read_text() + "<!-- ajout -->\n", encoding="utf-8")
    conf = site / "pelicanconf.py"
    conf.write_text(conf.read_text() + f"THEME_TEMPLATES_OVERRIDES = [{str(overrides)!r}]\n", encoding="utf-8")
    assert set(_build(site).ctx.memo.made) == everything
    assert "<!-- ajout -->" in (site / "output/a.html").read_text(encoding="utf-8")
    conf.write_text(conf.read_text() + "SITESUBTITLE = 'Un sous-titre'\n", encoding="utf-8")
    assert set(_build(site).ctx.memo.made) == everything
    assert _tree(site / "output") == _fresh(site)


def test_a_theme_without_the_promise_renders_every_list_that_is_given_the_post(make_site, tmp_path):
    """A theme may show a post's text on its lists: without memo.json, a list given the post counts it whole."""
    theme = tmp_path / "theme"
    shutil.copytree(Path(_build(make_site(_files(None))).settings["THEME"]), theme)
    (theme / "memo.json").unlink()
    site = make_site(_files(None), {"THEME": str(theme)})
    _build(site)
    path = site / "content/posts/a.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Premier billet.", "Premier billet relu.", 1), "utf-8")
    made = set(_build(site).ctx.memo.made)
    assert {"a.html", "index.html", "tag/energie.html", "archives.html"} <= made
    assert not {"b.html", "c.html", "a-propos.html"} & made
    assert _tree(site / "output") == _fresh(site)


def test_switched_off_every_page_is_rendered(make_site):
    site = make_site(_files(None), {"PODIUM_RENDER_MEMO": False})
    first = _build(site)
    assert first.ctx.memo is None
    before = _identities(site / "output")
    _build(site)
    assert _identities(site / "output") == before  # sync still keeps files whose bytes did not change


def test_a_damaged_record_or_no_cache_folder_gives_the_same_bytes(make_site):
    site = make_site(_files(None))
    first = _build(site)
    record = memo_mod.manifest_path(site, site / "output")
    assert record.is_file()
    record.write_bytes(b"not a pickle")
    again = _build(site)
    assert set(again.ctx.memo.made) == set(first.ctx.memo.made)
    before = _tree(site / "output")
    shutil.rmtree(site / ".cache")
    _build(site)
    assert _tree(site / "output") == before


def test_the_record_follows_its_output_folder(make_site):
    """A preview and the site built from one project keep a record each; neither takes the other's files."""
    site = make_site(_files(None))
    _build(site)
    other = _build(site, output=site / "elsewhere")
    assert other.ctx.memo.reused == 0 and "a.html" in other.ctx.memo.made
    assert _build(site).ctx.memo.made == []
    with memo_mod.manifest_path(site, site / "output").open("rb") as handle:
        assert pickle.load(handle)["version"][2] == str((site / "output").resolve())


def test_a_failed_build_leaves_the_published_files_and_the_record_as_they_were(make_site):
    site = make_site(_files(None))
    _build(site)
    record = memo_mod.manifest_path(site, site / "output")
    saved, before = record.read_bytes(), _identities(site / "output")
    (site / "content/posts/e.md").write_text("---\ntitle: [\n---\nCassé.\n", encoding="utf-8")
    try:
        _build(site)
    except Exception:
        pass
    else:
        raise AssertionError("the broken post should fail the build")
    assert record.read_bytes() == saved and _identities(site / "output") == before
    assert _tree(site / "output") == _fresh_after_fix(site)


def _fresh_after_fix(site) -> dict[str, bytes]:
    (site / "content/posts/e.md").unlink()
    return _tree(_build(site).output)


def _jpeg(width: int, height: int, colour=(200, 80, 40)) -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def test_an_image_replaced_under_the_same_name_renders_the_post_that_shows_it(make_site):
    """The page's <picture> follows the image's size and variants, which are not in the post's text."""
    files = _files(None)
    files["content/images/vue.jpg"] = _jpeg(1600, 900)
    files["content/images/detail.jpg"] = _jpeg(1400, 700)
    body = "![Vue du chantier]({static}/images/vue.jpg)\n\nPlus bas :\n\n![Un détail]({static}/images/detail.jpg)"
    files["content/posts/b.md"] = post(
        "Le réseau de demain", slug="b", date="2026-02-10 09:00", summary="Le réseau.", body=body
    )
    site = make_site(files)
    _build(site)
    assert 'height="700"' in (site / "output/b.html").read_text(encoding="utf-8")
    (site / "content/images/detail.jpg").write_bytes(_jpeg(1400, 1050, (20, 90, 160)))
    again = _build(site)
    pages = [m for m in again.ctx.memo.made if m.endswith(".html")]
    assert pages == ["b.html"]  # the lead image is the first one: the lists and cards are unchanged
    assert 'height="1050"' in (site / "output/b.html").read_text(encoding="utf-8")
    assert _tree(site / "output") == _fresh(site)
