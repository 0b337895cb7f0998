"""Opening images people hand to podium, safely: format and size are checked before pixels are decoded.

Values in, values out: bytes in, a Pillow image out, or an ``ImageProblem``
whose text completes the sentence "image 'photos/x.jpg' ..."; the glue adds
the post's ``path:line``. Nothing here touches files, so a test can feed any
bytes, truncated or hostile, and expect a sentence rather than a crash.
"""

from __future__ import annotations

import io
import re
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError

from ..i18n import _

#: Formats podium publishes and resizes; the names Pillow uses.
RASTER = ("JPEG", "PNG", "WEBP", "GIF")
#: Formats whose metadata podium still strips when they are published, without resizing them.
STRIP_ONLY = ("TIFF",)
KNOWN = ", ".join(("JPEG", "PNG", "WebP", "GIF"))
#: Orientations (EXIF tag 0x0112) that turn the picture a quarter: width and height swap.
_QUARTER_TURNS = {5, 6, 7, 8}
_ORIENTATION = 0x0112
_BOMB_SIZE = re.compile(r"\((\d+) pixels\)")


class ImageProblem(ValueError):
    """Why an image cannot be used; the text follows "image 'name' "."""


def looks_like_svg(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<?xml", b"<svg", b"<!doctype svg")) and b"<svg" in head


def megapixels(pixels: int) -> str:
    return _("{count:.0f} megapixels", count=pixels / 1_000_000)


def open_image(data: bytes, max_pixels: int, formats: tuple[str, ...] = RASTER) -> Image.Image:
    """Identify ``data`` and check its size from the header only; nothing is decoded yet."""
    if not data:
        raise ImageProblem(_("is empty; export it again from the original"))
    if looks_like_svg(data):
        raise ImageProblem(
            _("is an SVG drawing where a raster image is needed; export it as PNG or use {KNOWN}", KNOWN=KNOWN)
        )
    with warnings.catch_warnings():
        # Podium applies its own limit below; Pillow's warning threshold is lower and only noise here.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=list(formats))
        except Image.DecompressionBombError as exc:
            found = _BOMB_SIZE.search(str(exc))
            size = megapixels(int(found.group(1))) if found else "too many pixels"
            raise ImageProblem(too_large(size, max_pixels)) from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            raise ImageProblem(
                _("is not a {KNOWN} image podium can read; export it again as JPEG or PNG", KNOWN=KNOWN)
            ) from None
    width, height = image.size
    if width * height > max_pixels:
        raise ImageProblem(
            too_large(
                _("{width}×{height} pixels ({size})", width=width, height=height, size=megapixels(width * height)),
                max_pixels,
            )
        )
    return image


def too_large(size: str, max_pixels: int) -> str:
    return _(
        "is {size}, over the limit of {limit}; resize it before publishing (or raise PODIUM_IMAGES_MAX_PIXELS)",
        size=size,
        limit=megapixels(max_pixels),
    )


def decode(data: bytes, max_pixels: int, formats: tuple[str, ...] = RASTER) -> Image.Image:
    """Open and fully decode ``data``; a truncated or corrupt file becomes an ImageProblem."""
    image = open_image(data, max_pixels, formats)
    try:
        image.load()
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageProblem(_("is truncated or corrupt ({exc}); export it again from the original", exc=exc)) from None
    return image


def kind(image: Image.Image) -> str:
    """The format podium publishes the image as: a phone's multi-picture JPEG (MPO) is a JPEG."""
    return "JPEG" if image.format == "MPO" else (image.format or "PNG")


def animated(image: Image.Image) -> bool:
    """Several frames to keep; the extra pictures of an MPO (depth maps, previews) are dropped instead."""
    return bool(getattr(image, "is_animated", False)) and kind(image) != "JPEG"


def orientation(image: Image.Image) -> int:
    try:
        return int(image.getexif().get(_ORIENTATION, 1))
    except (ValueError, TypeError, SyntaxError, OSError):
        return 1


def shown_size(image: Image.Image) -> tuple[int, int]:
    """Width and height as a viewer shows the image, once its EXIF orientation is applied."""
    width, height = image.size
    return (height, width) if orientation(image) in _QUARTER_TURNS else (width, height)


def upright(image: Image.Image) -> Image.Image:
    """The pixels turned as the camera meant, with no metadata left attached.

    Orientation is applied before anything else, because once the EXIF block is
    gone nothing could tell a viewer that the photo was taken sideways.
    """
    try:
        # exif_transpose keeps a parsed copy of the EXIF block on its result: copy the pixels away from it
        turned = ImageOps.exif_transpose(image).copy()
    except (ValueError, TypeError, SyntaxError, OSError):
        turned = image.copy()
    # Transparency is part of the pixels of a palette image, not information about the picture.
    turned.info = {"transparency": image.info["transparency"]} if "transparency" in image.info else {}
    return turned
