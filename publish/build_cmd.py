"""Build the site into output/ (--prod for production)."""

from __future__ import annotations

import argparse
import sys

from podium.plugins.i18n import _, ngettext, said


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--prod", action="store_true", help=_("use publishconf.py: the production build"))
    parser.add_argument(
        "--now",
        metavar="T",
        help=_("ISO 8601 time that counts as now for embargo and schedule, e.g. 2027-03-02T09:00+01:00"),
    )
    parser.add_argument("-o", "--output", metavar="DIR", help=_("output folder (default: OUTPUT_PATH of the settings)"))
    parser.add_argument(
        "--strict", action="store_true", help=_("treat warnings as errors, like Pelican's --fatal warnings")
    )


def parse_now(value: str | None):
    """--now as an aware datetime; a clear error otherwise."""
    from podium.plugins.errors import BadInput
    from podium.plugins.settings import Invalid, instant

    if value is None:
        return None
    try:
        return instant(value)
    except Invalid as exc:
        raise BadInput(_("--now: {exc}", exc=exc)) from None


def run(args: argparse.Namespace) -> int:
    from .build import build

    result = build(
        args.project, prod=args.prod, now=parse_now(args.now), output=args.output, strict=args.strict, comms=True
    )
    for warning in result.warnings:
        print(_("warning: {warning}", warning=warning), file=sys.stderr)
    held = result.ctx.withheld_slugs()
    print(
        _(
            "Built {posts} and {pages} into {output}",
            output=result.output,
            posts=ngettext("{count} post", "{count} posts", result.articles, count=result.articles),
            pages=ngettext("{count} page", "{count} pages", result.pages, count=result.pages),
        )
    )
    if held:
        print(
            _(
                "Withheld {count}: {posts}",
                count=len(held),
                posts=", ".join(f"{slug} ({said(why)})" for slug, why in sorted(held.items())),
            )
        )
    print(_("Open {path}", path=result.output / "index.html"))
    print(_("The comms room (private, never published): {path}", path=result.comms))
    return 0
