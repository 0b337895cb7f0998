"""Count text from standard input as a network counts it: prints length/limit, exit 1 when over."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from podium.plugins.teasers.networks import NETWORKS

    parser.add_argument("--network", "-n", required=True, choices=tuple(NETWORKS), help="the network whose rules apply")
    parser.add_argument("--limit", type=int, metavar="N",
                        help="another limit (a Mastodon instance's own); default: the network's, or PODIUM_TEASERS_MASTODON_LIMIT")


def _project_settings(project: str):
    """The project's PODIUM_* settings when there is a project here, for the Mastodon limit."""
    from podium.plugins import settings as settings_mod

    if not (Path(project) / "pelicanconf.py").exists():
        return settings_mod.defaults()
    from .build import read_settings

    raw, path = read_settings(Path(project))
    return settings_mod.load(raw, path.name)[0]


def run(args: argparse.Namespace) -> int:
    from podium.plugins.teasers import networks

    text = sys.stdin.read()
    if text.endswith("\n"):
        text = text[:-1]  # the newline that ends what was typed or piped is not part of the post
    settings = _project_settings(args.project) if args.network == "mastodon" and args.limit is None else None
    count = networks.length(text, args.network, settings)
    limit = args.limit or count.limit
    net = networks.network(args.network)
    print(f"{count.length}/{limit} ({net.unit})")
    problem = networks.overflow(text, args.network, settings) if args.limit is None else None
    if args.limit is not None and count.length > limit:
        problem = f"is {count.length}/{limit} ({net.unit}); shorten it by {count.length - limit}"
    if problem:
        print(f"podium: the {net.name} text {problem}", file=sys.stderr)
        return 1
    return 0
