"""What a change to the calendar or the posts does to the plan: posts released or withheld, shares added, removed, moved.

A *plan* is what the build decides at one moment: each post out now, going
out at a known time, or blocked (and why), and every share the scheduler
places for the posts that are out or will go out. ``podium schedule --diff``
makes one plan from a git revision and one from the working tree with the
same build and the same ``now``, then compares them here. Pure values only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ..post import PostView
from . import gate
from .model import RELEASABLE, Calendar, Share, utc
from .scheduler import schedule

OUT, LATER, BLOCKED = "out", "later", "blocked"


@dataclass(frozen=True)
class PostState:
    slug: str
    title: str
    state: str  # OUT (public now), LATER (goes out at ``release``), BLOCKED (``reason``)
    release: datetime | None = None
    reason: str = ""


@dataclass(frozen=True)
class Plan:
    posts: Mapping[str, PostState] = field(default_factory=dict)
    shares: Mapping[str, Share] = field(default_factory=dict)  # by id: slug/network/number
    unplaced: frozenset[str] = frozenset()


def _blocked(post: PostView, calendar: Calendar | None, strict: bool) -> str | None:
    """Why the post would stay withheld even once its time has come (draft, status, approvals)."""
    if post.status == "draft":
        return "draft"
    if calendar is None:
        return "no calendar file (PODIUM_CALENDAR_STRICT is on)" if strict else None
    entry = calendar.entries.get(post.slug)
    if entry is None:
        return f"not in {calendar.path} (PODIUM_CALENDAR_STRICT is on)" if strict else None
    if entry.status not in RELEASABLE:
        return f"calendar status is {entry.status}, not approved"
    missing = gate.missing_approvals(entry, calendar)
    return f"waiting for approval by {', '.join(missing)}" if missing else None


def _release(post: PostView, calendar: Calendar | None) -> datetime:
    """Not before the post's own date (the embargo) nor the calendar's release (approvals, quiet periods)."""
    if calendar is None:
        return utc(post.date)
    return max(utc(post.date), gate.release(calendar.entries.get(post.slug), post.date, calendar))


def make_plan(
    out: Iterable[PostView],
    withheld: Iterable[PostView],
    calendar: Calendar | None,
    now: datetime,
    teasers=None,
    *,
    strict: bool = False,
    networks: Iterable[str] | None = None,
) -> Plan:
    """The plan at ``now``: ``out`` are the build's public posts, ``withheld`` its withheld articles."""
    posts: dict[str, PostState] = {}
    later: list[PostView] = []
    out = list(out)
    for post in out:
        posts.setdefault(post.slug, PostState(post.slug, post.title, OUT, _release(post, calendar)))
    for post in withheld:
        if post.slug in posts or post.kind != "article":
            continue
        why = _blocked(post, calendar, strict)
        if why:
            posts[post.slug] = PostState(post.slug, post.title, BLOCKED, reason=why)
        else:
            posts[post.slug] = PostState(post.slug, post.title, LATER, _release(post, calendar))
            later.append(post)
    if calendar is None:
        return Plan(posts=posts)
    # the scheduler lets out what the gate allows at its 'now': at the last release, every post
    # that will go out is placed, and the public ones exactly as the build places them
    horizon = max([utc(now)] + [posts[p.slug].release for p in later]) + timedelta(seconds=1)
    shares, unplaced = schedule(out + later, calendar, horizon, teasers, strict=strict, networks=networks)
    return Plan(posts=posts, shares={s.id: s for s in shares}, unplaced=frozenset(u.id for u in unplaced))


@dataclass(frozen=True)
class PostChange:
    slug: str
    title: str
    before: PostState | None
    after: PostState | None


@dataclass(frozen=True)
class ShareChange:
    id: str
    before: Share | None
    after: Share | None

    @property
    def time(self) -> datetime:
        return (self.after or self.before).time


@dataclass(frozen=True)
class PlanDiff:
    released: tuple[PostChange, ...] = ()  # blocked (or new) -> out or later
    withheld: tuple[PostChange, ...] = ()  # out or later -> blocked (or gone)
    rescheduled: tuple[PostChange, ...] = ()  # going out at another time
    added: tuple[ShareChange, ...] = ()
    removed: tuple[ShareChange, ...] = ()
    moved: tuple[ShareChange, ...] = ()
    unplaced: tuple[str, ...] = ()  # shares that newly found no slot

    def __bool__(self) -> bool:
        return any(
            (self.released, self.withheld, self.rescheduled, self.added, self.removed, self.moved, self.unplaced)
        )


def _goes_out(state: PostState | None) -> bool:
    return state is not None and state.state in (OUT, LATER)


def _post_changes(old: Plan, new: Plan):
    released, withheld, rescheduled = [], [], []
    for slug in sorted(set(old.posts) | set(new.posts)):
        before, after = old.posts.get(slug), new.posts.get(slug)
        change = PostChange(slug, (after or before).title, before, after)
        if _goes_out(after) and not _goes_out(before):
            released.append(change)
        elif _goes_out(before) and not _goes_out(after):
            withheld.append(change)
        elif _goes_out(before) and after.release != before.release and LATER in (before.state, after.state):
            rescheduled.append(change)
    by_time = lambda c: (c.after.release, c.slug)  # both lists hold posts that go out
    return tuple(sorted(released, key=by_time)), tuple(withheld), tuple(sorted(rescheduled, key=by_time))


def diff(old: Plan, new: Plan, now: datetime | None = None) -> PlanDiff:
    """What going from ``old`` to ``new`` changes, each list in time order.

    A share the old plan placed before ``now`` has gone out already: removing or moving it changes
    nothing, so it is not listed. A share added before ``now`` is: it is due at the next publish.
    """
    released, withheld, rescheduled = _post_changes(old, new)
    gone = lambda i: now is not None and utc(old.shares[i].time) < utc(now)
    added = [ShareChange(i, None, new.shares[i]) for i in new.shares.keys() - old.shares.keys()]
    removed = [ShareChange(i, old.shares[i], None) for i in old.shares.keys() - new.shares.keys() if not gone(i)]
    moved = [
        ShareChange(i, old.shares[i], new.shares[i])
        for i in old.shares.keys() & new.shares.keys()
        if utc(old.shares[i].time) != utc(new.shares[i].time) and not gone(i)
    ]
    order = lambda c: (utc(c.time), c.id)
    return PlanDiff(
        released=released,
        withheld=withheld,
        rescheduled=rescheduled,
        added=tuple(sorted(added, key=order)),
        removed=tuple(sorted(removed, key=order)),
        moved=tuple(sorted(moved, key=lambda c: (utc(c.after.time), c.id))),
        unplaced=tuple(sorted(new.unplaced - old.unplaced)),
    )
