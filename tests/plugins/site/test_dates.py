"""Dates in French and English, and machine-readable <time> values."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from podium.plugins.site import dates

PARIS = ZoneInfo("Europe/Paris")


@pytest.mark.parametrize(
    "value, lang, expected",
    [
        (datetime(2026, 3, 18, 8, 30, tzinfo=PARIS), "fr", "18 mars 2026"),
        (datetime(2026, 3, 18, 8, 30, tzinfo=PARIS), "en", "March 18, 2026"),
        (date(2027, 3, 1), "fr", "1er mars 2027"),
        (date(2027, 3, 1), "en", "March 1, 2027"),
        (date(2026, 8, 15), "fr-CA", "15 août 2026"),
    ],
)
def test_long_date(value, lang, expected):
    assert dates.long_date(value, lang) == expected


def test_date_is_the_one_in_the_posts_time_zone():
    late = datetime(2026, 12, 31, 23, 30, tzinfo=PARIS)
    assert dates.long_date(late, "en") == "December 31, 2026"


def test_month_year_is_capitalised_for_headings():
    assert dates.month_year(date(2026, 3, 5), "fr") == "Mars 2026"
    assert dates.month_year(date(2026, 3, 5), "en") == "March 2026"


def test_day_month():
    assert dates.day_month(date(2026, 6, 9), "fr") == "9 juin"
    assert dates.day_month(date(2026, 6, 1), "fr") == "1er juin"
    assert dates.day_month(date(2026, 6, 9), "en") == "June 9"


def test_iso_keeps_the_offset():
    assert dates.iso(datetime(2026, 6, 9, 8, 0, tzinfo=PARIS)) == "2026-06-09T08:00:00+02:00"
