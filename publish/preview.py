"""The preview server of ``podium serve``: the preview folder, plus what makes an open page reload by itself.

Preview pages (and only they: the theme adds the tag when PODIUM_PREVIEW is
on) load ``/__podium/reload.js`` from this server, a few lines that ask
``/__podium/version?page=<path>`` ten times a second and reload the page when
the answer changes. The answer is the page file's modification time: builds
keep the time of every file whose bytes did not change, so a page reloads
when, and only when, its own file was rewritten. Nothing comes from outside
the site, and no other file of the preview mentions these addresses.

``/comms/`` serves the comms room of the preview build (its own folder, beside
the preview's): the room's pages only link to each other relatively, so they
work there as from ``file://``.
"""

from __future__ import annotations

import os
from http.server import SimpleHTTPRequestHandler
from urllib.parse import parse_qs, unquote, urlsplit

PREFIX = "/__podium/"
RELOAD_JS = b"""(function () {
  var page = location.pathname, seen = null;
  function poll() {
    fetch("/__podium/version?page=" + encodeURIComponent(page), {cache: "no-store"})
      .then(function (r) { return r.text(); })
      .then(function (v) {
        if (seen === null) { seen = v; } else if (v !== seen) { location.reload(); return; }
        setTimeout(poll, 100);
      })
      .catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
"""


def page_file(root: str, page: str) -> str | None:
    """The file under ``root`` that serves URL path ``page`` (``/`` and ``/x/`` are index.html), or None outside."""
    rel = unquote(page).split("?", 1)[0].lstrip("/")
    if rel == "" or rel.endswith("/"):
        rel += "index.html"
    path = os.path.realpath(os.path.join(root, rel))
    return path if path.startswith(os.path.realpath(root) + os.sep) else None


def version(root: str, page: str) -> str:
    path = page_file(root, page)
    try:
        return str(os.stat(path).st_mtime_ns) if path else "none"
    except OSError:
        return "none"


COMMS = "/comms/"


class PreviewHandler(SimpleHTTPRequestHandler):
    """Files of the preview folder (``directory``), the comms room at /comms/ (``comms``), and the two reload addresses."""

    def __init__(self, *args, comms: str | None = None, **kwargs):
        self.comms = comms  # set before the base class handles the request
        super().__init__(*args, **kwargs)

    def translate_path(self, path: str) -> str:
        """/comms/... comes from the comms room's folder (a sibling of the preview, never inside it)."""
        where = urlsplit(path).path
        if self.comms and (where == COMMS.rstrip("/") or where.startswith(COMMS)):
            site, self.directory = self.directory, self.comms
            try:
                return super().translate_path("/" + path[len(COMMS) :] if where.startswith(COMMS) else "/")
            finally:
                self.directory = site
        return super().translate_path(path)

    def do_GET(self) -> None:  # noqa: N802 (the http.server name)
        url = urlsplit(self.path)
        if url.path == PREFIX + "reload.js":
            self._send(RELOAD_JS, "text/javascript; charset=utf-8")
        elif url.path == PREFIX + "version":
            page = parse_qs(url.query).get("page", ["/"])[0]
            self._send(version(self.directory, page).encode(), "text/plain; charset=utf-8")
        else:
            super().do_GET()

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        pass  # ten polls a second per open page would drown the build messages
