"""The warm preview: the site as the last quick preview read it, kept in ``podium serve``'s memory.

Re-reading a thousand posts costs about a second even from the parse cache;
re-reading the one post just saved costs a few milliseconds. The quick
preview (quick.py) leaves its Pelican generators here; on the next save of a
post they already hold, that file alone is read again and the new post is
poured into the old object (every list, tag, series and neighbour that points
at it sees the edit), podium's per-post steps run again for it alone, and its
page is rendered with the kept generator. That is only the same page as a full
build's when the edit moved nothing other pages depend on, so anything else
(``FALLBACK``, the hold that withholds it, a hold that time has lifted, a
conversation that closed, any problem reported or logged) answers None:
``podium serve`` then runs the quick preview, which reads the whole site again.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.contents import Article

from podium.plugins.cards.glue import card_again
from podium.plugins.conversations.glue import closed_at
from podium.plugins.embargo.glue import reason_for
from podium.plugins.images.glue import plan_item
from podium.plugins.images.glue import state as images_state
from podium.plugins.site.glue import reading_time

from .build import pelican_problems, scratch_for
from .sync import same_bytes

#: what places a post among the others, or decides whether it is withheld: an edit to any falls back
FALLBACK = (
    "status",
    "date",
    "slug",
    "lang",
    "category",
    "tags",
    "authors",
    "author",
    "series",
    "series_index",
    "template",
    "save_as",
    "url",
    "override_save_as",
    "override_url",
    "comments",
    "translation",
)
#: what the generators and podium's steps add to a post after reading it, and how the warm path redoes it:
#: kept, because nothing in ``FALLBACK`` moved; or made again for this post alone
KEPT = frozenset(
    {
        "translations",
        "in_default_lang",
        "podium_previous",
        "podium_next",
        "podium_series",
        "podium_conversation",
        "podium_syndication",
    }
)
REMADE = frozenset(
    {
        "podium_word_count",
        "podium_reading_minutes",
        "podium_lead_image",
        "podium_image_plans",
        "get_content",
        "podium_card",
        "podium_images",
    }
)
#: the generator lists an article can be in, with the page Pelican renders for it
_LISTS = ("articles", "translations", "drafts", "drafts_translations", "hidden_articles", "hidden_translations")


@dataclass
class Warm:
    """One quick preview's Pelican, generators and build context, valid until anything but a post changes."""

    project: Path
    pelican: Any
    generators: list
    ctx: Any
    #: ``--now`` as given (the state never moves in time), or None: the clock, checked on every save
    fixed_now: datetime | None

    @property
    def settings(self) -> dict:
        return self.pelican.settings

    def article_of(self, source: str) -> tuple[Any, Any] | None:
        """The article generator and the article read from ``source`` (a real path), or None."""
        for generator in self.generators:
            for name in _LISTS:
                for item in getattr(generator, name, None) or []:
                    if os.path.realpath(item.source_path) == source:
                        return generator, item
        return None


def fast(warm: Warm, changed: list[str], target: Path) -> list[str] | None:
    """Render the pages of the saved ``changed`` posts into ``target``; their paths, or None to fall back.

    After None the warm state may be half-updated: the caller drops it.
    """
    found = [warm.article_of(os.path.realpath(p)) for p in changed]
    errors = len(warm.ctx.report.errors)
    if not found or None in found or not _still_true(warm, [item for _, item in found]):
        return None
    with pelican_problems(warm.project) as collect:
        for generator, item in found:
            if not _pour(warm, generator, item):
                return None
        if len(warm.ctx.report.errors) > errors or collect.errors or collect.warnings:
            return None
        return _render(warm, found, target)


def _still_true(warm: Warm, edited: list) -> bool:
    """Whether a full build now would see the holds and closings the state was made with; if so, move it to now."""
    if warm.fixed_now is not None:
        return True
    ctx, then, now = warm.ctx, warm.ctx.now, datetime.now(UTC)
    siteurl = warm.settings.get("SITEURL", "")
    before = [ctx.reason(item) for item in ctx.withheld_content] + [closed_at(item, ctx) for item in edited]
    ctx.now = now
    after = [reason_for(item, ctx, siteurl) for item in ctx.withheld_content] + [closed_at(i, ctx) for i in edited]
    if before != after:
        ctx.now = then
        return False
    return True


def _read(warm: Warm, generator, item):
    """The post read again by the generator's own readers, as Pelican's generate_context reads it."""
    return generator.readers.read_file(
        base_path=generator.path,
        path=os.path.relpath(item.source_path, generator.path),
        content_class=Article,
        context=generator.context,
        preread_signal=signals.article_generator_preread,
        preread_sender=generator,
        context_signal=signals.article_generator_context,
        context_sender=generator,
    )


def _pour(warm: Warm, generator, item) -> bool:
    """Put the re-read post into ``item`` itself, then redo podium's steps for it; False: fall back."""
    try:
        new = _read(warm, generator, item)
    except Exception:  # the quick preview reads it again and the full build reports it
        return False
    added = set(vars(item)) - set(vars(new))
    if not isinstance(new, Article) or added - KEPT - REMADE or not new.is_valid():
        return False  # a step podium does not know how to redo set something on the post
    translation_key = warm.settings.get("ARTICLE_TRANSLATION_ID")
    keys = FALLBACK + ((translation_key,) if isinstance(translation_key, str) else tuple(translation_key or ()))
    if any(_value(new, key) != _value(item, key) for key in keys):
        return False
    if reason_for(new, warm.ctx, warm.settings.get("SITEURL", "")) != warm.ctx.reason(item):
        return False
    kept = {key: value for key, value in vars(item).items() if key in KEPT}
    _forget(item)
    _forget(new)
    vars(item).clear()
    vars(item).update(vars(new))
    vars(item).update(kept)
    _redo(warm, item, added)
    item.refresh_metadata_intersite_links()
    return True


def _value(item, key: str):
    meta = getattr(item, "metadata", {})
    return (getattr(item, key, None), meta.get(key))


def _redo(warm: Warm, item, added: set[str]) -> None:
    """Podium's per-post steps, for the ones that had run on this post (the others skip it in a full build too)."""
    if "podium_word_count" in added:
        reading_time(item)
    if "podium_lead_image" in added:
        plan_item(item, images_state(warm.settings), warm.ctx, warm.settings)
    if "podium_card" in added:
        card_again(item, warm.settings)


def _forget(item) -> None:
    """Drop Pelican's memos of ``item`` (content and summary are memoized per object, on the class)."""
    for klass in type(item).__mro__:
        for attribute in vars(klass).values():
            memo = getattr(attribute, "cache", None)
            if isinstance(memo, dict):
                for args in [k for k in memo if isinstance(k, tuple) and k and k[0] is item]:
                    del memo[args]


def _render(warm: Warm, found, target: Path) -> list[str] | None:
    """Each saved post's page, rendered by its kept generator into a scratch folder, then renamed into place."""
    from .quick import _only

    scratch = scratch_for(target, "warm")
    try:
        warm.pelican.output_path = str(scratch)
        writer = warm.pelican._get_writer()
        owners: dict[Any, set[str]] = {}
        for generator, item in found:
            owners.setdefault(generator, set()).add(item.save_as)
        for generator, wanted in owners.items():
            generator.generate_output(_only(writer, wanted))
        written = sorted(set().union(*owners.values()))
        if not all((scratch / rel).is_file() for rel in written):
            return None
        for rel in written:
            new, old = scratch / rel, target / rel
            if not same_bytes(str(new), str(old)):
                old.parent.mkdir(parents=True, exist_ok=True)
                os.replace(new, old)
        return written
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
