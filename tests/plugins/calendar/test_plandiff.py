"""Plans and their differences: which posts a change releases or withholds, which shares it adds, removes or moves."""

from __future__ import annotations

from datetime import datetime

import pytest

from podium.plugins.calendar.model import Share
from podium.plugins.calendar.plandiff import BLOCKED, LATER, OUT, Plan, PostState, diff, make_plan

from .helpers import PARIS, calendar, post

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=PARIS)
T = lambda day, hour=9, minute=0: datetime(2026, 12, day, hour, minute, tzinfo=PARIS)


def share(slug: str, network: str, time: datetime, number: int = 1) -> Share:
    return Share(slug=slug, network=network, number=number, time=time, variant=None, text="t", url="u")


def plan(posts=(), shares=(), unplaced=()) -> Plan:
    return Plan(posts={p.slug: p for p in posts}, shares={s.id: s for s in shares}, unplaced=frozenset(unplaced))


OUT_A = PostState("a", "A", OUT, T(1))
LATER_A = PostState("a", "A", LATER, T(8, 8))
HELD_A = PostState("a", "A", BLOCKED, reason="calendar status is in_review, not approved")


@pytest.mark.parametrize(
    "before, after, released, withheld, rescheduled",
    [
        ([HELD_A], [LATER_A], ["a"], [], []),
        ([HELD_A], [OUT_A], ["a"], [], []),
        ([], [LATER_A], ["a"], [], []),  # a new post, approved at once
        ([LATER_A], [HELD_A], [], ["a"], []),
        ([OUT_A], [HELD_A], [], ["a"], []),
        ([OUT_A], [], [], ["a"], []),  # its file or entry removed
        ([LATER_A], [PostState("a", "A", LATER, T(9, 8))], [], [], ["a"]),
        ([LATER_A], [OUT_A], [], [], ["a"]),  # brought forward to now
        ([OUT_A], [PostState("a", "A", OUT, T(2))], [], [], []),  # out either way: nothing changes for readers
        ([HELD_A], [PostState("a", "A", BLOCKED, reason="draft")], [], [], []),  # still withheld, for another reason
        ([HELD_A], [], [], [], []),
    ],
)
def test_post_changes(before, after, released, withheld, rescheduled):
    d = diff(plan(before), plan(after), NOW)
    assert ([c.slug for c in d.released], [c.slug for c in d.withheld], [c.slug for c in d.rescheduled]) == (
        released,
        withheld,
        rescheduled,
    )
    assert bool(d) == bool(released or withheld or rescheduled)


def test_share_changes_in_time_order_and_shares_already_gone_out_are_not_listed():
    old = plan(
        shares=[
            share("a", "x", T(1)),
            share("b", "x", T(2)),
            share("c", "x", T(3)),
            share("past", "x", datetime(2026, 11, 2, 9, tzinfo=PARIS)),
            share("past", "linkedin", datetime(2026, 11, 3, 9, tzinfo=PARIS)),
        ]
    )
    new = plan(
        shares=[
            share("a", "x", T(1)),
            share("c", "x", T(3, 12)),
            share("d", "x", T(2, 8)),
            share("b", "mastodon", T(1, 18)),
            share("past", "x", datetime(2026, 11, 2, 10, tzinfo=PARIS)),
            share("late", "x", datetime(2026, 11, 20, 9, tzinfo=PARIS)),
        ],
        unplaced=["d/linkedin/1"],
    )
    d = diff(old, new, NOW)
    assert [c.id for c in d.added] == ["late/x/1", "b/mastodon/1", "d/x/1"]  # a share added in the past is due now
    assert [c.id for c in d.removed] == ["b/x/1"]
    assert [(c.id, c.before.time, c.after.time) for c in d.moved] == [("c/x/1", T(3), T(3, 12))]
    assert d.unplaced == ("d/linkedin/1",)


def test_without_now_every_share_counts():
    old = plan(shares=[share("past", "x", datetime(2026, 11, 2, 9, tzinfo=PARIS))])
    assert [c.id for c in diff(old, plan()).removed] == ["past/x/1"]
    assert diff(old, plan(), NOW).removed == ()


RULES = """
timezone: Europe/Paris
required_approvals: [comms, legal]
networks:
  x:
    slots: [{days: daily, times: ["09:00-18:00"]}]
    min_gap: 1h
posts:
"""


def test_make_plan_places_the_shares_of_posts_that_go_out_later_with_the_build_scheduler():
    cal = calendar(
        RULES
        + """  out:
    status: published
    approvals: [{role: comms, who: C, when: 2026-11-01 09:00}, {role: legal, who: L, when: 2026-11-01 09:00}]
  soon:
    status: approved
    publish_at: 2026-12-08 08:00
    approvals: [{role: comms, who: C, when: 2026-11-01 09:00}, {role: legal, who: L, when: 2026-11-01 09:00}]
  waiting:
    status: in_review
    approvals: [{role: comms, who: C, when: 2026-11-01 09:00}]
  halfway:
    status: approved
    approvals: [{role: comms, who: C, when: 2026-11-01 09:00}]
"""
    )
    made = make_plan(
        [post("out", datetime(2026, 11, 2, 8, tzinfo=PARIS))],
        [
            post("soon", datetime(2026, 11, 2, 8, tzinfo=PARIS)),
            post("waiting", datetime(2026, 11, 2, 8, tzinfo=PARIS)),
            post("halfway", datetime(2026, 11, 2, 8, tzinfo=PARIS)),
        ],
        cal,
        NOW,
    )
    assert {slug: (s.state, s.release, s.reason) for slug, s in made.posts.items()} == {
        "out": (OUT, datetime(2026, 11, 2, 8, tzinfo=PARIS), ""),
        "soon": (LATER, T(8, 8), ""),
        "waiting": (BLOCKED, None, "calendar status is in_review, not approved"),
        "halfway": (BLOCKED, None, "waiting for approval by legal"),
    }
    assert {i: s.time for i, s in made.shares.items()} == {
        "out/x/1": datetime(2026, 11, 2, 9, tzinfo=PARIS),
        "soon/x/1": T(8, 9),
    }


def test_a_draft_front_matter_blocks_whatever_the_calendar_says_and_a_future_date_holds():
    cal = calendar(
        RULES
        + """  drafted:
    status: approved
    approvals: [{role: comms, who: C, when: 2026-11-01 09:00}, {role: legal, who: L, when: 2026-11-01 09:00}]
"""
    )
    from dataclasses import replace

    drafted = replace(post("drafted", datetime(2026, 11, 2, 8, tzinfo=PARIS)), status="draft")
    made = make_plan([], [drafted, post("dated", T(10, 11))], cal, NOW)
    assert made.posts["drafted"].state == BLOCKED and made.posts["drafted"].reason == "draft"
    assert (made.posts["dated"].state, made.posts["dated"].release) == (LATER, T(10, 11))
    assert list(made.shares) == ["dated/x/1"]


def test_without_a_calendar_there_are_no_shares():
    made = make_plan([post("a", datetime(2026, 11, 2, 8, tzinfo=PARIS))], [], None, NOW)
    assert made.posts["a"].state == OUT and made.shares == {}
