"""Where each part of a card goes, for each layout: pure geometry and colour, no drawing.

Keeping the geometry apart from Pillow lets tests ask "where is the title box?"
and check that the rendered pixels outside it are plain background.
Sizes follow Open Graph / X ``summary_large_image`` / LinkedIn: 1200 × 630;
text keeps at least 48 px from every edge, where networks may crop or round corners.
"""

from __future__ import annotations

from dataclasses import dataclass

WIDTH, HEIGHT = 1200, 630
LAYOUTS = ("classic", "split")

TITLE_SIZES = tuple(range(76, 34, -4))  # 76, 72, ... 36
NAME_SIZES = (32, 30, 28, 26, 24)
ROLE_SIZES = (26, 24, 22, 20)
SITE_SIZES = (26, 24, 22, 20)


@dataclass(frozen=True)
class Box:
    left: int
    top: int
    right: int
    bottom: int

    @property
    def width(self) -> int:
        return self.right - self.left

    @property
    def height(self) -> int:
        return self.bottom - self.top


@dataclass(frozen=True)
class Colours:
    background: str
    foreground: str
    accent: str

    @property
    def muted(self) -> str:
        """Secondary text: the foreground two thirds of the way from the background."""
        return mix(self.foreground, self.background, 0.3)


@dataclass(frozen=True)
class Text:
    """A text slot: its box, the sizes to try, its font weight, colour and alignment."""

    box: Box
    sizes: tuple[int, ...]
    bold: bool
    colour: str
    align: str = "left"  # or "right"
    max_lines: int | None = None
    valign: str = "top"  # or "middle"


@dataclass(frozen=True)
class Plan:
    background: str
    fills: tuple[tuple[Box, str], ...]
    title: Text
    name: Text
    role: Text
    site: Text
    portrait: Box | None
    portrait_round: bool
    logo: Box | None


def mix(one: str, other: str, share: float) -> str:
    """``share`` of ``other`` blended into ``one``, both '#rrggbb'."""
    a = [int(one[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b))


def plan(layout: str, colours: Colours, has_portrait: bool, has_logo: bool) -> Plan:
    if layout == "classic":
        return classic(colours, has_portrait, has_logo)
    if layout == "split":
        return split(colours, has_portrait, has_logo)
    raise ValueError(f"unknown card layout {layout!r}; expected one of: {', '.join(LAYOUTS)}")


def classic(colours: Colours, has_portrait: bool, has_logo: bool) -> Plan:
    """An accent bar on the left, a large title, the leader in the footer, the site on the right."""
    left, right = 88, WIDTH - 88
    top = 144 if has_logo else 72
    text_left = left + 120 if has_portrait else left
    footer = 470
    return Plan(
        background=colours.background,
        fills=(
            (Box(0, 0, 16, HEIGHT), colours.accent),
            (Box(left, footer - 28, left + 96, footer - 22), colours.accent),
        ),
        title=Text(Box(left, top, right, footer - 56), TITLE_SIZES, True, colours.foreground),
        name=Text(Box(text_left, footer, 760, footer + 44), NAME_SIZES, True, colours.foreground, max_lines=1),
        role=Text(Box(text_left, footer + 52, 760, footer + 90), ROLE_SIZES, False, colours.muted, max_lines=1),
        site=Text(Box(784, footer + 52, right, footer + 90), SITE_SIZES, False, colours.accent, "right", 1),
        portrait=Box(left, footer, left + 96, footer + 96) if has_portrait else None,
        portrait_round=True,
        logo=Box(right - 240, 64, right, 120) if has_logo else None,
    )


def split(colours: Colours, has_portrait: bool, has_logo: bool) -> Plan:
    """Title on the left two thirds; the portrait (or an accent panel) fills the right third."""
    left, right = 72, 704
    panel = Box(760, 0, WIDTH, HEIGHT)
    return Plan(
        background=colours.background,
        fills=((panel, colours.accent), (Box(left, 104, left + 80, 112), colours.accent)),
        site=Text(Box(left, 48, right, 84), SITE_SIZES, True, colours.muted, max_lines=1),
        title=Text(Box(left, 136, right, 456), TITLE_SIZES, True, colours.foreground, valign="middle"),
        name=Text(Box(left, 492, right, 536), NAME_SIZES, True, colours.foreground, max_lines=1),
        role=Text(Box(left, 544, right, 582), ROLE_SIZES, False, colours.muted, max_lines=1),
        portrait=panel if has_portrait else None,
        portrait_round=False,
        logo=(
            Box(panel.left + 60, 505, panel.right - 60, 570)
            if has_portrait
            else Box(panel.left + 60, 255, panel.right - 60, 375)
        )
        if has_logo
        else None,
    )


def tall(colours: Colours, has_portrait: bool, has_logo: bool, width: int, height: int) -> Plan:
    """A portrait card (Instagram's 4:5, Pinterest's 2:3): site at the top, a large title, the leader below.

    Margins grow with the width and keep text clear of the rounded corners and
    the overlays (like and save buttons) the apps draw near the edges.
    """
    margin = round(width * 0.08)
    left, right = margin, width - margin
    footer = height - margin - 128
    text_left = left + 152 if has_portrait else left
    return Plan(
        background=colours.background,
        fills=(
            (Box(0, 0, width, 16), colours.accent),
            (Box(left, footer - 40, left + 120, footer - 32), colours.accent),
        ),
        site=Text(
            Box(left, 72, right - (272 if has_logo else 0), 120),
            (34, 32, 30, 28, 26),
            True,
            colours.accent,
            max_lines=1,
        ),
        title=Text(
            Box(left, 168, right, footer - 88), tuple(range(104, 46, -4)), True, colours.foreground, valign="middle"
        ),
        name=Text(
            Box(text_left, footer + 10, right, footer + 62),
            (44, 42, 40, 38, 36, 34, 32),
            True,
            colours.foreground,
            max_lines=1,
        ),
        role=Text(
            Box(text_left, footer + 70, right, footer + 116), (34, 32, 30, 28, 26), False, colours.muted, max_lines=1
        ),
        portrait=Box(left, footer, left + 128, footer + 128) if has_portrait else None,
        portrait_round=True,
        logo=Box(right - 240, 64, right, 128) if has_logo else None,
    )


def focal_box(
    size: tuple[int, int], focus: tuple[float, float], target: tuple[int, int] = (WIDTH, HEIGHT)
) -> tuple[int, int, int, int]:
    """The largest region of an image with the target's shape, as centred on ``focus`` as the edges allow.

    ``focus`` is (x, y) from 0 to 1, (0.5, 0.5) being the middle; the region is
    then scaled to the target, so a photo becomes a card without distortion.
    """
    width, height = size
    scale = max(target[0] / width, target[1] / height)
    crop_w = min(width, round(target[0] / scale))
    crop_h = min(height, round(target[1] / scale))
    left = round(focus[0] * width - crop_w / 2)
    top = round(focus[1] * height - crop_h / 2)
    left = min(max(0, left), width - crop_w)
    top = min(max(0, top), height - crop_h)
    return left, top, left + crop_w, top + crop_h
