"""LinkedIn: a post's comments and likes through ``socialActions``, where the app is allowed to read them.

``GET /rest/socialActions/{urn}`` gives ``likesSummary`` and
``commentsSummary``; ``GET /rest/socialActions/{urn}/comments`` lists the
comments (``start``/``count`` paging). Reading them needs LinkedIn's
Community Management API; without it LinkedIn answers 403, reported once as
unavailable. LinkedIn gives a commenter's member URN, not their name; the
leader's own comments are known by PODIUM_LINKEDIN_AUTHOR, the URN that
shares, so they count as answers and need no approval.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from podium.plugins.conversations.model import Author, Fetched, Reply

from ..channels.base import PermanentError, require
from ..channels.linkedin import API, AUTHOR_VAR, DEFAULT_VERSION, TOKEN_VAR, VERSION_VAR, LinkedInChannel
from .sources import ThreadReader, field, text_to_html

PAGE = 50
MAX_PAGES = 20


class LinkedInReader(ThreadReader):
    name = "linkedin"
    label = "LinkedIn"
    forbidden = (
        "LinkedIn does not let this app read {what} (HTTP 403); reading comments needs LinkedIn's "
        "Community Management API: LinkedIn is left out of the conversation"
    )
    error_detail = LinkedInChannel.error_detail

    def __init__(
        self, token: str, *, version: str = DEFAULT_VERSION, base_url: str = API, author: str = "", **kwargs: Any
    ):
        super().__init__(base_url=base_url, secrets=[token], **kwargs)
        self.author = author
        self._headers = {
            "Authorization": f"Bearer {token}",
            "LinkedIn-Version": version,
            "X-Restli-Protocol-Version": "2.0.0",
        }

    @classmethod
    def from_env(cls, environ: Mapping[str, str], **kwargs: Any) -> LinkedInReader:
        token = require(environ, TOKEN_VAR, cls.name, cls.label)
        kwargs.setdefault("author", (environ.get(AUTHOR_VAR) or "").strip())
        return cls(token, version=(environ.get(VERSION_VAR) or DEFAULT_VERSION).strip(), **kwargs)

    def _get(self, path: str, what: str, params: dict | None = None) -> Any:
        return self.read(path, what=what, params=params, headers=self._headers)

    def fetch(self, thread) -> Fetched:
        urn = quote(thread.remote_id, safe="")
        try:
            summary = self._get(f"/rest/socialActions/{urn}", "the post's reactions")
        except PermanentError as exc:
            if exc.status == 404:
                return Fetched((), {})
            raise
        try:
            counts = {
                "likes": field(summary, "likesSummary", "totalLikes", kind=int, default=0),
                "replies": field(summary, "commentsSummary", "aggregatedTotalComments", kind=int, default=0),
            }
            replies, complete = [], False
            for page in range(MAX_PAGES):
                body = self._get(
                    f"/rest/socialActions/{urn}/comments", "the comments", {"start": page * PAGE, "count": PAGE}
                )
                elements = field(body, "elements", kind=list)
                replies += [self._reply(item, thread.remote_id) for item in elements]
                total = field(body, "paging", "total", kind=int, default=0)
                if len(elements) < PAGE or (page + 1) * PAGE >= total:
                    complete = True  # read to the end: a comment not listed was deleted
                    break
        except (KeyError, TypeError, ValueError) as exc:
            raise self.garbage("the comments", f"missing or wrong {exc.args[0] if exc.args else 'field'}") from None
        return Fetched(tuple(replies), counts, self.author, complete=complete)

    def _reply(self, item: dict, root: str) -> Reply:
        comment = str(item.get("commentUrn") or field(item, "$URN"))
        parent = str(item.get("parentComment") or "")
        created = field(item, "created", "time", kind=int)
        return Reply(
            id=f"linkedin:{comment.rsplit(',', 1)[-1].rstrip(')')}",
            network="linkedin",
            remote_id=comment,
            author=Author(field(item, "actor"), "", ""),  # the page says "a LinkedIn member"
            html=text_to_html(field(item, "message", "text")),
            url=f"https://www.linkedin.com/feed/update/{root}/",
            published=datetime.fromtimestamp(created / 1000, tz=UTC),
            parent=f"linkedin:{parent.rsplit(',', 1)[-1].rstrip(')')}" if parent else "",
        )
