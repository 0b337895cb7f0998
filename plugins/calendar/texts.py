"""What each share says: the chosen teaser variant, the comms override, or the post's own words.

Teasers come from the teasers capability when it ran (``ctx.shared["teasers"]``:
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


def teaser_variants(teasers: Mapping[str, Any] | None, post: PostView, network: str) -> list[tuple[str, str]]:
    """(text, url) of each teaser variant for this post and network, in the teasers' own order."""
    found = []
    for item in (teasers or {}).get(post.slug, ()) or ():
        if _field(item, "network") != network:
            continue
        if _field(item, "lang") not in (None, "", post.lang):
            continue
        text = _field(item, "text") or ""
        if text:
            found.append((text, _field(item, "url") or post.url))
    return found


def fallback_variants(post: PostView) -> list[str]:
    texts = [post.title]
    if post.summary and post.summary != post.title:
        texts.append(post.summary)
    return texts


def share_text(post: PostView, network: str, number: int, plan: NetworkPlan | None,
               teasers: Mapping[str, Any] | None) -> tuple[int | None, str, str]:
    """(variant, text, url) for share ``number``: re-shares move on to the next variant."""
    plan = plan or NetworkPlan()
    if plan.text and number == 1:
        return None, plan.text, post.url
    first = (plan.variant or 1) - 1
    variants = teaser_variants(teasers, post, network)
    if variants:
        index = (first + number - 1) % len(variants)
        text, url = variants[index]
        return index + 1, text, url
    texts = fallback_variants(post)
    return None, texts[(number - 1) % len(texts)], post.url
