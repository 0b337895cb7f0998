"""The calendar inside real Pelican builds: gating, slug checks, errors, and its files in the comms room."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import pytest

from podium.plugins.errors import ManyErrors, PodiumError
from tests.conftest import post

NOW = "2026-11-28T12:00+01:00"
APPROVALS = """    approvals:
      - {role: comms, who: C, when: 2026-11-01 09:00}
      - {role: legal, who: L, when: 2026-11-01 09:00}
"""
CALENDAR = f"""# yaml-language-server: $schema=calendar.schema.json
timezone: Europe/Paris
required_approvals: [comms, legal]
networks:
  x:
    slots: [{{days: daily, times: ["09:00-18:00"]}}]
    min_gap: 1h
  mastodon:
    slots: [{{days: weekdays, times: ["10:00-12:00"]}}]
quiet_periods:
  - {{start: 2026-11-27, end: 2026-11-29, reason: Board week}}
reshare: {{after_days: [7]}}
posts:
  ok:
    status: published
    evergreen: true
{APPROVALS}  review:
    status: in_review
{APPROVALS}  half:
    status: approved
    approvals:
      - {{role: comms, who: C, when: 2026-11-01 09:00}}
  planned:
    status: approved
    publish_at: 2026-12-02 09:00
{APPROVALS}  hushed:
    status: approved
    publish_at: 2026-11-27 10:00
{APPROVALS}  gone:
    status: withdrawn
{APPROVALS}  later-idea:
    status: idea
"""


def grep(out: Path, marker: str) -> list[str]:
    return sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file() and marker.encode() in p.read_bytes())


def room(out: Path) -> Path:
    """The comms room of a build made by run_build (PODIUM_COMMS_PATH: comms/ beside output/)."""
    return out.parent / "comms"


def files(calendar: str = CALENDAR, **extra) -> dict[str, str]:
    site = {
        "content/calendar.yaml": calendar,
        "content/posts/ok.md": post("Public OK", date="2026-11-02 08:00", slug="ok", body="MARK-OK", summary="Sum OK"),
        "content/posts/nocal.md": post("Not in the calendar", date="2026-11-03 08:00", slug="nocal", body="MARK-NOCAL"),
        "content/posts/review.md": post("SECRET review", date="2026-11-04 08:00", slug="review", body="SECRET-REVIEW"),
        "content/posts/half.md": post("SECRET half", date="2026-11-04 08:00", slug="half", body="SECRET-HALF"),
        "content/posts/planned.md": post(
            "SECRET planned", date="2026-11-04 08:00", slug="planned", body="SECRET-PLANNED"
        ),
        "content/posts/hushed.md": post("SECRET hushed", date="2026-11-04 08:00", slug="hushed", body="SECRET-HUSHED"),
        "content/posts/gone.md": post("SECRET gone", date="2026-11-04 08:00", slug="gone", body="SECRET-GONE"),
    }
    site.update(extra)
    return site


@pytest.fixture
def built(make_site, run_build):
    site = make_site(files())
    return site, run_build(site, now=NOW, prod=True)


def test_posts_the_calendar_withholds_leave_no_trace_in_any_output_file(built):
    _, out = built
    assert grep(out, "MARK-OK") and grep(out, "MARK-NOCAL"), "public posts are built, or the test proves nothing"
    for marker in (
        "SECRET-REVIEW",
        "SECRET-HALF",
        "SECRET-PLANNED",
        "SECRET-HUSHED",
        "SECRET-GONE",
        "SECRET ",
        "review.html",
        "half.html",
        "planned.html",
        "hushed.html",
        "gone.html",
    ):
        assert grep(out, marker) == [], marker


def test_the_build_records_why_each_post_was_withheld(make_site):
    from podium.publish.build import build

    site = make_site(files())
    result = build(site, now=NOW, output=site / "out")
    assert {k: v for k, v in result.ctx.withheld_slugs().items()} == {
        "review": "calendar status is in_review, not approved",
        "half": "waiting for approval by legal",
        "planned": "held by the calendar until 2026-12-02T09:00:00+01:00",
        "hushed": "held by the quiet period 'Board week' until 2026-11-30T00:00:00+01:00",
        "gone": "calendar status is withdrawn, not approved",
    }


def test_the_schedule_files_hold_the_public_posts_only(built):
    _, out = built
    social = room(out) / "data"
    document = json.loads((social / "schedule.json").read_text(encoding="utf-8"))
    assert {s["slug"] for s in document["shares"]} == {"ok", "nocal"}
    assert {s["id"] for s in document["shares"] if s["slug"] == "ok"} == {
        "ok/x/1",
        "ok/x/2",
        "ok/mastodon/1",
        "ok/mastodon/2",
    }
    assert document["shares"][0]["url"].startswith("https://blog.test/")
    events = icalendar.Calendar.from_ical((social / "schedule.ics").read_bytes()).walk("VEVENT")
    confirmed = [e for e in events if str(e.get("status", "")) != "TENTATIVE"]
    assert len(confirmed) == len(document["shares"])  # the others: withheld posts' shares, marked (comms room)
    for name in ("hootsuite.csv", "hootsuite-x.csv", "hootsuite-mastodon.csv"):
        assert (social / name).exists(), name
    assert (room(out) / "calendar.html").exists()
    assert not (out / "social").exists() and grep(out, "schedule") == []


def test_shares_use_the_teasers_when_the_teasers_capability_made_them(built):
    _, out = built
    teasers = json.loads((room(out) / "data" / "teasers.json").read_text(encoding="utf-8"))["teasers"]
    shares = json.loads((room(out) / "data" / "schedule.json").read_text(encoding="utf-8"))["shares"]
    first = next(s for s in shares if s["id"] == "ok/x/1")
    texts = [t["text"] for t in teasers if t["slug"] == "ok" and t["network"] == "x" and "parts" not in t]
    assert first["text"] == texts[0] and first["variant"] == 1
    assert next(s for s in shares if s["id"] == "ok/x/2")["text"] == texts[1 % len(texts)]


def test_without_teasers_shares_fall_back_to_the_title(make_site, run_build):
    site = make_site(files(), settings={"PODIUM_TEASERS_ENABLED": False})
    out = run_build(site, now=NOW, prod=True)
    shares = json.loads((room(out) / "data" / "schedule.json").read_text(encoding="utf-8"))["shares"]
    assert next(s for s in shares if s["id"] == "ok/x/1")["text"] == "Public OK"
    assert next(s for s in shares if s["id"] == "ok/x/2")["text"] == "Sum OK"


def test_the_calendar_page_is_in_the_comms_room_only(built):
    _, out = built
    html = (room(out) / "calendar.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow, noarchive">' in html
    assert (room(out) / "assets" / "calendar.css").exists() and (room(out) / "assets" / "calendar.js").exists()
    assert grep(out, "calendar.html") == [] and grep(out, "calendar.css") == [] and grep(out, "Calendrier social") == []
    assert not list(out.rglob("calendar.*"))


def test_strict_mode_withholds_posts_missing_from_the_calendar(make_site, run_build):
    site = make_site(files(), settings={"PODIUM_CALENDAR_STRICT": True})
    out = run_build(site, now=NOW, prod=True)
    assert grep(out, "MARK-OK") and grep(out, "MARK-NOCAL") == []


def test_a_site_without_a_calendar_builds_and_writes_no_schedule(make_site, run_build):
    site_files = files()
    del site_files["content/calendar.yaml"]
    out = run_build(make_site(site_files), now=NOW)
    assert grep(out, "SECRET-REVIEW"), "no calendar: every dated post goes out"
    assert not (room(out) / "data" / "schedule.json").exists() and not (room(out) / "calendar.html").exists()


def test_a_calendar_with_only_comments_counts_as_none(make_site, run_build):
    out = run_build(make_site(files("# The editorial calendar: nothing yet.\n\n")), now=NOW)
    assert grep(out, "SECRET-REVIEW") and not (room(out) / "data" / "schedule.json").exists()


def test_strict_mode_without_a_calendar_withholds_every_post(make_site, run_build):
    site_files = files()
    del site_files["content/calendar.yaml"]
    out = run_build(make_site(site_files, settings={"PODIUM_CALENDAR_STRICT": True}), now=NOW)
    assert grep(out, "MARK-OK") == [] and grep(out, "MARK-NOCAL") == []


def test_the_calendar_file_is_never_published_even_when_static_paths_would_copy_it(make_site, run_build):
    site = make_site(files(), settings={"STATIC_PATHS": ["images", "calendar.yaml"], "IGNORE_FILES": [".#*"]})
    out = run_build(site, now=NOW)
    assert grep(out, "required_approvals") == [] and not (out / "calendar.yaml").exists()
    assert grep(out, "SECRET-REVIEW") == []


def test_the_calendar_can_live_elsewhere(make_site, run_build):
    site_files = files()
    site_files["content/comms/plan.yaml"] = site_files.pop("content/calendar.yaml")
    out = run_build(
        make_site(
            site_files, settings={"PODIUM_CALENDAR_PATH": "comms/plan.yaml", "IGNORE_FILES": [".#*", "plan.yaml"]}
        ),
        now=NOW,
    )
    assert grep(out, "SECRET-REVIEW") == [] and (room(out) / "data" / "schedule.json").exists()


def build_errors(make_site, calendar: str, **extra) -> tuple[list[str], Path]:
    from podium.publish.build import build

    site = make_site(files(calendar, **extra))
    with pytest.raises(PodiumError) as caught:
        build(site, now=NOW, output=site / "output")
    assert caught.value.exit_status == 2
    found = caught.value.errors if isinstance(caught.value, ManyErrors) else [caught.value]
    return [str(e) for e in found], site


def test_calendar_errors_fail_the_build_with_line_and_column_and_nothing_is_written(make_site):
    broken = CALENDAR.replace("status: in_review", "status: in-review").replace(
        "timezone: Europe/Paris", "timezone: Paris"
    )
    errors, site = build_errors(make_site, broken)
    line = broken.splitlines().index("    status: in-review") + 1
    assert errors == [
        "content/calendar.yaml:2:11: unknown time zone 'Paris'; use an IANA name such as 'Europe/Paris' or 'America/New_York'",
        f"content/calendar.yaml:{line}:13: unknown status 'in-review'; did you mean 'in_review'? "
        "(the statuses are: idea, draft, in_review, approved, published, withdrawn)",
    ]
    assert not (site / "output").exists()


def test_an_entry_for_a_slug_no_post_has(make_site):
    broken = CALENDAR.replace("  gone:\n", "  gnoe:\n")
    errors, site = build_errors(make_site, broken)
    line = broken.splitlines().index("  gnoe:") + 1
    assert errors == [f"content/calendar.yaml:{line}:3: no post has the slug 'gnoe'; did you mean 'gone'?"]
    assert not (site / "output").exists()


def test_an_unreadable_calendar_withholds_everything_while_it_reports(make_site):
    errors, _ = build_errors(make_site, "timezone: Europe/Paris\nposts:\n\tok: {status: published}\n")
    assert errors == [
        "content/calendar.yaml:3:1: a tab is used for indentation; YAML needs spaces: replace the tab with spaces"
    ]


def test_a_calendar_that_is_not_utf8_is_a_path_line_error_and_withholds_everything(make_site):
    from podium.publish.build import build

    site = make_site(
        files(
            **{
                "content/calendar.yaml": "timezone: Europe/Paris\nposts:\n  ok: {status: published}\n"
                "# caf\xe9\n".encode("latin-1")
            }
        )
    )
    with pytest.raises(PodiumError) as caught:
        build(site, now=NOW, output=site / "output")
    found = caught.value.errors if isinstance(caught.value, ManyErrors) else [caught.value]
    assert caught.value.exit_status == 2
    assert [str(e) for e in found] == [
        "content/calendar.yaml:4:6: the calendar is not UTF-8 text (byte 0xe9); save it as UTF-8 in your editor"
    ]
    assert not (site / "output").exists()


def test_the_sample_blog_holds_back_the_post_legal_has_not_approved(sample_build):
    out = sample_build.output
    assert (
        sample_build.ctx.withheld_slugs()["le-bureau-est-un-rendez-vous"]
        == "calendar status is in_review, not approved"
    )
    assert grep(out, "le-bureau-est-un-rendez-vous") == [] and grep(out, "Le bureau n’est plus un lieu") == []
    assert grep(out, "EMBARGO-MARKER-UNAPPROVED-c4d8") == []
    document = json.loads((sample_build.comms / "data" / "schedule.json").read_text(encoding="utf-8"))
    assert document["unplaced"] == []
    upcoming = [s for s in document["shares"] if not s["due"]]
    assert upcoming and all(s["slug"] == "three-questions-for-new-managers" for s in upcoming)
    assert min(s["time"] for s in upcoming) >= "2026-12-21"  # the re-share waits for the board-week quiet period


def test_a_draft_the_calendar_approves_gets_a_message_saying_which_wins(make_site):
    from podium.publish.build import build

    calendar = (
        "timezone: Europe/Paris\nrequired_approvals: [comms]\nposts:\n  rentree:\n    status: approved\n"
        "    approvals:\n      - {role: comms, who: C, when: 2026-11-01 09:00}\n"
    )
    site = make_site(
        {"content/calendar.yaml": calendar, "content/posts/rentree.md": post("Rentrée", slug="rentree", status="draft")}
    )
    result = build(site, now=NOW, output=site / "out")
    assert result.ctx.withheld_slugs() == {"rentree": "draft"}
    assert [str(w) for w in result.warnings] == [
        "content/posts/rentree.md:6: 'status: draft' here, but content/calendar.yaml:4 says 'approved'; the front "
        "matter wins, so the post stays a draft: remove the 'status: draft' line to publish it, or set the calendar "
        "entry back to 'in_review'"
    ]
