"""Hashtags, mentions and links in a text: the pieces no edit may cut or retype.

Shortening and typography work on plain text but must leave these whole:
a link cut in two no longer works, a hashtag cut in two is another hashtag.
"""

from __future__ import annotations

import regex

from .urls import find_links

HASHTAG = regex.compile(r"(?<![\w&#\uff03])[#\uff03](?=[\w\p{M}]*[\p{L}\p{M}])[\w\p{M}]+")
# @user, @user@domain (fediverse) and @handle.domain (Bluesky).
MENTION = regex.compile(r"(?<![\w@\uff20/])[@\uff20]\w+(?:[.@-]\w+)*")


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) spans of links, hashtags and mentions in ``text``."""
    spans = [(link.start, link.end) for link in find_links(text)]
    spans += [m.span() for m in HASHTAG.finditer(text)]
    spans += [m.span() for m in MENTION.finditer(text)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    """True when ``position`` (a gap between two characters) falls strictly inside a span."""
    return any(start < position < end for start, end in spans)


def outside_spans(text: str, edit) -> str:
    """Apply ``edit`` to every stretch of ``text`` between protected spans."""
    out, last = [], 0
    for start, end in protected_spans(text):
        out.append(edit(text[last:start]))
        out.append(text[start:end])
        last = end
    out.append(edit(text[last:]))
    return "".join(out)


def pieces(text: str) -> dict[str, list[str]]:
    """The links, hashtags and mentions of ``text``, for checks that nothing was cut."""
    return {
        "links": [link.text for link in find_links(text)],
        "hashtags": HASHTAG.findall(text),
        "mentions": MENTION.findall(text),
    }
