"""The build context: validated settings, 'now' and the error report of one build.

It travels in Pelican's settings dict under the key ``PODIUM`` (no underscore,
so it is not mistaken for a PODIUM_* setting). The command line creates it;
a plain ``pelican`` run gets one lazily from the ``initialized`` signal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, MutableMapping

from . import settings as settings_mod
from .errors import Report

KEY = "PODIUM"


@dataclass
class BuildContext:
    config: Any  # the frozen PodiumSettings
    now: datetime  # aware
    report: Report = field(default_factory=Report)
    #: posts withheld by the embargo, slug -> reason: nothing may mention them
    embargoed: dict[str, str] = field(default_factory=dict)
    #: (slug, lang) of every withheld post: see is_withheld
    withheld: set[tuple[str, str]] = field(default_factory=set)
    #: the project folder: error messages show paths relative to it
    root: str = ""
    #: a production build (publishconf.py): stricter about what may go live
    prod: bool = False
    #: free space for capabilities to hand results to later steps (e.g. teasers to the calendar)
    shared: dict[str, Any] = field(default_factory=dict)

    @property
    def preview(self) -> bool:
        return bool(self.config.preview)

    def hold(self, item: Any, reason: str) -> None:
        """Withhold one post or page: every later step must leave it out."""
        self.embargoed[item.slug] = reason
        self.withheld.add((item.slug, getattr(item, "lang", "")))
        item.podium_embargo = reason
        self.shared.setdefault("held_content", []).append(item)

    def is_withheld(self, item: Any) -> bool:
        """Whether a post (Pelican object or PostView) is withheld.

        Keyed by slug and language: a French draft does not hide its published
        English translation, which shares its slug.
        """
        return bool(getattr(item, "podium_embargo", None)) or (item.slug, getattr(item, "lang", "")) in self.withheld

    def display_path(self, path: str) -> str:
        """A path as the person typing commands in the project folder sees it."""
        import os

        root = self.root or os.getcwd()
        rel = os.path.relpath(path, root)
        return path if rel.startswith("..") else rel


def create(pelican_settings: MutableMapping[str, Any], source: str | None = None, root: str = "", clock=None,
           prod: bool = False) -> BuildContext:
    """Validate settings and fix 'now' once, at start-up."""
    config, warnings = settings_mod.load(pelican_settings, source)
    now = config.now or (clock or (lambda: datetime.now(timezone.utc)))()
    ctx = BuildContext(config=config, now=now, root=root, prod=prod)
    for w in warnings:
        ctx.report.warn(w)
    pelican_settings[KEY] = ctx
    return ctx


def get(pelican_settings: MutableMapping[str, Any]) -> BuildContext:
    ctx = pelican_settings.get(KEY)
    if ctx is None:
        ctx = create(pelican_settings)
    return ctx
