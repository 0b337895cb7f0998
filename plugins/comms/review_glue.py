"""What the review pages need from the build: each post rendered with the theme, its card, and its teasers.

Runs at ``finalized`` inside the comms room's glue, for every post with a
file, withheld ones included. Nothing here is written into the site: the
pages, cards and pictures it makes go to the room only.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass

from ..i18n import translate
from ..post import from_content
from . import review_copy

#: where the site's files used by review copies go, relative to the review/ folder of the room
SITE_FILES = "_site/"


@dataclass(frozen=True)
class Copy:
    """One post version, as legal will review it."""

    slug: str
    lang: str
    title: str
    page: bytes | None  # the theme's page, localized; None when the build has no theme context
    card: tuple[bytes, str, str] | None  # (bytes, extension, alt)


@dataclass(frozen=True)
class Reviews:
    copies: tuple[Copy, ...] = ()
    files: tuple[tuple[str, bytes], ...] = ()  # (path inside the site, bytes) the copies load
    teasers: tuple = ()  # every teaser of every post with a file, withheld ones included


def articles(ctx) -> list:
    """Every article version with a file, public or withheld, once each."""
    seen, found = set(), []
    for item in list(ctx.posts) + list(ctx.withheld_content):
        version = (item.slug, getattr(item, "lang", "") or "")
        if type(item).__name__ == "Article" and version not in seen:
            seen.add(version)
            found.append(item)
    return found


def banner(lang: str, withheld: bool) -> str:
    if withheld:
        return translate(
            lang, "Review copy for comms and legal: this post is not public yet, and this page never will be."
        )
    return translate(lang, "Review copy for comms and legal: the public page is on the site; this copy is not.")


def _teasers(item, ctx, root: str) -> list:
    from ..teasers.generate import teasers_for

    with review_copy._quiet_pelican():
        post = from_content(item, root)
    source = ""
    if item.source_path and os.path.isfile(item.source_path):
        with open(item.source_path, encoding="utf-8") as fh:
            source = fh.read()
    # problems of a withheld post's teasers are the build's business once it is published; here they show as counts
    return list(
        teasers_for(
            post, ctx.config, source, ctx.display_path(item.source_path), str(getattr(item, "author", "") or "")
        ).teasers
    )


def _copy(item, ctx, settings, localizer, notice: str, lang: str) -> bytes | None:
    """The post's review copy; kept between builds, keyed like the post's own page (plugins/render_memo.py)."""
    label = translate(lang, "Review copy of the post")

    def make() -> bytes | None:
        page = review_copy.render(item, ctx, settings)
        return None if page is None else review_copy.localize(page, localizer, notice, lang, label)

    keys = ctx.memo.keys if ctx.memo is not None else None
    site = keys.site_of(ctx.template_context, ctx.templates) if keys and ctx.templates else None
    if site is None:
        return make()
    cache = review_cache(ctx)
    key = cache.key("review-copy", [site, item, notice, lang, label])
    found = cache.get(key) if key else None
    if found is not None:
        page, used = pickle.loads(found)
        if all(localizer.local("/" + path) for path in used):  # every file it loads is still there
            cache.hits += 1
            return page
    cache.misses += 1
    localizer.used = set()
    try:
        page = make()
        if key and page is not None:
            cache.put(key, pickle.dumps((page, sorted(localizer.used)), protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        localizer.used = None
    return page


def review_cache(ctx):
    """The build's comms render cache (one per build, made on first use)."""
    from .render_cache import RenderCache

    if ctx.memo.comms_cache is None:
        ctx.memo.comms_cache = RenderCache(ctx.root, ctx.memo.salt)
    return ctx.memo.comms_cache


def gather(settings, ctx, output_path: str) -> Reviews:
    from ..cards.glue import private_card

    root, lang = ctx.address(settings).root, settings.get("DEFAULT_LANG", "en")  # the teasers' links: production's
    localizer = review_copy.Localizer(
        settings.get("SITEURL", "") or "", [output_path, settings["PATH"]], "../" + SITE_FILES
    )
    copies, teasers = [], list(ctx.teasers or ())
    for item in articles(ctx):
        withheld = ctx.is_withheld(item)
        page = _copy(item, ctx, settings, localizer, banner(lang, withheld), lang)
        copies.append(
            Copy(item.slug, getattr(item, "lang", "") or "", str(item.title), page, private_card(item, settings, ctx))
        )
        if withheld and ctx.config.teasers_enabled:
            teasers += _teasers(item, ctx, root)
    return Reviews(tuple(copies), tuple(sorted(localizer.files.items())), tuple(teasers))
