"""Bluesky richtext facets: where the links and hashtags are, in UTF-8 byte offsets.

A Bluesky post is plain text plus "facets" (``app.bsky.richtext.facet``) that
make a byte range a link (``#link``, with its ``uri``) or a hashtag (``#tag``,
without the '#'). Offsets are in bytes of UTF-8, not characters: "é" is 2 bytes.
Without facets, a posted link is not clickable.
"""

from __future__ import annotations

import regex

from .tokens import HASHTAG
from .urls import find_links

LINK = "app.bsky.richtext.facet#link"
TAG = "app.bsky.richtext.facet#tag"
_TAG_MAX = 64
_AFTER_SPACE = regex.compile(r"(?:^|(?<=\s))" + HASHTAG.pattern)


def _byte_range(text: str, start: int, end: int) -> dict[str, int]:
    begin = len(text[:start].encode("utf-8"))
    return {"byteStart": begin, "byteEnd": begin + len(text[start:end].encode("utf-8"))}


def facets(text: str) -> tuple[dict, ...]:
    """The facets of ``text``, in order of position."""
    found = []
    for link in find_links(text):
        uri = link.text if link.has_scheme else "https://" + link.text
        found.append((link.start, {"index": _byte_range(text, link.start, link.end), "features": [{"$type": LINK, "uri": uri}]}))
    for match in _AFTER_SPACE.finditer(text):
        tag = match.group()[1:]
        if len(tag) <= _TAG_MAX:
            found.append((match.start(), {"index": _byte_range(text, *match.span()), "features": [{"$type": TAG, "tag": tag}]}))
    return tuple(facet for _, facet in sorted(found, key=lambda item: item[0]))
