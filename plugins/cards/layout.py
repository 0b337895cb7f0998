"""Fitting a title into a box: wrap at word boundaries, shrink to fit, ellipsis as a last resort.

Pure: text is measured through a ``Face`` the caller passes in, so the rules
are tested with a fake monospace face and used with Pillow fonts by the
renderer. The rules, in order of preference:

1. the largest size at which every line fits the box width and all lines fit
   its height; lines break only between words or after a hyphen inside a
   compound word ("porte-parole"), never inside a word;
2. at that size, lines are balanced (the narrowest width that still gives the
   same number of lines), so a title does not end with a lonely word;
3. if even the smallest size is too big, the text is cut after a whole word
   and ends with an ellipsis; only a single word wider than the whole box
   (a pasted URL, say) is cut inside, and then also marked by the ellipsis.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

ELLIPSIS = "\u2026"
#: Spaces that must not become line breaks (French puts them before ? ! : ;).
_HARD_SPACES = "\u00a0\u202f"
_SPLIT = re.compile(rf"[^\S{_HARD_SPACES}]+")
#: A word made only of punctuation that belongs to the word before it.
_CLOSING = re.compile(r"^[?!:;»%)\]…\u203a]+[.,]?$")
_OPENING = re.compile(r"^[«(\[\u2039]+$")
#: Break opportunity after a hyphen between two letters.
_HYPHEN = re.compile(r"(?<=\w[-\u2010])(?=\w)")


class Face(Protocol):
    """How big text is at a given size; the renderer backs it with a font."""

    def width(self, text: str, size: int) -> int: ...

    def line_height(self, size: int) -> int: ...

    def ink_height(self, size: int) -> int: ...


@dataclass(frozen=True)
class Unit:
    """A piece that cannot be broken, and whether a space separates it from the one before."""

    text: str
    space_before: bool


@dataclass(frozen=True)
class Fit:
    size: int
    lines: tuple[str, ...]
    truncated: bool = False


def words(text: str) -> list[str]:
    """Split on breaking spaces, keeping French punctuation with its word."""
    out: list[str] = []
    pending_opening = ""
    for word in _SPLIT.split(text.strip()):
        if not word:
            continue
        if _OPENING.match(word):
            pending_opening += word + "\u00a0"
            continue
        word = pending_opening + word
        pending_opening = ""
        if out and _CLOSING.match(word):
            out[-1] += "\u00a0" + word
        else:
            out.append(word)
    if pending_opening:
        out.append(pending_opening.rstrip("\u00a0"))
    return out


def units(text: str) -> list[Unit]:
    """The unbreakable pieces of ``text``: words, and compound words split after hyphens."""
    found: list[Unit] = []
    for index, word in enumerate(words(text)):
        for part_index, part in enumerate(_HYPHEN.split(word)):
            found.append(Unit(part, space_before=index > 0 and part_index == 0))
    return found


def join(line: Sequence[Unit]) -> str:
    return "".join((" " if u.space_before and i else "") + u.text for i, u in enumerate(line))


def wrap(pieces: Sequence[Unit], face: Face, size: int, width: int) -> list[list[Unit]] | None:
    """Greedy wrap; None when one piece alone is wider than ``width``."""
    lines: list[list[Unit]] = []
    current: list[Unit] = []
    for unit in pieces:
        if current and face.width(join(current + [unit]), size) <= width:
            current.append(unit)
            continue
        if face.width(unit.text, size) > width:
            return None
        if current:
            lines.append(current)
        current = [unit]
    if current:
        lines.append(current)
    return lines


def block_height(face: Face, size: int, count: int) -> int:
    if count == 0:
        return 0
    return (count - 1) * face.line_height(size) + face.ink_height(size)


def max_lines(face: Face, size: int, height: int) -> int:
    count = 0
    while block_height(face, size, count + 1) <= height:
        count += 1
    return count


def balance(pieces: Sequence[Unit], face: Face, size: int, width: int, count: int) -> list[list[Unit]]:
    """The narrowest wrap that keeps ``count`` lines: evens out ragged lines."""
    low, high = 1, width
    best = wrap(pieces, face, size, width)
    while low < high:
        middle = (low + high) // 2
        trial = wrap(pieces, face, size, middle)
        if trial is not None and len(trial) <= count:
            best, high = trial, middle
        else:
            low = middle + 1
    return best


def fit(text: str, face: Face, width: int, height: int, sizes: Sequence[int], balanced: bool = True) -> Fit:
    """Place ``text`` in a ``width`` × ``height`` box at the first size in ``sizes`` that fits."""
    pieces = units(text)
    if not pieces:
        return Fit(size=sizes[0], lines=())
    for size in sizes:
        lines = wrap(pieces, face, size, width)
        if lines is not None and block_height(face, size, len(lines)) <= height:
            if balanced and len(lines) > 1:
                lines = balance(pieces, face, size, width, len(lines))
            return Fit(size=size, lines=tuple(join(line) for line in lines))
    return shorten(pieces, face, width, height, sizes[-1])


def shorten(pieces: Sequence[Unit], face: Face, width: int, height: int, size: int) -> Fit:
    """Last resort: as many whole words as fit, then an ellipsis."""
    room = max(1, max_lines(face, size, height))
    lines: list[str] = []
    current: list[Unit] = []
    dropped = False
    for unit in pieces:
        if current and face.width(join(current + [unit]), size) <= width:
            current.append(unit)
            continue
        if current:
            lines.append(join(current))
        current = [unit]
        if len(lines) == room:
            dropped = True
            break
    if not dropped:
        lines.append(join(current))
    kept = [line if face.width(line, size) <= width else squeeze(line, face, size, width) for line in lines]
    if dropped:
        kept[-1] = with_ellipsis(kept[-1], face, size, width)
    return Fit(size=size, lines=tuple(kept), truncated=dropped or kept != lines)


def with_ellipsis(line: str, face: Face, size: int, width: int) -> str:
    """Drop words from the end of ``line`` until it and an ellipsis fit."""
    line = line.rstrip(ELLIPSIS)
    parts = units(line)
    while parts:
        candidate = join(parts).rstrip(" ,;:.-\u00a0") + ELLIPSIS
        if face.width(candidate, size) <= width:
            return candidate
        if len(parts) == 1:
            return squeeze(parts[0].text, face, size, width)
        parts = parts[:-1]
    return ELLIPSIS


def squeeze(word: str, face: Face, size: int, width: int) -> str:
    """A single word wider than the box: the only case cut inside a word, marked by the ellipsis."""
    cut = len(word)
    while cut > 0 and face.width(word[:cut] + ELLIPSIS, size) > width:
        cut -= 1
    return word[:cut] + ELLIPSIS
