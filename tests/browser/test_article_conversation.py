"""An article with its moderated conversation in Debian's chromium: avatars from the site itself, no script, axe clean."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from PIL import Image

from podium.plugins.conversations.avatars import name_for, square
from podium.publish.build import build
from tests.browser.conftest import serve
from tests.conftest import SAMPLE_NOW, post
from tests.plugins.conversations.factory import LEADER, reply, thread, write_store

HOSTILE = (
    '<p>Regardez <a href="javascript:alert(1)">ici</a><img src="https://tracker.example/p.gif" '
    'onerror="alert(2)"><script>alert(3)</script> \u202eevil\u202c</p>'
)


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("conversation")
    from tests.conftest import _write_site

    site = _write_site(
        root,
        {
            "content/posts/rentree.md": post(
                "La rentrée", slug="rentree", body="Un billet sur la rentrée.\n\nDeux paragraphes."
            ),
            "content/moderation.yaml": "approved:\n  - mastodon:1\n  - mastodon:3\n",
        },
        None,
    )
    pixels = io.BytesIO()
    Image.new("RGB", (300, 300), "#2f6b2f").save(pixels, "PNG")
    avatar = name_for("https://files.example/ada.png")
    (site / "content/.podium/conversations/avatars").mkdir(parents=True)
    (site / "content/.podium/conversations/avatars" / avatar).write_bytes(square(pixels.getvalue()))
    ada = reply(1, "Très bon billet, merci.", author="Ada Lovelace", handle="@ada@other.example")
    write_store(
        site,
        "rentree",
        thread(
            replace(ada, author=replace(ada.author, avatar=avatar)),
            reply(2, "Merci Ada !", parent=1, author="Test Author", author_id=LEADER),
            reply(3, HOSTILE, author="Mallory"),
            reply(4, "Pas encore approuvé"),
        ),
    )
    out = build(site, now=SAMPLE_NOW, output=site / "output", overrides={"SITEURL": ""}).output
    with serve(out) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_article_with_replies_loads_only_from_the_site_runs_no_script_and_passes_axe(browser, site_url, scheme):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(color_scheme=scheme, java_script_enabled=True)
    page = context.new_page()
    requested, dialogs = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(f"{site_url}/rentree.html", wait_until="load")
        replies = page.locator(".conversation .h-cite")
        assert replies.count() == 3
        assert replies.nth(0).locator(".p-name").inner_text() == "Ada Lovelace"
        assert replies.nth(1).get_attribute("class").endswith("reply-depth-1")
        assert "Pas encore approuvé" not in page.content()
        # the theme's only script element is JSON-LD data; nothing runnable, none in the conversation
        assert page.evaluate("document.querySelectorAll('script:not([type=\"application/ld+json\"])').length") == 0
        assert (
            page.evaluate(
                "document.querySelectorAll('.conversation script, .conversation img:not(.reply-avatar)').length"
            )
            == 0
        )
        # avatars load lazily: bring the first into view and let it load before measuring it
        page.locator(".reply-avatar").first.scroll_into_view_if_needed()
        page.wait_for_function("document.querySelector('.reply-avatar').complete", timeout=15000)
        assert page.evaluate("document.querySelector('.reply-avatar').naturalWidth") == 96
        assert page.locator(".reply-text a").count() == 0  # the javascript: link is left as its words
        assert "\u202e" not in page.locator(".conversation").inner_text()
        assert all(url.startswith(site_url) for url in requested), requested
        assert dialogs == []
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()
