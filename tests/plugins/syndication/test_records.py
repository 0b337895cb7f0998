"""Reading the publish ledger for back-links: pure values in and out."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from podium.plugins.errors import BadInput
from podium.plugins.syndication.records import Link, Shared, links_for, parse, slug_of

T = datetime(2026, 1, 12, 9, tzinfo=UTC)


def test_share_ids_carry_the_slug():
    assert slug_of("la-rentree/x/1") == "la-rentree"
    assert slug_of("odd") == ""


def test_a_ledger_without_shares_has_none_yet():
    assert parse('{"version": 1}', "ledger.json") == []


def test_parse_reads_the_ledger_shares_and_ignores_intents():
    text = json.dumps(
        {
            "version": 1,
            "shares": [
                {
                    "share": "a/x/1",
                    "network": "x",
                    "remote_id": "1",
                    "url": "https://x.com/i/web/status/1",
                    "time": "2026-01-12T09:00:00+00:00",
                    "page": "https://blog.test/a.html",
                }
            ],
            "intents": [{"share": "b/x/1", "network": "x", "since": "2026-01-12T09:00:00+00:00"}],
        }
    )
    assert parse(text, "ledger.json") == [
        Shared("a/x/1", "x", "https://x.com/i/web/status/1", T, "https://blog.test/a.html", "a")
    ]


_FIX = "fix it by hand or restore it from git (git checkout -- the file)"


@pytest.mark.parametrize(
    "text, message",
    [
        ("[]", f'ledger.json:1: not a podium ledger (expected "version": 1); {_FIX}'),
        ('{"shares": []}', f'ledger.json:1: not a podium ledger (expected "version": 1); {_FIX}'),
        (
            '{"version": 1, "shares": [{"share": "a/x/1", "network": "x", "remote_id": "1", "url": "https://x.com"}]}',
            f"ledger.json:1: damaged ledger entry (missing field 'time'); {_FIX}",
        ),
        (
            '{"version": 1, "shares": [\n{"share": "a/x/1", "network": "x", "remote_id": "1", "url": "u", '
            '"time": "2026-01-12T09:00"}]}',
            f"ledger.json:2: damaged ledger entry (time of 'a/x/1' has no time zone); {_FIX}",
        ),
        ('{"version": 1, "shares": [3]}', f"ledger.json:1: damaged ledger entry (3 is not a record); {_FIX}"),
    ],
)
def test_parse_explains_a_damaged_ledger(text, message):
    with pytest.raises(BadInput) as info:
        parse(text, "ledger.json")
    assert str(info.value) == message


def share(network, url, hour=9, page="https://blog.test/a.html", slug="a"):
    return Shared(f"{slug}/{network}/1", network, url, T.replace(hour=hour), page, slug)


def test_links_keep_the_first_share_per_network_in_a_fixed_order():
    shares = [
        share("bluesky", "https://bsky.app/b"),
        share("x", "https://x.com/late", hour=15),
        share("x", "https://x.com/early", hour=8),
        share("threads", "https://threads.net/t"),
        share("linkedin", "https://linkedin.com/l"),
    ]
    assert links_for(shares, "a", "a.html") == [
        Link("LinkedIn", "https://linkedin.com/l"),
        Link("X", "https://x.com/early"),
        Link("Bluesky", "https://bsky.app/b"),
        Link("Threads", "https://threads.net/t"),
    ]


def test_links_match_the_page_when_recorded_and_the_slug_otherwise():
    shares = [
        share("x", "https://x.com/fr", page="https://blog.test/a.html"),
        share("mastodon", "https://m.example/en", page="https://blog.test/a-en.html"),
        share("bluesky", "https://bsky.app/any", page=""),
    ]
    assert links_for(shares, "a", "a.html") == [Link("X", "https://x.com/fr"), Link("Bluesky", "https://bsky.app/any")]
    assert links_for(shares, "a", "a-en.html") == [
        Link("Mastodon", "https://m.example/en"),
        Link("Bluesky", "https://bsky.app/any"),
    ]
    assert links_for(shares, "b", "b.html") == []


def test_links_refuse_anything_but_plain_web_addresses():
    shares = [
        share("x", "javascript:alert(1)"),
        share("mastodon", "https://user:pw@m.example/1"),
        share("bluesky", "data:text/html,hi"),
    ]
    assert links_for(shares, "a", "a.html") == []
