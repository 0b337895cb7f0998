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

from podium.plugins.i18n import _
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
            raise MissingCredential(
                _("podium cannot read replies from {network}", network=network), network=network, variable=""
            )
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
            raise MissingCredential(
                _("podium cannot read replies from {network}", network=network), network=network, variable=""
            )
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


def fetch_after_build(
    result,
    project: Path,
    env: Mapping[str, str],
    *,
    budget: float | None = None,
    make_reader: Callable[[str], Any] | None = None,
    transport: httpx.BaseTransport | None = None,
    clock: Callable[[], float] = time.monotonic,
    say: Callable[[str], None] = lambda line: None,
    reader_options: dict | None = None,
    channels: Callable[[str], Any] | None = None,
) -> Collected:
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
    run = Run(
        folder,
        make_reader,
        result.ctx.now,
        cfg.conversations_fetch_seconds if budget is None else budget,
        avatars,
        clock,
        say,
    )
    try:
        return collect(run, records, published(result), result.settings.get("SITEURL") or "", webmention)
    finally:
        avatars.close()


def summary(collected: Collected) -> list[str]:
    """What the run did, for the terminal and the publish summary."""
    lines = [
        _(
            "Conversations: {threads} threads collected, {replies} new replies.",
            threads=len(collected.fetched),
            replies=collected.new_replies,
        )
    ]
    lines += [
        "  " + _("unavailable on {network}: {why}", network=network, why=why)
        for network, why in sorted(collected.unavailable.items())
    ]
    lines += ["  " + _("FAILED {line}", line=line) for line in collected.failed]
    if collected.postponed:
        lines.append("  " + _("{count} threads wait for the next run (time budget spent).", count=collected.postponed))
    lines += [f"  {problem}" for problem in collected.problems]
    return lines


#: the comms room's conversation pages, rewritten after each collecting run (the rest of the room is the build's)
ROOM_PAGES = ("podium.plugins.conversations.inbox_page", "podium.plugins.conversations.worked_page")


def write_room(result, project: Path) -> Path:
    """The inbox, "what worked" and the reactions CSV into the comms room, from the store as it is now.

    The build that came before the collecting run read the store as it was;
    these pages are made again from what was just collected, with the whole
    room's navigation, into PODIUM_COMMS_PATH (checked to stay outside the
    site's output, as ``podium build`` checks it). Returns the room's folder.
    """
    from dataclasses import replace

    from podium.plugins.comms import glue as comms
    from podium.plugins.comms import pages
    from podium.plugins.conversations import files, room
    from podium.plugins.conversations.glue import article_of, versions

    from ..build import comms_folder, read_settings

    cfg, ctx = result.ctx.config, result.ctx
    settings, source = read_settings(project, True, {})
    folder = comms_folder(project, ctx, True, Path(settings["OUTPUT_PATH"]).resolve(), source)
    conversations = files.load_all(project / cfg.conversations_store)
    decisions = files.load_decisions(project / cfg.conversations_moderation_file, files.known_ids(conversations))
    urls = versions(list(ctx.posts) + list(ctx.withheld_content))
    found = room.digest(
        conversations,
        [article_of(a, urls) for a in ctx.posts],
        str(result.settings.get("DEFAULT_LANG") or "en"),
        decisions,
        cfg.conversations_moderation,
    )
    base = comms.gather(result.settings, ctx)
    shown = replace(base, conversations=found, nav=pages.navigation(base, pages.modules()))
    made: dict[str, bytes] = {}
    for module in pages.modules(ROOM_PAGES):
        made.update(module.pages(shown))
    comms.write(str(folder), made)
    return folder
