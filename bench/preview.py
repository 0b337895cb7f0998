"""From saving a post to the preview showing it, as an author using ``podium serve`` waits for it.

Builds the benchmark corpus (bench/corpus.py) with ``podium serve`` on a free
port of 127.0.0.1, waits for the first build, then edits the newest post
(its title and a sentence) several times. For each save it measures, with the
clock of this process: ``page``, until the served post page shows the new
sentence; ``site``, until the home page and the main feed show the new title
(the full build that follows). ``page`` is cut into parts from what the
server prints: ``notice`` (save to the server starting on it: the watcher, and
stopping a full build still running), ``render`` (the server's own figure:
the warm path, which reads the saved post alone, or the quick preview, which
reads the whole site) and ``serve`` (the page in place to this process seeing
it). The load average is printed with the figures.
Usage: python bench/preview.py [--posts 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from build import NOW, write_site  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.read().decode("utf-8")
    except OSError:
        return ""


def until(predicate, limit: float, step: float = 0.01) -> float:
    """Seconds until ``predicate()`` holds (polling every ``step``); raises after ``limit``."""
    start = time.perf_counter()
    while not predicate():
        if time.perf_counter() - start > limit:
            raise TimeoutError(f"not seen within {limit:.0f} s")
        time.sleep(step)
    return time.perf_counter() - start


class Said:
    """The server's lines, each with the time this process read it."""

    def __init__(self, stream):
        self.lines: list[tuple[float, str]] = []
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream) -> None:
        for line in stream:
            self.lines.append((time.perf_counter(), line.rstrip("\n")))

    def preview_after(self, since: float, limit: float = 30) -> tuple[float, float, str]:
        """(when it was read, seconds the server gives, 'warm' or 'quick') of the first preview line after ``since``."""
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline:
            for when, line in list(self.lines):
                if when >= since and line.startswith("Preview of "):
                    seconds = float(line.split(" in ", 1)[1].split(" s", 1)[0])
                    return when, seconds, "warm" if "alone" in line else "quick"
            time.sleep(0.01)
        raise TimeoutError("the server printed no preview line")


def save(path: Path, run: int) -> tuple[str, str]:
    """Give the post a new title and a new sentence; returns both, to look for."""
    title, sentence = f"Billet relu {run}", f"Phrase ajoutée à la relecture numéro {run}."
    lines = path.read_text(encoding="utf-8").split("\n")
    lines = [f"title: {title}" if line.startswith("title:") else line for line in lines]
    text = "\n".join(lines)
    cut = text.index("## Ce que nous avons appris")
    path.write_text(text[:cut] + sentence + "\n\n" + text[cut:], encoding="utf-8")
    return title, sentence


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"python bench/preview.py --posts {args.posts} --runs {args.runs}")
    with tempfile.TemporaryDirectory(prefix="podium-bench-preview-") as tmp:
        site = write_site(Path(tmp) / "site", args.posts, "podium")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        proc = subprocess.Popen(
            [sys.executable, "-m", "podium.publish.cli", "serve", "--port", str(port), "--now", NOW],
            cwd=site,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "PODIUM_UI_LANG": "en"},
        )
        said = Said(proc.stdout)
        try:
            newest = args.posts - 1
            post, page = site / "content" / "posts" / f"billet-{newest}.md", f"{base}/billet-{newest}.html"
            first = until(lambda: "</html>" in fetch(page), 1800, 0.5)
            print(
                f"first build served after {first:.1f} s; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
            )
            timings = []
            for run in range(args.runs):
                saved = time.perf_counter()
                title, sentence = save(post, run)
                seen = until(lambda: sentence in fetch(page), 120)
                printed, render, path = said.preview_after(saved)
                parts = (printed - render - saved, render, saved + seen - printed)
                caught = until(
                    lambda: title in fetch(f"{base}/") and title in fetch(f"{base}/feeds/all.atom.xml"), 600, 0.05
                )
                timings.append((seen, seen + caught, *parts))
                print(
                    f"save {run + 1}: page {seen:.2f} s (notice {parts[0]:.2f}, {path} render {parts[1]:.2f}, "
                    f"serve {parts[2]:.2f}), home page and feed {seen + caught:.2f} s"
                )
                time.sleep(1)  # the full build has finished (the feed shows it); let the watcher settle
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    print(
        f"median: page {statistics.median(t[0] for t in timings):.2f} s "
        f"(notice {statistics.median(t[2] for t in timings):.2f}, render {statistics.median(t[3] for t in timings):.2f}, "
        f"serve {statistics.median(t[4] for t in timings):.2f}), "
        f"home page and feed {statistics.median(t[1] for t in timings):.2f} s "
        f"(N = {args.posts}, {args.runs} saves; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())})"
    )


if __name__ == "__main__":
    main()
