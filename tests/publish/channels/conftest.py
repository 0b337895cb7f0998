"""Fixtures: each network's local contract server, a shared fake clock, and clients wired to both."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from podium.publish.channels import CHANNELS, RetryPolicy, Share
from tests.publish.fakes import (
    XAPI,
    BlueskyAPI,
    FacebookAPI,
    FakeClock,
    InstagramAPI,
    LinkedInAPI,
    MastodonAPI,
    PinterestAPI,
    ThreadsAPI,
)
from tests.publish.fakes.images import sample

X_TOKEN = "x-user-token-0123456789"
LINKEDIN_TOKEN = "li-token-0987654321"
LINKEDIN_AUTHOR = "urn:li:person:AbC123"
MASTODON_TOKEN = "masto-token-abcdef123456"
BLUESKY_HANDLE = "leader.example.com"
BLUESKY_PASSWORD = "abcd-efgh-ijkl-mnop"
INSTAGRAM_TOKEN = "IGQVJ-instagram-token-42"
INSTAGRAM_USER = "17841400000000001"
FACEBOOK_TOKEN = "EAAB-page-token-0042"
FACEBOOK_PAGE = "104200000000001"
PINTEREST_TOKEN = "pina_token_0123456789"
PINTEREST_BOARD = "1234567890123"
THREADS_TOKEN = "THAA-threads-token-77"
THREADS_USER = "26000000000000001"
SITE = "https://blog.example.org"
#: what each image network downloads in these tests: the format podium makes for it
IMAGES = {
    "instagram": (SITE + "/cards/fr/rentree-2027-instagram.jpg", sample(1080, 1350)),
    "pinterest": (SITE + "/cards/fr/rentree-2027-pinterest.jpg", sample(1000, 1500)),
    "threads": (SITE + "/cards/fr/rentree-2027.png", sample(1200, 630, "PNG")),
}


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
        kwargs = dict(
            transport=None, sleep=self.clock.sleep, clock=self.clock.now, policy=RetryPolicy(timeout=timeout, **policy)
        )
        if self.name != "mastodon":
            kwargs["base_url"] = self.server.base_url
        if self.name == "pinterest":
            kwargs["board_id"] = PINTEREST_BOARD
        return cls.from_env(self.environ, **kwargs)


def _environ(name: str, server) -> tuple[dict[str, str], tuple[str, ...]]:
    if name == "x":
        return {"PODIUM_X_ACCESS_TOKEN": X_TOKEN}, (X_TOKEN,)
    if name == "linkedin":
        return (
            {"PODIUM_LINKEDIN_ACCESS_TOKEN": LINKEDIN_TOKEN, "PODIUM_LINKEDIN_AUTHOR": LINKEDIN_AUTHOR},
            (LINKEDIN_TOKEN,),
        )
    if name == "mastodon":
        return (
            {"PODIUM_MASTODON_INSTANCE": server.base_url, "PODIUM_MASTODON_ACCESS_TOKEN": MASTODON_TOKEN},
            (MASTODON_TOKEN,),
        )
    if name == "bluesky":
        return (
            {"PODIUM_BLUESKY_HANDLE": BLUESKY_HANDLE, "PODIUM_BLUESKY_APP_PASSWORD": BLUESKY_PASSWORD},
            (BLUESKY_PASSWORD,),
        )
    return {
        "instagram": (
            {"PODIUM_INSTAGRAM_ACCESS_TOKEN": INSTAGRAM_TOKEN, "PODIUM_INSTAGRAM_USER_ID": INSTAGRAM_USER},
            (INSTAGRAM_TOKEN,),
        ),
        "facebook": (
            {"PODIUM_FACEBOOK_PAGE_TOKEN": FACEBOOK_TOKEN, "PODIUM_FACEBOOK_PAGE_ID": FACEBOOK_PAGE},
            (FACEBOOK_TOKEN,),
        ),
        "pinterest": ({"PODIUM_PINTEREST_ACCESS_TOKEN": PINTEREST_TOKEN}, (PINTEREST_TOKEN,)),
        "threads": (
            {"PODIUM_THREADS_ACCESS_TOKEN": THREADS_TOKEN, "PODIUM_THREADS_USER_ID": THREADS_USER},
            (THREADS_TOKEN,),
        ),
    }[name]


def fetch_site(url: str) -> bytes | None:
    """The deployed site as the image networks download it."""
    return next((data for address, data in IMAGES.values() if address == url), None)


SERVERS: dict[str, Callable[..., object]] = {
    "x": XAPI,
    "linkedin": LinkedInAPI,
    "mastodon": MastodonAPI,
    "bluesky": BlueskyAPI,
    "instagram": lambda **kw: InstagramAPI({INSTAGRAM_TOKEN: INSTAGRAM_USER}, fetch=fetch_site, **kw),
    "facebook": lambda **kw: FacebookAPI({FACEBOOK_TOKEN: FACEBOOK_PAGE}, **kw),
    "pinterest": lambda **kw: PinterestAPI(
        tokens=(PINTEREST_TOKEN,), boards=(PINTEREST_BOARD,), fetch=fetch_site, **kw
    ),
    "threads": lambda **kw: ThreadsAPI({THREADS_TOKEN: THREADS_USER}, fetch=fetch_site, **kw),
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
    values = dict(
        share_id="rentree-2027:x:0",
        slug="rentree-2027",
        url="https://blog.example.org/rentree-2027/",
        text="La rentrée 2027 : trois priorités https://blog.example.org/rentree-2027/",
        lang="fr",
        title="La rentrée 2027",
        description="Trois priorités pour l'année.",
        site_url="https://blog.example.org",
        image_alt="La rentrée 2027 — Claire Morel",
    )
    network = overrides.pop("network", None)
    if network in IMAGES:
        values["image_url"] = IMAGES[network][0]
    values.update(overrides)
    return Share(**values)


@pytest.fixture
def make_share():
    return share
