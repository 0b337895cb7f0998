"""Which shares go out: pure decisions from the schedule, the ledger, now and the deployed pages."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.plugins.calendar.model import Share
from podium.plugins.post import PostView
from podium.publish.ledger import Intent, Ledger, Record
from podium.publish.shareplan import DUE, HELD, MISSED, NO_PAGE, SENT, WAITING, decide, fallback_shares, page_path

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2027, 3, 2, 10, 0, tzinfo=PARIS)
SITE = "https://blog.test"


def share(slug="rentree", network="x", hours=-1, url=None) -> Share:
    return Share(
        slug=slug,
        network=network,
        number=1,
        time=NOW + timedelta(hours=hours),
        variant=None,
        text="Texte",
        url=url or f"{SITE}/{slug}.html?utm_source={network}",
    )


def states(shares, book=Ledger(), pages=("rentree.html", "autre.html"), **kw):
    kw.setdefault("catch_up", timedelta(hours=48))
    kw.setdefault("resendable", lambda network: network == "mastodon")
    return [(d.share.id, d.state) for d in decide(shares, book, NOW, set(pages), SITE, **kw)]


@pytest.mark.parametrize(
    "url, path",
    [
        ("https://blog.test/rentree.html?utm_source=x", "rentree.html"),
        ("https://blog.test/", "index.html"),
        ("https://blog.test/en/posts/rentree/", "en/posts/rentree/index.html"),
        ("https://blog.test/rentree.html#comments", "rentree.html"),
        ("https://other.test/rentree.html", None),
        ("http://blog.test/rentree.html", None),
    ],
)
def test_page_path_maps_a_share_url_to_the_file_serving_it(url, path):
    assert page_path(url, SITE) == path


def test_page_path_respects_a_site_under_a_sub_path():
    assert page_path("https://example.org/blog/a.html", "https://example.org/blog/") == "a.html"
    assert page_path("https://example.org/other/a.html", "https://example.org/blog") is None


def test_each_state():
    sent = Record("rentree/linkedin/1", "linkedin", "urn:li:share:1", "https://www.linkedin.com/feed/update/1/", NOW)
    book = Ledger((sent,), (Intent("rentree/bluesky/1", "bluesky", NOW), Intent("rentree/mastodon/1", "mastodon", NOW)))
    shares = [
        share(),
        share(network="linkedin"),
        share(network="bluesky"),
        share(network="mastodon"),
        share("autre", hours=2),
        share("vieux", hours=-49),
        share("absent"),
    ]
    assert states(shares, book) == [
        ("vieux/x/1", MISSED),
        ("rentree/bluesky/1", HELD),
        ("rentree/linkedin/1", SENT),
        ("rentree/mastodon/1", DUE),
        ("absent/x/1", NO_PAGE),
        ("rentree/x/1", DUE),
        ("autre/x/1", WAITING),
    ]


def test_resend_releases_a_held_share():
    book = Ledger((), (Intent("rentree/x/1", "x", NOW),))
    assert states([share()], book) == [("rentree/x/1", HELD)]
    assert states([share()], book, resend={"rentree/x/1"}) == [("rentree/x/1", DUE)]


def test_a_held_share_says_how_to_settle_it():
    book = Ledger((), (Intent("rentree/x/1", "x", NOW - timedelta(minutes=5)),))
    [decision] = decide(
        [share()], book, NOW, {"rentree.html"}, SITE, catch_up=timedelta(hours=48), resendable=lambda n: False
    )
    assert decision.why == (
        "podium stopped while sending it (2027-03-02T09:55+01:00), so it may be on x already; "
        "look, then publish again with --confirm rentree/x/1=URL if it is there or "
        "--resend rentree/x/1 if it is not"
    )


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b", "c"]), st.sampled_from(["x", "mastodon", "bluesky"]), st.integers(-100, 100)
        ),
        max_size=12,
        unique_by=lambda t: t[:2],
    ),
    st.sets(st.sampled_from(["a", "b", "c"])),
)
def test_nothing_sent_is_due_and_nothing_due_is_early_late_or_pageless(items, recorded):
    shares = [share(slug, network, hours) for slug, network, hours in items]
    book = Ledger(tuple(Record(s.id, s.network, "1", "https://n.test/1", NOW) for s in shares if s.slug in recorded))
    for decision in decide(
        shares, book, NOW, {"a.html", "b.html"}, SITE, catch_up=timedelta(hours=48), resendable=lambda n: True
    ):
        s = decision.share
        if decision.state == DUE:
            assert s.slug not in recorded and NOW - timedelta(hours=48) <= s.time <= NOW and s.slug != "c"
        assert (decision.state == SENT) == (s.slug in recorded)


def post(slug, lang="fr", days=0) -> PostView:
    return PostView(
        slug=slug,
        lang=lang,
        title=f"Titre {slug}",
        url=f"{SITE}/{slug}.html",
        date=NOW - timedelta(days=days),
        summary=f"Résumé {slug}",
    )


def test_without_a_calendar_each_post_is_shared_once_per_network_at_its_date():
    shares = fallback_shares([post("b", days=1), post("a", days=2), post("a", lang="en", days=2)], ["x", "bluesky"])
    assert [(s.id, s.time, s.url) for s in shares] == [
        ("a/bluesky/1", NOW - timedelta(days=2), f"{SITE}/a.html"),
        ("a/x/1", NOW - timedelta(days=2), f"{SITE}/a.html"),
        ("b/bluesky/1", NOW - timedelta(days=1), f"{SITE}/b.html"),
        ("b/x/1", NOW - timedelta(days=1), f"{SITE}/b.html"),
    ]
    assert {s.lang for s in shares} == {"fr"}, "a translation shares its original's slug: the original is shared"


def test_a_share_in_the_second_pass_of_the_autumn_hour_waits_until_then():
    """In Paris on 25 October 2026 the clock shows 02:00-03:00 twice: 02:10 of the second pass is later than 02:50 of the first."""
    now = datetime(2026, 10, 25, 2, 50, tzinfo=PARIS)  # 00:50 UTC, summer time
    later = datetime(2026, 10, 25, 2, 10, fold=1, tzinfo=PARIS)  # 01:10 UTC, winter time
    item = Share(
        slug="rentree", network="x", number=1, time=later, variant=None, text="Texte", url=f"{SITE}/rentree.html"
    )
    decided = decide(
        [item], Ledger(), now, {"rentree.html"}, SITE, catch_up=timedelta(hours=48), resendable=lambda n: False
    )
    assert [d.state for d in decided] == [WAITING]
