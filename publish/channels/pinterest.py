"""Pinterest client: API v5, ``POST /v5/pins`` on one board, the image fetched from the deployed site.

A Pin has separate fields, each with its own limit in the API's PinCreate
schema: ``title`` (100), ``description`` (800), ``link`` (2048) and
``alt_text`` (500); the picture is ``media_source`` of ``source_type``
``image_url``, which Pinterest downloads. ``preflight`` asks for the board
(``GET /v5/boards/{board_id}``) so an unknown board is bad input before
anything is sent. Sent once: Pinterest has no idempotency key.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from podium.plugins import networks
from podium.plugins.errors import BadInput
from podium.plugins.i18n import _
from podium.plugins.teasers.networks import PINTEREST_FIELDS, clip, pin_fields

from .base import Channel, PermanentError, Posted, check_image_url, require, single_text

NETWORK = networks.get("pinterest")
TOKEN_VAR = NETWORK.variable("ACCESS_TOKEN")
API_VAR = NETWORK.variable("API")
API = "https://api.pinterest.com"
LIMITS = PINTEREST_FIELDS
BOARD_SETTING = "PODIUM_PINTEREST_BOARD"


def pin_url(pin_id: str) -> str:
    return f"https://www.pinterest.com/pin/{pin_id}/"


class PinterestChannel(Channel):
    name = NETWORK.key
    label = NETWORK.name

    def __init__(self, token: str, board_id: str = "", *, base_url: str = API, **kwargs: Any):
        super().__init__(base_url=base_url, secrets=[token], **kwargs)
        self._token = token
        self.board_id = board_id

    @classmethod
    def from_env(cls, environ: Mapping[str, str], board_id: str = "", **kwargs: Any) -> PinterestChannel:
        """Reads PODIUM_PINTEREST_ACCESS_TOKEN (scopes boards:read, pins:write) and optional PODIUM_PINTEREST_API."""
        token = require(environ, TOKEN_VAR, cls.name, cls.label)
        kwargs.setdefault("base_url", (environ.get(API_VAR) or "").strip() or API)
        return cls(token, board_id, **kwargs)

    def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._token}"}

    def preflight(self) -> None:
        """Bad input (exit 2, nothing sent) when the board does not exist or the token cannot see it."""
        try:
            self.send("GET", f"/v5/boards/{self.board_id}", what=_("the board"), headers=self._auth())
        except PermanentError as exc:
            if exc.status == 404:
                raise BadInput(
                    _(
                        "{setting}: Pinterest has no board {board!r} for this account; "
                        "copy the id of one of your boards (GET /v5/boards lists them)",
                        setting=BOARD_SETTING,
                        board=self.board_id,
                    )
                ) from None
            raise BadInput(
                _(
                    "{setting}: Pinterest refused to show board {board!r} ({exc})",
                    setting=BOARD_SETTING,
                    board=self.board_id,
                    exc=exc,
                )
            ) from None

    def payload(self, share: Any, image: str) -> dict:
        title = getattr(share, "title", "") or share.slug
        return {
            "board_id": self.board_id,
            "media_source": {"source_type": "image_url", "url": image},
            "title": pin_fields(title, share.url)["title"],
            "description": single_text(share),
            "link": share.url,
            "alt_text": clip(getattr(share, "image_alt", "") or title, LIMITS["alt_text"]),
        }

    def post(self, share: Any) -> Posted:
        image = check_image_url(share, self.name, self.label)
        body = self.payload(share, image)
        for field, most in LIMITS.items():
            if len(body[field]) > most:
                raise PermanentError(
                    _(
                        "the Pin's {field} is {length} characters, over Pinterest's {most}; shorten it",
                        field=field,
                        length=len(body[field]),
                        most=most,
                    ),
                    network=self.name,
                )
        response = self.send("POST", "/v5/pins", what=_("the Pin"), once=True, json=body, headers=self._auth())
        try:
            pin = str(response.json()["id"])
        except (ValueError, KeyError, TypeError):
            raise PermanentError(
                _("Pinterest answered without the Pin's id; look at the board before sending it again"),
                network=self.name,
                uncertain=True,
            ) from None
        return Posted(pin, pin_url(pin))

    def error_detail(self, response: httpx.Response) -> tuple[str, str | None]:
        """Pinterest answers errors as {"code": <number>, "message": "..."}."""
        try:
            body = response.json()
        except ValueError:
            return response.text[:200], None
        if not isinstance(body, dict):
            return str(body)[:200], None
        code = body.get("code")
        return str(body.get("message") or ""), (str(code) if code is not None else None)

    def advice(self, status: int, code: str | None) -> str:
        if status == 401:
            return (
                f"{TOKEN_VAR} is expired or revoked (Pinterest access tokens last 30 days): refresh it "
                "and update the variable"
            )
        if status == 403:
            return "the token lacks a scope: it needs boards:read and pins:write (pins:write_secret for a secret board)"
        if status == 404:
            return f"the board {self.board_id} is gone or not this account's: set {BOARD_SETTING} to one of your boards"
        return super().advice(status, code)
