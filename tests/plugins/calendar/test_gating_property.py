"""Nothing ungated ever appears in any output: every status x approval combination, in real builds and in every export."""

from __future__ import annotations

import itertools
import json
from datetime import datetime, timedelta
from pathlib import Path

import jinja2
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from podium.plugins.calendar import exports, gate, page
from podium.plugins.calendar.model import STATUSES, Approval, Calendar, Entry, NetworkRules, QuietPeriod, Slot, Window
from podium.plugins.calendar.scheduler import schedule
from tests.conftest import REPO
from tests.conftest import post as post_file

from .helpers import PARIS, post

ROLE_SETS = [(), ("comms",), ("legal",), ("comms", "legal")]
COMBOS = list(itertools.product(STATUSES, ROLE_SETS))
NOW = datetime(2026, 11, 28, 12, tzinfo=PARIS)


def marker(status: str, roles: tuple[str, ...]) -> str:
    return f"GATE{status.replace('_', '')}{''.join(r[0] for r in roles) or 'none'}X"


def calendar_text(combos, publish_at: dict | None = None, quiet: str = "") -> str:
    lines = [
        "timezone: Europe/Paris",
        "required_approvals: [comms, legal]",
        "networks:",
        "  x:",
        "    slots: [{days: daily, times: ['00:00-24:00']}]",
        "  mastodon:",
        "    slots: [{days: weekdays, times: ['09:00-17:00']}]",
        "    max_per_day: 2",
        "reshare: {after_days: [7, 30]}",
        quiet,
        "posts:",
    ]
    for status, roles in combos:
        slug = marker(status, roles).lower()
        lines += [f"  {slug}:", f"    status: {status}", "    evergreen: true"]
        if publish_at and slug in publish_at:
            lines.append(f"    publish_at: {publish_at[slug]}")
        lines.append(
            "    approvals: [" + ", ".join(f"{{role: {r}, who: W, when: 2026-10-01 09:00}}" for r in roles) + "]"
        )
    return "\n".join(lines) + "\n"


def site_files(combos, **kw) -> dict[str, str]:
    files = {"content/calendar.yaml": calendar_text(combos, **kw)}
    for index, (status, roles) in enumerate(combos):
        mark = marker(status, roles)
        files[f"content/posts/{mark.lower()}.md"] = post_file(
            f"Title {mark}",
            date=f"2026-10-{1 + index % 28:02d} 08:00",
            slug=mark.lower(),
            summary=f"Summary {mark}",
            tags=[f"tag{mark.lower()}"],
            body=f"Body {mark}.",
        )
    return files


def hits(out: Path, text: str) -> list[str]:
    return [str(p.relative_to(out)) for p in out.rglob("*") if p.is_file() and text.encode() in p.read_bytes()]


def allowed(status: str, roles) -> bool:
    return status in ("approved", "published") and set(roles) == {"comms", "legal"}


def test_every_status_and_approval_combination_in_one_real_build(make_site, run_build):
    out = run_build(make_site(site_files(COMBOS)), now=NOW.isoformat(), prod=True)
    shares = json.loads((out.parent / "comms" / "data" / "schedule.json").read_text(encoding="utf-8"))["shares"]
    for status, roles in COMBOS:
        mark = marker(status, roles)
        found = hits(out, mark) + hits(out, mark.lower())
        if allowed(status, roles):
            assert f"{mark.lower()}.html" in found and mark.lower() in {s["slug"] for s in shares}, mark
            assert sum(s["slug"] == mark.lower() for s in shares) == 6  # 2 networks x (1 + 2 re-shares)
        else:
            assert found == [], (mark, found)


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.sampled_from(COMBOS), min_size=1, max_size=5, unique=True),
    st.lists(st.integers(-30, 30), min_size=5, max_size=5),
    st.booleans(),
)
def test_random_calendars_in_real_builds(make_site, run_build, combos, shifts, with_quiet):
    """Planned times around 'now' and a quiet period over it: only what the gate lets out is anywhere."""
    publish_at = {
        marker(s, r).lower(): (NOW + timedelta(days=d)).strftime("%Y-%m-%d %H:%M") for (s, r), d in zip(combos, shifts)
    }
    quiet = "quiet_periods:\n  - {start: 2026-11-20, end: 2026-12-05, reason: Results}" if with_quiet else ""
    out = run_build(make_site(site_files(combos, publish_at=publish_at, quiet=quiet)), now=NOW.isoformat(), prod=True)
    for (status, roles), days in zip(combos, shifts):
        mark = marker(status, roles)
        planned = NOW + timedelta(days=days)
        in_quiet = with_quiet and datetime(2026, 11, 20, tzinfo=PARIS) <= planned < datetime(2026, 12, 6, tzinfo=PARIS)
        visible = allowed(status, roles) and planned <= NOW and not in_quiet
        assert bool(hits(out, mark)) == visible, (mark, planned)


# --- the pure layer: every export, for any mix of entries ---

TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(REPO / "plugins" / "comms" / "templates")), autoescape=True
)


@st.composite
def worlds(draw):
    count = draw(st.integers(1, 8))
    posts, entries = [], {}
    for index in range(count):
        slug = f"post{index}"
        date = NOW - timedelta(hours=draw(st.integers(-24 * 20, 24 * 60)))
        posts.append(post(slug, date, title=f"TITLE{index}Z", summary=f"SUMMARY{index}Z"))
        if draw(st.booleans()) or index == 0:
            roles = draw(st.sampled_from(ROLE_SETS))
            when = date - timedelta(hours=draw(st.integers(-48, 48)))
            entries[slug] = Entry(
                slug,
                draw(st.sampled_from(STATUSES)),
                evergreen=draw(st.booleans()),
                approvals=tuple(Approval(r, "W", when) for r in roles),
                publish_at=(date + timedelta(hours=draw(st.integers(-48, 48)))) if draw(st.booleans()) else None,
            )
    quiet = ()
    if draw(st.booleans()):
        start = NOW - timedelta(days=draw(st.integers(0, 30)))
        quiet = (QuietPeriod(start, start + timedelta(days=draw(st.integers(1, 30))), "Q", 1),)
    rules = {"x": NetworkRules("x", (Slot(frozenset(range(7)), (Window(datetime.min.time(), datetime.max.time()),)),))}
    cal = Calendar(
        zone=PARIS,
        required_approvals=("comms", "legal"),
        networks=rules,
        quiet_periods=quiet,
        reshare_after_days=(7, 30),
        entries=entries,
    )
    return cal, posts, draw(st.booleans())


@settings(max_examples=60, deadline=None)
@given(worlds())
def test_no_export_mentions_a_post_the_gate_withholds(world):
    cal, posts, strict = world
    shares, unplaced = schedule(posts, cal, NOW, strict=strict)
    rows, _ = exports.hootsuite_rows(shares, NOW - timedelta(days=400))
    html = TEMPLATES.get_template("calendar.html").render(
        view=page.view(shares, unplaced, cal, NOW, "en"), lang="en", SITENAME="S", static="assets"
    )
    outputs = [
        exports.to_json(shares, unplaced, cal, NOW),
        exports.to_ics(shares, cal, NOW).decode(),
        exports.to_hootsuite_csv(rows),
        html,
    ]
    for index, p in enumerate(posts):
        visible = gate.allowed(p.slug, p.date, cal, NOW, strict)
        for text in outputs:
            for token in (f"TITLE{index}Z", f"SUMMARY{index}Z", f"/{p.slug}.html"):
                assert visible or token not in text, (p.slug, token)
    assert {s.slug for s in shares} <= {p.slug for p in posts if gate.allowed(p.slug, p.date, cal, NOW, strict)}
