"""What keeps a post from going out, as values: one model for the build log and the comms board.

The embargo (drafts, future dates) and the calendar's gate (status, approvals,
quiet periods, planned times) each say why they withhold a post as ``Hold``
values. The build log shows the first one in English (``ctx.withheld``); the
comms room's pipeline board shows every one, in the site's language. Both
read the same values, so the board can never disagree with what was withheld.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

#: the post's file says ``status: draft`` (embargo)
DRAFT = "draft"
#: the post's own date is after now (embargo)
DATED = "dated"
#: PODIUM_CALENDAR_STRICT is on and there is no calendar file (gate)
NO_CALENDAR = "no_calendar"
#: PODIUM_CALENDAR_STRICT is on and the calendar has no entry for the post (gate)
NOT_IN_CALENDAR = "not_in_calendar"
#: the calendar status is not approved or published (gate)
STATUS = "status"
#: a required approval is missing (gate)
APPROVALS = "approvals"
#: the release falls in a quiet period (gate)
QUIET = "quiet"
#: the release (planned time, last approval or the post's date) is after now (gate)
LATER = "later"


@dataclass(frozen=True)
class Hold:
    kind: str
    status: str = ""  # STATUS: the calendar status
    missing: tuple[str, ...] = ()  # APPROVALS: required roles that have not approved, in the rules' order
    given: tuple[Any, ...] = ()  # APPROVALS: approvals given by required roles (calendar Approval values)
    until: datetime | None = None  # DATED, QUIET, LATER: when the post may go out (aware)
    period: Any = None  # QUIET: the calendar QuietPeriod
    cause: str = ""  # LATER: what sets the time: "publish_at", "approval" or "date"
    path: str = ""  # NOT_IN_CALENDAR: the calendar file
