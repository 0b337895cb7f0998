"""X (Twitter) client: API v2 ``POST /2/tweets``, signed with OAuth 1.0a user tokens or an OAuth 2.0 token.

OAuth 1.0a (the app's API key and secret, the account's access token and
secret) is what an hourly CI job should use: those tokens do not expire. An
OAuth 2.0 user-context access token (``PODIUM_X_ACCESS_TOKEN`` alone) lasts
two hours, so it suits a run by hand.

Threads are sent as a chain of replies (``reply.in_reply_to_tweet_id``). X has
no idempotency key: a retry after a lost answer can meet X's duplicate-content
refusal (403), which is reported as "probably already posted" rather than as a
plain refusal.
"""

from __future__ import annotations

import secrets as secrets_mod
from collections.abc import Mapping
from typing import Any

import httpx

from podium.plugins import networks
from podium.plugins.i18n import _

from . import oauth1
from .base import Channel, ChannelError, PermanentError, Posted, require, thread_texts

NETWORK = networks.get("x")
TOKEN_VAR = NETWORK.variable("ACCESS_TOKEN")
TOKEN_SECRET_VAR = NETWORK.variable("ACCESS_TOKEN_SECRET")
API_KEY_VAR = NETWORK.variable("API_KEY")
API_SECRET_VAR = NETWORK.variable("API_SECRET")
API = "https://api.x.com"


def status_url(tweet_id: str) -> str:
    return f"https://x.com/i/web/status/{tweet_id}"


class XChannel(Channel):
    name = NETWORK.key
    label = NETWORK.name
    reset_header = "x-rate-limit-reset"
    reset_kind = "epoch"

    def __init__(self, token: str = "", *, keys: oauth1.Keys | None = None, base_url: str = API, **kwargs: Any):
        hidden = [token] + ([keys.consumer_secret, keys.token_secret, keys.token] if keys else [])
        super().__init__(base_url=base_url, secrets=hidden, **kwargs)
        self._token = token
        self._keys = keys

    @classmethod
    def from_env(cls, environ: Mapping[str, str], **kwargs: Any) -> XChannel:
        """OAuth 1.0a when PODIUM_X_ACCESS_TOKEN_SECRET is set (then the API key and secret are needed too);
        otherwise PODIUM_X_ACCESS_TOKEN alone, as an OAuth 2.0 user token with tweet.write."""
        token = require(environ, TOKEN_VAR, cls.name, cls.label)
        if not (environ.get(TOKEN_SECRET_VAR) or "").strip():
            return cls(token, **kwargs)
        keys = oauth1.Keys(
            require(environ, API_KEY_VAR, cls.name, cls.label),
            require(environ, API_SECRET_VAR, cls.name, cls.label),
            token,
            require(environ, TOKEN_SECRET_VAR, cls.name, cls.label),
        )
        return cls(keys=keys, **kwargs)

    def _authorize(self, request: httpx.Request) -> None:
        """Signed afresh for every attempt: X refuses a nonce it has seen."""
        if self._keys is None:
            request.headers["Authorization"] = f"Bearer {self._token}"
            return
        stamp = int(self._clock().timestamp())
        request.headers["Authorization"] = oauth1.authorization(
            request.method, str(request.url), self._keys, secrets_mod.token_hex(16), stamp
        )

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
        what = _("the post") if part == 1 else _("part {part} of the thread", part=part)
        response = self.send("POST", "/2/tweets", what=what, json=body, auth=_Signed(self._authorize))
        try:
            return str(response.json()["data"]["id"])
        except (ValueError, KeyError, TypeError):
            raise PermanentError(
                self.redact(
                    _(
                        "X answered HTTP {status} without a post id; "
                        "check the post on the timeline before sending it again",
                        status=response.status_code,
                    )
                ),
                network=self.name,
                status=response.status_code,
            ) from None

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
        if status == 401 and self._keys is not None:
            return _(
                "X refused the OAuth 1.0a signature: check {key}, {secret}, {token} and {token_secret} "
                "(regenerated keys invalidate the old ones)",
                key=API_KEY_VAR,
                secret=API_SECRET_VAR,
                token=TOKEN_VAR,
                token_secret=TOKEN_SECRET_VAR,
            )
        if status == 401:
            return _(
                "{variable} is wrong or expired (an OAuth 2.0 token lasts two hours): renew it, or use "
                "OAuth 1.0a tokens, which do not expire",
                variable=TOKEN_VAR,
            )
        if status == 403:
            return _(
                "X refuses duplicates and replies to missing posts; if this share went out on an "
                "earlier attempt, check the timeline and record it, otherwise check the app's "
                "tweet.write permission"
            )
        return super().advice(status, code)


class _Signed(httpx.Auth):
    """httpx calls this for each request it sends, so every retry carries its own signature."""

    def __init__(self, sign):
        self._sign = sign

    def auth_flow(self, request: httpx.Request):
        self._sign(request)
        yield request
