"""Behaviour every client shares, run against each network's local contract server."""

from __future__ import annotations

import logging

import pytest

from podium.publish.channels import CHANNELS, ENVIRONMENT, MissingCredential, PermanentError, TransientError

REQUIRED = {
    "x": ["PODIUM_X_ACCESS_TOKEN"],
    "linkedin": ["PODIUM_LINKEDIN_ACCESS_TOKEN", "PODIUM_LINKEDIN_AUTHOR"],
    "mastodon": ["PODIUM_MASTODON_INSTANCE", "PODIUM_MASTODON_ACCESS_TOKEN"],
    "bluesky": ["PODIUM_BLUESKY_HANDLE", "PODIUM_BLUESKY_APP_PASSWORD"],
    "instagram": ["PODIUM_INSTAGRAM_ACCESS_TOKEN", "PODIUM_INSTAGRAM_USER_ID"],
    "facebook": ["PODIUM_FACEBOOK_PAGE_ID", "PODIUM_FACEBOOK_PAGE_TOKEN"],
    "pinterest": ["PODIUM_PINTEREST_ACCESS_TOKEN"],
    "threads": ["PODIUM_THREADS_ACCESS_TOKEN"],
}
LABELS = {
    "x": "X",
    "linkedin": "LinkedIn",
    "mastodon": "Mastodon",
    "bluesky": "Bluesky",
    "instagram": "Instagram",
    "facebook": "Facebook",
    "pinterest": "Pinterest",
    "threads": "Threads",
}
#: the first request of these posts the share itself, which they never send twice (no idempotency key)
SENT_ONCE_FIRST = {"facebook", "pinterest"}


def test_every_network_in_the_settings_has_a_client_and_documented_variables():
    assert set(CHANNELS) == set(REQUIRED)
    for name, variables in REQUIRED.items():
        assert set(variables) <= set(ENVIRONMENT[name])


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_missing_credentials_name_the_variable_and_say_the_network_is_skipped(name):
    for missing in REQUIRED[name]:
        environ = {
            v: "https://example.org"
            if v.endswith("INSTANCE")
            else "urn:li:person:AbC123"
            if v.endswith("AUTHOR")
            else "1234567"
            if v.endswith("_ID")
            else "value"
            for v in REQUIRED[name]
            if v != missing
        }
        with pytest.raises(MissingCredential) as info:
            CHANNELS[name].from_env(environ)
        assert str(info.value) == (
            f"{missing} is not set; {LABELS[name]} shares are skipped. "
            f"Set it in the environment (in CI, from a repository secret)."
        )
        assert info.value.variable == missing and info.value.network == name


def test_client_against_local_contract_server_posts_the_share(network, make_share):
    with network.client() as client:
        posted = client.post(make_share(network=network.name))
    assert posted.remote_id and posted.remote_id.rsplit("/", 1)[-1] in posted.url


def test_client_against_local_contract_server_honours_retry_after_seconds_on_429(network, make_share):
    network.server.queue(429, {"error": "slow down"}, {"Retry-After": "7"})
    with network.client() as client:
        client.post(make_share(network=network.name))
    assert network.clock.sleeps == [7.0]


def test_client_against_local_contract_server_honours_retry_after_http_date(network, make_share):
    network.server.queue(503, {"error": "maintenance"}, {"Retry-After": "Tue, 02 Mar 2027 09:01:30 GMT"})
    with network.client() as client:
        client.post(make_share(network=network.name))
    assert network.clock.sleeps == [90.0]  # the fake clock reads 09:00:00


def test_client_against_local_contract_server_retries_500_with_backoff_then_succeeds(network, make_share):
    network.server.queue(500, {"error": "oops"})
    network.server.queue(502, "<html>Bad gateway</html>")
    with network.client() as client:
        posted = client.post(make_share(network=network.name))
    assert posted.remote_id
    assert network.clock.sleeps == [2.0, 4.0]


def test_client_against_local_contract_server_retries_after_a_timeout(network, make_share):
    network.server.hang(5.0)
    with network.client(timeout=0.3) as client:
        if network.name in SENT_ONCE_FIRST:
            with pytest.raises(TransientError) as info:
                client.post(make_share(network=network.name))
            assert info.value.uncertain and "it may have gone out" in str(info.value)
            assert len(network.server.requests) == 1 and network.clock.sleeps == []
            return
        posted = client.post(make_share(network=network.name))
    assert posted.remote_id
    assert network.clock.sleeps == [2.0]


def test_client_against_local_contract_server_gives_up_after_bounded_attempts(network, make_share):
    for _ in range(6):
        network.server.queue(503, {"error": "down"})
    with network.client(max_attempts=3) as client, pytest.raises(TransientError) as info:
        client.post(make_share(network=network.name))
    assert network.clock.sleeps == [2.0, 4.0]
    assert "3 attempts at" in str(info.value) and "the next run will try again" in str(info.value)


def test_client_against_local_contract_server_stops_when_the_wait_exceeds_the_budget(network, make_share):
    network.server.queue(429, {"error": "later"}, {"Retry-After": "3600"})
    with network.client(max_total_wait=600) as client, pytest.raises(TransientError) as info:
        client.post(make_share(network=network.name))
    assert network.clock.sleeps == []
    assert "asked to wait 3600s (Retry-After)" in str(info.value)


@pytest.mark.parametrize("status", [400, 401, 403, 422])
def test_client_against_local_contract_server_treats_4xx_as_permanent_without_retry(network, make_share, status):
    network.server.queue(status, {"error": "no", "message": "no", "detail": "no"})
    with network.client() as client, pytest.raises(PermanentError) as info:
        client.post(make_share(network=network.name))
    assert info.value.status == status
    assert network.clock.sleeps == []


def test_client_against_local_contract_server_keeps_credentials_out_of_errors_and_logs(network, make_share, caplog):
    leaked = " ".join(network.secrets)
    echo = {"error": f"bad {leaked}", "message": leaked, "detail": leaked}
    network.server.queue(500, echo)
    network.server.queue(401, echo)
    caplog.set_level(logging.DEBUG)
    with network.client() as client, pytest.raises(PermanentError) as info:
        client.post(make_share(network=network.name))
    texts = [str(info.value), repr(info.value), repr(client), caplog.text]
    assert "[redacted]" in str(info.value)
    for secret in network.secrets:
        for text in texts:
            assert secret not in text
