"""Preview the site locally, rebuilding on every change (drafts shown, and their addresses printed).

The preview has its own folder beside output/, not inside it: ``podium build``
replaces output/ with exactly what it built, which would take a nested
preview away from a running server. A saved post's own page is rendered first, in this process (``quick``: well
under a second on a thousand posts), and the open page reloads by itself; the
full preview build follows in a child process (index, tags, feeds catch up),
stopped and started again if another save comes first.
"""

from __future__ import annotations

import argparse
import functools
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from podium.plugins.i18n import _, said

POST_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown")
PREVIEW_DIR = "output-preview"
WAKE = 250


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8000, help=_("port on 127.0.0.1 (default 8000)"))
    parser.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        default=PREVIEW_DIR,
        help=_("preview folder (default {folder})", folder=PREVIEW_DIR),
    )
    parser.add_argument("--now", metavar="T", help=_("ISO 8601 time that counts as now"))
    parser.add_argument("--once", action="store_true", help=_("build the preview once and exit (no server)"))


def _not_public(ctx, base: str) -> list[str]:
    """One line per withheld post: why, and the address where the preview shows it."""
    lines = []
    for item in sorted(ctx.withheld_content, key=lambda c: (ctx.reason(c) or "", c.url)):
        lines.append(f"  {said(ctx.reason(item))}: {base}/{item.url}")
    return lines


def room_of(project: Path, output: str) -> Path:
    """The preview's comms room: beside the preview folder (never inside it), served at /comms/."""
    preview = (project / output).resolve()
    return preview.with_name(preview.name + "-comms")


def _rebuild(project: Path, output: str, now, base: str = "") -> bool:
    from podium.plugins.errors import PodiumError

    from .build import build

    try:
        result = build(project, preview=True, output=project / output, now=now, comms=room_of(project, output))
    except PodiumError as exc:
        print(_("Build failed; the preview still shows the last good build:\n{exc}", exc=exc), file=sys.stderr)
        return False
    for warning in result.warnings:
        print(_("warning: {warning}", warning=warning), file=sys.stderr)
    print(
        _(
            "Rebuilt: {articles} posts, {withheld} not public yet (shown with a banner).",
            articles=result.articles,
            withheld=len(result.ctx.withheld_slugs()),
        )
    )
    for line in _not_public(result.ctx, base) if base else ():
        print(line)
    if base:
        from .preview import COMMS

        print(_("The comms room (board, review pages, calendar): {url}", url=base + COMMS))
    return True


def _watched(project: Path) -> list[Path]:
    names = ["content", "themes", "pelicanconf.py", "plugins"]
    return [project / n for n in names if (project / n).exists()]


def saved_posts(changes, content: Path) -> list[str] | None:
    """The Markdown files under content/ that were saved, or None when anything else changed too."""
    from watchfiles import Change

    posts = []
    for kind, path in changes:
        if kind == Change.deleted or not path.endswith(POST_SUFFIXES) or not path.startswith(str(content) + os.sep):
            return None
        posts.append(path)
    return sorted(set(posts)) or None


class FullBuilds:
    """One full preview build at a time, in a child process (``podium serve --once``)."""

    def __init__(self, project: Path, args: argparse.Namespace):
        self.command = [
            sys.executable,
            "-m",
            "podium.publish.cli",
            "serve",
            "--once",
            "-C",
            str(project),
            "-o",
            args.output,
            "--port",
            str(args.port),
        ]
        if args.now:
            self.command += ["--now", args.now]
        self.child: subprocess.Popen | None = None

    def interrupt(self) -> bool:
        """Ask a build still running to stop, without waiting for it to clean up; whether one was running."""
        if self.child is not None and self.child.poll() is None:
            self.child.terminate()
            return True
        return False

    def stop(self) -> None:
        """Stop a build still running (it removes its temporary folder): a newer save supersedes it."""
        if self.child is not None and self.child.poll() is None:
            self.child.terminate()
            self.child.wait()
        self.child = None

    def start(self) -> None:
        self.stop()
        self.child = subprocess.Popen(self.command)


def _warm_up(project: Path, args, now):
    """Read the whole site once, before the first save, so that save already takes the warm path (warm.py)."""
    from .quick import quick

    try:
        done = quick(project, [], output=project / args.output, now=now)
    except Exception:  # only time is lost: the first save takes the quick preview
        return None
    return done.warm if done else None


def _preview(project: Path, posts: list[str], args, now, warm):
    """The saved posts' pages first: from the warm state when it can, else the quick preview.

    Returns the next warm state and the pages written (paths under the preview folder).
    """
    from .quick import quick
    from .warm import fast

    started = time.perf_counter()
    try:
        pages = fast(warm, posts, project / args.output) if warm is not None else None
    except Exception:  # a problem of the warm path only costs the time of the quick preview
        pages = None
    alone = pages is not None
    if not alone:
        warm = None  # a fast path that gave up may have changed part of it
        try:
            done = quick(project, posts, output=project / args.output, now=now)
        except Exception as exc:  # the full build that follows reports whatever went wrong
            done = None
            print(_("(quick preview skipped: {exc})", exc=exc), file=sys.stderr)
        pages, warm = (done.written, done.warm) if done else (None, None)
    if pages:
        shown, seconds = ", ".join("/" + rel.replace(os.sep, "/") for rel in pages), time.perf_counter() - started
        if alone:
            line = _(
                "Preview of {pages} in {seconds:.2f} s (that post alone read again); the site follows.",
                pages=shown,
                seconds=seconds,
            )
        else:
            line = _(
                "Preview of {pages} in {seconds:.2f} s; the rest of the site follows.", pages=shown, seconds=seconds
            )
        print(line, flush=True)
    return warm, pages or []


def _stamps(root: Path, pages: list[str]) -> list[int | None]:
    """Each page's modification time (None: missing), to see whether anything else replaced it."""
    found = []
    for rel in pages:
        try:
            found.append(os.stat(root / rel).st_mtime_ns)
        except OSError:
            found.append(None)
    return found


def _bind(root: Path, port: int, room: Path | None = None):
    """The preview's socket, taken before the first build so a busy port is said at once, not after a build."""
    import errno
    from http.server import ThreadingHTTPServer

    from podium.plugins.errors import PodiumError
    from podium.plugins.i18n import _

    from .preview import PreviewHandler

    try:
        handler = functools.partial(PreviewHandler, directory=str(root), comms=str(room) if room else None)
        return ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
        raise PodiumError(
            _(
                "port {port} is already in use (another preview?); stop that server, or choose another "
                "port with --port {other}",
                port=port,
                other=port + 1,
            )
        ) from None


def _serve(server, port: int) -> None:
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(_("Preview at http://127.0.0.1:{port}/ (Ctrl-C to stop)", port=port), flush=True)


def run(args: argparse.Namespace) -> int:
    from watchfiles import watch

    from .build_cmd import parse_now

    sys.stdout.reconfigure(line_buffering=True)  # the addresses must show while the server runs
    project = Path(args.project).resolve()
    now = parse_now(args.now)
    base = f"http://127.0.0.1:{args.port}"
    if args.once:
        # a full build that the serve process stops when a newer save comes: leave no temporary folder behind
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        return 0 if _rebuild(project, args.output, now, base) else 2
    root = project / args.output
    server = _bind(root, args.port, room_of(project, args.output))
    _rebuild(project, args.output, now, base)
    root.mkdir(parents=True, exist_ok=True)
    warm = _warm_up(project, args, now)
    output_dir = str(root) + os.sep
    full, serving = FullBuilds(project, args), False
    try:
        # the watcher wakes every WAKE ms: the address is printed once it watches, so no save is missed
        for changes in watch(*_watched(project), rust_timeout=WAKE, yield_on_timeout=True):
            if not serving:
                _serve(server, args.port)
                serving = True
            changes = {(kind, path) for kind, path in changes if not path.startswith(output_dir)}
            if not changes:
                continue
            # the saved page first: the build it supersedes cleans up meanwhile (its temporary folder)
            running = full.interrupt()
            posts = saved_posts(changes, project / "content")
            warm, pages = _preview(project, posts, args, now, warm) if posts else (None, [])
            stamps = _stamps(root, pages)
            full.stop()
            if running and posts and _stamps(root, pages) != stamps:  # it brought in an older page at the last moment
                warm, _pages = _preview(project, posts, args, now, warm)
            full.start()
    finally:
        full.stop()
        if serving:  # shutdown() waits for a loop that never started otherwise
            server.shutdown()
        server.server_close()
    return 0
