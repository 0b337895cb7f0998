"""Build time of podium against vanilla Pelican on the same corpus, in the same run.

For each N, every kind of build runs alternately in fresh subprocesses (so
peak memory is each build's own); the median wall time, the ratio to vanilla
Pelican and the peak resident memory are printed. The kinds:

- vanilla: Pelican, same Markdown extensions, default theme, no plugins;
- blog-kit: podium's theme, reader, embargo, feeds, sitemap; no teasers, cards or image variants;
- podium-warm: everything on (the site and the comms room, as ``podium build`` writes them), caches kept from the previous run and nothing changed (an everyday rebuild);
- podium-edit: the same, after one sentence was added to one post (the middle one);
- podium-site-warm, podium-site-edit: the same two without the comms room (the site alone);
- podium-cold: everything on, caches emptied before each run (the first build of a site);
- hugo: when Debian's ``hugo`` is installed, a minimal Hugo site from the same
  Markdown (single and list pages, tag and category pages, RSS), for the moonshot ratio.

The load average (``uptime``) is printed with the figures: the machine is shared.
Usage: python bench/build.py [--sizes 100 1000] [--runs 3] [--kinds podium-warm ...]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def _sample_markdown() -> dict:
    """The sample blog's own MARKDOWN setting: both builds use the extensions a real site uses."""
    from pelican.settings import get_settings_from_file

    return get_settings_from_file(str(REPO / "pelicanconf.py"))["MARKDOWN"]


MARKDOWN = _sample_markdown()
COMMON = {
    "AUTHOR": "Claire Morel",
    "SITENAME": "Bench",
    "SITEURL": "https://bench.example",
    "PATH": "content",
    "ARTICLE_PATHS": ["posts"],
    "STATIC_PATHS": ["images"],
    "TIMEZONE": "Europe/Paris",
    "DEFAULT_LANG": "fr",
    "MARKDOWN": MARKDOWN,
    "LOAD_CONTENT_CACHE": False,
}
NOW = "2026-11-28T12:00:00+01:00"


def write_site(root: Path, n: int, kind: str, extra: dict | None = None) -> Path:
    if kind == "hugo":
        return corpus.write_hugo(root, n)
    corpus.write(root, n, "yaml" if kind.startswith("podium") else "pelican")
    conf = dict(COMMON)
    if kind.startswith("podium"):
        conf.update(
            {
                "THEME": str(REPO / "themes" / "podium"),
                "PLUGINS": ["podium.plugins"],
                "FEED_ALL_ATOM": None,
                "CATEGORY_FEED_ATOM": None,
                "TRANSLATION_FEED_ATOM": None,
                "AUTHOR_FEED_ATOM": None,
                "AUTHOR_FEED_RSS": None,
                "PODIUM_LEADER_NAME": "Claire Morel",
            }
        )
    conf.update(extra or {})
    (root / "pelicanconf.py").write_text("".join(f"{k} = {v!r}\n" for k, v in conf.items()), encoding="utf-8")
    return root


def child(site: str, kind: str) -> None:
    """Run one build in this process and print its wall time and peak memory as JSON."""
    start = time.perf_counter()
    if kind == "hugo":
        subprocess.run(["hugo", "--quiet", "-s", site, "-d", str(Path(site) / "output")], check=True)
        wall = time.perf_counter() - start
        print(json.dumps({"wall": wall, "peak_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
        return
    if kind.startswith("podium"):
        from podium.publish.build import build

        # as `podium build` does: the site and the comms room (review copies, teaser pages, calendar);
        # the podium-site-* kinds build the site alone, as CI's publishing build does
        room = None if kind.startswith("podium-site") else Path(site) / "comms"
        build(site, now=NOW, output=Path(site) / "output", comms=room)
    else:
        from pelican import Pelican
        from pelican.settings import read_settings

        settings = read_settings(
            str(Path(site) / "pelicanconf.py"), override={"OUTPUT_PATH": str(Path(site) / "output")}
        )
        Pelican(settings).run()
    wall = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"wall": wall, "peak_mib": peak_kib / 1024}))


def edit(site: Path) -> None:
    """Add one sentence to the middle post, a new one each run, as a person fixing a post would."""
    posts = sorted((site / "content" / "posts").glob("*.md"))
    path = posts[len(posts) // 2]
    text = path.read_text(encoding="utf-8")
    cut = text.index("## Ce que nous avons appris")
    path.write_text(text[:cut] + f"Une phrase ajoutée à {time.time_ns()}.\n\n" + text[cut:], encoding="utf-8")


def measure(site: Path, kind: str) -> dict:
    if kind.endswith("-cold"):  # a first build: no cache, no output folder yet
        shutil.rmtree(site / ".cache", ignore_errors=True)
        shutil.rmtree(site / "output", ignore_errors=True)
    if kind.endswith("-edit"):
        edit(site)
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(site), kind], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench(n: int, runs: int, kinds: dict[str, dict | None]) -> dict[str, dict]:
    results: dict[str, list[dict]] = {k: [] for k in kinds}
    with tempfile.TemporaryDirectory(prefix="podium-bench-") as tmp:
        sites = {k: write_site(Path(tmp) / k, n, k, extra) for k, extra in kinds.items()}
        for kind, site in sites.items():
            if kind.startswith("podium") and not kind.endswith("-cold"):
                measure(site, kind)  # fills the caches and the output folder; not counted
        for _ in range(runs):
            for kind, site in sites.items():  # alternate, so drift hits every kind alike
                results[kind].append(measure(site, kind))
    return {
        k: {"median_s": statistics.median(r["wall"] for r in v), "peak_mib": max(r["peak_mib"] for r in v)}
        for k, v in results.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--kinds", nargs="+", help="only these kinds (vanilla is always measured)")
    parser.add_argument("--child", nargs=2, metavar=("SITE", "KIND"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    kit_only = {"PODIUM_TEASERS_ENABLED": False, "PODIUM_CARDS_ENABLED": False, "PODIUM_IMAGES_ENABLED": False}
    kinds = {
        "vanilla": None,
        "podium-blog-kit": kit_only,
        "podium-warm": None,
        "podium-edit": None,
        "podium-site-warm": None,
        "podium-site-edit": None,
        "podium-cold": None,
    }
    if shutil.which("hugo"):
        kinds["hugo"] = None
    if args.kinds:
        kinds = {k: v for k, v in kinds.items() if k == "vanilla" or k in args.kinds}
    print(
        f"python bench/build.py --sizes {' '.join(map(str, args.sizes))} --runs {args.runs}"
        + (f" --kinds {' '.join(args.kinds)}" if args.kinds else "")
    )
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'N':>6} {'build':<16} {'median s':>9} {'peak MiB':>9} {'ratio':>6}")
    for n in args.sizes:
        res = bench(n, args.runs, kinds)
        base = res["vanilla"]["median_s"]
        for kind, r in res.items():
            print(f"{n:>6} {kind:<16} {r['median_s']:>9.2f} {r['peak_mib']:>9.0f} {r['median_s'] / base:>6.2f}")
        if "hugo" in res and "podium-warm" in res:
            print(f"{n:>6} podium-warm / hugo: {res['podium-warm']['median_s'] / res['hugo']['median_s']:.2f}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
