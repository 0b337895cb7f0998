"""Build the site into output/ (--prod for production)."""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--prod", action="store_true", help="use publishconf.py: the production build")
    parser.add_argument("--now", metavar="T", help="ISO 8601 time that counts as now for embargo and schedule, e.g. 2027-03-02T09:00+01:00")
    parser.add_argument("-o", "--output", metavar="DIR", help="output folder (default: OUTPUT_PATH of the settings)")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors, like Pelican's --fatal warnings")


def plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def parse_now(value: str | None):
    """--now as an aware datetime; a clear error otherwise."""
    from podium.plugins.errors import BadInput
    from podium.plugins.settings import Invalid, instant

    if value is None:
        return None
    try:
        return instant(value)
    except Invalid as exc:
        raise BadInput(f"--now: {exc}") from None


def run(args: argparse.Namespace) -> int:
    from .build import build

    result = build(args.project, prod=args.prod, now=parse_now(args.now), output=args.output, strict=args.strict,
                   comms=True)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    held = result.ctx.withheld_slugs()
    print(f"Built {plural(result.articles, 'post')} and {plural(result.pages, 'page')} into {result.output}")
    if held:
        print(f"Withheld {len(held)}: " + ", ".join(f"{slug} ({why})" for slug, why in sorted(held.items())))
    print(f"Open {result.output / 'index.html'}")
    print(f"The comms room (private, never published): {result.comms}")
    return 0
