"""Local stand-in for Pinterest API v5 (boards and ``POST /v5/pins``), following its published contract.

- ``Authorization: Bearer <token>``; missing or unknown -> 401
  ``{"code": 2, "message": "Authentication failed."}``; a token without the
  pins:write scope -> 403 ``{"code": 3, ...}``.
- ``GET /v5/boards/{board_id}`` -> the board, or 404 ``{"code": 40, "message": "Board not found."}``.
- ``POST /v5/pins`` with a JSON PinCreate: ``board_id`` (required, an existing
  board), ``media_source`` ``{"source_type": "image_url", "url"}`` (required;
  the image is downloaded: JPEG or PNG, at most 20 MB), ``title`` (at most
  100 characters), ``description`` (800), ``link`` (2048), ``alt_text`` (500).
  Invalid -> 400 ``{"code": 1, "message": "Invalid parameters. ..."}``;
  success -> 201 with the Pin.
"""

from __future__ import annotations

import itertools

from . import images
from .server import ContractServer, Reply, Request

LIMITS = {"title": 100, "description": 800, "link": 2048, "alt_text": 500}


class PinterestAPI(ContractServer):
    def __init__(
        self,
        tokens=("pina_token_0123456789",),
        boards=("1234567890123",),
        fetch: images.Fetch | None = None,
        read_only=(),
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.tokens = set(tokens)
        self.read_only = set(read_only)
        self.boards = set(boards)
        self.fetch = fetch or (lambda url: None)
        self.pins: dict[str, dict] = {}
        self._ids = itertools.count(987_654_321_000_001)

    def handle(self, request: Request) -> Reply:
        token = request.bearer()
        if token not in self.tokens:
            return Reply(401, {"code": 2, "message": "Authentication failed."})
        if request.method == "GET" and request.path.startswith("/v5/boards/"):
            board = request.path.rsplit("/", 1)[-1]
            if board not in self.boards:
                return Reply(404, {"code": 40, "message": "Board not found."})
            return Reply(200, {"id": board, "name": "Blog", "privacy": "PUBLIC"})
        if request.method == "POST" and request.path == "/v5/pins":
            if token in self.read_only:
                return Reply(403, {"code": 3, "message": "Your application consumer type is not supported."})
            return self._create(request)
        return Reply(404, {"code": 404, "message": "Resource not found."})

    def _invalid(self, detail: str) -> Reply:
        return Reply(400, {"code": 1, "message": f"Invalid parameters. {detail}"})

    def _create(self, request: Request) -> Reply:
        if not (request.header("Content-Type") or "").startswith("application/json"):
            return Reply(415, {"code": 1, "message": "Unsupported media type: send application/json."})
        try:
            body = request.json()
        except ValueError:
            return self._invalid("The request body is not JSON.")
        if not isinstance(body, dict) or not str(body.get("board_id") or "").isdigit():
            return self._invalid("'board_id' is a required property")
        if body["board_id"] not in self.boards:
            return Reply(404, {"code": 40, "message": "Board not found."})
        source = body.get("media_source")
        if not isinstance(source, dict) or source.get("source_type") != "image_url" or not source.get("url"):
            return self._invalid("'media_source' needs source_type 'image_url' and a url")
        for field, most in LIMITS.items():
            value = body.get(field)
            if value is not None and (not isinstance(value, str) or len(value) > most):
                return self._invalid(f"'{field}' is too long (at most {most} characters)")
        found = images.problem(self.fetch(source["url"]), images.PINTEREST)
        if found:
            return self._invalid(f"Sorry we could not fetch the image ({found}).")
        pin = str(next(self._ids))
        self.pins[pin] = {k: body.get(k) for k in ("board_id", "title", "description", "link", "alt_text")}
        self.pins[pin]["image"] = source["url"]
        return Reply(201, {"id": pin, **self.pins[pin], "media": {"media_type": "image"}})
