"""The gate: approved (or published) with every approval, its time come, outside quiet periods."""

from __future__ import annotations

import itertools
from datetime import datetime

import pytest

from podium.plugins.calendar import gate
from podium.plugins.calendar.model import STATUSES

from .helpers import PARIS, calendar

NOW = datetime(2027, 3, 10, 12, 0, tzinfo=PARIS)
POST_DATE = datetime(2027, 3, 1, 9, 0, tzinfo=PARIS)


def one_entry(status: str, roles: tuple[str, ...], extra: str = "", quiet: str = "") -> object:
    approvals = "".join(f"      - {{role: {r}, who: someone, when: 2027-02-27 10:00}}\n" for r in roles)
    return calendar(
        f"""
timezone: Europe/Paris
required_approvals: [comms, legal]
{quiet}
posts:
  p:
    status: {status}
{extra}    approvals:
{approvals or "      []"}
""".replace("approvals:\n      []", "approvals: []")
    )


@pytest.mark.parametrize(
    "status, roles", list(itertools.product(STATUSES, [(), ("comms",), ("legal",), ("comms", "legal")]))
)
def test_every_status_and_approval_combination(status, roles):
    cal = one_entry(status, roles)
    allowed = gate.allowed("p", POST_DATE, cal, NOW)
    assert allowed == (status in ("approved", "published") and set(roles) == {"comms", "legal"})


def test_the_reasons_say_what_is_missing():
    assert (
        gate.reason("p", POST_DATE, one_entry("in_review", ("comms",)), NOW)
        == "calendar status is in_review, not approved"
    )
    assert gate.reason("p", POST_DATE, one_entry("approved", ("comms",)), NOW) == "waiting for approval by legal"
    assert gate.reason("p", POST_DATE, one_entry("approved", ()), NOW) == "waiting for approval by comms, legal"


def test_the_planned_time_must_have_come():
    cal = one_entry("approved", ("comms", "legal"), extra="    publish_at: 2027-03-10 12:05\n")
    assert gate.reason("p", POST_DATE, cal, NOW) == "held by the calendar until 2027-03-10T12:05:00+01:00"
    assert gate.allowed("p", POST_DATE, cal, datetime(2027, 3, 10, 12, 5, tzinfo=PARIS))


def test_without_a_planned_time_the_post_date_counts():
    cal = one_entry("approved", ("comms", "legal"))
    later = datetime(2027, 3, 11, tzinfo=PARIS)
    assert gate.reason("p", later, cal, NOW) == "held by the calendar until 2027-03-11T00:00:00+01:00"


def test_a_post_never_goes_out_before_its_last_approval():
    cal = calendar("""
timezone: Europe/Paris
required_approvals: [comms, legal]
posts:
  p:
    status: approved
    approvals:
      - {role: comms, who: C, when: 2027-02-27 10:00}
      - {role: legal, who: L, when: 2027-03-10 15:00}
""")
    assert gate.release(cal.entries["p"], POST_DATE, cal) == datetime(2027, 3, 10, 15, tzinfo=PARIS)
    assert not gate.allowed("p", POST_DATE, cal, NOW)


def test_a_quiet_period_holds_a_post_until_it_ends():
    quiet = "quiet_periods:\n  - {start: 2027-03-09, end: 2027-03-12, reason: Results}\n"
    cal = one_entry("approved", ("comms", "legal"), extra="    publish_at: 2027-03-09 09:00\n", quiet=quiet)
    assert gate.reason("p", POST_DATE, cal, NOW) == "held by the quiet period 'Results' until 2027-03-13T00:00:00+01:00"
    assert gate.allowed("p", POST_DATE, cal, datetime(2027, 3, 13, tzinfo=PARIS))


def test_a_post_already_out_before_a_quiet_period_stays_out_during_it():
    quiet = "quiet_periods:\n  - {start: 2027-03-09, end: 2027-03-12, reason: Results}\n"
    cal = one_entry("published", ("comms", "legal"), quiet=quiet)
    assert gate.allowed("p", POST_DATE, cal, NOW)


def test_back_to_back_quiet_periods_push_the_release_past_both():
    quiet = "quiet_periods:\n  - {start: 2027-03-09, end: 2027-03-10}\n  - {start: 2027-03-11, end: 2027-03-11 18:00}\n"
    cal = one_entry("approved", ("comms", "legal"), extra="    publish_at: 2027-03-09 09:00\n", quiet=quiet)
    assert gate.release(cal.entries["p"], POST_DATE, cal) == datetime(2027, 3, 11, 18, tzinfo=PARIS)


def test_posts_missing_from_the_calendar_follow_the_strict_setting():
    cal = one_entry("approved", ("comms", "legal"))
    assert gate.allowed("other", POST_DATE, cal, NOW)
    assert (
        gate.reason("other", POST_DATE, cal, NOW, strict=True)
        == "not in content/calendar.yaml (PODIUM_CALENDAR_STRICT is on)"
    )
    assert gate.allowed("other", POST_DATE, None, NOW)
    assert gate.reason("other", POST_DATE, None, NOW, strict=True) == "no calendar file (PODIUM_CALENDAR_STRICT is on)"


def test_quiet_periods_hold_posts_missing_from_the_calendar_too():
    quiet = "quiet_periods:\n  - {start: 2027-03-01, end: 2027-03-12, reason: Results}\n"
    cal = one_entry("approved", ("comms", "legal"), quiet=quiet)
    assert (
        gate.reason("other", POST_DATE, cal, NOW)
        == "held by the quiet period 'Results' until 2027-03-13T00:00:00+01:00"
    )


def test_no_required_approvals_means_status_alone_decides():
    cal = calendar("timezone: UTC\nposts:\n  p: {status: approved}\n  q: {status: draft}\n")
    assert gate.allowed("p", POST_DATE, cal, NOW)
    assert not gate.allowed("q", POST_DATE, cal, NOW)
