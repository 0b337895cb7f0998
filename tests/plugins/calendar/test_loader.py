"""calendar.yaml is read into the model, and every mistake a comms person makes gets its exact message."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from podium.plugins.calendar.model import Window
from podium.plugins.errors import ManyErrors

from .helpers import PARIS, calendar, errors_of

FULL = """
    # yaml-language-server: $schema=../plugins/calendar/calendar.schema.json
    timezone: Europe/Paris
    required_approvals: [comms, legal]
    networks:
      x:
        slots:
          - days: weekdays
            times: ["08:30-10:00", "12:00-13:30"]
          - days: [sat]
            times: ["10:00-11:00"]
        min_gap: 1h30m
        max_per_day: 3
      linkedin:
        slots:
          - days: [tue, Thursday]
            times: ["08:00-24:00"]
    quiet_periods:
      - start: 2027-02-01
        end: 2027-02-14
        reason: Annual results
      - start: 2027-03-01 18:00
        end: 2027-03-02T09:00+01:00
    reshare:
      after_days: [30, 7]
      networks: [x]
    posts:
      rentree:
        status: approved
        owner: Claire
        publish_at: 2027-09-01 08:00
        campaign: rentrée
        notes: "Check the figures: twice"
        evergreen: yes
        approvals:
          - role: comms
            who: Claire
            when: 2027-08-28 17:00
        networks:
          x: {variant: 2, at: 2027-09-01 09:00}
          linkedin: {text: "Hello: world"}
          bluesky: skip
      idee:
        status: idea
"""


def test_a_full_calendar_becomes_the_model():
    cal = calendar(FULL)
    assert cal.zone.key == "Europe/Paris"
    assert cal.required_approvals == ("comms", "legal")
    x = cal.networks["x"]
    assert x.min_gap == timedelta(hours=1, minutes=30) and x.max_per_day == 3
    assert x.slots[0].days == frozenset(range(5)) and x.slots[1].days == frozenset({5})
    assert x.slots[0].windows == (Window(time(8, 30), time(10)), Window(time(12), time(13, 30)))
    assert cal.networks["linkedin"].slots[0].days == frozenset({1, 3})
    assert cal.networks["linkedin"].slots[0].windows[0].end == time.max  # 24:00
    assert cal.networks["linkedin"].max_per_day is None
    first, second = cal.quiet_periods
    assert first.start == datetime(2027, 2, 1, tzinfo=PARIS)
    assert first.end == datetime(2027, 2, 15, tzinfo=PARIS)  # a date alone as end: the end of that day
    assert second.end == datetime(2027, 3, 2, 9, tzinfo=PARIS)
    assert cal.reshare_after_days == (7, 30) and cal.reshare_networks == ("x",)
    entry = cal.entries["rentree"]
    assert (entry.status, entry.owner, entry.campaign, entry.evergreen) == ("approved", "Claire", "rentrée", True)
    assert entry.notes == "Check the figures: twice"
    assert entry.publish_at == datetime(2027, 9, 1, 8, tzinfo=PARIS)
    assert entry.approvals[0].role == "comms" and entry.approvals[0].when == datetime(2027, 8, 28, 17, tzinfo=PARIS)
    assert entry.networks["x"].variant == 2 and entry.networks["x"].at == datetime(2027, 9, 1, 9, tzinfo=PARIS)
    assert entry.networks["linkedin"].text == "Hello: world"
    assert entry.networks["bluesky"].skip
    assert (entry.line, entry.col) == (27, 3)
    assert cal.entries["idee"].status == "idea"


def test_the_repository_sample_calendar_loads():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[3] / "content" / "calendar.yaml").read_text(encoding="utf-8")
    cal = calendar(text)
    assert cal.entries["le-bureau-est-un-rendez-vous"].status == "in_review"
    assert set(cal.networks) == {"x", "linkedin", "mastodon", "bluesky"}


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "timezone: Europe/Paris\nposts:\n  a: [1\n",
            "content/calendar.yaml:4:1: the YAML cannot be read (expected ',' or ']', but got '<stream end>'); "
            "check this line and the one above for a missing colon, an unclosed quote or a wrong indentation",
        ),
        (
            "timezone: Europe/Paris\nposts:\n  a:\n    status idea\n    owner: x\n",
            "content/calendar.yaml:5:10: the YAML cannot be read (mapping values are not allowed here); "
            "check this line and the one above for a missing colon, an unclosed quote or a wrong indentation",
        ),
        (
            "timezone: Europe/Paris\nposts:\n\ta:\n",
            "content/calendar.yaml:3:1: a tab is used for indentation; YAML needs spaces: replace the tab with spaces",
        ),
    ],
)
def test_syntax_errors_and_tabs(text, message):
    assert errors_of(text) == [message]


def test_every_tab_is_reported_not_only_the_first():
    assert [e.split(": ")[0] for e in errors_of("timezone: UTC\nposts:\n\ta:\n  \t  status: idea\n")] == [
        "content/calendar.yaml:3:1",
        "content/calendar.yaml:4:3",
    ]


def test_unknown_keys_suggest_the_closest_known_one():
    assert errors_of("""
        timezone: Europe/Paris
        quiet_period: []
        posts:
          a:
            stauts: idea
            status: idea
            colour: red
    """) == [
        "content/calendar.yaml:2:1: unknown key 'quiet_period'; did you mean 'quiet_periods'?",
        "content/calendar.yaml:5:5: unknown key 'stauts'; did you mean 'status'?",
        "content/calendar.yaml:7:5: unknown key 'colour'; the keys allowed in a post entry are: "
        "status, owner, publish_at, campaign, notes, evergreen, approvals, networks",
    ]


def test_unknown_time_zone_suggests_the_closest():
    assert errors_of("timezone: Europe/Pari\n") == [
        "content/calendar.yaml:1:11: unknown time zone 'Europe/Pari'; did you mean 'Europe/Paris'?"
    ]
    assert errors_of("timezone: Mars/Olympus_Mons\n") == [
        "content/calendar.yaml:1:11: unknown time zone 'Mars/Olympus_Mons'; "
        "use an IANA name such as 'Europe/Paris' or 'America/New_York'"
    ]


def test_a_missing_time_zone_is_one_error():
    assert errors_of("posts:\n  a:\n    status: approved\n    publish_at: 2027-03-02 09:00\n") == [
        "content/calendar.yaml:1:1: the calendar has no time zone; add a first line such as 'timezone: Europe/Paris'"
    ]


def test_a_time_without_a_date():
    assert errors_of("timezone: UTC\nposts:\n  a:\n    status: approved\n    publish_at: 09:00\n") == [
        "content/calendar.yaml:5:17: 'publish_at' has a time but no date; write the date too, e.g. 2027-03-02 09:00"
    ]


def test_a_time_that_does_not_exist_in_the_zone():
    assert errors_of(
        "timezone: Europe/Paris\nposts:\n  a:\n    status: approved\n    publish_at: 2027-03-28 02:30\n"
    ) == [
        "content/calendar.yaml:5:17: 2027-03-28 02:30 does not exist in Europe/Paris: the clocks jump forward "
        "at that hour; pick a time an hour later or earlier"
    ]


def test_an_end_before_a_start():
    assert errors_of("""
        timezone: UTC
        quiet_periods:
          - start: 2027-04-14
            end: 2027-04-01
        networks:
          x:
            slots:
              - days: daily
                times: ["18:00-09:00"]
    """) == [
        "content/calendar.yaml:4:10: this quiet period ends (2027-04-01) before it starts (2027-04-14); swap start and end",
        "content/calendar.yaml:9:17: the window 18:00-09:00 ends before it starts; write the earlier time first, e.g. 09:00-18:00",
    ]


def test_overlapping_quiet_periods():
    assert errors_of("""
        timezone: UTC
        quiet_periods:
          - start: 2027-04-01
            end: 2027-04-30
            reason: Results
          - start: 2027-04-10
            end: 2027-04-12
            reason: Board
          - start: 2027-04-20 09:00
            end: 2027-05-02
          - start: 2027-05-03
            end: 2027-05-04
    """) == [
        "content/calendar.yaml:6:5: quiet period 'Board' overlaps the one on line 3; "
        "merge them into one period or move the dates apart",
        "content/calendar.yaml:9:5: this quiet period overlaps the one on line 3; "
        "merge them into one period or move the dates apart",
    ]


def test_an_approval_by_a_role_not_in_the_rules():
    assert errors_of("""
        timezone: UTC
        required_approvals: [comms, legal]
        posts:
          a:
            status: approved
            approvals:
              - {role: legl, who: P, when: 2027-01-01 10:00}
              - {role: marketing, who: M, when: 2027-01-01 10:00}
    """) == [
        "content/calendar.yaml:7:16: approval by 'legl', a role not in required_approvals; "
        "did you mean 'legal'? or add 'legl' to required_approvals",
        "content/calendar.yaml:8:16: approval by 'marketing', a role not in required_approvals; "
        "use a role from required_approvals (comms, legal) or add 'marketing' there",
    ]


def test_duplicate_entries():
    assert errors_of(
        "timezone: UTC\nposts:\n  a:\n    status: idea\n  b:\n    status: idea\n  a:\n    status: draft\n"
    ) == ["content/calendar.yaml:7:3: 'a' has a second entry (the first is on line 3); merge the two entries into one"]


def test_a_repeated_key_elsewhere():
    assert errors_of("timezone: UTC\ntimezone: UTC\n") == [
        "content/calendar.yaml:2:1: 'timezone' is given twice (first on line 1); keep only one"
    ]


def test_a_status_that_does_not_exist():
    assert errors_of(
        "timezone: UTC\nposts:\n  a:\n    status: aproved\n  b:\n    status: live\n  c:\n    owner: X\n"
    ) == [
        "content/calendar.yaml:4:13: unknown status 'aproved'; did you mean 'approved'? "
        "(the statuses are: idea, draft, in_review, approved, published, withdrawn)",
        "content/calendar.yaml:6:13: unknown status 'live'; use one of: idea, draft, in_review, approved, published, withdrawn",
        "content/calendar.yaml:8:5: this entry has no 'status'; add 'status:' with one of: "
        "idea, draft, in_review, approved, published, withdrawn",
    ]


@pytest.mark.parametrize(
    "line, message",
    [
        ("min_gap: 2 hours", "'2 hours' is not a duration; write it like 2h, 90m or 1h30m"),
        ("max_per_day: 0", "'max_per_day' must be a whole number of at least 1; received '0'"),
        (
            "slots: [{days: [mon, fryday], times: ['09:00-10:00']}]",
            "'fryday' is not a day; use mon, tue, wed, thu, fri, sat, sun, weekdays, weekend or daily (did you mean 'friday'?)",
        ),
        (
            "slots: [{days: daily, times: ['9h-10h']}]",
            "'9h' is not a time of day; write it as HH:MM on a 24-hour clock, e.g. 09:30",
        ),
    ],
)
def test_network_rule_values(line, message):
    errors = errors_of(f"timezone: UTC\nnetworks:\n  x:\n    {line}\n")
    assert len(errors) == 1 and errors[0].split(": ", 1)[1] == message


def test_all_problems_are_reported_together_in_file_order():
    with pytest.raises(ManyErrors) as caught:
        calendar("""
            timezone: Europe/Pari
            networks:
              twitter: {}
            posts:
              a:
                status: maybe
        """)
    assert [(e.line, e.col) for e in caught.value.errors] == [(1, 11), (3, 3), (6, 13)]
    assert str(caught.value.errors[1]) == (
        "content/calendar.yaml:3:3: unknown key 'twitter'; "
        "the keys allowed in 'networks' are: x, linkedin, mastodon, bluesky, threads, "
        "instagram, facebook, pinterest"
    )
    assert caught.value.exit_status == 2


def test_an_empty_calendar():
    assert errors_of("") == [
        "content/calendar.yaml:1:1: the calendar is empty; start from the example in docs/comms.md"
    ]


def test_offsets_are_kept_and_naive_times_take_the_calendar_zone():
    cal = calendar("""
        timezone: America/New_York
        posts:
          a:
            status: idea
            publish_at: 2027-07-04T12:00Z
          b:
            status: idea
            publish_at: 2027-07-04 12:00
    """)
    assert cal.entries["a"].publish_at == datetime(2027, 7, 4, 12, tzinfo=UTC)
    assert cal.entries["b"].publish_at == datetime(2027, 7, 4, 16, tzinfo=UTC)


def test_sections_with_nothing_under_them_yet_are_empty():
    cal = calendar("timezone: UTC\nrequired_approvals:\nnetworks:\nquiet_periods:\nreshare:\nposts:\n")
    assert (cal.entries, cal.quiet_periods, cal.networks, cal.required_approvals) == ({}, (), {}, ())


def test_a_file_with_only_comments_is_blank():
    from podium.plugins.calendar.loader import is_blank

    assert is_blank("# notes\n\n   # more\n---\n") and is_blank("")
    assert not is_blank("# notes\ntimezone: UTC\n")


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "timezone: Europe/Paris\nposts:\n  a: &entry {status: idea}\n  b: *entry\n",
            "content/calendar.yaml:4:6: '*entry' repeats a value written elsewhere (a YAML alias); podium does not "
            "accept aliases: write the value out in full",
        ),
        (
            "timezone: Europe/Paris\nposts:\n  a: " + "[" * 5000 + "\n",
            "content/calendar.yaml:3:24: the calendar nests deeper than 20 levels; flatten it (podium's files need "
            "only a few levels)",
        ),
    ],
)
def test_aliases_and_deep_nesting_are_refused(text, message):
    assert errors_of(text) == [message]
