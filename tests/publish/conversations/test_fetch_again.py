"""A second fetch, against local contract servers: edits, deletions, growing counts, hostile sizes, the store kept whole."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from podium.publish.cli import main
from tests.publish.fakes.mastodon_threads import MastodonThreads

from .helpers import NOW, site_with_shares

LATER = "2026-11-29T12:00:00+01:00"
STORE = "content/.podium/conversations/rentree.json"


@pytest.fixture
def mastodon(monkeypatch):
    with MastodonThreads() as server:
        leader = server.account(1, "leader")
        root = server.add(leader, "<p>Nouveau billet</p>", counts=(2, 1, 3))
        server.add(server.account(2, "ada", "other.example", name="Ada L."), "<p>Bravo !</p>", reply_to=root)
        server.add(server.account(3, "bob"), "<p>Une question</p>", reply_to=root)
        monkeypatch.setenv("PODIUM_MASTODON_INSTANCE", server.base_url)
        for name in (
            "PODIUM_MASTODON_ACCESS_TOKEN",
            "PODIUM_WEBMENTION_IO_TOKEN",
            "PODIUM_X_ACCESS_TOKEN",
            "PODIUM_LINKEDIN_ACCESS_TOKEN",
        ):
            monkeypatch.delenv(name, raising=False)
        yield server, root


def _fetch(site: Path, now: str = NOW) -> int:
    return main(["conversations", "fetch", "-C", str(site), "--now", now])


def _thread(site: Path) -> dict:
    return json.loads((site / STORE).read_text(encoding="utf-8"))["threads"][0]


def test_against_local_mastodon_server_an_edited_reply_is_updated_and_counts_grow_as_dated_snapshots(
    make_site, mastodon
):
    server, root = mastodon
    site = site_with_shares(make_site, [("rentree/mastodon/0", "mastodon", root)])
    assert _fetch(site) == 0
    ada = str(int(root) + 1)
    server.statuses[ada].update({"content": "<p>Bravo, et merci !</p>", "edited_at": "2027-03-02T11:00:00.000Z"})
    server.statuses[root]["favourites_count"] = 8
    assert _fetch(site, LATER) == 0
    thread = _thread(site)
    edited = next(r for r in thread["replies"] if r["remote_id"] == ada)
    assert edited["html"] == "<p>Bravo, et merci !</p>" and edited["edited"] == "2027-03-02T11:00:00+00:00"
    assert edited["seen"] == "2026-11-28T12:00:00+01:00"  # first seen at the first fetch: not "new" again
    assert [(s["time"], s["likes"]) for s in thread["reactions"]] == [
        ("2026-11-28T12:00:00+01:00", 3),
        ("2026-11-29T12:00:00+01:00", 8),
    ]
    assert [r["remote_id"] for r in thread["replies"]].count(ada) == 1  # deduplicated by Mastodon's id


def test_an_approved_reply_deleted_on_mastodon_leaves_the_next_build_working_and_shows_nowhere(
    make_site, run_build, mastodon
):
    server, root = mastodon
    site = site_with_shares(make_site, [("rentree/mastodon/0", "mastodon", root)])
    assert _fetch(site) == 0
    ada = f"mastodon:{int(root) + 1}"
    assert main(["conversations", "approve", ada, "-C", str(site)]) == 0
    assert "Bravo !" in (run_build(site) / "rentree.html").read_text(encoding="utf-8")
    del server.statuses[str(int(root) + 1)]
    assert _fetch(site, LATER) == 0
    assert [r["author"]["handle"] for r in _thread(site)["replies"]] == ["@bob@127.0.0.1"]
    assert _thread(site)["gone"] == [ada]  # the moderation file may still name it
    assert "Bravo !" not in (run_build(site) / "rentree.html").read_text(encoding="utf-8")
    assert ada in (site / "content/moderation.yaml").read_text(encoding="utf-8")


def test_against_local_mastodon_server_what_a_tokenless_context_cannot_show_is_kept(make_site, mastodon, monkeypatch):
    server, root = mastodon
    for n in range(70):
        server.add(server.account(10 + n, f"fan{n}"), f"<p>Fan {n}</p>", reply_to=root)
    site = site_with_shares(make_site, [("rentree/mastodon/0", "mastodon", root)])
    token = next(iter(server.tokens))
    monkeypatch.setenv("PODIUM_MASTODON_ACCESS_TOKEN", token)
    assert _fetch(site) == 0
    assert len(_thread(site)["replies"]) == 72
    monkeypatch.delenv("PODIUM_MASTODON_ACCESS_TOKEN")
    assert _fetch(site, LATER) == 0  # the public context stops at 60 descendants: the other 12 are not "deleted"
    assert len(_thread(site)["replies"]) == 72


def test_a_100_kb_reply_and_a_3000_character_name_are_stored_cut_and_the_build_shows_them(
    make_site, run_build, mastodon
):
    server, root = mastodon
    huge = server.add(server.account(9, "long", name="N" * 3000), "<p>" + "mot " * 30_000 + "</p>", reply_to=root)
    site = site_with_shares(make_site, [("rentree/mastodon/0", "mastodon", root)])
    assert _fetch(site) == 0
    stored = next(r for r in _thread(site)["replies"] if r["remote_id"] == huge)
    assert len(stored["html"]) < 5200 and stored["html"].endswith("…</p>")
    assert len(stored["author"]["name"]) == 2000
    (site / "content/moderation.yaml").write_text(f"approved:\n  - mastodon:{huge}\n", encoding="utf-8")
    page = (run_build(site) / "rentree.html").read_text(encoding="utf-8")
    assert "mot mot mot" in page and "N" * 200 in page and "N" * 201 not in page


def test_a_thread_too_big_for_the_store_is_reported_and_the_stored_one_kept(make_site, mastodon, monkeypatch, capsys):
    from podium.plugins.conversations import store

    server, root = mastodon
    site = site_with_shares(make_site, [("rentree/mastodon/0", "mastodon", root)])
    assert _fetch(site) == 0
    before = (site / STORE).read_bytes()
    for n in range(40):
        server.add(server.account(10 + n, f"fan{n}"), f"<p>{'Fan ' * 50}{n}</p>", reply_to=root)
    monkeypatch.setattr(store, "MAX_BYTES", len(before) + 1000)
    capsys.readouterr()
    assert _fetch(site, LATER) == 1
    out = capsys.readouterr().out
    limit = len(before) + 1000
    assert re.search(
        r"^  FAILED rentree on mastodon: the conversation would not fit in its store file \(it would be "
        rf"\d+ bytes, over the store's {limit}\); the stored conversation is kept as it was$",
        out,
        re.M,
    )
    assert (site / STORE).read_bytes() == before


def test_a_closed_post_keeps_being_collected_for_the_leader_but_shows_no_new_reply(make_site, run_build, mastodon):
    from tests.conftest import post

    server, root = mastodon
    closed = post("La rentrée", slug="rentree", date="2026-11-20 09:00", comments="closed")
    site = site_with_shares(
        make_site,
        [("rentree/mastodon/0", "mastodon", root)],
        {"content/posts/rentree.md": closed},
        {"PODIUM_CONVERSATIONS_MODERATION": "auto"},
    )
    assert _fetch(site) == 0
    assert [r["author"]["handle"] for r in _thread(site)["replies"]] == ["@ada@other.example", "@bob@127.0.0.1"]
    page = (run_build(site) / "rentree.html").read_text(encoding="utf-8")
    assert "La discussion est close" in page and "Bravo !" not in page
    assert "Bravo !" in (site / "comms/conversations/inbox.html").read_text(encoding="utf-8")
