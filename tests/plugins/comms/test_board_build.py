"""The pipeline board in a real build: every withheld post is on it, in the right column, with the build's reason."""

from __future__ import annotations

import pytest
from lxml import html

from podium.publish.build import build
from tests.conftest import post

NOW = "2027-02-10T12:00+01:00"
APPROVED = """    approvals:
      - {role: comms, who: Claire, when: 2027-01-12 10:00}
      - {role: legal, who: Paul, when: 2027-01-13 10:00}
"""
CALENDAR = f"""timezone: Europe/Paris
required_approvals: [comms, legal]
networks:
  x:
    slots: [{{days: daily, times: ["09:00-18:00"]}}]
quiet_periods:
  - {{start: 2027-02-01, end: 2027-02-15 09:00, reason: Annual results}}
posts:
  someday: {{status: idea, owner: Claire}}
  review:
    status: in_review
    owner: Paul
  half:
    status: approved
    owner: Claire
    approvals:
      - {{role: comms, who: Claire, when: 2027-01-12 10:00}}
  hushed:
    status: approved
{APPROVED}  future:
    status: approved
{APPROVED}  live:
    status: published
{APPROVED}"""
FILES = {
    "content/calendar.yaml": CALENDAR,
    "content/posts/draft.md": post("SECRET draft", date="2027-01-20 09:00", slug="draft", status="draft"),
    "content/posts/review.md": post("SECRET review", date="2027-01-20 09:00", slug="review"),
    "content/posts/half.md": post("SECRET half", date="2027-01-20 09:00", slug="half"),
    "content/posts/hushed.md": post("SECRET hushed", date="2027-02-03 09:00", slug="hushed"),
    "content/posts/future.md": post("SECRET future", date="2027-06-01 09:00", slug="future"),
    "content/posts/live.md": post("Public live", date="2027-01-20 09:00", slug="live"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from tests.conftest import _write_site

    root = _write_site(tmp_path_factory.mktemp("board"), FILES, None)
    return build(root, prod=True, now=NOW, output=root / "output", comms=True)


def cards(built) -> dict:
    page = html.fromstring((built.comms / "index.html").read_bytes())
    found = {}
    for column in page.xpath("//section[contains(@class, 'column')]"):
        for card in column.xpath(".//li[@class='card']"):
            found[card.get("data-slug")] = {
                "column": column.get("id"),
                "title": card.xpath(".//h3")[0].text_content().strip(),
                "blocks": [li.text_content() for li in card.xpath(".//dd[@class='blocks']//li")],
                "owner": card.xpath(".//dd")[0].text_content(),
            }
    return found


def test_the_board_is_the_rooms_index_and_lists_every_withheld_kind_with_its_reason(built):
    assert set(built.ctx.withheld_slugs()) == {"draft", "review", "half", "hushed", "future"}
    found = cards(built)
    assert {slug: (c["column"], c["blocks"]) for slug, c in found.items()} == {
        "someday": ("stage-idea", ["une idée dans le calendrier"]),
        "draft": ("stage-draft", ["un brouillon\u00a0: son fichier indique status: draft"]),
        "review": ("stage-in_review", ["en attente de comms et legal"]),
        "half": ("stage-approved", ["approuvé par comms le 12 janvier; legal n’a pas approuvé"]),
        "hushed": (
            "stage-scheduled",
            ["retenu par la période de silence «\u202fAnnual results\u202f» jusqu’au 15 février 09:00"],
        ),
        "future": ("stage-scheduled", ["daté du 1er juin"]),
        "live": ("stage-published", []),
    }
    assert (found["review"]["title"], found["review"]["owner"]) == ("SECRET review", "Paul")


def test_the_board_never_reaches_the_site(built):
    for path in (p for p in built.output.rglob("*") if p.is_file()):
        data = path.read_bytes()
        assert b'data-podium-room="comms"' not in data and b"SECRET" not in data, path


def test_the_calendar_and_the_ics_show_the_withheld_posts_shares_marked_and_the_exports_hold_only_approved_ones(built):
    import json

    import icalendar

    assert {s.slug for s in built.ctx.schedule[0]} == {"live"}  # what the publish pipeline posts from
    page = html.fromstring((built.comms / "calendar.html").read_bytes())
    rows = {row.get("id"): row for row in page.xpath("//section[@id='list']//tbody/tr")}
    waiting = {rid.split("-x-")[0] for rid, row in rows.items() if "tentative" in row.get("class")}
    assert waiting == {"review", "half", "hushed", "future"}  # draft: its file says draft; an idea has no post
    assert rows["live-x-1"].xpath("td")[-1].text_content() == "envoyé ou échu"
    assert rows["half-x-1"].xpath("td")[-1].text_content() == "pas encore approuvé"
    assert rows["half-x-1"].xpath("td//time/@datetime") == ["2027-02-15T09:00+01:00"]  # after the quiet period
    assert len(page.xpath("//table[@class='month']//li[contains(@class, 'tentative')]")) == 4
    events = icalendar.Calendar.from_ical((built.comms / "data" / "schedule.ics").read_bytes()).walk("VEVENT")
    marked = {str(e["summary"]): str(e.get("status", "")) for e in events}
    assert marked == {
        "X: Public live": "",
        "[non approuvé] X: SECRET review": "TENTATIVE",
        "[non approuvé] X: SECRET half": "TENTATIVE",
        "[non approuvé] X: SECRET hushed": "TENTATIVE",
        "[non approuvé] X: SECRET future": "TENTATIVE",
    }
    data = built.comms / "data"
    assert b"SECRET" not in (data / "hootsuite.csv").read_bytes() + (data / "hootsuite-x.csv").read_bytes()
    assert [s["slug"] for s in json.loads((data / "schedule.json").read_text())["shares"]] == ["live"]
