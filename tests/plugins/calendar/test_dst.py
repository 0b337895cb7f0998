"""Daylight-saving changes in Europe/Paris and America/New_York: slots follow the wall clock, gaps the real one.

2027: Paris springs forward on 28 March (02:00 -> 03:00) and falls back on 31 October (03:00 -> 02:00);
New York springs forward on 14 March (02:00 -> 03:00) and falls back on 7 November (02:00 -> 01:00).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from podium.plugins.calendar.scheduler import schedule
from podium.plugins.calendar.slots import add_days, instant

from .helpers import NEW_YORK, PARIS, approved, calendar, post

UTC = UTC
NOW = datetime(2028, 1, 1, tzinfo=UTC)


def cal(zone: str, window: str, extra: str = "", posts: str = "", reshare: str = ""):
    return calendar(f"""
timezone: {zone}
networks:
  mastodon:
    slots:
      - days: daily
        times: ["{window}"]
{extra}
{reshare}
posts:
{posts or "  none: {status: idea}"}
""")


def utc(shares):
    return [s.time.astimezone(UTC).replace(tzinfo=None) for s in shares]


def test_a_daily_slot_keeps_its_wall_clock_time_across_the_spring_change_in_paris():
    posts = [post(f"p{d}", datetime(2027, 3, d, 8, tzinfo=PARIS)) for d in (27, 28, 29)]
    shares, _ = schedule(posts, cal("Europe/Paris", "09:00-10:00"), NOW)
    assert [s.time.strftime("%d %H:%M %z") for s in shares] == ["27 09:00 +0100", "28 09:00 +0200", "29 09:00 +0200"]
    assert utc(shares) == [datetime(2027, 3, 27, 8), datetime(2027, 3, 28, 7), datetime(2027, 3, 29, 7)]


def test_a_window_that_falls_in_the_spring_gap_does_not_exist_that_day():
    shares, _ = schedule(
        [post("a", datetime(2027, 3, 28, 1, 30, tzinfo=PARIS))], cal("Europe/Paris", "02:00-03:00"), NOW
    )
    assert [s.time.isoformat() for s in shares] == ["2027-03-29T02:00:00+02:00"]


def test_a_window_starting_in_the_gap_opens_when_the_clocks_jump():
    shares, _ = schedule(
        [post("a", datetime(2027, 3, 28, 1, 30, tzinfo=PARIS))], cal("Europe/Paris", "02:30-04:00"), NOW
    )
    assert [s.time.isoformat() for s in shares] == ["2027-03-28T03:00:00+02:00"]


def test_gaps_are_real_hours_on_the_spring_night():
    posts = [post(s, datetime(2027, 3, 28, 0, 0, tzinfo=PARIS)) for s in "abcde"]
    shares, _ = schedule(posts, cal("Europe/Paris", "00:00-05:00", "    min_gap: 1h"), NOW)
    assert [s.time.strftime("%d %H:%M %z") for s in shares] == [
        "28 00:00 +0100",
        "28 01:00 +0100",
        "28 03:00 +0200",
        "28 04:00 +0200",
        "29 00:00 +0200",
    ]
    assert all(b - a >= timedelta(hours=1) for a, b in zip(utc(shares), utc(shares)[1:]))


def test_the_repeated_hour_of_the_autumn_night_holds_two_real_hours_of_shares():
    posts = [post(s, datetime(2027, 10, 31, 0, 0, tzinfo=PARIS)) for s in "abcdef"]
    shares, _ = schedule(posts, cal("Europe/Paris", "00:00-04:00", "    min_gap: 1h"), NOW)
    assert [s.time.strftime("%d %H:%M %z") for s in shares] == [
        "31 00:00 +0200",
        "31 01:00 +0200",
        "31 02:00 +0200",
        "31 02:00 +0100",
        "31 03:00 +0100",
        "01 00:00 +0100",
    ]
    assert utc(shares)[:5] == [datetime(2027, 10, 30, 22) + timedelta(hours=h) for h in range(5)]


def test_new_york_spring_forward():
    posts = [post(s, datetime(2027, 3, 14, 0, 0, tzinfo=NEW_YORK)) for s in "abc"]
    shares, _ = schedule(posts, cal("America/New_York", "01:00-04:00", "    min_gap: 1h"), NOW)
    assert [s.time.strftime("%H:%M %z") for s in shares] == ["01:00 -0500", "03:00 -0400"] + ["01:00 -0400"]
    assert utc(shares)[1] - utc(shares)[0] == timedelta(hours=1)


def test_new_york_fall_back_repeats_the_one_o_clock_hour():
    posts = [post(s, datetime(2027, 11, 7, 0, 30, tzinfo=NEW_YORK)) for s in "abcde"]
    shares, _ = schedule(posts, cal("America/New_York", "01:00-02:00", "    min_gap: 30m"), NOW)
    assert [s.time.strftime("%d %H:%M %z") for s in shares] == [
        "07 01:00 -0400",
        "07 01:30 -0400",
        "07 01:00 -0500",
        "07 01:30 -0500",
        "08 01:00 -0500",
    ]


def test_the_daily_cap_counts_local_days_on_a_25_hour_day():
    posts = [post(s, datetime(2027, 10, 30, 23, 0, tzinfo=PARIS)) for s in "abc"]
    shares, _ = schedule(posts, cal("Europe/Paris", "00:00-24:00", "    max_per_day: 1"), NOW)
    assert [s.time.strftime("%m-%d %H:%M %z") for s in shares] == [
        "10-30 23:00 +0200",
        "10-31 00:00 +0200",
        "11-01 00:00 +0100",
    ]


def test_a_re_share_a_week_later_keeps_the_hour_across_the_change():
    posts_yaml = "  a:\n    status: approved\n    evergreen: true\n"
    shares, _ = schedule(
        [post("a", datetime(2027, 3, 25, 9, 0, tzinfo=PARIS))],
        cal("Europe/Paris", "09:00-10:00", posts=posts_yaml, reshare="reshare: {after_days: [7]}"),
        NOW,
    )
    assert [s.time.isoformat() for s in shares] == ["2027-03-25T09:00:00+01:00", "2027-04-01T09:00:00+02:00"]
    assert add_days(datetime(2027, 3, 25, 9, tzinfo=PARIS), 7, PARIS) == datetime(2027, 4, 1, 7, tzinfo=UTC)


def test_times_are_given_in_the_calendar_zone_whatever_the_post_zone():
    shares, _ = schedule(
        [post("a", datetime(2027, 6, 1, 9, 0, tzinfo=PARIS))], cal("America/New_York", "08:00-09:00"), NOW
    )
    assert shares[0].time.isoformat() == "2027-06-01T08:00:00-04:00" and shares[0].time.tzinfo == NEW_YORK


def test_instant_maps_gap_times_to_the_jump_and_repeated_times_to_the_first_occurrence():
    assert instant(datetime(2027, 3, 28, 2, 30), PARIS) == datetime(2027, 3, 28, 1, 0, tzinfo=UTC)
    assert instant(datetime(2027, 10, 31, 2, 30), PARIS) == datetime(2027, 10, 31, 0, 30, tzinfo=UTC)
    assert instant(datetime(2027, 3, 14, 2, 15), NEW_YORK) == datetime(2027, 3, 14, 7, 0, tzinfo=UTC)
    assert instant(datetime(2027, 11, 7, 1, 15), NEW_YORK) == datetime(2027, 11, 7, 5, 15, tzinfo=UTC)


def test_approvals_keep_their_meaning_across_zones():
    cal_ = calendar(
        "timezone: America/New_York\nrequired_approvals: [comms]\nnetworks:\n  x:\n    slots: [{days: daily, times: ['00:00-24:00']}]\n"
        "posts:\n  a:\n    status: approved\n    approvals: [{role: comms, who: C, when: 2027-06-01T15:00+02:00}]\n"
    )
    shares, _ = schedule([post("a", datetime(2027, 6, 1, 6, 0, tzinfo=NEW_YORK))], cal_, NOW)
    assert shares[0].time.isoformat() == "2027-06-01T09:00:00-04:00"
    assert approved  # helpers stay importable for the other modules
