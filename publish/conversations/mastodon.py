"""Mastodon: the shared status's counts (``GET /api/v1/statuses/:id``) and its replies (``.../context``).

The context's ``descendants`` are the whole tree below the status, each with
``in_reply_to_id``; only public and unlisted replies are kept (a private
mention or a direct message is never published), and none from a suspended
account. A status that is gone (404 or 410) has no replies left to show.
The context is not paginated but capped (60 descendants, 20 deep, without a
user token): an answer at the cap is partial, so what it omits is kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from podium.plugins.conversations.model import Author, Fetched, Reply
from podium.plugins.i18n import _

from ..channels.base import PermanentError
from ..channels.mastodon import INSTANCE_VAR, TOKEN_VAR, MastodonChannel, instance_url
from .sources import ThreadReader, field

PUBLIC = ("public", "unlisted")
#: what the context answers at most (Mastodon's documentation): without a user token 60 descendants, 20 deep;
#: with one 4,096 at any depth. It has no pagination: an answer at the limit may leave replies out.
PUBLIC_DESCENDANTS, PUBLIC_DEPTH, USER_DESCENDANTS = 60, 20, 4096


class MastodonReader(ThreadReader):
    name = "mastodon"
    label = "Mastodon"
    reset_header = "X-RateLimit-Reset"
    reset_kind = "iso"

    error_detail = MastodonChannel.error_detail  # {"error": "..."}

    def __init__(self, instance: str, token: str = "", **kwargs: Any):
        super().__init__(base_url=instance_url(instance), secrets=[token], **kwargs)
        self._headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._token = bool(token)
        self.host = self._http.base_url.host

    @classmethod
    def from_env(cls, environ: Mapping[str, str], **kwargs: Any) -> MastodonReader:
        """PODIUM_MASTODON_INSTANCE; the token is optional (public statuses read without it, with lower limits)."""
        from ..channels.base import require

        return cls(require(environ, INSTANCE_VAR, cls.name, cls.label), environ.get(TOKEN_VAR, "").strip(), **kwargs)

    def fetch(self, thread) -> Fetched:
        status_id = thread.remote_id
        try:
            status = self.json(
                "GET", f"/api/v1/statuses/{status_id}", what=_("the shared status"), headers=self._headers
            )
            context = self.json(
                "GET", f"/api/v1/statuses/{status_id}/context", what=_("the replies"), headers=self._headers
            )
        except PermanentError as exc:
            if exc.status in (404, 410):  # deleted on Mastodon: its replies are gone with it
                return Fetched((), {})
            raise
        try:
            counts = {
                "replies": field(status, "replies_count", kind=int),
                "reposts": field(status, "reblogs_count", kind=int),
                "likes": field(status, "favourites_count", kind=int),
                "quotes": field(status, "quotes_count", kind=int, default=0),
            }
            leader = str(field(status, "account", "id"))
            descendants = field(context, "descendants", kind=list)
            replies = tuple(r for r in (self._reply(item, status_id) for item in descendants) if r)
        except (KeyError, TypeError, ValueError) as exc:
            raise self.garbage("the thread", f"missing or wrong {exc.args[0] if exc.args else 'field'}") from None
        return Fetched(replies, counts, leader, complete=self._complete(descendants))

    def _complete(self, descendants: list) -> bool:
        """Whether the context shows the whole tree, so that a reply it omits was deleted."""
        if self._token:
            return len(descendants) < USER_DESCENDANTS
        return len(descendants) < PUBLIC_DESCENDANTS and deepest(descendants) < PUBLIC_DEPTH

    def _reply(self, item: dict, root: str) -> Reply | None:
        if field(item, "visibility", default="public") not in PUBLIC:
            return None
        account = field(item, "account", kind=dict)
        if account.get("suspended") is True:
            return None
        acct = field(account, "acct")
        handle = "@" + (acct if "@" in acct else f"{acct}@{self.host}")
        parent = str(item.get("in_reply_to_id") or "")
        edited = item.get("edited_at")
        return Reply(
            id=f"mastodon:{field(item, 'id')}",
            network="mastodon",
            remote_id=field(item, "id"),
            author=Author(
                field(account, "id"),
                str(account.get("display_name") or acct),
                handle,
                str(account.get("url") or ""),
                str(account.get("avatar_static") or ""),
            ),
            html=field(item, "content"),
            url=str(item.get("url") or field(item, "uri")),
            published=_time(field(item, "created_at")),
            parent="" if parent in ("", root) else f"mastodon:{parent}",
            edited=_time(edited) if isinstance(edited, str) else None,
        )


def deepest(descendants: list) -> int:
    """How deep the tree below the status goes (its direct replies are at depth 1)."""
    parents = {str(s.get("id")): str(s.get("in_reply_to_id")) for s in descendants if isinstance(s, dict)}
    depths: dict[str, int] = {}
    for start in parents:
        chain, node = [], start
        while node in parents and node not in depths and len(chain) <= len(parents):  # a loop cannot hang it
            chain.append(node)
            node = parents[node]
        depth = depths.get(node, 0)
        for status_id in reversed(chain):
            depth += 1
            depths[status_id] = depth
    return max(depths.values(), default=0)


def _time(value: str) -> datetime:
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError("created_at")
    return moment
