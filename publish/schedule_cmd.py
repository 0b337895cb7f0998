"""Print or write the cross-post schedule (podium schedule).

The schedule comes from a real production build into a throwaway folder, so
it holds exactly what ``podium build --prod`` would publish at --now: posts
the calendar withholds have no share here either.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from datetime import UTC, date
from pathlib import Path

from podium.plugins.i18n import _

FORMATS = ("table", "json", "ics", "csv", "markdown")
DIFF_FORMATS = ("table", "markdown")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from", dest="start", metavar="DATE", help=_("first day shown, YYYY-MM-DD (calendar time zone)")
    )
    parser.add_argument("--to", dest="end", metavar="DATE", help=_("last day shown, YYYY-MM-DD (included)"))
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help=_("table (default), json, ics or csv (Hootsuite); with --diff, table or markdown"),
    )
    parser.add_argument(
        "--diff",
        nargs="?",
        const="",
        metavar="REV",
        help=_(
            "what the working tree changes in the plan against git revision REV "
            "(default: the merge base with the default branch)"
        ),
    )
    parser.add_argument("--now", metavar="T", help=_("ISO 8601 time that counts as now, e.g. 2027-03-02T09:00+01:00"))
    parser.add_argument("-o", "--output", metavar="FILE", help=_("write to FILE instead of printing"))


def _day(value: str | None, option: str) -> date | None:
    from podium.plugins.errors import BadInput

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadInput(
            _("{option}: expected a date such as 2027-03-02; received {value!r}", option=option, value=value)
        ) from None


def select(shares, start: date | None, end: date | None):
    """Shares whose day, in the calendar's zone, lies from ``start`` to ``end`` included."""
    return [s for s in shares if (start is None or s.time.date() >= start) and (end is None or s.time.date() <= end)]


def table(shares, unplaced) -> str:
    # Translators: the schedule table's column headings, lower case; they are padded to the columns' widths
    when, network, post, text = _("when"), _("network"), _("post"), _("text")
    lines = [f"{when:<17} {network:<9} {'#':>1}  {post:<34} {text}"]
    for s in shares:
        text = s.text.replace("\n", " ")
        text = text if len(text) <= 60 else text[:59] + "…"
        lines.append(f"{s.time:%Y-%m-%d %H:%M} {s.network:<9} {s.number:>1}  {s.slug[:34]:<34} {text}")
    if not shares:
        lines.append(_("(no share in this period)"))
    lines += [_("not placed: {share}: {reason}", share=u.id, reason=u.reason) for u in unplaced]
    return "\n".join(lines) + "\n"


def render(fmt: str, shares, unplaced, calendar, now) -> bytes:
    from podium.plugins.calendar import exports

    if fmt == "json":
        return exports.to_json(shares, unplaced, calendar, now).encode()
    if fmt == "ics":
        return exports.to_ics(shares, calendar, now)
    if fmt == "csv":
        rows, _ = exports.hootsuite_rows(shares, now)
        return exports.to_hootsuite_csv(rows).encode()
    return table(shares, unplaced).encode()


def run(args: argparse.Namespace) -> int:
    from podium.plugins.errors import BadInput
    from podium.plugins.files import write_atomic

    from .build import build
    from .build_cmd import parse_now

    if args.diff is not None:
        return run_diff(args)
    if args.format == "markdown":
        raise BadInput(_("--format markdown is for --diff; use table, json, ics or csv for the schedule itself"))
    start, end = _day(args.start, "--from"), _day(args.end, "--to")
    if start and end and end < start:
        raise BadInput(_("--to {end} is before --from {start}; swap them", end=end, start=start))
    with (
        tempfile.TemporaryDirectory(prefix="podium-schedule-") as scratch,
        open(os.devnull, "w") as quiet,
        contextlib.redirect_stdout(quiet),
    ):
        # Pelican prints its own summary line: stdout is for the schedule, so it can be piped.
        result = build(
            Path(args.project).resolve(), prod=True, now=parse_now(args.now), output=Path(scratch) / "output"
        )
    ctx = result.ctx
    calendar = ctx.calendar
    if calendar is None:
        raise BadInput(
            _(
                "there is no calendar file, so there is no schedule; create content/calendar.yaml "
                "from the example in docs/comms.md"
            )
        )
    shares, unplaced = ctx.schedule or ([], [])
    data = render(args.format, select(shares, start, end), unplaced, calendar, ctx.now)
    if args.output:
        write_atomic(Path(args.output), data)
        print(_("Wrote {output}", output=args.output), file=sys.stderr)
    else:
        sys.stdout.write(data.decode())
    return 0


def run_diff(args: argparse.Namespace) -> int:
    """podium schedule --diff [REV]: the change in words, for a reviewer or a pull request."""
    from datetime import datetime

    from podium.plugins.errors import BadInput
    from podium.plugins.files import write_atomic
    from podium.plugins.i18n import _

    from . import plan_render
    from .build_cmd import parse_now
    from .schedule_diff import compare

    if args.format not in DIFF_FORMATS:
        raise BadInput(_("--diff prints table or markdown; received --format {format}", format=args.format))
    if args.start or args.end:
        raise BadInput(_("--diff compares the whole plan; leave out --from and --to"))
    now = parse_now(args.now) or datetime.now(UTC)
    changes, zone, base = compare(Path(args.project).resolve(), args.diff or None, now)
    render = plan_render.markdown if args.format == "markdown" else plan_render.text
    data = render(changes, zone, base, now)
    if args.output:
        write_atomic(Path(args.output), data)
        print(_("Wrote {path}", path=args.output), file=sys.stderr)
    else:
        sys.stdout.write(data)
    return 0
