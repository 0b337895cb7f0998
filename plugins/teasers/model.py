"""The Teaser: one text for one network, and its JSON form (the teasers.json schema).

One model, several renderings: the kit page, ``podium teasers`` and the
calendar all read Teaser values; ``to_json`` is the only serialisation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Teaser:
    slug: str
    lang: str
    network: str
    variant: str  # "hook", "quote", "figure", "question", "title", "thread", "author", "author-2"...
    text: str  # what to post; for a thread, the posts separated by blank lines
    url: str  # the link inside the text, with its UTM parameters
    length: int  # as the network counts it (for a thread: the longest post)
    limit: int
    parts: tuple[str, ...] = ()  # a thread's posts, in order
    part_lengths: tuple[int, ...] = ()
    facets: tuple[dict, ...] = ()  # Bluesky richtext facets
    by_author: bool = False
    title: str = ""  # the post's title, for people choosing a teaser
    source_path: str = ""


def link_with_utm(url: str, network: str, campaign: str, enabled: bool = True) -> str:
    """``url`` with utm_source=<network>, utm_medium=social, utm_campaign=<campaign>.

    Existing query parameters are kept (an author's own utm_* win) and the
    fragment stays last, where browsers expect it.
    """
    if not enabled:
        return url
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    present = {key for key, _ in query}
    extra = [
        (k, v)
        for k, v in (("utm_source", network), ("utm_medium", "social"), ("utm_campaign", campaign))
        if k not in present
    ]
    encoded = urlencode(query + extra, quote_via=quote, safe="")
    path = quote(parts.path, safe="/%:@!$&'()*+,;=~-._")
    return urlunsplit((parts.scheme, parts.netloc, path, encoded, parts.fragment))


def to_json(teaser: Teaser) -> dict[str, Any]:
    """One entry of teasers.json (documented in docs/reference/formats.md)."""
    entry: dict[str, Any] = {
        "slug": teaser.slug,
        "lang": teaser.lang,
        "network": teaser.network,
        "variant": teaser.variant,
        "by_author": teaser.by_author,
        "url": teaser.url,
        "text": teaser.text,
        "length": teaser.length,
        "limit": teaser.limit,
    }
    if teaser.parts:
        entry["parts"] = [{"text": t, "length": n} for t, n in zip(teaser.parts, teaser.part_lengths)]
    if teaser.network == "bluesky":
        entry["facets"] = [dict(f) for f in teaser.facets]
    if teaser.network == "pinterest":  # the text is the Pin's description; title and link are fields of their own
        from .networks import pin_fields

        entry["pin"] = pin_fields(teaser.title, teaser.url)
    return entry


def document(teasers: list[Teaser]) -> dict[str, Any]:
    """The whole teasers.json: a version and the entries sorted by post, network, variant.

    No build time in it: the same posts give the same bytes, so a deploy that
    compares hashes does not upload it again every hour.
    """
    return {
        "version": SCHEMA_VERSION,
        "teasers": [to_json(t) for t in teasers],
    }


@dataclass
class PostTeasers:
    """What the generator returns for one post: its teasers and the problems found."""

    teasers: list[Teaser] = field(default_factory=list)
    errors: list[Any] = field(default_factory=list)
    warnings: list[Any] = field(default_factory=list)
