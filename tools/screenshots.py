"""Take the README's screenshots (a post, and its teasers in the comms room) from a local build, with Debian's chromium.

Run after `make site`: ``.venv/bin/python tools/screenshots.py``. The pictures
are committed under docs/images/, so the README shows what podium makes
without anyone building it; run this again when the theme changes.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
SHOTS = {  # output file -> (page under the project folder, viewport width, height)
    "post.png": ("output/ce-que-le-vent-nous-apprend.html", 1100, 1300),
    "social-kit.png": ("comms/posts/ce-que-le-vent-nous-apprend.html", 1100, 1300),
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # one line per request is noise here
        pass


def _serve(folder: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(output: Path = ROOT / "output", target: Path = ROOT / "docs" / "images") -> int:
    if not (output / "index.html").exists():
        print(f"{output}: no build here; run `make site` first", file=sys.stderr)
        return 2
    target.mkdir(parents=True, exist_ok=True)
    server = _serve(output.parent)  # the site and the comms room beside it
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as play:
            browser = play.chromium.launch(executable_path=CHROMIUM)
            for name, (page_path, width, height) in SHOTS.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(base + page_path, wait_until="networkidle")
                page.screenshot(path=str(target / name))
                page.close()
                print(f"wrote {target / name}")
            browser.close()
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
