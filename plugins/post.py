"""The post view: what every capability needs to know about a post, free of Pelican.

Pure logic (teasers, schedule, cards) takes PostView values so it can be tested
with plain data; ``from_content`` is the one place that reads Pelican objects.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from . import htmlparse

_SPACE = re.compile(r"\s+")


def plain_text(fragment: str) -> str:
    """HTML fragment to one line of readable text (entities decoded, tags dropped, scripts and styles left out)."""
    return htmlparse.text(fragment or "")


@dataclass(frozen=True)
class PostView:
    slug: str
    lang: str
    title: str  # plain text
    url: str  # absolute
    date: datetime  # aware
    summary: str = ""  # plain text
    content_html: str = ""
    tags: tuple[str, ...] = ()
    category: str = ""
    status: str = "published"
    source_path: str = ""
    #: metadata as written by the author (YAML front matter keeps nested blocks)
    metadata: Mapping[str, Any] = field(default_factory=dict)
    #: line of each metadata key in the source file, for ``path:line`` errors
    meta_lines: Mapping[str, int] = field(default_factory=dict)
    kind: str = "article"  # or "page"

    def line_of(self, key: str) -> int | None:
        return self.meta_lines.get(key)


def absolute(siteurl: str, url: str) -> str:
    if url.startswith(("http://", "https://")):
        return url
    return siteurl.rstrip("/") + "/" + url.lstrip("/")


def from_content(content: Any, siteurl: str, early: bool = False) -> PostView:
    """Make a PostView from a Pelican Article or Page (duck-typed: no Pelican import).

    ``early=True`` is for hooks that run before the static files are known
    (the embargo), or that need no body (the calendar): Pelican's ``.content``
    and ``.summary`` resolve {static} links on first use (and would warn about
    files not registered yet), so the raw HTML and the written summary are used.
    """
    meta = dict(getattr(content, "metadata", {}) or {})
    raw = getattr(content, "podium_raw", None) or meta
    if early:
        summary, body = plain_text(str(meta.get("summary", "") or "")), getattr(content, "_content", "") or ""
    else:
        summary = getattr(content, "summary", "") or ""
        body = getattr(content, "content", "") or ""
    return PostView(
        slug=content.slug,
        lang=getattr(content, "lang", "") or "",
        # titles are written as plain text; stripping "tags" would eat "<2030>" from a real title
        title=_SPACE.sub(" ", str(getattr(content, "title", "") or "")).strip(),
        url=absolute(siteurl, content.url),
        date=content.date,
        summary=plain_text(summary),
        content_html=body,
        tags=tuple(str(t) for t in getattr(content, "tags", []) or ()),
        category=str(getattr(content, "category", "") or ""),
        status=getattr(content, "status", "published"),
        source_path=getattr(content, "source_path", "") or "",
        metadata=raw,
        meta_lines=dict(getattr(content, "podium_lines", None) or {}),
        kind="page" if type(content).__name__ == "Page" else "article",
    )
