"""What podium approve and podium status share: open the calendar, find the entry, write the change safely.

The calendar is checked before anything changes (a calendar with errors is
never written), the new text is checked again before it replaces the file,
and the file is replaced atomically, so a reader sees the old calendar or
the new one, never a part.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from podium.plugins.errors import BadInput
from podium.plugins.i18n import _


@dataclass
class Opened:
    path: Path  # the real file (a symbolic link is followed, so it stays a link)
    shown: str  # as messages name it: content/calendar.yaml
    text: str
    calendar: object  # podium.plugins.calendar.model.Calendar


def open_calendar(project: Path) -> Opened:
    """The project's calendar, read and checked; every problem in it stops the command (ManyErrors)."""
    from podium.plugins import bounded
    from podium.plugins.calendar.loader import is_blank, load
    from podium.plugins.networks import KEYS

    from .build import read_settings
    from .calendar_cmd import calendar_file

    settings, _settings_path = read_settings(project)
    path = calendar_file(project, settings)
    shown = os.path.relpath(path, project)
    if not path.exists():
        raise BadInput(
            _("there is no calendar file; create it from the example in docs/comms.md or set PODIUM_CALENDAR_PATH"),
            path=shown,
        )
    text = bounded.read_text(path, shown, bounded.CALENDAR)
    if is_blank(text):
        raise BadInput(
            _("the calendar has no entries yet; add the post under 'posts:' (podium new does it for a new post)"),
            path=shown,
            line=1,
        )
    return Opened(path=Path(os.path.realpath(path)), shown=shown, text=text, calendar=load(text, shown, KEYS))


def entry(opened: Opened, slug: str):
    """The calendar entry of ``slug``; an unknown slug is refused with the closest one."""
    from podium.plugins.calendar.edits import key_line
    from podium.plugins.calendar.yamlmarks import suggest

    found = opened.calendar.entries.get(slug)
    if found is not None:
        return found
    close = suggest(slug, sorted(opened.calendar.entries))
    line = key_line(opened.text, "posts") or 1
    if close:
        raise BadInput(
            _("no entry for '{slug}' in the calendar; {close}", slug=slug, close=close), path=opened.shown, line=line
        )
    raise BadInput(
        _(
            "no entry for '{slug}' in the calendar; check the slug, or add the post under 'posts:' "
            "(podium new does it for a new post)",
            slug=slug,
        ),
        path=opened.shown,
        line=line,
    )


def writable(opened: Opened, line: int) -> None:
    """Refused before any work: a read-only calendar is someone's decision, not podium's to override."""
    # no write bit at all counts too: the owner locked it, even for an administrator who could write anyway
    locked = not opened.path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    if locked or not os.access(opened.path, os.W_OK) or not os.access(opened.path.parent, os.W_OK):
        raise BadInput(
            _(
                "the calendar is read-only, so nothing was changed; make it writable "
                "(chmod u+w {path}), then run the command again",
                path=opened.shown,
            ),
            path=opened.shown,
            line=line,
        )


def save(opened: Opened, text: str, line: int):
    """Check the new text as the build will, then replace the file (its permissions kept); the new Calendar."""
    from podium.plugins.calendar.loader import load
    from podium.plugins.errors import ManyErrors
    from podium.plugins.files import write_atomic
    from podium.plugins.networks import KEYS

    try:
        calendar = load(text, opened.shown, KEYS)
    except ManyErrors as many:  # a bug in the edit: keep the file as the person left it
        raise BadInput(
            _(
                "podium could not change the calendar without breaking it ({problem}), so nothing was "
                "changed; make the change by hand",
                problem=many.errors[0].message,
            ),
            path=opened.shown,
            line=line,
        ) from None
    if opened.path.read_bytes().decode("utf-8", "replace") != opened.text:  # someone saved it meanwhile
        raise BadInput(
            _("the calendar changed while podium was editing it, so nothing was changed; run the command again"),
            path=opened.shown,
            line=line,
        )
    mode = opened.path.stat().st_mode & 0o7777
    try:
        write_atomic(opened.path, text)
        os.chmod(opened.path, mode)
    except PermissionError:
        raise BadInput(
            _(
                "the calendar is read-only, so nothing was changed; make it writable "
                "(chmod u+w {path}), then run the command again",
                path=opened.shown,
            ),
            path=opened.shown,
            line=line,
        ) from None
    return calendar


def parse_when(value: str | None, zone, now: datetime, shown: str, line: int) -> datetime:
    """--when as an aware time, in the past; the calendar's zone when it has no offset; ``now`` when absent."""
    from podium.plugins.calendar.fields import Wrong, moment

    if value is None:
        return now
    try:
        when = moment(value, "--when", zone)
    except Wrong:
        raise BadInput(
            _(
                "--when {value!r} is not a date and time; write it as 2027-03-02 09:00 (in {zone}) "
                "or with an offset, 2027-03-02T09:00+01:00",
                value=value,
                zone=zone.key,
            ),
            path=shown,
            line=line,
        ) from None
    if when > now:
        raise BadInput(
            _(
                "--when {value} is in the future; an approval records when it was given: "
                "leave --when out to approve now, or give a time already past",
                value=value,
            ),
            path=shown,
            line=line,
        )
    return when
