"""Bounded readers for every YAML and JSON file podium reads: no input can make it hang, crash or eat memory.

Front matter, ``calendar.yaml``, teaser overrides and the ledger are written by
people (or pasted from strangers). A few hundred bytes of YAML aliases expand
into gigabytes, a line of ``[[[[…`` overflows a recursive parser, a date such
as ``2026-13-45`` makes PyYAML raise a bare ``ValueError``. Every reader goes
through this module, which refuses all of these as ``path:line`` errors:

- **aliases** (``*name``) are refused: podium's files never need them, and
  they are how a small file becomes a huge value;
- **size**: a text over ``limits.max_bytes`` characters (a file over that many
  bytes, checked before it is read) is refused;
- **nesting** deeper than ``limits.max_depth`` levels is refused;
- a value PyYAML cannot build (a date out of range, a 5,000-digit number) is
  a ``path:line`` error instead of a traceback.

API (``from podium.plugins import bounded``)::

    text = bounded.read_text(path, shown, bounded.CALENDAR)        # size before reading; UTF-8 errors with a line
    node = bounded.compose(text, shown, bounded.CALENDAR)           # yaml node tree with marks, or None
    data = bounded.construct(node, shown)                           # plain Python values from that tree
    data = bounded.load_yaml(text, shown, bounded.DEFAULT)          # both steps; syntax errors are BadInput too
    data = bounded.load_json(text, shown, bounded.LEDGER)           # json.loads with the same limits

``compose`` leaves YAML syntax errors to the caller (``yaml.MarkedYAMLError``)
so that each file keeps its own advice; everything else it refuses is a
``BadInput``. ``first_line`` shifts line numbers for text cut out of a larger
file (front matter starts on line 2). A new kind of file gets its own
``Limits`` here, next to the others, so the README's table stays complete.

Speed: libyaml (when PyYAML has it, version 0.2.6 or later, which caps its own
nesting) composes the tree, and the tree is walked only when a cheap scan of
the text says an alias or deep nesting is possible. Otherwise an iterative
composer built on the parser's events is used, which never recurses deeper
than the limit. Both are linear in the size of the text.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import BadInput
from .i18n import N_, _, current

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """How much of one kind of file podium reads; ``what`` names it in messages."""

    what: str
    max_bytes: int
    max_depth: int = 20


# ``what`` is marked for the catalogue here and translated where a message uses it
FRONT_MATTER = Limits(N_("the front matter"), 1 * MB)
POST = Limits(N_("a post"), 32 * MB)
CALENDAR = Limits(N_("the calendar"), 32 * MB)
LEDGER = Limits(N_("the ledger"), 64 * MB)
MODERATION = Limits(N_("the moderation file"), 16 * MB)
CONVERSATION = Limits(N_("the conversation file"), 16 * MB)
#: a deploy target's manifest (one line per file of the site) and a cache entry's description
MANIFEST = Limits(N_("the manifest"), 64 * MB)
CACHE_ENTRY = Limits(N_("the cache entry"), 1 * MB)
#: for files that have no limits of their own yet (moderation lists, conversation stores, comms edits)
DEFAULT = Limits(N_("the file"), 16 * MB)

_NATIVE = getattr(yaml, "CSafeLoader", None)
try:
    from yaml import _yaml as _libyaml

    # libyaml 0.2.6 refuses nesting deeper than 1000 itself; older ones recurse until the stack runs out
    _NATIVE_BOUNDED = _NATIVE is not None and tuple(_libyaml.get_version()) >= (0, 2, 6)
except ImportError:
    _NATIVE_BOUNDED = False
#: the event parser: libyaml's when present (fast), else PyYAML's own
_EVENTS = _NATIVE or yaml.SafeLoader


def _size(text: str, path: str, limits: Limits, first_line: int) -> None:
    if len(text) > limits.max_bytes:
        raise _too_big(limits, len(text), path, max(first_line - 1, 1))


def _too_big(limits: Limits, size: int, path: str, line: int) -> BadInput:
    return BadInput(
        _(
            "{what} is {size}, over the {limit} podium reads; split it or remove what is not needed",
            what=_(limits.what),
            size=_mb(size),
            limit=_mb(limits.max_bytes),
        ),
        path=path,
        line=line,
    )


def _mb(size: int) -> str:
    from babel.numbers import format_decimal  # digits grouped as the reader's language groups them

    if size >= MB // 10:
        return _("{size} MB", size=format_decimal(round(size / MB, 1), format="#,##0.0", locale=current()))
    return _("{size} bytes", size=format_decimal(size, locale=current()))


def _may_nest(text: str, depth: int) -> bool:
    """False when ``text`` cannot hold more than ``depth`` levels: few brackets, shallow indentation.

    A flow level needs a '[' or '{'; a block level needs two more columns of
    indentation (or of '- ', '? ' and ': ' written before the line's content).
    """
    if len(text) <= depth:
        return False
    flow = text.count("[") + text.count("{")
    budget = (depth - flow) // 2 - 1
    if budget <= 0:
        return True
    return re.search(r"^[ \t?:-]{%d,}" % budget, text, re.M) is not None


def compose(text: str, path: str, limits: Limits = DEFAULT, first_line: int = 1) -> Node | None:
    """The node tree of ``text`` (marks count from 0, as PyYAML's), or None for an empty document.

    Raises BadInput for a refused alias, size, nesting or control character; yaml.YAMLError for a syntax error.
    """
    try:
        return _compose(text, path, limits, first_line)
    except yaml.reader.ReaderError as exc:
        raise _unprintable(text, exc, path, limits, first_line) from None


def _unprintable(text: str, exc: yaml.reader.ReaderError, path: str, limits: Limits, first_line: int) -> BadInput:
    """A character YAML refuses, at its line and column (libyaml counts bytes, PyYAML characters: find it)."""
    at = text.find(chr(exc.character)) if isinstance(exc.character, int) else -1
    at = at if at >= 0 else min(exc.position, len(text))
    line = text.count("\n", 0, at)
    return BadInput(
        _(
            "{what} holds the invisible character U+{code:04X}, which YAML does not allow; delete it "
            "(retype the line if you cannot see it)",
            what=limits.what,
            code=exc.character if isinstance(exc.character, int) else 0,
        ),
        path=path,
        line=first_line + line,
        col=at - (text.rfind("\n", 0, at) + 1) + 1,
    )


def _compose(text: str, path: str, limits: Limits, first_line: int) -> Node | None:
    _size(text, path, limits, first_line)
    suspect = ("*" in text and "&" in text) or _may_nest(text, limits.max_depth)
    if not _NATIVE_BOUNDED:
        return _compose_events(text, path, limits, first_line)
    failure = node = None
    try:
        with _paused_gc():
            node = yaml.compose(text, Loader=_NATIVE)
    except yaml.YAMLError as exc:
        failure = exc  # handled below, so that a refusal does not carry libyaml's thousand-frame traceback
    if failure is not None:
        mark = getattr(failure, "problem_mark", None)
        if mark is not None and "maximum nesting depth" in str(failure.problem):  # libyaml's own cap
            _locate_depth(text, path, limits, first_line, mark)
            raise _too_deep(limits, path, first_line, mark)
        if suspect:
            _compose_events(text, path, limits, first_line)  # a refused alias or depth explains it better
        raise failure.with_traceback(None)
    if suspect and node is not None and not _within(node, limits.max_depth):
        _compose_events(text, path, limits, first_line)  # finds where, and raises
    return node


def _locate_depth(text: str, path: str, limits: Limits, first_line: int, mark) -> None:
    """Raise the depth error where our limit is passed, reading only up to where libyaml gave up."""
    start = 0
    for _line in range(mark.line):
        start = text.index("\n", start) + 1
    try:
        _compose_events(text[: start + mark.column], path, limits, first_line)
    except yaml.YAMLError:
        pass


def _within(root: Node, depth: int) -> bool:
    """True when no node is reached twice (an alias) and no branch is deeper than ``depth``."""
    seen: set[int] = set()
    stack = [(root, 1)]
    while stack:
        node, level = stack.pop()
        if id(node) in seen or (level > depth and not isinstance(node, ScalarNode)):
            return False
        seen.add(id(node))
        if isinstance(node, SequenceNode):
            stack.extend((child, level + 1) for child in node.value)
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                stack.append((key, level + 1))
                stack.append((value, level + 1))
    return True


def _compose_events(text: str, path: str, limits: Limits, first_line: int) -> Node | None:
    """PyYAML's composer without recursion: refuses the first alias and the first level past the limit."""
    loader = _EVENTS(text)
    try:
        with _paused_gc():
            return _build(loader, path, limits, first_line)
    finally:
        loader.dispose()


@contextlib.contextmanager
def _paused_gc():
    """No cyclic garbage collection while a tree is built: it has no cycles, and the collector's passes
    over hundreds of thousands of new nodes made a 10,000-entry calendar cost more per entry than a small one."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _build(loader, path: str, limits: Limits, first_line: int) -> Node | None:
    stack: list[list] = []  # [collection node, key waiting for its value]
    root = None
    while (event := loader.get_event()) is not None:
        kind = type(event)
        if kind is AliasEvent:
            raise BadInput(
                _(
                    "'*{anchor}' repeats a value written elsewhere (a YAML alias); podium does not "
                    "accept aliases: write the value out in full",
                    anchor=event.anchor,
                ),
                **_at(event, path, first_line),
            )
        if kind is ScalarEvent:
            tag = event.tag if event.tag not in (None, "!") else loader.resolve(ScalarNode, event.value, event.implicit)
            node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
        elif kind is SequenceStartEvent or kind is MappingStartEvent:
            if len(stack) >= limits.max_depth:
                raise _too_deep(limits, path, first_line, event.start_mark)
            cls = SequenceNode if kind is SequenceStartEvent else MappingNode
            tag = event.tag if event.tag not in (None, "!") else loader.resolve(cls, None, event.implicit)
            stack.append([cls(tag, [], event.start_mark, None, flow_style=event.flow_style), None])
            continue
        elif kind is SequenceEndEvent or kind is MappingEndEvent:
            node = stack.pop()[0]
            node.end_mark = event.end_mark
        else:
            continue  # stream and document start and end
        if not stack:
            root = node
        elif isinstance(stack[-1][0], SequenceNode):
            stack[-1][0].value.append(node)
        elif stack[-1][1] is None:
            stack[-1][1] = node
        else:
            stack[-1][0].value.append((stack[-1][1], node))
            stack[-1][1] = None
    return root


def _too_deep(limits: Limits, path: str, first_line: int, mark) -> BadInput:
    return BadInput(
        _(
            "{what} nests deeper than {depth} levels; flatten it (podium's files need only a few levels)",
            what=_(limits.what),
            depth=limits.max_depth,
        ),
        path=path,
        line=first_line + mark.line,
        col=mark.column + 1,
    )


def _at(event, path: str, first_line: int) -> dict:
    mark = event.start_mark
    return {"path": path, "line": first_line + mark.line, "col": mark.column + 1}


class _Constructor(SafeConstructor):
    """SafeConstructor whose failures on one value (a 13th month, a 5,000-digit number) point at that value."""

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, OverflowError, RecursionError, AttributeError) as exc:
            # AttributeError: PyYAML's own constructors fail so on a tag that does not fit ('!!timestamp x')
            why = _("a number of more than 4,300 digits") if "digits" in str(exc) else str(exc)
            raise ConstructorError(
                None, None, _("the value cannot be read ({why})", why=why), node.start_mark
            ) from None


def construct(node: Node | None, path: str, first_line: int = 1) -> Any:
    """The Python value of a tree from ``compose``; a value PyYAML cannot build is BadInput at its line."""
    if node is None:
        return None
    try:
        return _Constructor().construct_document(node)
    except ConstructorError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise BadInput(
            _(
                "{problem}; write it as plain text between quotes, or correct it",
                problem=exc.problem or _("a value cannot be read"),
            ),
            path=path,
            line=first_line + mark.line if mark else first_line,
            col=mark.column + 1 if mark else None,
        ) from None


def load_yaml(text: str, path: str, limits: Limits = DEFAULT, first_line: int = 1) -> Any:
    """compose then construct; a YAML syntax error is BadInput too."""
    try:
        node = compose(text, path, limits, first_line)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise BadInput(
            _(
                "the YAML cannot be read ({what}); check this line and the one above "
                "for a missing colon, an unclosed quote or a wrong indentation",
                what=exc.problem or exc.context or _("invalid YAML"),
            ),
            path=path,
            line=first_line + mark.line if mark else first_line,
            col=mark.column + 1 if mark else None,
        ) from None
    except yaml.YAMLError as exc:
        raise BadInput(
            _("the YAML cannot be read ({exc}); compare the file with the README's example", exc=exc),
            path=path,
            line=first_line,
        ) from None
    return construct(node, path, first_line)


def load_json(text: str, path: str, limits: Limits = DEFAULT, fix: str | None = None) -> Any:
    """json.loads with podium's limits; ``fix`` (already translated) ends the message for a syntax error."""
    _size(text, path, limits, 1)
    fix = fix or _("restore it from git")
    what = _(limits.what)
    try:
        body = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInput(
            _("{what} is not valid JSON ({problem}); {fix}", what=what, problem=exc.msg, fix=fix),
            path=path,
            line=exc.lineno,
            col=exc.colno,
        ) from None
    except RecursionError:
        body = _TOO_DEEP
    except ValueError:  # Python refuses to read a number of more than 4,300 digits
        raise BadInput(
            _("{what} holds a number of more than 4,300 digits; {fix}", what=what, fix=fix), path=path, line=1
        ) from None
    if body is _TOO_DEEP or not _json_within(body, limits.max_depth):
        raise BadInput(
            _("{what} nests deeper than {depth} levels; {fix}", what=what, depth=limits.max_depth, fix=fix),
            path=path,
            line=_json_depth_line(text, limits.max_depth),
        )
    return body


_TOO_DEEP = object()


def _json_within(body: Any, depth: int) -> bool:
    stack = [(body, 1)]
    while stack:
        value, level = stack.pop()
        if level > depth:
            return False
        if isinstance(value, dict):
            stack.extend((child, level + 1) for child in value.values() if isinstance(child, (dict, list)))
        elif isinstance(value, list):
            stack.extend((child, level + 1) for child in value if isinstance(child, (dict, list)))
    return True


def _json_depth_line(text: str, depth: int) -> int:
    """The line where the nesting passes ``depth`` (strings skipped); only used to word an error."""
    level = 0
    for match in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', text):
        token = match.group()
        if token in "[{":
            level += 1
            if level > depth:
                return text.count("\n", 0, match.start()) + 1
        elif token in "]}":
            level -= 1
    return 1


def read_text(path: str | os.PathLike, shown: str, limits: Limits) -> str:
    """A file's UTF-8 text, refused before reading when it is over the limit; bad bytes get their line."""
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limits.max_bytes:
            raise _too_big(limits, size, shown, 1)
        # read(n) allocates n bytes at once: ask for the file's size, not the limit (32 MB for every post)
        data = handle.read(size + 1)
        if len(data) > size:  # the file grew since fstat: read on, to the limit
            data += handle.read(limits.max_bytes + 1 - len(data))
    return decode(data, shown, limits)


def decode(data: bytes, shown: str, limits: Limits) -> str:
    """UTF-8 text of ``data`` (a leading BOM kept for the caller); a bad byte is BadInput at its line."""
    if len(data) > limits.max_bytes:
        raise _too_big(limits, len(data), shown, 1)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise BadInput(
            _(
                "{what} is not UTF-8 text (byte 0x{byte:02x}); save it as UTF-8 in your editor",
                what=_(limits.what),
                byte=data[exc.start],
            ),
            path=shown,
            line=line,
            col=col,
        ) from None


__all__ = [
    "Limits",
    "FRONT_MATTER",
    "POST",
    "CALENDAR",
    "LEDGER",
    "MODERATION",
    "CONVERSATION",
    "DEFAULT",
    "compose",
    "construct",
    "load_yaml",
    "load_json",
    "read_text",
    "decode",
]
