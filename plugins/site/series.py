"""Series: posts that share a ``series`` name, read in ``series_index`` order, per language.

Pure: members are plain values carrying an opaque ``ref`` (the glue puts the
Pelican article there) so ordering and neighbours are tested without a build.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from ..i18n import _

T = TypeVar("T")


class BadIndex(ValueError):
    """``series_index`` is not a whole number; the text says what was received."""


@dataclass(frozen=True)
class Member:
    ref: Any
    series: str
    index: int | None
    date: datetime
    lang: str


@dataclass(frozen=True)
class Series:
    title: str
    slug: str
    members: tuple[Member, ...]  # reading order, every language

    def in_language(self, lang: str) -> tuple[Member, ...]:
        return tuple(m for m in self.members if m.lang == lang)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.lang for m in self.members))


def parse_index(value: Any) -> int | None:
    """``series_index`` as written (YAML gives 2, Pelican headers give '2'); None when absent."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise BadIndex(_("series_index must be a whole number; received {value!r}", value=value))
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if text.isdigit():
        return int(text)
    raise BadIndex(_("series_index must be a whole number; received {value!r}", value=value))


def reading_order(member: Member) -> tuple:
    """Numbered parts first by number; unnumbered ones after them, oldest first."""
    return (member.index is None, member.index or 0, member.date)


def collect(members: Iterable[Member], slugify: Callable[[str], str]) -> list[Series]:
    """Group members into series, each in reading order; series sorted by their first post's date."""
    groups: dict[str, list[Member]] = {}
    titles: dict[str, str] = {}
    for member in members:
        title = " ".join(member.series.split())
        if not title:
            continue
        slug = slugify(title)
        titles.setdefault(slug, title)
        groups.setdefault(slug, []).append(member)
    found = [Series(titles[slug], slug, tuple(sorted(group, key=reading_order))) for slug, group in groups.items()]
    return sorted(found, key=lambda s: (min(m.date for m in s.members), s.slug))


def adjacent(items: Sequence[T]) -> list[tuple[T | None, T | None]]:
    """(previous, next) for each item of an ordered sequence."""
    return [(items[i - 1] if i > 0 else None, items[i + 1] if i + 1 < len(items) else None) for i in range(len(items))]


@dataclass(frozen=True)
class Position:
    """Where one post stands in its series, in its own language."""

    series: Series
    number: int  # 1-based place among the parts in this language
    count: int
    previous: Member | None
    next: Member | None
    parts: tuple[Member, ...]


def positions(series: Series) -> dict[int, Position]:
    """Position of every member, keyed by ``id(member.ref)``; neighbours stay in one language."""
    found = {}
    for lang in series.languages:
        parts = series.in_language(lang)
        for number, (member, (before, after)) in enumerate(zip(parts, adjacent(parts)), 1):
            found[id(member.ref)] = Position(series, number, len(parts), before, after, parts)
    return found


def chronological_neighbours(
    items: Iterable[T], date: Callable[[T], datetime], lang: Callable[[T], str]
) -> dict[int, tuple[T | None, T | None]]:
    """Previous (older) and next (newer) post in the same language, keyed by ``id(item)``."""
    by_lang: dict[str, list[T]] = {}
    for item in items:
        by_lang.setdefault(lang(item), []).append(item)
    found = {}
    for group in by_lang.values():
        ordered = sorted(group, key=date)
        for item, pair in zip(ordered, adjacent(ordered)):
            found[id(item)] = pair
    return found
