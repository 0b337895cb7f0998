"""Webmentions, for replies from anywhere else (Bridgy's backfeed too): webmention.io's JF2 API.

``GET /api/mentions.jf2?domain=<site>&token=<token>&per-page=100&page=N``
answers a JF2 feed (``{"type": "feed", "children": [...]}``), newest first,
page by page until a short page. Each entry says what it is in
``wm-property``: ``in-reply-to`` entries are replies; ``like-of``,
``repost-of`` and ``mention-of`` are counted; ``wm-private`` entries are
never kept. Entries are grouped by ``wm-target``, the page they mention.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from podium.plugins.conversations.model import Author, Fetched, Reply
from podium.plugins.i18n import _

from ..channels.base import require
from .sources import Reader, field, text_to_html

TOKEN_VAR = "PODIUM_WEBMENTION_IO_TOKEN"
API = "https://webmention.io"
PATH = "/api/mentions.jf2"
PER_PAGE = 100
#: pages read at most in one run (10,000 mentions): a runaway answer cannot hold the run
MAX_PAGES = 100
COUNTED = {"like-of": "likes", "repost-of": "reposts", "mention-of": "quotes", "in-reply-to": "replies"}


class WebmentionReader(Reader):
    name = "webmention"
    label = "webmention.io"

    def __init__(self, token: str, *, base_url: str = API, **kwargs: Any):
        super().__init__(base_url=base_url, secrets=[token], **kwargs)
        self._token = token
        self.partial = False

    @classmethod
    def from_env(cls, environ: Mapping[str, str], **kwargs: Any) -> WebmentionReader:
        """Reads PODIUM_WEBMENTION_IO_TOKEN (webmention.io's settings page shows it)."""
        return cls(require(environ, TOKEN_VAR, cls.name, cls.label), **kwargs)

    def fetch_site(self, domain: str) -> dict[str, Fetched]:
        """Page URL (without fragment) -> its webmentions, for every page of the site.

        ``partial`` says afterwards whether MAX_PAGES stopped the reading: then
        a mention not listed may still exist, and none is taken as deleted.
        """
        entries: list[dict] = []
        self.partial = True
        for page in range(MAX_PAGES):
            body = self.json(
                "GET",
                PATH,
                what=_("page {page} of the mentions", page=page + 1),
                params={"domain": domain, "token": self._token, "per-page": PER_PAGE, "page": page},
            )
            try:
                children = field(body, "children", kind=list)
            except KeyError:
                raise self.garbage("the mentions", "no 'children' list") from None
            entries += [c for c in children if isinstance(c, dict)]
            if len(children) < PER_PAGE:
                self.partial = False
                break
        return self._group(entries)

    def _group(self, entries: list[dict]) -> dict[str, Fetched]:
        replies: dict[str, list[Reply]] = {}
        counts: dict[str, dict[str, int]] = {}
        for entry in entries:
            if entry.get("wm-private") is True:
                continue
            try:
                target = field(entry, "wm-target").split("#", 1)[0]
                kind = COUNTED.get(str(entry.get("wm-property")))
                if kind is None:
                    continue
                into = counts.setdefault(target, {})
                into[kind] = into.get(kind, 0) + 1
                if kind == "replies":
                    replies.setdefault(target, []).append(self._reply(entry))
            except (KeyError, TypeError, ValueError) as exc:
                raise self.garbage("the mentions", f"missing or wrong {exc.args[0] if exc.args else 'field'}") from None
        return {
            target: Fetched(tuple(replies.get(target, ())), counts[target], complete=not self.partial)
            for target in counts
        }

    def _reply(self, entry: dict) -> Reply:
        author = field(entry, "author", kind=dict, default={"url": ""})
        content = field(entry, "content", kind=dict, default={"text": ""})
        markup = content.get("html") if isinstance(content.get("html"), str) else None
        url = str(entry.get("url") or field(entry, "wm-source"))
        return Reply(
            id=f"webmention:{field(entry, 'wm-id', kind=int)}",
            network="webmention",
            remote_id=str(entry["wm-id"]),
            author=Author(
                str(author.get("url") or url),
                str(author.get("name") or ""),
                "",
                str(author.get("url") or ""),
                str(author.get("photo") or ""),
            ),
            html=markup if markup is not None else text_to_html(str(content.get("text") or "")),
            url=url,
            published=_time(str(entry.get("published") or field(entry, "wm-received"))),
        )


def _time(value: str) -> datetime:
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # JF2 from old sites may lack one
