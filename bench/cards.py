"""Social cards: cards per second on a cold cache, a rebuild with no change, and both against a build without cards.

On one corpus of N posts (bench/corpus.py), each build in a fresh subprocess:
``none`` with PODIUM_CARDS_ENABLED = False, ``cold`` after emptying the card
cache, ``warm`` right after (nothing changed: no card may be rendered). The
image cache is filled by a first build, so only cards differ between the runs.
Wall times suffer from whatever else the machine runs; processor times
(user + system of the build's process) much less, so both are shown.
Usage: python bench/cards.py [--posts 1000] [--runs 3] [--layout classic|split]
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build import NOW, write_site  # noqa: E402

KINDS = ("none", "cold", "warm")


def child(site: str, kind: str) -> None:
    """One build in this process; prints its wall and processor times and the card counters as JSON."""
    from podium.publish.build import build

    if kind == "cold":
        shutil.rmtree(Path(site) / ".cache" / "podium" / "cards", ignore_errors=True)
    overrides = {"PODIUM_CARDS_ENABLED": kind != "none"}
    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    result = build(site, now=NOW, output=Path(site) / "output", overrides=overrides)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    cards = result.ctx.cards
    print(
        json.dumps(
            {
                "wall": wall,
                "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
                "rendered": getattr(cards, "rendered", 0),
                "reused": getattr(cards, "reused", 0),
                "cards_wall": getattr(cards, "seconds", 0.0),
                "cards_cpu": getattr(cards, "cpu_seconds", 0.0),
            }
        )
    )


def measure(site: Path, kind: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(site), kind], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(posts: int, layout: str, runs: dict[str, list[dict]]) -> None:
    med = {k: {f: statistics.median(r[f] for r in v) for f in v[0]} for k, v in runs.items()}
    print(f"N = {posts} posts, layout {layout}, median of {len(runs['cold'])} runs")
    print(
        f"{'build':<6} {'wall s':>8} {'cpu s':>8} {'cpu ratio':>10} {'rendered':>9} {'cards wall s':>13} {'cards cpu s':>12}"
    )
    for kind in KINDS:
        m = med[kind]
        print(
            f"{kind:<6} {m['wall']:>8.2f} {m['cpu']:>8.2f} {m['cpu'] / med['none']['cpu']:>10.2f} {m['rendered']:>9.0f} "
            f"{m['cards_wall']:>13.2f} {m['cards_cpu']:>12.2f}"
        )
    cold = med["cold"]
    print(
        f"cold: {cold['rendered'] / cold['cards_cpu']:.1f} cards/s of processor time "
        f"({cold['rendered'] / cold['cards_wall']:.1f} per wall second)"
    )
    print(
        f"warm: {max(r['rendered'] for r in runs['warm'])} cards rendered; {med['warm']['cards_cpu']:.2f} s of processor "
        f"time in the cards step; build cpu ratio to none {med['warm']['cpu'] / med['none']['cpu']:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--layout", default="classic")
    parser.add_argument("--child", nargs=2, metavar=("SITE", "KIND"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory(prefix="podium-cards-bench-") as tmp:
        site = write_site(
            Path(tmp) / "site",
            args.posts,
            "podium",
            {"PODIUM_CARDS_LAYOUT": args.layout, "PODIUM_LEADER_ROLE": "Présidente-directrice générale"},
        )
        measure(site, "none")  # fills the image cache: from here on only cards differ
        runs: dict[str, list[dict]] = {k: [] for k in KINDS}
        for _ in range(args.runs):
            for kind in KINDS:  # in this order: warm must follow a cold run
                runs[kind].append(measure(site, kind))
    report(args.posts, args.layout, runs)


if __name__ == "__main__":
    main()
