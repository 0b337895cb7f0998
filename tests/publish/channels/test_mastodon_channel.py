"""The Mastodon client against a local server following Mastodon's contract for POST /api/v1/statuses."""

from __future__ import annotations

import pytest

from podium.publish.channels import MissingCredential, PermanentError
from podium.publish.channels.mastodon import MastodonChannel, idempotency_key, instance_url


def test_mastodon_client_against_local_mastodon_contract_server_sends_form_with_idempotency_key(
    make_network, make_share
):
    m = make_network("mastodon")
    with m.client() as client:
        posted = client.post(make_share(share_id="rentree:mastodon:0", text="Bonjour 👋", lang="fr-FR"))
    request = m.server.requests[0]
    assert (request.method, request.path) == ("POST", "/api/v1/statuses")
    assert request.header("Authorization") == "Bearer masto-token-abcdef123456"
    assert request.header("Idempotency-Key") == idempotency_key("rentree:mastodon:0")
    assert request.form() == {"status": "Bonjour 👋", "visibility": "public", "language": "fr"}
    assert posted.remote_id == "113000000000000001"
    assert posted.url == f"{m.server.base_url}/@leader/113000000000000001"


def test_mastodon_client_against_local_mastodon_contract_server_is_deduplicated_on_rerun(make_network, make_share):
    """A crash after Mastodon created the status but before the ledger saw it: the rerun gets the same status."""
    m = make_network("mastodon")
    with m.client() as first_run:
        before = first_run.post(make_share())
    m.clock.advance(20 * 60)
    with m.client() as second_run:
        after = second_run.post(make_share())
    assert after == before
    assert len(m.server.statuses) == 1


def test_mastodon_client_against_local_mastodon_contract_server_retry_after_lost_answer_creates_one_status(
    make_network, make_share
):
    m = make_network("mastodon")
    with m.client() as client:
        client.post(make_share(share_id="a"))  # created, and the answer arrived
        m.server.queue(504, {"error": "gateway timeout"})  # the next answer is lost at a proxy...
        posted = client.post(make_share(share_id="a"))  # ...the retry carries the same key
    assert len(m.server.statuses) == 1
    assert posted.remote_id == "113000000000000001"
    keys = {r.header("Idempotency-Key") for r in m.server.requests}
    assert keys == {idempotency_key("a")}


def test_mastodon_idempotency_keys_differ_per_share():
    assert idempotency_key("a") != idempotency_key("b")
    assert idempotency_key("a") == idempotency_key("a")


def test_mastodon_client_against_local_mastodon_contract_server_waits_until_x_ratelimit_reset(make_network, make_share):
    m = make_network("mastodon", limit=1)
    with m.client() as client:
        client.post(make_share(share_id="a", text="un"))
        client.post(make_share(share_id="b", text="deux"))
    assert m.clock.sleeps == [300.0]  # X-RateLimit-Reset: the end of the 5-minute window, as ISO 8601
    assert len(m.server.statuses) == 2


def test_mastodon_client_against_local_mastodon_contract_server_reports_validation_failures(make_network, make_share):
    m = make_network("mastodon", max_characters=20)
    with m.client() as client, pytest.raises(PermanentError) as info:
        client.post(make_share(text="x" * 21))
    assert str(info.value) == (
        "Mastodon refused the status (HTTP 422: Validation failed: Text character limit of "
        "20 exceeded); the instance rejected the text (too long, or empty): fix the "
        "Mastodon teaser"
    )


def test_mastodon_client_against_local_mastodon_contract_server_reports_a_missing_scope(make_network, make_share):
    m = make_network("mastodon", tokens={"masto-token-abcdef123456": {"read"}})
    with m.client() as client, pytest.raises(PermanentError) as info:
        client.post(make_share())
    assert info.value.status == 403
    assert "This action is outside the authorized scopes" in str(info.value)
    assert "write:statuses" in str(info.value)


def test_mastodon_instance_must_be_https_except_on_this_machine():
    with pytest.raises(MissingCredential) as info:
        MastodonChannel.from_env(
            {"PODIUM_MASTODON_INSTANCE": "http://mastodon.social", "PODIUM_MASTODON_ACCESS_TOKEN": "t"}
        )
    assert str(info.value) == (
        "PODIUM_MASTODON_INSTANCE must be an https:// address; received 'http://mastodon.social'"
    )
    assert instance_url("mastodon.social/") == "https://mastodon.social"
