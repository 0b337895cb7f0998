"""What every comms page may read: one build's facts, gathered once, as plain values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Room:
    settings: Mapping[str, Any]  # Pelican's settings of the build
    config: Any  # the frozen PodiumSettings
    now: datetime  # aware
    lang: str  # the site's language: the room speaks it
    sitename: str
    #: every teaser of the published posts (podium.plugins.teasers.model.Teaser), in teasers.json order
    teasers: tuple = ()
    calendar: Any = None  # podium.plugins.calendar.model.Calendar, or None
    shares: tuple = ()  # the approved schedule (calendar Share values)
    unplaced: tuple = ()
    #: every post version with a file (PostView), public and withheld alike: the board and review pages show them
    posts: tuple = ()
    #: (slug, lang) -> why the build withheld it (ctx.withheld)
    withheld: Mapping[tuple[str, str], str] = field(default_factory=dict)
    #: the published posts' conversations (podium.plugins.conversations.room.Digest), or None: not gathered
    conversations: Any = None
    #: the shares withheld posts would get (calendar.scheduler.tentative): shown, marked, never posted
    tentative: tuple = ()
    #: the review pages' material (podium.plugins.comms.review_glue.Reviews), or None
    reviews: Any = None
    #: the address the teasers use (podium.plugins.siteurl.Address), or None when there are none
    address: Any = None
    #: (slug, lang) -> network -> picture made for the image networks (plugins/cards/network_glue.py)
    pictures: Mapping = field(default_factory=dict)
    #: the navigation of the room: (path from the room's root, label)
    nav: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    @property
    def zone(self) -> ZoneInfo:
        """The calendar's time zone, else the site's: the room shows every time in it."""
        if self.calendar is not None:
            return self.calendar.zone
        return ZoneInfo(self.settings.get("TIMEZONE") or "UTC")

    def label(self, labels: Mapping[str, str]) -> str:
        """A page's name in the room's language (English when podium has no words for it)."""
        return labels.get(self.lang.split("_")[0].split("-")[0], labels.get("en", ""))
