"""What the image networks check when they download a picture: format, size in bytes, pixels and shape.

Written from each network's published image specifications, independently of
podium's own image code, so a client test fails when podium sends a picture
the network would refuse.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image

#: a function the fake network uses to download an image: URL -> bytes, or None when nothing is there
Fetch = Callable[[str], "bytes | None"]


@dataclass(frozen=True)
class Spec:
    formats: tuple[str, ...]
    max_bytes: int
    min_width: int = 1
    max_width: int = 100_000
    min_ratio: float = 0.0  # width / height
    max_ratio: float = 1e9


INSTAGRAM = Spec(("JPEG",), 8 * 1024 * 1024, 320, 1440, 4 / 5, 1.91)
THREADS = Spec(("JPEG", "PNG"), 8 * 1024 * 1024, 320, 1440, 1 / 10, 10.0)
PINTEREST = Spec(("JPEG", "PNG"), 20 * 1024 * 1024, 1, 100_000)


def problem(data: bytes | None, spec: Spec) -> str | None:
    """Why the network refuses these bytes ('fetch', 'format', 'size', 'width', 'ratio'), or None."""
    if data is None:
        return "fetch"
    if len(data) > spec.max_bytes:
        return "size"
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind, (width, height) = image.format, image.size
    except Exception:
        return "format"
    if kind not in spec.formats:
        return "format"
    if not spec.min_width <= width <= spec.max_width:
        return "width"
    if not spec.min_ratio - 1e-3 <= width / height <= spec.max_ratio + 1e-3:
        return "ratio"
    return None


def sample(width: int, height: int, fmt: str = "JPEG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 80, 40)).save(out, fmt)
    return out.getvalue()
