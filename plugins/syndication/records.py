"""POSSE back-links: which shares in the publish ledger discuss which article. Pure: text in, links out.

The ledger (written by ``podium publish``, see publish/ledger.py) is read here
with a small parser of its own, because the build must not import the
publishing half. Only what a reader may see is kept: network, public URL,
the page shared and when.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable, NamedTuple
from urllib.parse import urlsplit

from ..errors import BadInput
from ..networks import NETWORKS

_FIX = "fix it by hand or restore it from git"


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
    """The shares recorded in a ledger file's text; BadInput pointing at the problem otherwise."""
    try:
        body = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInput(f"the publish ledger is not valid JSON ({exc.msg}); {_FIX}", path=path,
                       line=exc.lineno, col=exc.colno) from None
    items = body.get("shares") if isinstance(body, dict) else None
    if not isinstance(items, list):
        raise BadInput(f"the publish ledger has no \"shares\" list; {_FIX}", path=path, line=1)
    return [_shared(item, number, path) for number, item in enumerate(items, 1)]


def _shared(item: object, number: int, path: str) -> Shared:
    if not isinstance(item, dict):
        raise BadInput(f"share #{number} in the publish ledger is not a record; {_FIX}", path=path)
    try:
        share_id = str(item.get("share") or item["share_id"])
        moment = datetime.fromisoformat(str(item["time"]))
        if moment.tzinfo is None:
            raise ValueError(f"time {item['time']!r} has no time zone")
        return Shared(share_id, str(item["network"]), str(item["url"]), moment,
                      str(item.get("page") or ""), str(item.get("slug") or slug_of(share_id)))
    except (KeyError, TypeError, ValueError) as exc:
        what = f"missing {exc.args[0]!r}" if isinstance(exc, KeyError) else str(exc)
        raise BadInput(f"share #{number} in the publish ledger is damaged ({what}); {_FIX}", path=path) from None


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
    ranked = sorted(first.values(), key=lambda s: (NETWORKS[s.network].discuss_rank if s.network in NETWORKS
                                                   else unknown, s.network))
    return [Link(NETWORKS[s.network].name if s.network in NETWORKS else s.network.capitalize(), s.url)
            for s in ranked]
