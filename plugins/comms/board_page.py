"""The comms room's index: the pipeline board, every post from idea to published, and what still blocks each one."""

from __future__ import annotations

from ..i18n import translate
from . import board
from .room import Room
from .templating import prefix, render

NAV = ("index.html", {"en": "Pipeline", "fr": "Pipeline"})
PAGE = "index.html"


def review_page(slug: str) -> str:
    """Where the review page of a post is, relative to the room."""
    return f"review/{slug}.html"


def card_view(card: board.Card, words: board.Words, entry) -> dict:
    return {
        "slug": card.slug,
        "lang": card.lang,
        "title": card.title,
        "owner": card.owner,
        "release": words.moment(card.release) if card.release else "",
        "release_iso": card.release.astimezone(words.zone).isoformat(timespec="minutes") if card.release else "",
        "blocks": words.blocks(card),
        "has_file": card.has_file,
        "campaign": entry.campaign if entry is not None else "",
        "review": review_page(card.slug) if card.has_file else "",
    }


def view(room: Room) -> dict:
    """The board as plain values: one column per stage, cards already worded and sorted."""
    words = board.Words(room.lang, room.zone, room.now)
    found = board.cards(room.posts, room.calendar, room.now, room.config.calendar_strict, dict(room.withheld))
    entries = room.calendar.entries if room.calendar is not None else {}
    columns = []
    for stage in board.STAGES:
        items = [card_view(c, words, entries.get(c.slug)) for c in found if c.stage == stage]
        columns.append({"id": stage, "name": translate(words.lang, board.STAGE_NAMES[stage]), "cards": items})
    return {
        "columns": columns,
        "count": len(found),
        "held": sum(1 for c in found if c.stage != "published"),
        "zone": room.zone.key,
        "generated": words.moment(room.now),
    }


def pages(room: Room) -> dict[str, bytes]:
    shown = view(room)
    return {
        PAGE: render(
            "board.html",
            view=shown,
            lang=room.lang,
            SITENAME=room.sitename,
            t=labels(room, shown),
            static=prefix(PAGE) + "assets",
            nav=room.nav,
            root=prefix(PAGE),
            current=PAGE,
        )
    }


def labels(room: Room, shown: dict) -> dict[str, str]:
    lang = board.Words(room.lang, room.zone, room.now).lang
    return {
        "title": translate(lang, "Pipeline"),
        "owner": translate(lang, "Owner"),
        "release": translate(lang, "Release"),
        "blocks": translate(lang, "What still blocks it"),
        "nothing": translate(lang, "Nothing: it is public."),
        "no_owner": translate(lang, "no owner"),
        "no_time": translate(lang, "no time yet"),
        "review": translate(lang, "Review page"),
        "campaign": translate(lang, "Campaign"),
        "nav": translate(lang, "Comms room"),
        "empty": translate(lang, "None."),
        "private": translate(
            lang,
            "Private page for comms and legal: it is never published with the site, and it lists posts "
            "that are not public yet.",
        ),
        "summary": translate(
            lang,
            "{count} posts, {held} not public yet; times in {zone}; built {generated}",
            count=shown["count"],
            held=shown["held"],
            zone=shown["zone"],
            generated=shown["generated"],
        ),
    }
