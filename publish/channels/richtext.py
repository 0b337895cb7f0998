"""Text shaping each network needs: Bluesky facets (UTF-8 byte ranges) and LinkedIn's "little" escaping.

Pure functions, values in and values out.
"""

from __future__ import annotations

import re

#: a URL as people write it in a teaser; trailing punctuation belongs to the sentence
_URL = re.compile(r"https?://[^\s<>\"]+")
_TRAILING = ".,;:!?)]}»”’'\""
#: a hashtag: '#' at the start or after a space, then letters, digits or underscores
_HASHTAG = re.compile(r"(?:(?<=\s)|^)#(\w+)", re.UNICODE)
#: LinkedIn hashtag values: letters and digits only ('_' is reserved in "little")
_LITTLE_HASHTAG = re.compile(r"(?:(?<=\s)|^)#([^\W_]+)", re.UNICODE)

LINK = "app.bsky.richtext.facet#link"
TAG = "app.bsky.richtext.facet#tag"


def _byte_index(text: str, char_index: int) -> int:
    return len(text[:char_index].encode("utf-8"))


def _urls(text: str) -> list[tuple[int, int, str]]:
    found = []
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(_TRAILING)
        # keep a closing parenthesis that closes one opened inside the URL (Wikipedia links)
        if match.group(0)[len(url):].startswith(")") and url.count("(") > url.count(")"):
            url += ")"
        found.append((match.start(), match.start() + len(url), url))
    return found


def facets(text: str) -> list[dict]:
    """Bluesky link and hashtag facets for ``text``.

    Bluesky does not parse post text: a link is clickable only if a facet
    points at it, by UTF-8 byte offsets (start inclusive, end exclusive), so
    accents and emoji before the link shift the offsets.
    """
    out = []
    taken: list[tuple[int, int]] = []
    for start, end, url in _urls(text):
        taken.append((start, end))
        out.append(_facet(text, start, end, {"$type": LINK, "uri": url}))
    for match in _HASHTAG.finditer(text):
        start, end = match.start(), match.end()
        if any(a <= start < b for a, b in taken) or len(match.group(1)) > 64:
            continue
        out.append(_facet(text, start, end, {"$type": TAG, "tag": match.group(1)}))
    return sorted(out, key=lambda f: f["index"]["byteStart"])


def _facet(text: str, start: int, end: int, feature: dict) -> dict:
    return {"index": {"byteStart": _byte_index(text, start), "byteEnd": _byte_index(text, end)},
            "features": [feature]}


#: characters LinkedIn's "little" text format reserves in a post's commentary
LITTLE_RESERVED = frozenset("\\|{}@[]()<>#*_~")


def escape_little(text: str) -> str:
    """Commentary for LinkedIn's Posts API, in the "little" text format.

    LinkedIn reads reserved characters as markup (mentions, hashtag templates)
    and silently cuts the post at the first one it cannot parse, so every
    reserved character is escaped with a backslash. Hashtags at the start of a
    word become hashtag templates, so they stay clickable.
    """
    out = []
    position = 0
    for match in _LITTLE_HASHTAG.finditer(text):
        out.append(_escape_plain(text[position:match.start()]))
        out.append("{hashtag|#|" + match.group(1) + "}")
        position = match.end()
    out.append(_escape_plain(text[position:]))
    return "".join(out)


def _escape_plain(text: str) -> str:
    return "".join("\\" + c if c in LITTLE_RESERVED else c for c in text)
