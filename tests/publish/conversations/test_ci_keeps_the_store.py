"""The hourly CI commits what collecting wrote (content/.podium/conversations) with the ledger; git keeps the store."""

from __future__ import annotations

import subprocess

import yaml

from tests.conftest import REPO


def test_the_hourly_publish_commits_the_conversation_store_even_after_a_partly_failed_run():
    workflow = yaml.safe_load((REPO / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    commit = next(step for step in steps if "git commit" in step.get("run", ""))
    assert "git add --all content/.podium" in commit["run"]  # the ledger, the conversations and their avatars
    assert commit["if"].startswith("always()")


def test_git_ignores_the_comms_room_but_keeps_the_conversation_store():
    paths = [
        "content/.podium/conversations/rentree.json",
        "content/.podium/conversations/avatars/0a.webp",
        "comms/conversations/inbox.html",
    ]
    ignored = subprocess.run(["git", "check-ignore", "--no-index", *paths], cwd=REPO, capture_output=True, text=True)
    assert ignored.stdout.splitlines() == ["comms/conversations/inbox.html"]
