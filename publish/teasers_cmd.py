"""Print a post's teasers for each network, ready to copy (or as JSON with --json)."""

from __future__ import annotations

import argparse
import contextlib
import difflib
import io
import json
import shutil
import sys
import tempfile
from pathlib import Path

from podium.plugins.i18n import N_, _, said


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from podium.plugins.teasers.networks import NETWORKS

    parser.add_argument("slug", help=_("the post's slug (its file name without .md, unless the post sets 'slug:')"))
    parser.add_argument("--network", "-n", choices=tuple(NETWORKS), help=_("only this network"))
    parser.add_argument("--lang", help=_("only this language version (fr, en)"))
    parser.add_argument("--json", action="store_true", help=_("print the teasers.json entries instead of text"))
    parser.add_argument(
        "--local",
        action="store_true",
        help=_("build with pelicanconf.py instead of publishconf.py (teasers keep publishconf.py's address)"),
    )
    parser.add_argument(
        "--now", metavar="T", help=_("ISO 8601 time that counts as now: see a scheduled post's teasers early")
    )


def _teasers(args: argparse.Namespace):
    """Build into a scratch folder, as a real build would, and keep the teasers it made."""
    from .build import build
    from .build_cmd import parse_now

    prod = not args.local and (Path(args.project) / "publishconf.py").exists()
    scratch = Path(tempfile.mkdtemp(prefix="podium-teasers-"))
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # Pelican's "Done: ..." would spoil --json
            result = build(args.project, prod=prod, now=parse_now(args.now), output=scratch / "site")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return result.ctx, result.ctx.teasers or []


def _missing(slug: str, ctx, teasers) -> Exception:
    from podium.plugins.errors import BadInput

    held = ctx.withheld_slugs()
    if slug in held:
        return BadInput(
            _(
                "the post '{slug}' has no teasers yet: it is withheld ({why}); "
                "pass --now with its publication time to see them early",
                slug=slug,
                why=said(held[slug]),
            )
        )
    known = sorted({t.slug for t in teasers})
    close = difflib.get_close_matches(slug, known, n=1)
    hint = (
        _("did you mean '{close}'?", close=close[0])
        if close
        else _("run 'podium teasers' with one of: {slugs}", slugs=", ".join(known[:12]))
    )
    return BadInput(_("no published post has the slug '{slug}'; {hint}", slug=slug, hint=hint))


#: the variants' names as people read them (teasers.json keeps the English keys)
_VARIANTS = (N_("quote"), N_("figure"), N_("question"), N_("hook"), N_("title"), N_("short"), N_("thread"))


def _show(teaser, number: int) -> str:
    from podium.plugins.teasers.networks import network

    net = network(teaser.network)
    who = _("author's text") if teaser.by_author else _(teaser.variant)
    head = "== " + _(
        "{network} · {lang} · variant {number} ({who}) · {length}/{limit} {unit}",
        network=net.name,
        lang=teaser.lang,
        number=number,
        who=who,
        length=teaser.length,
        limit=teaser.limit,
        unit=_(net.unit),
    )
    if teaser.parts:
        body = "\n\n".join(
            f"[{i}/{len(teaser.parts)} · {n}/{teaser.limit}]\n{p}"
            for i, (p, n) in enumerate(zip(teaser.parts, teaser.part_lengths), 1)
        )
    else:
        body = teaser.text
    if teaser.network == "pinterest":
        from podium.plugins.teasers.networks import pin_fields

        fields = pin_fields(teaser.title, teaser.url)
        body = _(
            "Title: {title}\nLink: {link}\nDescription:\n{text}", title=fields["title"], link=fields["link"], text=body
        )
    return f"{head}\n{body}\n"


def run(args: argparse.Namespace) -> int:
    from podium.plugins.errors import BadInput
    from podium.plugins.teasers.model import to_json

    ctx, teasers = _teasers(args)
    mine = [t for t in teasers if t.slug == args.slug]
    if not mine:
        raise _missing(args.slug, ctx, teasers)
    chosen = [
        t for t in mine if (not args.network or t.network == args.network) and (not args.lang or t.lang == args.lang)
    ]
    if not chosen:
        raise BadInput(
            _(
                "'{slug}' has no teaser for that network or language; it has {found}",
                slug=args.slug,
                found=", ".join(sorted({f"{t.network} ({t.lang})" for t in mine})),
            )
        )
    if args.json:
        json.dump([to_json(t) for t in chosen], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    numbers: dict[tuple[str, str], int] = {}
    for teaser in chosen:
        key = (teaser.lang, teaser.network)
        numbers[key] = numbers.get(key, 0) + 1
        print(_show(teaser, numbers[key]))
    return 0
