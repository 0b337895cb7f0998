"""The generated cards of one build drawn from what they share: every layer but the title composed once.

All the generated cards of a build differ only in their title: background,
bars, portrait, logo, the leader's name and role and the site are the same.
Drawing those once and each title on a copy gives the pixels that drawing
each card whole gives (the title's box touches no other part).

A card of flat colours and text (no portrait, no logo) is composed straight
in palette form: each text colour has a ramp of levels from the background,
and the text's coverage picks the level. That is the 256-colour PNG podium
writes for such cards without the colour quantising pass that cost more than
drawing the card (``python bench/card_formats.py`` compares the two).
"""

from __future__ import annotations

import io
from dataclasses import replace

from PIL import Image, ImageColor, ImageDraw

from . import design, renderer

#: what the text's boxes keep clear of the bars, so that no glyph lands on one (palette cards)
CLEARANCE = 8


class Cards:
    """Generated cards' bytes for one build's faces and pictures; the shared layers are made once per card kind."""

    def __init__(self, faces: renderer.Faces, pictures: renderer.Pictures):
        self.faces = faces
        self.pictures = pictures
        self._made: dict[tuple, _Rgb | _Palette] = {}

    def encode(self, card: renderer.Card, fmt: str, flat: bool) -> bytes:
        """The card as ``renderer.encode`` would write it (``flat``: no picture on it)."""
        shared = replace(card, title="")
        found = self._made.get((shared, fmt, flat))
        if found is None:
            found = self._made[(shared, fmt, flat)] = self._composer(shared, fmt, flat)
        return found.encode(card.title)

    def _composer(self, shared: renderer.Card, fmt: str, flat: bool) -> _Rgb | _Palette:
        if fmt == "png" and flat:
            palette = _Palette.make(shared, self.faces)
            if palette is not None:
                return palette
        return _Rgb(shared, self.faces, self.pictures, fmt, flat)


class _Rgb:
    """Every layer but the title in one RGB image; a copy of it per card."""

    def __init__(self, shared: renderer.Card, faces: renderer.Faces, pictures: renderer.Pictures, fmt: str, flat: bool):
        self.base, self.plan = renderer.layers(shared, faces, pictures)
        self.face, self.fmt, self.flat = faces.bold, fmt, flat

    def encode(self, title: str) -> bytes:
        canvas = self.base.copy()
        renderer.draw_text(canvas, self.plan.title, title, self.face)
        return renderer.encode(canvas, self.fmt, flat=self.flat)


class _Palette:
    """A flat card as palette indices: the background is 0, each bar and each text colour has its own entries."""

    def __init__(self, plan: design.Plan, shape: tuple[int, int], face: renderer.PillowFace):
        self.plan, self.face = plan, face
        background = ImageColor.getrgb(plan.background)
        colours = [background]
        for _, colour in plan.fills:
            if ImageColor.getrgb(colour) not in colours:
                colours.append(ImageColor.getrgb(colour))
        inks = list(dict.fromkeys(ImageColor.getrgb(slot.colour) for slot in _slots(plan)))
        self.levels = (256 - len(colours)) // len(inks)
        self.ramps: dict[tuple[int, int, int], list[int]] = {}
        for ink in inks:
            first = len(colours)
            colours += [_blend(background, ink, j / self.levels) for j in range(1, self.levels + 1)]
            # coverage a (0 to 255) takes level round(a * levels / 255); too faint for level 1 is background
            levels = [round(a * self.levels / 255) for a in range(256)]
            self.ramps[ink] = [first + level - 1 if level else 0 for level in levels]
        self.palette = [channel for colour in colours for channel in colour]
        self.base = Image.new("L", shape, 0)
        pen = ImageDraw.Draw(self.base)
        for box, colour in plan.fills:
            pen.rectangle(
                (box.left, box.top, box.right - 1, box.bottom - 1), fill=colours.index(ImageColor.getrgb(colour))
            )

    @classmethod
    def make(cls, shared: renderer.Card, faces: renderer.Faces) -> _Palette | None:
        """The palette composer, or None when a text box comes near a bar (its text would be over a colour)."""
        plan, shape = renderer.card_plan(shared, renderer.Pictures(), None)
        if any(_near(slot.box, box) for slot in _slots(plan) for box, _ in plan.fills):
            return None
        made = cls(plan, shape, faces.bold)
        for slot, text, face in (
            (plan.name, shared.name, faces.bold),
            (plan.role, shared.role, faces.regular),
            (plan.site, shared.site, faces.regular if shared.layout == "classic" else faces.bold),
        ):
            if text.strip():
                made.stamp(made.base, slot, text, face)
        return made

    def stamp(self, canvas: Image.Image, slot: design.Text, text: str, face: renderer.PillowFace) -> None:
        """Draw ``text``'s coverage, then put each covered pixel's level of the slot's colour into ``canvas``."""
        coverage = Image.new("L", canvas.size, 0)
        renderer.draw_text(coverage, slot, text, face, fill=255)
        inked = coverage.getbbox()
        if inked is None:
            return
        coverage = coverage.crop(inked)  # the mapping below then runs on the ink only
        ramp = self.ramps[ImageColor.getrgb(slot.colour)]
        canvas.paste(coverage.point(ramp), inked[:2], coverage.point([255 if i else 0 for i in ramp]))

    def encode(self, title: str) -> bytes:
        canvas = self.base.copy()
        self.stamp(canvas, self.plan.title, title, self.face)
        canvas.putpalette(self.palette)  # the indices become a palette image, pixels untouched
        out = io.BytesIO()
        canvas.save(out, "PNG", compress_level=3)  # level 6: a fifth smaller, twice the time
        return out.getvalue()


def _slots(plan: design.Plan) -> tuple[design.Text, ...]:
    return plan.title, plan.name, plan.role, plan.site


def _near(one: design.Box, other: design.Box) -> bool:
    return not (
        one.right + CLEARANCE <= other.left
        or other.right + CLEARANCE <= one.left
        or one.bottom + CLEARANCE <= other.top
        or other.bottom + CLEARANCE <= one.top
    )


def _blend(under: tuple[int, int, int], ink: tuple[int, int, int], share: float) -> tuple[int, int, int]:
    return tuple(round(u + (i - u) * share) for u, i in zip(under, ink))
