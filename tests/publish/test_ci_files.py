"""CI that keeps running: the hourly publish installs podium and publishes, nothing more; tests run on pushes.

Read as GitHub Actions and GitLab CI read them (YAML), for the repository's own
files and for those `podium init` writes, which are then used for real: a new
site is built and published as a dry run in its own folder.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

PODIUM = [sys.executable, "-m", "podium.publish.cli"]
TEST_COMMANDS = ("make test", "pytest", "setup-system", "installed-dev")


def _runs(job: dict) -> list[str]:
    return [step["run"] for step in job.get("steps", []) if "run" in step]


def _workflow(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def _hourly_publish_installs_fast_and_publishes(path: Path) -> None:
    workflow = _workflow(path)
    assert workflow["on"]["schedule"] == [{"cron": "7 * * * *"}]
    (job,) = workflow["jobs"].values()
    runs = _runs(job)
    assert "make .venv/.installed" in runs and ".venv/bin/podium publish --live" in runs
    assert not any(command in run for run in runs for command in TEST_COMMANDS), runs


def test_the_repositorys_hourly_publish_runs_no_test_suite():
    _hourly_publish_installs_fast_and_publishes(REPO / ".github/workflows/publish.yml")


def test_the_repositorys_tests_run_on_pushes_in_their_own_workflow():
    workflow = _workflow(REPO / ".github/workflows/tests.yml")
    assert "push" in workflow["on"] and "schedule" not in workflow["on"]
    assert _runs(workflow["jobs"]["test"]) == ["make test"]


def test_gitlab_runs_tests_on_pushes_only_and_publishes_without_waiting_for_them():
    ci = yaml.safe_load((REPO / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert ci["test"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "push"'}]
    assert ci["publish"]["needs"] == []
    script = "\n".join(ci["publish"]["script"])
    assert "make .venv/.installed" in script and "podium publish --live" in script
    assert not any(command in script for command in TEST_COMMANDS)


@pytest.fixture(scope="module")
def new_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("init")
    made = subprocess.run([*PODIUM, "init", "blog", "--name", "Ada Martin"], cwd=root, capture_output=True,
                          text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    assert made.stdout == ("Created a podium site in blog. Next: cd blog && podium serve; before it goes live, "
                           "work through blog/MAKE-IT-YOURS.md\n")
    return root / "blog"


def test_init_writes_what_ci_needs(new_site):
    for name in (".github/workflows/publish.yml", ".github/workflows/check.yml", ".gitlab-ci.yml", "Makefile",
                 ".gitignore", "requirements.txt", "MAKE-IT-YOURS.md"):
        assert (new_site / name).is_file(), name
    _hourly_publish_installs_fast_and_publishes(new_site / ".github/workflows/publish.yml")
    assert _runs(_workflow(new_site / ".github/workflows/check.yml")["jobs"]["check"]) == ["make check"]
    gitlab = yaml.safe_load((new_site / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert ".venv/bin/podium publish --live || status=$?" in gitlab["publish"]["script"]
    requirement = [line for line in (new_site / "requirements.txt").read_text().splitlines() if not line.startswith("#")]
    assert requirement == ["podium==0.1.0"]
    checklist = (new_site / "MAKE-IT-YOURS.md").read_text(encoding="utf-8")
    assert checklist.count("- [ ] **") == 8 and "SITEURL" in checklist and "LinkedIn: 60 days" in checklist


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_the_new_sites_makefile_runs_the_commands_ci_runs(new_site):
    planned = subprocess.run(["make", "-n", "-W", "requirements.txt", ".venv/.installed", "publish"], cwd=new_site,
                             capture_output=True, text=True, timeout=30)
    assert planned.returncode == 0, planned.stderr
    assert ".venv/bin/pip install --quiet -r requirements.txt" in planned.stdout
    assert ".venv/bin/podium publish" in planned.stdout


def test_the_new_sites_gitignore_keeps_builds_out_and_the_ledger_in(new_site):
    subprocess.run(["git", "init", "-q"], cwd=new_site, check=True)
    ignored = subprocess.run(["git", "check-ignore", "output/index.html", "output-preview/index.html",
                              ".venv/bin/podium", "public/index.html", "content/.podium/ledger.json"],
                             cwd=new_site, capture_output=True, text=True)
    assert ignored.stdout.splitlines() == ["output/index.html", "output-preview/index.html", ".venv/bin/podium",
                                           "public/index.html"]


def test_a_new_site_builds_and_publishes_as_a_dry_run(new_site):
    built = subprocess.run([*PODIUM, "build"], cwd=new_site, capture_output=True, text=True, timeout=180)
    assert built.returncode == 0, built.stderr
    published = subprocess.run([*PODIUM, "publish", "--now", "2030-01-01T09:00+01:00"], cwd=new_site,
                               capture_output=True, text=True, timeout=180)
    assert published.returncode == 0, published.stdout + published.stderr
    assert f"Would deploy to dir target 'site' ({new_site / 'public'})" in published.stdout
    assert published.stdout.rstrip().endswith("Run again with --live to do it.")
    assert not (new_site / "public").exists(), "a dry run deploys nothing"
