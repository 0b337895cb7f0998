"""add_entry (for podium new): the entry is added and every comment and line people wrote stays as it was."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from podium.plugins.calendar.entries import add_entry, new_calendar
from podium.plugins.errors import BadInput

from .helpers import PARIS, calendar

SAMPLE = (Path(__file__).resolve().parents[3] / "content" / "calendar.yaml").read_text(encoding="utf-8")


def test_the_entry_goes_at_the_end_of_posts_and_nothing_else_changes():
    updated = add_entry(
        SAMPLE, "a-new-post", owner="Claire Vasseur", publish_at=datetime(2027, 1, 12, 8, 30, tzinfo=PARIS)
    )
    assert updated.startswith(SAMPLE)  # the sample ends with its posts: the new entry is appended after them
    assert updated[len(SAMPLE) :] == (
        "  a-new-post:\n    status: idea\n    owner: Claire Vasseur\n    publish_at: 2027-01-12 08:30\n"
    )
    entry = calendar(updated).entries["a-new-post"]
    assert entry.status == "idea" and entry.publish_at == datetime(2027, 1, 12, 8, 30, tzinfo=PARIS)


def test_keys_after_posts_and_comments_stay_where_they_are():
    text = (
        "# top comment\ntimezone: UTC\nposts:\n    # comms notes\n    first:\n        status: idea  # keep\n"
        "        # still first\n\n# about the rules below\nrequired_approvals: [comms]\n"
    )
    updated = add_entry(text, "second", status="draft")
    assert updated == (
        "# top comment\ntimezone: UTC\nposts:\n    # comms notes\n    first:\n        status: idea  # keep\n"
        "        # still first\n    second:\n        status: draft\n\n# about the rules below\n"
        "required_approvals: [comms]\n"
    )
    assert set(calendar(updated).entries) == {"first", "second"}


def test_values_that_yaml_would_misread_are_quoted():
    updated = add_entry("timezone: UTC\nposts:\n  a:\n    status: idea\n", "yes", owner="Anne: comms # team")
    entry = calendar(updated).entries["yes"]
    assert entry.owner == "Anne: comms # team"
    assert '  "yes":' in updated


def test_an_empty_posts_key_gets_its_first_entry():
    assert (
        add_entry("timezone: UTC\nposts:  # none yet\n", "a")
        == "timezone: UTC\nposts:  # none yet\n  a:\n    status: idea\n"
    )
    assert add_entry("timezone: UTC\nposts: {}\n", "a") == "timezone: UTC\nposts:\n  a:\n    status: idea\n"


def test_a_calendar_without_posts_gets_the_key():
    assert add_entry("timezone: UTC", "a") == "timezone: UTC\nposts:\n  a:\n    status: idea\n"


def test_an_empty_file_starts_a_calendar_with_the_modeline():
    text = add_entry("", "a", timezone="Europe/Paris", schema="calendar.schema.json")
    assert text == new_calendar("Europe/Paris", "calendar.schema.json") + "posts:\n  a:\n    status: idea\n"
    assert text.startswith("# yaml-language-server: $schema=calendar.schema.json\ntimezone: Europe/Paris\n")
    assert calendar(text).zone.key == "Europe/Paris"


def test_a_slug_that_already_has_an_entry_is_refused():
    with pytest.raises(BadInput) as caught:
        add_entry(SAMPLE, "the-grid-is-the-product")
    line = SAMPLE.splitlines().index("  the-grid-is-the-product:") + 1
    assert str(caught.value) == (
        f"content/calendar.yaml:{line}:3: 'the-grid-is-the-product' already has an entry; "
        "edit that entry instead of adding one"
    )


def test_a_broken_calendar_is_not_touched():
    with pytest.raises(BadInput) as caught:
        add_entry("timezone: UTC\nposts:\n  a: [\n", "b")
    assert str(caught.value).startswith("content/calendar.yaml:4: the calendar cannot be read (")


def test_posts_written_on_one_line_are_not_rewritten():
    with pytest.raises(BadInput) as caught:
        add_entry("timezone: UTC\nposts: {a: {status: idea}}\n", "b")
    assert str(caught.value) == (
        "content/calendar.yaml:2: 'posts:' is written on one line ({...}); "
        "put each entry on its own lines, then run the command again"
    )
