"""Local stand-in for Bluesky's public AppView ``app.bsky.feed.getPostThread``, following its lexicon.

- Parameters ``uri`` (required, an at:// URI), ``depth`` (default 6, 0..1000),
  ``parentHeight`` (default 80, 0..1000); out of range -> 400 ``InvalidRequest``.
- Output ``{"thread": ...}``: an ``app.bsky.feed.defs#threadViewPost``
  (``post``: a postView with ``uri``, ``cid``, ``author`` {did, handle,
  displayName, avatar}, ``record`` (app.bsky.feed.post: text, createdAt,
  reply), ``replyCount``, ``repostCount``, ``likeCount``, ``quoteCount``,
  ``indexedAt``; ``replies``: more threadViewPosts, or
  ``#notFoundPost`` {uri, notFound: true} for a deleted reply, or
  ``#blockedPost`` {uri, blocked: true, author {did, viewer}} for a blocked one).
  Replies deeper than ``depth`` are left out.
- An unknown root -> 400 ``{"error": "NotFound", "message": "Post not found: <uri>"}``.
- ``ratelimit-*`` headers on every answer; past the limit -> 429 ``RateLimitExceeded``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from .bluesky_api import tid, xrpc_error
from .server import ContractServer, RateWindow, Reply, Request

THREAD = "/xrpc/app.bsky.feed.getPostThread"
START = datetime(2027, 3, 2, 9, 0, tzinfo=UTC)
DEFS = "app.bsky.feed.defs"


class BlueskyAppView(ContractServer):
    def __init__(self, limit: int = 3000, **kwargs):
        super().__init__(**kwargs)
        self.window = RateWindow(self.clock, limit, 5 * 60)
        self.posts: dict[str, dict] = {}  # uri -> {"view": postView, "parent": uri, "state": ok|deleted|blocked}
        self._serial = 0

    def author(self, handle: str, did: str = "") -> dict:
        return {
            "did": did or f"did:plc:{handle.split('.')[0]:a<24}"[:32],
            "handle": handle,
            "displayName": handle.split(".")[0].title(),
            "avatar": f"https://cdn.example/{handle}.jpg",
        }

    def add(self, author: dict, text: str, parent: str | None = None, counts=(0, 0, 0, 0)) -> str:
        self._serial += 1
        uri = f"at://{author['did']}/app.bsky.feed.post/{tid(1_700_000_000_000 + self._serial)}"
        moment = (START + timedelta(minutes=self._serial)).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        record = {"$type": "app.bsky.feed.post", "text": text, "createdAt": moment}
        if parent:
            record["reply"] = {"root": {"uri": parent, "cid": "bafy"}, "parent": {"uri": parent, "cid": "bafy"}}
        view = {
            "uri": uri,
            "cid": f"bafyrei{self._serial:020d}",
            "author": author,
            "record": record,
            "replyCount": counts[0],
            "repostCount": counts[1],
            "likeCount": counts[2],
            "quoteCount": counts[3],
            "indexedAt": moment,
            "labels": [],
        }
        self.posts[uri] = {"view": view, "parent": parent, "state": "ok"}
        return uri

    def _headers(self) -> dict[str, str]:
        return {
            "ratelimit-limit": str(self.window.limit),
            "ratelimit-remaining": str(self.window.remaining),
            "ratelimit-reset": str(self.window.reset_epoch),
            "ratelimit-policy": f"{self.window.limit};w=300",
        }

    def handle(self, request: Request) -> Reply:
        if request.path != THREAD or request.method != "GET":
            return Reply(404, xrpc_error("MethodNotImplemented", "Method Not Implemented"))
        if not self.window.take():
            return Reply(429, xrpc_error("RateLimitExceeded", "Rate Limit Exceeded"), self._headers())
        uri = request.query.get("uri", "")
        try:
            depth = int(request.query.get("depth", 6))
            height = int(request.query.get("parentHeight", 80))
        except ValueError:
            return Reply(400, xrpc_error("InvalidRequest", "depth must be an integer"), self._headers())
        if not uri.startswith("at://") or not 0 <= depth <= 1000 or not 0 <= height <= 1000:
            return Reply(
                400, xrpc_error("InvalidRequest", 'Error: Params must have the property "uri"'), self._headers()
            )
        found = self.posts.get(uri)
        if found is None or found["state"] != "ok":
            return Reply(400, xrpc_error("NotFound", f"Post not found: {uri}"), self._headers())
        return Reply(200, {"thread": self._node(uri, depth)}, self._headers())

    def _node(self, uri: str, depth: int) -> dict:
        found = self.posts[uri]
        if found["state"] == "deleted":
            return {"$type": f"{DEFS}#notFoundPost", "uri": uri, "notFound": True}
        if found["state"] == "blocked":
            return {
                "$type": f"{DEFS}#blockedPost",
                "uri": uri,
                "blocked": True,
                "author": {"did": found["view"]["author"]["did"], "viewer": {"blockedBy": True}},
            }
        node = {"$type": f"{DEFS}#threadViewPost", "post": found["view"]}
        if depth > 0:
            node["replies"] = [
                self._node(child, depth - 1) for child, item in self.posts.items() if item["parent"] == uri
            ]
        return node
