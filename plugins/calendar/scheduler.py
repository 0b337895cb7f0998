"""The cross-post schedule: a pure, deterministic function from posts, calendar and now to shares.

Each share goes in the first allowed moment at or after its post's release:
inside one of the network's slots, outside quiet periods, at least the
network's minimum gap from its other shares, under its daily cap. Shares are
placed in order of their earliest possible time (then slug, network, number),
so the same input always gives the same schedule. What cannot be placed is
returned with the reason, never dropped in silence.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from ..i18n import _
from ..post import PostView
from . import gate
from .model import Calendar, NetworkPlan, NetworkRules, Share, Unplaced, utc
from .slots import STEP, add_days, ceil_step, day_windows, local_day
from .texts import share_text

HORIZON_DAYS = 366


@dataclass(frozen=True)
class _Request:
    post: PostView
    network: str
    number: int
    earliest: datetime  # UTC
    pinned: datetime | None  # the entry's preferred time, when it is usable


class _Network:
    """Shares already placed on one network: sorted times and a count per local day."""

    def __init__(self, rules: NetworkRules, calendar: Calendar):
        self.rules, self.calendar = rules, calendar
        self.gap = max(rules.min_gap, STEP)  # never two shares in the same 5-minute slot
        self.times: list[datetime] = []
        self.per_day: dict = defaultdict(int)
        self._windows: dict[date, list] = {}  # a day's windows are computed once, not once per share
        # Days with no room left stay so (placing only adds constraints): each points at a later day
        # to try, with the path shortened as it is followed, so a long full stretch is crossed at once.
        self._skip: dict[int, int] = {}

    def windows(self, day: date) -> list[tuple[datetime, datetime]]:
        if day not in self._windows:
            self._windows[day] = day_windows(self.rules, day, self.calendar.zone)
        return self._windows[day]

    def clash(self, moment: datetime) -> datetime | None:
        """The latest placed share closer than the gap to ``moment``, if any."""
        i = bisect.bisect_left(self.times, moment - self.gap + timedelta(microseconds=1))
        j = bisect.bisect_left(self.times, moment + self.gap)
        return self.times[j - 1] if j > i else None

    def full(self, moment: datetime) -> bool:
        return self.full_day(local_day(moment, self.calendar.zone))

    def full_day(self, day: date) -> bool:
        cap = self.rules.max_per_day
        return cap is not None and self.per_day.get(day, 0) >= cap

    def free(self, moment: datetime) -> bool:
        return not self.calendar.quiet_at(moment) and not self.full(moment) and self.clash(moment) is None

    def take(self, moment: datetime) -> None:
        bisect.insort(self.times, moment)
        day = local_day(moment, self.calendar.zone)
        self.per_day[day] += 1
        if self.full_day(day):
            self._skip[day.toordinal()] = day.toordinal() + 1

    def _open(self, ordinal: int) -> int:
        """The first day from ``ordinal`` on that may still have room."""
        path = []
        while ordinal in self._skip:
            path.append(ordinal)
            ordinal = self._skip[ordinal]
        for step in path:
            self._skip[step] = ordinal
        return ordinal

    def first_free(self, earliest: datetime) -> datetime | None:
        """Day by day from the earliest one, skipping days known to have no room."""
        first = local_day(earliest, self.calendar.zone).toordinal()
        ordinal = self._open(first)
        while ordinal <= first + HORIZON_DAYS:
            windows = self.windows(date.fromordinal(ordinal))
            moment = self._in_windows(windows, earliest)
            if moment is not None:
                return moment
            if not windows or earliest <= windows[0][0]:
                self._skip[ordinal] = ordinal + 1  # the whole day was searched: no room in it, ever
            ordinal = self._open(ordinal + 1)
        return None

    def _in_windows(self, windows, earliest: datetime) -> datetime | None:
        """Walk each window past quiet periods and clashes with placed shares."""
        for begin, end in windows:
            if end <= earliest:
                continue
            moment = ceil_step(max(begin, earliest))
            while moment < end:
                quiet = self.calendar.quiet_at(moment)
                other = None if quiet else self.clash(moment)
                if quiet is None and other is None:
                    return moment
                moment = ceil_step(quiet.end if quiet else other + self.gap)
        return None


def _requests(post: PostView, calendar: Calendar, networks: Iterable[str]) -> list[_Request]:
    entry = calendar.entries.get(post.slug)
    released = gate.release(entry, post.date, calendar)  # UTC
    requests = []
    for network in networks:
        plan = entry.networks.get(network, NetworkPlan()) if entry else NetworkPlan()
        if plan.skip:
            continue
        pinned = ceil_step(plan.at) if plan.at and plan.at >= released else None
        earliest = max(released, utc(plan.at)) if plan.at else released
        requests.append(_Request(post, network, 1, earliest, pinned))
        if entry and entry.evergreen and network in _reshared(calendar, networks):
            for number, days in enumerate(calendar.reshare_after_days, start=2):
                requests.append(_Request(post, network, number, add_days(released, days, calendar.zone), None))
    return requests


def _reshared(calendar: Calendar, networks: Iterable[str]):
    return networks if calendar.reshare_networks is None else calendar.reshare_networks


def _no_slot(request: _Request, rules: NetworkRules | None, calendar: Calendar) -> str:
    if rules is None or not rules.slots:
        return _(
            "no posting slots for {network}; add slots under networks: {network}: in {path}",
            network=request.network,
            path=calendar.path,
        )
    after = request.earliest.astimezone(calendar.zone).strftime("%Y-%m-%d %H:%M")
    return _(
        "no free slot on {network} within {days} days after {after}; add slots, raise max_per_day or shorten min_gap",
        network=request.network,
        days=HORIZON_DAYS,
        after=after,
    )


def schedule(
    posts: Iterable[PostView],
    calendar: Calendar,
    now: datetime,
    teasers: Mapping[str, Any] | None = None,
    *,
    strict: bool = False,
    networks: Iterable[str] | None = None,
) -> tuple[list[Share], list[Unplaced]]:
    """Shares for every post the calendar lets out at ``now``; plus every share that found no slot, with why.

    Posts the gate withholds are left out entirely: not scheduled, not listed as unplaced.
    """
    chosen = [n for n in (networks if networks is not None else calendar.networks) if n in calendar.networks]
    seen, requests = set(), []
    for post in posts:
        if post.slug in seen or not gate.allowed(post.slug, post.date, calendar, now, strict):
            continue
        seen.add(post.slug)
        requests += _requests(post, calendar, chosen)
    state = {name: _Network(calendar.networks[name], calendar) for name in chosen}
    return _results(requests, _place(requests, state), calendar, teasers)


def _place(requests: list[_Request], state: dict[str, _Network]) -> dict[tuple, datetime]:
    """Pinned shares first, where they asked to be; then every other one in the first free moment."""
    placed: dict[tuple, datetime] = {}
    for request in sorted((r for r in requests if r.pinned), key=_order):
        if state[request.network].free(request.pinned):
            state[request.network].take(request.pinned)
            placed[_key(request)] = request.pinned
    for request in sorted((r for r in requests if _key(r) not in placed), key=_order):
        moment = state[request.network].first_free(request.earliest)
        if moment is not None:
            state[request.network].take(moment)
            placed[_key(request)] = moment
    return placed


def tentative(
    approved: Iterable[Share],
    posts: Iterable[PostView],
    calendar: Calendar,
    now: datetime,
    teasers: Mapping[str, Any] | None = None,
    *,
    networks: Iterable[str] | None = None,
) -> list[Share]:
    """The shares withheld posts would get if they were let out: for comms to see the real plan, never to post.

    They go around the approved schedule, which they never move (its shares
    take their slots first), and not before ``now``: a post still waiting
    for an approval cannot go out in the past.
    """
    chosen = [n for n in (networks if networks is not None else calendar.networks) if n in calendar.networks]
    state = {name: _Network(calendar.networks[name], calendar) for name in chosen}
    for share in approved:
        if share.network in state:
            state[share.network].take(utc(share.time))
    start, seen, requests = utc(now), set(), []
    for post in posts:
        if post.slug in seen:
            continue
        seen.add(post.slug)
        for request in _requests(post, calendar, chosen):
            pinned = request.pinned if request.pinned and request.pinned >= start else None
            requests.append(replace(request, earliest=max(request.earliest, start), pinned=pinned))
    return _results(requests, _place(requests, state), calendar, teasers)[0]


def _order(request: _Request):
    return (request.pinned or request.earliest, request.post.slug, request.network, request.number)


def _key(request: _Request) -> tuple:
    return (request.post.slug, request.network, request.number)


def _results(requests, placed, calendar: Calendar, teasers) -> tuple[list[Share], list[Unplaced]]:
    shares, unplaced = [], []
    for request in requests:
        post, moment = request.post, placed.get(_key(request))
        if moment is None:
            reason = _no_slot(request, calendar.networks.get(request.network), calendar)
            unplaced.append(Unplaced(post.slug, request.network, request.number, reason, post.title))
            continue
        entry = calendar.entries.get(post.slug)
        plan = entry.networks.get(request.network) if entry else None
        variant, name, text, url = share_text(post, request.network, request.number, plan, teasers)
        shares.append(
            Share(
                slug=post.slug,
                network=request.network,
                number=request.number,
                time=moment.astimezone(calendar.zone),
                variant=variant,
                text=text,
                url=url,
                title=post.title,
                lang=post.lang,
                variant_name=name,
            )
        )
    shares.sort(key=lambda s: (utc(s.time), s.network, s.slug, s.number))
    unplaced.sort(key=lambda u: (u.slug, u.network, u.number))
    return shares, unplaced
