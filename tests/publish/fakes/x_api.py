"""Local stand-in for X API v2 ``POST /2/tweets``, following X's published contract.

- OAuth 2.0 user context: ``Authorization: Bearer <token>``; missing or unknown
  token -> 401 problem ``{"title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"}``.
- JSON body (``Content-Type: application/json``) with ``text``; optional
  ``reply.in_reply_to_tweet_id``. Malformed body -> 400 with X's
  invalid-request problem and an ``errors`` list.
- Duplicate text, or a reply to a post that does not exist -> 403 problem.
- Success -> 201 ``{"data": {"id", "text"}}``.
- Every answer carries ``x-rate-limit-limit/remaining/reset`` (reset in Unix
  seconds); the per-user window for this endpoint is 15 minutes. Past the
  limit -> 429 ``Too Many Requests`` problem.
"""

from __future__ import annotations

from .server import ContractServer, RateWindow, Reply, Request

PATH = "/2/tweets"
INVALID = "https://api.twitter.com/2/problems/invalid-request"


def problem(status: int, title: str, detail: str, type_: str = "about:blank", **extra) -> dict:
    return {"title": title, "detail": detail, "type": type_, "status": status, **extra}


class XAPI(ContractServer):
    def __init__(self, tokens=("x-user-token-0123456789",), limit: int = 100, **kwargs):
        super().__init__(**kwargs)
        self.tokens = set(tokens)
        self.window = RateWindow(self.clock, limit, 15 * 60)
        self.tweets: dict[str, dict] = {}  # id -> {"text", "in_reply_to"}
        self._next_id = 1_790_000_000_000_000_001

    def _limits(self) -> dict[str, str]:
        return {"x-rate-limit-limit": str(self.window.limit),
                "x-rate-limit-remaining": str(self.window.remaining),
                "x-rate-limit-reset": str(self.window.reset_epoch)}

    def handle(self, request: Request) -> Reply:
        if request.path != PATH or request.method != "POST":
            return Reply(404, problem(404, "Not Found Error", f"Could not find {request.method} {request.path}",
                                      "https://api.twitter.com/2/problems/resource-not-found"))
        if request.bearer() not in self.tokens:
            return Reply(401, problem(401, "Unauthorized", "Unauthorized"))
        if not self.window.take():
            return Reply(429, problem(429, "Too Many Requests", "Too Many Requests"), self._limits())
        reply = self._create(request)
        reply.headers.update(self._limits())
        return reply

    def _invalid(self, message: str) -> Reply:
        return Reply(400, problem(400, "Invalid Request", "One or more parameters to your request was invalid.",
                                  INVALID, errors=[{"message": message}]))

    def _create(self, request: Request) -> Reply:
        if not (request.header("Content-Type") or "").startswith("application/json"):
            return self._invalid("Content-Type must be application/json")
        try:
            body = request.json()
        except ValueError:
            return self._invalid("Request body is not valid JSON")
        if not isinstance(body, dict) or not isinstance(body.get("text"), str) or not body["text"]:
            return self._invalid("$.text: a non-empty string is required")
        unknown = set(body) - {"text", "reply", "quote_tweet_id", "reply_settings", "media", "poll", "geo",
                               "for_super_followers_only", "direct_message_deep_link", "nullcast", "card_uri"}
        if unknown:
            return self._invalid(f"$.{sorted(unknown)[0]}: unknown field")
        parent = None
        if "reply" in body:
            parent = (body["reply"] or {}).get("in_reply_to_tweet_id") if isinstance(body["reply"], dict) else None
            if not isinstance(parent, str) or not parent.isdigit():
                return self._invalid("$.reply.in_reply_to_tweet_id: a post id string is required")
            if parent not in self.tweets:
                return Reply(403, problem(403, "Forbidden",
                                          "You attempted to reply to a Tweet that is deleted or not visible to you."))
        if any(t["text"] == body["text"] for t in self.tweets.values()):
            return Reply(403, problem(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content."))
        tweet_id = str(self._next_id)
        self._next_id += 1
        self.tweets[tweet_id] = {"text": body["text"], "in_reply_to": parent}
        return Reply(201, {"data": {"id": tweet_id, "text": body["text"]}})
