"""The Bluesky client against a local PDS following the atproto contract (createSession, createRecord)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.publish.channels import PermanentError
from podium.publish.channels.bluesky import BlueskyChannel, created_at
from podium.publish.channels.richtext import facets
from tests.publish.fakes.bluesky_api import check_facet


def test_bluesky_client_against_local_pds_contract_server_logs_in_then_creates_the_record(make_network, make_share):
    bsky = make_network("bluesky")
    text = "Rentrée ☕ 🇫🇷 : lire https://blog.example.org/rentrée-2027/ #Éducation"
    with bsky.client() as client:
        posted = client.post(make_share(text=text))
    login, create = bsky.server.requests
    assert login.path == "/xrpc/com.atproto.server.createSession"
    assert login.json() == {"identifier": "leader.example.com", "password": "abcd-efgh-ijkl-mnop"}
    assert create.path == "/xrpc/com.atproto.repo.createRecord"
    assert create.header("Authorization") == "Bearer " + next(iter(bsky.server.access))
    body = create.json()
    assert body["repo"] == "did:plc:u5cwb2mwiv2bfq53cjufe6yn"
    assert body["collection"] == "app.bsky.feed.post"
    record = body["record"]
    assert record["$type"] == "app.bsky.feed.post"
    assert record["text"] == text
    assert record["createdAt"] == "2027-03-02T09:00:00.000Z"
    assert record["langs"] == ["fr"]
    assert record["embed"] == {
        "$type": "app.bsky.embed.external",
        "external": {
            "uri": "https://blog.example.org/rentree-2027/",
            "title": "La rentrée 2027",
            "description": "Trois priorités pour l'année.",
        },
    }
    data = text.encode("utf-8")
    link, tag = record["facets"]
    assert (
        data[link["index"]["byteStart"] : link["index"]["byteEnd"]].decode() == "https://blog.example.org/rentrée-2027/"
    )
    assert link["index"] == {"byteStart": 29, "byteEnd": 68}  # 'é', '☕' and the flag take 2, 3 and 8 bytes
    assert link["features"] == [
        {"$type": "app.bsky.richtext.facet#link", "uri": "https://blog.example.org/rentrée-2027/"}
    ]
    assert data[tag["index"]["byteStart"] : tag["index"]["byteEnd"]].decode() == "#Éducation"
    rkey = posted.remote_id.rsplit("/", 1)[-1]
    assert posted.remote_id == f"at://did:plc:u5cwb2mwiv2bfq53cjufe6yn/app.bsky.feed.post/{rkey}"
    assert posted.url == f"https://bsky.app/profile/leader.example.com/post/{rkey}"


def test_bluesky_contract_server_rejects_facets_counted_in_characters_instead_of_bytes():
    text = "Café https://ex.org"
    by_characters = {
        "index": {"byteStart": 5, "byteEnd": 19},
        "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://ex.org"}],
    }
    assert check_facet(text, by_characters) == (
        "features/0 link text ' https://ex.or' does not show uri 'https://ex.org'"
    )
    assert check_facet(text, facets(text)[0]) is None


def test_bluesky_contract_server_rejects_a_facet_cutting_a_character():
    text = "🙂 https://ex.org"
    assert (
        check_facet(text, {"index": {"byteStart": 2, "byteEnd": 10}, "features": []})
        == "index (2, 10) cuts a UTF-8 character"
    )


_words = st.text(alphabet=st.sampled_from(list("aéü ☕🇫🇷中#.,()")), max_size=12)


@settings(max_examples=150, deadline=None)
@given(_words, st.sampled_from(["https://ex.org/é", "https://a.b/c_(d)", "http://x.y"]), _words)
def test_bluesky_link_facets_point_at_the_link_whatever_comes_before(before, url, after):
    text = f"{before} {url} {after}"
    links = [f for f in facets(text) if f["features"][0]["$type"].endswith("#link")]
    assert links and all(check_facet(text, f) is None for f in facets(text))
    first = links[0]
    data = text.encode("utf-8")
    assert data[first["index"]["byteStart"] : first["index"]["byteEnd"]].decode() == first["features"][0]["uri"]


def test_bluesky_client_against_local_pds_contract_server_refreshes_an_expired_token(make_network, make_share):
    bsky = make_network("bluesky")
    with bsky.client() as client:
        client.post(make_share(text="un"))
        bsky.server.expire_access_tokens()
        client.post(make_share(text="deux"))
    paths = [r.path.rsplit(".", 1)[-1] for r in bsky.server.requests]
    assert paths == ["createSession", "createRecord", "createRecord", "refreshSession", "createRecord"]
    assert len(bsky.server.records) == 2


def test_bluesky_client_against_local_pds_contract_server_reports_a_wrong_app_password(make_network, make_share):
    bsky = make_network("bluesky", password="zzzz-zzzz-zzzz-zzzz")
    with bsky.client() as client, pytest.raises(PermanentError) as info:
        client.post(make_share())
    assert str(info.value) == (
        "Bluesky refused the login (HTTP 401: AuthenticationRequired: Invalid identifier or password); "
        "PODIUM_BLUESKY_HANDLE or PODIUM_BLUESKY_APP_PASSWORD is wrong, or the app password was revoked: "
        "create an app password in Bluesky's settings"
    )


def test_bluesky_client_against_local_pds_contract_server_reports_a_post_over_300_graphemes(make_network, make_share):
    bsky = make_network("bluesky")
    with bsky.client() as client, pytest.raises(PermanentError) as info:
        client.post(make_share(text="é" * 301))
    assert info.value.code == "InvalidRequest"
    assert "Record/text must not be longer than 300 graphemes" in str(info.value)


def test_bluesky_client_against_local_pds_contract_server_waits_for_ratelimit_reset(make_network, make_share):
    bsky = make_network("bluesky", session_limit=1)
    with bsky.client() as first:
        first.post(make_share(text="un"))
    with bsky.client() as second:  # a new run logs in again and meets createSession's limit
        second.post(make_share(text="deux"))
    assert bsky.clock.sleeps == [300.0]


def test_bluesky_client_keeps_session_tokens_out_of_errors(make_network, make_share):
    bsky = make_network("bluesky")
    with bsky.client() as client:
        client.post(make_share(text="un"))
        access = next(iter(bsky.server.access))
        bsky.server.queue(403, {"error": "Forbidden", "message": f"token {access} may not write"})
        with pytest.raises(PermanentError) as info:
            client.post(make_share(text="deux"))
    assert access not in str(info.value) and "[redacted]" in str(info.value)


def test_bluesky_created_at_is_utc_with_z():
    from zoneinfo import ZoneInfo

    moment = datetime(2027, 3, 2, 10, 30, 15, 123456, tzinfo=ZoneInfo("Europe/Paris"))
    assert created_at(moment) == "2027-03-02T09:30:15.123Z"
    with pytest.raises(ValueError):
        created_at(datetime(2027, 3, 2))
    assert created_at(datetime(2027, 3, 2, tzinfo=UTC)) == "2027-03-02T00:00:00.000Z"


def test_bluesky_pds_comes_from_the_environment():
    client = BlueskyChannel.from_env(
        {
            "PODIUM_BLUESKY_HANDLE": "@me.bsky.social",
            "PODIUM_BLUESKY_APP_PASSWORD": "p",
            "PODIUM_BLUESKY_PDS": "https://pds.example",
        }
    )
    assert client.base_url == "https://pds.example" and client.handle == "me.bsky.social"
    client.close()


def test_bluesky_client_against_local_pds_contract_server_sends_the_teasers_short_link_with_its_tracked_uri(
    make_network, make_share
):
    from podium.plugins.teasers.generate import teasers_for
    from tests.plugins.teasers.factory import config, post_view

    view = post_view(
        {"title": "Rentrée", "slug": "rentree", "lang": "fr", "tags": ["éducation"]},
        "Trois priorités pour l’année, et une méthode pour les tenir toutes.",
    )
    teaser = next(t for t in teasers_for(view, config(networks=("bluesky",))).teasers)
    assert "blog.example.org/rentree.html…" in teaser.text and "utm_" not in teaser.text
    bsky = make_network("bluesky")
    with bsky.client() as client:
        client.post(make_share(text=teaser.text, url=teaser.url))
    record = bsky.server.requests[-1].json()["record"]
    assert record["text"] == teaser.text
    assert record["facets"] == [dict(f) for f in teaser.facets]  # what teasers.json shows is what is sent
    (link,) = [f for f in record["facets"] if "uri" in f["features"][0]]
    assert (
        link["features"][0]["uri"]
        == "https://blog.example.org/rentree.html?utm_source=bluesky&utm_medium=social&utm_campaign=rentree"
    )
    shown = teaser.text.encode("utf-8")[link["index"]["byteStart"] : link["index"]["byteEnd"]].decode("utf-8")
    assert shown == "blog.example.org/rentree.html…"
