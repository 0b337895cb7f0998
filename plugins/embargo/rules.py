"""Why a post must be withheld: pure rules, no Pelican, no clock."""

from __future__ import annotations

import re
from datetime import datetime

from .. import holds
from ..holds import Hold
from ..i18n import later
from ..post import PostView

STATIC_REF = re.compile(r"\{(?:static|attach)\}(/?[^\"'\s)<>]+)")


def core_holds(post: PostView, now: datetime) -> list[Hold]:
    """The first layer: drafts and posts dated after 'now' are withheld (both may hold one post)."""
    found = []
    if post.status == "draft":
        found.append(Hold(holds.DRAFT))
    if post.date is not None and post.date > now:
        found.append(Hold(holds.DATED, until=post.date))
    return found


def core_reason(post: PostView, now: datetime) -> str | None:
    """The first core hold, in the build log's words."""
    found = core_holds(post, now)
    if not found:
        return None
    if found[0].kind == holds.DRAFT:
        return later("draft")
    return later("scheduled for {when}", when=post.date.isoformat())


def first_reason(reasons) -> str | None:
    """Gates answer None (allow) or a reason; the first reason given wins."""
    for reason in reasons:
        if reason:
            return reason
    return None


def static_refs(raw_content: str, base: str = "") -> set[str]:
    """Static files a post links with {static} or {attach}, relative to the content folder."""
    found = set()
    for ref in STATIC_REF.findall(raw_content or ""):
        ref = ref.split("#")[0].split("?")[0]
        found.add(ref if not base or ref.startswith("/") else f"{base}/{ref}")
    return {r.lstrip("/") for r in found}
