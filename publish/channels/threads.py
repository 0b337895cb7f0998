"""Threads client: the Threads API's two-step publishing, an image post with its text.

1. ``GET /{threads-user-id}/threads_publishing_limit``: 250 posts per rolling
   24 hours; past that the share waits (LimitReached).
2. ``POST /{threads-user-id}/threads`` with ``media_type=IMAGE``, ``image_url``
   (the post's 1200 × 630 card on the deployed site: Meta fetches it),
   ``text`` (500 characters, at most 5 links) and ``alt_text``: a container.
3. ``GET /{container-id}?fields=status,error_message`` until FINISHED.
4. ``POST /{threads-user-id}/threads_publish`` with ``creation_id``, sent once.
5. ``GET /{media-id}?fields=permalink`` for the post's address.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from podium.plugins import networks
from podium.plugins.i18n import _

from .base import Posted, check_image_url, require, single_text
from .meta import MetaChannel

NETWORK = networks.get("threads")
TOKEN_VAR = NETWORK.variable("ACCESS_TOKEN")
USER_VAR = NETWORK.variable("USER_ID")
API = "https://graph.threads.net"
VERSION = "v1.0"


class ThreadsChannel(MetaChannel):
    name = NETWORK.key
    label = NETWORK.name
    token_var = TOKEN_VAR
    permissions = "threads_basic and threads_content_publish"

    def __init__(self, token: str, user_id: str = "me", *, base_url: str = API, version: str = VERSION, **kwargs: Any):
        super().__init__(token, base_url=base_url, version=version, **kwargs)
        self.user_id = user_id

    @classmethod
    def from_env(cls, environ: Mapping[str, str], **kwargs: Any) -> ThreadsChannel:
        """Reads PODIUM_THREADS_ACCESS_TOKEN and optional PODIUM_THREADS_USER_ID (default: me, the token's owner)."""
        token = require(environ, TOKEN_VAR, cls.name, cls.label)
        return cls(token, (environ.get(USER_VAR) or "").strip() or "me", **kwargs)

    def post(self, share: Any) -> Posted:
        image = check_image_url(share, self.name, self.label)
        self.quota(self.user_id, "threads_publishing_limit", what=_("the publishing limit"))
        return self.publish_container(
            ("threads", "threads_publish"),
            {
                "media_type": "IMAGE",
                "image_url": image,
                "text": single_text(share),
                "alt_text": getattr(share, "image_alt", ""),
            },
            ("status", _("the post"), lambda b: str(b.get("error_message") or "")),
            (
                _("Threads answered without a container id; nothing was published"),
                _(
                    "Threads answered threads_publish without the post's id; look at the profile "
                    "before sending it again"
                ),
            ),
        )

    def error_detail(self, response) -> tuple[str, str | None]:
        """Threads names some refusals only in the message, such as THREADS_API__LINK_LIMIT_EXCEEDED."""
        detail, code = super().error_detail(response)
        return detail, ("LINK_LIMIT" if "LINK_LIMIT_EXCEEDED" in detail else code)

    def advice(self, status: int, code: str | None) -> str:
        if code == "LINK_LIMIT":
            return "Threads takes at most 5 links in a post: remove links from the Threads teaser"
        return super().advice(status, code)
