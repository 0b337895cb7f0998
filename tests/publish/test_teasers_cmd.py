"""`podium teasers SLUG` and `podium count --network N` from the command line."""

import io
import json

import pytest

from podium.publish.cli import main
from tests.conftest import post

NOW = "2026-11-28T12:00:00+01:00"
BODY = "Nous avons réduit nos délais de 30 % sur vingt projets.\n\n> La concertation n'est pas une étape : c'est la méthode.\n"


@pytest.fixture
def site(make_site):
    root = make_site(
        {
            "content/posts/concertation.md": post(
                "Concerter pour accélérer", slug="concertation", tags=["énergie"], body=BODY
            ),
            "content/posts/futur.md": post("Plus tard", slug="futur", date="2027-05-01 09:00", body="Bientôt."),
        }
    )
    # production settings give the real address; pelicanconf.py here has it already
    (root / "publishconf.py").write_text("from pelicanconf import *  # noqa\nSITEURL = 'https://claire.example'\n")
    return root


def run(capsys, *argv, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    status = main(list(argv))
    out = capsys.readouterr()
    return status, out.out, out.err


def test_teasers_prints_every_network_ready_to_copy(site, capsys):
    status, out, _ = run(capsys, "teasers", "concertation", "-C", str(site), "--now", NOW)
    assert status == 0
    assert "== X · fr · variant 1 (quote) · " in out
    assert "== LinkedIn · fr · variant 1" in out and "== Mastodon · fr" in out and "== Bluesky · fr" in out
    assert "https://claire.example/concertation.html?utm_source=x&utm_medium=social&utm_campaign=concertation" in out


def test_teasers_json_for_one_network_is_clean_json(site, capsys):
    status, out, _ = run(
        capsys, "teasers", "concertation", "-C", str(site), "--now", NOW, "--network", "bluesky", "--json"
    )
    assert status == 0
    entries = json.loads(out)
    assert len(entries) >= 2 and {e["network"] for e in entries} == {"bluesky"}
    assert all(e["facets"] and e["length"] <= e["limit"] == 300 for e in entries)


def test_local_builds_with_pelicanconf_and_keeps_the_production_address(site, capsys):
    _, out, _ = run(capsys, "teasers", "concertation", "-C", str(site), "--now", NOW, "--local", "-n", "x", "--json")
    _, prod, _ = run(capsys, "teasers", "concertation", "-C", str(site), "--now", NOW, "-n", "x", "--json")
    assert all(e["url"].startswith("https://claire.example/concertation.html?") for e in json.loads(out))
    assert out == prod


def test_a_withheld_post_says_how_to_see_it_early(site, capsys):
    status, _, err = run(capsys, "teasers", "futur", "-C", str(site), "--now", NOW)
    assert status == 2
    assert err.strip() == (
        "podium: the post 'futur' has no teasers yet: it is withheld (scheduled for 2027-05-01T09:00:00+02:00); "
        "pass --now with its publication time to see them early"
    )
    status, out, _ = run(capsys, "teasers", "futur", "-C", str(site), "--now", "2027-05-02T00:00:00+02:00", "-n", "x")
    assert status == 0 and "== X · fr" in out


def test_an_unknown_slug_gets_a_suggestion(site, capsys):
    status, _, err = run(capsys, "teasers", "concertaton", "-C", str(site), "--now", NOW)
    assert status == 2
    assert err.strip() == "podium: no published post has the slug 'concertaton'; did you mean 'concertation'?"


def test_count_prints_length_and_limit(capsys, monkeypatch, tmp_path):
    status, out, err = run(
        capsys,
        "count",
        "-C",
        str(tmp_path),
        "--network",
        "x",
        stdin="Lire https://exemple.fr/un/long/chemin 🇫🇷\n",
        monkeypatch=monkeypatch,
    )
    assert (status, out, err) == (0, "31/280 (weighted)\n", "")  # 5 + 23 + 1 + 2


def test_count_exits_1_when_over(capsys, monkeypatch, tmp_path):
    status, out, err = run(
        capsys, "count", "-C", str(tmp_path), "--network", "bluesky", stdin="é" * 310, monkeypatch=monkeypatch
    )
    assert status == 1
    assert out == "310/300 (graphemes)\n"
    assert err == "podium: the Bluesky text is 310/300 (graphemes); shorten it by 10\n"


def test_count_uses_the_projects_mastodon_limit(site, capsys, monkeypatch):
    (site / "pelicanconf.py").write_text(
        (site / "pelicanconf.py").read_text() + "PODIUM_TEASERS_MASTODON_LIMIT = 1000\n"
    )
    status, out, _ = run(capsys, "count", "-C", str(site), "-n", "mastodon", stdin="a" * 800, monkeypatch=monkeypatch)
    assert (status, out) == (0, "800/1000 (characters)\n")
    status, out, _ = run(
        capsys, "count", "-C", str(site), "-n", "mastodon", "--limit", "700", stdin="a" * 800, monkeypatch=monkeypatch
    )
    assert (status, out) == (1, "800/700 (characters)\n")


def test_count_checks_linkedins_first_line_shown_before_see_more(capsys, monkeypatch, tmp_path):
    text = "a" * 230 + "\n\nLa suite."
    status, out, err = run(capsys, "count", "-C", str(tmp_path), "-n", "linkedin", stdin=text, monkeypatch=monkeypatch)
    assert (status, out) == (1, "241/3000 (characters), first line 230/210\n")
    assert err == (
        "podium: the first line of the LinkedIn text is 230/210, so readers see it cut before "
        "'…see more'; shorten it by 20 or break the line earlier\n"
    )
    status, out, err = run(
        capsys,
        "count",
        "-C",
        str(tmp_path),
        "-n",
        "linkedin",
        stdin="Une accroche.\n\nLa suite.",
        monkeypatch=monkeypatch,
    )
    assert (status, out, err) == (0, "24/3000 (characters), first line 13/210\n", "")


@pytest.mark.parametrize(
    "network, text, out, err",
    [
        (
            "instagram",
            " ".join(f"#t{i}" for i in range(31)),
            "144/2200 (characters)\n",
            "podium: the Instagram text has 31 hashtags, over Instagram's 30; remove 1\n",
        ),
        ("instagram", "Bonne rentrée 🎒", "16/2200 (characters)\n", ""),  # UTF-16, as the app counts: the emoji is 2
        (
            "threads",
            "\U0001f468\u200d\U0001f469\u200d\U0001f467" + "a" * 480,
            "498/500 (characters)\n",
            "",
        ),  # emoji: UTF-8 bytes
        (
            "threads",
            " ".join(f"https://e.org/{i}" for i in range(6)),
            "95/500 (characters)\n",
            "podium: the Threads text has 6 links, over Threads' 5; remove 1\n",
        ),
        (
            "pinterest",
            "é" * 801,
            "801/800 (characters)\n",
            "podium: the Pinterest text is 801/800 (characters); shorten it by 1\n",
        ),
    ],
)
def test_count_applies_each_image_networks_own_rules(capsys, monkeypatch, tmp_path, network, text, out, err):
    status, shown, problems = run(
        capsys, "count", "-C", str(tmp_path), "-n", network, stdin=text, monkeypatch=monkeypatch
    )
    assert (status, shown, problems) == (1 if err else 0, out, err)


def test_teasers_for_the_image_networks_show_each_networks_fields(make_site, capsys):
    site = make_site(
        {
            "content/posts/concertation.md": post(
                "Concerter pour accélérer", slug="concertation", tags=["énergie"], body=BODY
            )
        },
        settings={
            "PODIUM_NETWORKS": ["instagram", "facebook", "pinterest", "threads"],
            "PODIUM_PINTEREST_BOARD": "1234567890123",
            "SITEURL": "https://claire.example",
        },
    )
    status, out, _ = run(capsys, "teasers", "concertation", "-C", str(site), "--now", NOW, "--local")
    assert status == 0
    assert "== Instagram · fr · variant 1" in out and "claire.example (lien dans la bio)" in out
    assert "== Facebook · fr" in out and "== Threads · fr" in out
    assert (
        "Title: Concerter pour accélérer\nLink: https://claire.example/concertation.html?utm_source=pinterest"
        "&utm_medium=social&utm_campaign=concertation\nDescription:\n"
    ) in out
    status, out, _ = run(
        capsys, "teasers", "concertation", "-C", str(site), "--now", NOW, "--local", "-n", "pinterest", "--json"
    )
    assert {e["pin"]["title"] for e in json.loads(out)} == {"Concerter pour accélérer"}
