"""An article with photos in Debian's chromium: every image loads, WebP is chosen, nothing shifts, axe is clean."""

from __future__ import annotations

import functools
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from podium.publish.build import build
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.conftest import SAMPLE_NOW, post
from tests.plugins.images.helpers import phone_jpeg, png_with_metadata

TEXT = "\n\n".join(
    ["Un paragraphe assez long pour pousser les images plus bas dans la page, comme dans un vrai billet de blog. " * 4]
    * 6
)

#: Sums Chromium's layout-shift entries (the Cumulative Layout Shift metric) from the first paint on.
SHIFT_OBSERVER = """
window.__shift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) { if (!entry.hadRecentInput) window.__shift += entry.value; }
}).observe({type: 'layout-shift', buffered: true});
"""


class _Slow(SimpleHTTPRequestHandler):
    """Images arrive after the text has been laid out, as on a real network: any missing size would shift the page."""

    def do_GET(self):
        if self.path.startswith("/images/"):
            time.sleep(0.4)
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture
def served(make_site):
    """A production build served on 127.0.0.1, its SITEURL set to that address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Slow, directory="."))
    siteurl = f"http://127.0.0.1:{server.server_address[1]}"
    site = make_site(
        {
            "content/posts/visite.md": post(
                "Visite à la centrale",
                slug="visite",
                body="\n\n".join(
                    [
                        "![Des panneaux solaires au matin]({static}/images/centrale.jpg)",
                        TEXT,
                        "![Schéma du raccordement au réseau]({static}/images/schema.png)",
                        TEXT,
                    ]
                ),
            ),
            "content/images/centrale.jpg": phone_jpeg(2400, 1200),
            "content/images/schema.png": png_with_metadata(1600, 800),
        }
    )
    out = build(site, prod=True, now=SAMPLE_NOW, output=site / "output", overrides={"SITEURL": siteurl}).output
    server.RequestHandlerClass = functools.partial(_Slow, directory=str(out))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield siteurl
    server.shutdown()
    server.server_close()


@pytest.mark.browser
def test_article_images_load_as_webp_without_layout_shift_and_axe_finds_nothing(served):
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 800, "height": 700})
            page.add_init_script(SHIFT_OBSERVER)
            page.goto(f"{served}/visite.html", wait_until="load")
            images = page.locator(".post-body img")
            assert images.count() == 2
            for index in range(images.count()):
                images.nth(index).scroll_into_view_if_needed()
            page.wait_for_function(
                "Array.from(document.querySelectorAll('.post-body img')).every(i => i.complete && i.naturalWidth > 0)",
                timeout=15_000,
            )
            loaded = page.evaluate(
                "Array.from(document.querySelectorAll('.post-body img'))"
                ".map(i => ({src: i.currentSrc, lazy: i.loading, w: i.naturalWidth, h: i.naturalHeight}))"
            )
            assert [image["lazy"] for image in loaded] == ["auto", "lazy"]
            for image in loaded:
                assert image["src"].startswith(served + "/images/") and image["src"].endswith(".webp"), image
                assert image["w"] == 2 * image["h"]  # upright, and the variant matches its width and height
            assert page.evaluate("window.__shift") < 0.01
            card = page.request.get(f"{served}/cards/fr/visite.png")
            assert card.status == 200 and card.headers["content-type"] == "image/png"
            results = Axe().run(page)
            assert results.violations_count == 0, results.generate_report()
        finally:
            browser.close()
