"""Count text from standard input as a network counts it: prints length/limit (and LinkedIn's first line), exit 1 when over."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from podium.plugins.i18n import _


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from podium.plugins.teasers.networks import NETWORKS

    parser.add_argument(
        "--network", "-n", required=True, choices=tuple(NETWORKS), help=_("the network whose rules apply")
    )
    parser.add_argument(
        "--limit",
        type=int,
        metavar="N",
        help=_("another limit (a Mastodon instance's own); default: the network's, or PODIUM_TEASERS_MASTODON_LIMIT"),
    )


def _project_settings(project: str):
    """The project's PODIUM_* settings when there is a project here, for the Mastodon limit."""
    from podium.plugins import settings as settings_mod

    if not (Path(project) / "pelicanconf.py").exists():
        return settings_mod.defaults()
    from .build import read_settings

    raw, path = read_settings(Path(project))
    return settings_mod.load(raw, str(path), str(project))[0]


def run(args: argparse.Namespace) -> int:
    from podium.plugins.i18n import _
    from podium.plugins.teasers import networks

    text = sys.stdin.read()
    if text.endswith("\n"):
        text = text[:-1]  # the newline that ends what was typed or piped is not part of the post
    settings = _project_settings(args.project) if args.network == "mastodon" and args.limit is None else None
    count = networks.length(text, args.network, settings)
    limit = args.limit or count.limit
    net = networks.network(args.network)
    hook = _hook_length(text) if args.network == "linkedin" else None
    shown = _(", first line {hook}/{limit}", hook=hook, limit=networks.LINKEDIN_HOOK) if hook is not None else ""
    print(f"{count.length}/{limit} ({_(net.unit)}){shown}")
    problems = [networks.overflow(text, args.network, settings) if args.limit is None else None]
    if args.limit is not None and count.length > limit:
        problems = [
            _(
                "is {length}/{limit} ({unit}); shorten it by {over}",
                length=count.length,
                limit=limit,
                unit=_(net.unit),
                over=count.length - limit,
            )
        ]
    messages = [
        _("podium: the {name} text {problem}", name=net.name, problem=problem) for problem in problems if problem
    ]
    if hook is not None and hook > networks.LINKEDIN_HOOK:
        messages.append(
            _(
                "podium: the first line of the LinkedIn text is {length}/{limit}, so readers see it cut "
                "before '…see more'; shorten it by {over} or break the line earlier",
                length=hook,
                limit=networks.LINKEDIN_HOOK,
                over=hook - networks.LINKEDIN_HOOK,
            )
        )
    for message in messages:
        print(message, file=sys.stderr)
    return 1 if messages else 0


def _hook_length(text: str) -> int:
    """LinkedIn shows the first 210 characters of the first line before "…see more": that line's length."""
    from podium.plugins.teasers import counting, networks

    return counting.utf16_units(networks.hook(text))
