"""The review pages: for each post, what legal read before approving, in one page of the comms room.

``review/<slug>.html`` shows where the post stands (the board's words), each
language version as the theme renders it (``review/<slug>/<lang>.html``, in a
frame, with a banner saying it is not public), its card, every teaser for
every network with its exact count and limit, and the planned shares with
their times. Withheld posts have one too: that is what the page is for.
"""

from __future__ import annotations

from ..i18n import translate
from ..networks import name_of
from ..teasers import kit
from . import board
from .board_page import review_page
from .review_glue import SITE_FILES
from .room import Room
from .templating import prefix, render


def _by_slug(items) -> dict[str, list]:
    found: dict[str, list] = {}
    for item in items:
        found.setdefault(item.slug, []).append(item)
    return found


def share_rows(room: Room, slug: str, words: board.Words) -> list[dict]:
    """The planned shares of one post, approved ones and those waiting for the post (``room.tentative``)."""
    rows = [(s, True) for s in room.shares if s.slug == slug]
    rows += [(s, False) for s in getattr(room, "tentative", ()) if s.slug == slug]
    rows.sort(key=lambda pair: (pair[0].time, pair[0].network, pair[0].number))
    return [
        {
            "when": words.moment(s.time),
            "iso": s.time.isoformat(timespec="minutes"),
            "network": name_of(s.network),
            "number": s.number,
            "text": s.text,
            "approved": approved,
        }
        for s, approved in rows
    ]


def version_view(copy, slug: str, room: Room, teasers: list) -> dict:
    lang = copy.lang or "post"
    shown = kit.versions([t for t in teasers if t.lang == copy.lang], room.config.networks, room.config, room.lang)
    return {
        "lang": copy.lang,
        "title": copy.title,
        "page": f"{slug}/{lang}.html" if copy.page is not None else "",
        "card": {"src": f"{slug}/card-{lang}{copy.card[1]}", "alt": copy.card[2]} if copy.card else None,
        "networks": shown[0].networks if shown else [],
    }


def files_of(copy, slug: str) -> dict[str, bytes]:
    lang = copy.lang or "post"
    files = {f"review/{slug}/{lang}.html": copy.page} if copy.page is not None else {}
    if copy.card:
        files[f"review/{slug}/card-{lang}{copy.card[1]}"] = copy.card[0]
    return files


def pages(room: Room) -> dict[str, bytes]:
    if room.reviews is None:
        return {}
    words = board.Words(room.lang, room.zone, room.now)
    found = {
        (c.slug, c.lang): c
        for c in board.cards(room.posts, room.calendar, room.now, room.config.calendar_strict, dict(room.withheld))
    }
    teasers = _by_slug(room.reviews.teasers)
    files = {f"review/{SITE_FILES}{path}": data for path, data in room.reviews.files}
    for slug, copies in _by_slug(room.reviews.copies).items():
        path = review_page(slug)
        versions = []
        for copy in sorted(copies, key=lambda c: (c.lang != room.lang, c.lang)):
            files.update(files_of(copy, slug))
            versions.append(version_view(copy, slug, room, teasers.get(slug, [])))
        states = [found[(c.slug, c.lang)] for c in copies if (c.slug, c.lang) in found]
        files[path] = render(
            "review.html",
            slug=slug,
            versions=versions,
            t=labels(room.lang),
            kit=kit.labels(room.lang),
            lang=room.lang,
            SITENAME=room.sitename,
            static=prefix(path) + "assets",
            nav=room.nav,
            root=prefix(path),
            current=path,
            shares=share_rows(room, slug, words),
            states=[
                {
                    "lang": c.lang,
                    "stage": translate(words.lang, board.STAGE_NAMES[c.stage]),
                    "blocks": words.blocks(c),
                    "withheld": c.stage != "published",
                }
                for c in states
            ],
        )
    return files


def labels(lang: str) -> dict[str, str]:
    return {
        "title": translate(lang, "Review"),
        "nav": translate(lang, "Comms room"),
        "not_public": translate(lang, "Not public."),
        "not_public_text": translate(
            lang,
            "This page is for comms and legal only: it is never published, and the post "
            "it shows may not be public yet.",
        ),
        "state": translate(lang, "Where it stands"),
        "blocks": translate(lang, "What still blocks it"),
        "nothing": translate(lang, "Nothing: it is public."),
        "as_it_will_look": translate(lang, "The post as it will look"),
        "open_alone": translate(lang, "Open the post on its own"),
        "card": translate(lang, "Its card"),
        "no_card": translate(lang, "Cards are turned off (PODIUM_CARDS_ENABLED)."),
        "teasers": translate(lang, "Teasers"),
        "no_teasers": translate(lang, "No teaser for this version."),
        "shares": translate(lang, "Planned shares"),
        "no_shares": translate(lang, "No share is planned."),
        "when": translate(lang, "When"),
        "network": translate(lang, "Network"),
        "text": translate(lang, "Text"),
        "approval": translate(lang, "Approval"),
        "approved": translate(lang, "approved"),
        "not_approved": translate(lang, "not approved yet"),
        "reshare": translate(lang, "re-share"),
        "frame": translate(lang, "Review copy of the post"),
    }
