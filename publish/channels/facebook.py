"""Facebook Page client: the Pages API, ``POST /{page-id}/feed`` with a Page access token.

The post is the teaser (``message``) and the post's address (``link``), which
Facebook shows as a preview built from the page's Open Graph tags (its
1200 × 630 card). Only a Page access token can post as the Page: a user token
is refused (code 200), which ``preflight`` detects before anything is sent by
asking whom the token speaks for (``GET /me``). Sent once: Facebook has no
idempotency key.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from podium.plugins import networks
from podium.plugins.errors import BadInput
from podium.plugins.i18n import _

from .base import MissingCredential, PermanentError, Posted, require, single_text
from .instagram import version_from
from .meta import GRAPH, GRAPH_VERSION, MetaChannel

NETWORK = networks.get("facebook")
TOKEN_VAR = NETWORK.variable("PAGE_TOKEN")
PAGE_VAR = NETWORK.variable("PAGE_ID")


def post_url(post_id: str) -> str:
    """Facebook opens a Page post at facebook.com/<page id>_<post id>, the id the API returns."""
    return f"https://www.facebook.com/{post_id}"


class FacebookChannel(MetaChannel):
    name = NETWORK.key
    label = NETWORK.name
    token_var = TOKEN_VAR
    permissions = "a Page access token with pages_manage_posts and pages_read_engagement, by someone who may create content on the Page"

    def __init__(self, token: str, page_id: str, *, base_url: str = GRAPH, version: str = GRAPH_VERSION, **kwargs: Any):
        super().__init__(token, base_url=base_url, version=version, **kwargs)
        self.page_id = page_id

    @classmethod
    def from_env(cls, environ: Mapping[str, str], **kwargs: Any) -> FacebookChannel:
        """Reads PODIUM_FACEBOOK_PAGE_ID, PODIUM_FACEBOOK_PAGE_TOKEN and optional PODIUM_FACEBOOK_GRAPH_VERSION."""
        page = require(environ, PAGE_VAR, cls.name, cls.label)
        if not page.isdigit():
            raise MissingCredential(
                _("{variable} must be the Page's numeric id; received {value!r}", variable=PAGE_VAR, value=page),
                network=cls.name,
                variable=PAGE_VAR,
            )
        token = require(environ, TOKEN_VAR, cls.name, cls.label)
        kwargs.setdefault("version", version_from(environ, NETWORK))
        return cls(token, page, **kwargs)

    def preflight(self) -> None:
        """Bad input (exit 2, nothing sent) when the token is not this Page's own token."""
        try:
            owner = str(self.call("GET", "me", what=_("the token's owner"), fields="id,name").get("id") or "")
        except PermanentError as exc:
            raise BadInput(_("{variable}: Facebook refused the token ({exc})", variable=TOKEN_VAR, exc=exc)) from None
        if owner != self.page_id:
            raise BadInput(
                _(
                    "{variable} is not a Page access token for Page {page} (it belongs to "
                    "{owner}); get the Page's token from GET /me/accounts with "
                    "pages_manage_posts and set {variable} to it",
                    variable=TOKEN_VAR,
                    page=self.page_id,
                    owner=owner or _("someone else"),
                )
            )

    def post(self, share: Any) -> Posted:
        body = self.call(
            "POST", self.page_id, "feed", what=_("the post"), once=True, message=single_text(share), link=share.url
        )
        post_id = str(body.get("id") or "")
        if not post_id:
            raise PermanentError(
                _("Facebook answered without the post's id; look at the Page before sending it again"),
                network=self.name,
                uncertain=True,
            )
        return Posted(post_id, post_url(post_id))
