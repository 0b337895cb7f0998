"""Each conversation reader against a local server following that source's published contract."""

from __future__ import annotations

import pytest

from podium.plugins.conversations.model import Thread
from podium.publish.channels import RetryPolicy, TransientError
from podium.publish.conversations.bluesky import BlueskyReader
from podium.publish.conversations.mastodon import MastodonReader
from podium.publish.conversations.sources import Garbage
from podium.publish.conversations.webmention import WebmentionReader
from tests.publish.fakes import FakeClock
from tests.publish.fakes.bluesky_appview import BlueskyAppView
from tests.publish.fakes.mastodon_threads import MastodonThreads
from tests.publish.fakes.webmention_io import WebmentionIO


@pytest.fixture
def clock():
    return FakeClock()


def _kw(clock, **policy):
    return dict(sleep=clock.sleep, clock=clock.now, policy=RetryPolicy(timeout=policy.pop("timeout", 5.0), **policy))


def _thread(network, remote_id):
    return Thread(network, f"rentree/{network}/0", remote_id, "https://example/post", "https://blog.test/rentree.html")


@pytest.fixture
def mastodon(clock):
    with MastodonThreads(clock=clock) as server:
        leader = server.account(1, "leader")
        root = server.add(leader, "<p>Nouveau billet</p>", counts=(3, 2, 7))
        ada = server.add(server.account(2, "ada", "other.example"), "<p>Bravo</p>", reply_to=root)
        server.add(leader, "<p>Merci Ada</p>", reply_to=ada)
        server.add(server.account(3, "bob"), "<p>Question</p>", reply_to=root)
        server.add(server.account(4, "eve"), "<p>secret</p>", reply_to=root, visibility="direct")
        server.add(server.account(5, "spam", suspended=True), "<p>spam</p>", reply_to=root)
        yield server, root


def test_mastodon_reader_against_local_mastodon_contract_server_reads_the_thread_and_counts(mastodon, clock):
    server, root = mastodon
    with MastodonReader(server.base_url, **_kw(clock)) as reader:
        fresh = reader.fetch(_thread("mastodon", root))
    assert fresh.counts == {"replies": 3, "reposts": 2, "likes": 7, "quotes": 0}
    assert fresh.leader == "1"
    assert [(r.author.handle, r.parent) for r in fresh.replies] == [
        ("@ada@other.example", ""),
        ("@leader@127.0.0.1", f"mastodon:{int(root) + 1}"),
        ("@bob@127.0.0.1", ""),
    ]
    assert fresh.replies[0].html == "<p>Bravo</p>"
    assert fresh.replies[0].author.avatar == f"{server.base_url}/avatars/ada.png"
    assert [r.path for r in server.requests] == [f"/api/v1/statuses/{root}", f"/api/v1/statuses/{root}/context"]


def test_mastodon_reader_against_local_mastodon_contract_server_a_deleted_status_has_no_replies(mastodon, clock):
    server, root = mastodon
    del server.statuses[root]
    with MastodonReader(server.base_url, **_kw(clock)) as reader:
        fresh = reader.fetch(_thread("mastodon", root))
    assert fresh.replies == () and fresh.counts == {}


def test_mastodon_reader_against_local_mastodon_contract_server_waits_out_the_rate_limit(clock):
    with MastodonThreads(clock=clock, limit=1) as server:
        root = server.add(server.account(1, "leader"), "<p>x</p>")
        with MastodonReader(server.base_url, **_kw(clock)) as reader:
            reader.fetch(_thread("mastodon", root))
    assert clock.sleeps == [300.0]


def test_mastodon_reader_against_local_mastodon_contract_server_reports_garbage(mastodon, clock):
    server, root = mastodon
    server.queue(200, {"unexpected": True}, path=f"/api/v1/statuses/{root}")
    with MastodonReader(server.base_url, **_kw(clock)) as reader, pytest.raises(Garbage) as info:
        reader.fetch(_thread("mastodon", root))
    assert str(info.value) == (
        "Mastodon answered the thread in an unexpected shape (missing or wrong "
        "replies_count); the stored conversation is kept as it was"
    )
    server.queue(200, "<html>maintenance</html>", path=f"/api/v1/statuses/{root}")
    with MastodonReader(server.base_url, **_kw(clock)) as reader, pytest.raises(Garbage):
        reader.fetch(_thread("mastodon", root))


def test_mastodon_reader_against_local_mastodon_contract_server_times_out(mastodon, clock):
    server, root = mastodon
    for _ in range(2):
        server.hang(5, path=f"/api/v1/statuses/{root}")
    with MastodonReader(server.base_url, **_kw(clock, timeout=0.3, max_attempts=2)) as reader:
        with pytest.raises(TransientError, match="no answer within 0.3s"):
            reader.fetch(_thread("mastodon", root))


@pytest.fixture
def bluesky(clock):
    with BlueskyAppView(clock=clock) as server:
        leader = server.author("leader.example.com", "did:plc:leader")
        root = server.add(leader, "Nouveau billet", counts=(4, 1, 9, 2))
        ada = server.add(server.author("ada.bsky.social"), "Bravo\n\nvraiment", parent=root)
        server.add(leader, "Merci <3", parent=ada)
        gone = server.add(server.author("gone.bsky.social"), "deleted", parent=root)
        server.add(server.author("x.bsky.social"), "answer to deleted", parent=gone)
        server.posts[gone]["state"] = "deleted"
        blocked = server.add(server.author("troll.bsky.social"), "blocked", parent=root)
        server.posts[blocked]["state"] = "blocked"
        yield server, root


def test_bluesky_reader_against_local_appview_following_the_getpostthread_lexicon(bluesky, clock):
    server, root = bluesky
    with BlueskyReader(base_url=server.base_url, **_kw(clock)) as reader:
        fresh = reader.fetch(_thread("bluesky", root))
    assert fresh.counts == {"replies": 4, "reposts": 1, "likes": 9, "quotes": 2}
    assert fresh.leader == "did:plc:leader"
    assert [(r.author.handle, r.html) for r in fresh.replies] == [
        ("@ada.bsky.social", "<p>Bravo</p><p>vraiment</p>"),
        ("@leader.example.com", "<p>Merci &lt;3</p>"),
    ]
    assert fresh.replies[1].parent == fresh.replies[0].id
    assert fresh.replies[0].url.startswith("https://bsky.app/profile/ada.bsky.social/post/")
    assert server.requests[0].query == {"uri": root, "depth": "100", "parentHeight": "0"}


def test_bluesky_reader_against_local_appview_a_deleted_root_has_no_replies(bluesky, clock):
    server, root = bluesky
    server.posts[root]["state"] = "deleted"
    with BlueskyReader(base_url=server.base_url, **_kw(clock)) as reader:
        assert reader.fetch(_thread("bluesky", root)).replies == ()


def test_bluesky_reader_against_local_appview_waits_for_ratelimit_reset(clock):
    with BlueskyAppView(clock=clock, limit=1) as server:
        root = server.add(server.author("leader.example.com"), "x")
        with BlueskyReader(base_url=server.base_url, **_kw(clock)) as reader:
            reader.fetch(_thread("bluesky", root))
            reader.fetch(_thread("bluesky", root))
    assert clock.sleeps == [300.0]


def test_webmention_reader_against_local_webmention_io_pages_through_and_groups_by_target(clock):
    with WebmentionIO(clock=clock) as server:
        for number in range(130):
            server.add("https://blog.test/rentree.html", "like-of", name=f"Fan{number}")
        server.add("https://blog.test/rentree.html", text="A reply from a blog", name="Ada")
        server.add("https://blog.test/rentree.html#comments", text="private", name="Eve", private=True)
        server.add("https://blog.test/other.html", "repost-of", name="Bob")
        server.add("https://elsewhere.test/x.html", name="Nope")
        with WebmentionReader(server.token, base_url=server.base_url, **_kw(clock)) as reader:
            found = reader.fetch_site("blog.test")
    assert sorted(found) == ["https://blog.test/other.html", "https://blog.test/rentree.html"]
    rentree = found["https://blog.test/rentree.html"]
    assert rentree.counts == {"likes": 130, "replies": 1}
    assert [(r.author.name, r.html) for r in rentree.replies] == [("Ada", "<p>A reply from a blog</p>")]
    assert [r.query["page"] for r in server.requests] == ["0", "1"]
    assert server.requests[0].query["per-page"] == "100"


def test_webmention_reader_against_local_webmention_io_with_a_wrong_token_is_refused(clock):
    with WebmentionIO(clock=clock) as server:
        with WebmentionReader("wrong-token-123", base_url=server.base_url, **_kw(clock)) as reader:
            with pytest.raises(Exception) as info:
                reader.fetch_site("blog.test")
    assert "HTTP 401" in str(info.value) and "wrong-token-123" not in str(info.value)


def test_bluesky_reader_against_local_appview_an_answer_at_the_depth_limit_is_partial(clock):
    from podium.publish.conversations.bluesky import DEPTH

    with BlueskyAppView(clock=clock) as server:
        root = above = server.add(server.author("leader.example.com"), "Billet")
        for n in range(DEPTH + 1):  # one answer deeper than podium asks for
            above = server.add(server.author(f"p{n}.bsky.social"), f"niveau {n + 1}", parent=above)
        with BlueskyReader(base_url=server.base_url, **_kw(clock)) as reader:
            deep = reader.fetch(_thread("bluesky", root))
    assert len(deep.replies) == DEPTH and deep.complete is False  # what it cannot see is kept, not deleted


def test_bluesky_reader_against_local_appview_a_whole_thread_is_complete(bluesky, clock):
    server, root = bluesky
    with BlueskyReader(base_url=server.base_url, **_kw(clock)) as reader:
        assert reader.fetch(_thread("bluesky", root)).complete is True


def test_webmention_reader_against_local_webmention_io_stopped_by_its_page_cap_is_partial(clock, monkeypatch):
    from podium.publish.conversations import webmention

    monkeypatch.setattr(webmention, "MAX_PAGES", 1)
    with WebmentionIO(clock=clock) as server:
        for number in range(130):
            server.add("https://blog.test/rentree.html", text=f"Reply {number}", name=f"Fan{number}")
        with WebmentionReader(server.token, base_url=server.base_url, **_kw(clock)) as reader:
            found = reader.fetch_site("blog.test")
            assert reader.partial is True
    assert found["https://blog.test/rentree.html"].complete is False
