"""Record a role's approval of a post in calendar.yaml, every comment and line kept."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from podium.plugins.i18n import _


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("slug", help=_("the post's slug, as in calendar.yaml"))
    parser.add_argument("--role", required=True, help=_("a role of required_approvals, e.g. legal"))
    parser.add_argument("--who", required=True, help=_('who approves, in quotes: --who "Paul Ménard"'))
    parser.add_argument("--when", metavar="T", help=_("when it was approved, e.g. 2027-03-02 09:00 (default: now)"))


def _role(opened, role: str) -> str:
    from podium.plugins.calendar.edits import key_line
    from podium.plugins.calendar.yamlmarks import suggest
    from podium.plugins.errors import BadInput

    roles = opened.calendar.required_approvals
    if role in roles:
        return role
    line = key_line(opened.text, "required_approvals") or 1
    if not roles:
        raise BadInput(
            _(
                "the calendar asks for no approval; add a line such as 'required_approvals: [comms, legal]', "
                "then approve"
            ),
            path=opened.shown,
            line=line,
        )
    close = suggest(role, roles)
    if close:
        raise BadInput(
            _(
                "'{role}' is not a role of required_approvals; {close} (the roles are: {roles})",
                role=role,
                close=close,
                roles=", ".join(roles),
            ),
            path=opened.shown,
            line=line,
        )
    raise BadInput(
        _(
            "'{role}' is not a role of required_approvals; use one of: {roles}, or add '{role}' there",
            role=role,
            roles=", ".join(roles),
        ),
        path=opened.shown,
        line=line,
    )


def approve(opened, slug: str, role: str, who: str, when_text: str | None, now: datetime) -> tuple[str, list[str]]:
    """The new calendar text and what to tell the person; refuses bad input before changing anything."""
    from podium.plugins.calendar.edits import moment_text, record_approval, set_status
    from podium.plugins.errors import BadInput

    from .calendar_edit import entry, parse_when, writable

    found = entry(opened, slug)
    role = _role(opened, role)
    who = who.strip()
    if not who:
        raise BadInput(
            _('--who is empty; write who approves, e.g. --who "Paul Ménard"'), path=opened.shown, line=found.line
        )
    when = parse_when(when_text, opened.calendar.zone, now, opened.shown, found.line)
    writable(opened, found.line)
    written = moment_text(when, opened.calendar.zone)
    text = record_approval(opened.text, slug, role, who, written)
    said = [
        _(
            "Recorded the approval of '{slug}' by {role} ({who}, {when}) in {path}",
            slug=slug,
            role=role,
            who=who,
            when=written,
            path=opened.shown,
        )
    ]
    others = {a.role for a in found.approvals if a.role != role} | {role}
    missing = [r for r in opened.calendar.required_approvals if r not in others]
    if missing:
        said.append(_("still waiting for: {roles}", roles=", ".join(missing)))
    elif found.status == "in_review":
        text = set_status(text, slug, "approved")
        said.append(
            _("every required role has approved, so its status is now 'approved'; it goes out at its release time")
        )
    elif found.status not in ("approved", "published"):
        said.append(
            _(
                "every required role has approved, but the status is '{status}': "
                "podium status {slug} approved lets it go out",
                status=found.status,
                slug=slug,
            )
        )
    return text, said


def run(args: argparse.Namespace) -> int:
    from .calendar_edit import open_calendar, save

    opened = open_calendar(Path(args.project).resolve())
    text, said = approve(opened, args.slug, args.role, args.who, args.when, datetime.now(UTC))
    save(opened, text, opened.calendar.entries[args.slug].line)
    for line in said:
        print(line)
    return 0
