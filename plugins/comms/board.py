"""The pipeline board's logic: each post's column and what still blocks it, in words. Pure: no Pelican, no clock.

The holds come from the very functions that withhold posts (the embargo's
``core_holds`` and the calendar's ``gate.holds``), so the board says exactly
why a post is not public, never a second opinion.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_time
from babel.lists import format_list

from .. import holds as h
from ..calendar import gate
from ..embargo.rules import core_holds
from ..holds import Hold
from ..i18n import N_, translate
from ..post import PostView
from ..site import dates

#: the board's columns, left to right
STAGES = ("idea", "draft", "in_review", "approved", "scheduled", "published", "withdrawn")
STAGE_NAMES = {
    "idea": N_("Idea"),
    "draft": N_("Draft"),
    "in_review": N_("In review"),
    "approved": N_("Approved"),
    "scheduled": N_("Scheduled"),
    "published": N_("Published"),
    "withdrawn": N_("Withdrawn"),
}
STATUS_WORDS = {
    "idea": N_("an idea in the calendar"),
    "draft": N_("being written (calendar status: draft)"),
    "in_review": N_("in review: the calendar status is not approved yet"),
    "withdrawn": N_("withdrawn"),
}


@dataclass(frozen=True)
class Card:
    """One post (one language version) on the board."""

    slug: str
    lang: str
    title: str
    stage: str
    owner: str = ""
    release: datetime | None = None  # when it goes (or went) public, aware; None: no time yet
    holds: tuple[Hold, ...] = ()
    has_file: bool = True
    #: a reason the build gave that no hold explains (another gate): shown as it is
    other: str = ""


def holds_of(post: PostView, calendar: Any, now: datetime, strict: bool = False) -> list[Hold]:
    """Every hold on a post, in the order the build checks them; the first is the one the build log shows."""
    found = core_holds(post, now)
    dated = any(x.kind == h.DATED for x in found)
    for hold in gate.holds(post.slug, post.date, calendar, now, strict):
        if not (dated and hold.kind == h.LATER and hold.cause == "date"):  # the same fact, said once
            found.append(hold)
    return found


def stage(entry: Any, found: Iterable[Hold]) -> str:
    """The column: the calendar status where it decides, else how far the post is from going out."""
    kinds = {x.kind for x in found}
    status = entry.status if entry is not None else None
    if status in ("withdrawn", "idea"):
        return status
    if kinds & {h.DRAFT, h.NO_CALENDAR, h.NOT_IN_CALENDAR} or status == "draft":
        return "draft"
    if status == "in_review":
        return "in_review"
    if h.APPROVALS in kinds:
        return "approved"  # the calendar says approved; a signature is still missing
    return "scheduled" if kinds else "published"


def card(post: PostView, calendar: Any, now: datetime, strict: bool = False, reason: str | None = None) -> Card:
    entry = calendar.entries.get(post.slug) if calendar is not None else None
    found = holds_of(post, calendar, now, strict)
    release = gate.release(entry, post.date, calendar) if calendar is not None else post.date
    return Card(
        slug=post.slug,
        lang=post.lang,
        title=post.title or post.slug,
        stage=stage(entry, found),
        owner=entry.owner if entry else "",
        release=release,
        holds=tuple(found),
        other=reason if reason and not found else "",
    )


def idea_card(entry: Any) -> Card:
    """A calendar entry with no post file yet (only ideas may have none)."""
    return Card(
        slug=entry.slug,
        lang="",
        title=entry.slug,
        stage="idea" if entry.status == "idea" else entry.status,
        owner=entry.owner,
        release=entry.publish_at,
        holds=(Hold(h.STATUS, status=entry.status),),
        has_file=False,
    )


def cards(
    posts: Iterable[PostView], calendar: Any, now: datetime, strict: bool = False, reasons: dict | None = None
) -> list[Card]:
    """A card per post version, and per calendar entry with no post; sorted by release, then slug."""
    found = [card(p, calendar, now, strict, (reasons or {}).get((p.slug, p.lang))) for p in posts]
    slugs = {c.slug for c in found}
    if calendar is not None:
        found += [idea_card(e) for slug, e in calendar.entries.items() if slug not in slugs]
    far = datetime.max.replace(tzinfo=ZoneInfo("UTC"))
    return sorted(found, key=lambda c: (c.release or far, c.slug, c.lang))


class Words:
    """Dates and holds in one language and time zone, as people read them."""

    def __init__(self, lang: str, zone: ZoneInfo, now: datetime):
        self.lang, self.zone, self.now = (lang or "en").replace("-", "_"), zone, now

    def day(self, moment: datetime) -> str:
        """'12 mars' / 'March 12' this year, '1er juin 2027' / 'June 1, 2027' otherwise: as the site writes dates."""
        local = moment.astimezone(self.zone)
        if local.year == self.now.astimezone(self.zone).year:
            return dates.day_month(local, self.lang)
        return dates.long_date(local, self.lang)

    def moment(self, moment: datetime) -> str:
        return self.day(moment) + " " + format_time(moment.astimezone(self.zone), "HH:mm", locale=self.lang)

    def hold(self, hold: Hold) -> str:
        """One hold as a sentence for comms and legal."""
        kind = hold.kind
        if kind == h.DRAFT:
            return translate(self.lang, "a draft: its file says status: draft")
        if kind == h.DATED or (kind == h.LATER and hold.cause == "date"):
            return translate(self.lang, "dated {day}", day=self.day(hold.until))
        if kind == h.NO_CALENDAR:
            return translate(self.lang, "no calendar file, and PODIUM_CALENDAR_STRICT asks for one")
        if kind == h.NOT_IN_CALENDAR:
            return translate(self.lang, "not in {path}, and PODIUM_CALENDAR_STRICT asks for an entry", path=hold.path)
        if kind == h.STATUS:
            return translate(self.lang, STATUS_WORDS.get(hold.status, hold.status))
        if kind == h.APPROVALS:
            return self.approvals(hold)
        if kind == h.QUIET and hold.period is not None and hold.period.reason:
            return translate(
                self.lang,
                "held by the quiet period ‘{name}’ until {when}",
                name=hold.period.reason,
                when=self.moment(hold.until),
            )
        if kind == h.QUIET:
            return translate(self.lang, "held by a quiet period until {when}", when=self.moment(hold.until))
        if hold.cause == "approval":
            return translate(
                self.lang, "held until the time of its last approval, {when}", when=self.moment(hold.until)
            )
        return translate(self.lang, "planned for {when}", when=self.moment(hold.until))

    def approvals(self, hold: Hold) -> str:
        missing = format_list(list(hold.missing), locale=self.lang)
        if not hold.given:
            return translate(self.lang, "waiting for {roles}", roles=missing)
        parts = [
            translate(self.lang, "approved by {role} on {day}", role=a.role, day=self.day(a.when)) for a in hold.given
        ]
        parts += [translate(self.lang, "{role} has not approved", role=role) for role in hold.missing]
        return "; ".join(parts)

    def blocks(self, card: Card) -> list[str]:
        """What still blocks a card, one sentence per hold (the status is left out when approvals say it)."""
        return [self.hold(x) for x in shown(card.holds)] + ([card.other] if card.other else [])


def shown(found: tuple[Hold, ...]) -> list[Hold]:
    """The holds worth saying: 'in review' goes without saying next to missing approvals, and an idea
    or a withdrawn post waits for no approval."""
    kinds = {x.kind: x for x in found}
    status = kinds[h.STATUS].status if h.STATUS in kinds else None
    if status in ("idea", "withdrawn"):
        return [x for x in found if x.kind != h.APPROVALS]
    if status == "in_review" and h.APPROVALS in kinds:
        return [x for x in found if x.kind != h.STATUS]
    return list(found)
