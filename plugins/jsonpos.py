"""The line of a value inside a JSON text, found by its path (keys and indexes), for ``path:line`` errors.

Python's json module gives values without positions. When a file podium
wrote is damaged (a stored conversation with a reply missing its author),
the message should point at that reply's line: the text is walked along the
path, skipping every other value with the json module's own decoder, so it
costs one pass over the text before the value. Only used to word an error.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from json.decoder import scanstring

_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def line_of(text: str, path: Sequence[str | int]) -> int:
    """The line where the value at ``path`` starts; where the walk stopped when the path is not there."""
    try:
        at = _walk(text, path)
    except (ValueError, IndexError):
        return 1
    return text.count("\n", 0, at) + 1


def _walk(text: str, path: Sequence[str | int]) -> int:
    at = _SPACE.match(text, 0).end()
    for step in path:
        found = _key(text, at, step) if isinstance(step, str) else _index(text, at, step)
        if found is None:
            return at
        at = found
    return at


def _next(text: str, at: int) -> int:
    """Past one value, its spaces and a following comma."""
    _, at = _DECODER.raw_decode(text, at)
    at = _SPACE.match(text, at).end()
    if text[at : at + 1] == ",":
        at = _SPACE.match(text, at + 1).end()
    return at


def _key(text: str, at: int, wanted: str) -> int | None:
    if text[at : at + 1] != "{":
        return None
    at = _SPACE.match(text, at + 1).end()
    while text[at : at + 1] == '"':
        key, at = scanstring(text, at + 1)
        at = _SPACE.match(text, at).end() + 1  # the colon
        at = _SPACE.match(text, at).end()
        if key == wanted:
            return at
        at = _next(text, at)
    return None


def _index(text: str, at: int, wanted: int) -> int | None:
    if text[at : at + 1] != "[":
        return None
    at = _SPACE.match(text, at + 1).end()
    for _ in range(wanted):
        if text[at : at + 1] == "]":
            return None
        at = _next(text, at)
    return at if text[at : at + 1] not in ("]", "") else None
