"""podium schedule --diff on a real git history: three commits, each plan made by a real production build."""

from __future__ import annotations

import os
import subprocess

import pytest

from podium.publish.cli import main
from tests.conftest import post

NOW = "2026-11-28T12:00+01:00"  # a Saturday
BOTH = "[{role: comms, who: C, when: 2026-11-01 09:00}, {role: legal, who: L, when: 2026-11-01 09:00}]"
CALENDAR = f"""timezone: Europe/Paris
required_approvals: [comms, legal]
networks:
  x:
    slots: [{{days: weekdays, times: ["08:00-12:00"]}}]
    min_gap: 1h
posts:
  wind:
    status: published
    approvals: {BOTH}
  solar:
    status: in_review   # legal reads it on Friday
    publish_at: 2026-12-01 08:00
    approvals:
      - {{role: comms, who: C, when: 2026-11-01 09:00}}
  tide:
    status: approved
    publish_at: 2026-12-08 08:00
    approvals: {BOTH}
"""


def git(site, *args: str) -> str:
    empty = site.parent / "gitconfig"  # no one's own git settings (signing, hooks) in the way
    empty.touch()
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "T",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "T",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_GLOBAL": str(empty),
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    return subprocess.run(["git", "-C", str(site), *args], check=True, capture_output=True, text=True, env=env).stdout


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    """main: the first commit; feature: legal approves solar, then x's slots start an hour later."""
    from tests.conftest import _write_site

    site = _write_site(
        tmp_path_factory.mktemp("history"),
        {
            "content/calendar.yaml": CALENDAR,
            "content/posts/wind.md": post("Wind", date="2026-11-02 08:00", slug="wind"),
            "content/posts/solar.md": post("Solar", date="2026-11-02 08:00", slug="solar"),
            "content/posts/tide.md": post("Tide", date="2026-11-02 08:00", slug="tide"),
        },
        None,
    )
    git(site, "init", "-q", "-b", "main")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "calendar")
    git(site, "checkout", "-q", "-b", "feature")
    assert (
        main(
            [
                "approve",
                "solar",
                "--role",
                "legal",
                "--who",
                "Paul Ménard",
                "--when",
                "2026-11-27 10:00",
                "-C",
                str(site),
            ]
        )
        == 0
    )
    git(site, "commit", "-q", "-am", "legal approves solar")
    path = site / "content" / "calendar.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('"08:00-12:00"', '"09:00-12:00"'), encoding="utf-8")
    git(site, "commit", "-q", "-am", "x from 09:00")
    return site


def diff(capsys, site, *args: str) -> list[str]:
    assert main(["schedule", "--diff", *args, "--now", NOW, "-C", str(site)]) == 0
    return capsys.readouterr().out.splitlines()


def commit(site, rev: str) -> str:
    return git(site, "rev-parse", "--short=7", rev).strip()


def test_the_whole_branch_against_main_by_default(history, capsys):
    assert diff(capsys, history) == [
        f"Plan at 2026-11-28 12:00 (Europe/Paris), the merge base with main ({commit(history, 'main')}) → the working tree:",
        "This change moves one share, adds one share and releases one post on Tuesday 2026-12-01 08:00.",
        "",
        "Posts released:",
        "  solar: goes out Tuesday 2026-12-01 08:00 (was withheld: calendar status is in_review, not approved)",
        "",
        "Shares added:",
        "  solar/x/1 on Tuesday 2026-12-01 09:00",
        "",
        "Shares moved:",
        "  tide/x/1: Tuesday 2026-12-08 08:00 → Tuesday 2026-12-08 09:00",
    ]  # wind's share moved too, but on 2 November: it went out long ago


def test_the_last_commit_alone_moves_two_shares(history, capsys):
    lines = diff(capsys, history, "HEAD~1")
    assert (
        lines[0] == f"Plan at 2026-11-28 12:00 (Europe/Paris), HEAD~1 ({commit(history, 'HEAD~1')}) → the working tree:"
    )
    assert lines[1:] == [
        "This change moves 2 shares.",
        "",
        "Shares moved:",
        "  solar/x/1: Tuesday 2026-12-01 08:00 → Tuesday 2026-12-01 09:00",
        "  tide/x/1: Tuesday 2026-12-08 08:00 → Tuesday 2026-12-08 09:00",
    ]


def test_uncommitted_changes_count_and_an_unchanged_plan_says_so(history, capsys):
    assert diff(capsys, history, "HEAD")[1] == (
        "This change leaves the plan as it was: no post released or withheld, no share added, removed or moved."
    )
    path = history / "content" / "calendar.yaml"
    before = path.read_text(encoding="utf-8")
    try:
        assert main(["status", "tide", "in_review", "-C", str(history)]) == 0
        capsys.readouterr()
        assert diff(capsys, history, "HEAD")[1:] == [
            "This change removes one share and withholds one post.",
            "",
            "Posts withheld:",
            "  tide: withheld, calendar status is in_review, not approved (was going out Tuesday 2026-12-08 08:00)",
            "",
            "Shares removed:",
            "  tide/x/1, was on Tuesday 2026-12-08 09:00",
        ]
    finally:
        path.write_text(before, encoding="utf-8")


def test_markdown_for_a_pull_request(history, capsys):
    lines = diff(capsys, history, "main", "--format", "markdown")
    assert lines == [
        "### Schedule change",
        "",
        f"Compared with `main ({commit(history, 'main')})`, as planned at 2026-11-28 12:00 (Europe/Paris).",
        "",
        "**This change moves one share, adds one share and releases one post on Tuesday 2026-12-01 08:00.**",
        "",
        "#### Posts released",
        "",
        "- solar: goes out Tuesday 2026-12-01 08:00 (was withheld: calendar status is in\\_review, not approved)",
        "",
        "#### Shares added",
        "",
        "- solar/x/1 on Tuesday 2026-12-01 09:00",
        "",
        "#### Shares moved",
        "",
        "- tide/x/1: Tuesday 2026-12-08 08:00 → Tuesday 2026-12-08 09:00",
    ]


def test_written_to_a_file(history, tmp_path, capsys):
    target = tmp_path / "plan.md"
    assert (
        main(
            [
                "schedule",
                "--diff",
                "HEAD~1",
                "--now",
                NOW,
                "--format",
                "markdown",
                "-o",
                str(target),
                "-C",
                str(history),
            ]
        )
        == 0
    )
    assert target.read_text(encoding="utf-8").startswith("### Schedule change\n")
    assert capsys.readouterr().err == f"Wrote {target}\n"


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["--diff", "nope"],
            "podium: --diff: git knows no revision 'nope'; give a branch, a tag or a commit, e.g. podium schedule --diff main",
        ),
        (["--diff", "main", "--format", "json"], "podium: --diff prints table or markdown; received --format json"),
        (
            ["--diff", "main", "--from", "2026-12-01"],
            "podium: --diff compares the whole plan; leave out --from and --to",
        ),
        (
            ["--format", "markdown"],
            "podium: --format markdown is for --diff; use table, json, ics or csv for the schedule itself",
        ),
    ],
)
def test_bad_input(history, capsys, args, message):
    assert main(["schedule", *args, "-C", str(history)]) == 2
    assert capsys.readouterr().err.splitlines() == [message]


def test_outside_a_git_repository(make_site, capsys):
    site = make_site({"content/calendar.yaml": CALENDAR})
    assert main(["schedule", "--diff", "-C", str(site)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"podium: --diff: {site} is not in a git repository; run the command in the project's clone"
    ]
