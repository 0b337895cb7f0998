"""Teasers in real Pelican builds: teasers.json, the kit pages, the embargo, and author errors."""

import json
from importlib import resources

import jsonschema
import pytest

from podium.plugins.errors import PodiumError
from podium.publish.cli import main
from tests.conftest import post

BODY_FR = """Cette année, la concertation a changé notre façon de travailler. Les habitants sont venus nombreux.

Nous avons réduit nos délais de 30 % sur vingt projets.

> La concertation n'est pas une étape : c'est la méthode.
"""
OVER = "a" * 297
AUTHOR_FILE = f"""---
title: "La rentrée"
date: 2026-01-10 09:00
lang: fr
tags: [énergie]
teasers:
  x: "{OVER}"
  mastodon:
    - "Bonne version {{link}}"
    - "{"é" * 520}"
---

Un paragraphe.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One build shared by the read-only tests below: a post, its translation, a draft and a future post."""
    from podium.publish.build import build
    from tests.conftest import _write_site

    root = tmp_path_factory.mktemp("teasers-site")
    _write_site(
        root,
        {
            "content/posts/concertation.md": post(
                "Concerter pour accélérer",
                slug="concertation",
                tags=["énergie", "territoires"],
                category="Transition",
                body=BODY_FR,
                campaign="rentree-2026",
            ),
            "content/posts/concertation-en.md": post(
                "Consult to go faster",
                slug="concertation",
                lang="en",
                tags=["energy"],
                body="We consulted more. It cut delays by 30%.",
                translation="true",
            ),
            "content/posts/brouillon.md": post(
                "SECRET-DRAFT-TITLE", slug="brouillon", status="draft", body="SECRET-DRAFT-BODY"
            ),
            "content/posts/futur.md": post(
                "SECRET-FUTURE-TITLE", slug="futur", date="2027-05-01 09:00", body="SECRET-FUTURE-BODY"
            ),
        },
        {"PODIUM_NETWORKS": ["x", "linkedin", "mastodon", "bluesky", "threads"]},
    )
    result = build(root, now="2026-11-28T12:00:00+01:00", output=root / "output", comms=root / "comms")
    return result


def test_teasers_json_follows_its_schema(built):
    data = json.loads((built.comms / "data" / "teasers.json").read_text(encoding="utf-8"))
    schema = json.loads(resources.files("podium.plugins.teasers").joinpath("teasers.schema.json").read_text())
    jsonschema.validate(data, schema)
    assert set(data) == {"version", "teasers"}  # no build time: same posts, same bytes
    entries = data["teasers"]
    assert {(e["slug"], e["lang"]) for e in entries} == {("concertation", "fr"), ("concertation", "en")}
    for lang in ("fr", "en"):
        for network in ("x", "linkedin", "mastodon", "bluesky", "threads"):
            mine = [e for e in entries if e["lang"] == lang and e["network"] == network]
            assert len(mine) >= 2 and all(e["length"] <= e["limit"] for e in mine)
            assert all("utm_campaign=rentree-2026" in e["url"] or lang == "en" for e in mine)
    assert all(e["facets"] for e in entries if e["network"] == "bluesky")
    assert all("facets" not in e for e in entries if e["network"] != "bluesky")


def test_teasers_json_holds_no_withheld_post(built):
    data = (built.comms / "data" / "teasers.json").read_text(encoding="utf-8")
    for marker in ("SECRET", "brouillon", "futur"):
        assert marker not in data, marker
    assert "concertation" in data


def test_the_site_has_no_teaser_file_and_no_kit(built):
    out = built.output
    assert not (out / "social").exists()
    for path in (p for p in out.rglob("*") if p.is_file()):
        data = path.read_bytes()
        for marker in (b"teasers.json", b"kit.js", b"kit-data", b"PODIUM_COUNTING", b"SECRET"):
            assert marker not in data, (path, marker)


def test_the_teasers_page_is_private(built):
    page = (built.comms / "posts" / "concertation.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow, noarchive">' in page
    assert 'src="../assets/kit-data.js"' in page and 'src="../assets/kit.js"' in page
    assert "https://" not in page.split("<main>")[0], "no external resource in the head"


def test_the_kit_page_shows_every_teaser_with_its_count(built):
    page = (built.comms / "posts" / "concertation.html").read_text(encoding="utf-8")
    data = json.loads((built.comms / "data" / "teasers.json").read_text(encoding="utf-8"))
    assert page.count("<textarea") == sum(len(e.get("parts", [1])) for e in data["teasers"])
    assert page.index('lang="fr"', page.index("<main>")) < page.index('lang="en"', page.index("<main>")), (
        "site language first"
    )
    assert (built.comms / "assets" / "kit.js").exists()
    assert (built.comms / "assets" / "kit-data.js").read_text().startswith("window.PODIUM_COUNTING = {")


def test_teasers_are_handed_to_the_calendar(built):
    shared = built.ctx.teasers_by_slug
    assert set(shared) == {"concertation"}
    assert {t.lang for t in shared["concertation"]} == {"fr", "en"}
    assert all(not t.parts for t in shared["concertation"])


def test_an_author_teaser_over_its_limit_fails_the_build(make_site, run_build):
    site = make_site({"content/posts/rentree.md": AUTHOR_FILE})
    with pytest.raises(PodiumError) as caught:
        run_build(site)
    assert str(caught.value).splitlines() == [
        "content/posts/rentree.md:7: the X teaser is 297/280 (weighted); shorten it by 17",
        "content/posts/rentree.md:10: the Mastodon teaser is 520/500 (characters); shorten it by 20",
    ]
    assert not (site / "output").exists()


def test_podium_build_exits_2_and_prints_the_errors(make_site, capsys):
    site = make_site({"content/posts/rentree.md": AUTHOR_FILE})
    assert main(["build", "-C", str(site), "--now", "2026-11-28T12:00:00+01:00"]) == 2
    err = capsys.readouterr().err
    assert "content/posts/rentree.md:7: the X teaser is 297/280 (weighted); shorten it by 17" in err


def test_teasers_can_be_turned_off(make_site, run_build):
    site = make_site(
        {"content/posts/a.md": post("Un billet", slug="a", body="Texte.")}, {"PODIUM_TEASERS_ENABLED": False}
    )
    out = run_build(site)
    assert not (out.parent / "comms" / "data" / "teasers.json").exists()


def test_the_kit_can_be_turned_off_but_not_the_json(make_site, run_build):
    site = make_site({"content/posts/a.md": post("Un billet", slug="a", body="Texte.")}, {"PODIUM_TEASERS_KIT": False})
    room = run_build(site).parent / "comms"
    assert (room / "data" / "teasers.json").exists()
    assert not (room / "posts" / "a.html").exists()


def test_preview_builds_give_no_teaser_to_withheld_posts(make_site, run_build):
    site = make_site(
        {
            "content/posts/a.md": post("Public", slug="a", body="Texte public."),
            "content/posts/b.md": post("SECRET-FUTURE", slug="b", date="2027-05-01 09:00", body="Texte futur."),
            "content/posts/c.md": post("SECRET-DRAFT", slug="c", status="draft", body="Brouillon."),
        }
    )
    out = run_build(site, preview=True)
    entries = json.loads((out.parent / "comms" / "data" / "teasers.json").read_text())["teasers"]
    assert {e["slug"] for e in entries} == {"a"}
