"""Bytes a one-post change uploads to each deploy target, for a 1,000-post site.

Builds the benchmark corpus (bench/corpus.py) with podium, deploys it to the
four targets running locally (a folder; rsync over SSH to OpenSSH's sshd on
127.0.0.1; a bare git repository; moto's S3 server), then makes one change,
builds again and deploys again. Three changes are measured, each from the
same first deploy: ``edit-old`` (a sentence added to the body of the middle
post), ``edit-recent`` (the same on the latest post, which the feeds carry)
and ``new`` (one post added). For each target it prints the files sent and
the bytes that crossed to the target (dir: bytes copied; rsync: rsync's
"Total bytes sent"; git: the pack the push sends; s3: PUT bodies).
The share printed is changed bytes over the site's bytes (the raw size of the files a
``dir`` or ``s3`` target copies); ``sent/site`` is what crossed the wire (rsync and git
send deltas and compressed packs). The machine is shared: the load average is printed too.
Usage: python bench/upload.py [--posts 1000]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))
from build import NOW, write_site  # noqa: E402

from podium.publish.build import build  # noqa: E402
from podium.publish.targets import make, plan_for  # noqa: E402
from tests.publish.deploy_servers import FAKE_AWS, init_bare, moto_s3, s3_client, sshd  # noqa: E402

TARGETS = ("dir", "rsync", "git", "s3")


def options(kind: str, root: Path, servers: dict) -> dict:
    if kind == "dir":
        return {"type": "dir", "path": str(root / "dir" / "site")}
    if kind == "rsync":
        return servers["ssh"].options(root / "rsync" / "site")
    if kind == "git":
        return {"type": "git", "remote": str(init_bare(root / "git" / "site.git"))}
    bucket = f"bench-{root.name.lower().replace('_', '-')}"
    s3_client(servers["s3"]).create_bucket(Bucket=bucket)
    return {"type": "s3", "bucket": bucket, "endpoint_url": servers["s3"]}


def deploy(kind: str, opts: dict, site: Path, project: Path) -> dict:
    with make(kind, opts, project_dir=project, env=FAKE_AWS) as target:
        manifest, plan = plan_for(target, site)
        started = time.perf_counter()
        done = target.deploy(site, manifest, plan)
        return {
            "files_sent": len(done.sent),
            "files_removed": len(plan.removed),
            "files_total": len(manifest),
            "raw_bytes": sum((site / p).stat().st_size for p in plan.uploads),
            "bytes_sent": done.bytes_sent,
            "sizes": {p: (site / p).stat().st_size for p in sorted(done.sent) if (site / p).is_file()},
            "seconds": round(time.perf_counter() - started, 2),
            "sent": sorted(done.sent),
        }


CHANGES = ("edit-old", "edit-recent", "new")


def change(project: Path, how: str, posts: int) -> None:
    if how.startswith("edit"):
        number = posts // 2 if how == "edit-old" else posts - 1
        path = project / "content" / "posts" / f"billet-{number}.md"
        text = path.read_text(encoding="utf-8")
        cut = text.index("## Ce que nous avons appris")
        path.write_text(text[:cut] + "Une phrase corrigée après relecture.\n\n" + text[cut:], encoding="utf-8")
    else:
        (project / "content" / "posts" / "nouveau.md").write_text(
            "---\ntitle: Un nouveau billet\ndate: 2026-11-27 08:00\nlang: fr\nslug: nouveau\ncategory: Transition\n"
            "tags: [énergie]\nsummary: Ce qui change cette semaine.\n---\n\nLe texte du nouveau billet.\n",
            encoding="utf-8",
        )


def scenario(how: str, base: Path, work: Path, first_site: Path, servers: dict, posts: int) -> dict:
    """Deploy the first build, apply one change, rebuild, deploy again; the second deploy is measured."""
    project = work / "project"
    shutil.copytree(base, project, ignore=shutil.ignore_patterns("output", "site-*"))
    results = {}
    change(project, how, posts)
    second_site = build(project, now=NOW, output=work / "site-2").output
    for kind in TARGETS:
        root = work / kind
        root.mkdir()
        opts = options(kind, root, servers)
        first = deploy(kind, opts, first_site, project)
        del first["sent"]  # every file
        results[kind] = {"first": first, "change": deploy(kind, opts, second_site, project)}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="podium-bench-upload-") as scratch, ExitStack() as stack:
        scratch = Path(scratch)
        servers = {"ssh": stack.enter_context(sshd(scratch / "sshd")), "s3": stack.enter_context(moto_s3())}
        base = write_site(scratch / "base", args.posts, "podium")
        started = time.perf_counter()
        first_site = build(base, now=NOW, output=scratch / "site-1").output
        print(f"built {args.posts} posts in {time.perf_counter() - started:.0f} s")
        report = {"posts": args.posts, "now": NOW}
        for how in CHANGES:
            report[how] = scenario(how, base, scratch / how, first_site, servers, args.posts)
    report["load_average"] = os.getloadavg()
    show(report)
    out = BENCH / "results"
    out.mkdir(exist_ok=True)
    (out / "upload.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def show(report: dict) -> None:
    """One row per change and target; "share" is the changed files' bytes over the site's bytes (issue 11 asks <= 2 %)."""
    first = report["new"]["dir"]["first"]
    site = first["raw_bytes"]
    print("load average: " + " ".join(f"{x:.2f}" for x in report["load_average"]))
    print(f"site: {report['posts']} posts, {first['files_total']} files, {site:,} bytes")
    print(
        f"{'change':<11} {'target':<6} {'files sent':>10} {'removed':>8} {'changed bytes':>14} {'share':>7} "
        f"{'bytes sent':>12} {'sent/site':>9}"
    )
    for how in CHANGES:
        for kind in TARGETS:
            row = report[how][kind]["change"]
            print(
                f"{how:<11} {kind:<6} {row['files_sent']:>10} {row['files_removed']:>8} "
                f"{row['raw_bytes']:>14,} {row['raw_bytes'] / site:>7.2%} {row['bytes_sent']:>12,} "
                f"{row['bytes_sent'] / site:>9.2%}"
            )
    for how in ("edit-recent", "new"):
        sizes = report[how]["dir"]["change"]["sizes"]
        print(f"{how} changes: " + ", ".join(f"{path} {size / 1000:.0f} kB" for path, size in sizes.items()))


if __name__ == "__main__":
    main()
