"""The editorial calendar as plain values: rules, quiet periods, one entry per post, and shares.

Everything here is frozen and aware of time zones, so the gate, the scheduler
and the exports can be tested with hand-made values and never with files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

STATUSES = ("idea", "draft", "in_review", "approved", "published", "withdrawn")
#: statuses whose post may go out (once every required approval is in)
RELEASABLE = ("approved", "published")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def utc(moment: datetime) -> datetime:
    """Compare and sort in UTC: Python compares two times of one zone by wall clock, wrong in the autumn fold."""
    return moment.astimezone(UTC)


@dataclass(frozen=True)
class Window:
    """A time-of-day range, in the calendar's zone: start included, end excluded."""

    start: time
    end: time


@dataclass(frozen=True)
class Slot:
    days: frozenset[int]  # 0 = Monday, as datetime.weekday()
    windows: tuple[Window, ...]


@dataclass(frozen=True)
class NetworkRules:
    name: str
    slots: tuple[Slot, ...] = ()
    min_gap: timedelta = timedelta(0)
    max_per_day: int | None = None


@dataclass(frozen=True)
class QuietPeriod:
    start: datetime
    end: datetime  # excluded
    reason: str = ""
    line: int = 0

    def covers(self, moment: datetime) -> bool:
        return utc(self.start) <= utc(moment) < utc(self.end)


@dataclass(frozen=True)
class Approval:
    role: str
    who: str
    when: datetime


@dataclass(frozen=True)
class NetworkPlan:
    """What comms decided for one post on one network."""

    skip: bool = False
    variant: int | str | None = None  # 1-based position, as people count, or a teaser's name ("quote")
    text: str | None = None
    at: datetime | None = None  # preferred time


@dataclass(frozen=True)
class Entry:
    slug: str
    status: str
    owner: str = ""
    publish_at: datetime | None = None
    campaign: str = ""
    notes: str = ""
    evergreen: bool = False
    approvals: tuple[Approval, ...] = ()
    networks: Mapping[str, NetworkPlan] = field(default_factory=dict)
    line: int = 0
    col: int = 0


@dataclass(frozen=True)
class Calendar:
    zone: ZoneInfo
    required_approvals: tuple[str, ...] = ()
    networks: Mapping[str, NetworkRules] = field(default_factory=dict)
    quiet_periods: tuple[QuietPeriod, ...] = ()
    reshare_after_days: tuple[int, ...] = ()
    reshare_networks: tuple[str, ...] | None = None  # None: every network
    entries: Mapping[str, Entry] = field(default_factory=dict)
    path: str = "calendar.yaml"

    def quiet_at(self, moment: datetime) -> QuietPeriod | None:
        for period in self.quiet_periods:
            if period.covers(moment):
                return period
        return None


@dataclass(frozen=True)
class Share:
    """One message on one network: the single model rendered to JSON, ICS, CSV and HTML."""

    slug: str
    network: str
    number: int  # 1 for the first share, 2.. for evergreen re-shares
    time: datetime  # aware, in the calendar's zone
    variant: int | None  # 1-based teaser variant, None when no teaser was used
    text: str
    url: str
    title: str = ""
    lang: str = ""
    variant_name: str | None = None  # the teaser's own name for it: "quote", "figure"...

    @property
    def id(self) -> str:
        """Stable across builds: the publish ledger and calendar programs key on it."""
        return f"{self.slug}/{self.network}/{self.number}"


@dataclass(frozen=True)
class Unplaced:
    slug: str
    network: str
    number: int
    reason: str
    title: str = ""

    @property
    def id(self) -> str:
        return f"{self.slug}/{self.network}/{self.number}"
