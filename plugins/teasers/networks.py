"""Each network's counting rule at work, and the one question every caller asks.

``length(text, network, settings)`` answers "how long is this text on network
N, and what is the limit?". The rules, as each network publishes them:

- X: 280, twitter-text v3 weighted length (links 23, CJK and emoji 2).
- Mastodon: 500 by default (instances differ: PODIUM_TEASERS_MASTODON_LIMIT);
  grapheme clusters, every http(s) link counts 23, ``@user@domain`` counts as ``@user``.
- Bluesky: 300 grapheme clusters and at most 3000 bytes of UTF-8; links count in full.
- LinkedIn: 3000 characters (UTF-16 code units, what its composer counts); the
  first 210 are shown before "…see more".
- Threads: 500 characters, an emoji counting its UTF-8 bytes; at most 5 distinct links.
- Instagram: a caption of 2,200 characters (counted as the app counts, UTF-16:
  an emoji counts 2), at most 30 hashtags and 20 mentions; links are not clickable.
- Facebook: 63,206 characters (UTF-16); the link becomes a preview.
- Pinterest: the description, 800 characters; title (100) and link are separate fields.

The facts (limits, units, which rule) live in ``podium.plugins.networks``;
this module gives each named rule its function.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

import regex

from .. import networks as registry
from ..i18n import N_, _
from . import counting
from .tokens import HASHTAG, MENTION
from .urls import find_links

BLUESKY_BYTES = registry.get("bluesky").max_bytes
INSTAGRAM_HASHTAGS = 30
INSTAGRAM_MENTIONS = 20
THREADS_LINKS = 5
PINTEREST_TITLE = 100
#: a Pin's separate fields and their limits in characters (Pinterest API v5, PinCreate)
PINTEREST_FIELDS = {"title": PINTEREST_TITLE, "description": 800, "link": 2048, "alt_text": 500}
LINKEDIN_HOOK = 210
MASTODON_LINK = 23
_MASTODON_MENTION = regex.compile(r"(?<![/\w])@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_])?)(?:@[\w.-]+\w)?", regex.I)


class Count(NamedTuple):
    length: int
    limit: int


@dataclass(frozen=True)
class Network:
    key: str
    name: str  # as people write it
    limit: int
    unit: str  # shown in messages: "297/280 (weighted)"
    count: Callable[[str], int]
    utm_source: str
    max_bytes: int | None = None


def mastodon_length(text: str) -> int:
    """Mastodon's server-side count: links become 23 characters, mentions lose their domain."""
    pieces, last = [], 0
    for link in find_links(text, require_scheme=True):
        pieces.append(text[last : link.start])
        pieces.append("x" * MASTODON_LINK)
        last = link.end
    pieces.append(text[last:])
    countable = _MASTODON_MENTION.sub(lambda m: "@" + m.group(1), "".join(pieces))
    return counting.graphemes(countable)


def by_line(count: Callable[[str], int]) -> Callable[[str], int]:
    """``count``, summed over the lines of a text, each line's count remembered.

    Fitting a teaser measures the same lines again and again: the author's
    sentence with and without the hashtags below it, the closing line of each
    form, then the chosen text once more. A line break is a boundary for every
    rule here (no link, mention, emoji or grapheme cluster spans one, NFC leaves
    it alone, X weighs it 1), so a text counts the sum of its lines plus one per
    break, and only the lines never seen before are measured. A carriage return
    joins the next line break into one grapheme cluster: such a text is measured whole.
    """
    remembered = functools.lru_cache(maxsize=4096)(count)

    @functools.wraps(count)
    def counted(text: str) -> int:
        if "\r" in text:
            return count(text)
        if "\n" not in text:
            return remembered(text)
        lines = text.split("\n")
        return sum(map(remembered, lines)) + len(lines) - 1

    counted.cache_clear = remembered.cache_clear  # type: ignore[attr-defined]
    return counted


#: each counting rule of the registry (podium.plugins.networks.COUNTERS), as kit.js has it too
COUNTERS: dict[str, Callable[[str], int]] = {
    "weighted": counting.weighted_length,
    "utf16": counting.utf16_units,
    "mastodon": mastodon_length,
    "graphemes": counting.graphemes,
    "emoji_bytes": counting.code_points_emoji_as_bytes,
    "code_points": len,
}
#: cheap enough to count whole every time
_UNREMEMBERED = {"utf16", "code_points"}


def _counter(rule: str) -> Callable[[str], int]:
    count = COUNTERS[rule]
    return count if rule in _UNREMEMBERED else by_line(count)


NETWORKS: dict[str, Network] = {
    n.key: Network(n.key, n.name, n.limit, n.unit, _counter(n.counter), n.utm_source, n.max_bytes)
    for n in registry.NETWORKS.values()
}


def network(key: str) -> Network:
    registry.get(key)  # the registry's message for an unknown key
    return NETWORKS[key]


def limit_of(key: str, settings: Any = None) -> int:
    """The limit, with the instance's own Mastodon limit when the settings give one."""
    if key == "mastodon" and settings is not None:
        return int(settings.teasers_mastodon_limit)
    return network(key).limit


def length(text: str, key: str, settings: Any = None) -> Count:
    """How long ``text`` is on network ``key``, and that network's limit."""
    return Count(network(key).count(text), limit_of(key, settings))


#: the units of registry.Network.unit, for the catalogue: messages show them translated
UNITS = (N_("weighted"), N_("characters"), N_("graphemes"))


def overflow(text: str, key: str, settings: Any = None) -> str | None:
    """Why ``text`` does not fit on ``key`` ("is 297/280 (weighted); shorten it by 17"), or None."""
    count = length(text, key, settings)
    net = network(key)
    if count.length > count.limit:
        return _(
            "is {length}/{limit} ({unit}); shorten it by {over}",
            length=count.length,
            limit=count.limit,
            unit=_(net.unit),
            over=count.length - count.limit,
        )
    if net.max_bytes is not None and counting.utf8_bytes(text) > net.max_bytes:
        size = counting.utf8_bytes(text)
        return _(
            "is {size}/{limit} (bytes of UTF-8); shorten it by {over} bytes",
            size=size,
            limit=net.max_bytes,
            over=size - net.max_bytes,
        )
    return _too_many(text, key)


def _too_many(text: str, key: str) -> str | None:
    """The counts a network caps besides length: Instagram's hashtags and mentions, Threads' links."""
    if key == "instagram":
        found = len(HASHTAG.findall(text))
        if found > INSTAGRAM_HASHTAGS:
            return _(
                "has {found} hashtags, over Instagram's {most}; remove {over}",
                found=found,
                most=INSTAGRAM_HASHTAGS,
                over=found - INSTAGRAM_HASHTAGS,
            )
        found = len(MENTION.findall(text))
        if found > INSTAGRAM_MENTIONS:
            return _(
                "has {found} mentions, over Instagram's {most}; remove {over}",
                found=found,
                most=INSTAGRAM_MENTIONS,
                over=found - INSTAGRAM_MENTIONS,
            )
    if key == "threads":
        found = len({link.text for link in find_links(text)})
        if found > THREADS_LINKS:
            return _(
                "has {found} links, over Threads' {most}; remove {over}",
                found=found,
                most=THREADS_LINKS,
                over=found - THREADS_LINKS,
            )
    return None


def fits(text: str, key: str, settings: Any = None) -> bool:
    return overflow(text, key, settings) is None


def clip(text: str, most: int) -> str:
    """``text`` on one line within ``most`` characters, cut after a whole word with an ellipsis when it must be cut.

    For Pinterest's title and alt text, fields that Pinterest refuses when they are too long.
    """
    text = " ".join(text.split())
    if len(text) <= most:
        return text
    cut = text[: most - 1].rsplit(" ", 1)[0] if " " in text[: most - 1] else text[: most - 1]
    return cut.rstrip(" ,;:") + "…"


def pin_fields(title: str, link: str) -> dict[str, str]:
    """The Pin's title and link, fields of their own beside the description (the teaser's text)."""
    return {"title": clip(title, PINTEREST_TITLE), "link": link}


def hook(text: str) -> str:
    """LinkedIn's hook: the first line, which must fit in the 210 characters shown before "…see more"."""
    return text.split("\n", 1)[0]


def hook_fits(text: str) -> bool:
    return counting.utf16_units(hook(text)) <= LINKEDIN_HOOK
