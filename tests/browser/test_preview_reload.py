"""Real browser: an open page of ``podium serve`` reloads by itself when its post is saved, loading nothing from outside."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from tests.conftest import post
from tests.publish.test_serve import _lines_until

pytestmark = pytest.mark.browser


def test_a_saved_post_reloads_its_open_page_by_itself_through_the_warm_path(make_site, browser):
    site = make_site(
        {
            "content/posts/a.md": post("Premier titre", slug="a", body="Texte public."),
            "content/posts/b.md": post("Autre billet", slug="b", date="2026-01-11 09:00", body="Autre texte."),
        }
    )
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "podium.publish.cli", "serve", "--port", str(port)],
        cwd=site,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _lines_until(proc, "Preview at")
        page = browser.new_page()
        requested: list[str] = []
        page.on("request", lambda r: requested.append(r.url) if r.resource_type == "script" else None)
        page.goto(f"http://127.0.0.1:{port}/a.html")
        page.wait_for_function("() => document.body.textContent.includes('Texte public.')")
        page.evaluate("() => { window.stillThere = true; }")  # a reload forgets it
        (site / "content/posts/a.md").write_text(post("Premier titre", slug="a", body="Texte revu."), encoding="utf-8")
        assert "(that post alone read again)" in _lines_until(proc, "Preview of /a.html")[-1]
        page.wait_for_function("() => document.body.textContent.includes('Texte revu.')", timeout=20_000)
        assert page.evaluate("() => window.stillThere === undefined")
        assert f"http://127.0.0.1:{port}/__podium/reload.js" in requested
        site_itself = (f"http://127.0.0.1:{port}/", "https://blog.test/")  # the test site's SITEURL
        assert all(url.startswith(site_itself) for url in requested)
        page.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
