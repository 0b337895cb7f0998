"""Instagram client: the Graph API's content publishing for a professional account, in two steps.

1. ``GET /{ig-user-id}/content_publishing_limit``: a professional account may
   publish 50 posts in a rolling 24 hours through the API; past that the share
   waits (LimitReached) instead of failing.
2. ``POST /{ig-user-id}/media`` with ``image_url`` (a JPEG on the deployed
   site: Meta fetches it), ``caption`` and ``alt_text``: a container.
3. ``GET /{container-id}?fields=status_code`` until FINISHED.
4. ``POST /{ig-user-id}/media_publish`` with ``creation_id``: the post. Sent
   once: Instagram has no idempotency key.
5. ``GET /{media-id}?fields=permalink`` for the post's address.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from podium.plugins import networks
from podium.plugins.i18n import _

from .base import MissingCredential, Posted, check_image_url, require, single_text
from .meta import GRAPH, GRAPH_VERSION, MetaChannel

NETWORK = networks.get("instagram")
TOKEN_VAR = NETWORK.variable("ACCESS_TOKEN")
USER_VAR = NETWORK.variable("USER_ID")


def version_from(environ: Mapping[str, str], network: networks.Network) -> str:
    """The Graph API version, PODIUM_<NETWORK>_GRAPH_VERSION or podium's; Meta retires each after two years."""
    variable = network.variable("GRAPH_VERSION")
    version = (environ.get(variable) or GRAPH_VERSION).strip()
    if not (version.startswith("v") and version[1:].replace(".", "").isdigit()):
        raise MissingCredential(
            _(
                "{variable} must look like {example}; received {value!r}",
                variable=variable,
                example=GRAPH_VERSION,
                value=version,
            ),
            network=network.key,
            variable=variable,
        )
    return version


class InstagramChannel(MetaChannel):
    name = NETWORK.key
    label = NETWORK.name
    token_var = TOKEN_VAR
    permissions = "instagram_basic and instagram_content_publish, or instagram_business_content_publish"

    def __init__(self, token: str, user_id: str, *, base_url: str = GRAPH, version: str = GRAPH_VERSION, **kwargs: Any):
        super().__init__(token, base_url=base_url, version=version, **kwargs)
        self.user_id = user_id

    @classmethod
    def from_env(cls, environ: Mapping[str, str], **kwargs: Any) -> InstagramChannel:
        """Reads PODIUM_INSTAGRAM_ACCESS_TOKEN, PODIUM_INSTAGRAM_USER_ID and optional PODIUM_INSTAGRAM_GRAPH_VERSION."""
        token = require(environ, TOKEN_VAR, cls.name, cls.label)
        user = require(environ, USER_VAR, cls.name, cls.label)
        if not user.isdigit():
            raise MissingCredential(
                _(
                    "{variable} must be the account's numeric Instagram user id; received {value!r}",
                    variable=USER_VAR,
                    value=user,
                ),
                network=cls.name,
                variable=USER_VAR,
            )
        kwargs.setdefault("version", version_from(environ, NETWORK))
        return cls(token, user, **kwargs)

    def post(self, share: Any) -> Posted:
        image = check_image_url(share, self.name, self.label)
        self.quota(self.user_id, "content_publishing_limit", what=_("the publishing limit"))
        return self.publish_container(
            ("media", "media_publish"),
            {"image_url": image, "caption": single_text(share), "alt_text": getattr(share, "image_alt", "")},
            ("status_code", _("the image"), lambda b: str(b.get("status") or "")),
            (
                _("Instagram answered without a container id; nothing was published"),
                _(
                    "Instagram answered media_publish without the post's id; look at the account "
                    "before sending it again"
                ),
            ),
        )
