"""Local stand-in for LinkedIn's ``socialActions`` API (Community Management), following its documentation.

- Every call needs ``Authorization: Bearer``, ``LinkedIn-Version: YYYYMM`` and
  ``X-Restli-Protocol-Version: 2.0.0`` (else 400/401 as LinkedIn answers).
- ``GET /rest/socialActions/{urn}`` -> ``{"likesSummary": {"totalLikes", ...},
  "commentsSummary": {"aggregatedTotalComments", ...}, "target": urn}``.
- ``GET /rest/socialActions/{urn}/comments?start=&count=`` -> ``{"elements": [comment...],
  "paging": {"start", "count", "total"}}``; a comment has ``actor``, ``commentUrn``,
  ``created.time`` (epoch ms), ``message.text`` and, for an answer, ``parentComment``.
- An app without the product's permission -> 403
  ``{"status": 403, "serviceErrorCode": 100, "code": "ACCESS_DENIED", "message": "Not enough permissions ..."}``.
"""

from __future__ import annotations

from urllib.parse import unquote

from .server import ContractServer, Reply, Request


class LinkedInSocial(ContractServer):
    def __init__(self, token: str = "li-token-0987654321", allowed: bool = True, **kwargs):
        super().__init__(**kwargs)
        self.token, self.allowed = token, allowed
        self.likes: dict[str, int] = {}
        self.comments: dict[str, list[dict]] = {}

    def handle(self, request: Request) -> Reply:
        if request.bearer() != self.token:
            return Reply(
                401,
                {
                    "status": 401,
                    "serviceErrorCode": 65600,
                    "code": "INVALID_ACCESS_TOKEN",
                    "message": "Invalid access token",
                },
            )
        if (
            not (request.header("LinkedIn-Version") or "").isdigit()
            or request.header("X-Restli-Protocol-Version") != "2.0.0"
        ):
            return Reply(400, {"status": 400, "code": "VERSION_MISSING", "message": "A version must be present"})
        if not self.allowed:
            return Reply(
                403,
                {
                    "status": 403,
                    "serviceErrorCode": 100,
                    "code": "ACCESS_DENIED",
                    "message": "Not enough permissions to access: socialActions.GET.NO_VERSION",
                },
            )
        rest = unquote(request.path.removeprefix("/rest/socialActions/"))
        urn, _, tail = rest.partition("/")
        if urn not in self.likes:
            return Reply(404, {"status": 404, "code": "NOT_FOUND", "message": "Not Found"})
        if tail == "comments":
            start, count = int(request.query.get("start", 0)), int(request.query.get("count", 10))
            found = self.comments.get(urn, [])
            return Reply(
                200,
                {
                    "elements": found[start : start + count],
                    "paging": {"start": start, "count": count, "total": len(found)},
                },
            )
        return Reply(
            200,
            {
                "target": urn,
                "likesSummary": {"totalLikes": self.likes[urn], "likedByCurrentUser": False},
                "commentsSummary": {
                    "aggregatedTotalComments": len(self.comments.get(urn, [])),
                    "totalFirstLevelComments": len(self.comments.get(urn, [])),
                },
            },
        )
