"""A Bluesky link as people read it: the host and path shown, the full tracked address in the facet.

Bluesky does not shorten links: a tracked address spelled out costs 130 to
150 of a post's 300 graphemes. A link facet carries its own ``uri``, so the
text may show a short form (``blog.example.org/rentree.html…``) while a click
opens the address with its UTM parameters. Bluesky counts the text as shown,
so the teaser is counted with the short form. The teasers (what ``teasers.json``
and the kit pages show) and the Bluesky client (what is sent) both call
``tracked`` on the same text and address, so they agree.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from .facets import LINK


def shown(url: str) -> str:
    """``url`` as a reader sees it: host and path, then "…" where the query was left out.

    Bluesky's own composer shortens links the same way (the start of the
    address, then an ellipsis), so readers know the link goes on.
    """
    parts = urlsplit(url)
    if not parts.netloc:
        return url
    path = parts.path if parts.path not in ("", "/") else ""
    cut = "\u2026" if parts.query or parts.fragment else ""
    return parts.netloc + path + cut


def _byte(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def _shown_at(text: str, url: str) -> int:
    """Where the shown form of ``url`` stands alone in ``text`` (not inside a spelled-out address), or -1."""
    short = shown(url) if url else ""
    if not short or short == url:
        return -1
    start = text.find(short)
    while start > 0 and text[start - 1] in "/.@":
        start = text.find(short, start + 1)
    return start


def tracked(text: str, found, url: str) -> tuple[dict, ...]:
    """``found`` (facets of ``text``) with the shown form of ``url`` linking to ``url`` itself.

    A link facet over the shown form gets ``url`` as its ``uri``; where no
    facet covers it (a host Bluesky would not take for a link, such as
    127.0.0.1:8000), one is added. Every other facet is kept as it is.
    """
    start = _shown_at(text, url)
    if start < 0:
        return tuple(found)
    begin, end = _byte(text, start), _byte(text, start + len(shown(url)))
    kept = [
        f
        for f in found
        if not (
            f["index"]["byteStart"] < end and begin < f["index"]["byteEnd"] and f["features"][0].get("$type") == LINK
        )
    ]
    link = {"index": {"byteStart": begin, "byteEnd": end}, "features": [{"$type": LINK, "uri": url}]}
    return tuple(sorted([*kept, link], key=lambda f: f["index"]["byteStart"]))
