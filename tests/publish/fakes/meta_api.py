"""Local stand-ins for Meta's Graph API (Instagram content publishing, Facebook Pages) and the Threads API.

Following Meta's published contracts:

- Every path starts with the API version (``/v25.0/...`` on graph.facebook.com,
  ``/v1.0/...`` on graph.threads.net); another version -> 400 code 2500.
- ``access_token`` comes in the query string, the form body (POST,
  ``application/x-www-form-urlencoded``) or an ``Authorization: Bearer`` header. None -> 400 code 2500; unknown ->
  400 OAuthException code 190; an expired one -> 190 with subcode 463.
- Errors are ``{"error": {"message", "type", "code", "error_subcode",
  "error_user_title", "error_user_msg", "fbtrace_id"}}``.
- Instagram: ``/{ig-user-id}/content_publishing_limit`` (50 per 24 hours),
  ``POST /{ig-user-id}/media`` (``image_url``, ``caption``, ``alt_text``: the
  image is downloaded and checked against Instagram's image specification:
  JPEG, at most 8 MB, 320 to 1440 pixels wide, ratio 4:5 to 1.91:1),
  ``GET /{container}?fields=status_code`` (IN_PROGRESS, then FINISHED),
  ``POST /{ig-user-id}/media_publish`` (``creation_id`` of a FINISHED
  container; a published container cannot be published again; over the limit
  -> code 9 subcode 2207042), ``GET /{media}?fields=permalink``.
- Facebook: ``GET /me`` says whose token it is; ``POST /{page-id}/feed``
  (``message``, ``link``) only with that Page's token (else code 200);
  a Page needing Page Publishing Authorization refuses with code 200 too.
- Threads: ``/{user}/threads_publishing_limit`` (250 per 24 hours),
  ``POST /{user}/threads`` (``media_type`` IMAGE or TEXT, ``image_url``,
  ``text`` of at most 500 characters with an emoji counting its UTF-8 bytes,
  at most 5 links -> THREADS_API__LINK_LIMIT_EXCEEDED), status polling with
  ``fields=status``, ``POST /{user}/threads_publish``.
- Rate limiting answers 400 with code 80002 (Instagram) or 32 (Page) and an
  ``X-Business-Use-Case-Usage`` header with ``estimated_time_to_regain_access``.
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata

from . import images
from .server import ContractServer, Reply, Request

_LINK = re.compile(r"(?:https?://|www\.)[^\s]+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|fr|example|test)\b[^\s]*", re.I)


def error(
    message: str,
    code: int,
    subcode: int | None = None,
    kind: str = "OAuthException",
    status: int = 400,
    headers: dict | None = None,
) -> Reply:
    body = {"message": message, "type": kind, "code": code, "fbtrace_id": "AbCdEf012345"}
    if subcode is not None:
        body["error_subcode"] = subcode
        body["error_user_title"] = message
        body["error_user_msg"] = message
    return Reply(status, {"error": body}, dict(headers or {}))


def threads_length(text: str) -> int:
    """Meta: 'Text posts are limited to 500 characters. Emojis are counted as the number of UTF-8 bytes.'"""
    total = 0
    for char in text:
        emoji = unicodedata.category(char) == "So" or 0x1F000 <= ord(char) <= 0x1FAFF or char in "\u200d\ufe0f"
        total += len(char.encode("utf-8")) if emoji else 1
    return total


class GraphAPI(ContractServer):
    """What every Meta API shares: versioned paths, token check, error bodies, the call log."""

    version = "v25.0"

    def __init__(self, tokens: dict[str, str], fetch: images.Fetch | None = None, expired=(), **kwargs):
        super().__init__(**kwargs)
        self.tokens = dict(tokens)  # token -> the id it speaks for
        self.expired = set(expired)
        self.fetch = fetch or (lambda url: None)
        self.throttled = False
        self._ids = itertools.count(17_900_000_000_000_001)

    def new_id(self) -> str:
        return str(next(self._ids))

    def params(self, request: Request) -> dict[str, str]:
        values = dict(request.query)
        if request.method == "POST":
            kind = request.header("Content-Type") or ""
            if request.body and not kind.startswith("application/x-www-form-urlencoded"):
                return {"__bad_body__": kind}
            values.update(request.form())
        return values

    def handle(self, request: Request) -> Reply:
        parts = request.path.strip("/").split("/")
        if not parts or parts[0] != self.version:
            return error(f"Unknown path components: /{parts[0] if parts else ''}", 2500)
        params = self.params(request)
        if "__bad_body__" in params:
            return error("Unsupported post request: parameters must be form-encoded", 100, kind="GraphMethodException")
        token = params.get("access_token") or request.bearer()
        if not token:
            return error("An active access token must be used to query information about the current user.", 2500)
        if token in self.expired:
            return error("Error validating access token: Session has expired.", 190, 463)
        if token not in self.tokens:
            return error("Invalid OAuth access token - Cannot parse access token", 190)
        if self.throttled:
            usage = {
                self.tokens[token]: [
                    {
                        "type": "instagram",
                        "call_count": 100,
                        "total_cputime": 20,
                        "total_time": 30,
                        "estimated_time_to_regain_access": 42,
                    }
                ]
            }
            return error(
                self.throttle_message, self.throttle_code, headers={"X-Business-Use-Case-Usage": json.dumps(usage)}
            )
        return self.route(request.method, parts[1:], params, self.tokens[token])

    throttle_code = 80002
    throttle_message = "There have been too many calls to this Instagram account. Wait a bit and try again."

    def route(self, method: str, parts: list[str], params: dict, owner: str) -> Reply:  # each API overrides
        return error("Unsupported request", 100, kind="GraphMethodException")


class TwoStepAPI(GraphAPI):
    """Containers, their status, publishing them, a rolling publishing quota: Instagram and Threads alike."""

    quota_total = 50
    status_field = "status_code"
    publish_edge = "media_publish"
    spec = images.INSTAGRAM

    def __init__(self, *args, processing_polls: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.processing_polls = processing_polls
        self.containers: dict[str, dict] = {}
        self.published: dict[str, dict] = {}  # media id -> the container it came from
        self.quota_used = 0

    def route(self, method: str, parts: list[str], params: dict, owner: str) -> Reply:
        if len(parts) == 2 and mine(parts[0], owner) and method == "GET" and parts[1].endswith("publishing_limit"):
            return Reply(
                200,
                {
                    "data": [
                        {
                            "quota_usage": self.quota_used,
                            "config": {"quota_total": self.quota_total, "quota_duration": 86400},
                        }
                    ]
                },
            )
        if len(parts) == 2 and method == "POST" and parts[1] == self.create_edge:
            if not mine(parts[0], owner):
                return error("(#10) The user is not the owner of this account", 10)
            return self.create(params)
        if len(parts) == 2 and method == "POST" and parts[1] == self.publish_edge:
            return self.publish(params)
        if len(parts) == 1 and method == "GET" and parts[0] in self.containers:
            return self.status(parts[0])
        if len(parts) == 1 and method == "GET" and parts[0] in self.published:
            return Reply(200, {"id": parts[0], "permalink": self.permalink(parts[0])})
        return error(
            f"Unsupported {method} request. Object with ID '{'/'.join(parts)}' does not exist",
            100,
            33,
            kind="GraphMethodException",
        )

    def status(self, container: str) -> Reply:
        entry = self.containers[container]
        if entry["state"] == "IN_PROGRESS":
            entry["polls"] += 1
            if entry["polls"] > self.processing_polls:
                entry["state"] = "FINISHED"
        return Reply(200, {"id": container, self.status_field: entry["state"]})

    def publish(self, params: dict) -> Reply:
        container = self.containers.get(params.get("creation_id", ""))
        if container is None:
            return error("The media with the given id was not found", 100, 2207006)
        if container["state"] == "PUBLISHED":
            return error("The media has already been published", 100, 2207021)
        if container["state"] != "FINISHED":
            return error("The media is not ready for publishing, please wait for a moment", 9007, 2207027)
        if self.quota_used >= self.quota_total:
            return error(
                "You reached maximum number of posts that is allowed to be published by Content Publishing API",
                9,
                2207042,
            )
        self.quota_used += 1
        container["state"] = "PUBLISHED"
        media = self.new_id()
        self.published[media] = container
        return Reply(200, {"id": media})

    def image_problem(self, url: str) -> Reply | None:
        if not re.match(r"https?://[^/]+/", url or ""):
            return error("Param image_url must be a valid URL", 100, 2207052)
        found = images.problem(self.fetch(url), self.spec)
        replies = {
            "fetch": ("Media download has failed. The media URI doesn't meet our requirements.", 9004, 2207052),
            "format": ("The image format is not supported.", 36001, 2207005),
            "size": ("The image is too large to download. It should be less than 8 MiB.", 36000, 2207004),
            "width": ("The image width is outside the supported range.", 36003, 2207009),
            "ratio": (
                "The submitted image with aspect ratio cannot be published. Please submit an image with a "
                "valid aspect ratio.",
                36003,
                2207009,
            ),
        }
        return error(*replies[found]) if found else None

    def permalink(self, media: str) -> str:
        return f"https://www.instagram.com/p/{media}/"


def mine(given: str, owner: str) -> bool:
    """The path names the token's own account (Meta accepts 'me' for it)."""
    return given in (owner, "me")


class InstagramAPI(TwoStepAPI):
    create_edge = "media"

    def create(self, params: dict) -> Reply:
        caption = params.get("caption", "")
        if len(caption) > 2200:
            return error("The caption is too long: at most 2,200 characters", 100, 2207010)
        if len(re.findall(r"(?<!\w)#\w", caption)) > 30:
            return error("The caption has more than 30 hashtags", 100, 2207010)
        if len(re.findall(r"(?<![\w@])@[\w.]+", caption)) > 20:
            return error("The caption has more than 20 @ tags", 100, 2207010)
        if params.get("media_type") not in (None, "", "IMAGE"):
            return error("Only single images are published in this contract", 100)
        refused = self.image_problem(params.get("image_url", ""))
        if refused:
            return refused
        container = self.new_id()
        self.containers[container] = {
            "state": "IN_PROGRESS",
            "polls": 0,
            "caption": caption,
            "alt_text": params.get("alt_text", ""),
            "image_url": params["image_url"],
        }
        return Reply(200, {"id": container})


class ThreadsAPI(TwoStepAPI):
    version = "v1.0"
    quota_total = 250
    status_field = "status"
    publish_edge = "threads_publish"
    create_edge = "threads"
    spec = images.THREADS
    throttle_code = 4
    throttle_message = "Application request limit reached"

    def create(self, params: dict) -> Reply:
        text = params.get("text", "")
        kind = params.get("media_type")
        if kind not in ("TEXT", "IMAGE"):
            return error("Param media_type must be one of {TEXT, IMAGE, VIDEO, CAROUSEL}", 100, kind="THApiException")
        if threads_length(text) > 500:
            return error("Param text must be at most 500 characters long.", 100, kind="THApiException")
        if len(set(_LINK.findall(text))) > 5:
            return error(
                "THREADS_API__LINK_LIMIT_EXCEEDED: a post may contain at most 5 links",
                100,
                4279009,
                kind="THApiException",
            )
        if kind == "IMAGE":
            refused = self.image_problem(params.get("image_url", ""))
            if refused:
                return refused
        container = self.new_id()
        self.containers[container] = {
            "state": "IN_PROGRESS",
            "polls": 0,
            "text": text,
            "alt_text": params.get("alt_text", ""),
            "image_url": params.get("image_url"),
        }
        return Reply(200, {"id": container})

    def permalink(self, media: str) -> str:
        return f"https://www.threads.com/@leader/post/{media}"


class FacebookAPI(GraphAPI):
    throttle_code = 32
    throttle_message = "Page request limit reached"

    def __init__(self, *args, ppa_required: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.ppa_required = ppa_required
        self.posts: dict[str, dict] = {}

    def route(self, method: str, parts: list[str], params: dict, owner: str) -> Reply:
        if parts == ["me"] and method == "GET":
            return Reply(200, {"id": owner, "name": "Claire Morel"})
        if len(parts) == 2 and parts[1] == "feed" and method == "POST":
            if parts[0] != owner:
                return error(
                    "(#200) If posting to a page, requires both pages_read_engagement and "
                    "pages_manage_posts as an admin with sufficient administrative permission",
                    200,
                    status=403,
                )
            if self.ppa_required:
                return error(
                    "(#200) This Page requires Page Publishing Authorization before it can publish", 200, status=403
                )
            if not params.get("message") and not params.get("link"):
                return error("(#100) Missing message or attachment", 100)
            post = f"{owner}_{self.new_id()}"
            self.posts[post] = {"message": params.get("message", ""), "link": params.get("link", "")}
            return Reply(200, {"id": post})
        return error(f"Unsupported {method} request.", 100, 33, kind="GraphMethodException")
