"""Local stand-in for webmention.io's JF2 API, as its README documents it.

- ``GET /api/mentions.jf2`` with ``token`` (required here: a wrong one ->
  401 ``{"error": "forbidden"}``), ``domain`` or ``target``, ``per-page``
  (default 20) and ``page`` (from 0).
- Answers ``{"type": "feed", "name": "Webmentions", "children": [...]}``,
  newest first; each child is a JF2 entry: ``type``, ``author`` (a card:
  name, photo, url), ``url``, ``published``, ``wm-received``, ``wm-id``,
  ``wm-source``, ``wm-target``, ``wm-property`` (in-reply-to, like-of,
  repost-of, mention-of, bookmark-of), ``wm-private``, ``content`` {html, text}
  for replies and mentions.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from .server import ContractServer, Reply, Request

PATH = "/api/mentions.jf2"


class WebmentionIO(ContractServer):
    def __init__(self, token: str = "wm-token-0123456789abcdef", **kwargs):
        super().__init__(**kwargs)
        self.token = token
        self.entries: list[dict] = []
        self._next = 1000

    def add(
        self,
        target: str,
        prop: str = "in-reply-to",
        text: str = "Nice post",
        name: str = "Ada",
        private: bool = False,
        html: str | None = None,
    ) -> int:
        self._next += 1
        entry = {
            "type": "entry",
            "author": {
                "type": "card",
                "name": name,
                "photo": f"https://img.example/{name}.png",
                "url": f"https://{name.lower()}.example/",
            },
            "url": f"https://{name.lower()}.example/notes/{self._next}",
            "published": f"2027-03-02T10:{self._next % 60:02d}:00+01:00",
            "wm-received": "2027-03-02T10:30:00Z",
            "wm-id": self._next,
            "wm-source": f"https://{name.lower()}.example/notes/{self._next}",
            "wm-target": target,
            "wm-property": prop,
            "wm-private": private,
            prop: target,
        }
        if prop in ("in-reply-to", "mention-of"):
            entry["content"] = {"text": text, **({"html": html} if html is not None else {})}
        self.entries.insert(0, entry)  # newest first
        return self._next

    def handle(self, request: Request) -> Reply:
        if request.path != PATH or request.method != "GET":
            return Reply(404, {"error": "not_found"})
        if request.query.get("token") != self.token:
            return Reply(401, {"error": "forbidden", "error_description": "The token provided is not valid"})
        per_page, page = int(request.query.get("per-page", 20)), int(request.query.get("page", 0))
        domain, target = request.query.get("domain"), request.query.get("target")
        chosen = [
            e
            for e in self.entries
            if (target and e["wm-target"] == target) or (domain and urlsplit(e["wm-target"]).netloc == domain)
        ]
        return Reply(
            200, {"type": "feed", "name": "Webmentions", "children": chosen[page * per_page : (page + 1) * per_page]}
        )
