"""Reply authors' avatars made safe to publish: bytes in, a small square WebP without metadata out.

Through podium's image pipeline (images.decode / images.process): the size
is read from the header before any pixel is decoded, so a 20,000×20,000 PNG
is refused without filling the memory; an SVG (which can carry script) is
refused outright; what is kept is rebuilt from its pixels alone.
"""

from __future__ import annotations

import hashlib

from PIL import Image

from ..i18n import _
from ..images import decode as decoding
from ..images.process import clean, encode, for_web

SIZE = 96  # drawn at 48 CSS pixels: sharp on a 2x screen
#: the largest avatar accepted (pixels); real ones are 400×400 or so
MAX_PIXELS = 4_000_000
#: the largest download accepted
MAX_BYTES = 2 * 1024 * 1024
QUALITY = 80


def name_for(url: str) -> str:
    """The cached file's name: a hash of where it came from, so one avatar is fetched once."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:32] + ".webp"


def square(data: bytes) -> bytes:
    """The published avatar; ImageProblem (a ValueError) for anything podium will not publish."""
    if len(data) > MAX_BYTES:
        raise decoding.ImageProblem(_("is over {size} MB", size=MAX_BYTES // (1024 * 1024)))
    image = decoding.decode(data, MAX_PIXELS)
    if decoding.animated(image):
        image.seek(0)
    base = for_web(clean(image))
    side = min(base.size)
    left, top = (base.width - side) // 2, (base.height - side) // 2
    cropped = base.crop((left, top, left + side, top + side))
    small = cropped.resize((SIZE, SIZE), Image.Resampling.LANCZOS) if side != SIZE else cropped
    return encode(small, "WEBP", QUALITY)
