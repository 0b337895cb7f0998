"""Local stand-in for X API v2's read endpoints used for conversations, following X's documentation.

- ``GET /2/tweets/:id`` -> ``{"data": {"id", "text", "author_id", "public_metrics": {retweet_count,
  reply_count, like_count, quote_count, ...}}}``; unknown -> 404 problem JSON.
- ``GET /2/tweets/search/recent?query=conversation_id:<id>`` -> ``{"data": [...], "includes": {"users": [...]},
  "meta": {"result_count", "next_token"?}}``, ``max_results`` 10..100 per page.
- On the free access level both answer 403 with X's problem JSON
  (``"reason": "client-not-enrolled"``, ``"title": "Client Forbidden"``).
- ``Authorization: Bearer <token>`` required -> 401 otherwise.
"""

from __future__ import annotations

from .server import ContractServer, Reply, Request

FORBIDDEN = {
    "client_id": "123",
    "detail": "When authenticating requests to the Twitter API v2 endpoints, you must "
    "use keys and tokens from a Twitter developer App that is attached to a Project.",
    "registration_url": "https://developer.x.com/en/docs/projects/overview",
    "title": "Client Forbidden",
    "required_enrollment": "Appropriate Level of API Access",
    "reason": "client-not-enrolled",
    "type": "https://api.twitter.com/2/problems/client-forbidden",
}


class XReadAPI(ContractServer):
    def __init__(self, token: str = "x-user-token-0123456789", tier: str = "basic", **kwargs):
        super().__init__(**kwargs)
        self.token, self.tier = token, tier
        self.tweets: dict[str, dict] = {}
        self.users: dict[str, dict] = {}

    def handle(self, request: Request) -> Reply:
        if request.bearer() != self.token:
            return Reply(401, {"title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"})
        if self.tier == "free":
            return Reply(403, FORBIDDEN)
        if request.path == "/2/tweets/search/recent":
            return self._search(request)
        tweet = self.tweets.get(request.path.removeprefix("/2/tweets/"))
        if tweet is None:
            return Reply(
                404,
                {
                    "title": "Not Found Error",
                    "detail": "Could not find tweet",
                    "type": "https://api.twitter.com/2/problems/resource-not-found",
                },
            )
        return Reply(200, {"data": tweet})

    def _search(self, request: Request) -> Reply:
        root = request.query.get("query", "").removeprefix("conversation_id:")
        size = int(request.query.get("max_results", 10))
        found = [t for t in self.tweets.values() if t.get("conversation_id") == root and t["id"] != root]
        start = int(request.query.get("next_token") or 0)
        page = found[start : start + size]
        meta = {"result_count": len(page)}
        if start + size < len(found):
            meta["next_token"] = str(start + size)
        users = [self.users[t["author_id"]] for t in page if t["author_id"] in self.users]
        body = {"meta": meta, **({"data": page, "includes": {"users": users}} if page else {})}
        return Reply(200, body)
