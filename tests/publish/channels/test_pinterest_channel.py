"""The Pinterest client against a local server following Pinterest API v5's contract for boards and pins."""

from __future__ import annotations

import pytest

from podium.plugins.errors import BadInput
from podium.publish.channels import PermanentError
from podium.publish.channels.pinterest import PinterestChannel, clip
from tests.publish.fakes.images import sample

from .conftest import IMAGES, PINTEREST_BOARD, PINTEREST_TOKEN


def test_pinterest_client_against_local_v5_api_creates_a_pin_with_its_separate_fields(make_network, make_share):
    pin = make_network("pinterest")
    with pin.client() as client:
        client.preflight()
        posted = client.post(make_share(network="pinterest", text="Trois priorités pour l'année scolaire."))
    board, create = pin.server.requests
    assert (board.method, board.path) == ("GET", f"/v5/boards/{PINTEREST_BOARD}")
    assert (create.method, create.path, create.bearer()) == ("POST", "/v5/pins", PINTEREST_TOKEN)
    assert create.json() == {
        "board_id": PINTEREST_BOARD,
        "media_source": {"source_type": "image_url", "url": IMAGES["pinterest"][0]},
        "title": "La rentrée 2027",
        "description": "Trois priorités pour l'année scolaire.",
        "link": "https://blog.example.org/rentree-2027/",
        "alt_text": "La rentrée 2027 — Claire Morel",
    }
    assert posted.url == f"https://www.pinterest.com/pin/{posted.remote_id}/"
    assert pin.server.pins[posted.remote_id]["image"] == IMAGES["pinterest"][0]


def test_pinterest_preflight_against_local_v5_api_names_an_unknown_board(make_network):
    pin = make_network("pinterest")
    client = PinterestChannel.from_env(
        {"PODIUM_PINTEREST_ACCESS_TOKEN": PINTEREST_TOKEN},
        board_id="999",
        base_url=pin.server.base_url,
        sleep=pin.clock.sleep,
        clock=pin.clock.now,
    )
    with client, pytest.raises(BadInput) as info:
        client.preflight()
    assert str(info.value) == (
        "PODIUM_PINTEREST_BOARD: Pinterest has no board '999' for this account; copy the id "
        "of one of your boards (GET /v5/boards lists them)"
    )


def test_pinterest_client_against_local_v5_api_explains_an_expired_token_and_a_missing_scope(make_network, make_share):
    pin = make_network("pinterest")
    client = PinterestChannel.from_env(
        {"PODIUM_PINTEREST_ACCESS_TOKEN": "pina_old"},
        board_id=PINTEREST_BOARD,
        base_url=pin.server.base_url,
        sleep=pin.clock.sleep,
        clock=pin.clock.now,
    )
    with client, pytest.raises(PermanentError) as info:
        client.post(make_share(network="pinterest"))
    assert str(info.value) == (
        "Pinterest refused the Pin (HTTP 401: Authentication failed.); "
        "PODIUM_PINTEREST_ACCESS_TOKEN is expired or revoked (Pinterest access tokens last 30 "
        "days): refresh it and update the variable"
    )
    pin.server.read_only.add(PINTEREST_TOKEN)
    with pin.client() as client, pytest.raises(PermanentError) as info:
        client.post(make_share(network="pinterest"))
    assert str(info.value).endswith(
        "the token lacks a scope: it needs boards:read and pins:write (pins:write_secret for a secret board)"
    )


def test_pinterest_client_against_local_v5_api_reports_an_image_pinterest_cannot_fetch(make_network, make_share):
    pin = make_network("pinterest")
    pin.server.fetch = lambda url: b"<html>not found</html>"
    with pin.client() as client, pytest.raises(PermanentError) as info:
        client.post(make_share(network="pinterest"))
    assert info.value.status == 400
    assert "Sorry we could not fetch the image (format)." in str(info.value)
    assert pin.server.pins == {}


def test_pinterest_client_keeps_each_field_within_its_limit(make_network, make_share):
    pin = make_network("pinterest")
    title = "Une très longue réflexion " * 10
    with pin.client() as client:
        posted = client.post(make_share(network="pinterest", title=title, image_alt="Photo " * 120))
    sent = pin.server.pins[posted.remote_id]
    assert len(sent["title"]) <= 100 and sent["title"].endswith(" longue…")
    assert len(sent["alt_text"]) <= 500
    with pin.client() as client, pytest.raises(PermanentError) as info:
        client.post(make_share(network="pinterest", text="x" * 801))
    assert str(info.value) == "the Pin's description is 801 characters, over Pinterest's 800; shorten it"


@pytest.mark.parametrize(
    "text,most,expected",
    [("court", 10, "court"), ("un deux trois quatre", 10, "un deux…"), ("anticonstitutionnellement", 10, "anticonst…")],
)
def test_clip_cuts_after_a_whole_word(text, most, expected):
    assert clip(text, most) == expected and len(clip(text, most)) <= most


def test_pinterest_fake_refuses_a_pin_image_over_twenty_megabytes(make_network, make_share):
    pin = make_network("pinterest")
    pin.server.fetch = lambda url: sample(1000, 1500) + b"\0" * (20 * 1024 * 1024)
    with pin.client() as client, pytest.raises(PermanentError) as info:
        client.post(make_share(network="pinterest"))
    assert "(size)" in str(info.value)


def test_pinterest_preflight_against_local_v5_api_names_an_unknown_board_in_french(make_network, monkeypatch):
    monkeypatch.setenv("PODIUM_UI_LANG", "fr")
    pin = make_network("pinterest")
    client = PinterestChannel.from_env(
        {"PODIUM_PINTEREST_ACCESS_TOKEN": PINTEREST_TOKEN},
        board_id="999",
        base_url=pin.server.base_url,
        sleep=pin.clock.sleep,
        clock=pin.clock.now,
    )
    with client, pytest.raises(BadInput) as info:
        client.preflight()
    assert str(info.value) == (
        "PODIUM_PINTEREST_BOARD\u00a0: Pinterest n\u2019a pas de tableau '999' pour ce compte\u202f; "
        "copiez l\u2019identifiant de l\u2019un de vos tableaux (GET /v5/boards les liste)"
    )
