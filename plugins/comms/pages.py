"""The registry of comms pages: each module listed here adds its pages to the room.

A page module has ``pages(room) -> {path: bytes}`` (paths relative to the
room, POSIX, no ``..``) and may have ``NAV = (path, {lang: label})`` to be
listed in the room's navigation. Modules are imported only when a room is
written, in this order; two modules writing the same path is a bug and fails.
"""

from __future__ import annotations

import importlib
import posixpath
from dataclasses import replace

from .room import Room

PAGES = (
    "podium.plugins.comms.board_page",  # index.html: the pipeline board, withheld posts included
    "podium.plugins.comms.review_page",  # review/<slug>.html: each post as legal will read it, before approving
    "podium.plugins.comms.schedule_files",  # calendar.html, schedule.json/.ics, the Hootsuite CSVs
    "podium.plugins.comms.teaser_files",  # teasers.json, one page per post with its teasers
    "podium.plugins.conversations.inbox_page",  # conversations/inbox.html: the leader's inbox
    "podium.plugins.conversations.worked_page",  # conversations/worked.html, data/reactions.csv
)


def modules(names=PAGES) -> list:
    return [importlib.import_module(name) for name in names]


def navigation(room: Room, found: list) -> tuple[tuple[str, str], ...]:
    return tuple((m.NAV[0], room.label(m.NAV[1])) for m in found if getattr(m, "NAV", None))


def _safe(path: str, module: str) -> str:
    clean = posixpath.normpath(path)
    if path.startswith("/") or clean.startswith("..") or clean != path:
        raise ValueError(f"{module} wants to write {path!r}: comms pages are plain paths inside the room")
    return path


def render_all(room: Room, names=PAGES) -> dict[str, bytes]:
    """Every file of the room, path -> bytes; the navigation lists every module that has a NAV."""
    found = modules(names)
    room = replace(room, nav=navigation(room, found))
    files: dict[str, bytes] = {}
    for module in found:
        for path, data in module.pages(room).items():
            if _safe(path, module.__name__) in files:
                raise ValueError(f"{module.__name__} writes {path}, which another comms page wrote already")
            files[path] = data
    return files
