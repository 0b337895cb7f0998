"""Small builders shared by the calendar tests: calendars from YAML text, posts as PostView values."""

from __future__ import annotations

import textwrap
from datetime import datetime
from zoneinfo import ZoneInfo

from podium.plugins.calendar.loader import load
from podium.plugins.post import PostView

PARIS = ZoneInfo("Europe/Paris")
NEW_YORK = ZoneInfo("America/New_York")
PATH = "content/calendar.yaml"


def calendar(text: str, path: str = PATH):
    return load(textwrap.dedent(text).lstrip("\n"), path)


def errors_of(text: str) -> list[str]:
    """Every message the loader gives for ``text`` (it must refuse it)."""
    from podium.plugins.errors import ManyErrors

    try:
        calendar(text)
    except ManyErrors as many:
        return [str(e) for e in many.errors]
    raise AssertionError("the calendar was accepted")


def post(slug: str, when: datetime, title: str | None = None, summary: str = "", lang: str = "fr") -> PostView:
    return PostView(
        slug=slug,
        lang=lang,
        title=title or f"Title of {slug}",
        url=f"https://blog.test/{slug}.html",
        date=when,
        summary=summary or f"Summary of {slug}",
    )


def approved(*slugs: str, extra: str = "") -> str:
    """Entries with every approval of the rules [comms, legal], given on 2026-01-01."""
    out = []
    for slug in slugs:
        out.append(f"""  {slug}:
    status: approved
{extra}    approvals:
      - {{role: comms, who: C, when: 2026-01-01 09:00}}
      - {{role: legal, who: L, when: 2026-01-01 09:00}}
""")
    return "".join(out)
