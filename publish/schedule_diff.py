"""podium schedule --diff REV: the plan of a git revision against the working tree's, built the same way.

Both plans come from real production builds into throwaway folders, with the
same code (the installed podium) and the same ``now``; only the project's files
differ: the revision's are taken with ``git archive``, so the working tree and
the repository are never touched.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import tarfile
import tempfile
from datetime import datetime
from pathlib import Path

from podium.plugins.errors import BadInput, PodiumError
from podium.plugins.i18n import _

#: where the default branch may be, in order: the remote's default, then the usual local names
DEFAULT_BRANCHES = ("origin/HEAD", "main", "master", "origin/main", "origin/master")


def _git(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(project), *args], capture_output=True, check=False)


def base_revision(project: Path, rev: str | None) -> tuple[str, str]:
    """(commit id, name to show) of ``rev``, or of the merge base of HEAD with the default branch."""
    if _git(project, "rev-parse", "--git-dir").returncode != 0:
        raise BadInput(
            _(
                "--diff: {folder} is not in a git repository; run the command in the project's clone",
                folder=str(project),
            )
        )
    if rev is None:
        for branch in DEFAULT_BRANCHES:
            found = _git(project, "merge-base", "HEAD", branch)
            if found.returncode == 0:
                commit = found.stdout.decode().strip()
                return commit, _("the merge base with {branch} ({commit})", branch=branch, commit=commit[:7])
        raise BadInput(
            _(
                "--diff: no default branch to compare with (tried {names}); name a revision: "
                "podium schedule --diff main",
                names=", ".join(DEFAULT_BRANCHES),
            )
        )
    found = _git(project, "rev-parse", "--verify", "--quiet", rev + "^{commit}")
    if found.returncode != 0:
        raise BadInput(
            _(
                "--diff: git knows no revision {rev!r}; give a branch, a tag or a commit, "
                "e.g. podium schedule --diff main",
                rev=rev,
            )
        )
    commit = found.stdout.decode().strip()
    return commit, f"{rev} ({commit[:7]})"


def extract(project: Path, commit: str, into: Path) -> Path:
    """The project folder as it was at ``commit``, written under ``into`` (a sub-folder keeps its place)."""
    prefix = _git(project, "rev-parse", "--show-prefix").stdout.decode().strip()
    archive = _git(project, "archive", "--format=tar", commit)
    if archive.returncode != 0:
        raise BadInput(
            _("--diff: git could not read {commit}: {why}", commit=commit[:7], why=archive.stderr.decode().strip())
        )
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        # the 'data' filter (Python 3.11.4+) refuses links and paths that leave the folder
        tar.extractall(into, **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))
    return into / prefix


def plan_of(project: Path, now: datetime, scratch: Path):
    """The plan a production build of ``project`` makes at ``now``, and the calendar's zone."""
    from podium.plugins.calendar.plandiff import make_plan
    from podium.plugins.post import from_content
    from podium.plugins.siteurl import site_root

    from .build import build

    with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet):
        result = build(project, prod=True, now=now, output=scratch / "output")
    ctx = result.ctx
    root = site_root(result.settings)
    withheld = [from_content(item, root, early=True) for item in ctx.withheld_content]
    plan = make_plan(
        ctx.calendar_posts,
        withheld,
        ctx.calendar,
        ctx.now,
        ctx.teasers_by_slug,
        strict=ctx.config.calendar_strict,
        networks=ctx.config.networks,
    )
    return plan, (ctx.calendar.zone if ctx.calendar else None)


def compare(project: Path, rev: str | None, now: datetime):
    """(PlanDiff, zone, name of the base) of the working tree against ``rev``."""
    from zoneinfo import ZoneInfo

    from podium.plugins.calendar.plandiff import diff

    commit, shown = base_revision(project, rev)
    with tempfile.TemporaryDirectory(prefix="podium-diff-") as scratch:
        scratch = Path(scratch)
        old_project = extract(project, commit, scratch / "base")
        try:
            old, old_zone = plan_of(old_project, now, scratch / "old")
        except PodiumError as exc:
            raise BadInput(
                _(
                    "the plan of {base} cannot be made, because its build fails:\n{problems}",
                    base=shown,
                    problems=str(exc),
                )
            ) from None
        new, new_zone = plan_of(project, now, scratch / "new")
    return diff(old, new, now), new_zone or old_zone or ZoneInfo("UTC"), shown
