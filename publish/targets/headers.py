"""Content-Type and Cache-Control for each file a bucket serves (pure).

A fixed table rather than the mimetypes module: that one reads the machine's
/etc/mime.types, so two CI runners could label the same file differently.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_UTF8 = "; charset=utf-8"

TYPES = {
    ".html": "text/html" + _UTF8,
    ".htm": "text/html" + _UTF8,
    ".css": "text/css" + _UTF8,
    ".js": "text/javascript" + _UTF8,
    ".mjs": "text/javascript" + _UTF8,
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".xml": "application/xml",
    ".txt": "text/plain" + _UTF8,
    ".csv": "text/csv" + _UTF8,
    ".ics": "text/calendar" + _UTF8,
    ".md": "text/markdown" + _UTF8,
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/vnd.microsoft.icon",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".pdf": "application/pdf",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".mp3": "audio/mpeg",
}

#: Feeds are XML files whose name says which kind (Pelican writes all.atom.xml, all.rss.xml).
_FEEDS = (
    (".atom.xml", "application/atom+xml"),
    (".rss.xml", "application/rss+xml"),
    ("/atom.xml", "application/atom+xml"),
    ("/rss.xml", "application/rss+xml"),
)

#: Pages must show a correction at once; feeds a little later; assets rarely change;
#: a file whose name carries its hash never changes at all.
CACHE = {
    "page": "public, max-age=0, must-revalidate",
    "document": "public, max-age=900",
    "asset": "public, max-age=86400",
    "fingerprinted": "public, max-age=31536000, immutable",
}

_DOCUMENTS = (".xml", ".ics", ".json", ".txt", ".webmanifest", ".csv", ".md")
_FINGERPRINT = re.compile(r"[.-][0-9a-f]{8,}\.[a-z0-9]+$")


def extension(path: str) -> str:
    name = path.rsplit("/", 1)[-1].lower()
    return "." + name.rsplit(".", 1)[-1] if "." in name else ""


def content_type(path: str) -> str:
    lower = "/" + path.lower()
    for suffix, kind in _FEEDS:
        if lower.endswith(suffix):
            return kind
    return TYPES.get(extension(path), "application/octet-stream")


def cache_kind(path: str) -> str:
    ext = extension(path)
    if ext in (".html", ".htm"):
        return "page"
    if ext in _DOCUMENTS:
        return "document"
    if _FINGERPRINT.search(path.lower()):
        return "fingerprinted"
    return "asset"


def cache_control(path: str, overrides: Mapping[str, str] | None = None) -> str:
    """The site owner may override by extension (``{".css": "public, max-age=600"}``)."""
    if overrides and extension(path) in overrides:
        return overrides[extension(path)]
    return CACHE[cache_kind(path)]
