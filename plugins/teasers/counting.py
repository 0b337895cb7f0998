"""Counting characters the way each network counts them: weighted, graphemes, bytes.

Pure functions of a string. X's rule is twitter-text's "weighted length":
the text is NFC-normalised, each code point weighs according to a table of
ranges (Latin, general punctuation... weigh 1, everything else 2), every link
weighs 23 whatever its length, and, from configuration version 3 on, a whole
emoji sequence (ZWJ family, flag, keycap, skin tone) weighs 2 once.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

import regex

from .urls import find_links

#: Scale 100: weights are in hundredths of a character, as in twitter-text's configuration.
_SCALE = 100


@dataclass(frozen=True)
class WeightConfig:
    """One twitter-text configuration (the published v2.json / v3.json)."""

    max_length: int = 280
    default_weight: int = 200
    link_length: int = 23
    emoji: bool = True
    ranges: tuple[tuple[int, int, int], ...] = ((0, 4351, 100), (8192, 8205, 100), (8208, 8223, 100), (8242, 8247, 100))

    @classmethod
    def from_json(cls, data: dict) -> WeightConfig:
        """Read a twitter-text configuration file's fields (scale is taken into account)."""
        scale = data.get("scale", _SCALE)
        factor = _SCALE / scale
        return cls(
            max_length=data["maxWeightedTweetLength"],
            default_weight=round(data["defaultWeight"] * factor),
            link_length=data.get("transformedURLLength", 23),
            emoji=bool(data.get("emojiParsingEnabled", False)),
            ranges=tuple((r["start"], r["end"], round(r["weight"] * factor)) for r in data.get("ranges", ())),
        )


V3 = WeightConfig()
V2 = WeightConfig(emoji=False)

_PICTO = r"(?:\p{Extended_Pictographic}|\p{Emoji_Modifier_Base})"
_ELEMENT = rf"{_PICTO}(?:\uFE0F|\p{{Emoji_Modifier}})?"
_TAGS = r"(?:[\U000E0020-\U000E007E]+\U000E007F)?"
#: One emoji as a reader sees it: a flag, a keycap, or pictographs joined by ZWJ with modifiers and tags.
EMOJI = regex.compile(
    rf"\p{{Regional_Indicator}}{{2}}"
    rf"|[0-9#*]\uFE0F?\u20E3"
    rf"|{_ELEMENT}{_TAGS}(?:\u200D{_ELEMENT}{_TAGS})*"
)
_GRAPHEME = regex.compile(r"\X")
_PRESENTATION = regex.compile(r"\p{Emoji_Presentation}")
#: Anything but Latin letters, general punctuation and currency signs (carriage return and the
#: zero-width joiners left out): no rule of UAX #29 keeps two of those in one cluster, as none is
#: a combining mark, Hangul, a regional indicator or an Indic letter, and the few emoji among
#: them (©, ‼) join only through a zero-width joiner. tests/plugins/teasers/test_counting.py checks every pair.
_NOT_SIMPLE = regex.compile(r"[^\x00-\x0c\x0e-\u02ff\u2000-\u200b\u200e-\u206f\u20a0-\u20cf]")
INVALID_X = frozenset("\ufffe\ufeff\uffff")


def emoji_spans(text: str) -> dict[int, int]:
    """start -> end of every emoji sequence, single code points with text presentation left out.

    A lone pictograph without U+FE0F (say '©') is weighed as an ordinary character:
    only sequences, and pictographs shown as emoji by default, count as an emoji.
    """
    spans = {}
    for m in EMOJI.finditer(text):
        body = m.group()
        if len(body) == 1 and not _PRESENTATION.match(body):
            continue
        if m.end() < len(text) and text[m.end()] == "\ufe0e":
            continue
        spans[m.start()] = m.end()
    return spans


def _weight(code_point: int, config: WeightConfig) -> int:
    for start, end, weight in config.ranges:
        if start <= code_point <= end:
            return weight
    return config.default_weight


@functools.lru_cache(maxsize=8)
def _outside(config: WeightConfig) -> regex.Pattern | None:
    """Characters outside every range, when all ranges weigh the same: then one regex counts them."""
    if len({w for _, _, w in config.ranges}) != 1:
        return None
    ranges = "".join(f"\\U{start:08x}-\\U{end:08x}" for start, end, _ in config.ranges)
    return regex.compile(f"[^{ranges}]")


def _plain_weight(text: str, config: WeightConfig) -> int:
    outside = _outside(config)
    if outside is None:
        return sum(_weight(ord(ch), config) for ch in text)
    heavy = len(outside.findall(text))
    return (len(text) - heavy) * config.ranges[0][2] + heavy * config.default_weight


def weighted_length(text: str, config: WeightConfig = V3) -> int | float:
    """X's weighted length of ``text`` (an int unless a configuration uses fractional weights)."""
    text = unicodedata.normalize("NFC", text)
    spans = {link.start: (link.end, config.link_length * _SCALE) for link in find_links(text)}
    if config.emoji:
        for start, end in emoji_spans(text).items():
            spans.setdefault(start, (end, config.default_weight))
    total, i = 0, 0
    for start in sorted(spans):
        if start < i:
            continue  # an emoji inside a link: the link already counts it
        end, weight = spans[start]
        total += _plain_weight(text[i:start], config) + weight
        i = end
    total += _plain_weight(text[i:], config)
    return total // _SCALE if total % _SCALE == 0 else total / _SCALE


def x_valid(text: str, config: WeightConfig = V3) -> bool:
    """twitter-text's "valid": not empty, within the limit, no forbidden character."""
    length = weighted_length(text, config)
    return 0 < length <= config.max_length and not (set(text) & INVALID_X)


def graphemes(text: str) -> int:
    """User-perceived characters (extended grapheme clusters, Unicode UAX #29).

    Segmenting is slow, and a text in a Latin script is one cluster per code point: count those.
    """
    if _NOT_SIMPLE.search(text) is None:
        return len(text)
    return len(_GRAPHEME.findall(text))


def utf8_bytes(text: str) -> int:
    return len(text.encode("utf-8"))


def utf16_units(text: str) -> int:
    """What a browser's ``string.length`` says: characters beyond U+FFFF count 2."""
    return len(text.encode("utf-16-le")) // 2


def code_points_emoji_as_bytes(text: str) -> int:
    """Threads' rule: characters count 1 each, but an emoji counts its UTF-8 bytes."""
    spans = emoji_spans(text)
    total, i = 0, 0
    while i < len(text):
        if i in spans:
            total += utf8_bytes(text[i : spans[i]])
            i = spans[i]
        else:
            total += 1
            i += 1
    return total
