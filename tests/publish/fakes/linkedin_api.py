"""Local stand-in for LinkedIn's versioned Posts API, ``POST /rest/posts``, following LinkedIn's documentation.

- ``Authorization: Bearer <token>``: absent -> 401 ``Empty oauth2_access_token``;
  unknown -> 401 ``INVALID_ACCESS_TOKEN``. A token may only post as its owner
  -> else 403 ``ACCESS_DENIED``.
- ``LinkedIn-Version: YYYYMM`` required: absent -> 400 ``VERSION_MISSING``;
  not served -> 426 ``NONEXISTENT_VERSION`` ("Requested version N is not active").
- ``X-Restli-Protocol-Version: 2.0.0`` required (the wording of this 400 is the fake's own).
- Body fields checked as the Posts API schema lists them; problems -> 422
  ``ERROR :: /field :: ...``.
- Commentary is read as "little" text: reserved characters must be escaped
  with a backslash; LinkedIn silently cuts the text at the first unescaped
  one it cannot parse, and so does this server (see ``rendered``).
- Success -> 201, empty body, the post URN in the ``x-restli-id`` header.
- Errors are ``{"status", "message", "serviceErrorCode"?, "code"?}``; a 429
  comes without reset headers (LinkedIn's limits are per day).
"""

from __future__ import annotations

import re

from .server import ContractServer, RateWindow, Reply, Request

PATH = "/rest/posts"
RESERVED = set("\\|{}@[]()<>#*_~")
_MENTION = re.compile(r"@\[([^\]\\]*)\]\((urn:li:(?:person|organization):[^)]+)\)")
_HASHTAG = re.compile(r"\{hashtag\|(?:\\?#|＃)\|([^}|]+)\}")


def render_little(commentary: str) -> str:
    """What LinkedIn shows for ``commentary``: escapes removed, templates expanded, cut at bad markup."""
    out, i = [], 0
    while i < len(commentary):
        c = commentary[i]
        if c == "\\" and i + 1 < len(commentary):
            out.append(commentary[i + 1])
            i += 2
            continue
        if c not in RESERVED:
            out.append(c)
            i += 1
            continue
        mention, hashtag = _MENTION.match(commentary, i), _HASHTAG.match(commentary, i)
        if mention:
            out.append(mention.group(1))
            i = mention.end()
        elif hashtag:
            out.append("#" + hashtag.group(1))
            i = hashtag.end()
        else:
            break  # LinkedIn truncates the post here, without an error
    return "".join(out)


def error(status: int, message: str, **extra) -> dict:
    return {"status": status, "message": message, **extra}


class LinkedInAPI(ContractServer):
    def __init__(self, tokens=None, versions=("202609", "202610", "202611"), limit: int = 150, **kwargs):
        super().__init__(**kwargs)
        #: token -> the member URN it may post as
        self.tokens = tokens if tokens is not None else {"li-token-0987654321": "urn:li:person:AbC123"}
        self.versions = set(versions)
        self.window = RateWindow(self.clock, limit, 24 * 3600)  # daily member limit
        self.posts: dict[str, dict] = {}
        self._next_id = 7_300_000_000_000_000_001

    def handle(self, request: Request) -> Reply:
        if request.path != PATH or request.method != "POST":
            return Reply(404, error(404, "No virtual resource found"))
        if not request.header("Authorization"):
            return Reply(401, error(401, "Empty oauth2_access_token", serviceErrorCode=401))
        token = request.bearer()
        if token not in self.tokens:
            return Reply(401, error(401, "Invalid access token", serviceErrorCode=65600, code="INVALID_ACCESS_TOKEN"))
        version = request.header("LinkedIn-Version")
        if not version:
            return Reply(
                400,
                error(
                    400,
                    "A version must be present. Please specify a version by adding the LinkedIn-Version header.",
                    code="VERSION_MISSING",
                ),
            )
        if version not in self.versions:
            return Reply(426, error(426, f"Requested version {version} is not active", code="NONEXISTENT_VERSION"))
        if request.header("X-Restli-Protocol-Version") != "2.0.0":
            return Reply(400, error(400, "X-Restli-Protocol-Version: 2.0.0 is required by this API"))
        if not self.window.take():
            return Reply(
                429, error(429, "Resource level throttle MEMBER DAY limit for calls to this resource is reached.")
            )
        return self._create(request, self.tokens[token], version)

    def _create(self, request: Request, owner: str, version: str) -> Reply:
        try:
            body = request.json()
        except ValueError:
            return Reply(400, error(400, "Unable to parse the request body as JSON"))
        problem = _check(body)
        if problem:
            return Reply(422, error(422, problem))
        if body["author"] != owner:
            return Reply(
                403,
                error(
                    403,
                    f"Not enough permissions to access: partnerApiPostsExternal.CREATE.{version}",
                    serviceErrorCode=100,
                    code="ACCESS_DENIED",
                ),
            )
        urn = f"urn:li:share:{self._next_id}"
        self._next_id += 1
        self.posts[urn] = {"body": body, "rendered": render_little(body["commentary"])}
        return Reply(201, None, {"x-restli-id": urn, "x-linkedin-id": urn})


def _check(body) -> str | None:
    """The first schema problem, worded as LinkedIn words validation errors."""
    if not isinstance(body, dict):
        return "ERROR :: / :: expected a record"
    rules = [
        ("author", lambda v: isinstance(v, str) and re.match(r"^urn:li:(person|organization):\S+$", v)),
        ("commentary", lambda v: isinstance(v, str) and len(v) <= 3000),
        ("visibility", lambda v: v in {"PUBLIC", "CONNECTIONS", "LOGGED_IN", "CONTAINER"}),
        ("lifecycleState", lambda v: v in {"PUBLISHED", "DRAFT"}),
        ("distribution", lambda v: isinstance(v, dict) and v.get("feedDistribution") in {"MAIN_FEED", "NONE"}),
    ]
    for name, valid in rules:
        if name not in body:
            return f"ERROR :: /{name} :: field is required but not found and has no default value"
        if not valid(body[name]):
            return f"ERROR :: /{name} :: invalid value {body[name]!r}"
    article = (body.get("content") or {}).get("article") if isinstance(body.get("content"), dict) else None
    if body.get("content") is not None:
        if not isinstance(article, dict):
            return "ERROR :: /content :: expected one of article, media, multiImage, poll"
        if not str(article.get("source", "")).startswith(("https://", "http://")):
            return "ERROR :: /content/article/source :: a URL is required"
        if not isinstance(article.get("title"), str) or not article["title"]:
            return "ERROR :: /content/article/title :: field is required but not found and has no default value"
    return None
