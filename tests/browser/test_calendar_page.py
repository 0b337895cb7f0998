"""The private social calendar page in Debian's chromium: it shows the month and the list, and axe finds nothing."""

from __future__ import annotations

import pytest

from tests.browser.conftest import serve
from tests.conftest import post

pytestmark = pytest.mark.browser

CALENDAR = """timezone: Europe/Paris
networks:
  x:
    slots: [{days: daily, times: ["09:00-18:00"]}]
    min_gap: 2h
  linkedin:
    slots: [{days: [tue, wed], times: ["08:00-09:00"]}]
  mastodon:
    slots: [{days: weekdays, times: ["12:00-14:00"]}]
  bluesky: {}
quiet_periods:
  - {start: 2026-11-16, end: 2026-11-18, reason: Board week}
reshare: {after_days: [7]}
posts:
  alpha: {status: published, evergreen: true}
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A real build with the calendar, served over HTTP on localhost."""
    from podium.publish.build import build
    from tests.conftest import _write_site

    root = tmp_path_factory.mktemp("calsite")
    _write_site(
        root,
        {
            "content/calendar.yaml": CALENDAR,
            "content/posts/alpha.md": post("Alpha & co", date="2026-11-10 08:00", slug="alpha", body="Alpha body."),
            "content/posts/beta.md": post("Bêta", date="2026-11-13 10:00", slug="beta", body="Beta body."),
        },
        None,
    )
    room = build(root, now="2026-11-28T12:00+01:00", output=root / "output", comms=root / "comms").comms
    with serve(room) as base:
        yield f"{base}/calendar.html"


@pytest.fixture
def page(browser, served):
    context = browser.new_context()
    tab = context.new_page()
    tab.requests_seen = []
    tab.on("request", lambda request: tab.requests_seen.append(request.url))
    tab.goto(served)
    yield tab
    context.close()


def test_axe_finds_no_violation(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_month_view_list_quiet_band_and_unplaced_are_shown(page):
    assert page.locator("table.month caption").all_inner_texts() == ["Novembre 2026"]
    nov10 = page.locator('td[data-date="2026-11-10"] li.share')
    assert nov10.count() >= 2 and "Alpha & co" in nov10.first.inner_text()
    band = page.locator('td[data-date="2026-11-17"] .band')
    assert band.is_visible() and band.inner_text() == "Silence\u00a0: Board week"  # a French site: French words
    assert page.locator('td[data-date="2026-11-17"] li.share').count() == 0
    unplaced = page.locator("#unplaced li")
    assert unplaced.count() == 3 and "no posting slots for bluesky" in unplaced.first.inner_text()
    rows = page.locator("#list tbody tr")
    assert rows.count() == page.locator("table.month li.share").count() == 9  # alpha: 3 networks x 2, beta: 3


def test_network_colours_differ_and_keep_their_text_readable(page):
    colours = {}
    for network in ("x", "linkedin", "mastodon"):
        badge = page.locator(f"#list .badge.net-{network}").first
        colours[network] = badge.evaluate("e => getComputedStyle(e).backgroundColor")
        assert badge.inner_text() in ("X", "LinkedIn", "Mastodon")
    assert len(set(colours.values())) == 3


def test_the_network_filter_hides_and_shows_shares(page):
    x_rows = page.locator('#list tr[data-network="x"]')
    assert x_rows.first.is_visible()
    page.get_by_label("X", exact=True).uncheck()
    assert x_rows.count() > 0 and all(not x_rows.nth(i).is_visible() for i in range(x_rows.count()))
    assert page.locator('#list tr[data-network="linkedin"]').first.is_visible()
    page.get_by_label("X", exact=True).check()
    assert x_rows.first.is_visible()


def test_the_page_is_private_and_loads_nothing_from_elsewhere(page, served):
    assert page.locator('meta[name="robots"]').get_attribute("content") == "noindex, nofollow, noarchive"
    origin = served.rsplit("/", 1)[0]
    assert page.requests_seen and all(url.startswith(origin) for url in page.requests_seen)
