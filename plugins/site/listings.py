"""Listing pages whose older parts keep their bytes when a post is added.

Pelican numbers the pages of a listing from the newest post: one new post
moves every post one place down, so every page of the home, of each tag and
of each category changes and is uploaded again. Here the head page (the
home, ``tag/x.html``...) shows the newest ``size`` posts, and the older posts
are cut into parts of ``size`` posts numbered from the oldest: part 1 holds
the first ``size`` posts ever written and never changes again. A new post
changes the head page, and once every ``size`` posts creates the next part
(and the link to it from the part before). Every post is on the head page or
in a part, so none is unreachable.

Pure: posts are any values, newest first, as Pelican hands them to templates.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

#: Templates whose pages podium cuts this way instead of Pelican's pagination.
LISTED = ("index", "tag", "category", "author")


@dataclass(frozen=True)
class Part:
    """One older page of a listing: ``number`` 1 holds the oldest posts."""

    number: int
    posts: tuple[Any, ...]  # newest first, as on the head page
    save_as: str
    newer: str  # save_as of the next part, or of the head page for the newest part
    older: str | None  # save_as of the part before, None for part 1


@dataclass(frozen=True)
class Listing:
    latest: tuple[Any, ...]  # the head page's posts, newest first
    parts: tuple[Part, ...]  # oldest first
    #: where the head page's "older posts" link goes: the part with the newest post the head page leaves out
    older: str | None = None


def part_path(head: str, number: int) -> str:
    """``tag/x.html`` -> ``tag/x/page/3.html``; ``index.html`` -> ``page/3.html``.

    A folder named after the head page keeps the parts beside it, and no slug
    can hold a '/', so a part never takes the path of another page.
    """
    folder, name = posixpath.split(head)
    stem = posixpath.splitext(name)[0]
    base = folder if stem == "index" else posixpath.join(folder, stem)
    return posixpath.join(base, "page", f"{number}.html")


def listing(posts: Sequence[Any], size: int, head: str) -> Listing:
    """The head page's posts and the older parts of a listing of ``posts`` (newest first)."""
    if size < 1:
        raise ValueError(f"a listing shows at least one post, not {size}")
    oldest_first = list(reversed(posts))
    count = len(oldest_first) // size if len(oldest_first) > size else 0
    parts = []
    for number in range(1, count + 1):
        chunk = oldest_first[(number - 1) * size : number * size]
        parts.append(
            Part(
                number=number,
                posts=tuple(reversed(chunk)),
                save_as=part_path(head, number),
                newer=part_path(head, number + 1) if number < count else head,
                older=part_path(head, number - 1) if number > 1 else None,
            )
        )
    older = part_path(head, (len(oldest_first) - size - 1) // size + 1) if parts else None
    return Listing(latest=tuple(posts[:size]), parts=tuple(parts), older=older)
