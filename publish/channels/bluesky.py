"""Bluesky client: an app-password session, then one ``app.bsky.feed.post`` record.

``com.atproto.server.createSession`` trades the handle and app password for
short-lived JWTs; ``com.atproto.repo.createRecord`` writes the post with link
and hashtag facets (Bluesky does not parse text: links are clickable only
through facets, located by UTF-8 byte offsets) and an external link card.
An expired access token is refreshed once with ``refreshSession``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import httpx

from podium.plugins import networks
from podium.plugins.i18n import _

from .base import Channel, PermanentError, Posted, require, single_text
from .richtext import post_facets

NETWORK = networks.get("bluesky")
HANDLE_VAR = NETWORK.variable("HANDLE")
PASSWORD_VAR = NETWORK.variable("APP_PASSWORD")
PDS_VAR = NETWORK.variable("PDS")
DEFAULT_PDS = "https://bsky.social"
COLLECTION = "app.bsky.feed.post"


def created_at(moment: datetime) -> str:
    """atproto datetimes: UTC with a trailing Z, millisecond precision."""
    if moment.tzinfo is None:
        raise ValueError("createdAt needs an aware datetime")
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def post_url(handle: str, at_uri: str) -> str:
    """at://did/app.bsky.feed.post/rkey -> https://bsky.app/profile/handle/post/rkey."""
    return f"https://bsky.app/profile/{handle}/post/{at_uri.rsplit('/', 1)[-1]}"


class BlueskyChannel(Channel):
    name = NETWORK.key
    label = NETWORK.name
    reset_header = "ratelimit-reset"
    reset_kind = "epoch"

    def __init__(
        self,
        handle: str,
        app_password: str,
        *,
        base_url: str = DEFAULT_PDS,
        mentions: Mapping[str, str] | None = None,
        **kwargs: Any,
    ):
        super().__init__(base_url=base_url, secrets=[app_password], **kwargs)
        self.handle = handle.lstrip("@")
        #: PODIUM_BLUESKY_MENTIONS (handle -> DID): the same mention facets as the teasers
        self.mentions = dict(mentions or {})
        self._password = app_password
        self._session: dict | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str], **kwargs: Any) -> BlueskyChannel:
        """Reads PODIUM_BLUESKY_HANDLE, PODIUM_BLUESKY_APP_PASSWORD and optional PODIUM_BLUESKY_PDS."""
        handle = require(environ, HANDLE_VAR, cls.name, cls.label)
        password = require(environ, PASSWORD_VAR, cls.name, cls.label)
        pds = (environ.get(PDS_VAR) or "").strip() or DEFAULT_PDS
        kwargs.setdefault("base_url", pds)
        return cls(handle, password, **kwargs)

    # --- session ---------------------------------------------------------

    def _login(self) -> dict:
        response = self.send(
            "POST",
            "/xrpc/com.atproto.server.createSession",
            what=_("the login"),
            json={"identifier": self.handle, "password": self._password},
        )
        return self._keep(response)

    def _refresh(self, session: dict) -> dict:
        """A new access token from the refresh token; a fresh login if that one expired too."""
        try:
            response = self.send(
                "POST",
                "/xrpc/com.atproto.server.refreshSession",
                what=_("the session refresh"),
                headers={"Authorization": f"Bearer {session['refreshJwt']}"},
            )
        except PermanentError:
            return self._login()
        return self._keep(response)

    def _keep(self, response: httpx.Response) -> dict:
        try:
            body = response.json()
            session = {k: str(body[k]) for k in ("accessJwt", "refreshJwt", "did", "handle")}
        except (ValueError, KeyError, TypeError):
            raise PermanentError(
                _("Bluesky answered the login without a session; check {PDS_VAR} points at your PDS", PDS_VAR=PDS_VAR),
                network=self.name,
            ) from None
        self._remember_secret(session["accessJwt"])
        self._remember_secret(session["refreshJwt"])
        self._session = session
        return session

    # --- posting ---------------------------------------------------------

    def record(self, share: Any, did: str) -> dict:
        """The createRecord body for ``share``."""
        text = single_text(share)
        moment = getattr(share, "created_at", None) or self._clock()
        post: dict[str, Any] = {"$type": COLLECTION, "text": text, "createdAt": created_at(moment)}
        lang = getattr(share, "lang", "")
        if lang:
            post["langs"] = [lang]
        # a teaser shows its link as host and path: the facet carries the tracked address (share.url)
        found = list(post_facets(text, share.url, self.mentions))
        if found:
            post["facets"] = found
        post["embed"] = {
            "$type": "app.bsky.embed.external",
            "external": {
                "uri": share.url,
                "title": getattr(share, "title", "") or share.slug,
                "description": getattr(share, "description", "") or "",
            },
        }
        return {"repo": did, "collection": COLLECTION, "record": post}

    def post(self, share: Any) -> Posted:
        session = self._session or self._login()
        try:
            response = self._create(share, session)
        except PermanentError as exc:
            if exc.code != "ExpiredToken":
                raise
            response = self._create(share, self._refresh(session))
        try:
            uri = str(response.json()["uri"])
        except (ValueError, KeyError, TypeError):
            raise PermanentError(
                _(
                    "Bluesky answered createRecord without the post's at:// URI; check "
                    "the profile before sending it again"
                ),
                network=self.name,
            ) from None
        return Posted(uri, post_url(session["handle"], uri))

    def _create(self, share: Any, session: dict) -> httpx.Response:
        return self.send(
            "POST",
            "/xrpc/com.atproto.repo.createRecord",
            what=_("the post"),
            json=self.record(share, session["did"]),
            headers={"Authorization": f"Bearer {session['accessJwt']}"},
        )

    def error_detail(self, response: httpx.Response) -> tuple[str, str | None]:
        """XRPC errors are {"error": "Name", "message": "..."}."""
        try:
            body = response.json()
        except ValueError:
            return response.text[:200], None
        if not isinstance(body, dict):
            return str(body)[:200], None
        name = body.get("error")
        text = ": ".join(str(p) for p in (name, body.get("message")) if p)
        return text, name

    def advice(self, status: int, code: str | None) -> str:
        if code == "AuthenticationRequired" or status == 401:
            return _(
                "{handle} or {password} is wrong, or the app password was revoked: "
                "create an app password in Bluesky's settings",
                handle=HANDLE_VAR,
                password=PASSWORD_VAR,
            )
        if code == "InvalidRequest":
            return _(
                "Bluesky rejected the record (a teaser over {limit} characters?): fix the Bluesky teaser",
                limit=NETWORK.limit,
            )
        return super().advice(status, code)
