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
VERSION = "3"
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
        # Fitting measures the same line prefixes again and again (each size, each balancing step).
        self._widths: dict[tuple[str, int], int] = {}

    @lru_cache(maxsize=64)
    def font(self, size: int) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(io.BytesIO(self.data), size, layout_engine=ImageFont.Layout.BASIC)

    def width(self, text: str, size: int) -> int:
        found = self._widths.get((text, size))
        if found is None:
            if len(self._widths) > 50_000:  # a long build: forget earlier titles rather than grow
                self._widths.clear()
            left, _, right, _ = self.font(size).getbbox(text, anchor="ls")
            found = self._widths[(text, size)] = right - min(0, left)
        return found

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


def draw_text(canvas: Image.Image, slot: design.Text, text: str, face: PillowFace, fill=None) -> layout.Fit:
    """Fit ``text`` in ``slot`` and draw it (in the slot's colour, or ``fill``); the returned Fit says what was drawn."""
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
        pen.text((x, baseline), line, font=font, fill=slot.colour if fill is None else fill, anchor="ls")
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


class Pictures:
    """The leader's portrait and the logo, scaled for each layout once and reused for every card."""

    def __init__(self, portrait: Image.Image | None = None, logo: Image.Image | None = None):
        self.portrait = portrait
        self.logo = logo
        self._made: dict[tuple, tuple[Image.Image, Image.Image | None]] = {}

    def portrait_for(self, box: design.Box, round_: bool) -> tuple[Image.Image, Image.Image | None]:
        made = (box, round_)
        if made not in self._made:
            picture = cover(self.portrait.convert("RGB"), box)
            self._made[made] = (picture, round_mask(picture.size) if round_ else None)
        return self._made[made]

    def logo_for(self, box: design.Box) -> Image.Image:
        """The logo scaled to fit inside ``box`` (never past it), keeping its transparency."""
        made = ("logo", box)
        if made not in self._made:
            logo = ImageOps.contain(self.logo.convert("RGBA"), (box.width, box.height), Image.Resampling.LANCZOS)
            self._made[made] = (logo, None)
        return self._made[made][0]


def render(
    card: Card, faces: Faces, pictures: Pictures | None = None, shape: tuple[int, int] | None = None
) -> Image.Image:
    """The card as an RGB image: 1200 × 630, or a portrait card of ``shape`` (width, height)."""
    canvas, plan = layers(card, faces, pictures, shape)
    draw_text(canvas, plan.title, card.title, faces.bold)
    return canvas


def card_plan(card: Card, pictures: Pictures, shape: tuple[int, int] | None) -> tuple[design.Plan, tuple[int, int]]:
    has = (pictures.portrait is not None, pictures.logo is not None)
    if shape is None:
        return design.plan(card.layout, card.colours, *has), (design.WIDTH, design.HEIGHT)
    return design.tall(card.colours, *has, *shape), shape


def layers(
    card: Card, faces: Faces, pictures: Pictures | None = None, shape: tuple[int, int] | None = None
) -> tuple[Image.Image, design.Plan]:
    """Everything but the title, which is all that differs between the cards of one build (compose.py)."""
    pictures = pictures or Pictures()
    plan, shape = card_plan(card, pictures, shape)
    canvas = Image.new("RGB", shape, ImageColor.getrgb(plan.background))
    pen = ImageDraw.Draw(canvas)
    for box, colour in plan.fills:
        pen.rectangle((box.left, box.top, box.right - 1, box.bottom - 1), fill=colour)
    if plan.portrait is not None:
        picture, mask = pictures.portrait_for(plan.portrait, plan.portrait_round)
        canvas.paste(picture, (plan.portrait.left, plan.portrait.top), mask)
    if plan.logo is not None:
        logo = pictures.logo_for(plan.logo)
        right_aligned = card.layout == "classic" or shape != (design.WIDTH, design.HEIGHT)
        left = plan.logo.right - logo.width if right_aligned else plan.logo.left + (plan.logo.width - logo.width) // 2
        canvas.paste(logo, (left, plan.logo.top + (plan.logo.height - logo.height) // 2), logo)
    for slot, text, face in (
        (plan.name, card.name, faces.bold),
        (plan.role, card.role, faces.regular),
        (plan.site, card.site, faces.regular if card.layout == "classic" else faces.bold),
    ):
        if text.strip():
            draw_text(canvas, slot, text, face)
    return canvas, plan


def from_photo(
    photo: Image.Image, focus: tuple[float, float], shape: tuple[int, int] = (design.WIDTH, design.HEIGHT)
) -> Image.Image:
    """A post's own ``card_image``, cropped around its focal point to the card's (or a format's) shape and size."""
    box = design.Box(0, 0, *shape)
    return cover(photo.convert("RGB"), box, focus)


def encode(image: Image.Image, fmt: str, flat: bool = False, max_bytes: int = MAX_BYTES) -> bytes:
    """PNG or JPEG with fixed options (same pixels, same bytes), under ``max_bytes`` (1 MB) whenever possible.

    ``flat``: the card is flat colours and text only (no portrait, no logo). Such a
    PNG is written with a 256-colour palette: as fast, a third of the bytes and
    no visible change (about 52 dB PSNR; ``python bench/card_formats.py``), where
    a photo would show bands.
    """
    if fmt == "png" and flat:
        return _save(
            image.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE), "PNG", compress_level=6
        )
    if fmt == "png":
        data = _save(image, "PNG", compress_level=3)
        if len(data) < max_bytes:
            return data
        # A photo-heavy card: 256 well-chosen colours keep it sharp and small.
        return _save(
            image.quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE), "PNG", compress_level=3
        )
    for quality in (90, 80, 70, 60, 50):
        data = _save(image, "JPEG", quality=quality, optimize=True, subsampling=0 if quality >= 80 else 2)
        if len(data) < max_bytes:
            return data
    return data


def _save(image: Image.Image, fmt: str, **options) -> bytes:
    out = io.BytesIO()
    try:
        image.save(out, fmt, **options)
    except OSError:
        if not options.pop("optimize", False):
            raise
        # libjpeg cannot optimise a very busy picture into memory ("suspension not allowed"): plain coding then
        out = io.BytesIO()
        image.save(out, fmt, **options)
    return out.getvalue()
