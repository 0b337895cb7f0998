"""Stable fingerprints of what a page is rendered from: the render memo's keys.

A page's bytes follow from its template, the settings, podium's code, the
site-wide facts every page may show (each post's title, address, date, tags,
summary, card, conversation; the menus, feeds and series) and the contents the
page itself is given (its post, or the posts it lists). The fingerprint of a
value is built from its data, never from ``id()`` or a default ``repr``: a value
podium cannot describe that way raises ``Unstable``, and the page is simply
rendered again (a miss costs time, a wrong hit would show stale words).

A content object counts twice over: by its *facts* (everything but its body),
which enter the site-wide fingerprint, and *whole* (facts and body), where a
page is given it. So editing a post's text re-renders that post's page and the
lists that carry it, not the whole site; a theme that shows a post's text on
a page that is not given that post must turn the memo off (PODIUM_RENDER_MEMO).
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import PurePath
from typing import Any

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

#: what makes a content's body, shown on its own page only: the text, the exact word count (its page's
#: JSON-LD), and the images' sizes and variants its <picture> elements are written from
_BODY = ("_content", "podium_word_count", "podium_image_plans")
#: attributes of a content object that are not its own facts: Pelican's shared settings and context, and the body
_NOT_FACTS = frozenset({"settings", "_context", "content", "_summary", *_BODY})
#: context entries that change while pages are written, and say nothing a page keys on; and the build
#: context itself (``PODIUM``), which templates do not read (what they see of it, the withheld posts, is keyed)
_VOLATILE = frozenset({"localsiteurl", "output_file", "PODIUM", "OUTPUT_PATH", "DELETE_OUTPUT_DIRECTORY"})
#: context lists whose order follows a set's (Pelican's static files): the same files in another order are the same
_UNORDERED = frozenset({"staticfiles"})
_PLAIN = (str, int, float, bool, type(None), complex)


class Unstable(Exception):
    """A value without a stable description: whatever holds it is rendered, not remembered."""


def _hash(parts: Iterable[str]) -> str:
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


class Fingerprints:
    """One build's fingerprints, each content object described once however many pages name it."""

    def __init__(self) -> None:
        self._facts: dict[int, str] = {}
        self._whole: dict[int, str] = {}
        self._refs: dict[int, str] = {}
        self._keep: list[Any] = []  # the objects whose id() is a key above: alive for the whole build

    def ref(self, item: Content) -> str:
        """Which content ``item`` is: its class and source (its facts are counted where they are shown)."""
        found = self._refs.get(id(item))
        if found is None:
            found = self._refs[id(item)] = f"C:{type(item).__qualname__}:{vars(item).get('source_path', '')!r}"
            self._keep.append(item)
        return found

    def facts(self, item: Content) -> str:
        """Everything about ``item`` but its body."""
        found = self._facts.get(id(item))
        if found is None:
            attrs = {k: v for k, v in vars(item).items() if k not in _NOT_FACTS}
            parts = [type(item).__qualname__, str(getattr(item, "save_as", "")), self.describe(attrs, deep=False)]
            body = getattr(item, "_content", None)
            if isinstance(body, str) and body and "summary" not in (getattr(item, "metadata", None) or {}):
                parts.append(str(item.summary))  # Pelican cuts it from the body: a list page shows it
            found = self._facts[id(item)] = _hash(parts)
            self._keep.append(item)
        return found

    def whole(self, item: Content) -> str:
        """``item``'s facts and its body."""
        found = self._whole.get(id(item))
        if found is None:
            body = {name: vars(item).get(name) for name in _BODY}
            found = self._whole[id(item)] = _hash([self.facts(item), self.describe(body, deep=False)])
            self._keep.append(item)
        return found

    def describe(self, value: Any, deep: bool) -> str:
        """A stable text for ``value``; content objects inside it whole when ``deep``, else by reference."""
        out: list[str] = []
        _Walk(self, deep, out).value(value)
        return _hash(out)

    def site(self, context: Mapping[str, Any], extra: Iterable[Any] = ()) -> str:
        """What every page may show: the shared context (contents by reference) and each content's facts."""
        items = {id(v): v for v in _contents(context.values())}
        shown = {k: frozenset(v) if k in _UNORDERED else v for k, v in context.items() if k not in _VOLATILE}
        parts = [self.describe(shown, deep=False)]
        parts += sorted(self.facts(v) for v in items.values())
        parts += [self.describe(list(extra), deep=False)]
        return _hash(parts)


def _contents(values: Iterable[Any], depth: int = 0) -> Iterable[Content]:
    """The content objects in the context's lists and maps (a few levels deep: tag -> posts)."""
    for value in values:
        if isinstance(value, Content):
            yield value
        elif depth < 3 and isinstance(value, Mapping):
            yield from _contents(value.values(), depth + 1)
        elif depth < 3 and isinstance(value, list | tuple | set | frozenset):
            yield from _contents(value, depth + 1)


class _Walk:
    """Writes a value's description into ``out``, part by part."""

    def __init__(self, prints: Fingerprints, deep: bool, out: list[str]):
        self.prints, self.deep, self.out = prints, deep, out
        self.busy: set[int] = set()

    def value(self, value: Any) -> None:
        kind = type(value)
        if kind is str:
            self.out.append(f"s{len(value)}:{value}")  # length first: no text can pass for structure
            return
        if kind in _PLAIN_TYPES or isinstance(value, _PLAIN):
            self.out.append(f"{kind.__name__}:{value!r}")
            return
        if isinstance(value, Content):
            ref = self.prints.ref(value)
            self.out.append(ref + ":" + self.prints.whole(value) if self.deep else ref)
            return
        if id(value) in self.busy:
            self.out.append("cycle")
            return
        self.busy.add(id(value))
        try:
            self._compound(value)
        finally:
            self.busy.discard(id(value))

    def _compound(self, value: Any) -> None:
        if isinstance(value, list | tuple):
            self.out.append(f"L:{type(value).__name__}:{len(value)}")
            for v in value:
                self.value(v)
        elif isinstance(value, Mapping):
            self._mapping(value)
        elif isinstance(value, set | frozenset):
            self.out.append(f"S:{len(value)}")
            self.out += sorted(self.prints.describe(v, self.deep) for v in value)
        else:
            self._other(value)

    def _mapping(self, value: Mapping) -> None:
        self.out.append(f"M:{len(value)}")
        if all(type(k) is str for k in value):
            pairs = sorted(value.items(), key=_first)
        else:
            pairs = sorted(((self.prints.describe(k, False), v) for k, v in value.items()), key=_first)
        for key, v in pairs:
            self.out.append(key)
            self.value(v)

    def _other(self, value: Any) -> None:
        for kind, describe in _KINDS:
            if isinstance(value, kind):
                self.out.append(describe(value))
                return
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            self.out.append(f"D:{type(value).__module__}.{type(value).__qualname__}")
            for f in dataclasses.fields(value):
                self.out.append(f.name)
                self.value(getattr(value, f.name))
            return
        if callable(value) and hasattr(value, "__qualname__"):
            # a filter or global: its behaviour is code, and the code is in the key
            self.out.append(f"F:{getattr(value, '__module__', '')}.{value.__qualname__}")
            return
        raise Unstable(type(value).__qualname__)


def _first(pair):
    return pair[0]


def _moment(value) -> str:
    text = str(value) if isinstance(value, timedelta) else value.isoformat()
    return f"T:{type(value).__name__}:{text}:{getattr(value, 'tzinfo', None)}"


_PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})
_KINDS: tuple[tuple[type | tuple[type, ...], Callable[[Any], str]], ...] = (
    (enum.Enum, lambda v: f"E:{type(v).__qualname__}.{v.name}"),
    ((datetime, date, time, timedelta), _moment),
    (tzinfo, lambda v: f"Z:{str(v)!r}"),
    (URLWrapper, lambda v: f"W:{type(v).__name__}:{v.name!r}:{v.slug!r}"),
    (PurePath, lambda v: f"P:{str(v)!r}"),
    ((bytes, bytearray), lambda v: "B:" + hashlib.blake2b(bytes(v), digest_size=20).hexdigest()),
)
