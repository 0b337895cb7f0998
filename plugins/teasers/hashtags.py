"""Hashtags from a post's tags, written the way each network's readers expect.

Every hashtag is CamelCase (#EnergieSolaire, not #energiesolaire) so screen
readers say the words; Mastodon's community asks for it explicitly. How many:
X and Bluesky at most 2 (more reads as spam), Threads 1 (it allows one topic
tag), Mastodon up to 4 (hashtags are how people find posts there), LinkedIn 3
to 5 at the end (fewer when the post has fewer tags: none are invented),
Instagram up to 5 (it allows 30, and advises a few relevant ones), Facebook 2,
Pinterest none (its search reads the words of the description).
"""

from __future__ import annotations

import functools

import regex

from ..networks import NETWORKS
from .tokens import HASHTAG

MAX_PER_NETWORK = {key: net.hashtags for key, net in NETWORKS.items()}
_ELISION = regex.compile(r"^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['\u2019]", regex.I)
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
_MAX_LENGTH = 40
_SEPARATORS = regex.compile(r"[\s/_-]+")


# Every network of every post turns the same few tags into hashtags: remember them.
@functools.lru_cache(maxsize=1024)
def camel_case(tag: str) -> str | None:
    """'énergie solaire' -> '#ÉnergieSolaire'; None when no valid hashtag can be made."""
    words = []
    for raw in _SEPARATORS.split(tag.strip()):
        raw = _ELISION.sub("", raw)
        for word in _WORD.findall(raw):
            words.append(word if word[1:] != word[1:].lower() else word[:1].upper() + word[1:])
    text = "#" + "".join(words)
    if len(text) > _MAX_LENGTH or not HASHTAG.fullmatch(text):
        return None
    return text


def hashtags(tags: tuple[str, ...] | list[str], network: str, limit: int | None = None) -> list[str]:
    """The hashtags for ``network``: distinct, in the author's order, at most the network's share."""
    seen, out = set(), []
    most = MAX_PER_NETWORK.get(network, 2) if limit is None else limit
    if most <= 0:
        return out
    for tag in tags:
        tag_text = camel_case(str(tag))
        if tag_text and tag_text.lower() not in seen:
            seen.add(tag_text.lower())
            out.append(tag_text)
        if len(out) >= most:
            break
    return out
