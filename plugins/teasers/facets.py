"""Bluesky richtext facets: where the links and hashtags are, in UTF-8 byte offsets.

A Bluesky post is plain text plus "facets" (``app.bsky.richtext.facet``) that
make a byte range a link (``#link``, with its ``uri``), a hashtag (``#tag``,
without the '#') or a mention (``#mention``, with the account's ``did``). Offsets are in bytes of UTF-8, not characters: "é" is 2 bytes.
Without facets, a posted link is not clickable.

The one place facets are computed: the teasers (``teasers.json``, the kit
pages) and the Bluesky client (``publish/channels/richtext.py``) both call
``post_facets``, so what comms staff see is what is sent.

Bluesky's rules, as its lexicon and app have them:
- a tag is at most 64 graphemes and 640 bytes of UTF-8 (``app.bsky.richtext.facet#tag``);
  a longer one gets no facet;
- a tag starts a word (after a space or at the start) and holds at least one
  letter: the app makes no tag of ``#2030`` (its pattern wants a character
  that is not a digit or punctuation), and neither does podium;
- a mention is ``@`` and a handle (a domain name, ``@alice.bsky.social``) after
  a start or a character that is not a letter or digit, as in Bluesky's guide
  to rich text; its facet names the account's DID, which the text cannot tell.
  Podium resolves nothing over the network: a handle listed in
  ``PODIUM_BLUESKY_MENTIONS`` gets its facet, any other stays plain text.
"""

from __future__ import annotations

from collections.abc import Mapping

import regex

from .counting import graphemes
from .tokens import HASHTAG
from .urls import find_links

LINK = "app.bsky.richtext.facet#link"
TAG = "app.bsky.richtext.facet#tag"
MENTION = "app.bsky.richtext.facet#mention"
TAG_MAX_GRAPHEMES = 64
TAG_MAX_BYTES = 640
_AFTER_SPACE = regex.compile(r"(?:^|(?<=\s))" + HASHTAG.pattern)
#: an http(s) address as Bluesky's app finds one; trailing punctuation belongs to the sentence
_SCHEME_URL = regex.compile(r"(?:^|(?<=[\s(]))https?://[^\s<>\"]+")
_TRAILING = ".,;:!?)]}»”’'\""
_LABEL = r"[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
_MENTION = regex.compile(rf"(?:^|(?<=\W))@((?:{_LABEL}\.)+[a-zA-Z](?:[a-zA-Z0-9-]{{0,61}}[a-zA-Z0-9])?)")


def _byte(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def _byte_range(text: str, start: int, end: int) -> dict[str, int]:
    begin = len(text[:start].encode("utf-8"))
    return {"byteStart": begin, "byteEnd": begin + len(text[start:end].encode("utf-8"))}


def tag_fits(tag: str) -> bool:
    """Within the lexicon's limits for a tag (without its '#')."""
    return graphemes(tag) <= TAG_MAX_GRAPHEMES and len(tag.encode("utf-8")) <= TAG_MAX_BYTES


def _links(text: str) -> list[tuple[int, int, str]]:
    """(start, end, uri) of every link: podium's detection, plus any http(s) address Bluesky's app links.

    The app makes a link of any ``http(s)://`` address whatever its host
    (``https://a.b/c``); podium's own detection (shared with X's counting)
    wants a known top-level domain, so addresses it leaves out are added here.
    """
    found = [
        (link.start, link.end, link.text if link.has_scheme else "https://" + link.text) for link in find_links(text)
    ]
    if "://" not in text:
        return found
    for match in _SCHEME_URL.finditer(text):
        uri = match.group(0).rstrip(_TRAILING)
        # keep a closing parenthesis that closes one opened inside the address (Wikipedia links)
        if match.group(0)[len(uri) :].startswith(")") and uri.count("(") > uri.count(")"):
            uri += ")"
        start, end = match.start(), match.start() + len(uri)
        if not any(a < end and start < b for a, b, _ in found):
            found.append((start, end, uri))
    return found


def _mentions(text: str, handles: Mapping[str, str]) -> list[tuple[int, int, str]]:
    """(start, end, did) of each mention of a handle whose DID is known."""
    if not handles or "@" not in text:
        return []
    found = []
    for match in _MENTION.finditer(text):
        did = handles.get(match.group(1).lower())
        if did:
            found.append((match.start(), match.end(), did))
    return found


def facets(text: str, handles: Mapping[str, str] | None = None) -> tuple[dict, ...]:
    """The link, mention and tag facets of ``text``, in order of position; ``handles`` maps a handle to its DID."""
    mentions = _mentions(text, handles or {})
    found = [
        (start, {"index": _byte_range(text, start, end), "features": [{"$type": MENTION, "did": did}]})
        for start, end, did in mentions
    ]
    found += [
        (start, {"index": _byte_range(text, start, end), "features": [{"$type": LINK, "uri": uri}]})
        for start, end, uri in _links(text)
        if not any(a < end and start < b for a, b, _ in mentions)
    ]
    for match in _AFTER_SPACE.finditer(text):
        tag = match.group()[1:]
        if tag_fits(tag) and not any(
            f["index"]["byteStart"] <= _byte(text, match.start()) < f["index"]["byteEnd"] for _, f in found
        ):
            found.append(
                (match.start(), {"index": _byte_range(text, *match.span()), "features": [{"$type": TAG, "tag": tag}]})
            )
    return tuple(facet for _, facet in sorted(found, key=lambda item: item[0]))


def post_facets(text: str, url: str = "", handles: Mapping[str, str] | None = None) -> tuple[dict, ...]:
    """Every facet of one Bluesky post, the shown form of ``url`` linking to ``url`` itself (see shown.py)."""
    from .shown import tracked  # shown.py needs LINK from this module

    return tracked(text, facets(text, handles), url)
