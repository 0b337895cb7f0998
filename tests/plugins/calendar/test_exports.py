"""schedule.json, schedule.ics and Hootsuite's CSV, each parsed back and checked against its format's rules."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime, timedelta
from importlib.resources import files

import icalendar
import jsonschema
import pytest

from podium.plugins.calendar import exports
from podium.plugins.calendar.model import Share, Unplaced
from podium.plugins.calendar.scheduler import schedule

from .helpers import PARIS, approved, calendar, post

NOW = datetime(2027, 3, 5, 12, 0, tzinfo=PARIS)
CAL = calendar(
    """
timezone: Europe/Paris
required_approvals: [comms, legal]
networks:
  x:
    slots: [{days: daily, times: ["09:00-10:00", "18:00-19:00"]}]
    min_gap: 1h
  linkedin:
    slots: [{days: weekdays, times: ["08:00-09:00"]}]
    max_per_day: 1
  bluesky: {}
quiet_periods:
  - {start: 2027-03-10, end: 2027-03-11, reason: Board}
reshare: {after_days: [7]}
posts:
"""
    + approved("alpha", "beta", "gamma", extra="    evergreen: true\n")
)
POSTS = [
    post("alpha", datetime(2027, 3, 1, 7, tzinfo=PARIS), title='=HYPERLINK("http://evil")', summary="+1 for teams"),
    post(
        "beta",
        datetime(2027, 3, 3, 13, tzinfo=PARIS),
        title='Beta, with "quotes"\nand a line break',
        summary="-5% costs",
    ),
    post("gamma", datetime(2027, 3, 4, 8, tzinfo=PARIS), title="@everyone listen", summary="Gamma summary"),
]
SHARES, UNPLACED = schedule(POSTS, CAL, NOW)


def test_the_fixture_has_past_and_upcoming_shares_and_unplaced_ones():
    assert any(s.time <= NOW for s in SHARES) and any(s.time > NOW for s in SHARES)
    assert {s.slug for s in SHARES} == {"alpha", "beta", "gamma"}
    assert {u.network for u in UNPLACED} == {"bluesky"}


# --- JSON ---


def test_json_follows_its_documented_schema():
    schema = json.loads((files("podium.plugins.calendar") / "schedule.schema.json").read_text(encoding="utf-8"))
    document = json.loads(exports.to_json(SHARES, UNPLACED, CAL, NOW))
    jsonschema.Draft7Validator(schema).validate(document)
    assert document["schema"] == "podium-schedule/1" and document["timezone"] == "Europe/Paris"
    assert document["generated_at"] == "2027-03-05T12:00+01:00"
    first = next(s for s in document["shares"] if s["network"] == "x")
    assert first == {
        "id": "alpha/x/1",
        "slug": "alpha",
        "title": '=HYPERLINK("http://evil")',
        "lang": "fr",
        "network": "x",
        "number": 1,
        "time": "2027-03-01T09:00+01:00",
        "time_utc": "2027-03-01T08:00Z",
        "variant": None,
        "variant_name": None,
        "text": '=HYPERLINK("http://evil")',
        "url": "https://blog.test/alpha.html",
        "due": True,
    }
    assert [s["due"] for s in document["shares"]] == [s.time <= NOW for s in SHARES]
    assert document["unplaced"][0]["reason"].startswith("no posting slots for bluesky")
    assert document["quiet_periods"] == [
        {"start": "2027-03-10T00:00+01:00", "end": "2027-03-12T00:00+01:00", "reason": "Board"}
    ]


def test_json_is_byte_identical_from_one_build_to_the_next():
    again, unplaced = schedule(list(reversed(POSTS)), CAL, NOW)
    assert exports.to_json(again, unplaced, CAL, NOW) == exports.to_json(SHARES, UNPLACED, CAL, NOW)


# --- ICS ---


def parsed_ics():
    return icalendar.Calendar.from_ical(exports.to_ics(SHARES, CAL, NOW))


def test_ics_parses_back_with_one_event_per_share():
    cal = parsed_ics()
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(SHARES)
    assert str(cal["VERSION"]) == "2.0" and "podium" in str(cal["PRODID"])
    for event, share in zip(events, SHARES):
        assert event.decoded("DTSTART") == share.time
        assert event["DTSTART"].params["TZID"] == "Europe/Paris"
        assert event.decoded("DURATION") == timedelta(minutes=15)
        assert str(event["UID"]) == f"podium-{share.slug}-{share.network}-{share.number}@blog.test"
        assert str(event["DESCRIPTION"]) == f"{share.text}\n\n{share.url}"
        assert str(event["URL"]) == share.url
        assert event.decoded("DTSTAMP") == NOW


def test_ics_summaries_name_the_network_and_the_post():
    summaries = [str(e["SUMMARY"]) for e in parsed_ics().walk("VEVENT")]
    assert summaries[:2] == ['LinkedIn: =HYPERLINK("http://evil")', 'X: =HYPERLINK("http://evil")']
    assert "LinkedIn: @everyone listen" in summaries
    assert any(s.startswith("X: ") and s.endswith("(re-share 1)") for s in summaries)


def test_ics_carries_the_time_zone_definition_and_unique_stable_uids():
    cal = parsed_ics()
    zones = [str(z["TZID"]) for z in cal.walk("VTIMEZONE")]
    assert zones == ["Europe/Paris"]
    uids = [str(e["UID"]) for e in cal.walk("VEVENT")]
    assert len(set(uids)) == len(uids)
    assert exports.to_ics(SHARES, CAL, NOW) == exports.to_ics(SHARES, CAL, NOW)


def test_ics_lines_are_folded_and_end_with_crlf():
    raw = exports.to_ics(SHARES, CAL, NOW)
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))


# --- Hootsuite CSV ---

DATE = re.compile(r"(\d{2})/(\d{2})/(\d{4}) (\d{2}):(\d{2})")
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def check_bulk_composer_rules(rows: list[list[str]], now: datetime, one_network: bool) -> None:
    """The bulk composer's rules: 3 columns, day/month/year 24-hour times, minutes ending in 0 or 5,
    at least 10 minutes ahead, no duplicate message, and (per profile) one message per time slot."""
    assert rows, "the file has rows"
    seen_times, seen_messages = set(), set()
    for row in rows:
        assert len(row) == 3
        when, message, link = row
        m = DATE.fullmatch(when)
        assert m, when
        moment = datetime(int(m[3]), int(m[2]), int(m[1]), int(m[4]), int(m[5]), tzinfo=PARIS)
        assert moment.minute % 5 == 0
        assert moment - now >= timedelta(minutes=10)
        assert message and not message.startswith(FORMULA) and not link.startswith(FORMULA)
        assert link == "" or link.startswith("https://")
        if one_network:
            assert when not in seen_times and message not in seen_messages
            seen_times.add(when)
            seen_messages.add(message)


def test_the_csv_follows_the_bulk_composer_rules():
    rows, left_out = exports.hootsuite_rows(SHARES, NOW)
    parsed = read_csv(exports.to_hootsuite_csv(rows))
    assert parsed == rows
    check_bulk_composer_rules(parsed, NOW, one_network=False)
    for network in ("x", "linkedin"):
        network_rows, _ = exports.hootsuite_rows([s for s in SHARES if s.network == network], NOW)
        check_bulk_composer_rules(read_csv(exports.to_hootsuite_csv(network_rows)), NOW, one_network=True)


def test_the_csv_leaves_out_shares_already_past_or_too_close():
    rows, _ = exports.hootsuite_rows(SHARES, NOW)
    upcoming = [s for s in SHARES if s.time >= NOW + timedelta(minutes=15)]
    assert len(rows) == len(upcoming) < len(SHARES)
    assert rows[0][0] == upcoming[0].time.strftime("%d/%m/%Y %H:%M")


def test_cells_a_spreadsheet_would_run_are_neutralized():
    rows, _ = exports.hootsuite_rows(SHARES, datetime(2027, 2, 1, tzinfo=PARIS))
    messages = [r[1] for r in rows]
    assert '\'=HYPERLINK("http://evil")' in messages and "'+1 for teams" in messages
    assert "'@everyone listen" in messages and "'-5% costs" in messages
    assert 'Beta, with "quotes"\nand a line break' in messages


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("=1+1", "'=1+1"),
        ("+33 6", "'+33 6"),
        ("-x", "'-x"),
        ("@a", "'@a"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Plain", "Plain"),
        ("a=b", "a=b"),
    ],
)
def test_neutralize(cell, expected):
    assert exports.neutralize(cell) == expected


def test_the_link_column_stays_empty_when_the_text_already_holds_the_link():
    share = Share(
        "s",
        "x",
        1,
        datetime(2027, 5, 1, 9, tzinfo=PARIS),
        1,
        "Read https://blog.test/s.html?utm_source=x",
        "https://blog.test/s.html?utm_source=x",
        "S",
    )
    rows, _ = exports.hootsuite_rows([share], NOW)
    assert rows == [["01/05/2027 09:00", "Read https://blog.test/s.html?utm_source=x", ""]]


def test_a_repeated_message_on_one_network_is_left_out_with_the_reason():
    first = Share(
        "s", "x", 1, datetime(2027, 5, 1, 9, tzinfo=PARIS), None, "Same words", "https://blog.test/s.html", "S"
    )
    third = Share(
        "s", "x", 3, datetime(2027, 6, 1, 9, tzinfo=PARIS), None, "Same words", "https://blog.test/s.html", "S"
    )
    other = Share(
        "s", "mastodon", 1, datetime(2027, 5, 1, 9, tzinfo=PARIS), None, "Same words", "https://blog.test/s.html", "S"
    )
    rows, left_out = exports.hootsuite_rows([first, third, other], NOW)
    assert len(rows) == 2
    assert [(s.id, why) for s, why in left_out] == [
        (
            "s/x/3",
            "same text as s/x/1, and Hootsuite refuses duplicate messages; "
            "give the post another teaser variant or a text override",
        )
    ]


def test_the_csv_has_no_header_row_and_windows_line_ends():
    rows, _ = exports.hootsuite_rows(SHARES, NOW)
    text = exports.to_hootsuite_csv(rows)
    assert DATE.match(text.split(",")[0].strip('"'))
    assert text.endswith("\r\n")


def test_unplaced_is_listed_with_its_id():
    assert Unplaced("a", "x", 2, "why").id == "a/x/2"


def test_ics_marks_the_shares_of_posts_not_approved_yet_as_tentative():
    waiting = Share(
        slug="later",
        network="x",
        number=1,
        time=datetime(2026, 12, 1, 9, 0, tzinfo=PARIS),
        variant=None,
        text="Soon",
        url="https://blog.test/later.html",
        title="Later post",
    )
    parsed = icalendar.Calendar.from_ical(
        exports.to_ics(SHARES, CAL, NOW, tentative=[waiting], prefix="[non approuvé] ")
    )
    events = {str(e["uid"]): e for e in parsed.walk("VEVENT")}
    assert len(events) == len(SHARES) + 1
    marked = events[exports.uid(waiting)]
    assert (str(marked["status"]), str(marked["summary"])) == ("TENTATIVE", "[non approuvé] X: Later post")
    assert all("status" not in e for uid, e in events.items() if uid != exports.uid(waiting))


def test_the_image_networks_get_shares_in_their_own_slots_and_the_schema_names_them():
    cal = calendar(
        """
timezone: Europe/Paris
required_approvals: [comms, legal]
networks:
  instagram:
    slots: [{days: weekdays, times: ["12:00-13:00"]}]
  facebook:
    slots: [{days: daily, times: ["18:00-19:00"]}]
  pinterest:
    slots: [{days: [sat, sun], times: ["10:00-11:00"]}]
  threads:
    slots: [{days: daily, times: ["08:00-09:00"]}]
posts:
"""
        + approved("alpha")
    )
    shares, unplaced = schedule([post("alpha", datetime(2027, 3, 3, 13, tzinfo=PARIS))], cal, NOW)
    assert unplaced == []
    placed = {s.network: s.time.astimezone(PARIS) for s in shares}
    assert set(placed) == {"instagram", "facebook", "pinterest", "threads"}
    assert placed["instagram"].weekday() < 5 and placed["instagram"].hour == 12
    assert placed["facebook"].hour == 18 and placed["threads"].hour == 8
    assert placed["pinterest"].weekday() >= 5 and placed["pinterest"].hour == 10
    schema = json.loads((files("podium.plugins.calendar") / "schedule.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(json.loads(exports.to_json(shares, unplaced, cal, NOW)))
    assert sorted(
        str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(exports.to_ics(shares, cal, NOW)).walk("VEVENT")
    ) == [f"{name}: Title of alpha" for name in ("Facebook", "Instagram", "Pinterest", "Threads")]
