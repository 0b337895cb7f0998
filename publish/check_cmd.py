"""Check content, settings and calendar without building: what production will refuse, withheld posts included.

Two builds thrown away, so the same code finds the same problems: one with
production's rules (an image without alt text fails, as with ``--prod``), and
a preview build, in which drafts, future and unapproved posts are read too:
their problems are reported now, marked as withheld, not on publication day.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

from podium.plugins.i18n import _


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--prod", action="store_true", help=_("check with publishconf.py, as a production build would"))
    parser.add_argument("--now", metavar="T", help=_("ISO 8601 time that counts as now"))
    parser.add_argument("--strict", action="store_true", help=_("treat warnings as errors"))


def held_paths(ctx) -> dict[str, str]:
    """Source path (as shown in messages) -> why the post is withheld."""
    return {
        ctx.display_path(item.source_path): ctx.reason(item)
        for item in ctx.withheld_content
        if getattr(item, "source_path", "")
    }


def withheld_problems(
    project, scratch: Path, now, held: dict[str, str], prod: bool = False, strict: bool = False
) -> list:
    """Problems of the withheld posts: a preview build with production's rules, then their teasers."""
    from podium.plugins.errors import BadInput
    from podium.plugins.i18n import _

    from .build import build

    with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet):
        result = build(
            project,
            prod=prod,
            now=now,
            output=scratch / "preview",
            preview=True,
            prod_rules=True,
            strict=strict,
            keep_going=True,
        )
    problems = list(result.ctx.report.errors) + _teaser_problems(result)
    out = []
    for problem in problems:
        why = held.get(problem.path or "", "withheld")
        out.append(
            BadInput(
                _(
                    "{problem} (this post is withheld: {why}; it will fail when it goes out)",
                    problem=problem.message,
                    why=why,
                ),
                path=problem.path,
                line=problem.line,
                col=problem.col,
            )
        )
    return out


def _teaser_problems(result) -> list:
    """The author's teasers of withheld posts, checked as they will be once the post is out."""
    from podium.plugins.post import from_content
    from podium.plugins.teasers.generate import teasers_for

    ctx, problems = result.ctx, []
    root = (result.settings.get("SITEURL") or "http://127.0.0.1:8000").rstrip("/")
    for item in ctx.withheld_content:
        if getattr(item, "source_path", "") and hasattr(item, "date") and getattr(item, "podium_raw", None) is not None:
            source = Path(item.source_path).read_text(encoding="utf-8")
            found = teasers_for(
                from_content(item, root),
                ctx.config,
                source,
                ctx.display_path(item.source_path),
                str(getattr(item, "author", "") or ""),
            )
            problems.extend(found.errors)
    return problems


def run(args: argparse.Namespace) -> int:
    from podium.plugins.errors import BadInput, ManyErrors
    from podium.plugins.i18n import _

    from .build import build
    from .build_cmd import parse_now
    from .links import broken_links

    now = parse_now(args.now)
    scratch = Path(tempfile.mkdtemp(prefix="podium-check-"))
    try:
        result = build(
            args.project, prod=args.prod, now=now, output=scratch / "site", strict=args.strict, prod_rules=True
        )
        siteurl = result.settings.get("SITEURL") or "https://site.invalid"
        broken = broken_links(result.output, siteurl)
        withheld = withheld_problems(args.project, scratch, now, held_paths(result.ctx), args.prod, args.strict)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    problems = [BadInput(str(b)) for b in broken] + withheld
    if problems:
        raise ManyErrors(problems)
    for warning in result.warnings:
        print(_("warning: {warning}", warning=warning), file=sys.stderr)
    held = len(result.ctx.withheld_slugs())
    print(
        _(
            "OK: {posts} posts and {pages} pages checked, and {held} withheld (drafts, future and unapproved "
            "posts) checked as they will be when they go out.",
            posts=result.articles,
            pages=result.pages,
            held=held,
        )
    )
    return 0
