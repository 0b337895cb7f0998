"""Check the editorial calendar against the posts (podium calendar check).

The check runs a real build into a throwaway folder, so it sees the posts
exactly as ``podium build`` does; output/ is never touched.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import tempfile
from datetime import datetime
from pathlib import Path

from podium.plugins.files import write_atomic
from podium.plugins.i18n import _, said


def add_arguments(parser: argparse.ArgumentParser) -> None:
    subs = parser.add_subparsers(dest="calendar_action", metavar="ACTION", required=True)
    check = subs.add_parser("check", help=_("validate calendar.yaml and its slugs; print what goes out and what waits"))
    check.add_argument("--now", metavar="T", help=_("ISO 8601 time that counts as now, e.g. 2027-03-02T09:00+01:00"))
    check.add_argument("-C", "--project", default=argparse.SUPPRESS, metavar="DIR", help=_("the project folder"))
    schema = subs.add_parser(
        "schema", help=_("print where the calendar's JSON Schema is, for editors without the modeline")
    )
    schema.add_argument("-C", "--project", default=argparse.SUPPRESS, metavar="DIR", help=_("the project folder"))


def calendar_file(project: Path, settings: dict) -> Path:
    content = Path(settings["PATH"])
    content = content if content.is_absolute() else project / content
    return content / settings.get("PODIUM_CALENDAR_PATH", "calendar.yaml")


def add_post_to_calendar(
    project: Path,
    settings: dict,
    slug: str,
    *,
    status: str = "draft",
    publish_at: datetime | None = None,
    owner: str = "",
) -> Path | None:
    """For ``podium new``: add the post's entry to calendar.yaml (comments kept); None when there is no calendar."""
    from podium.plugins.calendar.entries import add_entry

    path = calendar_file(project, settings)
    if not path.exists():
        return None
    from podium.plugins import bounded

    shown = os.path.relpath(path, project)
    text = bounded.read_text(path, shown, bounded.CALENDAR)
    updated = add_entry(text, slug, status=status, owner=owner, publish_at=publish_at, path=shown)
    write_atomic(path, updated)
    return path


def _summary(calendar, ctx) -> list[str]:
    withheld = ctx.withheld_slugs()
    held = {slug: why for slug, why in withheld.items() if slug in calendar.entries}
    going = [slug for slug in calendar.entries if slug not in withheld and calendar.entries[slug].status != "idea"]
    lines = [
        _(
            "{path}: OK: {entries} entries, {out} posts out, {held} withheld",
            path=calendar.path,
            entries=len(calendar.entries),
            out=len(going),
            held=len(held),
        )
    ]
    lines += ["  " + _("withheld {slug}: {why}", slug=slug, why=said(why)) for slug, why in sorted(held.items())]
    shares, unplaced = ctx.schedule or ([], [])
    lines.append(
        "  "
        + _("{shares} shares scheduled, {unplaced} could not be placed", shares=len(shares), unplaced=len(unplaced))
    )
    lines += ["  " + _("not placed {share}: {reason}", share=u.id, reason=u.reason) for u in unplaced]
    return lines


def run(args: argparse.Namespace) -> int:
    from podium.plugins.errors import BadInput

    if args.calendar_action == "schema":
        from importlib.resources import files

        print(files("podium.plugins.calendar") / "calendar.schema.json")
        return 0
    from .build import build, read_settings
    from .build_cmd import parse_now

    project = Path(args.project).resolve()
    settings, _unused = read_settings(project)
    path = calendar_file(project, settings)
    if not path.exists():
        raise BadInput(
            _("there is no calendar file; create it from the example in docs/comms.md or set PODIUM_CALENDAR_PATH"),
            path=os.path.relpath(path, project),
        )
    with (
        tempfile.TemporaryDirectory(prefix="podium-check-") as scratch,
        open(os.devnull, "w") as quiet,
        contextlib.redirect_stdout(quiet),
    ):  # Pelican's own summary line says nothing about the calendar
        result = build(project, now=parse_now(args.now), output=Path(scratch) / "output")
    if result.ctx.calendar is None:
        print(
            _(
                "{path}: only comments so far, so no calendar applies; see the example in docs/comms.md",
                path=os.path.relpath(path, project),
            )
        )
        return 0
    _check_withheld(project, parse_now(args.now), result.ctx)
    for line in _summary(result.ctx.calendar, result.ctx):
        print(line)
    return 0


def _check_withheld(project: Path, now, ctx) -> None:
    """Drafts and posts the calendar holds are checked too: their problems now, not on publication day."""
    from podium.plugins.errors import ManyErrors

    from .check_cmd import held_paths, withheld_problems

    with tempfile.TemporaryDirectory(prefix="podium-check-") as scratch:
        problems = withheld_problems(project, Path(scratch), now, held_paths(ctx))
    if problems:
        raise ManyErrors(problems)
