"""CI that keeps running: the hourly publish installs podium and publishes, nothing more; tests run on pushes.

Read as GitHub Actions and GitLab CI read them (YAML), for the repository's own
files and for those `podium init` writes, which are then used for real: a new
site is built and published as a dry run in its own folder.
"""

from __future__ import annotations

import os
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
    made = subprocess.run(
        [*PODIUM, "init", "blog", "--name", "Ada Martin"], cwd=root, capture_output=True, text=True, timeout=60
    )
    assert made.returncode == 0, made.stderr
    assert made.stdout == (
        "Created a podium site in blog. Next: cd blog && podium serve; before it goes live, "
        "work through blog/MAKE-IT-YOURS.md\n"
    )
    return root / "blog"


def test_init_writes_what_ci_needs(new_site):
    for name in (
        ".github/workflows/publish.yml",
        ".github/workflows/check.yml",
        ".gitlab-ci.yml",
        "Makefile",
        ".gitignore",
        "requirements.txt",
        "MAKE-IT-YOURS.md",
    ):
        assert (new_site / name).is_file(), name
    _hourly_publish_installs_fast_and_publishes(new_site / ".github/workflows/publish.yml")
    assert _runs(_workflow(new_site / ".github/workflows/check.yml")["jobs"]["check"])[0] == "make check"
    gitlab = yaml.safe_load((new_site / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert ".venv/bin/podium publish --live || status=$?" in gitlab["publish"]["script"]
    requirement = [
        line for line in (new_site / "requirements.txt").read_text().splitlines() if not line.startswith("#")
    ]
    assert requirement == ["podium==0.1.0"]
    checklist = (new_site / "MAKE-IT-YOURS.md").read_text(encoding="utf-8")
    assert checklist.count("- [ ] **") == 8 and "SITEURL" in checklist and "LinkedIn: 60 days" in checklist


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_the_new_sites_makefile_runs_the_commands_ci_runs(new_site):
    planned = subprocess.run(
        ["make", "-n", "-W", "requirements.txt", ".venv/.installed", "publish"],
        cwd=new_site,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert planned.returncode == 0, planned.stderr
    assert ".venv/bin/pip install --quiet -r requirements.txt" in planned.stdout
    assert ".venv/bin/podium publish" in planned.stdout


def test_the_new_sites_gitignore_keeps_builds_out_and_the_ledger_in(new_site):
    subprocess.run(["git", "init", "-q"], cwd=new_site, check=True)
    ignored = subprocess.run(
        [
            "git",
            "check-ignore",
            "output/index.html",
            "output-preview/index.html",
            ".venv/bin/podium",
            "public/index.html",
            "content/.podium/ledger.json",
        ],
        cwd=new_site,
        capture_output=True,
        text=True,
    )
    assert ignored.stdout.splitlines() == [
        "output/index.html",
        "output-preview/index.html",
        ".venv/bin/podium",
        "public/index.html",
    ]


def test_a_new_site_builds_and_publishes_as_a_dry_run(new_site):
    built = subprocess.run([*PODIUM, "build"], cwd=new_site, capture_output=True, text=True, timeout=180)
    assert built.returncode == 0, built.stderr
    published = subprocess.run(
        [*PODIUM, "publish", "--now", "2030-01-01T09:00+01:00"],
        cwd=new_site,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert published.returncode == 0, published.stdout + published.stderr
    assert f"Would deploy to dir target 'site' ({new_site / 'public'})" in published.stdout
    assert published.stdout.rstrip().endswith("Run again with --live to do it.")
    assert not (new_site / "public").exists(), "a dry run deploys nothing"


def _steps_after(job: dict, name: str) -> list[dict]:
    names = [step.get("name") for step in job["steps"]]
    return job["steps"][names.index(name) + 1 :]


def _keeps_the_comms_room(job: dict, after: str, always: bool) -> None:
    """A production build writes comms/ (PODIUM_COMMS_PATH's default), then upload-artifact keeps that folder."""
    from podium.plugins.settings import defaults

    later = _steps_after(job, after)
    builds = [i for i, step in enumerate(later) if step.get("run", "").startswith(".venv/bin/podium comms")]
    uploads = [i for i, step in enumerate(later) if step.get("uses", "").startswith("actions/upload-artifact@v4")]
    assert builds and uploads and builds[0] < uploads[0], [s.get("name") for s in later]
    upload = later[uploads[0]]
    assert upload["with"]["path"] == defaults().comms_path + "/"
    assert upload["with"]["name"] == "comms-room"
    if always:  # also after a partly failed publish: comms see what went out and what did not
        assert all("always()" in later[i]["if"] for i in (builds[0], uploads[0]))


def test_every_publish_run_keeps_the_comms_room_as_an_artifact(new_site):
    for path in (REPO / ".github/workflows/publish.yml", new_site / ".github/workflows/publish.yml"):
        (job,) = _workflow(path)["jobs"].values()
        _keeps_the_comms_room(job, "Commit the ledger back", always=True)
    for path in (REPO / ".gitlab-ci.yml", new_site / ".gitlab-ci.yml"):
        publish = yaml.safe_load(path.read_text(encoding="utf-8"))["publish"]
        assert publish["artifacts"] == {
            "name": "comms-room",
            "paths": ["comms/"],
            "when": "always",
            "expire_in": "30 days",
        }
        assert publish["script"][-2:] == [".venv/bin/podium comms || true", "exit $status"]


def test_pull_requests_get_the_schedule_change_in_the_summary_and_the_comms_room(new_site):
    for path, name in (
        (new_site / ".github/workflows/check.yml", "check"),
        (REPO / ".github/workflows/tests.yml", "schedule-change"),
    ):
        workflow = _workflow(path)
        assert "pull_request" in workflow["on"]
        job = workflow["jobs"][name]
        assert job["steps"][0] == {
            "uses": "actions/checkout@v4",
            "with": {"fetch-depth": 0},
        }  # the base branch is there
        (diff,) = [step for step in job["steps"] if step.get("name") == "Schedule change"]
        assert diff["run"].splitlines()[-1] == (
            '.venv/bin/podium schedule --diff "origin/$GITHUB_BASE_REF" --format markdown >> "$GITHUB_STEP_SUMMARY"'
        )
    _keeps_the_comms_room(
        _workflow(new_site / ".github/workflows/check.yml")["jobs"]["check"], "Schedule change", always=False
    )
    check = yaml.safe_load((new_site / ".gitlab-ci.yml").read_text(encoding="utf-8"))["check"]
    assert check["variables"] == {"GIT_DEPTH": "0"}
    assert check["script"][1] == (
        '.venv/bin/podium schedule --diff "$CI_MERGE_REQUEST_DIFF_BASE_SHA" --format markdown -o schedule-change.md'
    )
    assert check["artifacts"]["paths"] == ["schedule-change.md", "comms/"] and check["artifacts"]["expose_as"]


CALENDAR = """timezone: Europe/Paris
networks:
  x:
    slots: [{days: daily, times: ["00:00-24:00"]}]
posts:
  bienvenue:
    status: published
"""


@pytest.fixture(scope="module")
def pull_request(new_site, tmp_path_factory):
    """A clone of the new site whose branch 'feature' adds a calendar to what 'main' has on the origin."""
    root = tmp_path_factory.mktemp("pr")
    (root / "gitconfig").touch()  # no one's own git settings (signing, hooks) in the way
    env = {
        "GIT_AUTHOR_NAME": "T",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "T",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_GLOBAL": str(root / "gitconfig"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "PATH": os.environ["PATH"],
    }
    git = lambda *args, cwd: subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)
    site = root / "site"
    shutil.copytree(new_site, site, ignore=shutil.ignore_patterns(".git", "output", "public", "comms", ".cache"))
    git("init", "-q", "-b", "main", cwd=site)
    git("add", "-A", cwd=site)
    git("commit", "-q", "-m", "new site", cwd=site)
    git("clone", "-q", "--bare", str(site), str(root / "origin.git"), cwd=root)
    git("clone", "-q", str(root / "origin.git"), str(root / "clone"), cwd=root)
    clone = root / "clone"
    git("checkout", "-q", "-b", "feature", cwd=clone)
    (clone / "content" / "calendar.yaml").write_text(CALENDAR, encoding="utf-8")
    git("commit", "-q", "-am", "plan the welcome post on X", cwd=clone)
    (clone / ".venv").symlink_to(REPO / ".venv")
    return clone, env


def test_the_github_step_writes_the_schedule_change_into_the_job_summary(pull_request, tmp_path):
    clone, env = pull_request
    (job,) = _workflow(clone / ".github/workflows/check.yml")["jobs"].values()
    (step,) = [s for s in job["steps"] if s.get("name") == "Schedule change"]
    summary = tmp_path / "summary.md"
    summary.write_text("earlier steps' lines\n", encoding="utf-8")
    ran = subprocess.run(
        ["bash", "-e", "-c", step["run"]],
        cwd=clone,
        capture_output=True,
        text=True,
        timeout=300,
        env={
            **env,
            "GITHUB_BASE_REF": "main",
            "GITHUB_STEP_SUMMARY": str(summary),
            "GITHUB_WORKSPACE": str(clone),
            "HOME": str(tmp_path),
        },
    )
    assert ran.returncode == 0, ran.stderr
    lines = summary.read_text(encoding="utf-8").splitlines()
    assert lines[:3] == ["earlier steps' lines", "### Schedule change", ""]
    assert lines[3].startswith("Compared with `origin/main (") and lines[5] == "**This change adds one share.**"
    assert lines[7:10] == ["#### Shares added", "", lines[9]] and lines[9].startswith("- bienvenue/x/1 on ")


def test_the_gitlab_job_writes_the_note_and_posts_it_to_the_merge_request(pull_request, tmp_path):
    import http.server
    import threading
    from urllib.parse import parse_qs

    clone, env = pull_request
    check = yaml.safe_load((clone / ".gitlab-ci.yml").read_text(encoding="utf-8"))["check"]
    received = []

    class Notes(http.server.BaseHTTPRequestHandler):
        """GitLab's 'Create new merge request note': POST /projects/:id/merge_requests/:iid/notes, body=..."""

        def do_POST(self):
            data = self.rfile.read(int(self.headers["Content-Length"])).decode()
            received.append((self.path, self.headers["PRIVATE-TOKEN"], parse_qs(data)["body"][0]))
            self.send_response(201)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"id": 1}')

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Notes)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = subprocess.run(
        ["git", "merge-base", "HEAD", "origin/main"], cwd=clone, capture_output=True, text=True, check=True, env=env
    ).stdout.strip()
    variables = {
        **env,
        "CI_MERGE_REQUEST_DIFF_BASE_SHA": base,
        "PODIUM_GITLAB_NOTE_TOKEN": "glpat-test",
        "CI_API_V4_URL": f"http://127.0.0.1:{server.server_port}/api/v4",
        "CI_PROJECT_ID": "42",
        "CI_MERGE_REQUEST_IID": "7",
        "HOME": str(tmp_path),
    }
    try:
        for line in check["script"][1:3]:  # the schedule change, then the note; make check is tested elsewhere
            ran = subprocess.run(
                ["bash", "-e", "-c", line], cwd=clone, capture_output=True, text=True, timeout=300, env=variables
            )
            assert ran.returncode == 0, ran.stderr
    finally:
        server.shutdown()
    note = (clone / "schedule-change.md").read_text(encoding="utf-8")
    assert note.startswith(f"### Schedule change\n\nCompared with `{base}"), note
    assert received == [("/api/v4/projects/42/merge_requests/7/notes", "glpat-test", note)]


def test_the_comms_room_step_writes_the_folder_the_artifact_keeps(pull_request, tmp_path):
    clone, env = pull_request
    (job,) = _workflow(clone / ".github/workflows/check.yml")["jobs"].values()
    (build,) = [s for s in job["steps"] if s.get("name") == "Build the comms room"]
    (keep,) = [s for s in job["steps"] if s.get("name") == "Keep the comms room"]
    ran = subprocess.run(
        ["bash", "-e", "-c", build["run"]],
        cwd=clone,
        capture_output=True,
        text=True,
        timeout=300,
        env={**env, "HOME": str(tmp_path)},
    )
    assert ran.returncode == 0, ran.stderr
    kept = clone / keep["with"]["path"]
    assert (kept / "index.html").is_file() and (kept / "calendar.html").is_file()
    assert not (clone / "output").exists(), "the step writes the room alone, never the site"
