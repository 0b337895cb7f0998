"""Reading the calendar's scalar values: dates, times, durations, weekdays, windows.

Each reader takes the text exactly as typed and either returns a value or
raises ``Wrong`` with what is wrong and how to fix it; the loader adds the
line and column. Times are read by hand rather than by YAML's resolver so that
``09:00`` is a time of day (not 540) and ``2027-03-02 9:00`` is not a string.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from ..i18n import _
from .model import WEEKDAYS
from .yamlmarks import suggest

SHORTCUTS = {"weekdays": range(0, 5), "weekend": range(5, 7), "daily": range(0, 7)}

_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:?\d{2})?")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")
_DURATION = re.compile(r"(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?")
_TRUE, _FALSE = ("true", "yes", "on"), ("false", "no", "off")


class Wrong(ValueError):
    """Raised by a reader; the message says what is wrong; how to fix it."""


def zone(text: str) -> ZoneInfo:
    try:
        if text and not text.startswith(("/", ".")):
            return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        pass
    hint = suggest(text, sorted(available_timezones()))
    fix = hint or _("use an IANA name such as 'Europe/Paris' or 'America/New_York'")
    raise Wrong(_("unknown time zone '{text}'; {fix}", text=text, fix=fix))


def clock(text: str) -> time:
    m = _CLOCK.fullmatch(text.strip())
    if not m or int(m[1]) > 24 or int(m[2]) > 59 or (int(m[1]) == 24 and int(m[2])):
        raise Wrong(_("'{text}' is not a time of day; write it as HH:MM on a 24-hour clock, e.g. 09:30", text=text))
    hours, minutes = int(m[1]), int(m[2])
    return time.max if hours == 24 else time(hours, minutes)


def _day(text: str) -> date:
    m = _DATE.fullmatch(text)
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise Wrong(_("{text} is not a real date; check the month and the day", text=text)) from None


def _attach(naive: datetime, tz: ZoneInfo, text: str) -> datetime:
    aware = naive.replace(tzinfo=tz)
    if aware.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != naive:
        raise Wrong(
            _(
                "{text} does not exist in {key}: the clocks jump forward at that hour; "
                "pick a time an hour later or earlier",
                text=text,
                key=tz.key,
            )
        )
    return aware


def moment(text: str, key: str, tz: ZoneInfo, *, end_of_day: bool = False) -> datetime:
    """A date or date-time, in UTC; a date alone is the start of that day (or its end, for an 'end')."""
    return _moment(text, key, tz, end_of_day).astimezone(UTC)


def _moment(text: str, key: str, tz: ZoneInfo, end_of_day: bool) -> datetime:
    text = text.strip()
    if _CLOCK.fullmatch(text):
        raise Wrong(_("'{key}' has a time but no date; write the date too, e.g. 2027-03-02 {text}", key=key, text=text))
    if _DATE.fullmatch(text):
        start = datetime.combine(_day(text), time(0))
        if end_of_day:
            start += timedelta(days=1)
        return _attach(start, tz, text)
    m = _DATETIME.fullmatch(text)
    if not m:
        raise Wrong(
            _(
                "'{key}' is not a date and time; write it as 2027-03-02 09:00 "
                "(optionally with an offset, 2027-03-02T09:00+01:00)",
                key=key,
            )
        )
    day = _day(m[1])
    hours, minutes, seconds = int(m[2]), int(m[3]), int(m[4] or 0)
    if hours > 23 or minutes > 59 or seconds > 59:
        raise Wrong(_("'{text}' is not a time of day; write hours 00-23 and minutes 00-59", text=text))
    naive = datetime.combine(day, time(hours, minutes, seconds))
    if m[5]:
        return datetime.fromisoformat(f"{naive.isoformat()}{_offset(m[5])}")
    return _attach(naive, tz, text)


def _offset(text: str) -> str:
    if text == "Z":
        return "+00:00"
    return text if ":" in text else f"{text[:3]}:{text[3:]}"


def window(text: str):
    """'09:00-11:30' as (start, end); the end must come after the start."""
    parts = [p.strip() for p in str(text).split("-")]
    if len(parts) != 2:
        raise Wrong(_("'{text}' is not a time window; write it as START-END, e.g. 09:00-11:30", text=text))
    start, end = clock(parts[0]), clock(parts[1])
    if end <= start:
        raise Wrong(
            _(
                "the window {text} ends before it starts; write the earlier time first, e.g. {parts}-{parts2}",
                text=text,
                parts=parts[1],
                parts2=parts[0],
            )
        )
    return start, end


def weekdays(values: list[str]) -> frozenset[int]:
    days: set[int] = set()
    for value in values:
        word = value.strip().lower()
        if word in SHORTCUTS:
            days.update(SHORTCUTS[word])
        elif word[:3] in WEEKDAYS and (len(word) == 3 or _full(word[:3]).startswith(word)):
            days.add(WEEKDAYS.index(word[:3]))
        else:
            hint = suggest(word, WEEKDAYS + tuple(_full(d) for d in WEEKDAYS) + tuple(SHORTCUTS))
            raise Wrong(
                _(
                    "'{value}' is not a day; use mon, tue, wed, thu, fri, sat, sun, weekdays, weekend or daily",
                    value=value,
                )
                + (f" ({hint})" if hint else "")
            )
    return frozenset(days)


def _full(prefix: str) -> str:
    return {
        "mon": "monday",
        "tue": "tuesday",
        "wed": "wednesday",
        "thu": "thursday",
        "fri": "friday",
        "sat": "saturday",
        "sun": "sunday",
    }[prefix]


def duration(text: str) -> timedelta:
    text = str(text).strip().lower()
    m = _DURATION.fullmatch(text)
    if text.isdigit() and text == "0":
        return timedelta(0)
    if not text or not m or not (m[1] or m[2]):
        raise Wrong(_("'{text}' is not a duration; write it like 2h, 90m or 1h30m", text=text))
    return timedelta(hours=int(m[1] or 0), minutes=int(m[2] or 0))


def boolean(text: str, key: str) -> bool:
    word = text.strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise Wrong(_("'{key}' must be true or false; received '{text}'", key=key, text=text))


def whole(text: str, key: str, low: int = 1) -> int:
    if not re.fullmatch(r"\d+", text.strip()) or int(text) < low:
        raise Wrong(
            _("'{key}' must be a whole number of at least {low}; received '{text}'", key=key, low=low, text=text)
        )
    return int(text)
