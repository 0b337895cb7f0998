"""The calendar page's data: month grids from first to last share, quiet bands, the list and the unplaced."""

from __future__ import annotations

from datetime import datetime

from podium.plugins.calendar import page
from podium.plugins.calendar.model import Share, Unplaced

from .helpers import PARIS, calendar

CAL = calendar("""
timezone: Europe/Paris
quiet_periods:
  - {start: 2027-03-30 18:00, end: 2027-04-02, reason: Results}
""")
NOW = datetime(2027, 4, 1, 12, tzinfo=PARIS)
SHARES = [
    Share("b", "linkedin", 1, datetime(2027, 4, 28, 8, tzinfo=PARIS), None, "B text", "https://blog.test/b", "B"),
    Share("a", "x", 1, datetime(2027, 3, 15, 9, tzinfo=PARIS), 2, "A text", "https://blog.test/a", "A"),
]
UNPLACED = [Unplaced("c", "bluesky", 1, "no posting slots for bluesky", "C")]


def test_months_run_from_the_first_share_to_the_last():
    view = page.view(SHARES, UNPLACED, CAL, NOW, locale="en")
    assert [m["label"] for m in view["months"]] == ["March 2027", "April 2027"]
    march = view["months"][0]
    assert all(len(week) == 7 for week in march["weeks"])
    assert march["weeks"][0][0]["date"] == "2027-03-01"  # Monday first


def test_shares_sit_on_their_local_day_and_the_list_is_in_time_order():
    view = page.view(SHARES, UNPLACED, CAL, NOW, locale="en")
    days = {d["date"]: d for m in view["months"] for w in m["weeks"] for d in w if d["in_month"]}
    assert [s["id"] for s in days["2027-03-15"]["shares"]] == ["a/x/1"]
    assert [s["id"] for s in view["shares"]] == ["a/x/1", "b/linkedin/1"]
    assert view["shares"][0]["past"] and not view["shares"][1]["past"]
    assert view["shares"][0]["time"] == "09:00" and view["shares"][0]["network_name"] == "X"


def test_quiet_days_carry_the_reason_for_their_band():
    view = page.view(SHARES, UNPLACED, CAL, NOW, locale="en")
    quiet = sorted(d["date"] for m in view["months"] for w in m["weeks"] for d in w if d["quiet"] and d["in_month"])
    assert quiet == ["2027-03-30", "2027-03-31", "2027-04-01", "2027-04-02"]
    assert view["quiet_periods"] == [{"start": "March 30, 2027", "end": "April 2, 2027", "reason": "Results"}]


def test_unplaced_shares_and_networks_are_listed():
    view = page.view(SHARES, UNPLACED, CAL, NOW, locale="en")
    assert view["unplaced"] == [
        {
            "id": "c/bluesky/1",
            "title": "C",
            "network": "bluesky",
            "network_name": "Bluesky",
            "number": 1,
            "reason": "no posting slots for bluesky",
        }
    ]
    assert [n["id"] for n in view["networks"]] == ["x", "linkedin"]


def test_french_labels_for_a_french_site():
    view = page.view(SHARES, [], CAL, NOW, locale="fr")
    assert view["months"][0]["label"] == "Mars 2027"
    assert view["weekdays"][0] == "lun."


def test_without_shares_the_current_month_is_shown():
    view = page.view([], [], CAL, NOW, locale="en")
    assert [m["label"] for m in view["months"]] == ["April 2027"]
    today = [d for m in view["months"] for w in m["weeks"] for d in w if d["today"]]
    assert [d["date"] for d in today] == ["2027-04-01"]


def test_the_page_speaks_the_site_language():
    assert page.view([], [], CAL, NOW, locale="fr")["labels"]["title"] == "Calendrier social"
    assert page.view([], [], CAL, NOW, locale="en_GB")["labels"]["title"] == "Social calendar"
    assert page.view([], [], CAL, NOW, locale="de")["labels"] == page.LABELS["en"]
    assert set(page.labels("fr")) == set(page.LABELS["en"])
    assert page.labels("fr")["none"] == "Aucun partage n’est prévu."  # from the French catalogue
