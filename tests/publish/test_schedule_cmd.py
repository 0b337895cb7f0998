"""podium schedule: the table, json, ics and csv renderings, the date filter and -o."""

from __future__ import annotations

import csv
import io
import json

import icalendar
import pytest

from podium.publish.cli import main
from tests.conftest import post

CALENDAR = """timezone: Europe/Paris
networks:
  x:
    slots: [{days: daily, times: ["09:00-10:00"]}]
  mastodon:
    slots: [{days: daily, times: ["12:00-13:00"]}]
reshare: {after_days: [7, 30]}
posts:
  alpha: {status: published, evergreen: true}
  held: {status: in_review}
"""
NOW = "2026-11-20T12:00+01:00"


@pytest.fixture
def site(make_site):
    return make_site(
        {
            "content/calendar.yaml": CALENDAR,
            "content/posts/alpha.md": post("Alpha", date="2026-11-10 08:00", slug="alpha", summary="Alpha summary"),
            "content/posts/held.md": post("Held back", date="2026-11-10 08:00", slug="held"),
        },
        settings={"PODIUM_TEASERS_ENABLED": False},
    )


def run(site, *args) -> int:
    return main(["schedule", "-C", str(site), "--now", NOW, *args])


def test_the_table_lists_every_share_in_time_order(site, capsys):
    assert run(site) == 0
    assert capsys.readouterr().out.splitlines() == [
        "when              network   #  post                               text",
        "2026-11-10 09:00 x         1  alpha                              Alpha",
        "2026-11-10 12:00 mastodon  1  alpha                              Alpha",
        "2026-11-17 09:00 x         2  alpha                              Alpha summary",
        "2026-11-17 12:00 mastodon  2  alpha                              Alpha summary",
        "2026-12-10 09:00 x         3  alpha                              Alpha",
        "2026-12-10 12:00 mastodon  3  alpha                              Alpha",
    ]


def test_from_and_to_keep_the_days_between_them_included(site, capsys):
    assert run(site, "--from", "2026-11-17", "--to", "2026-11-17", "--format", "json") == 0
    document = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in document["shares"]] == ["alpha/x/2", "alpha/mastodon/2"]
    assert "held" not in json.dumps(document)


def test_ics_and_csv(site, capsys):
    assert run(site, "--format", "ics") == 0
    events = icalendar.Calendar.from_ical(capsys.readouterr().out.encode()).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events][:2] == ["X: Alpha", "Mastodon: Alpha"]
    assert run(site, "--format", "csv") == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows == [
        ["10/12/2026 09:00", "Alpha", "https://blog.test/alpha.html"],
        ["10/12/2026 12:00", "Alpha", "https://blog.test/alpha.html"],
    ]


def test_output_to_a_file(site, tmp_path, capsys):
    target = tmp_path / "plan.csv"
    assert run(site, "--format", "csv", "-o", str(target)) == 0
    assert target.read_text().startswith('"10/12/2026 09:00","Alpha"')
    assert capsys.readouterr().out == ""
    assert not (site / "output").exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--from", "17/11/2026"], "podium: --from: expected a date such as 2027-03-02; received '17/11/2026'"),
        (
            ["--from", "2026-11-20", "--to", "2026-11-01"],
            "podium: --to 2026-11-01 is before --from 2026-11-20; swap them",
        ),
    ],
)
def test_bad_dates(site, capsys, args, message):
    assert run(site, *args) == 2
    assert capsys.readouterr().err.strip() == message
