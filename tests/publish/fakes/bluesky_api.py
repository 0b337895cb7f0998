"""Local stand-in for a Bluesky PDS (createSession, refreshSession, createRecord), following the atproto specs.

- ``com.atproto.server.createSession`` {identifier, password} -> {accessJwt,
  refreshJwt, did, handle}; wrong password -> 401 ``AuthenticationRequired``.
- ``com.atproto.server.refreshSession`` with the refresh token as Bearer.
- ``com.atproto.repo.createRecord`` with the access token as Bearer: absent ->
  401 ``AuthenticationRequired``; unknown -> 400 ``InvalidToken``; expired ->
  400 ``ExpiredToken``. The record is checked against the app.bsky.feed.post
  lexicon: text at most 300 graphemes and 3000 bytes, createdAt a datetime
  with a time zone, at most 3 langs, facets whose byte ranges lie inside the
  UTF-8 text on character boundaries (and, stricter than Bluesky, whose link
  or tag text matches the feature), an external embed with uri/title/description.
  Problems -> 400 ``InvalidRequest``.
- Errors are XRPC's ``{"error": Name, "message": ...}``. Every answer carries
  ``ratelimit-limit/remaining/reset/policy`` (reset in Unix seconds); past the
  limit -> 429 ``RateLimitExceeded``. createSession allows 30 per 5 minutes.
"""

from __future__ import annotations

import hashlib
import itertools
from datetime import datetime

import regex

from .server import ContractServer, RateWindow, Reply, Request

SESSION = "/xrpc/com.atproto.server.createSession"
REFRESH = "/xrpc/com.atproto.server.refreshSession"
CREATE = "/xrpc/com.atproto.repo.createRecord"
_TID_CHARS = "234567abcdefghijklmnopqrstuvwxyz"


def xrpc_error(name: str, message: str) -> dict:
    return {"error": name, "message": message}


def tid(n: int) -> str:
    """A 13-character record key in atproto's base32-sortable TID alphabet."""
    out = []
    for _ in range(13):
        out.append(_TID_CHARS[n & 31])
        n >>= 5
    return "".join(reversed(out))


class BlueskyAPI(ContractServer):
    def __init__(
        self,
        handle: str = "leader.example.com",
        password: str = "abcd-efgh-ijkl-mnop",
        did: str = "did:plc:u5cwb2mwiv2bfq53cjufe6yn",
        session_limit: int = 30,
        limit: int = 3000,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.account_handle, self.password, self.did = handle, password, did
        self.session_window = RateWindow(self.clock, session_limit, 5 * 60)
        self.window = RateWindow(self.clock, limit, 5 * 60)
        self.access: dict[str, bool] = {}  # token -> still valid
        self.refresh: dict[str, bool] = {}
        self.records: dict[str, dict] = {}
        self._serial = itertools.count(1)

    def expire_access_tokens(self) -> None:
        """What the PDS does after a couple of minutes: access tokens stop working."""
        for token in self.access:
            self.access[token] = False

    def _limits(self, window: RateWindow) -> dict[str, str]:
        return {
            "ratelimit-limit": str(window.limit),
            "ratelimit-remaining": str(window.remaining),
            "ratelimit-reset": str(window.reset_epoch),
            "ratelimit-policy": f"{window.limit};w={int(window.seconds)}",
        }

    def handle(self, request: Request) -> Reply:
        routes = {SESSION: self._session, REFRESH: self._refresh, CREATE: self._create}
        if request.method != "POST" or request.path not in routes:
            return Reply(404, xrpc_error("MethodNotImplemented", "Method Not Implemented"))
        window = self.session_window if request.path == SESSION else self.window
        if not window.take():
            return Reply(429, xrpc_error("RateLimitExceeded", "Rate Limit Exceeded"), self._limits(window))
        reply = routes[request.path](request)
        reply.headers.update(self._limits(window))
        return reply

    def _new_session(self) -> Reply:
        serial = next(self._serial)
        access, refresh = f"eyJ.access.{serial}.{self.did[-6:]}", f"eyJ.refresh.{serial}.{self.did[-6:]}"
        self.access[access], self.refresh[refresh] = True, True
        return Reply(
            200,
            {
                "accessJwt": access,
                "refreshJwt": refresh,
                "did": self.did,
                "handle": self.account_handle,
                "active": True,
            },
        )

    def _session(self, request: Request) -> Reply:
        try:
            body = request.json()
        except ValueError:
            return Reply(400, xrpc_error("InvalidRequest", "Request body must be JSON"))
        for name in ("identifier", "password"):
            if not isinstance(body, dict) or not isinstance(body.get(name), str):
                return Reply(400, xrpc_error("InvalidRequest", f'Input must have the property "{name}"'))
        if body["identifier"] not in (self.account_handle, self.did) or body["password"] != self.password:
            return Reply(401, xrpc_error("AuthenticationRequired", "Invalid identifier or password"))
        return self._new_session()

    def _refresh(self, request: Request) -> Reply:
        token = request.bearer()
        if not self.refresh.get(token or ""):
            return Reply(400, xrpc_error("ExpiredToken", "Token has expired"))
        self.refresh[token] = False  # refresh tokens are single-use
        return self._new_session()

    def _create(self, request: Request) -> Reply:
        token = request.bearer()
        if token is None:
            return Reply(401, xrpc_error("AuthenticationRequired", "Authentication Required"))
        if token not in self.access:
            return Reply(400, xrpc_error("InvalidToken", "Token could not be verified"))
        if not self.access[token]:
            return Reply(400, xrpc_error("ExpiredToken", "Token has expired"))
        try:
            body = request.json()
        except ValueError:
            return Reply(400, xrpc_error("InvalidRequest", "Request body must be JSON"))
        problem = check_create(body, self.did)
        if problem:
            return Reply(400, xrpc_error("InvalidRequest", problem))
        rkey = tid(1_700_000_000_000_000 + next(self._serial))
        uri = f"at://{self.did}/app.bsky.feed.post/{rkey}"
        self.records[uri] = body["record"]
        cid = "bafyrei" + hashlib.sha256(uri.encode()).hexdigest()[:52]
        return Reply(200, {"uri": uri, "cid": cid, "commit": {"cid": cid, "rev": rkey}, "validationStatus": "valid"})


def check_create(body, did: str) -> str | None:
    if not isinstance(body, dict):
        return "Input must be an object"
    if body.get("repo") not in (did,):
        return "Input/repo must be the session's DID"
    if body.get("collection") != "app.bsky.feed.post":
        return "Input/collection must be app.bsky.feed.post"
    record = body.get("record")
    if not isinstance(record, dict) or record.get("$type") != "app.bsky.feed.post":
        return "Invalid app.bsky.feed.post record: Record/$type must be app.bsky.feed.post"
    return check_post(record)


def check_post(record: dict) -> str | None:
    """The first lexicon problem in a post record, worded like the PDS's validation errors."""
    prefix = "Invalid app.bsky.feed.post record: "
    text = record.get("text")
    if not isinstance(text, str):
        return prefix + 'Record must have the property "text"'
    if len(regex.findall(r"\X", text)) > 300:
        return prefix + "Record/text must not be longer than 300 graphemes"
    if len(text.encode("utf-8")) > 3000:
        return prefix + "Record/text must not be longer than 3000 characters"
    try:
        when = datetime.fromisoformat(str(record.get("createdAt")).replace("Z", "+00:00"))
    except ValueError:
        return prefix + "Record/createdAt must be an valid atproto datetime (both RFC-3339 and ISO-8601)"
    if when.tzinfo is None:
        return prefix + "Record/createdAt must be an valid atproto datetime (both RFC-3339 and ISO-8601)"
    langs = record.get("langs", [])
    if not isinstance(langs, list) or len(langs) > 3 or not all(isinstance(x, str) and x for x in langs):
        return prefix + "Record/langs must be an array of at most 3 language codes"
    for i, facet in enumerate(record.get("facets", [])):
        problem = check_facet(text, facet)
        if problem:
            return prefix + f"Record/facets/{i}/{problem}"
    return check_embed(record.get("embed"), prefix)


def check_facet(text: str, facet) -> str | None:
    data = text.encode("utf-8")
    index = facet.get("index") if isinstance(facet, dict) else None
    if not isinstance(index, dict):
        return "index is required"
    start, end = index.get("byteStart"), index.get("byteEnd")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(data)):
        return f"index ({start}, {end}) must lie inside the text's {len(data)} bytes"
    try:
        covered = data[start:end].decode("utf-8")
    except UnicodeDecodeError:
        return f"index ({start}, {end}) cuts a UTF-8 character"
    features = facet.get("features")
    if not isinstance(features, list) or not features:
        return "features must be a non-empty array"
    for feature in features:
        kind = feature.get("$type") if isinstance(feature, dict) else None
        if kind == "app.bsky.richtext.facet#link":
            uri = str(feature.get("uri") or "")
            if not _shows(covered, uri):
                return f"features/0 link text {covered!r} does not show uri {uri!r}"
        elif kind == "app.bsky.richtext.facet#tag":
            if covered != "#" + str(feature.get("tag")):
                return f"features/0 tag text {covered!r} does not match tag {feature.get('tag')!r}"
        elif kind == "app.bsky.richtext.facet#mention":
            # the lexicon: the text is usually the handle with its '@'; the reference is a DID (format "did")
            did = str(feature.get("did") or "")
            if not regex.fullmatch(r"did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]", did):
                return f"features/0 mention did {did!r} is not a DID"
            if not regex.fullmatch(r"@[A-Za-z0-9.-]+", covered):
                return f"features/0 mention text {covered!r} is not an @handle"
        else:
            return f"features/0 has unknown $type {kind!r}"
    return None


def _shows(covered: str, uri: str) -> bool:
    """Link text may be the URI, the URI without its scheme, or a shortened start ending in '...'."""
    if not uri.startswith(("https://", "http://")):
        return False
    bare = uri.split("://", 1)[1]
    if covered in (uri, bare):
        return True
    for ellipsis in ("...", "…"):
        if covered.endswith(ellipsis):
            start = covered[: -len(ellipsis)]
            return bool(start) and (uri.startswith(start) or bare.startswith(start))
    return False


def check_embed(embed, prefix: str) -> str | None:
    if embed is None:
        return None
    if not isinstance(embed, dict) or embed.get("$type") != "app.bsky.embed.external":
        return prefix + "Record/embed must be one of the embed types (here: app.bsky.embed.external)"
    external = embed.get("external")
    if not isinstance(external, dict):
        return prefix + 'Record/embed must have the property "external"'
    for name in ("uri", "title", "description"):
        if not isinstance(external.get(name), str):
            return prefix + f'Record/embed/external must have the property "{name}"'
    return None
