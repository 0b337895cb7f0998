"""The pipeline board's logic: each post's column and what still blocks it, from the same holds that withhold it."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from podium.plugins.calendar import gate
from podium.plugins.comms import board
from podium.plugins.embargo.rules import core_reason, first_reason
from tests.plugins.calendar.helpers import PARIS, calendar, post

NOW = datetime(2027, 2, 10, 12, 0, tzinfo=PARIS)
CAL = calendar("""
timezone: Europe/Paris
required_approvals: [comms, legal]
quiet_periods:
  - {start: 2027-02-01, end: 2027-02-15 09:00, reason: Annual results}
  - {start: 2027-03-01, end: 2027-03-02}
posts:
  idea-only: {status: idea, owner: Claire}
  drafted: {status: draft, owner: Claire}
  reviewed: {status: in_review, owner: Paul}
  half:
    status: approved
    owner: Paul
    approvals:
      - {role: comms, who: Claire, when: 2027-01-12 10:00}
  half-review:
    status: in_review
    approvals:
      - {role: comms, who: Claire, when: 2027-01-12 10:00}
  signed-review:
    status: in_review
    approvals:
      - {role: comms, who: Claire, when: 2027-01-12 10:00}
      - {role: legal, who: Paul, when: 2027-01-13 10:00}
  hushed:
    status: approved
    approvals:
      - {role: comms, who: C, when: 2027-01-12 10:00}
      - {role: legal, who: L, when: 2027-01-12 10:00}
  unnamed-quiet:
    status: approved
    publish_at: 2027-03-01 10:00
    approvals:
      - {role: comms, who: C, when: 2027-01-12 10:00}
      - {role: legal, who: L, when: 2027-01-12 10:00}
  planned:
    status: approved
    publish_at: 2027-02-20 08:30
    approvals:
      - {role: comms, who: C, when: 2027-01-12 10:00}
      - {role: legal, who: L, when: 2027-01-12 10:00}
  future:
    status: published
    approvals:
      - {role: comms, who: C, when: 2027-01-12 10:00}
      - {role: legal, who: L, when: 2027-01-12 10:00}
  live:
    status: published
    approvals:
      - {role: comms, who: C, when: 2027-01-12 10:00}
      - {role: legal, who: L, when: 2027-01-12 10:00}
  gone: {status: withdrawn}
""")
PAST = datetime(2027, 1, 20, 9, 0, tzinfo=PARIS)


def at(slug: str, when: datetime = PAST, status: str = "published"):
    return replace(post(slug, when), status=status)


TABLE = [
    # (post, column, what still blocks it)
    (at("drafted"), "draft", ["being written (calendar status: draft)", "waiting for comms and legal"]),
    (at("reviewed"), "in_review", ["waiting for comms and legal"]),
    (at("half-review"), "in_review", ["approved by comms on January 12; legal has not approved"]),
    (at("signed-review"), "in_review", ["in review: the calendar status is not approved yet"]),
    (at("half"), "approved", ["approved by comms on January 12; legal has not approved"]),
    (
        at("hushed", datetime(2027, 2, 3, 9, 0, tzinfo=PARIS)),
        "scheduled",
        ["held by the quiet period ‘Annual results’ until February 15 09:00"],
    ),
    (at("unnamed-quiet"), "scheduled", ["held by a quiet period until March 3 00:00"]),  # an end date is the whole day
    (at("planned"), "scheduled", ["planned for February 20 08:30"]),
    (at("future", datetime(2027, 6, 1, 9, 0, tzinfo=PARIS)), "scheduled", ["dated June 1"]),
    (at("live"), "published", []),
    (at("gone"), "withdrawn", ["withdrawn"]),
    (at("live", status="draft"), "draft", ["a draft: its file says status: draft"]),
    (at("not-in-calendar", datetime(2028, 6, 1, 9, 0, tzinfo=PARIS)), "scheduled", ["dated June 1, 2028"]),
    (at("not-in-calendar"), "published", []),
]


@pytest.mark.parametrize("view, column, blocks", TABLE, ids=[f"{v.slug}-{v.status}" for v, _, _ in TABLE])
def test_each_post_gets_its_column_and_the_words_of_what_blocks_it(view, column, blocks):
    card = board.card(view, CAL, NOW)
    assert card.stage == column
    assert board.Words("en", PARIS, NOW).blocks(card) == blocks


@pytest.mark.parametrize("view", [v for v, _, _ in TABLE], ids=[f"{v.slug}-{v.status}" for v, _, _ in TABLE])
def test_the_first_hold_is_the_reason_the_build_withholds_the_post(view):
    """One source: the build's reason is the first hold the board shows, and no hold means public."""
    build_reason = first_reason([core_reason(view, NOW), gate.reason(view.slug, view.date, CAL, NOW)])
    found = board.holds_of(view, CAL, NOW)
    assert bool(found) == (build_reason is not None)
    if found and found[0].kind not in ("draft", "dated"):
        assert gate.log_words(found[0]) == build_reason


def test_every_calendar_entry_without_a_file_is_an_idea_card_and_cards_sort_by_release():
    found = board.cards([at("live"), at("planned")], CAL, NOW)
    slugs = [c.slug for c in found]
    assert slugs[:2] == ["live", "planned"] and "idea-only" in slugs and len(found) == len(CAL.entries)
    idea = next(c for c in found if c.slug == "idea-only")
    assert (idea.stage, idea.owner, idea.has_file) == ("idea", "Claire", False)
    assert board.Words("en", PARIS, NOW).blocks(idea) == ["an idea in the calendar"]


def test_a_reason_from_another_gate_is_shown_as_the_build_gave_it():
    card = board.card(at("live"), CAL, NOW, reason="held by a plugin")
    assert board.Words("en", PARIS, NOW).blocks(card) == ["held by a plugin"]


def test_strict_mode_puts_a_post_missing_from_the_calendar_among_drafts():
    card = board.card(at("elsewhere"), CAL, NOW, strict=True)
    assert card.stage == "draft"
    assert board.Words("en", PARIS, NOW).blocks(card) == [
        "not in content/calendar.yaml, and PODIUM_CALENDAR_STRICT asks for an entry"
    ]


def test_the_words_follow_the_sites_language_with_babel_dates():
    words = board.Words("fr", PARIS, NOW)
    assert words.blocks(board.card(at("half"), CAL, NOW)) == [
        "approuvé par comms le 12 janvier; legal n’a pas approuvé"
    ]
    hushed = board.card(at("hushed", datetime(2027, 2, 3, 9, 0, tzinfo=PARIS)), CAL, NOW)
    assert words.blocks(hushed) == [
        "retenu par la période de silence «\u202fAnnual results\u202f» jusqu’au 15 février 09:00"
    ]
    assert words.blocks(board.card(at("reviewed"), CAL, NOW)) == ["en attente de comms et legal"]
