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
    # most sentences hold no '#' and no '@': do not run the patterns over them
    if "#" in text or "\uff03" in text:
        spans += [m.span() for m in HASHTAG.finditer(text)]
    if "@" in text or "\uff20" in text:
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


#: Stands for a protected piece while text around it is edited: not a space, not punctuation.
MASK = "\ue000"
_MASKED = regex.compile(MASK)


def masked(text: str, edit) -> str:
    """Apply ``edit`` to ``text`` with every link, hashtag and mention hidden, then put them back.

    The edit sees one placeholder character where each piece was, so it can
    still tell that a colon follows a word (a link) without ever changing it.
    """
    spans = protected_spans(text)
    if not spans:
        return edit(text)
    out, last, kept = [], 0, []
    for start, end in spans:
        out.append(text[last:start].replace(MASK, ""))
        out.append(MASK)
        kept.append(text[start:end])
        last = end
    out.append(text[last:].replace(MASK, ""))
    edited = edit("".join(out))
    pieces_back = iter(kept)
    return _MASKED.sub(lambda _: next(pieces_back, ""), edited)


def pieces(text: str) -> dict[str, list[str]]:
    """The links, hashtags and mentions of ``text``, for checks that nothing was cut."""
    return {
        "links": [link.text for link in find_links(text)],
        "hashtags": HASHTAG.findall(text),
        "mentions": MENTION.findall(text),
    }
