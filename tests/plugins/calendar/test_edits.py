"""Edits to one calendar entry (podium approve, podium status): only the changed lines differ, byte for byte."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from podium.plugins.calendar.edits import flow_scalar, key_line, moment_text, record_approval, set_status

from .helpers import PARIS, calendar

SAMPLE = (Path(__file__).resolve().parents[3] / "content" / "calendar.yaml").read_text(encoding="utf-8")
LINES = SAMPLE.splitlines(keepends=True)


def line_of(text: str) -> int:
    """0-based index of the sample's line that is exactly ``text``."""
    return [line.rstrip("\n") for line in LINES].index(text)


def test_an_approval_goes_after_the_others_and_every_other_byte_stays():
    updated = record_approval(SAMPLE, "le-bureau-est-un-rendez-vous", "legal", "Paul Ménard", "2026-09-12 10:00")
    after = line_of("      - {role: comms, who: Claire Vasseur, when: 2026-09-10 11:00}") + 1
    new = "      - {role: legal, who: Paul Ménard, when: 2026-09-12 10:00}\n"
    assert updated == "".join(LINES[:after]) + new + "".join(LINES[after:])
    approvals = calendar(updated).entries["le-bureau-est-un-rendez-vous"].approvals
    assert [(a.role, a.who, a.when) for a in approvals] == [
        ("comms", "Claire Vasseur", datetime(2026, 9, 10, 11, 0, tzinfo=PARIS)),
        ("legal", "Paul Ménard", datetime(2026, 9, 12, 10, 0, tzinfo=PARIS)),
    ]


def test_an_entry_without_approvals_gets_the_key_after_its_last_line():
    updated = record_approval(
        SAMPLE, "recruter-pour-la-transition-apprentissage", "comms", "Claire Vasseur", "2026-11-20 09:00"
    )
    after = line_of("    publish_at: 2026-12-08 08:00") + 1
    new = "    approvals:\n      - {role: comms, who: Claire Vasseur, when: 2026-11-20 09:00}\n"
    assert updated == "".join(LINES[:after]) + new + "".join(LINES[after:])
    assert calendar(updated).entries["recruter-pour-la-transition-apprentissage"].approvals[0].who == "Claire Vasseur"


def test_a_second_approval_by_the_same_role_replaces_who_and_when_only():
    updated = record_approval(SAMPLE, "vingt-ans-helio-energie", "legal", "Anne: juriste", "2026-11-25 08:05")
    at = line_of("      - {role: legal, who: Paul Ménard, when: 2026-11-24 16:00}")
    assert updated == "".join(
        LINES[:at]
    ) + '      - {role: legal, who: "Anne: juriste", when: 2026-11-25 08:05}\n' + "".join(LINES[at + 1 :])
    assert [a.who for a in calendar(updated).entries["vingt-ans-helio-energie"].approvals] == [
        "Claire Vasseur",
        "Anne: juriste",
    ]


def test_the_status_value_alone_changes():
    updated = set_status(SAMPLE, "bilan-carbone-2026", "in_review")
    at = line_of("  bilan-carbone-2026:") + 1
    assert LINES[at] == "    status: idea\n"
    assert updated == "".join(LINES[:at]) + "    status: in_review\n" + "".join(LINES[at + 1 :])
    assert calendar(updated).entries["bilan-carbone-2026"].status == "in_review"


BASE = "timezone: UTC\nrequired_approvals: [comms, legal]\nposts:\n  a:\n    status: draft\n"


@pytest.mark.parametrize(
    "before, after",
    [
        # 'approvals:' with nothing under it yet
        (
            BASE + "    approvals:\n  b:\n    status: idea\n",
            BASE + "    approvals:\n      - {role: legal, who: B, when: 2026-01-02 10:00}\n  b:\n    status: idea\n",
        ),
        # written on one line: the list stays on one line, its comment too
        (
            BASE + "    approvals: []  # none yet\n",
            BASE + "    approvals: [{role: legal, who: B, when: 2026-01-02 10:00}]  # none yet\n",
        ),
        (
            BASE + "    approvals: [{role: comms, who: A, when: 2026-01-01 10:00}]\n",
            BASE
            + "    approvals: [{role: comms, who: A, when: 2026-01-01 10:00}, {role: legal, who: B, when: 2026-01-02 10:00}]\n",
        ),
        # items written as blocks, the dash at the key's column; a comment after them stays after
        (
            BASE + "    approvals:\n    - role: comms\n      who: A\n      when: 2026-01-01 10:00\n    # next: legal\n",
            BASE + "    approvals:\n    - role: comms\n      who: A\n      when: 2026-01-01 10:00\n"
            "    - {role: legal, who: B, when: 2026-01-02 10:00}\n    # next: legal\n",
        ),
        # Windows line ends, and no line end at the end of the file
        (
            BASE.replace("\n", "\r\n").rstrip("\r\n"),
            BASE.replace("\n", "\r\n") + "    approvals:\r\n      - {role: legal, who: B, when: 2026-01-02 10:00}\r\n",
        ),
        # a byte-order mark is kept
        ("\ufeff" + BASE, "\ufeff" + BASE + "    approvals:\n      - {role: legal, who: B, when: 2026-01-02 10:00}\n"),
        # wider indentation is followed
        (
            "timezone: UTC\nposts:\n    a:\n        status: draft  # keep\n\n# after\n",
            "timezone: UTC\nposts:\n    a:\n        status: draft  # keep\n        approvals:\n"
            "          - {role: legal, who: B, when: 2026-01-02 10:00}\n\n# after\n",
        ),
    ],
)
def test_approvals_are_added_in_the_file_own_layout(before, after):
    assert record_approval(before, "a", "legal", "B", "2026-01-02 10:00") == after


def test_values_are_replaced_where_they_are():
    before = (
        BASE + "    approvals:\n    - role: legal\n      who: 'Old'  # from the email\n      when: 2026-01-01 10:00\n"
    )
    after = BASE + "    approvals:\n    - role: legal\n      who: B  # from the email\n      when: 2026-01-02 10:00\n"
    assert record_approval(before, "a", "legal", "B", "2026-01-02 10:00") == after
    quoted = BASE.replace("status: draft", 'status: "draft"  # quoted')
    assert set_status(quoted, "a", "approved") == BASE.replace("status: draft", "status: approved  # quoted")


@pytest.mark.parametrize(
    "value, written",
    [
        ("Paul Ménard", "Paul Ménard"),
        ("O'Neil", "O'Neil"),
        ("yes", '"yes"'),
        ("null", '"null"'),
        ("Dupont, Anne", '"Dupont, Anne"'),
        ("Anne: comms", '"Anne: comms"'),
        ("#1 fan", '"#1 fan"'),
        ("2026", '"2026"'),
        ("Zoé {legal}", '"Zoé {legal}"'),
        ('Say "hi"', '"Say \\"hi\\""'),
    ],
)
def test_names_are_plain_when_yaml_reads_them_back_unchanged(value, written):
    assert flow_scalar(value) == written
    text = record_approval(BASE, "a", "legal", value, "2026-01-02 10:00")
    assert calendar(text).entries["a"].approvals[0].who == value


def test_times_are_written_in_the_calendar_zone_with_the_offset_only_when_the_hour_repeats():
    assert moment_text(datetime(2026, 9, 12, 8, 0, 59, tzinfo=UTC), PARIS) == "2026-09-12 10:00"
    # 25 October 2026: 02:30 happens twice in Paris; the second one is 01:30 UTC
    assert moment_text(datetime(2026, 10, 25, 0, 30, tzinfo=UTC), PARIS) == "2026-10-25 02:30"
    assert moment_text(datetime(2026, 10, 25, 1, 30, tzinfo=UTC), PARIS) == "2026-10-25T02:30+01:00"
    text = record_approval(BASE.replace("UTC", "Europe/Paris"), "a", "legal", "B", "2026-10-25T02:30+01:00")
    assert calendar(text).entries["a"].approvals[0].when == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)


def test_key_line_points_at_top_level_keys():
    assert key_line(BASE, "posts") == 3
    assert key_line("\ufeff" + BASE, "required_approvals") == 2
    assert key_line(BASE, "quiet_periods") is None
