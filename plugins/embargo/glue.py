"""Withhold drafts, future posts and gated posts before Pelican builds anything from them.

``article_generator_pretaxonomy`` is the one moment after every article is read
and before tags, categories, authors and archives are derived: removing a post
there removes it from every page, feed and sitemap built afterwards.
"""

from __future__ import annotations

import os

import blinker
from pelican import signals
from pelican.utils import order_content, process_translations

from .. import context
from ..post import from_content
from .rules import core_reason, first_reason, static_refs

#: Other capabilities (the calendar) connect here: ``gate.send(post_view, ctx=ctx)``
#: receivers return None to allow a post or a reason string to withhold it.
gate = blinker.signal("podium-gate")


def reason_for(content, ctx, siteurl: str) -> str | None:
    post = from_content(content, siteurl, early=True)
    reasons = [core_reason(post, ctx.now)]
    reasons += [answer for _, answer in gate.send(post, ctx=ctx)]
    return first_reason(reasons)


def _split(items, ctx, siteurl):
    keep, held = [], []
    for item in items:
        reason = reason_for(item, ctx, siteurl)
        if reason:
            ctx.hold(item, reason)
            held.append(item)
        else:
            keep.append(item)
    return keep, held


def _withhold_articles(generator) -> None:
    ctx = context.get(generator.settings)
    siteurl = generator.settings.get("SITEURL", "")
    published = generator.articles + generator.translations
    drafts = generator.drafts + generator.drafts_translations
    keep, _ = _split(published, ctx, siteurl)
    _split(drafts, ctx, siteurl)
    if ctx.preview:
        return  # shown with a banner; feeds, teasers and shares still skip ctx.withheld
    tid = generator.settings["ARTICLE_TRANSLATION_ID"]
    articles, translations = process_translations(keep, translation_id=tid)
    generator.articles = order_content(articles, generator.settings["ARTICLE_ORDER_BY"])
    generator.translations = translations
    generator.drafts, generator.drafts_translations = [], []


def _withhold_pages(generator) -> None:
    ctx = context.get(generator.settings)
    siteurl = generator.settings.get("SITEURL", "")
    for item in generator.draft_pages + generator.draft_translations:
        ctx.hold(item, "draft")
    if ctx.preview:
        return
    # Pelican put these very lists in the context already: change them in place.
    generator.draft_pages[:] = []
    generator.draft_translations[:] = []
    dated = [p for p in generator.pages + generator.translations if getattr(p, "date", None)]
    for page in dated:
        reason = reason_for(page, ctx, siteurl)
        if reason:
            ctx.hold(page, reason)
    held = {id(p) for p in ctx.withheld_content}
    generator.pages[:] = [p for p in generator.pages if id(p) not in held]
    generator.translations[:] = [p for p in generator.translations if id(p) not in held]
    for page in generator.pages + generator.translations:
        page.translations = [t for t in getattr(page, "translations", []) if id(t) not in held]


def _withhold_static(generator) -> None:
    """An image used only by a withheld post is withheld too: a photo can leak a launch."""
    ctx = context.get(generator.settings)
    if ctx.preview:
        return
    held = ctx.withheld_content
    if not held:
        return
    held_ids = {id(c) for c in held}
    base_of = lambda c: os.path.dirname(os.path.relpath(c.source_path, generator.settings["PATH"]))
    held_refs = set().union(*(static_refs(c._content, base_of(c)) for c in held))
    public = [
        c for c in generator.context.get("articles", []) + generator.context.get("pages", []) if id(c) not in held_ids
    ]
    public_refs = set().union(set(), *(static_refs(c._content, base_of(c)) for c in public))
    secret = {os.path.normpath(r) for r in held_refs - public_refs}
    if secret:
        generator.staticfiles[:] = [
            s
            for s in generator.staticfiles
            if os.path.normpath(s.source_path.replace(os.sep, "/")) not in secret
            and os.path.normpath(s.relative_source_path) not in secret
        ]


def register() -> None:
    # pretaxonomy: after reading, before tags/categories/archives are derived (see module docstring).
    signals.article_generator_pretaxonomy.connect(_withhold_articles)
    # page_generator_finalized: pages have no earlier hook; the lists are emptied in place.
    signals.page_generator_finalized.connect(_withhold_pages)
    # static_generator_finalized: the static file list is known and nothing is copied yet.
    signals.static_generator_finalized.connect(_withhold_static)
