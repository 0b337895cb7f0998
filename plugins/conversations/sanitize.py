"""Replies are written by strangers: their HTML is cleaned by nh3 (ammonia) before any page shows it.

Only a few text tags survive, links keep an http(s) ``href`` and get
``rel="nofollow ugc noopener"`` (no ranking credit for spam, no access to
this window), bidirectional override characters are removed (they can make a
reply read backwards or disguise a link), and a very long reply is cut to
plain text rather than cut through its markup.
"""

from __future__ import annotations

import html
import re

import nh3

TAGS = {"p", "br", "a", "strong", "em", "b", "i", "code", "pre", "blockquote", "ul", "ol", "li"}
REL = "nofollow ugc noopener"
#: longest reply shown, in characters of text; the original is a link away
MAX_TEXT = 5000
#: embedding and override controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI), plus LRM/RLM/ALM
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_TAG = re.compile(r"<[^>]*>")
_DEAD_LINK = re.compile(rf'<a rel="{REL}">(.*?)</a>', re.S)


def without_bidi(text: str) -> str:
    return _BIDI.sub("", text)


def plain(markup: str) -> str:
    """The reply's text, for counting, the inbox and word filters: tags gone, entities decoded."""
    spaced = re.sub(r"(?i)<br\s*/?>|</p>", "\n", markup or "")
    return without_bidi(html.unescape(_TAG.sub("", spaced))).strip()


def clean(markup: str, limit: int = MAX_TEXT) -> str:
    """Safe HTML for a reply; a reply over ``limit`` characters of text becomes its cut plain text."""
    text = plain(markup)
    if len(text) > limit:
        cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
        paragraphs = [p for p in cut.split("\n") if p.strip()]
        return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[:-1]) + f"<p>{html.escape(paragraphs[-1])}…</p>"
    cleaned = nh3.clean(
        without_bidi(markup or ""),
        tags=TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https"},
        link_rel=REL,
        strip_comments=True,
        clean_content_tags={"script", "style"},
    )
    # a link whose address was refused (javascript:, data:) is no link: keep its words only
    return _DEAD_LINK.sub(r"\1", without_bidi(cleaned))


def safe_url(url: str) -> str:
    """A link to the original reply: http(s) only, no credentials; "" otherwise."""
    url = (url or "").strip()
    if not re.match(r"^https?://[^/\s@]+(/|$)", url) or any(c in url for c in "<>\"' \t\n"):
        return ""
    return url
