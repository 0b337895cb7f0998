"""Connect the comms room to Pelican: at the very end of a build, write it into ``ctx.comms_dir``.

``finalized`` comes after the site is written and after the teasers and the
calendar have handed over their results; the room is written only when the
build asks for it (``ctx.comms_dir``) and has no error. Nothing here writes
into the site's output folder.
"""

from __future__ import annotations

import filecmp
import os
import shutil
from functools import partial

from pelican import signals

from .. import context, memo
from ..cards.cache import digest
from ..files import copy_atomic, write_atomic
from ..post import from_content
from . import pages, render_cache, review_glue
from .room import Room
from .templating import STATIC


def posts(settings, ctx) -> tuple:
    """Every article version with a file, public or withheld, as PostView values (one per slug and language).

    Their addresses are the teasers' (production's when known), as the schedule's links are.
    """
    root = ctx.address(settings).root
    found: dict = {}
    for item in list(ctx.posts) + list(ctx.withheld_content):
        view = from_content(item, root, early=True)
        if view.kind == "article":
            found.setdefault((view.slug, view.lang), view)
    return tuple(found.values())


def waiting(views: tuple, ctx) -> list:
    """The withheld posts the calendar plans for: in it, and neither an idea nor withdrawn."""
    calendar = ctx.calendar
    entries = calendar.entries if calendar is not None else {}
    return [
        v
        for v in views
        if ctx.is_withheld(v) and v.slug in entries and entries[v.slug].status not in ("idea", "withdrawn")
    ]


def tentative(views: tuple, ctx, reviews) -> tuple:
    """Where the withheld posts' shares would go, around the approved schedule."""
    if ctx.calendar is None or ctx.schedule is None or reviews is None:
        return ()
    from ..calendar.scheduler import tentative as plan

    by_slug: dict = {}
    for teaser in reviews.teasers:
        if not teaser.parts:  # as the calendar does: a thread is for people to post by hand
            by_slug.setdefault(teaser.slug, []).append(teaser)
    return tuple(
        plan(ctx.schedule[0], waiting(views, ctx), ctx.calendar, ctx.now, by_slug, networks=ctx.config.networks)
    )


def gather(settings, ctx, output_path: str | None = None) -> Room:
    """The build's data, as the pages read it (``output_path``: the site just built, for the review copies)."""
    scheduled = ctx.schedule or ((), ())
    views = posts(settings, ctx)
    reviews = review_glue.gather(settings, ctx, output_path) if output_path else None
    return Room(
        settings=settings,
        config=ctx.config,
        now=ctx.now,
        lang=settings.get("DEFAULT_LANG", "en"),
        sitename=settings.get("SITENAME", ""),
        teasers=tuple(ctx.teasers or ()),
        calendar=ctx.calendar,
        shares=tuple(scheduled[0]),
        unplaced=tuple(scheduled[1]),
        posts=views,
        withheld=dict(ctx.withheld),
        tentative=tentative(views, ctx, reviews),
        conversations=ctx.conversations,
        reviews=reviews,
        address=ctx.address(settings),
        pictures=dict(getattr(ctx.cards, "network_images", None) or {}),
    )


def write(folder: str, files: dict[str, bytes], room_memo=None) -> None:
    """Every file of the room; one whose bytes the room already has is taken over from it (plugins/memo.py)."""
    for name in sorted(os.listdir(STATIC)):
        shutil.copyfile(os.path.join(STATIC, name), os.path.join(_made(folder, "assets"), name))
    for path, data in files.items():
        rel = os.path.join(*path.split("/"))
        memo.produce(room_memo, folder, rel, digest(data), partial(_write_bytes, data))


def _write_bytes(data: bytes, path: str) -> None:
    write_atomic(path, data)


def _made(folder: str, sub: str) -> str:
    path = os.path.join(folder, sub)
    os.makedirs(path, exist_ok=True)
    return path


def _write(pelican) -> None:
    ctx = context.get(pelican.settings)
    if not ctx.comms_dir or ctx.report.errors:
        return  # not asked for, or a failing build: the scratch folder is thrown away
    cache = review_glue.review_cache(ctx) if ctx.memo is not None else None
    with render_cache.using(cache):
        room = gather(pelican.settings, ctx, pelican.output_path)
        write(ctx.comms_dir, pages.render_all(room), ctx.room_memo)
    _copy_pictures(ctx.comms_dir, room, getattr(ctx.cards, "files", None) or {})


def _copy_pictures(folder: str, room: Room, cached: dict) -> None:
    """The image networks' pictures of the posts with teasers, into ``pictures/``: the kit pages show them
    without loading anything from outside the room (the site may not be deployed yet)."""
    wanted = {(t.slug, t.lang) for t in room.teasers}
    for key in sorted(wanted & set(room.pictures)):
        for picture in room.pictures[key].values():
            source, target = cached.get(picture["path"]), os.path.join(folder, "pictures", *picture["path"].split("/"))
            if source and not (os.path.exists(target) and filecmp.cmp(source, target, shallow=False)):
                copy_atomic(source, target)


def register() -> None:
    # finalized: last of all, after the teasers' and the calendar's own 'finalized' handlers.
    signals.finalized.connect(_write)
