"""Which files one post image becomes, and what they are called: pure planning, no pixels.

``photos/x.jpg`` 3000 px wide, widths (480, 960, 1600) gives
``x-480w.webp x-480w.jpg x-960w.webp x-960w.jpg x-1600w.webp x-1600w.jpg x-3000w.webp``
plus ``x.jpg`` itself, stripped. A width at or above the original's is skipped:
podium never upscales. WebP originals need no fallback; GIFs (often animated)
keep only their original.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif", "TIFF": ".tif"}
MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif", "TIFF": "image/tiff"}
RESIZED = ("JPEG", "PNG", "WEBP")


@dataclass(frozen=True)
class Variant:
    format: str
    width: int
    height: int
    #: '' for the original (it keeps its own name), else e.g. '-480w.webp'
    suffix: str = ""

    @property
    def original(self) -> bool:
        return not self.suffix

    def name(self, original: str) -> str:
        """This variant's path or URL path, from the original's."""
        if self.original:
            return original
        stem, _ = posixpath.splitext(original)
        return stem + self.suffix


def plan(fmt: str, size: tuple[int, int], widths: tuple[int, ...]) -> list[Variant]:
    """The original first, then each (WebP, fallback) pair from the smallest width up."""
    width, height = size
    found = [Variant(fmt, width, height)]
    if fmt not in RESIZED:
        return found
    for target in sorted({w for w in widths if 0 < w < width}):
        scaled = max(1, round(height * target / width))
        found.append(Variant("WEBP", target, scaled, f"-{target}w.webp"))
        if fmt != "WEBP":
            found.append(Variant(fmt, target, scaled, f"-{target}w{EXTENSIONS[fmt]}"))
    if fmt != "WEBP":
        found.append(Variant("WEBP", width, height, f"-{width}w.webp"))
    return found


def url_of(original_url: str, variant: Variant) -> str:
    """A variant sits beside its original, so its URL is the original's with another file name."""
    parts = urlsplit(original_url)
    return urlunsplit(parts._replace(path=variant.name(parts.path)))


def srcset(original_url: str, variants: list[Variant], fmt: str) -> str:
    chosen = [v for v in variants if v.format == fmt]
    chosen.sort(key=lambda v: v.width)
    # A space or comma would end the URL inside srcset: percent-encode them.
    return ", ".join(f"{url_of(original_url, v).replace(' ', '%20').replace(',', '%2C')} {v.width}w" for v in chosen)
