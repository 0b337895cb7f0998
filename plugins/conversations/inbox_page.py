"""The leader's inbox in the comms room: conversations/inbox.html (see room.py for what it lists)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from ..i18n import LANGUAGES, translate
from . import room as data

PATH = "conversations/inbox.html"
NAV = (PATH, {lang: translate(lang, "Conversation inbox") for lang in LANGUAGES})


def zone(settings) -> ZoneInfo:
    return ZoneInfo(settings.get("TIMEZONE") or "UTC")


def pages(room) -> dict[str, bytes]:
    """The inbox page; nothing when the build gathered no conversations (the conversations plugin is off)."""
    from ..comms.templating import prefix, render

    if room.conversations is None:
        return {}
    view = data.inbox(room.conversations, room.lang, zone(room.settings))
    return {
        PATH: render(
            "conversations-inbox.html",
            view=view,
            t=data.words(room.lang),
            lang=room.lang,
            SITENAME=room.sitename,
            static=prefix(PATH) + "assets",
            nav=room.nav,
            root=prefix(PATH),
            current=PATH,
        )
    }
