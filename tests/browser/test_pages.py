"""Real browser: Debian's chromium shows the home page, a post, the 404, older listing parts and the archives without console errors,
and axe-core finds no WCAG 2.1 A/AA violation on them, in the light and the dark colour scheme."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLE_NOW

pytestmark = pytest.mark.browser

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = {
    "home": "/",
    "article": "/ce-que-le-vent-nous-apprend.html",
    "missing": "/no/such/page.html",
    "older part": "/page/1.html",  # the home's oldest posts (PODIUM_LISTING_SIZE below)
    "author part": "/author/claire-morel/page/1.html",
    "archives": "/archives.html",
    "year": "/archives/2026.html",
}


class SiteHandler(SimpleHTTPRequestHandler):
    """A static host as deployed: unknown paths get the site's own 404.html with status 404."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    """The sample blog built for production, at the address of a local http.server.

    Production pages link with absolute URLs; building with the local server's
    address lets the browser follow every one of them without any network.
    """
    from podium.publish.build import build

    root = tmp_path_factory.mktemp("browser") / "output"
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SiteHandler, directory=str(root)))
    url = f"http://127.0.0.1:{server.server_address[1]}"
    # three posts a page, so that the sample blog's home and author page have older parts to check
    build(REPO, prod=True, now=SAMPLE_NOW, output=root, overrides={"SITEURL": url, "PODIUM_LISTING_SIZE": 3})
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url
    server.shutdown()
    server.server_close()


def visit(browser, url: str, scheme: str):
    """Open a page; return it with the console errors, page errors and failed requests seen on the way."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    page.on(
        "response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 and r.url != url else None
    )
    response = page.goto(url, wait_until="networkidle")
    return context, page, response, problems


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_renders_cleanly_and_passes_axe(browser, site_url, name, scheme):
    from axe_playwright_python.sync_playwright import Axe

    url = site_url + PAGES[name]
    context, page, response, problems = visit(browser, url, scheme)
    try:
        assert response.status == (404 if name == "missing" else 200)
        # the main document's own 404 is the point of that page, not a problem in it
        problems = [p for p in problems if not (name == "missing" and "status of 404" in p)]
        assert problems == []
        assert page.evaluate("getComputedStyle(document.body).fontFamily") != ""
        assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]})
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()


def test_the_404_page_is_the_sites_own(browser, site_url):
    context, page, response, _ = visit(browser, site_url + PAGES["missing"], "light")
    try:
        assert page.locator("h1").inner_text() == "Page introuvable"
        assert page.evaluate("document.styleSheets.length") >= 1
        assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).borderBottomStyle") == "solid"
    finally:
        context.close()


def test_skip_link_appears_on_keyboard_focus(browser, site_url):
    context, page, _, _ = visit(browser, site_url + PAGES["article"], "light")
    try:
        skip = page.locator("a.skip-link")
        assert skip.bounding_box()["y"] < 0  # out of sight until needed
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip-link"
        assert skip.bounding_box()["y"] >= 0
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    finally:
        context.close()
