""" "What worked" in the comms room: reactions over time per post and network, and data/reactions.csv."""

from __future__ import annotations

from ..i18n import LANGUAGES, translate
from . import room as data
from .inbox_page import zone

PATH = "conversations/worked.html"
CSV = "data/reactions.csv"
NAV = (PATH, {lang: translate(lang, "What worked") for lang in LANGUAGES})


def pages(room) -> dict[str, bytes]:
    """The chart page and the CSV export; nothing when the build gathered no conversations."""
    from ..comms.templating import prefix, render
    from .model import COUNTS

    if room.conversations is None:
        return {}
    charts = data.worked(room.conversations, room.lang, zone(room.settings))
    words = data.words(room.lang)
    page = render(
        "conversations-worked.html",
        charts=charts,
        columns=[words[n] for n in COUNTS],
        t=words,
        csv=prefix(PATH) + CSV,
        lang=room.lang,
        SITENAME=room.sitename,
        static=prefix(PATH) + "assets",
        nav=room.nav,
        root=prefix(PATH),
        current=PATH,
    )
    return {PATH: page, CSV: data.reactions_csv(room.conversations).encode("utf-8")}
