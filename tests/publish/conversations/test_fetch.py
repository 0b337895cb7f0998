"""``podium conversations fetch`` and the moderation commands on a real project, against local contract servers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from podium.publish.cli import main
from tests.conftest import post
from tests.publish.fakes import FakeClock
from tests.publish.fakes.bluesky_appview import BlueskyAppView
from tests.publish.fakes.mastodon_threads import MastodonThreads
from tests.publish.fakes.webmention_io import WebmentionIO
from tests.publish.fakes.x_read_api import XReadAPI

from .helpers import NOW, SVG, huge_png, png, site_with_shares


@pytest.fixture
def mastodon():
    with MastodonThreads() as server:
        leader = server.account(1, "leader")
        root = server.add(leader, "<p>Nouveau billet</p>", counts=(3, 2, 7))
        ada = server.add(server.account(2, "ada", "other.example", name="Ada L."), "<p>Bravo !</p>", reply_to=root)
        server.add(leader, "<p>Merci Ada</p>", reply_to=ada)
        server.add(server.account(3, "bob"), "<p>Une question<script>alert(1)</script></p>", reply_to=root)
        server.add(server.account(4, "eve"), "<p>huge avatar</p>", reply_to=root)
        server.avatars.update({"ada.png": png(), "bob.png": SVG, "eve.png": huge_png(), "leader.png": png(64, 64)})
        yield server, root


@pytest.fixture
def env(monkeypatch, mastodon):
    server, _ = mastodon
    monkeypatch.setenv("PODIUM_MASTODON_INSTANCE", server.base_url)
    for name in (
        "PODIUM_MASTODON_ACCESS_TOKEN",
        "PODIUM_WEBMENTION_IO_TOKEN",
        "PODIUM_X_ACCESS_TOKEN",
        "PODIUM_LINKEDIN_ACCESS_TOKEN",
    ):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def _store(site: Path) -> dict:
    return json.loads((site / "content/.podium/conversations/rentree.json").read_text(encoding="utf-8"))


def test_fetch_against_local_mastodon_server_stores_the_thread_and_safe_avatars_then_moderation_shows_it(
    make_site, run_build, mastodon, env, capsys
):
    server, root = mastodon
    site = site_with_shares(make_site, [("rentree/mastodon/0", "mastodon", root)])
    assert main(["conversations", "fetch", "-C", str(site), "--now", NOW]) == 0
    out, err = capsys.readouterr()
    assert "Conversations: 1 threads collected, 4 new replies." in out
    assert f"podium: the conversation inbox and 'what worked' are in the comms room: {site / 'comms'}" in err
    inbox = (site / "comms/conversations/inbox.html").read_text(encoding="utf-8")
    assert "Nouveau depuis la dernière collecte (3)" in inbox and "Bravo !" in inbox and "<script" not in inbox
    assert "<td>7</td>" in (site / "comms/conversations/worked.html").read_text(encoding="utf-8")
    assert (site / "comms/assets/conversations.css").is_file() and not (site / ".cache/podium/comms").exists()
    assert "unavailable on" not in out  # no other network had shares
    thread = _store(site)["threads"][0]
    assert thread["reactions"][0]["likes"] == 7 and thread["leader"] == "1"
    avatars = sorted(p.name for p in (site / "content/.podium/conversations/avatars").iterdir())
    assert len(avatars) == 2  # ada's and the leader's; the SVG and the 20,000×20,000 PNG were refused
    assert {r["author"]["handle"]: bool(r["author"]["avatar"]) for r in thread["replies"]} == {
        "@ada@other.example": True,
        "@leader@127.0.0.1": True,
        "@bob@127.0.0.1": False,
        "@eve@127.0.0.1": False,
    }

    assert main(["conversations", "-C", str(site)]) == 0
    listing = capsys.readouterr().out
    assert listing.startswith("3 replies wait for moderation (content/moderation.yaml):\n")
    ada_id = f"mastodon:{int(root) + 1}"
    assert f"  {ada_id}  rentree  2027-03-02T09:02+00:00  @ada@other.example: Bravo !" in listing

    assert main(["conversations", "approve", ada_id, "-C", str(site)]) == 0
    page = (run_build(site) / "rentree.html").read_text(encoding="utf-8")
    assert "Bravo !" in page and "Merci Ada" in page and "Une question" not in page
    assert "/conversations/avatars/" in page and server.base_url not in page.replace(f"{server.base_url}/@", "")
    assert not any(host in page for host in ('src="http://127.0.0.1', 'src="https://other.example'))


def test_a_deleted_reply_is_deleted_here_at_the_next_fetch(make_site, mastodon, env):
    server, root = mastodon
    site = site_with_shares(make_site, [("rentree/mastodon/0", "mastodon", root)])
    assert main(["conversations", "fetch", "-C", str(site), "--now", NOW]) == 0
    del server.statuses[str(int(root) + 3)]  # bob deleted his question
    assert main(["conversations", "fetch", "-C", str(site), "--now", NOW]) == 0
    assert [r["author"]["handle"] for r in _store(site)["threads"][0]["replies"]] == [
        "@ada@other.example",
        "@leader@127.0.0.1",
        "@eve@127.0.0.1",
    ]


def test_a_network_answering_garbage_or_failing_leaves_the_store_as_it_was_and_exits_1(
    make_site, mastodon, env, capsys
):
    server, root = mastodon
    site = site_with_shares(make_site, [("rentree/mastodon/0", "mastodon", root)])
    assert main(["conversations", "fetch", "-C", str(site), "--now", NOW]) == 0
    before = (site / "content/.podium/conversations/rentree.json").read_bytes()
    server.queue(200, {"descendants": "nope"}, path=f"/api/v1/statuses/{root}/context")
    assert main(["conversations", "fetch", "-C", str(site), "--now", NOW]) == 1
    assert "FAILED rentree on mastodon: Mastodon answered the thread in an unexpected shape" in capsys.readouterr().out
    for _ in range(5):  # Retry-After: 0, so the test does not sleep through the client's backoff
        server.queue(503, {"error": "down"}, {"Retry-After": "0"}, path=f"/api/v1/statuses/{root}")
    assert main(["conversations", "fetch", "-C", str(site), "--now", NOW]) == 1
    assert (site / "content/.podium/conversations/rentree.json").read_bytes() == before


def test_nothing_is_collected_for_a_withheld_post(make_site, mastodon, env):
    server, root = mastodon
    site = site_with_shares(
        make_site,
        [("brouillon/mastodon/0", "mastodon", root)],
        {"content/posts/brouillon.md": post("Brouillon", slug="brouillon", status="draft")},
    )
    assert main(["conversations", "fetch", "-C", str(site), "--now", NOW]) == 0
    assert server.requests == []
    assert not (site / "content/.podium/conversations/brouillon.json").exists()


def _fetch_direct(site: Path, options: dict, env: dict):
    """The collecting step as publish runs it, with readers pointed at the local servers and a fake sleep."""
    from podium.publish.build import build
    from podium.publish.conversations.run import fetch_after_build

    result = build(site, prod=True, now=NOW, output=site / "built")
    clock = FakeClock()
    return fetch_after_build(
        result, site, env, reader_options={"*": {"sleep": clock.sleep, "clock": clock.now}, **options}
    )


def test_fetch_against_local_bluesky_appview_and_webmention_io(make_site):
    with BlueskyAppView() as bsky, WebmentionIO() as wm:
        root = bsky.add(bsky.author("leader.example.com", "did:plc:leader"), "Billet", counts=(1, 0, 3, 0))
        bsky.add(bsky.author("ada.bsky.social"), "Très juste", parent=root)
        wm.add("https://blog.test/rentree.html", text="Reply from a blog", name="Grace")
        wm.add("https://blog.test/rentree.html", "like-of", name="Linus")
        wm.add("https://blog.test/unknown.html", text="not a post", name="Nobody")
        site = site_with_shares(make_site, [("rentree/bluesky/0", "bluesky", root)])
        collected = _fetch_direct(
            site,
            {"bluesky": {"base_url": bsky.base_url}, "webmention": {"base_url": wm.base_url}},
            {"PODIUM_WEBMENTION_IO_TOKEN": wm.token},
        )
    assert collected.status == 0 and collected.new_replies == 2
    threads = {t["network"]: t for t in _store(site)["threads"]}
    assert [r["html"] for r in threads["bluesky"]["replies"]] == ["<p>Très juste</p>"]
    assert [r["author"]["name"] for r in threads["webmention"]["replies"]] == ["Grace"]
    assert threads["webmention"]["reactions"][0]["likes"] == 1
    assert wm.requests[0].query["domain"] == "blog.test"
    assert sorted(p.name for p in (site / "content/.podium/conversations").glob("*.json")) == ["rentree.json"]


def test_x_on_the_free_tier_is_reported_once_as_unavailable_and_the_run_carries_on(make_site, mastodon):
    from podium.publish.conversations.run import summary

    server, root = mastodon
    with XReadAPI(tier="free") as x:
        site = site_with_shares(
            make_site,
            [
                ("rentree/x/0", "x", "1800000000000000001"),
                ("rentree/x/1", "x", "1800000000000000002"),
                ("rentree/mastodon/0", "mastodon", root),
            ],
        )
        collected = _fetch_direct(
            site,
            {"x": {"base_url": x.base_url}},
            {"PODIUM_X_ACCESS_TOKEN": x.token, "PODIUM_MASTODON_INSTANCE": server.base_url},
        )
    lines = summary(collected)
    assert collected.status == 0 and len(x.requests) == 1
    assert [line for line in lines if "unavailable" in line] == [
        "  unavailable on x: X does not let this account read the post's metrics (HTTP 403); replies and counts "
        "from X need a paid X API access level: X is left out of the conversation"
    ]
    assert lines[0] == "Conversations: 1 threads collected, 4 new replies."


def test_x_reader_against_local_x_api_pages_through_recent_search(make_site):
    with XReadAPI() as x:
        x.tweets["100"] = {
            "id": "100",
            "text": "root",
            "author_id": "1",
            "conversation_id": "100",
            "public_metrics": {
                "retweet_count": 1,
                "reply_count": 150,
                "like_count": 9,
                "quote_count": 0,
                "bookmark_count": 0,
                "impression_count": 99,
            },
        }
        x.users["2"] = {"id": "2", "name": "Ada", "username": "ada", "profile_image_url": "https://pbs.example/a.jpg"}
        for n in range(150):
            x.tweets[str(200 + n)] = {
                "id": str(200 + n),
                "text": f"reply {n}",
                "author_id": "2",
                "conversation_id": "100",
                "created_at": "2027-03-02T10:00:00.000Z",
                "referenced_tweets": [{"type": "replied_to", "id": "100"}],
            }
        site = site_with_shares(make_site, [("rentree/x/0", "x", "100")])
        collected = _fetch_direct(site, {"x": {"base_url": x.base_url}}, {"PODIUM_X_ACCESS_TOKEN": x.token})
    assert collected.status == 0 and collected.new_replies == 150
    assert [r.query.get("next_token") for r in x.requests_to("/2/tweets/search/recent")] == [None, "100"]
    thread = _store(site)["threads"][0]
    assert thread["reactions"][0]["replies"] == 150 and thread["replies"][0]["author"]["handle"] == "@ada"


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["approve", "mastodon:12"],
            "podium: podium conversations approve: unknown reply id 'mastodon:12'; "
            "'podium conversations' lists the ids of the replies collected",
        ),
        (
            ["block", "troll"],
            "podium: podium conversations block: blocked account 'troll' should read network:account, "
            "e.g. mastodon:@troll@example.social (networks: mastodon, bluesky, x, linkedin, webmention)",
        ),
    ],
)
def test_a_bad_decision_is_refused_and_nothing_is_written(make_site, env, capsys, args, message):
    site = site_with_shares(make_site, [])
    (site / "content/moderation.yaml").write_text("# ours\napproved: []\n", encoding="utf-8")
    assert main(["conversations", *args, "-C", str(site)]) == 2
    assert capsys.readouterr().err.strip() == message
    assert (site / "content/moderation.yaml").read_text(encoding="utf-8") == "# ours\napproved: []\n"


def test_a_broken_moderation_file_stops_every_decision_with_where_and_how(make_site, env, capsys):
    site = site_with_shares(make_site, [])
    (site / "content/moderation.yaml").write_text("hidden:\n\t- mastodon:1\n", encoding="utf-8")
    assert main(["conversations", "block", "mastodon:@troll@bad.example", "-C", str(site)]) == 2
    assert capsys.readouterr().err.strip() == (
        "content/moderation.yaml:2:1: a tab is used for indentation; YAML needs spaces: replace the tab with spaces"
    )
    assert (site / "content/moderation.yaml").read_text(encoding="utf-8") == "hidden:\n\t- mastodon:1\n"
