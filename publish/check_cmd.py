"""Check content, settings and calendar without building."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--prod", action="store_true", help="check with publishconf.py, as a production build would")
    parser.add_argument("--now", metavar="T", help="ISO 8601 time that counts as now")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")


def run(args: argparse.Namespace) -> int:
    from podium.plugins.errors import BadInput, ManyErrors

    from .build import build
    from .build_cmd import parse_now
    from .links import broken_links

    # The check is a full build thrown away: the same code finds the same problems.
    scratch = Path(tempfile.mkdtemp(prefix="podium-check-"))
    try:
        result = build(args.project, prod=args.prod, now=parse_now(args.now), output=scratch / "site", strict=args.strict)
        siteurl = result.settings.get("SITEURL") or "https://site.invalid"
        broken = broken_links(result.output, siteurl)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if broken:
        raise ManyErrors([BadInput(str(b)) for b in broken])
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"OK: {result.articles} posts and {result.pages} pages checked; {len(result.ctx.withheld_slugs())} withheld.")
    return 0
