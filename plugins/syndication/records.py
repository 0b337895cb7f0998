"""POSSE back-links: which shares in the publish ledger discuss which article. Pure: text in, links out.

The ledger (written by ``podium publish``, see publish/ledger.py) is read
with the parser both halves share (``podium.plugins.ledger``). Only what a
reader may see is kept: network, public URL, the page shared and when.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple
from urllib.parse import urlsplit

from .. import ledger
from ..networks import NETWORKS


@dataclass(frozen=True)
class Shared:
    share_id: str
    network: str
    url: str
    time: datetime
    page: str = ""
    slug: str = ""


class Link(NamedTuple):
    """(label, url): what the theme's "Discuss on ..." list shows."""

    label: str
    url: str


def slug_of(share_id: str) -> str:
    """Share ids read 'slug/network/number' (the calendar's Share.id)."""
    parts = share_id.rsplit("/", 2)
    return parts[0] if len(parts) == 3 else ""


def parse(text: str, path: str) -> list[Shared]:
    """The shares recorded in a ledger file's text, read by the ledger's one parser (podium.plugins.ledger)."""
    return [
        Shared(r.share_id, r.network, r.url, r.time, r.page, slug_of(r.share_id))
        for r in ledger.parse(text, path).records
    ]


def _public(url: str) -> bool:
    """Only plain web links reach a page: no javascript:, no credentials in the URL."""
    parts = urlsplit(url)
    return parts.scheme in ("https", "http") and bool(parts.netloc) and "@" not in parts.netloc


def _same_page(page: str, article_url: str) -> bool:
    """The ledger keeps the absolute URL shared; the build may run with another SITEURL."""
    wanted = "/" + article_url.strip("/")
    return urlsplit(page).path.rstrip("/").endswith(wanted.rstrip("/")) if article_url.strip("/") else False


def links_for(shares: Iterable[Shared], slug: str, article_url: str) -> list[Link]:
    """One link per network to the first share of this article, networks in their ``discuss_rank`` order.

    A share names its page when the ledger recorded it (so a French share does
    not appear under the English translation, which has the same slug);
    otherwise the slug in its id decides.
    """
    first: dict[str, Shared] = {}
    for share in shares:
        mine = _same_page(share.page, article_url) if share.page else share.slug == slug
        if not mine or not _public(share.url):
            continue
        if share.network not in first or share.time < first[share.network].time:
            first[share.network] = share
    unknown = float("inf")  # networks podium does not know go last
    ranked = sorted(
        first.values(),
        key=lambda s: (NETWORKS[s.network].discuss_rank if s.network in NETWORKS else unknown, s.network),
    )
    return [Link(NETWORKS[s.network].name if s.network in NETWORKS else s.network.capitalize(), s.url) for s in ranked]
