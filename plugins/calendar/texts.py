"""What each share says: the chosen teaser variant, the comms override, or the post's own words.

Teasers come from the teasers capability when it ran (``ctx.teasers_by_slug``:
slug -> teaser objects with ``network``, ``text`` and ``url``). Without them a
share says the post's title, and re-shares its summary, so the schedule works
on a site that has no teasers at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..post import PostView
from .model import NetworkPlan


def _field(item: Any, name: str, default: Any = None) -> Any:
    if isinstance(item, Mapping):
        return item.get(name, default)
    return getattr(item, name, default)


def teaser_variants(
    teasers: Mapping[str, Any] | None, post: PostView, network: str
) -> list[tuple[str, str, str | None]]:
    """(text, url, name) of each teaser variant for this post and network, in the teasers' own order."""
    found = []
    for item in (teasers or {}).get(post.slug, ()) or ():
        if _field(item, "network") != network:
            continue
        if _field(item, "lang") not in (None, "", post.lang):
            continue
        text = _field(item, "text") or ""
        if text:
            name = _field(item, "variant")
            found.append((text, _field(item, "url") or post.url, name if isinstance(name, str) else None))
    return found


def fallback_variants(post: PostView) -> list[str]:
    texts = [post.title]
    if post.summary and post.summary != post.title:
        texts.append(post.summary)
    return texts


def _first(plan: NetworkPlan, variants: list) -> int:
    """Index of the chosen variant: by position (1-based) or by name; the first one otherwise."""
    if isinstance(plan.variant, str):
        names = [name for _, _, name in variants]
        return names.index(plan.variant) if plan.variant in names else 0
    return (plan.variant or 1) - 1


def share_text(
    post: PostView, network: str, number: int, plan: NetworkPlan | None, teasers: Mapping[str, Any] | None
) -> tuple[int | None, str | None, str, str]:
    """(variant, variant name, text, url) for share ``number``: re-shares move on to the next variant."""
    plan = plan or NetworkPlan()
    if plan.text and number == 1:
        return None, None, plan.text, post.url
    variants = teaser_variants(teasers, post, network)
    if variants:
        index = (_first(plan, variants) + number - 1) % len(variants)
        text, url, name = variants[index]
        return index + 1, name, text, url
    texts = fallback_variants(post)
    return None, None, texts[(number - 1) % len(texts)], post.url
