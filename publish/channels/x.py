"""X (Twitter) client: API v2 ``POST /2/tweets`` with an OAuth 2.0 user-context token.

Threads are sent as a chain of replies (``reply.in_reply_to_tweet_id``). X has
no idempotency key: a retry after a lost answer can meet X's duplicate-content
refusal (403), which is reported as "probably already posted" rather than as a
plain refusal.
"""

from __future__ import annotations

from typing import Any, Mapping

import httpx

from podium.plugins import networks

from .base import Channel, ChannelError, PermanentError, Posted, require, thread_texts

NETWORK = networks.get("x")
TOKEN_VAR = NETWORK.variable("ACCESS_TOKEN")
API = "https://api.x.com"


def status_url(tweet_id: str) -> str:
    return f"https://x.com/i/web/status/{tweet_id}"


class XChannel(Channel):
    name = NETWORK.key
    label = NETWORK.name
    reset_header = "x-rate-limit-reset"
    reset_kind = "epoch"

    def __init__(self, token: str, *, base_url: str = API, **kwargs: Any):
        super().__init__(base_url=base_url, secrets=[token], **kwargs)
        self._token = token

    @classmethod
    def from_env(cls, environ: Mapping[str, str], **kwargs: Any) -> "XChannel":
        """Reads PODIUM_X_ACCESS_TOKEN (an OAuth 2.0 user token with tweet.write)."""
        return cls(require(environ, TOKEN_VAR, cls.name, cls.label), **kwargs)

    def post(self, share: Any) -> Posted:
        """Post the text, or each part of a thread as a reply to the one before."""
        ids: list[str] = []
        for text in thread_texts(share):
            body: dict[str, Any] = {"text": text}
            if ids:
                body["reply"] = {"in_reply_to_tweet_id": ids[-1]}
            try:
                ids.append(self._create(body, part=len(ids) + 1))
            except ChannelError as exc:
                if ids:
                    exc.partial = Posted(ids[0], status_url(ids[0]), tuple(ids))
                raise
        return Posted(ids[0], status_url(ids[0]), tuple(ids))

    def _create(self, body: dict, part: int) -> str:
        what = "the post" if part == 1 else f"part {part} of the thread"
        response = self.send("POST", "/2/tweets", what=what, json=body,
                             headers={"Authorization": f"Bearer {self._token}"})
        try:
            return str(response.json()["data"]["id"])
        except (ValueError, KeyError, TypeError):
            raise PermanentError(self.redact(
                f"X answered HTTP {response.status_code} without a post id; "
                f"check the post on the timeline before sending it again"), network=self.name,
                status=response.status_code) from None

    def error_detail(self, response: httpx.Response) -> tuple[str, str | None]:
        """X answers problems as {"title", "detail", "type", "status"}, sometimes with errors[]."""
        try:
            body = response.json()
        except ValueError:
            return response.text[:200], None
        if not isinstance(body, dict):
            return str(body)[:200], None
        parts = [str(body.get("detail") or body.get("title") or "")]
        parts += [str(e.get("message")) for e in body.get("errors") or [] if isinstance(e, dict) and e.get("message")]
        return "; ".join(p for p in parts if p), body.get("type")

    def advice(self, status: int, code: str | None) -> str:
        if status == 401:
            return f"{TOKEN_VAR} is wrong or expired: renew the token and update the variable"
        if status == 403:
            return ("X refuses duplicates and replies to missing posts; if this share went out on an "
                    "earlier attempt, check the timeline and record it, otherwise check the app's "
                    "tweet.write permission")
        return super().advice(status, code)

