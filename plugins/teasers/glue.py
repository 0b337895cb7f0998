"""Connect teasers to Pelican: make them for the publishable posts and hand them over.

``all_generators_finalized``: the embargo has run and every generator knows
its content (links to images are resolved): make the teasers, record author
errors in the report, and hand the teasers to the calendar (ctx.teasers_by_slug)
and the comms room (ctx.teasers). Nothing is written into the site: teasers
are for comms only.
"""

from __future__ import annotations

import dataclasses
import os
import pickle

from pelican import signals

from .. import context, i18n
from ..crash import processing
from ..parsed import settings_digest
from ..post import from_content
from .cache import FILE, TeaserCache
from .generate import teasers_for


def _source(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except OSError:
        return ""


def _cache(settings, ctx) -> TeaserCache:
    """This build's teaser cache; the UI language is in the key since teasers' notes may be translated."""
    root = ctx.root or os.path.dirname(os.path.abspath(settings["PATH"]))
    return TeaserCache(os.path.join(root, FILE), settings_digest(settings) + i18n.current())


def publishable(articles, ctx) -> list:
    """Posts that may be mentioned: nothing withheld by the embargo, in preview builds either."""
    return [a for a in articles if not ctx.is_withheld(a) and getattr(a, "status", "published") == "published"]


def _make(generators) -> None:
    settings = generators[0].settings
    ctx = context.get(settings)
    if not ctx.config.teasers_enabled:
        return
    found = next((g for g in generators if hasattr(g, "articles") and hasattr(g, "drafts")), None)
    if found is None:
        return
    root = ctx.address(settings).root  # production's address whenever known: what the networks will count
    everything = []
    by_slug: dict[str, list] = {}
    cache = _cache(settings, ctx)
    # teasers do not read the clock: every hourly build may hit; the settings are pickled once, not per post
    unclocked = pickle.dumps(dataclasses.replace(ctx.config, now=None), protocol=pickle.HIGHEST_PROTOCOL)
    for article in publishable(list(found.articles) + list(found.translations), ctx):
        with processing(ctx.display_path(article.source_path)):  # an unexpected error names the post
            post = from_content(article, root)
            given = (
                _source(article.source_path),
                ctx.display_path(article.source_path),
                str(getattr(article, "author", "") or ""),
            )
            key = cache.key(post, unclocked, *given)
            result = cache.get(key)
            if result is None:
                result = teasers_for(post, ctx.config, *given)
                cache.put(key, result)
        for problem in result.errors:
            ctx.report.error(problem)
        for problem in result.warnings:
            ctx.report.warn(problem)
        everything.extend(result.teasers)
        # the calendar posts one text per share: a thread is for people to post by hand
        by_slug.setdefault(post.slug, []).extend(t for t in result.teasers if not t.parts)
    cache.save()
    ctx.teasers_by_slug = by_slug
    ctx.teasers = sorted(everything, key=lambda t: (t.slug, t.lang, ctx.config.networks.index(t.network)))


def register() -> None:
    # all_generators_finalized: after the embargo, with every post's final HTML; before the calendar's 'finalized'.
    signals.all_generators_finalized.connect(_make)
