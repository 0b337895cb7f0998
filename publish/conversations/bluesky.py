"""Bluesky: ``app.bsky.feed.getPostThread`` on the public AppView, the shared post and every reply below it.

The answer's ``thread`` is a ``threadViewPost`` (post, replies), or a
``notFoundPost`` / ``blockedPost``; so is every entry of ``replies``. A
deleted or blocked reply is dropped with everything under it (there is no
text to show and no context for its answers). The counts are the post
view's ``replyCount``, ``repostCount``, ``likeCount``, ``quoteCount``.
The method has no pagination: an answer that reaches DEPTH or MAX_REPLIES
may leave replies out, so it is partial and what it omits is kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from podium.plugins.conversations.model import Author, Fetched, Reply
from podium.plugins.i18n import _

from ..channels.base import PermanentError
from ..channels.bluesky import NETWORK, BlueskyChannel
from .sources import ThreadReader, field, text_to_html

APPVIEW_VAR = NETWORK.variable("APPVIEW")
APPVIEW = "https://public.api.bsky.app"
THREAD = "/xrpc/app.bsky.feed.getPostThread"
VIEW = "app.bsky.feed.defs#threadViewPost"
#: how deep below the shared post; the lexicon allows up to 1000
DEPTH = 100
#: a thread bigger than this is cut: the page and the store stay a sane size
MAX_REPLIES = 2000


def rkey(uri: str) -> str:
    return uri.rstrip("/").rsplit("/", 1)[-1]


def web_url(handle: str, uri: str) -> str:
    return f"https://bsky.app/profile/{handle}/post/{rkey(uri)}"


class BlueskyReader(ThreadReader):
    name = "bluesky"
    label = "Bluesky"
    reset_header = "ratelimit-reset"
    reset_kind = "epoch"

    error_detail = BlueskyChannel.error_detail  # XRPC's {"error": Name, "message": ...}

    def __init__(self, *, base_url: str = APPVIEW, **kwargs: Any):
        super().__init__(base_url=base_url, **kwargs)

    @classmethod
    def from_env(cls, environ: Mapping[str, str], **kwargs: Any) -> BlueskyReader:
        """Reads public data, no credential; PODIUM_BLUESKY_APPVIEW may point at another AppView."""
        kwargs.setdefault("base_url", (environ.get(APPVIEW_VAR) or "").strip() or APPVIEW)
        return cls(**kwargs)

    def fetch(self, thread) -> Fetched:
        try:
            body = self.json(
                "GET", THREAD, what=_("the thread"), params={"uri": thread.remote_id, "depth": DEPTH, "parentHeight": 0}
            )
        except PermanentError as exc:
            if exc.code == "NotFound":  # the shared post was deleted
                return Fetched((), {})
            raise
        try:
            root = field(body, "thread", kind=dict)
            if root.get("$type") != VIEW:
                return Fetched((), {})  # notFoundPost or blockedPost at the top: nothing to show
            post = field(root, "post", kind=dict)
            counts = {
                "replies": field(post, "replyCount", kind=int, default=0),
                "reposts": field(post, "repostCount", kind=int, default=0),
                "likes": field(post, "likeCount", kind=int, default=0),
                "quotes": field(post, "quoteCount", kind=int, default=0),
            }
            replies: list[Reply] = []
            deepest = self._walk(root, "", replies)
            complete = len(replies) < MAX_REPLIES and deepest < DEPTH
            return Fetched(tuple(replies), counts, field(post, "author", "did"), complete=complete)
        except (KeyError, TypeError, ValueError) as exc:
            raise self.garbage("the thread", f"missing or wrong {exc.args[0] if exc.args else 'field'}") from None

    def _walk(self, node: dict, parent: str, out: list[Reply]) -> int:
        """Every reply below ``node`` into ``out``, in thread order; how deep the deepest one is."""
        stack = [(child, parent, 1) for child in reversed(field(node, "replies", kind=list, default=[]))]
        deepest = 0
        while stack and len(out) < MAX_REPLIES:  # iterative: a hostile thread cannot exhaust the stack
            item, above, depth = stack.pop()
            if not isinstance(item, dict) or item.get("$type") != VIEW:
                continue  # notFoundPost, blockedPost: gone, with what hangs below
            reply = self._reply(field(item, "post", kind=dict), above)
            out.append(reply)
            deepest = max(deepest, depth)
            stack.extend(
                (child, reply.id, depth + 1) for child in reversed(field(item, "replies", kind=list, default=[]))
            )
        return deepest

    def _reply(self, post: dict, parent: str) -> Reply:
        author = field(post, "author", kind=dict)
        record = field(post, "record", kind=dict)
        uri, handle = field(post, "uri"), field(author, "handle")
        return Reply(
            id=f"bluesky:{rkey(uri)}",
            network="bluesky",
            remote_id=uri,
            author=Author(
                field(author, "did"),
                str(author.get("displayName") or handle),
                "@" + handle,
                f"https://bsky.app/profile/{handle}",
                str(author.get("avatar") or ""),
            ),
            html=text_to_html(field(record, "text")),
            url=web_url(handle, uri),
            published=_time(field(record, "createdAt")),
            parent=parent,
        )


def _time(value: str) -> datetime:
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError("createdAt")
    return moment
