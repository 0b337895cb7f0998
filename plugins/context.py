"""The build context: validated settings, 'now', the error report and what each step hands the next.

It travels in Pelican's settings dict under the key ``PODIUM`` (no underscore,
so it is not mistaken for a PODIUM_* setting). The command line creates it;
a plain ``pelican`` run gets one lazily from the ``initialized`` signal.

Every result one capability leaves for another (or for ``podium.publish``)
is a named, typed field below, written by one glue module and documented
here; there is no free-form bag. Withheld content has one record, the
``withheld`` map, written only through ``hold``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from . import settings as settings_mod
from .errors import Report

if TYPE_CHECKING:  # the capabilities import this module: their types are for the type checker only
    from jinja2 import Environment

    from .calendar.model import Calendar, Share, Unplaced
    from .cards.glue import Kit
    from .conversations.room import Digest
    from .images.glue import State as ImageState
    from .post import PostView
    from .sitemap.glue import Learned
    from .siteurl import Address
    from .teasers.model import Teaser

KEY = "PODIUM"

#: (slug, language) of a post or page: a translation shares its original's slug, not its language
Version = tuple[str, str]


def version_of(item: Any) -> Version:
    return (item.slug, getattr(item, "lang", "") or "")


@dataclass
class BuildContext:
    config: settings_mod.PodiumSettings
    now: datetime  # aware
    report: Report = field(default_factory=Report)
    #: the project folder: error messages show paths relative to it
    root: str = ""
    #: a production build (publishconf.py): stricter about what may go live
    prod: bool = False
    #: a plain ``pelican`` run, not ``podium build``: problems are logged as found and end the run (core.py)
    standalone: bool = False
    #: the settings file the build read (publishconf.py or pelicanconf.py), or None (a plain ``pelican`` run)
    settings_file: str | None = None

    #: every withheld post and page, (slug, language) -> reason: nothing may mention them (embargo, via hold)
    withheld: dict[Version, str] = field(default_factory=dict)
    #: the Pelican objects behind ``withheld``, for the steps that need their files (sitemap, static files)
    withheld_content: list[Any] = field(default_factory=list)

    #: the publishable articles and their translations, as Pelican objects (core, article_generator_finalized)
    posts: list[Any] = field(default_factory=list)
    #: the publishable pages and page translations: Pelican's own lists, trimmed in place by the embargo (core)
    pages: list[Any] = field(default_factory=list)
    page_translations: list[Any] = field(default_factory=list)
    #: the theme's Jinja environment (core, all_generators_finalized)
    templates: Environment | None = None
    #: the context every theme template is rendered with (core, all_generators_finalized): the comms room's
    #: review copies render posts with it, as the site would
    template_context: dict[str, Any] | None = None
    #: where this build writes the comms room (a scratch folder the build brings in), or None: not written.
    #: Never inside the output folder: podium.publish.build checks both before the build starts.
    comms_dir: str | None = None
    #: the render memo of a ``podium build`` (plugins/memo.py); None for a plain pelican run or a quick preview
    memo: Any = None
    #: the same for the comms room's folder (its files, keyed by their bytes)
    room_memo: Any = None
    #: the address teasers and the schedule's links use: production's whenever known, in every build
    #: (podium.publish.production); None in a plain ``pelican`` run (see ``address``)
    teaser_address: Address | None = None

    #: images: the library of processed images and what each post uses (images.glue.state)
    images: ImageState | None = None
    #: cards: the shared card kit and its counters (cards.glue)
    cards: Kit | None = None
    #: feeds: the posts they list (article_generator_finalized) and the files written (finalized)
    feed_posts: list[Any] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    #: sitemap: the documents learned at all_generators_finalized, the URLs written at finalized
    sitemap: Learned | None = None
    sitemap_urls: list[str] = field(default_factory=list)
    #: teasers: every teaser (None when teasers are off), and per slug those the schedule may post
    teasers: list[Teaser] | None = None
    teasers_by_slug: dict[str, list[Teaser]] | None = None
    #: calendar: the loaded calendar (None: no file, or broken), whether it failed to load,
    #: the posts it schedules, and the schedule made at finalized
    calendar: Calendar | None = None
    calendar_broken: bool = False
    calendar_posts: list[PostView] = field(default_factory=list)
    schedule: tuple[list[Share], list[Unplaced]] | None = None
    #: conversations: the published posts' conversations and the moderation decisions, for the comms room
    #: (conversations.glue, article_generator_finalized); None when not gathered
    conversations: Digest | None = None

    @property
    def preview(self) -> bool:
        return self.config.preview

    def hold(self, item: Any, reason: str) -> None:
        """Withhold one post or page: every later step must leave it out."""
        self.withheld[version_of(item)] = reason
        self.withheld_content.append(item)

    def is_withheld(self, item: Any) -> bool:
        """Whether a post (Pelican object or PostView) is withheld.

        Keyed by slug and language: a French draft does not hide its published
        English translation, which shares its slug.
        """
        return version_of(item) in self.withheld

    def reason(self, item: Any) -> str | None:
        """Why ``item`` is withheld, or None: the theme's preview banner shows it."""
        return self.withheld.get(version_of(item))

    def withheld_slugs(self) -> dict[str, str]:
        """Slug -> reason, for messages that speak of posts by slug ("3 withheld", "podium teasers SLUG")."""
        return {slug: reason for (slug, _), reason in self.withheld.items()}

    def address(self, settings: Any) -> Address:
        """Where teasers link: ``teaser_address``, or for a plain ``pelican`` run its own public SITEURL."""
        from .siteurl import public_root, teaser_address

        return self.teaser_address or teaser_address(settings, public_root(settings.get("SITEURL")))

    def setting_at(self, key: str) -> dict:
        """``path`` and ``line`` where the settings set ``key``, for a BadInput about its value."""
        return settings_mod.where(self.settings_file, key, self.root)

    def display_path(self, path: str) -> str:
        """A path as the person typing commands in the project folder sees it."""
        root = self.root or os.getcwd()
        rel = os.path.relpath(path, root)
        return path if rel.startswith("..") else rel


#: where a plain ``pelican`` run's problems are logged: Pelican's handlers show them, ``--fatal`` counts them
LOGGER = "podium"


def log_to_pelican(level: int, message: str) -> None:
    # looked up when used: Pelican makes every logger created after it is imported one of its own
    logging.getLogger(LOGGER).log(level, "%s", message)


def create(
    pelican_settings: MutableMapping[str, Any],
    source: str | None = None,
    root: str = "",
    clock: Callable[[], datetime] | None = None,
    prod: bool = False,
    standalone: bool = False,
) -> BuildContext:
    """Validate settings and fix 'now' once, at start-up."""
    if source and root and not os.path.isabs(source):
        source = os.path.join(root, source)
    config, warnings = settings_mod.load(pelican_settings, source, root)
    now = config.now or (clock or (lambda: datetime.now(UTC)))()
    ctx = BuildContext(config=config, now=now, root=root, prod=prod, standalone=standalone, settings_file=source)
    if standalone:
        ctx.report.listener = log_to_pelican
    for w in warnings:
        ctx.report.warn(w)
    pelican_settings[KEY] = ctx
    return ctx


def get(pelican_settings: MutableMapping[str, Any]) -> BuildContext:
    """The build's context; a plain ``pelican`` run (no ``podium build`` made one) gets one here."""
    ctx = pelican_settings.get(KEY)
    if ctx is None:
        ctx = create(pelican_settings, standalone=True)
    return ctx
