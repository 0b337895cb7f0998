"""Property tests: whatever the calendar and the posts, every share obeys every rule, and nothing ungated is scheduled."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from podium.plugins.calendar import gate
from podium.plugins.calendar import scheduler as scheduler_module
from podium.plugins.calendar.model import (
    STATUSES,
    Approval,
    Calendar,
    Entry,
    NetworkRules,
    QuietPeriod,
    Slot,
    Window,
    utc,
)
from podium.plugins.calendar.scheduler import schedule
from podium.plugins.calendar.slots import ceil_step

from .helpers import post

ZONES = ("Europe/Paris", "America/New_York", "UTC")
BASE = datetime(2027, 3, 1, tzinfo=UTC)  # a month with a DST change in both zones
NOW = datetime(2027, 4, 20, tzinfo=UTC)


@st.composite
def windows(draw):
    start = draw(st.integers(0, 22))
    length = draw(st.integers(1, 6))
    return Window(time(start), time.max if start + length >= 24 else time(start + length))


@st.composite
def rules(draw, name):
    slots = draw(
        st.lists(
            st.builds(
                Slot,
                days=st.frozensets(st.integers(0, 6), min_size=1),
                windows=st.lists(windows(), min_size=1, max_size=2).map(tuple),
            ),
            max_size=2,
        )
    )
    gap = timedelta(minutes=draw(st.sampled_from([0, 30, 60, 180])))
    return NetworkRules(name, tuple(slots), gap, draw(st.sampled_from([None, 1, 2, 3])))


@st.composite
def quiet_periods(draw):
    count = draw(st.integers(0, 2))
    periods, cursor = [], BASE
    for index in range(count):
        start = cursor + timedelta(hours=draw(st.integers(1, 24 * 12)))
        end = start + timedelta(hours=draw(st.integers(1, 24 * 6)))
        periods.append(QuietPeriod(start, end, f"q{index}", line=index + 1))
        cursor = end
    return tuple(periods)


@st.composite
def worlds(draw):
    zone = ZoneInfo(draw(st.sampled_from(ZONES)))
    networks = {name: draw(rules(name)) for name in ("x", "mastodon")}
    count = draw(st.integers(1, 10))
    posts, entries = [], {}
    for index in range(count):
        slug = f"p{index}"
        date = BASE + timedelta(minutes=draw(st.integers(0, 60 * 24 * 40)))
        posts.append(post(slug, date.astimezone(zone)))
        if draw(st.booleans()):
            roles = draw(st.frozensets(st.sampled_from(("comms", "legal"))))
            approvals = tuple(
                Approval(r, "someone", date - timedelta(hours=draw(st.integers(-48, 48)))) for r in sorted(roles)
            )
            entries[slug] = Entry(
                slug, draw(st.sampled_from(STATUSES)), evergreen=draw(st.booleans()), approvals=approvals
            )
    calendar = Calendar(
        zone=zone,
        required_approvals=("comms", "legal"),
        networks=networks,
        quiet_periods=draw(quiet_periods()),
        reshare_after_days=(7, 30),
        entries=entries,
    )
    return calendar, posts, draw(st.booleans())


def _in_a_slot(share, rules_: NetworkRules, zone) -> bool:
    local = share.time.astimezone(zone)
    wall = local.time().replace(tzinfo=None)
    return any(
        local.weekday() in slot.days and w.start <= wall and (wall < w.end or w.end == time.max)
        for slot in rules_.slots
        for w in slot.windows
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(worlds())
def test_every_share_obeys_every_rule(world):
    calendar, posts, strict = world
    shares, unplaced = schedule(posts, calendar, NOW, strict=strict)
    by_slug = {p.slug: p for p in posts}
    for share in shares:
        source = by_slug[share.slug]
        assert gate.allowed(share.slug, source.date, calendar, NOW, strict)
        assert utc(share.time) >= gate.release(calendar.entries.get(share.slug), source.date, calendar)
        assert share.time.tzinfo == calendar.zone
        assert calendar.quiet_at(share.time) is None
        assert share.time.minute % 5 == 0 and share.time.second == 0
        assert _in_a_slot(share, calendar.networks[share.network], calendar.zone)
    for name, rules_ in calendar.networks.items():
        instants = sorted(utc(s.time) for s in shares if s.network == name)
        gap = max(rules_.min_gap, timedelta(minutes=5))
        assert all(b - a >= gap for a, b in zip(instants, instants[1:]))
        if rules_.max_per_day:
            per_day = Counter(s.time.astimezone(calendar.zone).date() for s in shares if s.network == name)
            assert max(per_day.values(), default=0) <= rules_.max_per_day


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(worlds())
def test_each_share_of_a_gated_post_is_placed_or_reported_exactly_once_and_nothing_else_appears(world):
    calendar, posts, strict = world
    shares, unplaced = schedule(posts, calendar, NOW, strict=strict)
    expected = Counter()
    for p in posts:
        if not gate.allowed(p.slug, p.date, calendar, NOW, strict):
            continue
        entry = calendar.entries.get(p.slug)
        for network in calendar.networks:
            expected[(p.slug, network, 1)] += 1
            if entry and entry.evergreen:
                expected.update({(p.slug, network, n): 1 for n in (2, 3)})
    got = Counter((s.slug, s.network, s.number) for s in shares) + Counter(
        (u.slug, u.network, u.number) for u in unplaced
    )
    assert got == expected


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(worlds(), st.randoms(use_true_random=False))
def test_the_schedule_does_not_depend_on_the_order_of_the_posts(world, rnd):
    calendar, posts, strict = world
    shuffled = posts[:]
    rnd.shuffle(shuffled)
    assert schedule(shuffled, calendar, NOW, strict=strict) == schedule(posts, calendar, NOW, strict=strict)


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(scheduler_module, "HORIZON_DAYS", 30)  # the brute force walks every 5 minutes
        yield patch


class _BruteNetwork(scheduler_module._Network):
    """Reference placement: every 5-minute mark in turn, checked against the wall-clock slots; no shortcuts."""

    def first_free(self, earliest):
        zone = self.calendar.zone
        last_day = earliest.astimezone(zone).date() + timedelta(days=scheduler_module.HORIZON_DAYS)
        moment = ceil_step(earliest)
        while moment.astimezone(zone).date() <= last_day:
            local = moment.astimezone(zone)
            share = type("S", (), {"time": local})
            if _in_a_slot(share, self.rules, zone) and self.free(moment):
                return moment
            moment += timedelta(minutes=5)
        return None


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(world=worlds())
def test_each_share_gets_the_first_allowed_moment_as_a_brute_force_search_finds_it(world, monkeypatch_module):
    calendar, posts, strict = world
    fast = schedule(posts, calendar, NOW, strict=strict)
    with monkeypatch_module.context() as patch:
        patch.setattr(scheduler_module, "_Network", _BruteNetwork)
        assert schedule(posts, calendar, NOW, strict=strict) == fast
