"""The first embargo layer on real Pelican builds: a withheld post leaves no trace anywhere."""

from pathlib import Path

import pytest

from tests.conftest import post

PNG = Path(__file__).resolve().parents[3] / "content" / "images" / "logo.png"


def grep_output(out: Path, marker: str) -> list[str]:
    hits = []
    for path in out.rglob("*"):
        if path.is_file() and marker.encode() in path.read_bytes():
            hits.append(str(path.relative_to(out)))
    return hits


@pytest.fixture
def site(make_site):
    return make_site(
        {
            "content/posts/public.md": post(
                "Public", slug="public", tags=["commun"], category="Blog", body="PUBLIC-OK"
            ),
            "content/posts/draft.md": post(
                "Brouillon SECRET-DRAFT",
                slug="brouillon",
                status="draft",
                tags=["secret-tag-d"],
                body="SECRET-DRAFT ![Photo](/images/launch.png)",
            ),
            "content/posts/future.md": post(
                "Futur SECRET-FUTURE",
                date="2027-05-01 09:00",
                slug="futur",
                category="Annonces",
                tags=["secret-tag-f"],
                body="SECRET-FUTURE ![Photo]({static}/images/launch.png)",
            ),
            "content/posts/pair-en.md": post("Pair EN", slug="pair", lang="en", body="PAIR-EN-OK"),
            "content/posts/pair-fr.md": post(
                "Paire FR SECRET-PAIR", slug="pair", lang="fr", status="draft", body="SECRET-PAIR"
            ),
            "content/pages/draft-page.md": post(
                "Page SECRET-PAGE", slug="draft-page", status="draft", body="SECRET-PAGE"
            ),
            "content/images/launch.png": PNG.read_bytes(),
        }
    )


@pytest.mark.parametrize("prod", [False, True])
def test_withheld_posts_appear_in_no_output_file(site, run_build, prod):
    out = run_build(site, now="2026-11-28T12:00+01:00", prod=prod)
    assert grep_output(out, "PUBLIC-OK"), "the public post must be built, or the test proves nothing"
    assert grep_output(out, "PAIR-EN-OK")
    for marker in (
        "SECRET-DRAFT",
        "SECRET-FUTURE",
        "SECRET-PAIR",
        "SECRET-PAGE",
        "secret-tag-d",
        "secret-tag-f",
        "brouillon",
        "futur.html",
        "Annonces",
        "launch.png",
        "draft-page",
    ):
        assert grep_output(out, marker) == [], marker
    assert not (out / "images" / "launch.png").exists()
    assert not (out / "drafts").exists()


def test_future_post_appears_once_its_time_has_come(site, run_build):
    out = run_build(site, now="2027-05-01T09:00+02:00")
    assert grep_output(out, "SECRET-FUTURE")
    assert (out / "images" / "launch.png").exists()
    assert grep_output(out, "SECRET-DRAFT") == []


def test_preview_shows_drafts_but_records_them_as_withheld(site):
    from podium.publish.build import build

    result = build(site, preview=True, now="2026-11-28T12:00+01:00", output=site / "preview")
    assert result.ctx.withheld_slugs() == {
        "brouillon": "draft",
        "futur": "scheduled for 2027-05-01T09:00:00+02:00",
        "pair": "draft",
        "draft-page": "draft",
    }
    assert grep_output(result.output, "SECRET-DRAFT")


def test_a_french_draft_does_not_hide_its_published_english_translation(site, run_build):
    import json

    out = run_build(site, now="2026-11-28T12:00+01:00", prod=True)
    entries = json.loads((out.parent / "comms/data/teasers.json").read_text(encoding="utf-8"))["teasers"]
    pair = {(e["slug"], e["lang"]) for e in entries if e["slug"] == "pair"}
    assert pair == {("pair", "en")}
    feed = (out / "feeds/all.atom.xml").read_text(encoding="utf-8")
    assert "Pair EN" in feed and "SECRET-PAIR" not in feed


def test_context_is_withheld_by_slug_and_language():
    from types import SimpleNamespace

    from podium.plugins.context import BuildContext
    from podium.plugins.settings import defaults

    ctx = BuildContext(config=defaults(), now=None)
    fr, en = SimpleNamespace(slug="pair", lang="fr"), SimpleNamespace(slug="pair", lang="en")
    ctx.hold(fr, "draft")
    assert ctx.is_withheld(fr) and not ctx.is_withheld(en)
    assert ctx.is_withheld(SimpleNamespace(slug="pair", lang="fr"))
    assert ctx.withheld_slugs() == {"pair": "draft"}
    assert ctx.withheld == {("pair", "fr"): "draft"} and ctx.reason(fr) == "draft" and ctx.reason(en) is None
