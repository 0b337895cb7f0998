"""Collecting as a step: readers from the environment, the store and avatars from the settings, one Collected.

Used by ``podium conversations fetch`` and at the end of ``podium publish
--live``; both hand in a finished production build, so what is published
(and so what may be collected) is exactly what the build decided.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import httpx

from podium.plugins.post import from_content

from .. import ledger as ledger_mod
from ..channels.base import MissingCredential
from .avatars import Avatars
from .collect import Collected, Published, Run, collect

#: the network -> reader class; X and LinkedIn read only where the account's access level allows it
def readers() -> dict[str, type]:
    from .bluesky import BlueskyReader
    from .linkedin import LinkedInReader
    from .mastodon import MastodonReader
    from .x import XReader

    return {"mastodon": MastodonReader, "bluesky": BlueskyReader, "x": XReader, "linkedin": LinkedInReader}


def _factory(env: Mapping[str, str], options: dict) -> Callable[[str], Any]:
    def make(network: str):
        classes = readers()
        if network not in classes:
            raise MissingCredential(f"podium cannot read replies from {network}", network=network, variable="")
        return classes[network].from_env(env, **_options(options, network))
    return make


def like_channels(clients: Callable[[str], Any], env: Mapping[str, str]) -> Callable[[str], Any]:
    """Readers that go where the publish run's network clients go: same address, sleep, clock and limits.

    Bluesky's posting client talks to the account's PDS; its reader reads the
    public AppView (PODIUM_BLUESKY_APPVIEW), unless the PDS is a custom one.
    """
    from ..channels.bluesky import DEFAULT_PDS
    from .bluesky import APPVIEW, APPVIEW_VAR

    def make(network: str):
        classes = readers()
        if network not in classes:
            raise MissingCredential(f"podium cannot read replies from {network}", network=network, variable="")
        channel = clients(network)
        try:
            base = channel.base_url
            options = {"sleep": channel._sleep, "clock": channel._clock, "policy": channel.policy}
        finally:
            channel.close()
        if network == "bluesky":
            base = (env.get(APPVIEW_VAR) or "").strip() or (APPVIEW if base == DEFAULT_PDS else base)
        if network != "mastodon":  # Mastodon's reader takes the instance from the environment, as its client
            options["base_url"] = base
        return classes[network].from_env(env, **options)
    return make


def _options(options: dict, network: str) -> dict:
    """Keyword arguments for one reader: those for every reader ("*"), then its own (tests: base_url, sleep)."""
    return {**options.get("*", {}), **options.get(network, {})}


def published(result) -> list[Published]:
    siteurl = result.settings.get("SITEURL") or ""
    return [Published(from_content(a, siteurl).url, a.slug) for a in result.ctx.posts]


def fetch_after_build(result, project: Path, env: Mapping[str, str], *, budget: float | None = None,
                      make_reader: Callable[[str], Any] | None = None, transport: httpx.BaseTransport | None = None,
                      clock: Callable[[], float] = time.monotonic, say: Callable[[str], None] = lambda line: None,
                      reader_options: dict | None = None, channels: Callable[[str], Any] | None = None) -> Collected:
    """Collect every published post's conversation into the store; never raises for a network's trouble.

    ``reader_options`` maps a network (or "*" for all) to keyword arguments
    for its reader: a transport, a base URL, a sleep function. ``channels``
    (the publish run's client factory) makes readers like its clients instead.
    """
    cfg = result.ctx.config
    folder = project / cfg.conversations_store
    extra = dict(reader_options or {})
    records = ledger_mod.load(project / cfg.publish_ledger).records
    webmention = None
    if (env.get("PODIUM_WEBMENTION_IO_TOKEN") or "").strip():
        from .webmention import WebmentionReader

        webmention = WebmentionReader.from_env(env, **_options(extra, "webmention"))
    avatars = Avatars(folder, transport=transport)
    make_reader = make_reader or (like_channels(channels, env) if channels else _factory(env, extra))
    run = Run(folder, make_reader, result.ctx.now,
              cfg.conversations_fetch_seconds if budget is None else budget, avatars, clock, say)
    try:
        return collect(run, records, published(result), result.settings.get("SITEURL") or "", webmention)
    finally:
        avatars.close()


def summary(collected: Collected) -> list[str]:
    """What the run did, for the terminal and the publish summary."""
    lines = [f"Conversations: {len(collected.fetched)} threads collected, {collected.new_replies} new replies."]
    lines += [f"  unavailable on {network}: {why}" for network, why in sorted(collected.unavailable.items())]
    lines += [f"  FAILED {line}" for line in collected.failed]
    if collected.postponed:
        lines.append(f"  {collected.postponed} threads wait for the next run (time budget spent).")
    lines += [f"  {problem}" for problem in collected.problems]
    return lines


#: where the inbox and "what worked" go until the comms room has its own place: private, never in the output
ROOM = ".cache/podium/comms/conversations"


def write_room(result, project: Path, folder: Path | None = None) -> Path:
    """The inbox, "what worked" and the reactions CSV, from the store as it is now; the folder written."""
    from podium.plugins.conversations import files, room
    from podium.plugins.files import write_atomic

    cfg = result.ctx.config
    target = folder or project / ROOM
    lang = str(result.settings.get("DEFAULT_LANG") or "en")
    conversations = files.load_all(project / cfg.conversations_store)
    decisions = files.load_decisions(project / cfg.conversations_moderation_file, files.known_ids(conversations))
    titles: dict[str, str] = {}
    for article in result.ctx.posts:
        if article.slug not in titles or article.lang == lang:
            titles[article.slug] = str(article.title)
    published_slugs = {a.slug for a in result.ctx.posts}
    shown = {slug: c for slug, c in conversations.items() if slug in published_slugs}
    found = room.items(shown, titles, decisions, cfg.conversations_moderation)
    write_atomic(target / "inbox.html", room.inbox(found, room.latest_run(shown), lang))
    write_atomic(target / "worked.html", room.worked(shown, titles, lang, "reactions.csv"))
    write_atomic(target / "reactions.csv", room.reactions_csv(shown, titles))
    return target
