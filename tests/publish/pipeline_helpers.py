"""Pieces for the pipeline tests: the four networks' local contract servers and clients wired to them."""

from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass, field
from pathlib import Path

from podium.publish.channels import CHANNELS, RetryPolicy
from podium.publish.pipeline import Request, publish
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

SECRETS = {
    "PODIUM_X_ACCESS_TOKEN": "x-user-token-0123456789",
    "PODIUM_LINKEDIN_ACCESS_TOKEN": "li-token-0987654321",
    "PODIUM_MASTODON_ACCESS_TOKEN": "masto-token-abcdef123456",
    "PODIUM_BLUESKY_APP_PASSWORD": "abcd-efgh-ijkl-mnop",
}
IMAGE_SECRETS = {
    "PODIUM_INSTAGRAM_ACCESS_TOKEN": "IGQVJ-instagram-token-42",
    "PODIUM_FACEBOOK_PAGE_TOKEN": "EAAB-page-token-0042",
    "PODIUM_PINTEREST_ACCESS_TOKEN": "pina_token_0123456789",
    "PODIUM_THREADS_ACCESS_TOKEN": "THAA-threads-token-77",
}
IMAGE_IDS = {
    "PODIUM_INSTAGRAM_USER_ID": "17841400000000001",
    "PODIUM_FACEBOOK_PAGE_ID": "104200000000001",
    "PODIUM_THREADS_USER_ID": "26000000000000001",
}
BOARD = "1234567890123"
SITEURL = "https://blog.test"


@dataclass
class Networks:
    """X, LinkedIn, Mastodon and Bluesky stand-ins on 127.0.0.1, following each network's published API."""

    clock: FakeClock = field(default_factory=FakeClock)
    servers: dict = field(default_factory=dict)
    #: with the image networks too: Instagram, Facebook, Pinterest and Threads, which download pictures from ``site``
    images: bool = False
    site: Path | None = None

    def fetch(self, url: str) -> bytes | None:
        """What Meta and Pinterest download: the file the deployed site serves at ``url``, if any."""
        if self.site is None or not url.startswith(SITEURL + "/"):
            return None
        live = Path(os.path.realpath(self.site / "public"))
        path = live / url[len(SITEURL) + 1 :]
        return path.read_bytes() if path.is_file() and live in path.resolve().parents else None

    def start(self) -> Networks:
        self.servers = {
            "x": XAPI(clock=self.clock),
            "linkedin": LinkedInAPI(clock=self.clock),
            "mastodon": MastodonAPI(clock=self.clock),
            "bluesky": BlueskyAPI(clock=self.clock),
        }
        if self.images:
            ids = IMAGE_IDS
            self.servers.update(
                {
                    "instagram": InstagramAPI(
                        {IMAGE_SECRETS["PODIUM_INSTAGRAM_ACCESS_TOKEN"]: ids["PODIUM_INSTAGRAM_USER_ID"]},
                        fetch=self.fetch,
                        clock=self.clock,
                    ),
                    "facebook": FacebookAPI(
                        {IMAGE_SECRETS["PODIUM_FACEBOOK_PAGE_TOKEN"]: ids["PODIUM_FACEBOOK_PAGE_ID"]}, clock=self.clock
                    ),
                    "pinterest": PinterestAPI(
                        tokens=(IMAGE_SECRETS["PODIUM_PINTEREST_ACCESS_TOKEN"],),
                        boards=(BOARD,),
                        fetch=self.fetch,
                        clock=self.clock,
                    ),
                    "threads": ThreadsAPI(
                        {IMAGE_SECRETS["PODIUM_THREADS_ACCESS_TOKEN"]: ids["PODIUM_THREADS_USER_ID"]},
                        fetch=self.fetch,
                        clock=self.clock,
                    ),
                }
            )
        for server in self.servers.values():
            server.start()
        return self

    def close(self) -> None:
        for server in self.servers.values():
            server.close()

    @property
    def env(self) -> dict[str, str]:
        return {
            **SECRETS,
            **IMAGE_SECRETS,
            **IMAGE_IDS,
            "PODIUM_LINKEDIN_AUTHOR": "urn:li:person:AbC123",
            "PODIUM_MASTODON_INSTANCE": self.servers["mastodon"].base_url,
            "PODIUM_BLUESKY_HANDLE": "leader.example.com",
            "PODIUM_BLUESKY_PDS": self.servers["bluesky"].base_url,
        }

    def clients(self, network: str):
        """What the pipeline calls to get a client: the real one, pointed at the local server."""
        kwargs = {"sleep": self.clock.sleep, "clock": self.clock.now, "policy": RetryPolicy(timeout=5)}
        if network not in ("mastodon", "bluesky"):
            kwargs["base_url"] = self.servers[network].base_url
        if network == "pinterest":
            kwargs["board_id"] = BOARD
        return CHANNELS[network].from_env(self.env, **kwargs)

    def posted(self) -> dict[str, list[dict]]:
        """Every post each network holds now."""
        s = self.servers
        found = {
            "x": list(s["x"].tweets.values()),
            "linkedin": list(s["linkedin"].posts.values()),
            "mastodon": list(s["mastodon"].statuses.values()),
            "bluesky": list(s["bluesky"].records.values()),
        }
        if self.images:
            found.update(
                {
                    "instagram": list(s["instagram"].published.values()),
                    "facebook": list(s["facebook"].posts.values()),
                    "pinterest": list(s["pinterest"].pins.values()),
                    "threads": list(s["threads"].published.values()),
                }
            )
        return found

    def requests(self) -> int:
        return sum(len(server.requests) for server in self.servers.values())

    def writes(self) -> int:
        """Requests that could create something (reading the conversations back is a GET)."""
        return sum(1 for server in self.servers.values() for r in server.requests if r.method != "GET")


def run(site: Path, networks: Networks, *, now: str, live: bool = True, step=None, **request):
    """One publish, in this process; returns (outcome, progress lines)."""
    from datetime import datetime

    said: list[str] = []
    kwargs = {"step": step} if step else {}
    outcome = publish(
        Request(site, now=datetime.fromisoformat(now), live=live, **request),
        env=networks.env,
        clients=networks.clients,
        say=said.append,
        **kwargs,
    )
    return outcome, said


def _die_at(label: str):
    def step(seen: str) -> None:
        if seen == label:
            os._exit(70)  # no cleanup, no finally: what a killed process leaves behind

    return step


def run_killed_at(site: Path, networks: Networks, label: str, *, now: str) -> int:
    """Publish in a forked process that dies the moment the pipeline reaches ``label``; its exit code."""
    context = multiprocessing.get_context("fork")
    child = context.Process(target=run, args=(site, networks), kwargs={"now": now, "step": _die_at(label)})
    child.start()
    child.join(120)
    return child.exitcode
