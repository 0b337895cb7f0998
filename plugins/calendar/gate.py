"""Whether the calendar lets a post go out now, and from when: pure rules, no Pelican, no clock.

A post goes live at its *release*: the planned time (else the post's own
date), never before the last required approval was given, and pushed to the
end of any quiet period it falls in. Shares start from the release too, so a
link never points at a page that is not live yet.
"""

from __future__ import annotations

from datetime import datetime

from .model import RELEASABLE, Calendar, Entry, utc


def missing_approvals(entry: Entry, calendar: Calendar) -> list[str]:
    given = {a.role for a in entry.approvals}
    return [role for role in calendar.required_approvals if role not in given]


def after_quiet(moment: datetime, calendar: Calendar) -> datetime:
    """The first moment at or after ``moment`` outside every quiet period."""
    moment = utc(moment)
    period = calendar.quiet_at(moment)
    while period is not None:
        moment = utc(period.end)
        period = calendar.quiet_at(moment)
    return moment


def planned(entry: Entry | None, post_date: datetime, calendar: Calendar) -> datetime:
    """The planned time (else the post date), not before the last required approval."""
    planned = entry.publish_at if entry and entry.publish_at else post_date
    if entry is not None:
        latest = {}
        for approval in entry.approvals:
            if approval.role in calendar.required_approvals:
                latest[approval.role] = max(latest.get(approval.role, approval.when), approval.when)
        planned = max([planned, *latest.values()])
    return utc(planned)


def release(entry: Entry | None, post_date: datetime, calendar: Calendar) -> datetime:
    return after_quiet(planned(entry, post_date, calendar), calendar)


def reason(slug: str, post_date: datetime, calendar: Calendar | None, now: datetime, strict: bool = False) -> str | None:
    """None when the post may be public at ``now``; otherwise why not, in words for the build log."""
    if calendar is None:
        return "no calendar file (PODIUM_CALENDAR_STRICT is on)" if strict else None
    entry = calendar.entries.get(slug)
    if entry is None and strict:
        return f"not in {calendar.path} (PODIUM_CALENDAR_STRICT is on)"
    if entry is not None and entry.status not in RELEASABLE:
        return f"calendar status is {entry.status}, not approved"
    missing = missing_approvals(entry, calendar) if entry is not None else []
    if missing:
        return f"waiting for approval by {', '.join(missing)}"
    when = release(entry, post_date, calendar)  # quiet periods hold posts missing from the calendar too
    if utc(when) > utc(now):
        quiet = calendar.quiet_at(planned(entry, post_date, calendar))
        why = f"quiet period '{quiet.reason}'" if quiet and quiet.reason else "quiet period" if quiet else "calendar"
        return f"held by the {why} until {when.astimezone(calendar.zone).isoformat()}"
    return None


def allowed(slug: str, post_date: datetime, calendar: Calendar | None, now: datetime, strict: bool = False) -> bool:
    return reason(slug, post_date, calendar, now, strict) is None
