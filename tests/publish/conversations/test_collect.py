"""The collecting run: oldest fetch first, within its time budget; LinkedIn where the app may read."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from podium.plugins.conversations.model import Conversation, Thread
from podium.publish import ledger as ledger_mod
from podium.publish.channels import RetryPolicy
from podium.publish.conversations.collect import Published, Run, collect, jobs
from podium.publish.conversations.linkedin import LinkedInReader
from podium.publish.conversations.mastodon import MastodonReader
from podium.publish.conversations.sources import Unavailable
from tests.publish.fakes import FakeClock
from tests.publish.fakes.linkedin_social import LinkedInSocial
from tests.publish.fakes.mastodon_threads import MastodonThreads

T = datetime(2027, 3, 2, 9, 0, tzinfo=UTC)
PAGES = [
    Published("https://blog.test/a.html", "a"),
    Published("https://blog.test/b.html", "b"),
    Published("https://blog.test/c.html", "c"),
]


def _record(slug: str, remote: str, network: str = "mastodon") -> ledger_mod.Record:
    return ledger_mod.Record(
        f"{slug}/{network}/0", network, remote, f"https://social.example/{remote}", T, f"https://blog.test/{slug}.html"
    )


def test_jobs_come_oldest_fetch_first_and_only_for_published_pages():
    stored = {
        "a": Conversation("a", (Thread("mastodon", "a/mastodon/0", "1", "u", fetched=T + timedelta(hours=2)),)),
        "b": Conversation("b", (Thread("mastodon", "b/mastodon/0", "2", "u", fetched=T),)),
    }
    records = [_record("a", "1"), _record("b", "2"), _record("c", "3"), _record("gone", "4")]
    assert [j.slug for j in jobs(records, PAGES, stored)] == ["c", "b", "a"]  # c never fetched


def test_a_spent_time_budget_postpones_the_rest_to_the_next_run(tmp_path):
    clock = FakeClock()
    with MastodonThreads(clock=clock) as server:
        roots = [server.add(server.account(1, "leader"), f"<p>{n}</p>") for n in range(3)]
        records = [_record(slug, root) for slug, root in zip("abc", roots)]
        ticks = iter(range(100))
        reader = lambda network: MastodonReader(server.base_url, sleep=clock.sleep, clock=clock.now)  # noqa: E731
        run = Run(tmp_path, reader, T, budget=4.5, clock=lambda: next(ticks))  # two ticks a job
        result = collect(run, records, PAGES, "https://blog.test")
    assert result.fetched == ["a on mastodon", "b on mastodon"] and result.postponed == 1
    assert sorted(p.name for p in tmp_path.glob("*.json")) == ["a.json", "b.json"]


@pytest.fixture
def linkedin():
    with LinkedInSocial() as server:
        urn = "urn:li:share:7100000000000000001"
        server.likes[urn] = 12
        server.comments[urn] = [
            {
                "actor": f"urn:li:person:P{n}",
                "commentUrn": f"urn:li:comment:({urn},{700 + n})",
                "created": {"time": 1_800_000_000_000 + n},
                "message": {"text": f"Comment {n}"},
            }
            for n in range(60)
        ]
        yield server, urn


def test_linkedin_reader_against_local_socialactions_server_pages_through_comments(linkedin):
    server, urn = linkedin
    clock = FakeClock()
    with LinkedInReader(server.token, base_url=server.base_url, sleep=clock.sleep, clock=clock.now) as reader:
        fresh = reader.fetch(Thread("linkedin", "a/linkedin/0", urn, "u"))
    assert fresh.counts == {"likes": 12, "replies": 60} and len(fresh.replies) == 60
    assert fresh.replies[0].id == "linkedin:700" and fresh.replies[0].author.name == ""
    assert [r.query["start"] for r in server.requests if r.path.endswith("/comments")] == ["0", "50"]
    assert fresh.complete is True


def test_linkedin_reader_against_local_socialactions_server_stopped_by_its_page_cap_is_partial(linkedin, monkeypatch):
    from podium.publish.conversations import linkedin as module

    server, urn = linkedin
    monkeypatch.setattr(module, "MAX_PAGES", 1)
    clock = FakeClock()
    with LinkedInReader(server.token, base_url=server.base_url, sleep=clock.sleep, clock=clock.now) as reader:
        fresh = reader.fetch(Thread("linkedin", "a/linkedin/0", urn, "u"))
    assert len(fresh.replies) == 50 and fresh.complete is False  # the other ten are kept, not taken as deleted


def test_linkedin_reader_against_local_socialactions_server_knows_the_leaders_own_answers(linkedin):
    from podium.plugins.conversations.room import answered

    server, urn = linkedin
    leader = "urn:li:person:LEADER1"
    server.comments[urn] = server.comments[urn][:1] + [
        {
            "actor": leader,
            "commentUrn": f"urn:li:comment:({urn},900)",
            "created": {"time": 1_800_000_100_000},
            "message": {"text": "Merci !"},
            "parentComment": f"urn:li:comment:({urn},700)",
        }
    ]
    env = {"PODIUM_LINKEDIN_ACCESS_TOKEN": server.token, "PODIUM_LINKEDIN_AUTHOR": leader}
    with LinkedInReader.from_env(env, base_url=server.base_url) as reader:
        fresh = reader.fetch(Thread("linkedin", "a/linkedin/0", urn, "u"))
    assert fresh.leader == leader and fresh.replies[1].parent == "linkedin:700"
    thread = Thread("linkedin", "a/linkedin/0", urn, "u", leader=fresh.leader, replies=fresh.replies)
    assert answered(thread, fresh.replies[0])


def test_linkedin_without_community_management_is_unavailable(linkedin):
    server, urn = linkedin
    server.allowed = False
    with LinkedInReader(server.token, base_url=server.base_url, policy=RetryPolicy(timeout=5)) as reader:
        with pytest.raises(Unavailable) as info:
            reader.fetch(Thread("linkedin", "a/linkedin/0", urn, "u"))
    assert str(info.value) == (
        "LinkedIn does not let this app read the post's reactions (HTTP 403); reading comments "
        "needs LinkedIn's Community Management API: LinkedIn is left out of the conversation"
    )


def test_a_rate_limit_longer_than_the_budget_leaves_the_thread_for_the_next_run(tmp_path):
    clock = FakeClock()
    with MastodonThreads(clock=clock, limit=1) as server:
        root = server.add(server.account(1, "leader"), "<p>x</p>")
        reader = lambda network: MastodonReader(server.base_url, sleep=clock.sleep, clock=clock.now)  # noqa: E731
        run = Run(tmp_path, reader, T, budget=60, clock=lambda: 0.0)
        result = collect(run, [_record("a", root)], PAGES, "https://blog.test")
    assert clock.sleeps == [] and result.fetched == []
    assert result.failed == [
        "a on mastodon: Mastodon asked to wait 300s (X-RateLimit-Reset) before the replies, "
        "beyond podium's limit of 60s; the stored conversation is kept as it was and the next run "
        "tries again"
    ]
    assert not (tmp_path / "a.json").exists()
