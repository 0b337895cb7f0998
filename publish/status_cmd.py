"""Set a post's status in calendar.yaml (idea, draft, in_review, approved...), every comment and line kept."""

from __future__ import annotations

import argparse
from pathlib import Path

from podium.plugins.i18n import _


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from podium.plugins.calendar.model import STATUSES

    parser.add_argument("slug", help=_("the post's slug, as in calendar.yaml"))
    parser.add_argument("status", metavar="STATUS", help=_("one of: {statuses}", statuses=", ".join(STATUSES)))


def change(opened, slug: str, status: str) -> tuple[str | None, list[str]]:
    """The new calendar text (None when nothing changes) and what to tell the person."""
    from podium.plugins.calendar.edits import set_status
    from podium.plugins.calendar.model import RELEASABLE, STATUSES
    from podium.plugins.calendar.yamlmarks import suggest
    from podium.plugins.errors import BadInput

    from .calendar_edit import entry, writable

    found = entry(opened, slug)
    if status not in STATUSES:
        close = suggest(status, STATUSES)
        if close:
            raise BadInput(
                _(
                    "unknown status '{status}'; {close} (the statuses are: {statuses})",
                    status=status,
                    close=close,
                    statuses=", ".join(STATUSES),
                ),
                path=opened.shown,
                line=found.line,
            )
        raise BadInput(
            _("unknown status '{status}'; use one of: {statuses}", status=status, statuses=", ".join(STATUSES)),
            path=opened.shown,
            line=found.line,
        )
    if status == found.status:
        return None, [
            _("'{slug}' is already '{status}' in {path}; nothing changed", slug=slug, status=status, path=opened.shown)
        ]
    writable(opened, found.line)
    said = [
        _(
            "'{slug}' is now '{status}' in {path} (it was '{before}')",
            slug=slug,
            status=status,
            path=opened.shown,
            before=found.status,
        )
    ]
    approved = {a.role for a in found.approvals}
    missing = [r for r in opened.calendar.required_approvals if r not in approved]
    if status in RELEASABLE and missing:
        said.append(
            _(
                "it goes out only once these roles have approved: {roles} (podium approve {slug} --role ROLE --who NAME)",
                roles=", ".join(missing),
                slug=slug,
            )
        )
    return set_status(opened.text, slug, status), said


def run(args: argparse.Namespace) -> int:
    from .calendar_edit import open_calendar, save

    opened = open_calendar(Path(args.project).resolve())
    text, said = change(opened, args.slug, args.status)
    if text is not None:
        save(opened, text, opened.calendar.entries[args.slug].line)
    for line in said:
        print(line)
    return 0
