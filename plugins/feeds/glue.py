"""Connect the feeds to Pelican: switch off Pelican's feed writer, hand links to the theme, write the files."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from functools import partial
from typing import Any

from pelican import signals
from pelican.settings import DEFAULT_CONFIG

from .. import context, memo
from ..errors import BadInput
from ..files import write_atomic
from ..fingerprint import Fingerprints, Unstable
from ..i18n import _
from ..post import PostView, from_content
from ..siteurl import site_root
from . import model
from .render import render

#: Pelican's own feed settings: each must be None, or Pelican writes feeds of its own beside podium's.
PELICAN_FEED_SETTINGS = (
    "FEED_ATOM",
    "FEED_RSS",
    "FEED_ALL_ATOM",
    "FEED_ALL_RSS",
    "CATEGORY_FEED_ATOM",
    "CATEGORY_FEED_RSS",
    "TAG_FEED_ATOM",
    "TAG_FEED_RSS",
    "AUTHOR_FEED_ATOM",
    "AUTHOR_FEED_RSS",
    "TRANSLATION_FEED_ATOM",
    "TRANSLATION_FEED_RSS",
)


def site_url(settings: dict[str, Any]) -> str:
    """The absolute address feeds and the sitemap are written for."""
    return (settings.get("FEED_DOMAIN") or site_root(settings)).rstrip("/")


def _switch_off_pelican_feeds(pelican) -> None:
    """Pelican's defaults write feeds/all.atom.xml too: turn them off, and say so if a person set one."""
    settings = pelican.settings
    ctx = context.get(settings)
    for key in PELICAN_FEED_SETTINGS:
        value = settings.get(key)
        if value is None:
            continue
        if value != DEFAULT_CONFIG.get(key):
            ctx.report.warn(
                BadInput(
                    _(
                        "{key}: podium writes the feeds itself (see PODIUM_FEEDS_*), so {value!r} was ignored; "
                        "set {key} = None",
                        key=key,
                        value=value,
                    ),
                    **ctx.setting_at(key),
                )
            )
        settings[key] = None


def _site(settings: dict[str, Any], config) -> model.Site:
    return model.Site(
        url=site_url(settings),
        name=str(settings.get("SITENAME") or ""),
        author=str(settings.get("AUTHOR") or config.leader_name or ""),
        subtitle=str(settings.get("SITESUBTITLE") or ""),
        limit=config.feeds_limit,
        per=tuple(config.feeds_per),
        formats=tuple(config.feeds_formats),
        full=tuple(config.feeds_full_content),
    )


def _taxon(item, root: str) -> model.Taxon:
    return model.Taxon(name=str(item.name), slug=str(item.slug), url=root + str(getattr(item, "url", "") or ""))


def _card_length(card, site: model.Site, output: str) -> int | None:
    """Size of the card image if it is already in the output folder (the cards step writes it)."""
    url = str(card.get("url") or "")
    if url.startswith(site.root):
        url = url[len(site.root) :]
    elif "://" in url:
        return None
    path = os.path.join(output, url.lstrip("/"))
    return os.path.getsize(path) if os.path.isfile(path) else None


def _source(article, site: model.Site, output: str | None) -> model.Source:
    """The article as a feed Source; with ``output``, with its content and card (after writing)."""
    if output is None:
        # Before the pages are written Pelican's content is not final: read no content here.
        post = PostView(
            slug=article.slug,
            lang=getattr(article, "lang", "") or "",
            title=str(article.title),
            url=site.root + article.url,
            date=article.date,
            status=getattr(article, "status", "published"),
        )
        card, length = None, None
    else:
        post = from_content(article, site.url)
        # .content follows the page being written (relative URLs); ask for absolute ones. The title is
        # plain text, shown as the theme shows it: PostView's tag stripping would eat "<2030>".
        post = dataclasses.replace(post, title=str(article.title), content_html=article.get_content(site.url))
        card = getattr(article, "podium_card", None) or article.metadata.get("podium_card")
        card = card if isinstance(card, Mapping) else None
        length = _card_length(card, site, output) if card else None
    category = getattr(article, "category", None)
    return model.Source(
        post=post,
        modified=getattr(article, "modified", None),
        authors=tuple(str(a) for a in getattr(article, "authors", []) or []),
        category=_taxon(category, site.root) if category else None,
        tags=tuple(_taxon(t, site.root) for t in getattr(article, "tags", []) or []),
        card=card,
        card_length=length,
    )


def _hand_links_to_theme(generator) -> None:
    """After the taxonomy is known and before any page is rendered: the theme's autodiscovery links."""
    ctx = context.get(generator.settings)
    articles = [a for a in generator.articles + generator.translations if not ctx.is_withheld(a)]
    ctx.feed_posts = articles
    site = _site(generator.settings, ctx.config)
    sources = [_source(a, site, None) for a in articles]
    main, by = model.discovery(model.plan(sources, site, now=ctx.now), site)
    # The context dict is shared by every generator: templates rendered later all see these.
    generator.context["podium_feeds"] = main
    generator.context["podium_feeds_by"] = by


def _write_feeds(pelican) -> None:
    settings = pelican.settings
    ctx = context.get(settings)
    site = _site(settings, ctx.config)
    output = pelican.output_path
    articles = ctx.feed_posts
    # Content and card sizes only for the posts some feed holds: a feed keeps its newest few.
    light = [_source(a, site, None) for a in articles]
    held = {e.id for feed in model.plan(light, site, now=ctx.now) for e in feed.entries}
    sources = [
        _source(a, site, output) if model.tag_uri(site.url, s.post) in held else s for a, s in zip(articles, light)
    ]
    written = []
    for feed in model.plan(sources, site, now=ctx.now):
        for fmt in site.formats:
            key = _feed_key(ctx, feed, fmt, site)
            make = partial(_write_one, feed, fmt, site)
            memo.produce(ctx.memo, output, feed.path(fmt), key, make)
            written.append(feed.path(fmt))
    ctx.feeds = written


def _write_one(feed, fmt: str, site, path: str) -> None:
    write_atomic(path, render(feed, fmt, site))


def _feed_key(ctx, feed, fmt: str, site) -> str | None:
    """A feed's key for the render memo: everything it is rendered from is plain data."""
    if ctx.memo is None:
        return None
    try:
        return ctx.memo.salt + Fingerprints().describe([feed, fmt, site], deep=False)
    except Unstable:
        return None


def register() -> None:
    # initialized: settings exist and no generator has read them yet.
    signals.initialized.connect(_switch_off_pelican_feeds)
    # article_generator_finalized: the embargo has run and tags/categories are known; nothing is rendered yet.
    signals.article_generator_finalized.connect(_hand_links_to_theme)
    # finalized: every page (and card image) is written, so content links are final and card sizes known.
    signals.finalized.connect(_write_feeds)
