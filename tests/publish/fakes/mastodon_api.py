"""Local stand-in for a Mastodon instance's ``POST /api/v1/statuses``, following Mastodon's documentation.

- ``Authorization: Bearer <token>`` -> else 401 ``{"error": "The access token is invalid"}``;
  a token without the ``write:statuses`` scope -> 403
  ``{"error": "This action is outside the authorized scopes"}``.
- Form data or JSON with ``status`` (required), ``visibility``, ``language``;
  blank or too long text -> 422 ``{"error": "Validation failed: ..."}``.
- ``Idempotency-Key``: the same key within an hour returns the status already
  created, not a new one (Mastodon stores keys for up to one hour).
- Success -> 200 with a Status entity (``id``, ``url``, ``uri``, ``content``...).
- Every answer carries ``X-RateLimit-Limit/Remaining/Reset`` (reset as an
  ISO 8601 time); 300 requests per 5 minutes per account; past it -> 429
  ``{"error": "Too many requests"}``.
"""

from __future__ import annotations

import html
import json
from datetime import UTC, datetime

from .server import ContractServer, RateWindow, Reply, Request

PATH = "/api/v1/statuses"
VISIBILITIES = {"public", "unlisted", "private", "direct"}


class MastodonAPI(ContractServer):
    def __init__(self, tokens=None, username: str = "leader", max_characters: int = 500, limit: int = 300, **kwargs):
        super().__init__(**kwargs)
        #: token -> scopes
        self.tokens = tokens if tokens is not None else {"masto-token-abcdef123456": {"write:statuses"}}
        self.username = username
        self.max_characters = max_characters
        self.window = RateWindow(self.clock, limit, 5 * 60)
        self.statuses: dict[str, dict] = {}
        self._keys: dict[tuple[str, str], tuple[float, str]] = {}  # (token, key) -> (time, status id)
        self._next_id = 113_000_000_000_000_001

    def _limits(self) -> dict[str, str]:
        reset = datetime.fromtimestamp(self.window.reset_epoch, tz=UTC)
        return {
            "X-RateLimit-Limit": str(self.window.limit),
            "X-RateLimit-Remaining": str(self.window.remaining),
            "X-RateLimit-Reset": reset.isoformat(timespec="microseconds").replace("+00:00", "Z"),
        }

    def handle(self, request: Request) -> Reply:
        if request.path != PATH or request.method != "POST":
            return Reply(404, {"error": "Record not found"})
        token = request.bearer()
        if token not in self.tokens:
            return Reply(401, {"error": "The access token is invalid"})
        if not self.window.take():
            return Reply(429, {"error": "Too many requests"}, self._limits())
        if "write:statuses" not in self.tokens[token] and "write" not in self.tokens[token]:
            reply = Reply(403, {"error": "This action is outside the authorized scopes"})
        else:
            reply = self._create(request, token)
        reply.headers.update(self._limits())
        return reply

    def _params(self, request: Request) -> dict:
        kind = request.header("Content-Type") or ""
        if kind.startswith("application/json"):
            body = request.json()
            return body if isinstance(body, dict) else {}
        return request.form()

    def _create(self, request: Request, token: str) -> Reply:
        try:
            params = self._params(request)
        except (ValueError, UnicodeDecodeError):
            return Reply(400, {"error": "Invalid JSON"})
        key = request.header("Idempotency-Key")
        if key:
            seen = self._keys.get((token, key))
            if seen and self.clock.epoch() - seen[0] < 3600:
                return Reply(200, self.statuses[seen[1]])
        text = str(params.get("status") or "")
        if not text.strip():
            return Reply(422, {"error": "Validation failed: Text can't be blank"})
        if len(text) > self.max_characters:
            return Reply(422, {"error": f"Validation failed: Text character limit of {self.max_characters} exceeded"})
        visibility = params.get("visibility") or "public"
        if visibility not in VISIBILITIES:
            return Reply(422, {"error": "Validation failed: Visibility is not included in the list"})
        status = self._status(text, visibility, params.get("language"))
        if key:
            self._keys[(token, key)] = (self.clock.epoch(), status["id"])
        return Reply(200, status)

    def _status(self, text: str, visibility: str, language) -> dict:
        status_id = str(self._next_id)
        self._next_id += 1
        status = {
            "id": status_id,
            "created_at": self.clock.now().isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "visibility": visibility,
            "language": language,
            "uri": f"{self.base_url}/users/{self.username}/statuses/{status_id}",
            "url": f"{self.base_url}/@{self.username}/{status_id}",
            "content": "<p>" + html.escape(text).replace("\n", "<br />") + "</p>",
            "account": {"username": self.username, "acct": self.username},
        }
        self.statuses[status_id] = json.loads(json.dumps(status))
        return status
