"""Shortening text to fit a limit: at a sentence end if that keeps enough, else at a word, with "…".

A cut is only ever made between two words (or between two CJK characters,
which need no space), never inside a link, a hashtag or a mention, and never
inside a grapheme cluster. Quotation marks and parentheses left open by a cut
are closed again.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from ..typography import ELLIPSIS, NNBSP
from .tokens import inside, protected_spans

_BREAK_SPACE = regex.compile(r"[ \t\n\r]+")
_CLUSTER = regex.compile(r"\X")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\u3000-\u303f\uff01-\uff60]")
_SENTENCE_END = regex.compile(
    r"(?<![\s.][A-Z]|\b(?:etc|e\.g|i\.e|Dr|Mr|Mrs|Ms|M|Mme|St|p|cf|vs|n°))[.!?\u2026]+[\u201d\u00bb\u202f\"')\]]*(?=\s|$)|[\u3002\uff01\uff1f]"
)
_TRAILING = regex.compile(r"[\s,;:\u00a0\u202f\u2014\u2013\-\u2026.(\u00ab\u201c]+$")
_PAIRS = (("\u00ab", "\u00bb"), ("\u201c", "\u201d"), ("(", ")"))
#: A sentence cut is preferred to a word cut when it keeps at least this share of it.
SENTENCE_SHARE = 0.5


def word_boundaries(text: str) -> list[int]:
    """Offsets where ``text[:offset]`` ends a whole word (or a CJK character)."""
    spans = protected_spans(text)
    cuts = {m.start() for m in _BREAK_SPACE.finditer(text) if m.start() > 0}
    position, previous = 0, ""
    for cluster in _CLUSTER.findall(text):
        if previous and (_CJK.match(previous) or _CJK.match(cluster)):
            cuts.add(position)
        position += len(cluster)
        previous = cluster
    cuts.add(len(text))
    return sorted(c for c in cuts if not inside(c, spans))


def sentence_ends(text: str) -> list[int]:
    """Offsets just after each sentence's final punctuation (closing quotes included)."""
    spans = protected_spans(text)
    return [m.end() for m in _SENTENCE_END.finditer(text) if not inside(m.end(), spans) and m.end() < len(text)]


def close_open(text: str, lang: str) -> str:
    """Close the quotation marks and parentheses that a cut left open."""
    for opening, closing in _PAIRS:
        missing = text.count(opening) - text.count(closing)
        if missing > 0:
            space = NNBSP if opening == "\u00ab" else ""
            text += (space + closing) * missing
    return text


def _with_ellipsis(text: str, lang: str) -> str:
    spans = protected_spans(text)
    trail = _TRAILING.search(text)
    if trail and not any(start < len(text) and trail.start() < end for start, end in spans):
        text = text[: trail.start()]
    return close_open(text + ELLIPSIS, lang) if text else ""


def _best_word_cut(text: str, ok: Callable[[str], bool], lang: str) -> str | None:
    cuts = [c for c in word_boundaries(text) if c < len(text)]
    low, high, best = 0, len(cuts) - 1, None
    while low <= high:  # the fit is monotonic in the cut's position: search it
        mid = (low + high) // 2
        candidate = _with_ellipsis(text[: cuts[mid]], lang)
        if candidate and ok(candidate):
            best, low = candidate, mid + 1
        else:
            high = mid - 1
    return best


def _best_sentence_cut(text: str, ok: Callable[[str], bool], lang: str) -> str | None:
    for end in reversed(sentence_ends(text)):
        candidate = close_open(text[:end].rstrip(), lang)
        if ok(candidate):
            return candidate
    return None


def longest_piece(text: str) -> int:
    """No version of ``text`` that ``shorten`` returns is longer than this.

    A cut ends before the end of the text and adds one ellipsis, or nothing
    after a sentence; closing what it left open adds at most two characters
    (a space and a guillemet) per quotation mark or parenthesis opened in it.
    """
    return len(text) + 2 * sum(text.count(opening) for opening, _ in _PAIRS)


def shorten(text: str, ok: Callable[[str], bool], lang: str = "en") -> str | None:
    """The longest acceptable version of ``text`` (``ok`` says what is acceptable), or None."""
    if ok(text):
        return text
    sentence = _best_sentence_cut(text, ok, lang)
    word = _best_word_cut(text, ok, lang)
    if sentence and (word is None or len(sentence) >= SENTENCE_SHARE * len(word)):
        return sentence
    return word
