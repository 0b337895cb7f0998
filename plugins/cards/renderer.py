"""Drawing a card with Pillow from plain values: text, colours, font bytes, optional pictures.

No file is read here: fonts and pictures arrive as bytes or decoded images, and
the card leaves as bytes. Text is shaped with Pillow's basic layout engine, not
libraqm, so the same inputs give the same pixels on any machine with the same
Pillow, whichever optional libraries it was built with.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageColor, ImageDraw, ImageFont, ImageOps

from . import design, layout

#: Part of every card's cache key: bump it when this module or design.py draws differently.
VERSION = "1"
MAX_BYTES = 1_000_000
LINE_SPACING = 1.16


@dataclass(frozen=True)
class Card:
    """Everything a generated card shows."""

    title: str
    name: str
    role: str
    site: str
    layout: str
    colours: design.Colours


@dataclass(frozen=True)
class Fonts:
    bold: bytes
    regular: bytes


class PillowFace:
    """``layout.Face`` backed by a font file's bytes: measures the ink Pillow will draw."""

    def __init__(self, data: bytes):
        self.data = data

    @lru_cache(maxsize=64)
    def font(self, size: int) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(io.BytesIO(self.data), size, layout_engine=ImageFont.Layout.BASIC)

    def width(self, text: str, size: int) -> int:
        left, _, right, _ = self.font(size).getbbox(text, anchor="ls")
        return right - min(0, left)

    def line_height(self, size: int) -> int:
        return round(size * LINE_SPACING)

    def ink_height(self, size: int) -> int:
        ascent, descent = self.font(size).getmetrics()
        return ascent + descent


class Faces:
    """The bold and regular faces of one font set, made once per build."""

    def __init__(self, fonts: Fonts):
        self.bold = PillowFace(fonts.bold)
        self.regular = PillowFace(fonts.regular)


def draw_text(canvas: Image.Image, slot: design.Text, text: str, face: PillowFace) -> layout.Fit:
    """Fit ``text`` in ``slot`` and draw it; the returned Fit says what was drawn."""
    fit = layout.fit(text, face, slot.box.width, slot.box.height, slot.sizes, balanced=slot.max_lines != 1)
    if slot.max_lines is not None and len(fit.lines) > slot.max_lines:
        fit = layout.Fit(fit.size, (layout.with_ellipsis(fit.lines[0], face, fit.size, slot.box.width),), True)
    font = face.font(fit.size)
    ascent, _ = font.getmetrics()
    used = layout.block_height(face, fit.size, len(fit.lines))
    top = slot.box.top + ((slot.box.height - used) // 2 if slot.valign == "middle" else 0)
    pen = ImageDraw.Draw(canvas)
    for index, line in enumerate(fit.lines):
        left, _, right, _ = font.getbbox(line, anchor="ls")
        x = slot.box.right - right if slot.align == "right" else slot.box.left - min(0, left)
        baseline = top + index * face.line_height(fit.size) + ascent
        pen.text((x, baseline), line, font=font, fill=slot.colour, anchor="ls")
    return fit


def cover(image: Image.Image, box: design.Box, focus: tuple[float, float] = (0.5, 0.4)) -> Image.Image:
    """``image`` cropped around ``focus`` and scaled to fill ``box`` exactly."""
    crop = design.focal_box(image.size, focus, (box.width, box.height))
    return image.crop(crop).resize((box.width, box.height), Image.Resampling.LANCZOS)


def round_mask(size: tuple[int, int]) -> Image.Image:
    """A smooth-edged disc, drawn four times larger then reduced."""
    big = Image.new("L", (size[0] * 4, size[1] * 4), 0)
    ImageDraw.Draw(big).ellipse((0, 0, big.width - 1, big.height - 1), fill=255)
    return big.resize(size, Image.Resampling.LANCZOS)


def paste_portrait(canvas: Image.Image, portrait: Image.Image, box: design.Box, round_: bool) -> None:
    picture = cover(portrait.convert("RGB"), box)
    canvas.paste(picture, (box.left, box.top), round_mask(picture.size) if round_ else None)


def paste_logo(canvas: Image.Image, logo: Image.Image, box: design.Box, align: str) -> None:
    """The logo scaled to fit inside ``box`` (never enlarged past it), keeping its transparency."""
    logo = logo.convert("RGBA")
    logo = ImageOps.contain(logo, (box.width, box.height), Image.Resampling.LANCZOS)
    x = box.right - logo.width if align == "right" else box.left + (box.width - logo.width) // 2
    y = box.top + (box.height - logo.height) // 2
    canvas.paste(logo, (x, y), logo)


def render(card: Card, faces: Faces, portrait: Image.Image | None = None, logo: Image.Image | None = None) -> Image.Image:
    """The card as an RGB image, 1200 × 630."""
    plan = design.plan(card.layout, card.colours, portrait is not None, logo is not None)
    canvas = Image.new("RGB", (design.WIDTH, design.HEIGHT), ImageColor.getrgb(plan.background))
    pen = ImageDraw.Draw(canvas)
    for box, colour in plan.fills:
        pen.rectangle((box.left, box.top, box.right - 1, box.bottom - 1), fill=colour)
    if portrait is not None and plan.portrait is not None:
        paste_portrait(canvas, portrait, plan.portrait, plan.portrait_round)
    if logo is not None and plan.logo is not None:
        paste_logo(canvas, logo, plan.logo, "right" if card.layout == "classic" else "center")
    draw_text(canvas, plan.title, card.title, faces.bold)
    for slot, text, face in ((plan.name, card.name, faces.bold), (plan.role, card.role, faces.regular),
                             (plan.site, card.site, faces.regular if card.layout == "classic" else faces.bold)):
        if text.strip():
            draw_text(canvas, slot, text, face)
    return canvas


def from_photo(photo: Image.Image, focus: tuple[float, float]) -> Image.Image:
    """A post's own ``card_image``, cropped around its focal point to the card's shape and size."""
    box = design.Box(0, 0, design.WIDTH, design.HEIGHT)
    return cover(photo.convert("RGB"), box, focus)


def encode(image: Image.Image, fmt: str) -> bytes:
    """PNG or JPEG with fixed options (same pixels, same bytes), always under 1 MB."""
    if fmt == "png":
        data = _save(image, "PNG", compress_level=9)
        if len(data) < MAX_BYTES:
            return data
        # A photo-heavy card: 256 well-chosen colours keep it sharp and small.
        return _save(image.quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE), "PNG", compress_level=9)
    for quality in (90, 80, 70, 60, 50):
        data = _save(image, "JPEG", quality=quality, optimize=True, subsampling=0 if quality >= 80 else 2)
        if len(data) < MAX_BYTES:
            return data
    return data


def _save(image: Image.Image, fmt: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()
