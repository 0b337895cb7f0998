"""List the replies waiting for moderation, collect new ones, or approve, hide and block."""

from __future__ import annotations

import argparse
import sys

from podium.plugins.i18n import _

NAME = "conversations"
ACTIONS = ("list", "fetch", "approve", "hide", "block")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "action",
        nargs="?",
        default="list",
        choices=ACTIONS,
        help=_(
            "list (default): what waits; fetch: collect from the networks; approve/hide ID...: "
            "decide on replies; block ACCOUNT...: never show an account (network:@handle)"
        ),
    )
    parser.add_argument("values", nargs="*", metavar="ID", help=_("reply ids (as listed) or accounts"))
    parser.add_argument("--now", metavar="T", help=_("ISO 8601 time that counts as now"))


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .conversations import moderate

    project = Path(args.project).resolve()
    if args.action == "fetch":
        return _fetch(project, args)
    if args.action == "list":
        sys.stdout.write(moderate.listing(project))
        return 0
    if not args.values:
        from podium.plugins.errors import BadInput

        what = "ACCOUNT" if args.action == "block" else "ID"
        raise BadInput(
            _(
                "podium conversations {action}: give at least one {what}; "
                "'podium conversations' lists the replies and their ids",
                action=args.action,
                what=what,
            )
        )
    sys.stdout.write(moderate.decide(project, args.action, args.values))
    return 0


def _fetch(project, args) -> int:
    import os
    import tempfile
    from pathlib import Path

    from podium.plugins.i18n import _

    from .build import build
    from .build_cmd import parse_now
    from .conversations.run import fetch_after_build, summary, write_room

    say = lambda line: print(_("podium: {line}", line=line), file=sys.stderr, flush=True)  # noqa: E731
    with tempfile.TemporaryDirectory(prefix="podium-conversations-") as scratch:
        say(_("building the site to know what is published (production settings)"))
        result = build(project, prod=True, now=parse_now(args.now), output=Path(scratch) / "site")
        collected = fetch_after_build(result, project, os.environ, say=say)
        if not collected.problems:
            room = write_room(result, project)
            say(_("the conversation inbox and 'what worked' are in the comms room: {folder}", folder=room))
    sys.stdout.write("\n".join(summary(collected)) + "\n")
    return collected.status
