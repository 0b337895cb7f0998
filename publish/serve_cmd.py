"""Preview the site locally, rebuilding on every change (drafts shown, and their addresses printed).

The preview has its own folder beside output/, not inside it: ``podium build``
replaces output/ with exactly what it built, which would take a nested
preview away from a running server.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import threading
from pathlib import Path


PREVIEW_DIR = "output-preview"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default 8000)")
    parser.add_argument("-o", "--output", metavar="DIR", default=PREVIEW_DIR, help=f"preview folder (default {PREVIEW_DIR})")
    parser.add_argument("--now", metavar="T", help="ISO 8601 time that counts as now")
    parser.add_argument("--once", action="store_true", help="build the preview once and exit (no server)")


def _not_public(ctx, base: str) -> list[str]:
    """One line per withheld post: why, and the address where the preview shows it."""
    lines = []
    for item in sorted(ctx.withheld_content, key=lambda c: (ctx.reason(c) or "", c.url)):
        lines.append(f"  {ctx.reason(item)}: {base}/{item.url}")
    return lines


def _rebuild(project: Path, output: str, now, base: str = "") -> bool:
    from podium.plugins.errors import PodiumError

    from .build import build

    try:
        result = build(project, preview=True, output=project / output, now=now)
    except PodiumError as exc:
        print(f"Build failed; the preview still shows the last good build:\n{exc}", file=sys.stderr)
        return False
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"Rebuilt: {result.articles} posts, {len(result.ctx.withheld_slugs())} not public yet (shown with a banner).")
    for line in _not_public(result.ctx, base) if base else ():
        print(line)
    return True


def _watched(project: Path) -> list[Path]:
    names = ["content", "themes", "pelicanconf.py", "plugins"]
    return [project / n for n in names if (project / n).exists()]


def run(args: argparse.Namespace) -> int:
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from watchfiles import watch

    from .build_cmd import parse_now

    sys.stdout.reconfigure(line_buffering=True)  # the addresses must show while the server runs
    project = Path(args.project).resolve()
    now = parse_now(args.now)
    base = f"http://127.0.0.1:{args.port}"
    ok = _rebuild(project, args.output, now, base)
    if args.once:
        return 0 if ok else 2
    root = project / args.output
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Preview at {base}/ (Ctrl-C to stop)", flush=True)
    output_dir = str(root) + os.sep
    try:
        for changes in watch(*_watched(project)):
            if all(path.startswith(output_dir) for _, path in changes):
                continue
            _rebuild(project, args.output, now, base)
    finally:
        server.shutdown()
    return 0
