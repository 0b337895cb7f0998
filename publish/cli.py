"""The ``podium`` command: parse arguments, run one command, turn errors into exit statuses.

Commands live in their own modules and are imported only when chosen, so
``podium count`` answers quickly and a broken optional part cannot stop
``podium build``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from podium.plugins import i18n
from podium.plugins.i18n import _

#: name -> module. Each module has a docstring (its first line is the help), add_arguments(parser)
#: and run(args) -> int, and keeps heavy imports inside run() so that the parser stays quick.
COMMANDS = {
    "build": "podium.publish.build_cmd",
    "serve": "podium.publish.serve_cmd",
    "new": "podium.publish.new_cmd",
    "init": "podium.publish.init_cmd",
    "check": "podium.publish.check_cmd",
    "calendar": "podium.publish.calendar_cmd",
    "schedule": "podium.publish.schedule_cmd",
    "comms": "podium.publish.comms_cmd",
    "approve": "podium.publish.approve_cmd",
    "status": "podium.publish.status_cmd",
    "publish": "podium.publish.publish_cmd",
    "teasers": "podium.publish.teasers_cmd",
    "count": "podium.publish.count_cmd",
    "conversations": "podium.publish.conversations_cmd",
}


def parser() -> argparse.ArgumentParser:
    _speak_argparse()
    top = argparse.ArgumentParser(
        prog="podium", description=_("A leader's blog and its social echo, built with Pelican.")
    )
    top.add_argument("--debug", action="store_true", help=_("show tracebacks"))
    subs = top.add_subparsers(dest="command", metavar="COMMAND")
    for name, dotted in COMMANDS.items():
        module = importlib.import_module(dotted)
        summary = (module.__doc__ or "").strip().splitlines()[0] if module.__doc__ else ""
        sub = subs.add_parser(name, help=_(summary), description=_(summary))  # tools/i18n_update.py extracts summaries
        sub.set_defaults(_run=module.run)
        sub.add_argument("--debug", action="store_true", help=_("show tracebacks"))
        sub.add_argument(
            "-C", "--project", default=".", metavar="DIR", help=_("the project folder (default: the current one)")
        )
        module.add_arguments(sub)
    return top


def _speak_argparse() -> None:
    """argparse's own words ("usage:", "the following arguments are required") come from the same catalogue.

    argparse looks its messages up through module-level gettext functions; pointing
    them at podium's catalogue translates --help and usage errors (exit status 2 either way).
    """
    argparse._ = i18n.gettext
    argparse.ngettext = i18n.plain_ngettext


def main(argv: list[str] | None = None) -> int:
    from podium.plugins.errors import PodiumError

    argv = sys.argv[1:] if argv is None else argv
    top = parser()
    args = top.parse_args(argv)
    if not getattr(args, "command", None):
        top.print_help()
        return 2
    try:
        return int(args._run(args) or 0)
    except PodiumError as exc:
        if args.debug:
            raise
        for line in str(exc).splitlines():
            print(f"podium: {line}" if not _has_location(line) else line, file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug or a broken theme: one line naming the file, the traceback only with --debug
        if args.debug:
            raise
        from podium.plugins.crash import explain

        print(explain(exc, os.path.abspath(args.project)), file=sys.stderr)
        return 1


def _has_location(line: str) -> bool:
    if line.startswith("podium: "):
        return True  # said as the command's own line already (an unexpected error kept in the report)
    head = line.split(": ", 1)[0]
    return ":" in head or head.endswith((".py", ".md", ".yaml", ".yml"))


if __name__ == "__main__":
    sys.exit(main())
