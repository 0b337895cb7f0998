"""The scheduler's rules, one by one, on small hand-made calendars (2027-03-01 is a Monday)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from podium.plugins.calendar.scheduler import HORIZON_DAYS, schedule

from .helpers import PARIS, approved, calendar, post

NOW = datetime(2027, 6, 1, tzinfo=PARIS)


def at(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2027, month, day, hour, minute, tzinfo=PARIS)


def cal(rules: str, posts: str = "", head: str = "", reshare: str = ""):
    return calendar(f"""
timezone: Europe/Paris
required_approvals: [comms, legal]
{head}
networks:
{rules}
{reshare}
posts:
{posts or "  none: {status: idea}"}
""")


X_MORNING = """  x:
    slots:
      - days: weekdays
        times: ["09:00-10:00"]
"""


def times(shares, network=None):
    return [s.time for s in shares if network is None or s.network == network]


def test_a_share_takes_the_first_slot_after_publication():
    shares, unplaced = schedule([post("a", at(1, 7))], cal(X_MORNING), NOW)
    assert times(shares) == [at(1, 9)] and unplaced == []
    assert shares[0].time.tzinfo == PARIS


def test_times_are_rounded_up_to_five_minutes():
    shares, _ = schedule([post("a", at(1, 9, 2))], cal(X_MORNING), NOW)
    assert times(shares) == [at(1, 9, 5)]


def test_the_end_of_a_window_is_excluded():
    shares, _ = schedule([post("a", at(1, 10))], cal(X_MORNING), NOW)
    assert times(shares) == [at(2, 9)]


def test_weekdays_outside_the_slot_are_skipped():
    shares, _ = schedule([post("a", at(5, 11))], cal(X_MORNING), NOW)  # Friday after the window
    assert times(shares) == [at(8, 9)]  # Monday


def test_the_minimum_gap_spaces_shares_on_one_network():
    rules = X_MORNING + "    min_gap: 30m\n"
    posts = [post(s, at(1, 7)) for s in ("a", "b", "c")]
    shares, _ = schedule(posts, cal(rules), NOW)
    assert [(s.slug, s.time) for s in shares] == [("a", at(1, 9)), ("b", at(1, 9, 30)), ("c", at(2, 9))]


def test_without_a_gap_two_shares_still_never_share_a_five_minute_slot():
    shares, _ = schedule([post(s, at(1, 7)) for s in ("a", "b")], cal(X_MORNING), NOW)
    assert times(shares) == [at(1, 9), at(1, 9, 5)]


def test_the_gap_applies_on_both_sides_of_an_earlier_placed_share():
    rules = X_MORNING + "    min_gap: 45m\n"
    # b's preferred time is pinned first at 09:30; a (earliest 09:00) must keep 45 minutes from it.
    posts_yaml = approved("b", extra="    networks: {x: {at: 2027-03-01 09:30}}\n")
    shares, _ = schedule([post("a", at(1, 9)), post("b", at(1, 7))], cal(rules, posts_yaml), NOW)
    assert {s.slug: s.time for s in shares} == {"b": at(1, 9, 30), "a": at(2, 9)}


def test_the_daily_cap_moves_shares_to_the_next_day():
    rules = X_MORNING + "    max_per_day: 1\n"
    shares, _ = schedule([post(s, at(1, 7)) for s in ("a", "b")], cal(rules), NOW)
    assert times(shares) == [at(1, 9), at(2, 9)]


def test_networks_are_independent():
    rules = (
        X_MORNING
        + """  linkedin:
    slots:
      - days: [tue]
        times: ["08:00-08:30"]
"""
    )
    shares, _ = schedule([post("a", at(1, 7))], cal(rules), NOW)
    assert [(s.network, s.time) for s in shares] == [("x", at(1, 9)), ("linkedin", at(2, 8))]


def test_nothing_is_shared_inside_a_quiet_period():
    head = "quiet_periods:\n  - {start: 2027-03-01 08:00, end: 2027-03-02 09:20, reason: Results}\n"
    shares, _ = schedule([post("a", at(1, 7))], cal(X_MORNING, head=head), NOW)
    assert times(shares) == [at(2, 9, 20)]


def test_a_share_never_goes_before_the_planned_publication():
    posts_yaml = approved("a", extra="    publish_at: 2027-03-03 09:40\n")
    shares, _ = schedule([post("a", at(1, 7))], cal(X_MORNING, posts_yaml), NOW)
    assert times(shares) == [at(3, 9, 40)]


def test_nor_before_the_last_approval():
    posts_yaml = """  a:
    status: approved
    approvals:
      - {role: comms, who: C, when: 2027-03-01 06:00}
      - {role: legal, who: L, when: 2027-03-02 09:31}
"""
    shares, _ = schedule([post("a", at(1, 7))], cal(X_MORNING, posts_yaml), NOW)
    assert times(shares) == [at(2, 9, 35)]


def test_a_preferred_time_is_kept_even_outside_the_slots():
    posts_yaml = approved("a", extra="    networks: {x: {at: 2027-03-01 18:00}}\n")
    shares, _ = schedule([post("a", at(1, 7))], cal(X_MORNING, posts_yaml), NOW)
    assert times(shares) == [at(1, 18)]


def test_a_preferred_time_before_publication_falls_back_to_the_slots():
    posts_yaml = approved("a", extra="    publish_at: 2027-03-02 08:00\n    networks: {x: {at: 2027-03-01 18:00}}\n")
    shares, _ = schedule([post("a", at(1, 7))], cal(X_MORNING, posts_yaml), NOW)
    assert times(shares) == [at(2, 9)]


def test_a_preferred_time_in_a_quiet_period_waits_for_its_end():
    head = "quiet_periods:\n  - {start: 2027-03-01 17:00, end: 2027-03-03 09:15}\n"
    posts_yaml = approved("a", extra="    networks: {x: {at: 2027-03-01 18:00}}\n")
    shares, _ = schedule([post("a", at(1, 7))], cal(X_MORNING, posts_yaml, head=head), NOW)
    assert times(shares) == [at(3, 9, 15)]


def test_a_network_can_be_skipped_for_one_post():
    rules = X_MORNING + "  mastodon:\n    slots:\n      - {days: daily, times: ['09:00-10:00']}\n"
    posts_yaml = approved("a", extra="    networks: {mastodon: skip}\n")
    shares, unplaced = schedule([post("a", at(1, 7)), post("b", at(1, 7))], cal(rules, posts_yaml), NOW)
    assert sorted((s.slug, s.network) for s in shares) == [("a", "x"), ("b", "mastodon"), ("b", "x")]
    assert unplaced == []


def test_only_the_networks_asked_for_are_scheduled():
    rules = X_MORNING + "  mastodon:\n    slots:\n      - {days: daily, times: ['09:00-10:00']}\n"
    shares, _ = schedule([post("a", at(1, 7))], cal(rules), NOW, networks=("mastodon", "bluesky"))
    assert [s.network for s in shares] == ["mastodon"]


TEASERS = {
    "a": [
        {"network": "x", "text": "Teaser one", "url": "https://blog.test/a.html?utm_source=x"},
        {"network": "x", "text": "Teaser two", "url": "https://blog.test/a.html?utm_source=x"},
        {"network": "linkedin", "text": "LinkedIn teaser", "url": "https://blog.test/a.html?utm_source=linkedin"},
    ]
}
RESHARE = "reshare:\n  after_days: [7, 30]\n"


def test_evergreen_posts_are_shared_again_with_the_next_variant():
    posts_yaml = approved("a", extra="    evergreen: true\n")
    shares, _ = schedule([post("a", at(1, 7))], cal(X_MORNING, posts_yaml, reshare=RESHARE), NOW, TEASERS)
    assert [(s.number, s.time, s.variant, s.text) for s in shares] == [
        (1, at(1, 9), 1, "Teaser one"),
        (2, at(8, 9), 2, "Teaser two"),
        (3, at(31, 9), 1, "Teaser one"),
    ]
    assert shares[0].url == "https://blog.test/a.html?utm_source=x"
    assert [s.id for s in shares] == ["a/x/1", "a/x/2", "a/x/3"]


def test_the_chosen_variant_comes_first():
    posts_yaml = approved("a", extra="    evergreen: true\n    networks: {x: {variant: 2}}\n")
    shares, _ = schedule([post("a", at(1, 7))], cal(X_MORNING, posts_yaml, reshare=RESHARE), NOW, TEASERS)
    assert [s.variant for s in shares] == [2, 1, 2]


def test_posts_that_are_not_evergreen_are_shared_once():
    shares, _ = schedule([post("a", at(1, 7))], cal(X_MORNING, approved("a"), reshare=RESHARE), NOW, TEASERS)
    assert [s.number for s in shares] == [1]


def test_reshares_can_be_limited_to_some_networks():
    rules = X_MORNING + "  mastodon:\n    slots:\n      - {days: daily, times: ['09:00-10:00']}\n"
    reshare = "reshare:\n  after_days: [7]\n  networks: [mastodon]\n"
    shares, _ = schedule(
        [post("a", at(1, 7))], cal(rules, approved("a", extra="    evergreen: true\n"), reshare=reshare), NOW
    )
    assert sorted((s.network, s.number) for s in shares) == [("mastodon", 1), ("mastodon", 2), ("x", 1)]


def test_without_teasers_the_title_then_the_summary_are_used():
    posts_yaml = approved("a", extra="    evergreen: true\n")
    shares, _ = schedule(
        [post("a", at(1, 7), title="The title", summary="The summary")],
        cal(X_MORNING, posts_yaml, reshare=RESHARE),
        NOW,
    )
    assert [(s.text, s.variant, s.url) for s in shares] == [
        ("The title", None, "https://blog.test/a.html"),
        ("The summary", None, "https://blog.test/a.html"),
        ("The title", None, "https://blog.test/a.html"),
    ]


def test_teasers_in_another_language_are_not_used():
    teasers = {"a": [{"network": "x", "text": "English teaser", "url": "u", "lang": "en"}]}
    shares, _ = schedule([post("a", at(1, 7), title="Titre", lang="fr")], cal(X_MORNING), NOW, teasers)
    assert shares[0].text == "Titre"


def test_a_text_override_wins_for_the_first_share():
    posts_yaml = approved("a", extra="    evergreen: true\n    networks: {x: {text: 'Comms wrote this'}}\n")
    shares, _ = schedule(
        [post("a", at(1, 7))], cal(X_MORNING, posts_yaml, reshare="reshare: {after_days: [7]}"), NOW, TEASERS
    )
    assert [(s.text, s.variant) for s in shares] == [("Comms wrote this", None), ("Teaser two", 2)]


def test_a_network_without_slots_reports_every_share_it_cannot_place():
    rules = X_MORNING + "  bluesky:\n    min_gap: 1h\n"
    shares, unplaced = schedule([post("a", at(1, 7))], cal(rules), NOW)
    assert [s.network for s in shares] == ["x"]
    assert [(u.id, u.reason) for u in unplaced] == [
        ("a/bluesky/1", "no posting slots for bluesky; add slots under networks: bluesky: in content/calendar.yaml")
    ]


def test_a_share_with_no_free_slot_within_the_horizon_is_reported():
    head = "quiet_periods:\n  - {start: 2027-03-01 08:00, end: 2029-01-01, reason: Merger}\n"
    shares, unplaced = schedule(
        [post("a", at(1, 7)), post("b", datetime(2026, 1, 5, 7, tzinfo=PARIS))], cal(X_MORNING, head=head), NOW
    )
    assert [s.slug for s in shares] == ["b"]
    assert [(u.id, u.reason) for u in unplaced] == [
        (
            "a/x/1",
            f"no free slot on x within {HORIZON_DAYS} days after 2027-03-01 07:00; "
            "add slots, raise max_per_day or shorten min_gap",
        )
    ]
    assert unplaced[0].title == "Title of a"


def test_withheld_posts_get_no_share_and_are_not_even_listed_as_unplaced():
    posts_yaml = (
        approved("ok")
        + "  review:\n    status: in_review\n  future:\n    status: approved\n    publish_at: 2027-07-01 09:00\n"
    )
    rules = X_MORNING + "  bluesky: {}\n"
    shares, unplaced = schedule([post(s, at(1, 7)) for s in ("ok", "review", "future")], cal(rules, posts_yaml), NOW)
    assert {s.slug for s in shares} == {"ok"} and {u.slug for u in unplaced} == {"ok"}


def test_strict_mode_leaves_out_posts_missing_from_the_calendar():
    shares, _ = schedule([post("a", at(1, 7)), post("b", at(1, 7))], cal(X_MORNING, approved("a")), NOW, strict=True)
    assert {s.slug for s in shares} == {"a"}


def test_the_same_input_in_any_order_gives_the_same_schedule():
    rules = (
        X_MORNING
        + "    min_gap: 20m\n    max_per_day: 2\n"
        + "  mastodon:\n    slots:\n      - {days: daily, times: ['09:00-12:00']}\n"
    )
    posts = [post(f"p{i:02d}", at(1 + i % 5, 6 + i % 4)) for i in range(30)]
    calendar_ = cal(rules, reshare=RESHARE)
    first = schedule(posts, calendar_, NOW)
    for seed in range(3):
        shuffled = posts[:]
        random.Random(seed).shuffle(shuffled)
        assert schedule(shuffled, calendar_, NOW) == first


def test_the_first_version_of_a_slug_wins_when_translations_are_passed_too():
    shares, _ = schedule(
        [post("a", at(1, 7), title="Titre"), post("a", at(1, 7), title="Title", lang="en")], cal(X_MORNING), NOW
    )
    assert [s.title for s in shares] == ["Titre"]


def test_shares_come_out_sorted_by_time():
    rules = X_MORNING + "  mastodon:\n    slots:\n      - {days: daily, times: ['08:00-12:00']}\n"
    shares, _ = schedule([post("b", at(1, 7)), post("a", at(2, 7))], cal(rules), NOW)
    assert times(shares) == sorted(times(shares))
    assert all(shares[i].time + timedelta(0) <= shares[i + 1].time for i in range(len(shares) - 1))


def test_teasers_from_the_teasers_capability_and_a_variant_chosen_by_name():
    from podium.plugins.teasers.model import Teaser

    link = "https://blog.test/a.html?utm_source=x&utm_medium=social&utm_campaign=a"
    teasers = {
        "a": [
            Teaser("a", "fr", "x", "hook", f"Une accroche {link}", link, 40, 280),
            Teaser("a", "fr", "x", "quote", f"« Une citation » {link}", link, 40, 280),
            Teaser("a", "fr", "mastodon", "hook", "Pour Mastodon", link, 20, 500),
        ]
    }
    posts_yaml = approved("a", extra="    evergreen: true\n    networks: {x: {variant: quote}}\n")
    shares, _ = schedule([post("a", at(1, 7))], cal(X_MORNING, posts_yaml, reshare=RESHARE), NOW, teasers)
    assert [(s.variant, s.variant_name, s.text, s.url) for s in shares] == [
        (2, "quote", f"« Une citation » {link}", link),
        (1, "hook", f"Une accroche {link}", link),
        (2, "quote", f"« Une citation » {link}", link),
    ]


# --- the withheld posts' shares, shown in the comms room (scheduler.tentative) ---------------------------


def test_withheld_posts_go_around_the_approved_schedule_and_never_move_it():
    from podium.plugins.calendar.scheduler import tentative

    rules = cal(
        X_MORNING.replace('["09:00-10:00"]', '["09:00-12:00"]') + "    min_gap: 1h\n",
        approved("a") + "  b: {status: in_review}\n  c: {status: in_review}\n",
    )
    now = at(1, 8)
    approved_shares, _ = schedule([post("a", at(1, 8)), post("b", at(1, 8)), post("c", at(1, 8))], rules, now)
    assert [(s.slug, s.time) for s in approved_shares] == [("a", at(1, 9))]  # b and c wait for approval
    waiting = tentative(approved_shares, [post("b", at(1, 8)), post("c", at(1, 8))], rules, now)
    assert [(s.slug, s.time) for s in waiting] == [("b", at(1, 10)), ("c", at(1, 11))]
    assert schedule([post("a", at(1, 8))], rules, now)[0] == approved_shares


def test_a_withheld_post_dated_in_the_past_is_planned_from_now_on():
    from podium.plugins.calendar.scheduler import tentative

    rules = cal(X_MORNING, "  b: {status: in_review}\n")
    waiting = tentative([], [post("b", at(1, 8))], rules, at(3, 10, 30))
    assert times(waiting) == [at(4, 9)]  # never in the past: it cannot go out before it is approved
