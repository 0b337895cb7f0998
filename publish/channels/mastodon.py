"""Mastodon client: ``POST {instance}/api/v1/statuses`` with a Bearer token and an Idempotency-Key.

The key is derived from the share id, so a rerun after a crash (or a retry
after a lost answer) within the hour Mastodon keeps keys is answered with the
status already created instead of a second one.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import Any

import httpx

from podium.plugins import networks
from podium.plugins.i18n import _

from .base import Channel, MissingCredential, PermanentError, Posted, require, single_text

NETWORK = networks.get("mastodon")
INSTANCE_VAR = NETWORK.variable("INSTANCE")
TOKEN_VAR = NETWORK.variable("ACCESS_TOKEN")
_LANG = re.compile(r"^([A-Za-z]{2})(?:[-_].*)?$")


def idempotency_key(share_id: str) -> str:
    """Stable for one share, different for every other: a hash of the share id."""
    return "podium-" + hashlib.sha256(share_id.encode("utf-8")).hexdigest()[:40]


def instance_url(value: str) -> str:
    """'mastodon.social' or 'https://mastodon.social/' -> 'https://mastodon.social'."""
    value = value.strip().rstrip("/")
    return value if value.startswith(("https://", "http://")) else "https://" + value


def _secure(url: str) -> bool:
    """The token must not travel in clear text: https, or plain http to this machine only."""
    host = httpx.URL(url).host
    return url.startswith("https://") or host in {"127.0.0.1", "localhost", "::1"}


class MastodonChannel(Channel):
    name = NETWORK.key
    label = NETWORK.name
    reset_header = "X-RateLimit-Reset"
    reset_kind = "iso"

    def __init__(self, instance: str, token: str, *, visibility: str = "public", **kwargs: Any):
        super().__init__(base_url=instance_url(instance), secrets=[token], **kwargs)
        self._token = token
        self.visibility = visibility

    @classmethod
    def from_env(cls, environ: Mapping[str, str], **kwargs: Any) -> MastodonChannel:
        """Reads PODIUM_MASTODON_INSTANCE (e.g. https://mastodon.social) and PODIUM_MASTODON_ACCESS_TOKEN."""
        instance = require(environ, INSTANCE_VAR, cls.name, cls.label)
        token = require(environ, TOKEN_VAR, cls.name, cls.label)
        if not _secure(instance_url(instance)):
            raise MissingCredential(
                _(
                    "{INSTANCE_VAR} must be an https:// address; received {instance!r}",
                    INSTANCE_VAR=INSTANCE_VAR,
                    instance=instance,
                ),
                network=cls.name,
                variable=INSTANCE_VAR,
            )
        return cls(instance, token, **kwargs)

    def post(self, share: Any) -> Posted:
        form = {"status": single_text(share), "visibility": self.visibility}
        match = _LANG.match(getattr(share, "lang", "") or "")
        if match:
            form["language"] = match.group(1).lower()  # Mastodon wants ISO 639-1
        response = self.send(
            "POST",
            "/api/v1/statuses",
            what=_("the status"),
            data=form,
            headers={
                "Authorization": f"Bearer {self._token}",
                "Idempotency-Key": idempotency_key(share.share_id),
            },
        )
        try:
            status = response.json()
            return Posted(str(status["id"]), status.get("url") or status["uri"])
        except (ValueError, KeyError, TypeError):
            raise PermanentError(
                self.redact(
                    _(
                        "Mastodon answered HTTP {status} without a status; "
                        "check the account's posts before sending it again",
                        status=response.status_code,
                    )
                ),
                network=self.name,
                status=response.status_code,
            ) from None

    def error_detail(self, response: httpx.Response) -> tuple[str, str | None]:
        """Mastodon answers errors as {"error": "..."} (with error_description for OAuth ones)."""
        try:
            body = response.json()
        except ValueError:
            return response.text[:200], None
        if isinstance(body, dict) and body.get("error"):
            return str(body["error"]), None
        return str(body)[:200], None

    def advice(self, status: int, code: str | None) -> str:
        if status == 401:
            return _("{variable} is wrong or revoked: create a new token and update the variable", variable=TOKEN_VAR)
        if status == 403:
            return _("the token lacks the write:statuses scope: create one that has it")
        if status == 422:
            return _("the instance rejected the text (too long, or empty): fix the Mastodon teaser")
        return super().advice(status, code)
