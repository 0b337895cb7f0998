"""Time of the teaser step inside a real podium build, and its share of the build.

The corpus is bench/corpus.py's (the same N posts as bench/build.py). For each
N, a build runs in a fresh subprocess with two handlers timed (the teasers
glue making the teasers; the comms room writing teasers.json and the posts'
pages), then a build
with PODIUM_TEASERS_ENABLED = False for comparison; last, teasers_for alone on the
same posts, without Pelican. Usage:
python bench/teasers.py [--sizes 100 1000] [--runs 3] [--networks x linkedin mastodon bluesky threads]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from datetime import UTC

import build as build_bench  # noqa: E402

NOW = build_bench.NOW


def child(site: str) -> None:
    """One build in this process; print total, make and write times as JSON."""
    from podium.plugins.comms import glue as comms_glue
    from podium.plugins.teasers import glue
    from podium.publish.build import build

    spent = {"make": 0.0, "write": 0.0}

    def timed(name, handler):
        def run(*args, **kwargs):
            start = time.perf_counter()
            try:
                return handler(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start

        return run

    # register() looks these names up when Pelican loads the plugins, so the timed versions are connected.
    glue._make, comms_glue._write = timed("make", glue._make), timed("write", comms_glue._write)
    start = time.perf_counter()
    result = build(site, now=NOW, output=Path(site) / "output", comms=Path(site) / "comms")
    total = time.perf_counter() - start
    teasers = len(result.ctx.teasers or [])
    print(json.dumps({"total": total, "make": spent["make"], "write": spent["write"], "teasers": teasers}))


def pure(n: int, networks: list[str]) -> float:
    """Seconds for teasers_for alone over the corpus (Markdown converted beforehand): no Pelican around it."""
    from datetime import datetime

    import markdown

    from podium.plugins import settings as settings_mod
    from podium.plugins.post import PostView
    from podium.plugins.teasers.generate import teasers_for
    from podium.plugins.teasers.urls import top_level_domains

    config = settings_mod.load({"PODIUM_NETWORKS": networks})[0]
    top_level_domains()  # loaded once per build anyway
    views = [
        PostView(
            slug=slug,
            lang="fr",
            title=meta["title"],
            url=f"https://bench.example/{slug}.html",
            date=datetime(2026, 1, 1, tzinfo=UTC),
            content_html=markdown.markdown(body, extensions=["extra"]),
            tags=tuple(meta["tags"]),
            category=meta["category"],
            metadata=meta,
        )
        for slug, meta, body in build_bench.corpus.posts(n)
    ]
    start = time.perf_counter()
    for view in views:
        teasers_for(view, config)
    return time.perf_counter() - start


def measure(site: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", str(site)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--networks", nargs="+", default=["x", "linkedin", "mastodon", "bluesky"])
    parser.add_argument("--child", metavar="SITE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    print(
        f"{'N':>6} {'teasers':>8} {'build s':>8} {'make s':>7} {'write s':>8} {'share':>6} {'off s':>7} {'ms/post':>8} {'pure ms/post':>12}"
    )
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix="podium-bench-teasers-") as tmp:
            on = build_bench.write_site(Path(tmp) / "on", n, "podium", {"PODIUM_NETWORKS": args.networks})
            off = build_bench.write_site(Path(tmp) / "off", n, "podium", {"PODIUM_TEASERS_ENABLED": False})
            runs_on, runs_off = [], []
            for _ in range(args.runs):  # alternate, so drift hits both alike
                runs_on.append(measure(on))
                runs_off.append(measure(off))
        total = statistics.median(r["total"] for r in runs_on)
        make = statistics.median(r["make"] for r in runs_on)
        write = statistics.median(r["write"] for r in runs_on)
        without = statistics.median(r["total"] for r in runs_off)
        share = (make + write) / total
        alone = statistics.median(pure(n, args.networks) for _ in range(args.runs))
        print(
            f"{n:>6} {runs_on[0]['teasers']:>8} {total:>8.2f} {make:>7.2f} {write:>8.2f} {share:>6.1%} {without:>7.2f} "
            f"{1000 * (make + write) / n:>8.1f} {1000 * alone / n:>12.1f}"
        )


if __name__ == "__main__":
    main()
