"""Bounded parsing at scale: a huge post and a huge calendar still build, in time proportional to their size.

podium refuses YAML aliases, deep nesting and oversized files (plugins/bounded.py);
this checks that the checks cost nothing that grows faster than the input. Kinds:

- post: a site with one post of 1.25, 2.5 and 5 MB of Markdown, built for real;
- calendar: a site with 3 posts and a calendar of 2,500, 5,000 and 10,000 entries, built for real;
- parse: calendar.yaml of the same sizes read alone (podium's loader), and one front matter
  read 1,000 times, with the libyaml fast path and with the event composer used without libyaml.

Each build runs in a fresh subprocess (wall time, processor time, peak memory).
The "per" column divides the processor time by the size: it stays flat when the
cost is linear; "x time" is the processor time over the smallest size's,
beside "x size" (1, 2, 4): linear means the two grow alike. A site without the
big post or the calendar is built first and its processor time ("base") is
taken off, so the ratio is about what the size costs. Processor time, not wall
time, because a shared machine inflates the second, not the first.
Usage: python bench/bounded.py [--kinds post calendar parse] [--runs 1]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NOW = "2026-11-28T12:00:00+01:00"
CONF = {
    "AUTHOR": "Claire Morel",
    "SITENAME": "Bench",
    "SITEURL": "https://bench.example",
    "PATH": "content",
    "ARTICLE_PATHS": ["posts"],
    "TIMEZONE": "Europe/Paris",
    "DEFAULT_LANG": "fr",
    "LOAD_CONTENT_CACHE": False,
    "THEME": str(REPO / "themes" / "podium"),
    "PLUGINS": ["podium.plugins"],
    "IGNORE_FILES": ["calendar.yaml"],
    "FEED_ALL_ATOM": None,
    "CATEGORY_FEED_ATOM": None,
    "TRANSLATION_FEED_ATOM": None,
    "AUTHOR_FEED_ATOM": None,
    "AUTHOR_FEED_RSS": None,
    "PODIUM_LEADER_NAME": "Claire Morel",
    "PODIUM_CARDS_ENABLED": False,
    "PODIUM_IMAGES_ENABLED": False,
}
PARAGRAPH = (
    "Une transition énergétique réussie se construit avec les territoires, pas contre eux ; "
    "voir [le rapport](https://example.org/rapport) et les *chiffres* détaillés. "
) * 4 + "\n\n"


def post(title: str, day: int, body: str = "Un paragraphe.") -> str:
    return f"---\ntitle: {title}\ndate: 2026-01-{day:02d} 09:00\nlang: fr\ntags: [énergie]\n---\n\n{body}\n"


def calendar(entries: int) -> str:
    lines = ["timezone: Europe/Paris\nrequired_approvals: [comms]\nposts:\n"]
    lines += [
        f"  idee-{i:05d}:\n    status: idea\n    owner: Jeanne\n    campaign: rentree\n"
        f'    notes: "Piste n°{i} : reprendre l\'entretien [vidéo]"\n'
        for i in range(entries)
    ]
    return "".join(lines)


def write_site(root: Path, files: dict[str, str]) -> Path:
    (root / "content" / "posts").mkdir(parents=True)
    (root / "pelicanconf.py").write_text("".join(f"{k} = {v!r}\n" for k, v in CONF.items()), encoding="utf-8")
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def child(site: str) -> None:
    from podium.publish.build import build

    start = time.perf_counter()
    build(site, now=NOW, output=Path(site) / "output")
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mib": usage.ru_maxrss / 1024}))


def measure(site: Path, runs: int) -> tuple[float, float, float]:
    """Median wall time, median processor time (what other programs on the machine do not inflate), peak memory."""
    done = [
        json.loads(
            subprocess.run([sys.executable, __file__, "--child", str(site)], capture_output=True, text=True, check=True)
            .stdout.strip()
            .splitlines()[-1]
        )
        for _ in range(runs)
    ]
    return (
        statistics.median(d["wall"] for d in done),
        statistics.median(d["cpu"] for d in done),
        max(d["peak_mib"] for d in done),
    )


def _ratio(wall: float, first: float | None, empty: float) -> str:
    return "1.00" if first is None else f"{(wall - empty) / (first - empty):.2f}"


def bench_posts(tmp: Path, runs: int) -> None:
    _, empty, _ = measure(write_site(tmp / "post-empty", {"content/posts/short.md": post("Court", 5)}), runs)
    print(f"base (one short post): {empty:.2f} s of processor time")
    print(f"{'post MB':>8} {'wall s':>7} {'cpu s':>6} {'peak MiB':>9} {'cpu s/MB':>9} {'x size':>7} {'x time':>7}")
    first = None
    for megabytes in (1.25, 2.5, 5.0):
        body = "## Un long billet\n\n" + PARAGRAPH * int(megabytes * 1024 * 1024 / len(PARAGRAPH.encode()))
        site = write_site(tmp / f"post-{megabytes}", {"content/posts/long.md": post("Un très long billet", 5, body)})
        wall, cpu, peak = measure(site, runs)
        print(
            f"{megabytes:>8.2f} {wall:>7.2f} {cpu:>6.2f} {peak:>9.0f} {(cpu - empty) / megabytes:>9.2f} "
            f"{megabytes / 1.25:>7.0f} {_ratio(cpu, first, empty):>7}"
        )
        first = cpu if first is None else first


def bench_calendars(tmp: Path, runs: int) -> None:
    posts = {f"content/posts/p{i}.md": post(f"Billet {i}", i + 1) for i in range(3)}
    _, empty, _ = measure(write_site(tmp / "cal-empty", dict(posts)), runs)
    print(f"base (no calendar): {empty:.2f} s of processor time")
    print(f"{'entries':>8} {'wall s':>7} {'cpu s':>6} {'peak MiB':>9} {'cpu ms/1k':>10} {'x size':>7} {'x time':>7}")
    first = None
    for entries in (2_500, 5_000, 10_000):
        files = {**posts, "content/calendar.yaml": calendar(entries)}
        wall, cpu, peak = measure(write_site(tmp / f"cal-{entries}", files), runs)
        print(
            f"{entries:>8} {wall:>7.2f} {cpu:>6.2f} {peak:>9.0f} {(cpu - empty) * 1e3 / (entries / 1000):>10.0f} "
            f"{entries / 2_500:>7.0f} {_ratio(cpu, first, empty):>7}"
        )
        first = cpu if first is None else first


def bench_parse(runs: int) -> None:
    from podium.plugins import bounded
    from podium.plugins.calendar.loader import load

    def timed(call) -> float:
        times = []
        for _ in range(max(runs, 3)):
            start = time.perf_counter()
            call()
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    print(f"{'entries':>8} {'load s':>8} {'event composer s':>17} {'ms per 1k':>10}")
    for entries in (2_500, 5_000, 10_000):
        text = calendar(entries)
        fast = timed(lambda: load(text, "content/calendar.yaml"))
        events = timed(lambda: bounded._compose_events(text, "c.yaml", bounded.CALENDAR, 1))
        print(f"{entries:>8} {fast:>8.3f} {events:>17.3f} {fast * 1e6 / entries:>10.0f}")
    header = (
        "title: Un titre\ndate: 2026-01-10 09:00\nlang: fr\ntags: [énergie, territoires]\nteasers:\n"
        '  x: "Trois ans après la loi, la concertation accélère **vraiment**. {link}"\n'
    )
    per = timed(
        lambda: [
            bounded.construct(bounded.compose(header, "p.md", bounded.FRONT_MATTER, 2), "p.md", 2) for _ in range(1000)
        ]
    )
    print(f"front matter: 1,000 read in {per:.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinds", nargs="+", default=["post", "calendar", "parse"])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--child", metavar="SITE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    with tempfile.TemporaryDirectory(prefix="podium-bench-bounded-") as tmp:
        if "parse" in args.kinds:
            bench_parse(args.runs)
        if "calendar" in args.kinds:
            bench_calendars(Path(tmp), args.runs)
        if "post" in args.kinds:
            bench_posts(Path(tmp), args.runs)


if __name__ == "__main__":
    main()
