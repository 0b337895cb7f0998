"""Wall-clock posting windows turned into real instants, correct across daylight-saving changes.

Windows are written in local time ("09:00-11:00" in Europe/Paris); shares are
placed and spaced in UTC, so a gap of 2h is two real hours even on the night
the clocks change. A wall time that does not exist (the spring gap) maps to the
first instant after it; a repeated one (the autumn fold) to its first occurrence.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .model import NetworkRules

UTC = UTC
STEP = timedelta(minutes=5)  # Hootsuite and people both count in 5-minute steps
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def ceil_step(moment: datetime) -> datetime:
    """Round up to the next 5-minute mark (offsets are whole quarter-hours, so local marks agree)."""
    moment = moment.astimezone(UTC)
    rest = (moment - _EPOCH) % STEP
    return moment if not rest else moment + (STEP - rest)


def _wall(moment: datetime, zone: ZoneInfo) -> datetime:
    return moment.astimezone(zone).replace(tzinfo=None)


def instant(naive: datetime, zone: ZoneInfo) -> datetime:
    """The first real instant whose wall-clock time in ``zone`` is at or after ``naive``."""
    first = naive.replace(tzinfo=zone, fold=0).astimezone(UTC)
    if _wall(first, zone) == naive:
        return first
    # In a gap: search, minute by minute (halving), for the moment the clocks jumped.
    low, high = sorted((first, naive.replace(tzinfo=zone, fold=1).astimezone(UTC)))
    low_m = int((low - _EPOCH).total_seconds() // 60)
    high_m = -int(-(high - _EPOCH).total_seconds() // 60)
    while high_m - low_m > 1:
        middle = (low_m + high_m) // 2
        if _wall(_EPOCH + timedelta(minutes=middle), zone) >= naive:
            high_m = middle
        else:
            low_m = middle
    return _EPOCH + timedelta(minutes=high_m)


def _bound(day: date, moment: time, zone: ZoneInfo) -> datetime:
    if moment == time.max:  # "24:00": the start of the next day
        return instant(datetime.combine(day + timedelta(days=1), time(0)), zone)
    return instant(datetime.combine(day, moment), zone)


def day_windows(rules: NetworkRules, day: date, zone: ZoneInfo) -> list[tuple[datetime, datetime]]:
    """The day's windows as UTC (start, end) pairs, merged where slots overlap."""
    spans = sorted(
        (_bound(day, w.start, zone), _bound(day, w.end, zone))
        for slot in rules.slots
        if day.weekday() in slot.days
        for w in slot.windows
    )
    merged: list[tuple[datetime, datetime]] = []
    for start, end in spans:
        if end <= start:
            continue  # the whole window fell in a daylight-saving gap
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def local_day(moment: datetime, zone: ZoneInfo) -> date:
    return moment.astimezone(zone).date()


def add_days(moment: datetime, days: int, zone: ZoneInfo) -> datetime:
    """Same wall-clock time ``days`` later: 'after 7 days' means the same hour next week, DST or not."""
    return instant(_wall(moment, zone) + timedelta(days=days), zone)
