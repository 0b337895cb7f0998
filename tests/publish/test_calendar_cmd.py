"""podium calendar check / schema, and the helper podium new uses to add an entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from podium.publish.cli import main
from tests.conftest import post

CALENDAR = """timezone: Europe/Paris
required_approvals: [comms]
networks:
  x:
    slots: [{days: daily, times: ["09:00-18:00"]}]
posts:
  ok:
    status: published
    approvals: [{role: comms, who: C, when: 2026-11-01 09:00}]
  wait:
    status: in_review
"""


@pytest.fixture
def site(make_site):
    return make_site(
        {
            "content/calendar.yaml": CALENDAR,
            "content/posts/ok.md": post("OK", date="2026-11-02 08:00", slug="ok"),
            "content/posts/wait.md": post("Wait", date="2026-11-02 08:00", slug="wait"),
        }
    )


def test_check_prints_what_goes_out_and_what_waits(site, capsys):
    assert main(["calendar", "check", "-C", str(site), "--now", "2026-11-28T12:00+01:00"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "content/calendar.yaml: OK: 2 entries, 1 posts out, 1 withheld",
        "  withheld wait: calendar status is in_review, not approved",
        "  1 shares scheduled, 0 could not be placed",
    ]
    assert not (site / "output").exists(), "the check builds into a throwaway folder"


def test_check_reports_every_problem_with_line_and_column_and_exits_2(site, capsys):
    (site / "content" / "calendar.yaml").write_text(
        CALENDAR.replace("in_review", "reviewing").replace("  ok:", "  okay:")
    )
    assert main(["calendar", "check", "-C", str(site)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "content/calendar.yaml:11:13: unknown status 'reviewing'; did you mean 'in_review'? "
        "(the statuses are: idea, draft, in_review, approved, published, withdrawn)"
    ]
    (site / "content" / "calendar.yaml").write_text(CALENDAR.replace("  ok:", "  okay:"))
    assert main(["calendar", "check", "-C", str(site)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "content/calendar.yaml:7:3: no post has the slug 'okay'; did you mean 'ok'?"
    ]
    assert not (site / "output").exists()


def test_check_without_a_calendar(site, capsys):
    (site / "content" / "calendar.yaml").unlink()
    assert main(["calendar", "check", "-C", str(site)]) == 2
    assert capsys.readouterr().err.strip() == (
        "content/calendar.yaml: there is no calendar file; create it from the example "
        "in docs/comms.md or set PODIUM_CALENDAR_PATH"
    )


def test_schema_prints_the_shipped_schema_path(capsys):
    assert main(["calendar", "schema"]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path.name == "calendar.schema.json" and path.exists()


def test_new_posts_get_a_calendar_entry_with_the_comments_kept(site):
    from podium.publish.build import read_settings
    from podium.publish.calendar_cmd import add_post_to_calendar

    calendar = site / "content" / "calendar.yaml"
    calendar.write_text("# comms notes stay\n" + CALENDAR)
    settings, _ = read_settings(site)
    assert add_post_to_calendar(site, settings, "brand-new") == calendar
    text = calendar.read_text()
    assert text == "# comms notes stay\n" + CALENDAR + "  brand-new:\n    status: draft\n"
    calendar.unlink()
    assert add_post_to_calendar(site, settings, "other") is None
    assert not calendar.exists()


def test_check_reads_the_posts_the_calendar_holds_and_says_they_are_withheld(site, capsys):
    (site / "content/posts/wait.md").write_text(
        post("Wait", date="2026-11-02 08:00", slug="wait", teasers={"x": "x" * 300 + " {link}"}), encoding="utf-8"
    )
    assert main(["calendar", "check", "-C", str(site), "--now", "2026-11-28T12:00+01:00"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("content/posts/wait.md:")
    assert line.endswith(
        "the X teaser is 324/280 (weighted); shorten it by 44 (this post is withheld: "
        "calendar status is in_review, not approved; it will fail when it goes out)"
    )
