"""The schedule in the comms room: calendar.html and the files comms import (JSON, ICS, Hootsuite CSV).

The page and the ICS also show where the withheld posts' shares would go
(``room.tentative``), marked as not approved; schedule.json and the Hootsuite
CSVs hold the approved schedule only, since tools post from them.
"""

from __future__ import annotations

from ..i18n import translate
from .room import Room
from .templating import prefix, render

NAV = ("calendar.html", {"en": "Calendar", "fr": "Calendrier"})


def exports(room: Room) -> dict[str, bytes]:
    """schedule.json, schedule.ics, hootsuite.csv and one CSV per network, under data/."""
    from podium.plugins.calendar import exports as ex  # icalendar is slow to import: only with a calendar

    shares, now, calendar = list(room.shares), room.now, room.calendar
    rows, _ = ex.hootsuite_rows(shares, now)
    files = {
        "data/schedule.json": ex.to_json(shares, list(room.unplaced), calendar, now).encode(),
        "data/schedule.ics": ex.to_ics(
            shares,
            calendar,
            now,
            name=f"{room.sitename or 'podium'}: social schedule",
            tentative=room.tentative,
            prefix=translate(room.lang, "[not approved] "),
        ),
        "data/hootsuite.csv": ex.to_hootsuite_csv(rows).encode(),
    }
    for network in sorted({s.network for s in shares}):
        network_rows, _ = ex.hootsuite_rows([s for s in shares if s.network == network], now)
        files[f"data/hootsuite-{network}.csv"] = ex.to_hootsuite_csv(network_rows).encode()
    return files


def pages(room: Room) -> dict[str, bytes]:
    if room.calendar is None:
        return {}
    from podium.plugins.calendar import page

    files = exports(room)
    view = page.view(
        list(room.shares),
        list(room.unplaced),
        room.calendar,
        room.now,
        locale=room.lang,
        tentative=list(room.tentative),
    )
    files["calendar.html"] = render(
        "calendar.html",
        view=view,
        lang=room.lang,
        SITENAME=room.sitename,
        static=prefix("calendar.html") + "assets",
        nav=room.nav,
        root=prefix("calendar.html"),
    )
    return files
