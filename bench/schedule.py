"""The scheduler alone: N posts on 4 networks, every post evergreen (1 share + 2 re-shares per network).

Pure function, no build: the time is the scheduler's own. Two corpora:
``steady``, a post every ~44 hours (about four a week, what a busy leader
writes), and ``crowded``, a post every ~13 hours, more than the slots can
carry, so the backlog grows and thousands of shares search a full year of
taken days before being reported unplaced (the worst case). Reports the median
of several runs, shares placed and unplaced, and checks determinism.
Usage: python bench/schedule.py [--posts 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import datetime, timedelta

from podium.plugins.calendar.loader import load
from podium.plugins.calendar.scheduler import schedule
from podium.plugins.post import PostView

RULES = """timezone: Europe/Paris
required_approvals: [comms, legal]
networks:
  x:
    slots: [{days: weekdays, times: ["08:00-09:30", "12:30-13:30", "17:30-19:00"]}]
    min_gap: 3h
    max_per_day: 3
  linkedin:
    slots: [{days: weekdays, times: ["08:00-11:00"]}]
    min_gap: 1h
    max_per_day: 3
  mastodon:
    slots: [{days: daily, times: ["09:00-20:00"]}]
    min_gap: 2h
    max_per_day: 4
  bluesky:
    slots: [{days: weekdays, times: ["10:00-12:00", "16:00-18:00"]}]
    min_gap: 2h
    max_per_day: 3
quiet_periods:
  - {start: 2027-07-01, end: 2027-07-20, reason: Results}
reshare: {after_days: [7, 30]}
posts:
"""


def world(count: int, every_hours: int):
    rnd = random.Random(42)
    zone = load(RULES).zone
    start = datetime(2027, 1, 4, 8, tzinfo=zone)
    posts, entries = [], []
    for index in range(count):
        slug = f"post-{index:05d}"
        date = start + timedelta(hours=index * every_hours + rnd.randint(0, 6))
        posts.append(
            PostView(
                slug=slug,
                lang="fr",
                title=f"Billet {index}",
                url=f"https://bench.example/{slug}.html",
                date=date,
                summary=f"Résumé du billet {index}",
            )
        )
        entries.append(
            f"  {slug}:\n    status: published\n    evergreen: true\n    approvals:\n"
            "      - {role: comms, who: C, when: 2027-01-01 09:00}\n"
            "      - {role: legal, who: L, when: 2027-01-01 09:00}\n"
        )
    calendar = load(RULES + "".join(entries))
    now = posts[-1].date + timedelta(days=40)
    return posts, calendar, now


def run(name: str, count: int, every_hours: int, runs: int) -> None:
    started = time.perf_counter()
    posts, calendar, now = world(count, every_hours)
    load_seconds = time.perf_counter() - started
    timings, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        outcome = schedule(posts, calendar, now)
        timings.append(time.perf_counter() - started)
        assert result is None or outcome == result, "the schedule must not change from one run to the next"
        result = outcome
    shares, unplaced = result
    print(
        f"{name}: {count} posts (one every ~{every_hours} h), {len(calendar.networks)} networks, "
        f"{count * len(calendar.networks) * 3} shares asked"
    )
    print(f"  calendar.yaml with {count} entries read and checked: {load_seconds:.3f} s")
    print(
        f"  schedule: median {statistics.median(timings):.3f} s over {runs} runs "
        f"(min {min(timings):.3f}, max {max(timings):.3f})"
    )
    print(f"  placed: {len(shares)}, unplaced: {len(unplaced)}, last share: {shares[-1].time:%Y-%m-%d %H:%M}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    run("steady", args.posts, 44, args.runs)
    run("crowded", args.posts, 13, args.runs)


if __name__ == "__main__":
    main()
