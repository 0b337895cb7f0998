"""Put each published article's moderated conversation on it for the theme, and copy the avatars it shows.

``article_generator_finalized`` runs after the embargo removed withheld posts
(so a withheld post gets nothing) and before any page is written; the
theme's partials/conversation.html reads ``article.podium_conversation``.
The avatars of the replies shown, and only those, are copied into the
output then: nothing on the page comes from another host. The comms room's
inbox and "what worked" get the published versions' threads (``ctx.conversations``).
"""

from __future__ import annotations

import os
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican import signals

from .. import context
from ..errors import BadInput, PodiumError
from ..files import copy_atomic
from ..i18n import _
from . import files, room, sanitize, view

OUTPUT_AVATARS = "conversations/avatars"


def _project(settings, ctx) -> Path:
    return Path(ctx.root or os.path.dirname(os.path.abspath(settings["PATH"])))


def _comments(article, ctx) -> str:
    value = str((getattr(article, "podium_raw", None) or {}).get("comments", "open")).strip().lower()
    if value not in ("open", "closed"):
        lines = getattr(article, "podium_lines", None) or {}
        ctx.report.error(
            BadInput(
                _("'comments' should be 'open' or 'closed'; received {value!r}", value=value),
                path=ctx.display_path(article.source_path),
                line=lines.get("comments"),
            )
        )
        return "closed"  # when in doubt, nothing new appears
    return value


def _attach(generator) -> None:
    settings, ctx = generator.settings, context.get(generator.settings)
    cfg, project = ctx.config, _project(generator.settings, ctx)
    folder = project / cfg.conversations_store
    try:
        conversations = files.load_all(folder, ctx.display_path)
        decisions = files.load_decisions(
            project / cfg.conversations_moderation_file, files.known_ids(conversations), ctx.display_path
        )
    except PodiumError as err:
        ctx.report.error(err)  # Pelican swallows exceptions raised here
        return
    avatars = (
        {p.name for p in (folder / files.AVATARS).glob("*") if files.AVATAR_NAME.match(p.name)}
        if (folder / files.AVATARS).is_dir()
        else set()
    )
    zone = ZoneInfo(settings.get("TIMEZONE") or "UTC")
    used: set[str] = set()
    published = [a for a in list(generator.articles) + list(generator.translations) if not ctx.is_withheld(a)]
    urls = versions(published + list(ctx.withheld_content))
    ctx.conversations = room.digest(
        conversations,
        [article_of(a, urls) for a in published],
        settings["DEFAULT_LANG"],
        decisions,
        cfg.conversations_moderation,
    )
    for article in published:
        conversation = conversations.get(article.slug)
        if conversation is None:
            continue
        closed = closed_at(article, ctx)
        rules = view.Rules(decisions, cfg.conversations_moderation, closed, zone)
        threads = view.threads_for(
            conversation, article.url, article.lang, settings["DEFAULT_LANG"], article_of(article, urls).siblings
        )
        shown = view.page(threads, rules, article.lang, avatars)
        article.podium_conversation = shown
        used |= {r.avatar for r in shown.replies if r.avatar} if shown else set()
    for name in sorted(used):  # the output folder was emptied before the generators ran
        copy_atomic(folder / files.AVATARS / name, Path(generator.output_path) / OUTPUT_AVATARS / name)


def versions(items) -> dict[str, list[str]]:
    """slug -> the URLs of every version of it, published or withheld."""
    found: dict[str, list[str]] = {}
    for item in items:
        if getattr(item, "slug", None) and getattr(item, "url", None):
            found.setdefault(item.slug, []).append(item.url)
    return found


def article_of(article, urls: dict[str, list[str]]) -> room.Article:
    siblings = tuple(u for u in urls.get(article.slug, ()) if u != article.url)
    return room.Article(article.slug, article.url, article.lang, sanitize.plain(str(article.title)), siblings)


def closed_at(article, ctx):
    """When the post's conversation closed, or None while open: it moves with ``ctx.now``."""
    return view.closed_at(_comments(article, ctx), article.date, ctx.config.conversations_close_after_days, ctx.now)


def _closed_without_store(generator) -> None:
    """A closed post with no conversation collected still says so."""
    ctx = context.get(generator.settings)
    for article in list(generator.articles) + list(generator.translations):
        if getattr(article, "podium_conversation", None) is None and closed_at(article, ctx) is not None:
            article.podium_conversation = view.Page(
                article.lang, view.texts.say("heading", article.lang), (), (), view.texts.say("closed", article.lang)
            )


def register() -> None:
    # article_generator_finalized: after the embargo, before templates render (see module docstring).
    signals.article_generator_finalized.connect(_attach)
    signals.article_generator_finalized.connect(_closed_without_store)
