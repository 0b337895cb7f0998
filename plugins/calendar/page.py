"""What the private calendar page shows: month grids, the list, quiet bands and unplaced shares.

Pure: it turns shares into plain dicts and lists that the Jinja template only
loops over, so the page logic is tested without a browser or a build.
"""

from __future__ import annotations

import calendar as calendar_mod
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from babel.dates import format_date, format_time

from ..i18n import N_, translate
from ..networks import NETWORKS, name_of, order
from .model import Calendar, Share, Unplaced, utc

LABELS = {
    "en": {
        "title": N_("Social calendar"),
        "skip": N_("Skip to the list of shares"),
        "times_in": N_("Times in"),
        "built": N_("built"),
        "share": N_("share"),
        "shares": N_("shares"),
        "not_placed": N_("not placed"),
        "filter": N_("Show networks"),
        "unplaced": N_("Shares that could not be placed"),
        "reshare": N_("re-share"),
        "quiet_periods": N_("Quiet periods"),
        "months": N_("Month view"),
        "list": N_("Every share"),
        "when": N_("When"),
        "network": N_("Network"),
        "post": N_("Post"),
        "text": N_("Text"),
        "state": N_("State"),
        "past": N_("sent or due"),
        "planned": N_("planned"),
        "none": N_("No share is planned."),
        "quiet": N_("Quiet:"),
        "variant": N_("variant"),
        "tentative": N_("not approved yet"),
        "tentative_note": N_(
            "Shares marked “not approved yet” belong to posts that are not public yet: they show where "
            "the post would go, and are neither posted nor in the Hootsuite files."
        ),
    },
}


def labels(locale: str) -> dict[str, str]:
    """The page's words in the site's language (English for any language podium has no words for)."""
    lang = locale.split("_")[0].split("-")[0]
    return {key: translate(lang, text) for key, text in LABELS["en"].items()}


def _months(first: date, last: date) -> list[tuple[int, int]]:
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _quiet_on(day: date, calendar: Calendar) -> str | None:
    """The reason of a quiet period touching this local day, or None."""
    start = datetime.combine(day, datetime.min.time(), calendar.zone)
    end = start + timedelta(days=1)
    for period in calendar.quiet_periods:
        if utc(period.start) < utc(end) and utc(period.end) > utc(start):
            return period.reason or "quiet period"
    return None


def share_item(share: Share, now: datetime, locale: str, tentative: bool = False) -> dict:
    return {
        "tentative": tentative,
        "id": share.id,
        "network": share.network,
        "network_name": name_of(share.network),
        "number": share.number,
        "title": share.title or share.slug,
        "slug": share.slug,
        "url": share.url,
        "text": share.text,
        "variant": share.variant,
        "iso": share.time.isoformat(timespec="minutes"),
        "date": format_date(share.time, "full", locale=locale),
        "time": format_time(share.time, "HH:mm", locale=locale),
        "past": utc(share.time) <= utc(now),
    }


def _grid(year: int, month: int, by_day: dict, calendar: Calendar, today: date, locale: str) -> dict:
    weeks = []
    for week in calendar_mod.Calendar(firstweekday=0).monthdatescalendar(year, month):
        weeks.append(
            [
                {
                    "date": day.isoformat(),
                    "day": day.day,
                    "in_month": day.month == month,
                    "today": day == today,
                    "quiet": _quiet_on(day, calendar),
                    "shares": by_day.get(day, []),
                }
                for day in week
            ]
        )
    label = format_date(date(year, month, 1), "LLLL y", locale=locale)
    return {"id": f"{year:04d}-{month:02d}", "label": label[:1].upper() + label[1:], "weeks": weeks}


def view(
    shares: Iterable[Share],
    unplaced: Iterable[Unplaced],
    calendar: Calendar,
    now: datetime,
    locale: str = "en",
    tentative: Iterable[Share] = (),
) -> dict:
    """Everything calendar.html needs, already sorted and formatted.

    ``tentative``: the shares withheld posts would get (scheduler.tentative), shown as not approved yet.
    """
    marked = sorted(
        [(s, False) for s in shares] + [(s, True) for s in tentative],
        key=lambda pair: (utc(pair[0].time), pair[0].network, pair[0].slug, pair[0].number),
    )
    shares = [s for s, _ in marked]
    items = [share_item(s, now, locale, waiting) for s, waiting in marked]
    by_day: dict[date, list] = {}
    for share, item in zip(shares, items):
        by_day.setdefault(share.time.date(), []).append(item)
    today = now.astimezone(calendar.zone).date()
    days = [s.time.date() for s in shares] or [today]
    weekdays = [format_date(date(2024, 1, 1) + timedelta(days=i), "EEE", locale=locale) for i in range(7)]
    networks = sorted({s.network for s in shares}, key=order)
    return {
        "labels": labels(locale),
        "timezone": calendar.zone.key,
        "generated": format_date(now.astimezone(calendar.zone), "long", locale=locale)
        + " "
        + format_time(now.astimezone(calendar.zone), "HH:mm", locale=locale),
        "months": [_grid(y, m, by_day, calendar, today, locale) for y, m in _months(min(days), max(days))],
        "weekdays": weekdays,
        "shares": items,
        "tentative": sum(1 for _, waiting in marked if waiting),
        "networks": [{"id": n, "name": name_of(n)} for n in networks],
        "palette": [{"id": n.key, "colour": n.colour, "ink": n.ink} for n in NETWORKS.values()],
        "unplaced": [
            {
                "id": u.id,
                "title": u.title or u.slug,
                "network": u.network,
                "network_name": name_of(u.network),
                "number": u.number,
                "reason": u.reason,
            }
            for u in unplaced
        ],
        "quiet_periods": [
            {
                "start": format_date(p.start.astimezone(calendar.zone), "long", locale=locale),
                "end": format_date((p.end - timedelta(seconds=1)).astimezone(calendar.zone), "long", locale=locale),
                "reason": p.reason,
            }
            for p in calendar.quiet_periods
        ],
    }
