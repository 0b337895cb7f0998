"""Text shaping each network needs: Bluesky facets (UTF-8 byte ranges) and LinkedIn's "little" escaping.

Pure functions, values in and values out. The facets are the teasers' own
(``podium.plugins.teasers.facets``): what teasers.json shows is what is sent.
"""

from __future__ import annotations

import re

# Bluesky facets are computed once, for the teasers and for the client alike.
from podium.plugins.teasers.facets import LINK, TAG, facets, post_facets

#: LinkedIn hashtag values: letters and digits only ('_' is reserved in "little")
_LITTLE_HASHTAG = re.compile(r"(?:(?<=\s)|^)#([^\W_]+)", re.UNICODE)


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
        out.append(_escape_plain(text[position : match.start()]))
        out.append("{hashtag|#|" + match.group(1) + "}")
        position = match.end()
    out.append(_escape_plain(text[position:]))
    return "".join(out)


def _escape_plain(text: str) -> str:
    return "".join("\\" + c if c in LITTLE_RESERVED else c for c in text)


__all__ = ["LINK", "TAG", "escape_little", "facets", "post_facets"]
