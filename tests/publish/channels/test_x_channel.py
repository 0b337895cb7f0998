"""The X client against a local server following X API v2's contract for POST /2/tweets."""

from __future__ import annotations

import pytest

from podium.publish.channels import MissingCredential, PermanentError, TransientError
from podium.publish.channels.x import XChannel


def test_x_client_against_local_x_api_contract_server_posts_json_with_bearer_token(make_network, make_share):
    x = make_network("x")
    with x.client() as client:
        posted = client.post(make_share(text="Bonjour"))
    request = x.server.requests[0]
    assert (request.method, request.path) == ("POST", "/2/tweets")
    assert request.header("Authorization") == "Bearer x-user-token-0123456789"
    assert request.header("Content-Type") == "application/json"
    assert request.json() == {"text": "Bonjour"}
    assert posted.remote_id == "1790000000000000001"
    assert posted.url == "https://x.com/i/web/status/1790000000000000001"
    assert posted.thread_ids == ("1790000000000000001",)


def test_x_client_against_local_x_api_contract_server_posts_a_thread_as_chained_replies(make_network, make_share):
    x = make_network("x")
    with x.client() as client:
        posted = client.post(make_share(text=("1/3 Début", "2/3 Milieu", "3/3 Fin")))
    bodies = [r.json() for r in x.server.requests]
    first, second, third = posted.thread_ids
    assert bodies == [
        {"text": "1/3 Début"},
        {"text": "2/3 Milieu", "reply": {"in_reply_to_tweet_id": first}},
        {"text": "3/3 Fin", "reply": {"in_reply_to_tweet_id": second}},
    ]
    assert x.server.tweets[third]["in_reply_to"] == second
    assert posted.remote_id == first and posted.url.endswith("/" + first)


def test_x_client_against_local_x_api_contract_server_reports_what_went_out_when_a_thread_breaks(
    make_network, make_share
):
    x = make_network("x")
    x.server.tweets["1"] = {"text": "2/2 suite", "in_reply_to": None}  # X will call part 2 a duplicate
    with x.client() as client, pytest.raises(PermanentError) as info:
        client.post(make_share(text=("1/2 début", "2/2 suite")))
    assert info.value.partial is not None
    assert info.value.partial.thread_ids == ("1790000000000000001",)
    assert "part 2 of the thread" in str(info.value)


def test_x_client_against_local_x_api_contract_server_waits_for_the_rate_limit_window_reset(make_network, make_share):
    x = make_network("x", limit=1)
    with x.client(max_total_wait=1200) as client:
        client.post(make_share(text="premier"))
        client.post(make_share(text="second"))
    # the second post met a 429 whose x-rate-limit-reset was the end of the 15-minute window
    assert x.clock.sleeps == [900.0]
    assert len(x.server.tweets) == 2


def test_x_client_against_local_x_api_contract_server_gives_up_when_the_window_is_too_far(make_network, make_share):
    x = make_network("x", limit=1)
    with x.client(max_total_wait=300) as client:
        client.post(make_share(text="premier"))
        with pytest.raises(TransientError) as info:
            client.post(make_share(text="second"))
    assert str(info.value) == (
        "X asked to wait 900s (x-rate-limit-reset) before the post, beyond podium's "
        "limit of 300s; the share stays due and the next run will send it"
    )


def test_x_client_against_local_x_api_contract_server_refuses_a_bad_token(make_network, make_share):
    x = make_network("x")
    client = XChannel.from_env(
        {"PODIUM_X_ACCESS_TOKEN": "revoked-token-42"},
        base_url=x.server.base_url,
        sleep=x.clock.sleep,
        clock=x.clock.now,
    )
    with client, pytest.raises(PermanentError) as info:
        client.post(make_share())
    assert str(info.value) == (
        "X refused the post (HTTP 401: Unauthorized); PODIUM_X_ACCESS_TOKEN is wrong "
        "or expired (an OAuth 2.0 token lasts two hours): renew it, or use OAuth 1.0a "
        "tokens, which do not expire"
    )
    assert x.clock.sleeps == []


def test_x_client_against_local_x_api_contract_server_explains_a_duplicate(make_network, make_share):
    x = make_network("x")
    with x.client() as client:
        client.post(make_share(text="Même texte"))
        with pytest.raises(PermanentError) as info:
            client.post(make_share(text="Même texte"))
    assert info.value.status == 403
    assert "You are not allowed to create a Tweet with duplicate content." in str(info.value)
    assert "if this share went out on an earlier attempt" in str(info.value)


def test_x_client_against_local_x_api_contract_server_reads_invalid_request_problems(make_network, make_share):
    x = make_network("x")
    with x.client() as client, pytest.raises(PermanentError) as info:
        client.post(make_share(text=""))
    assert info.value.status == 400
    assert info.value.code == "https://api.twitter.com/2/problems/invalid-request"
    assert "$.text: a non-empty string is required" in str(info.value)


def test_x_credentials_come_from_the_environment_only():
    with pytest.raises(MissingCredential) as info:
        XChannel.from_env({"PODIUM_X_ACCESS_TOKEN": "   "})
    assert info.value.variable == "PODIUM_X_ACCESS_TOKEN"


def _oauth1_env(secret: str = "x-access-token-secret-89") -> dict[str, str]:
    return {
        "PODIUM_X_API_KEY": "x-api-key-0123",
        "PODIUM_X_API_SECRET": "x-api-secret-4567",
        "PODIUM_X_ACCESS_TOKEN": "1790-x-access-token",
        "PODIUM_X_ACCESS_TOKEN_SECRET": secret,
    }


def test_x_client_against_local_x_api_contract_server_signs_with_oauth_1a_user_tokens(make_network, make_share):
    x = make_network("x")
    client = XChannel.from_env(_oauth1_env(), base_url=x.server.base_url, sleep=x.clock.sleep, clock=x.clock.now)
    with client:
        posted = client.post(make_share(text=("1/2 Début", "2/2 Fin")))
    headers = [r.header("Authorization") for r in x.server.requests]
    assert all(h.startswith('OAuth oauth_consumer_key="x-api-key-0123", oauth_nonce="') for h in headers)
    assert all('oauth_signature_method="HMAC-SHA1"' in h and 'oauth_token="1790-x-access-token"' in h for h in headers)
    assert len(x.server.nonces) == 2 and len(posted.thread_ids) == 2
    assert all(f'oauth_timestamp="{int(x.clock.now().timestamp())}"' in h for h in headers)


def test_x_client_against_local_x_api_contract_server_signs_each_retry_afresh(make_network, make_share):
    x = make_network("x")
    x.server.queue(503, {"title": "Service Unavailable", "detail": "Service Unavailable", "status": 503})
    client = XChannel.from_env(_oauth1_env(), base_url=x.server.base_url, sleep=x.clock.sleep, clock=x.clock.now)
    with client:
        client.post(make_share(text="Bonjour"))
    first, second = [r.header("Authorization") for r in x.server.requests]
    assert first != second  # a new nonce: X refuses one it has seen


def test_x_client_against_local_x_api_contract_server_refuses_a_wrong_oauth_1a_secret(make_network, make_share):
    x = make_network("x")
    client = XChannel.from_env(
        _oauth1_env("not-the-secret"), base_url=x.server.base_url, sleep=x.clock.sleep, clock=x.clock.now
    )
    with client, pytest.raises(PermanentError) as info:
        client.post(make_share())
    assert str(info.value) == (
        "X refused the post (HTTP 401: Unauthorized); X refused the OAuth 1.0a signature: check PODIUM_X_API_KEY, "
        "PODIUM_X_API_SECRET, PODIUM_X_ACCESS_TOKEN and PODIUM_X_ACCESS_TOKEN_SECRET (regenerated keys invalidate "
        "the old ones)"
    )
    assert "not-the-secret" not in repr(client)


def test_x_oauth_1a_needs_all_four_variables():
    env = {k: v for k, v in _oauth1_env().items() if k != "PODIUM_X_API_SECRET"}
    with pytest.raises(MissingCredential) as info:
        XChannel.from_env(env)
    assert info.value.variable == "PODIUM_X_API_SECRET"
    assert str(info.value) == (
        "PODIUM_X_API_SECRET is not set; X shares are skipped. Set it in the environment "
        "(in CI, from a repository secret)."
    )
