"""Fixtures: each network's local contract server, a shared fake clock, and clients wired to both."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pytest

from podium.publish.channels import CHANNELS, RetryPolicy, Share
from tests.publish.fakes import BlueskyAPI, FakeClock, LinkedInAPI, MastodonAPI, XAPI

X_TOKEN = "x-user-token-0123456789"
LINKEDIN_TOKEN = "li-token-0987654321"
LINKEDIN_AUTHOR = "urn:li:person:AbC123"
MASTODON_TOKEN = "masto-token-abcdef123456"
BLUESKY_HANDLE = "leader.example.com"
BLUESKY_PASSWORD = "abcd-efgh-ijkl-mnop"


@dataclass
class Network:
    """One network under test: its contract server, environment and client factory."""

    name: str
    server: object
    environ: dict[str, str]
    clock: FakeClock
    secrets: tuple[str, ...]

    def client(self, timeout: float = 5.0, **policy) -> object:
        cls = CHANNELS[self.name]
        kwargs = dict(transport=None, sleep=self.clock.sleep, clock=self.clock.now,
                      policy=RetryPolicy(timeout=timeout, **policy))
        if self.name in ("x", "linkedin", "bluesky"):
            kwargs["base_url"] = self.server.base_url
        return cls.from_env(self.environ, **kwargs)


def _environ(name: str, server) -> tuple[dict[str, str], tuple[str, ...]]:
    if name == "x":
        return {"PODIUM_X_ACCESS_TOKEN": X_TOKEN}, (X_TOKEN,)
    if name == "linkedin":
        return ({"PODIUM_LINKEDIN_ACCESS_TOKEN": LINKEDIN_TOKEN, "PODIUM_LINKEDIN_AUTHOR": LINKEDIN_AUTHOR},
                (LINKEDIN_TOKEN,))
    if name == "mastodon":
        return ({"PODIUM_MASTODON_INSTANCE": server.base_url, "PODIUM_MASTODON_ACCESS_TOKEN": MASTODON_TOKEN},
                (MASTODON_TOKEN,))
    return ({"PODIUM_BLUESKY_HANDLE": BLUESKY_HANDLE, "PODIUM_BLUESKY_APP_PASSWORD": BLUESKY_PASSWORD},
            (BLUESKY_PASSWORD,))


SERVERS: dict[str, Callable[..., object]] = {
    "x": XAPI, "linkedin": LinkedInAPI, "mastodon": MastodonAPI, "bluesky": BlueskyAPI,
}


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def _network(name: str, clock: FakeClock, **server_kwargs):
    server = SERVERS[name](clock=clock, **server_kwargs).start()
    environ, secrets = _environ(name, server)
    return Network(name, server, environ, clock, secrets)


@pytest.fixture
def make_network(clock):
    """make_network("x", limit=1) -> a started Network; servers are closed after the test."""
    started = []

    def make(name: str, **server_kwargs) -> Network:
        network = _network(name, clock, **server_kwargs)
        started.append(network)
        return network

    yield make
    for network in started:
        network.server.close()


@pytest.fixture(params=sorted(SERVERS))
def network(request, make_network) -> Network:
    return make_network(request.param)


def share(**overrides) -> Share:
    values = dict(share_id="rentree-2027:x:0", slug="rentree-2027", url="https://blog.example.org/rentree-2027/",
                  text="La rentrée 2027 : trois priorités https://blog.example.org/rentree-2027/",
                  lang="fr", title="La rentrée 2027", description="Trois priorités pour l'année.")
    values.update(overrides)
    return Share(**values)


@pytest.fixture
def make_share():
    return share
