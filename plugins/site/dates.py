"""Dates as readers expect them in French and English, and as machines read them in <time>."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from babel.dates import format_date

from .strings import language


def _day(value: date | datetime) -> date:
    # the date as the author wrote it, in the post's own time zone
    return value.date() if isinstance(value, datetime) else value


def long_date(value: date | datetime, lang: str | None) -> str:
    """'1er mars 2027', '18 mars 2026', 'March 18, 2026'.

    French writes the first day of a month as an ordinal (« 1er »), which
    Babel's CLDR patterns do not do.
    """
    return _long_date(_day(value), language(lang))


@lru_cache(maxsize=4096)
def _long_date(day: date, loc: str) -> str:
    # every post's date is shown on several pages: format each one once
    if loc == "fr" and day.day == 1:
        return format_date(day, "d'er' MMMM y", locale=loc)
    return format_date(day, "long", locale=loc)


def month_year(value: date | datetime, lang: str | None) -> str:
    """'Mars 2026' / 'March 2026', capitalized because it heads a list."""
    text = format_date(_day(value), "LLLL y", locale=language(lang))
    return text[:1].upper() + text[1:]


def iso(value: date | datetime) -> str:
    """A valid HTML datetime: aware datetimes keep their offset."""
    return value.isoformat()


def day_month(value: date | datetime, lang: str | None) -> str:
    """'18 mars' / 'March 18', for lists already grouped by year."""
    day = _day(value)
    loc = language(lang)
    if loc == "fr" and day.day == 1:
        return format_date(day, "d'er' MMMM", locale=loc)
    return format_date(day, "d MMMM" if loc == "fr" else "MMMM d", locale=loc)
