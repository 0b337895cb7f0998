"""podium approve and podium status: the calendar changes in place, or not at all when the input is wrong."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime

import pytest

from podium.publish.cli import main
from tests.conftest import post

CALENDAR = """# Comms notes: legal signs off on Tuesdays.
timezone: Europe/Paris

required_approvals: [comms, legal]   # both, always

posts:
  wind:
    status: in_review      # waiting for legal
    owner: Claire Vasseur
    approvals:
      - {role: comms, who: Claire Vasseur, when: 2026-11-01 09:00}

  # next month
  solar:
    status: draft
"""
PATH = "content/calendar.yaml"


@pytest.fixture
def site(make_site):
    return make_site(
        {
            PATH: CALENDAR,
            "content/posts/wind.md": post("Wind", date="2026-11-02 08:00", slug="wind"),
            "content/posts/solar.md": post("Solar", date="2026-12-02 08:00", slug="solar"),
        }
    )


def read(site) -> str:
    return (site / PATH).read_text(encoding="utf-8")


def test_approve_records_the_last_approval_and_releases_the_post_in_review(site, capsys, run_build):
    assert (
        main(
            [
                "approve",
                "wind",
                "--role",
                "legal",
                "--who",
                "Paul Ménard",
                "--when",
                "2026-11-03 10:30",
                "-C",
                str(site),
            ]
        )
        == 0
    )
    assert read(site) == CALENDAR.replace(
        "    status: in_review      # waiting for legal", "    status: approved      # waiting for legal"
    ).replace(
        "      - {role: comms, who: Claire Vasseur, when: 2026-11-01 09:00}\n",
        "      - {role: comms, who: Claire Vasseur, when: 2026-11-01 09:00}\n"
        "      - {role: legal, who: Paul Ménard, when: 2026-11-03 10:30}\n",
    )
    assert capsys.readouterr().out.splitlines() == [
        "Recorded the approval of 'wind' by legal (Paul Ménard, 2026-11-03 10:30) in content/calendar.yaml",
        "every required role has approved, so its status is now 'approved'; it goes out at its release time",
    ]
    output = run_build(site, now="2026-11-28T12:00+01:00")
    assert (output / "wind.html").exists(), "the build reads the edited calendar and lets the post out"


def test_approve_says_who_is_still_missing_and_keeps_the_status(site, capsys):
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
                "2026-11-03 10:30",
                "-C",
                str(site),
            ]
        )
        == 0
    )
    assert read(site) == CALENDAR + "    approvals:\n      - {role: legal, who: Paul Ménard, when: 2026-11-03 10:30}\n"
    assert capsys.readouterr().out.splitlines()[1] == "still waiting for: comms"


def test_approve_without_when_uses_the_clock(site):
    assert main(["approve", "solar", "--role", "comms", "--who", "Claire Vasseur", "-C", str(site)]) == 0
    assert "      - {role: comms, who: Claire Vasseur, when: 20" in read(site)


def test_status_changes_the_value_only(site, capsys):
    assert main(["status", "solar", "in_review", "-C", str(site)]) == 0
    assert read(site) == CALENDAR.replace("    status: draft\n", "    status: in_review\n")
    assert capsys.readouterr().out == "'solar' is now 'in_review' in content/calendar.yaml (it was 'draft')\n"
    assert main(["status", "solar", "approved", "-C", str(site)]) == 0
    assert capsys.readouterr().out.splitlines()[1] == (
        "it goes out only once these roles have approved: comms, legal (podium approve solar --role ROLE --who NAME)"
    )


def test_status_already_set_writes_nothing(site, capsys):
    before = os.stat(site / PATH).st_mtime_ns
    assert main(["status", "solar", "draft", "-C", str(site)]) == 0
    assert capsys.readouterr().out == "'solar' is already 'draft' in content/calendar.yaml; nothing changed\n"
    assert os.stat(site / PATH).st_mtime_ns == before


@pytest.mark.parametrize(
    "argv, message",
    [
        (
            ["approve", "wnd", "--role", "legal", "--who", "P"],
            "content/calendar.yaml:6: no entry for 'wnd' in the calendar; did you mean 'wind'?",
        ),
        (
            ["approve", "tidal", "--role", "legal", "--who", "P"],
            "content/calendar.yaml:6: no entry for 'tidal' in the calendar; check the slug, or add the post under 'posts:' "
            "(podium new does it for a new post)",
        ),
        (
            ["approve", "wind", "--role", "legl", "--who", "P"],
            "content/calendar.yaml:4: 'legl' is not a role of required_approvals; did you mean 'legal'? (the roles are: comms, legal)",
        ),
        (
            ["approve", "wind", "--role", "marketing", "--who", "P"],
            "content/calendar.yaml:4: 'marketing' is not a role of required_approvals; use one of: comms, legal, or add 'marketing' there",
        ),
        (
            ["approve", "wind", "--role", "legal", "--who", "  "],
            'content/calendar.yaml:7: --who is empty; write who approves, e.g. --who "Paul Ménard"',
        ),
        (
            ["approve", "wind", "--role", "legal", "--who", "P", "--when", "2999-01-01 09:00"],
            "content/calendar.yaml:7: --when 2999-01-01 09:00 is in the future; an approval records when it was given: "
            "leave --when out to approve now, or give a time already past",
        ),
        (
            ["approve", "wind", "--role", "legal", "--who", "P", "--when", "yesterday"],
            "content/calendar.yaml:7: --when 'yesterday' is not a date and time; write it as 2027-03-02 09:00 (in Europe/Paris) "
            "or with an offset, 2027-03-02T09:00+01:00",
        ),
        (
            ["status", "wind", "aproved"],
            "content/calendar.yaml:7: unknown status 'aproved'; did you mean 'approved'? "
            "(the statuses are: idea, draft, in_review, approved, published, withdrawn)",
        ),
        (
            ["status", "wind", "live"],
            "content/calendar.yaml:7: unknown status 'live'; use one of: idea, draft, in_review, approved, published, withdrawn",
        ),
        (
            ["status", "wnd", "draft"],
            "content/calendar.yaml:6: no entry for 'wnd' in the calendar; did you mean 'wind'?",
        ),
    ],
)
def test_bad_input_is_refused_with_its_line_and_the_file_is_unchanged(site, capsys, argv, message):
    assert main(argv + ["-C", str(site)]) == 2
    assert capsys.readouterr().err.splitlines() == [message]
    assert read(site) == CALENDAR


def test_a_calendar_with_errors_is_not_touched(site, capsys):
    broken = CALENDAR.replace("status: draft", "status: drafted")
    (site / PATH).write_text(broken, encoding="utf-8")
    assert main(["approve", "wind", "--role", "legal", "--who", "P", "-C", str(site)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "content/calendar.yaml:15:13: unknown status 'drafted'; did you mean 'draft'? "
        "(the statuses are: idea, draft, in_review, approved, published, withdrawn)"
    ]
    assert read(site) == broken


def test_a_read_only_calendar_is_refused(site, capsys):
    (site / PATH).chmod(stat.S_IRUSR | stat.S_IRGRP)
    assert main(["status", "solar", "in_review", "-C", str(site)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "content/calendar.yaml:14: the calendar is read-only, so nothing was changed; make it writable "
        "(chmod u+w content/calendar.yaml), then run the command again"
    ]
    assert read(site) == CALENDAR
    assert stat.S_IMODE((site / PATH).stat().st_mode) == 0o440


def test_the_file_keeps_its_permissions_and_a_link_stays_a_link(site, tmp_path):
    real = tmp_path / "shared-calendar.yaml"
    real.write_text(CALENDAR, encoding="utf-8")
    real.chmod(0o600)
    (site / PATH).unlink()
    (site / PATH).symlink_to(real)
    assert main(["status", "solar", "in_review", "-C", str(site)]) == 0
    assert (site / PATH).is_symlink()
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert "    status: in_review\n" in real.read_text(encoding="utf-8")


def test_without_a_calendar(make_site, capsys):
    site = make_site({"content/posts/a.md": post("A", slug="a")})
    assert main(["status", "a", "draft", "-C", str(site)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "content/calendar.yaml: there is no calendar file; create it from the example in docs/comms.md "
        "or set PODIUM_CALENDAR_PATH"
    ]


def test_messages_in_french(site, capsys, monkeypatch):
    monkeypatch.setenv("PODIUM_UI_LANG", "fr")
    assert main(["approve", "tidal", "--role", "legal", "--who", "P", "-C", str(site)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "content/calendar.yaml:6: aucune entrée pour «\u202ftidal\u202f» dans le calendrier\u202f; vérifiez le slug, "
        "ou ajoutez le billet sous «\u202fposts:\u202f» (podium new le fait pour un nouveau billet)"
    ]
    assert main(["status", "solar", "in_review", "-C", str(site)]) == 0
    assert capsys.readouterr().out == (
        "«\u202fsolar\u202f» est maintenant «\u202fin_review\u202f» dans content/calendar.yaml (avant\u00a0: «\u202fdraft\u202f»)\n"
    )


def test_a_calendar_saved_by_someone_else_meanwhile_is_not_overwritten(site):
    from podium.plugins.errors import BadInput
    from podium.publish.approve_cmd import approve
    from podium.publish.calendar_edit import open_calendar, save

    opened = open_calendar(site)
    text, _ = approve(opened, "solar", "legal", "P", "2026-11-03 10:30", datetime.now(UTC))
    theirs = CALENDAR.replace("# next month", "# next month, says Claire")
    (site / PATH).write_text(theirs, encoding="utf-8")
    with pytest.raises(BadInput) as err:
        save(opened, text, 14)
    assert str(err.value) == (
        "content/calendar.yaml:14: the calendar changed while podium was editing it, "
        "so nothing was changed; run the command again"
    )
    assert read(site) == theirs
