"""The comms room's inbox and "what worked" in Debian's chromium, opened from disk with JavaScript off: readable, axe clean."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from podium.plugins.conversations.model import Snapshot
from podium.publish.build import build
from tests.conftest import SAMPLE_NOW, post
from tests.plugins.conversations.factory import LEADER, T0, reply, thread, write_store


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    from tests.conftest import _write_site

    site = _write_site(
        tmp_path_factory.mktemp("room"),
        {
            "content/posts/rentree.md": post("La rentrée", slug="rentree"),
            "content/moderation.yaml": "approved:\n  - mastodon:1\n",
        },
        None,
    )
    snaps = (
        Snapshot(T0, 0, 0, 1, 0),
        Snapshot(T0 + timedelta(hours=3), 2, 1, 6, 0),
        Snapshot(T0 + timedelta(days=1), 4, 2, 11, 1),
    )
    base = thread(
        reply(1, "Très bon billet."),
        reply(2, "Merci !", parent=1, author="Test Author", author_id=LEADER),
        reply(3, "Une question <script>alert(1)</script> sans réponse"),
    )
    write_store(site, "rentree", replace(base, reactions=snaps))
    return build(site, now=SAMPLE_NOW, output=site / "output", comms=True).comms


@pytest.mark.browser
@pytest.mark.parametrize("name", ["inbox", "worked"])
def test_conversation_pages_open_from_disk_without_javascript_and_pass_axe(browser, room, name):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto((room / "conversations" / f"{name}.html").as_uri(), wait_until="load")
        assert page.locator("nav.room-nav a[aria-current=page]").count() == 1
        if name == "inbox":
            assert "Une question" in page.locator("#unanswered ~ ol").inner_text()
            assert page.locator("main script").count() == 0
        else:
            box = page.locator("figure svg").bounding_box()
            assert box and box["width"] > 300 and box["height"] > 100  # drawn without any script
            assert page.locator("figure svg polyline").count() == 4
            assert page.locator("table tbody tr").count() == 3
            assert page.locator("table caption").inner_text().startswith("Réactions à")
        assert all(url.startswith("file://") for url in requested), requested
        context.set_default_timeout(30000)
        # axe needs script: it runs in its own context, the page's own script stays off
        checked = browser.new_context(java_script_enabled=True)
        try:
            again = checked.new_page()
            again.goto((room / "conversations" / f"{name}.html").as_uri(), wait_until="load")
            results = Axe().run(again)
            assert results.violations_count == 0, results.generate_report()
        finally:
            checked.close()
    finally:
        context.close()
