"""LinkedIn client: the versioned Posts API, ``POST /rest/posts``, as an article share.

Every call carries ``LinkedIn-Version: YYYYMM`` and ``X-Restli-Protocol-Version:
2.0.0``. LinkedIn retires each version after about a year (HTTP 426), so the
version can be moved forward with PODIUM_LINKEDIN_VERSION without a release.
The commentary is escaped for LinkedIn's "little" text format.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import httpx

from podium.plugins import networks
from podium.plugins.i18n import _

from .base import Channel, MissingCredential, PermanentError, Posted, require, single_text
from .richtext import escape_little

NETWORK = networks.get("linkedin")
TOKEN_VAR = NETWORK.variable("ACCESS_TOKEN")
AUTHOR_VAR = NETWORK.variable("AUTHOR")
VERSION_VAR = NETWORK.variable("VERSION")
DEFAULT_VERSION = "202609"
API = "https://api.linkedin.com"
_AUTHOR = re.compile(r"^urn:li:(person|organization):[A-Za-z0-9_-]+$")
_VERSION = re.compile(r"^\d{6}(\.\d{2})?$")


def post_url(urn: str) -> str:
    return f"https://www.linkedin.com/feed/update/{urn}/"


class LinkedInChannel(Channel):
    name = NETWORK.key
    label = NETWORK.name
    reset_header = None  # LinkedIn sends a bare 429 (sometimes with Retry-After), no reset header

    def __init__(self, token: str, author: str, *, version: str = DEFAULT_VERSION, base_url: str = API, **kwargs: Any):
        super().__init__(base_url=base_url, secrets=[token], **kwargs)
        self._token = token
        self.author = author
        self.version = version

    @classmethod
    def from_env(cls, environ: Mapping[str, str], **kwargs: Any) -> LinkedInChannel:
        """Reads PODIUM_LINKEDIN_ACCESS_TOKEN, PODIUM_LINKEDIN_AUTHOR and optional PODIUM_LINKEDIN_VERSION."""
        token = require(environ, TOKEN_VAR, cls.name, cls.label)
        author = require(environ, AUTHOR_VAR, cls.name, cls.label)
        if not _AUTHOR.match(author):
            raise MissingCredential(
                _(
                    "{AUTHOR_VAR} must be a URN like urn:li:person:AbC123 or urn:li:organization:12345; "
                    "received {author!r}",
                    AUTHOR_VAR=AUTHOR_VAR,
                    author=author,
                ),
                network=cls.name,
                variable=AUTHOR_VAR,
            )
        version = (environ.get(VERSION_VAR) or DEFAULT_VERSION).strip()
        if not _VERSION.match(version):
            raise MissingCredential(
                _(
                    "{VERSION_VAR} must look like 202609 (YYYYMM); received {version!r}",
                    VERSION_VAR=VERSION_VAR,
                    version=version,
                ),
                network=cls.name,
                variable=VERSION_VAR,
            )
        return cls(token, author, version=version, **kwargs)

    def payload(self, share: Any) -> dict:
        """The Posts API body: public, main feed, with the article as a link card."""
        article = {"source": share.url, "title": getattr(share, "title", "") or share.slug}
        if getattr(share, "description", ""):
            article["description"] = share.description
        return {
            "author": self.author,
            "commentary": escape_little(single_text(share)),
            "visibility": "PUBLIC",
            "distribution": {
                "feedDistribution": "MAIN_FEED",
                "targetEntities": [],
                "thirdPartyDistributionChannels": [],
            },
            "content": {"article": article},
            "lifecycleState": "PUBLISHED",
            "isReshareDisabledByAuthor": False,
        }

    def post(self, share: Any) -> Posted:
        response = self.send(
            "POST",
            "/rest/posts",
            what=_("the post"),
            json=self.payload(share),
            headers={
                "Authorization": f"Bearer {self._token}",
                "LinkedIn-Version": self.version,
                "X-Restli-Protocol-Version": "2.0.0",
            },
        )
        urn = response.headers.get("x-restli-id", "").strip()
        if not urn.startswith("urn:li:"):
            raise PermanentError(
                self.redact(
                    _(
                        "LinkedIn answered HTTP {status} without the post's URN in x-restli-id; "
                        "check the profile's posts before sending it again",
                        status=response.status_code,
                    )
                ),
                network=self.name,
                status=response.status_code,
            )
        return Posted(urn, post_url(urn))

    def error_detail(self, response: httpx.Response) -> tuple[str, str | None]:
        """LinkedIn answers errors as {"message", "status", "serviceErrorCode", "code"?}."""
        try:
            body = response.json()
        except ValueError:
            return response.text[:200], None
        if not isinstance(body, dict):
            return str(body)[:200], None
        code = body.get("code") or (str(body["serviceErrorCode"]) if "serviceErrorCode" in body else None)
        return str(body.get("message") or ""), code

    def advice(self, status: int, code: str | None) -> str:
        if status == 426 or code in {"NONEXISTENT_VERSION", "VERSION_MISSING"}:
            return _(
                "LinkedIn no longer serves API version {version}: set {variable} to a current YYYYMM version",
                version=self.version,
                variable=VERSION_VAR,
            )
        if status == 401:
            return _("{variable} is wrong or expired (LinkedIn tokens last 60 days): renew it", variable=TOKEN_VAR)
        if status == 403:
            return _(
                "the token cannot post as {author}: it needs the w_member_social scope "
                "(w_organization_social for a page) and {variable} must be its owner",
                author=self.author,
                variable=AUTHOR_VAR,
            )
        return super().advice(status, code)
