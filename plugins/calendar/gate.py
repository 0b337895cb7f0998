"""Whether the calendar lets a post go out now, and from when: pure rules, no Pelican, no clock.

A post goes live at its *release*: the planned time (else the post's own
date), never before the last required approval was given, and pushed to the
end of any quiet period it falls in. Shares start from the release too, so a
link never points at a page that is not live yet.
"""

from __future__ import annotations

from datetime import datetime

from .. import holds as holds_mod
from ..holds import Hold
from ..i18n import later
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


def holds(slug: str, post_date: datetime, calendar: Calendar | None, now: datetime, strict: bool = False) -> list[Hold]:
    """Everything the calendar still waits for before the post may be public at ``now`` (empty: nothing)."""
    if calendar is None:
        return [Hold(holds_mod.NO_CALENDAR)] if strict else []
    entry = calendar.entries.get(slug)
    if entry is None and strict:
        return [Hold(holds_mod.NOT_IN_CALENDAR, path=calendar.path)]
    found = []
    if entry is not None and entry.status not in RELEASABLE:
        found.append(Hold(holds_mod.STATUS, status=entry.status))
    missing = missing_approvals(entry, calendar) if entry is not None else []
    if missing:
        given = tuple(a for a in entry.approvals if a.role in calendar.required_approvals)
        found.append(Hold(holds_mod.APPROVALS, missing=tuple(missing), given=given))
    when = release(entry, post_date, calendar)  # quiet periods hold posts missing from the calendar too
    if utc(when) > utc(now):
        quiet = calendar.quiet_at(planned(entry, post_date, calendar))
        found.append(
            Hold(
                holds_mod.QUIET if quiet else holds_mod.LATER,
                until=when.astimezone(calendar.zone),
                period=quiet,
                cause=_cause(entry, post_date, calendar),
            )
        )
    return found


def _cause(entry: Entry | None, post_date: datetime, calendar: Calendar) -> str:
    """What sets the planned time: the entry's publish_at, a late approval, or the post's own date."""
    base = entry.publish_at if entry and entry.publish_at else post_date
    if utc(planned(entry, post_date, calendar)) > utc(base):
        return "approval"
    return "publish_at" if entry and entry.publish_at else "date"


def log_words(hold: Hold) -> str:
    """One hold in the build log's words: English in ``ctx.withheld``, said in the reader's language (i18n.said)."""
    if hold.kind == holds_mod.NO_CALENDAR:
        return later("no calendar file (PODIUM_CALENDAR_STRICT is on)")
    if hold.kind == holds_mod.NOT_IN_CALENDAR:
        return later("not in {path} (PODIUM_CALENDAR_STRICT is on)", path=hold.path)
    if hold.kind == holds_mod.STATUS:
        return later("calendar status is {status}, not approved", status=hold.status)
    if hold.kind == holds_mod.APPROVALS:
        return later("waiting for approval by {roles}", roles=", ".join(hold.missing))
    quiet, until = hold.period, hold.until.isoformat()
    if quiet and quiet.reason:
        return later("held by the quiet period '{reason}' until {until}", reason=quiet.reason, until=until)
    if quiet:
        return later("held by the quiet period until {until}", until=until)
    return later("held by the calendar until {until}", until=until)


def reason(
    slug: str, post_date: datetime, calendar: Calendar | None, now: datetime, strict: bool = False
) -> str | None:
    """None when the post may be public at ``now``; otherwise why not, in words for the build log (the first hold)."""
    found = holds(slug, post_date, calendar, now, strict)
    return log_words(found[0]) if found else None


def allowed(slug: str, post_date: datetime, calendar: Calendar | None, now: datetime, strict: bool = False) -> bool:
    return reason(slug, post_date, calendar, now, strict) is None
