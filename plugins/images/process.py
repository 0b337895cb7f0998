"""Turning a post's image into what gets published: upright, stripped of metadata, resized, WebP too.

Bytes in, bytes out (Pillow does the pixels; no files are touched). Every
image leaves here rebuilt from its pixels alone, so EXIF (GPS above all), XMP,
IPTC, comments and text chunks cannot survive; a colour profile is applied to
the pixels (converted to sRGB) rather than carried along.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageSequence

from . import decode as decoding
from .variants import Variant, plan

#: Bump when the output of this module changes for the same input: it is part of the cache key.
VERSION = "1"
_SRGB = ImageCms.createProfile("sRGB")


@dataclass(frozen=True)
class Output:
    """One file to publish, named relative to the original's output path by ``variants``."""

    variant: Variant
    data: bytes


@dataclass(frozen=True)
class Processed:
    width: int
    height: int
    format: str  # Pillow's name of the original's format
    outputs: tuple[Output, ...]  # the stripped original comes first


def to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """Apply an embedded colour profile to the pixels, so dropping it changes no colour."""
    if image.mode == "CMYK" or (icc and image.mode in ("RGB", "RGBA")):
        mode = "RGBA" if image.mode == "RGBA" else "RGB"
        if icc:
            try:
                source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
                return ImageCms.profileToProfile(image, source, _SRGB, outputMode=mode)
            except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
                pass
        return image.convert(mode)
    return image


#: Modes kept as they are; anything else (16-bit, CMYK, Lab...) becomes RGB(A).
_PLAIN_MODES = ("1", "L", "LA", "P", "RGB", "RGBA")


def clean(image: Image.Image) -> Image.Image:
    """Upright pixels in sRGB with no metadata: the base every published file is made from."""
    icc = image.info.get("icc_profile")
    result = to_srgb(decoding.upright(image), icc)
    if result.mode not in _PLAIN_MODES:
        result = result.convert("RGBA" if "A" in result.mode else "RGB")
    return result


def for_web(image: Image.Image) -> Image.Image:
    """RGB or RGBA, keeping transparency: what the WebP and JPEG encoders take."""
    if image.mode in ("RGB", "RGBA"):
        return image
    alpha = image.mode in ("LA", "PA", "RGBA") or "transparency" in image.info
    return image.convert("RGBA" if alpha else "RGB")


def encode(image: Image.Image, fmt: str, quality: int, lossless: bool = False) -> bytes:
    """Encode with fixed options and no metadata, so equal pixels give equal bytes."""
    out = io.BytesIO()
    extra = (
        {"transparency": image.info["transparency"]} if fmt in ("PNG", "GIF") and "transparency" in image.info else {}
    )
    if fmt == "JPEG":
        image = for_web(image)
        if image.mode == "RGBA":
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=quality, optimize=True, progressive=True)
    elif fmt == "WEBP":
        for_web(image).save(out, "WEBP", quality=quality, method=4, lossless=lossless)
    elif fmt == "PNG":
        image.save(out, "PNG", compress_level=9, **extra)
    elif fmt in ("GIF", "TIFF"):
        image.save(out, fmt, **extra)
    else:
        raise ValueError(f"podium does not write {fmt} images")
    return out.getvalue()


def resized(image: Image.Image, width: int, height: int) -> Image.Image:
    if (width, height) == image.size:
        return image
    if image.mode == "P":
        image = image.convert("RGBA")
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def process(data: bytes, widths: tuple[int, ...], quality: int, max_pixels: int) -> Processed:
    """The published files for one post image: the stripped original and its resized variants."""
    image = decoding.decode(data, max_pixels)
    fmt = decoding.kind(image)
    if decoding.animated(image):
        return Processed(*image.size, fmt, (Output(plan(fmt, image.size, ())[0], animated(image)),))
    base = clean(image)
    outputs = []
    lossless = fmt != "JPEG"  # drawings and screenshots stay crisp; photos use lossy WebP
    for variant in plan(fmt, base.size, widths):
        pixels = resized(base, variant.width, variant.height)
        outputs.append(Output(variant, encode(pixels, variant.format, quality, lossless and variant.format == "WEBP")))
    return Processed(base.width, base.height, fmt, tuple(outputs))


def animated(image: Image.Image) -> bytes:
    """An animated GIF/PNG/WebP keeps its frames and timing, and loses its comments and metadata."""
    frames = []
    durations = []
    for frame in ImageSequence.Iterator(image):
        durations.append(frame.info.get("duration", 100))
        copy = frame.copy()
        copy.info = {}
        frames.append(copy)
    out = io.BytesIO()
    first = frames[0]
    first.save(
        out, image.format, save_all=True, append_images=frames[1:], duration=durations, loop=image.info.get("loop", 0)
    )
    return out.getvalue()


def needs_strip(data: bytes, max_pixels: int) -> bool:
    """Whether a file carries metadata, read from its header only; a bad file raises ImageProblem."""
    return has_metadata(decoding.open_image(data, max_pixels, decoding.RASTER + decoding.STRIP_ONLY))


def strip(data: bytes, max_pixels: int, quality: int) -> bytes | None:
    """The same image without metadata, or None when there is nothing to remove."""
    if not needs_strip(data, max_pixels):
        return None
    image = decoding.decode(data, max_pixels, decoding.RASTER + decoding.STRIP_ONLY)
    if decoding.animated(image):
        return animated(image)
    return encode(clean(image), decoding.kind(image), quality)


#: Keys of ``Image.info`` that are pixel-format facts rather than information about the picture.
_HARMLESS = {
    "dpi",
    "jfif",
    "jfif_version",
    "jfif_unit",
    "jfif_density",
    "progressive",
    "progression",
    "transparency",
    "gamma",
    "interlace",
    "loop",
    "duration",
    "background",
    "version",
    "adobe",
    "adobe_transform",
    "aspect",
    "compression",
    "extension",
    "srgb",
    "chromaticity",
    "optimize",
    "default_image",
    "disposal",
    "blend",
    "bbox",
    "mode",
    "lossless",
    "cie",
}


def has_metadata(image: Image.Image) -> bool:
    """Whether anything beyond pixels would be published: EXIF, XMP, comments, text, a colour profile."""
    if set(image.info) - _HARMLESS:
        return True
    try:
        return len(image.getexif()) > 0
    except (ValueError, TypeError, SyntaxError, OSError):
        return True
