"""Preview the site locally, rebuilding on every change (drafts shown)."""

from __future__ import annotations

import argparse
import functools
import sys
import threading
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default 8000)")
    parser.add_argument("-o", "--output", metavar="DIR", default="output/preview", help="preview folder (default output/preview)")
    parser.add_argument("--now", metavar="T", help="ISO 8601 time that counts as now")
    parser.add_argument("--once", action="store_true", help="build the preview once and exit (no server)")


def _rebuild(project: Path, output: str, now) -> bool:
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
    return True


def _watched(project: Path) -> list[Path]:
    names = ["content", "themes", "pelicanconf.py", "plugins"]
    return [project / n for n in names if (project / n).exists()]


def run(args: argparse.Namespace) -> int:
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from watchfiles import watch

    from .build_cmd import parse_now

    project = Path(args.project).resolve()
    now = parse_now(args.now)
    ok = _rebuild(project, args.output, now)
    if args.once:
        return 0 if ok else 2
    root = project / args.output
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Preview at http://127.0.0.1:{args.port}/ (Ctrl-C to stop)")
    output_dir = str(root.parent)
    try:
        for changes in watch(*_watched(project)):
            if all(path.startswith(output_dir) for _, path in changes):
                continue
            _rebuild(project, args.output, now)
    finally:
        server.shutdown()
    return 0
