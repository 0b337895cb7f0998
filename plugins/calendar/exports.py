"""One schedule, three renderings: schedule.json, schedule.ics and Hootsuite's bulk-composer CSV.

Serialising is pure (values in, text or bytes out); the glue writes the files.
The JSON is podium's own documented format (schedule.schema.json beside this
module); the ICS imports into Outlook, Google Calendar and Apple Calendar; the
CSV follows the bulk composer's rules so comms can upload it unchanged.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import icalendar

from ..i18n import _
from ..networks import name_of
from ..teasers.shown import shown
from .model import Calendar, Share, Unplaced, utc
from .slots import UTC

SCHEMA = "podium-schedule/1"
#: Hootsuite refuses a time less than 10 minutes ahead at upload; 15 leaves time to upload.
HOOTSUITE_LEAD = timedelta(minutes=15)
HOOTSUITE_DATE = "%d/%m/%Y %H:%M"
#: A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="minutes")


def share_record(share: Share, now: datetime) -> dict:
    return {
        "id": share.id,
        "slug": share.slug,
        "title": share.title,
        "lang": share.lang,
        "network": share.network,
        "number": share.number,
        "time": _iso(share.time),
        "time_utc": _iso(share.time.astimezone(UTC)).replace("+00:00", "Z"),
        "variant": share.variant,
        "variant_name": share.variant_name,
        "text": share.text,
        "url": share.url,
        "due": utc(share.time) <= utc(now),
    }


def to_json(shares: Iterable[Share], unplaced: Iterable[Unplaced], calendar: Calendar, now: datetime) -> str:
    document = {
        "schema": SCHEMA,
        "generated_at": _iso(now.astimezone(calendar.zone)),
        "timezone": calendar.zone.key,
        "shares": [share_record(s, now) for s in shares],
        "unplaced": [
            {"id": u.id, "slug": u.slug, "title": u.title, "network": u.network, "number": u.number, "reason": u.reason}
            for u in unplaced
        ],
        "quiet_periods": [
            {
                "start": _iso(p.start.astimezone(calendar.zone)),
                "end": _iso(p.end.astimezone(calendar.zone)),
                "reason": p.reason,
            }
            for p in calendar.quiet_periods
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def uid(share: Share) -> str:
    """Stable across builds, so re-importing the file updates events instead of duplicating them."""
    host = urlsplit(share.url).hostname or "podium.invalid"
    return f"podium-{share.slug}-{share.network}-{share.number}@{host}"


#: the summary of an event whose post is not approved yet starts with this
TENTATIVE_PREFIX = "[not approved] "


def _event(share: Share, now: datetime, tentative: str = "") -> icalendar.Event:
    event = icalendar.Event()
    network = name_of(share.network)
    again = f" (re-share {share.number - 1})" if share.number > 1 else ""
    if tentative:  # the same UID as once approved: re-importing the file turns it into the real share
        event.add("status", "TENTATIVE")
    event.add("uid", uid(share))
    event.add("dtstamp", now.astimezone(UTC))
    event.add("dtstart", share.time)
    event.add("duration", timedelta(minutes=15))
    event.add("summary", f"{tentative}{network}: {share.title or share.slug}{again}")
    event.add("description", f"{share.text}\n\n{share.url}")
    event.add("url", share.url)
    event.add("categories", [network])
    event.add("transp", "TRANSPARENT")  # a reminder to share, not a meeting that makes people busy
    return event


def to_ics(
    shares: Iterable[Share],
    calendar: Calendar,
    now: datetime,
    name: str = "Social schedule",
    tentative: Iterable[Share] = (),
    prefix: str = TENTATIVE_PREFIX,
) -> bytes:
    """The schedule as iCalendar; ``tentative`` shares (posts not approved yet) are STATUS:TENTATIVE, ``prefix`` first."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//podium//social schedule//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", calendar.zone.key)
    shares, waiting = list(shares), list(tentative)
    for share in shares:
        cal.add_component(_event(share, now))
    for share in waiting:
        cal.add_component(_event(share, now, tentative=prefix or TENTATIVE_PREFIX))
    shares += waiting
    if shares:
        years = [s.time.year for s in shares]
        cal.add_missing_timezones(
            first_date=datetime(min(years) - 1, 1, 1).date(), last_date=datetime(max(years) + 1, 12, 31).date()
        )
    return cal.to_ical()


def neutralize(cell: str) -> str:
    """Prefix a would-be formula with an apostrophe, which spreadsheets read as 'this is text'."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def hootsuite_rows(shares: Iterable[Share], now: datetime) -> tuple[list[list[str]], list[tuple[Share, str]]]:
    """Rows (date, message, link) for shares far enough ahead; and the shares left out, with why."""
    rows, left_out, seen = [], [], {}
    for share in sorted(shares, key=lambda s: (utc(s.time), s.network, s.slug, s.number)):
        if utc(share.time) < utc(now) + HOOTSUITE_LEAD:
            continue  # past or too close: Hootsuite refuses it; the publish pipeline handles due shares
        link = "" if share.url in share.text or shown(share.url) in share.text else share.url
        key = (share.network, share.text, link)
        if key in seen:
            left_out.append(
                (
                    share,
                    _(
                        "same text as {other}, and Hootsuite refuses duplicate messages; "
                        "give the post another teaser variant or a text override",
                        other=seen[key],
                    ),
                )
            )
            continue
        seen[key] = share.id
        when = share.time.strftime(HOOTSUITE_DATE)
        rows.append([when, neutralize(share.text), neutralize(link)])
    return rows, left_out


def to_hootsuite_csv(rows: list[list[str]]) -> str:
    """No header row: the bulk composer reads every line as a message."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerows(rows)
    return out.getvalue()
