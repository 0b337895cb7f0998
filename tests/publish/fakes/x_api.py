"""Local stand-in for X API v2 ``POST /2/tweets``, following X's published contract.

- OAuth 2.0 user context: ``Authorization: Bearer <token>``; missing or unknown
  token -> 401 problem ``{"title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"}``.
- OAuth 1.0a user context: ``Authorization: OAuth oauth_consumer_key="…", …``
  (RFC 5849, HMAC-SHA1 over the method, the base URL and the query and oauth_*
  parameters; a JSON body is not signed). An unknown key or token, a wrong
  signature, another signature method or a nonce seen before -> the same 401.
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

import base64
import hashlib
import hmac
import re
from urllib.parse import quote, unquote

from .server import ContractServer, RateWindow, Reply, Request

PATH = "/2/tweets"
INVALID = "https://api.twitter.com/2/problems/invalid-request"


def problem(status: int, title: str, detail: str, type_: str = "about:blank", **extra) -> dict:
    return {"title": title, "detail": detail, "type": type_, "status": status, **extra}


#: OAuth 1.0a credentials the fake accepts: (API key, API secret, access token, access token secret)
OAUTH1 = ("x-api-key-0123", "x-api-secret-4567", "1790-x-access-token", "x-access-token-secret-89")
_FIELD = re.compile(r'([a-z_]+)="([^"]*)"')


def _enc(value: str) -> str:
    return quote(value, safe="~")  # RFC 3986 unreserved: letters, digits, '-', '.', '_' (quote keeps them) and '~'


class XAPI(ContractServer):
    def __init__(self, tokens=("x-user-token-0123456789",), limit: int = 100, oauth1=(OAUTH1,), **kwargs):
        super().__init__(**kwargs)
        self.tokens = set(tokens)
        self.oauth1 = {(key, token): (secret, token_secret) for key, secret, token, token_secret in oauth1}
        self.nonces: set[str] = set()
        self.window = RateWindow(self.clock, limit, 15 * 60)
        self.tweets: dict[str, dict] = {}  # id -> {"text", "in_reply_to"}
        self._next_id = 1_790_000_000_000_000_001

    def _limits(self) -> dict[str, str]:
        return {
            "x-rate-limit-limit": str(self.window.limit),
            "x-rate-limit-remaining": str(self.window.remaining),
            "x-rate-limit-reset": str(self.window.reset_epoch),
        }

    def handle(self, request: Request) -> Reply:
        if request.path != PATH or request.method != "POST":
            return Reply(
                404,
                problem(
                    404,
                    "Not Found Error",
                    f"Could not find {request.method} {request.path}",
                    "https://api.twitter.com/2/problems/resource-not-found",
                ),
            )
        if not self._authorized(request):
            return Reply(401, problem(401, "Unauthorized", "Unauthorized"))
        if not self.window.take():
            return Reply(429, problem(429, "Too Many Requests", "Too Many Requests"), self._limits())
        reply = self._create(request)
        reply.headers.update(self._limits())
        return reply

    def _authorized(self, request: Request) -> bool:
        header = request.header("Authorization") or ""
        if not header.startswith("OAuth "):
            return request.bearer() in self.tokens
        fields = {unquote(k): unquote(v) for k, v in _FIELD.findall(header)}
        secrets = self.oauth1.get((fields.get("oauth_consumer_key"), fields.get("oauth_token")))
        if (
            secrets is None
            or fields.get("oauth_signature_method") != "HMAC-SHA1"
            or fields.get("oauth_version", "1.0") != "1.0"
            or not fields.get("oauth_nonce")
            or fields["oauth_nonce"] in self.nonces
            or not fields.get("oauth_timestamp", "").isdigit()
        ):
            return False
        params = [(k, v) for k, v in fields.items() if k != "oauth_signature" and k != "realm"]
        pairs = "&".join(f"{k}={v}" for k, v in sorted((_enc(k), _enc(v)) for k, v in params))
        url = f"http://{request.header('Host')}{request.path}"
        base = "&".join((request.method, _enc(url), _enc(pairs)))
        key = f"{_enc(secrets[0])}&{_enc(secrets[1])}".encode()
        expected = base64.b64encode(hmac.new(key, base.encode(), hashlib.sha1).digest()).decode()
        if not hmac.compare_digest(expected, fields.get("oauth_signature", "")):
            return False
        self.nonces.add(fields["oauth_nonce"])
        return True

    def _invalid(self, message: str) -> Reply:
        return Reply(
            400,
            problem(
                400,
                "Invalid Request",
                "One or more parameters to your request was invalid.",
                INVALID,
                errors=[{"message": message}],
            ),
        )

    def _create(self, request: Request) -> Reply:
        if not (request.header("Content-Type") or "").startswith("application/json"):
            return self._invalid("Content-Type must be application/json")
        try:
            body = request.json()
        except ValueError:
            return self._invalid("Request body is not valid JSON")
        if not isinstance(body, dict) or not isinstance(body.get("text"), str) or not body["text"]:
            return self._invalid("$.text: a non-empty string is required")
        unknown = set(body) - {
            "text",
            "reply",
            "quote_tweet_id",
            "reply_settings",
            "media",
            "poll",
            "geo",
            "for_super_followers_only",
            "direct_message_deep_link",
            "nullcast",
            "card_uri",
        }
        if unknown:
            return self._invalid(f"$.{sorted(unknown)[0]}: unknown field")
        parent = None
        if "reply" in body:
            parent = (body["reply"] or {}).get("in_reply_to_tweet_id") if isinstance(body["reply"], dict) else None
            if not isinstance(parent, str) or not parent.isdigit():
                return self._invalid("$.reply.in_reply_to_tweet_id: a post id string is required")
            if parent not in self.tweets:
                return Reply(
                    403,
                    problem(
                        403, "Forbidden", "You attempted to reply to a Tweet that is deleted or not visible to you."
                    ),
                )
        if any(t["text"] == body["text"] for t in self.tweets.values()):
            return Reply(
                403, problem(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.")
            )
        tweet_id = str(self._next_id)
        self._next_id += 1
        self.tweets[tweet_id] = {"text": body["text"], "in_reply_to": parent}
        return Reply(201, {"data": {"id": tweet_id, "text": body["text"]}})
