"""X: the post's ``public_metrics`` and its replies by recent search on ``conversation_id``.

``GET /2/tweets/:id`` gives the counts and the author; ``GET
/2/tweets/search/recent?query=conversation_id:<id>`` lists the replies of the
last seven days, 100 a page, following ``meta.next_token``. Search needs a
paid access level: X answers 403 (``client-not-enrolled``) otherwise, which
is reported once as unavailable. Because search sees only a week, replies it
no longer lists are kept rather than taken as deleted.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from podium.plugins.conversations.model import Author, Fetched, Reply

from ..channels.base import PermanentError, require
from ..channels.x import API, TOKEN_VAR, XChannel
from .sources import ThreadReader, field, text_to_html

MAX_PAGES = 20
USER_FIELDS = "name,username,profile_image_url"
TWEET_FIELDS = "author_id,created_at,referenced_tweets,public_metrics,conversation_id"


class XReader(ThreadReader):
    name = "x"
    label = "X"
    forbidden = (
        "X does not let this account read {what} (HTTP 403); replies and counts from X need "
        "a paid X API access level: X is left out of the conversation"
    )
    reset_header = "x-rate-limit-reset"
    reset_kind = "epoch"
    error_detail = XChannel.error_detail

    def __init__(self, token: str, *, base_url: str = API, **kwargs: Any):
        super().__init__(base_url=base_url, secrets=[token], **kwargs)
        self._headers = {"Authorization": f"Bearer {token}"}

    @classmethod
    def from_env(cls, environ: Mapping[str, str], **kwargs: Any) -> XReader:
        return cls(require(environ, TOKEN_VAR, cls.name, cls.label), **kwargs)

    def _get(self, path: str, what: str, params: dict | None = None) -> Any:
        return self.read(path, what=what, params=params, headers=self._headers)

    def fetch(self, thread) -> Fetched:
        try:
            post = self._get(
                f"/2/tweets/{thread.remote_id}", "the post's metrics", {"tweet.fields": "public_metrics,author_id"}
            )
        except PermanentError as exc:
            if exc.status == 404:
                return Fetched((), {})
            raise
        try:
            metrics = field(post, "data", "public_metrics", kind=dict)
            counts = {
                "replies": int(metrics.get("reply_count", 0)),
                "reposts": int(metrics.get("retweet_count", 0)),
                "likes": int(metrics.get("like_count", 0)),
                "quotes": int(metrics.get("quote_count", 0)),
            }
            leader = field(post, "data", "author_id")
            replies = self._search(thread.remote_id)
        except (KeyError, TypeError, ValueError) as exc:
            raise self.garbage("the conversation", f"missing or wrong {exc.args[0] if exc.args else 'field'}") from None
        return Fetched(tuple(replies), counts, leader, complete=False)

    def _search(self, root: str) -> list[Reply]:
        replies, token = [], None
        for _ in range(MAX_PAGES):
            params = {
                "query": f"conversation_id:{root}",
                "max_results": 100,
                "tweet.fields": TWEET_FIELDS,
                "expansions": "author_id",
                "user.fields": USER_FIELDS,
            }
            if token:
                params["next_token"] = token
            body = self._get("/2/tweets/search/recent", "the replies", params)
            users = {u["id"]: u for u in field(body, "includes", "users", kind=list, default=[]) if isinstance(u, dict)}
            replies += [self._reply(item, users, root) for item in field(body, "data", kind=list, default=[])]
            token = field(body, "meta", "next_token", default="") or None
            if not token:
                break
        return replies

    def _reply(self, item: dict, users: dict, root: str) -> Reply:
        user = users.get(field(item, "author_id"), {})
        username = str(user.get("username") or "")
        parent = next(
            (
                str(r.get("id"))
                for r in item.get("referenced_tweets") or []
                if isinstance(r, dict) and r.get("type") == "replied_to"
            ),
            root,
        )
        return Reply(
            id=f"x:{field(item, 'id')}",
            network="x",
            remote_id=item["id"],
            author=Author(
                item["author_id"],
                str(user.get("name") or username),
                f"@{username}" if username else "",
                f"https://x.com/{username}" if username else "",
                str(user.get("profile_image_url") or ""),
            ),
            html=text_to_html(field(item, "text")),
            url=f"https://x.com/i/web/status/{item['id']}",
            published=datetime.fromisoformat(field(item, "created_at").replace("Z", "+00:00")),
            parent="" if parent == root else f"x:{parent}",
        )
