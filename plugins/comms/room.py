"""What every comms page may read: one build's facts, gathered once, as plain values."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Mapping


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
    #: the navigation of the room: (path from the room's root, label)
    nav: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    def label(self, labels: Mapping[str, str]) -> str:
        """A page's name in the room's language (English when podium has no words for it)."""
        return labels.get(self.lang.split("_")[0].split("-")[0], labels.get("en", ""))
