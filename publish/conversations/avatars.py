"""Fetching reply authors' avatars once, into the store, so the blog never hot-links another host.

Each avatar URL is downloaded at most once (the file is named after its
URL), with a size cap read while streaming, no redirects and a short
timeout; what comes back goes through ``plugins.conversations.avatars``.
One that is refused (too big, an SVG, not an image) leaves the reply with
no avatar, which the page draws without one.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import httpx

from podium.plugins.conversations import avatars as shape
from podium.plugins.conversations.files import AVATARS
from podium.plugins.files import write_atomic

#: new downloads per run at most: a thread of ten thousand strangers does not stall the run
MAX_NEW = 200


def _allowed(url: str) -> bool:
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError):
        return False
    loopback = parsed.host in ("127.0.0.1", "localhost", "::1")
    return parsed.scheme == "https" or (parsed.scheme == "http" and loopback)


class Avatars:
    """``cache(thread)`` -> the thread with each author's avatar URL replaced by a cached file name, or ""."""

    def __init__(self, folder: Path, transport: httpx.BaseTransport | None = None, timeout: float = 10.0):
        self.folder = folder / AVATARS
        self._http = httpx.Client(transport=transport, timeout=timeout, follow_redirects=False)
        self.downloads = 0
        self.refused: dict[str, str] = {}  # url -> why

    def close(self) -> None:
        self._http.close()

    def __call__(self, thread):
        replies = tuple(replace(r, author=replace(r.author, avatar=self.name(r.author.avatar))) for r in thread.replies)
        return replace(thread, replies=replies)

    def name(self, url: str) -> str:
        if not url or not url.startswith(("https://", "http://")):
            return url if shape_name(url) else ""
        name = shape.name_for(url)
        if (self.folder / name).exists():
            return name
        if url in self.refused or self.downloads >= MAX_NEW or not _allowed(url):
            return ""
        self.downloads += 1
        try:
            data = self._download(url)
            write_atomic(self.folder / name, shape.square(data))
        except (httpx.HTTPError, ValueError, OSError) as exc:
            self.refused[url] = str(exc)
            return ""
        return name

    def _download(self, url: str) -> bytes:
        with self._http.stream("GET", url) as response:
            if response.status_code != 200:
                raise ValueError(f"HTTP {response.status_code}")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > shape.MAX_BYTES:
                    raise ValueError("over the size limit")
                chunks.append(chunk)
        return b"".join(chunks)


def shape_name(value: str) -> bool:
    from podium.plugins.conversations.files import AVATAR_NAME

    return bool(AVATAR_NAME.match(value or ""))
