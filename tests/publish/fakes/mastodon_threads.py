"""Local stand-in for a Mastodon instance's read side, following Mastodon's API documentation.

- ``GET /api/v1/statuses/:id`` -> a Status entity (``id``, ``uri``, ``url``,
  ``created_at``, ``account``, ``content``, ``visibility``, ``in_reply_to_id``,
  ``replies_count``, ``reblogs_count``, ``favourites_count``, ``edited_at``);
  an unknown or deleted id -> 404 ``{"error": "Record not found"}``.
- ``GET /api/v1/statuses/:id/context`` -> ``{"ancestors": [...], "descendants": [...]}``,
  the descendants in tree order (depth first), each a Status entity. As the
  documentation says, without a user token a public status's context is
  limited to 60 descendants with a maximum depth of 20; with one (any token
  the instance knows), up to 4,096 descendants at any depth. The context has
  no pagination.
- Account entities carry ``id``, ``username``, ``acct`` (no domain for local
  accounts), ``display_name``, ``url``, ``avatar``, ``avatar_static`` and,
  for a suspended account, ``suspended: true``.
- Rate limit as for posting: ``X-RateLimit-*`` headers, 429 past the window.
- ``GET /avatars/<name>`` serves the bytes put in ``avatars``.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from .mastodon_api import MastodonAPI
from .server import Reply, Request

_STATUS = re.compile(r"^/api/v1/statuses/(\d+)(/context)?$")
START = datetime(2027, 3, 2, 9, 0, tzinfo=UTC)
#: what the context shows without a user token, and with one
PUBLIC_DESCENDANTS, PUBLIC_DEPTH, USER_DESCENDANTS = 60, 20, 4096


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class MastodonThreads(MastodonAPI):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.avatars: dict[str, bytes] = {}
        self._serial = 0

    def account(self, number: int, username: str, remote: str = "", suspended: bool = False, name: str = "") -> dict:
        acct = f"{username}@{remote}" if remote else username
        host = remote or "127.0.0.1"
        account = {
            "id": str(number),
            "username": username,
            "acct": acct,
            "display_name": name or username.title(),
            "url": f"https://{host}/@{username}",
            "avatar": f"{self.base_url}/avatars/{username}.png",
            "avatar_static": f"{self.base_url}/avatars/{username}.png",
        }
        if suspended:
            account["suspended"] = True
        return account

    def add(
        self,
        account: dict,
        content: str,
        reply_to: str | None = None,
        visibility: str = "public",
        counts: tuple[int, int, int] = (0, 0, 0),
    ) -> str:
        self._serial += 1
        status_id = str(110_000_000_000_000_000 + self._serial)
        self.statuses[status_id] = {
            "id": status_id,
            "created_at": stamp(START + timedelta(minutes=self._serial)),
            "in_reply_to_id": reply_to,
            "in_reply_to_account_id": None,
            "visibility": visibility,
            "uri": f"{self.base_url}/users/{account['username']}/statuses/{status_id}",
            "url": f"{self.base_url}/@{account['username']}/{status_id}",
            "content": content,
            "account": account,
            "replies_count": counts[0],
            "reblogs_count": counts[1],
            "favourites_count": counts[2],
            "edited_at": None,
        }
        return status_id

    def _status(self, text: str, visibility: str, language) -> dict:
        """A status posted through the API gets the counts and fields every Status entity has."""
        status = super()._status(text, visibility, language)
        status.update(
            {
                "in_reply_to_id": None,
                "replies_count": 0,
                "reblogs_count": 0,
                "favourites_count": 0,
                "edited_at": None,
                "account": self.account(1, self.username),
            }
        )
        self.statuses[status["id"]] = status
        return status

    def handle(self, request: Request) -> Reply:
        if request.method == "GET" and request.path.startswith("/avatars/"):
            data = self.avatars.get(request.path.rsplit("/", 1)[-1])
            return Reply(200, data, {"Content-Type": "image/png"}) if data is not None else Reply(404, "")
        match = _STATUS.match(request.path)
        if request.method != "GET" or not match:
            return super().handle(request)
        if not self.window.take():
            return Reply(429, {"error": "Too many requests"}, self._limits())
        status = self.statuses.get(match.group(1))
        if status is None:
            reply = Reply(404, {"error": "Record not found"})
        elif match.group(2):
            known = request.bearer() in self.tokens
            below = self._below(status["id"], 1, None if known else PUBLIC_DEPTH)
            limit = USER_DESCENDANTS if known else PUBLIC_DESCENDANTS
            reply = Reply(200, {"ancestors": [], "descendants": below[:limit]})
        else:
            reply = Reply(200, status)
        reply.headers.update(self._limits())
        return reply

    def _below(self, status_id: str, depth: int, deepest: int | None) -> list[dict]:
        if deepest is not None and depth > deepest:
            return []
        out = []
        for child in sorted(
            (s for s in self.statuses.values() if s["in_reply_to_id"] == status_id), key=lambda s: s["id"]
        ):
            out.append(child)
            out.extend(self._below(child["id"], depth + 1, deepest))
        return out
