"""The picture each image network shows: its shape, size and byte limit, and how a post's image becomes one.

Pure: values and decoded images in, images and problems out. The formats
follow each network's published image specification (README, "The image
networks"):

- Instagram feed: JPEG, at most 8 MB, 320 to 1440 pixels wide, width/height
  from 4:5 to 1.91:1; a 4:5 portrait (1080 × 1350) uses the feed best.
- Pinterest: the 2:3 portrait it recommends (1000 × 1500), JPEG, at most 20 MB.
- Facebook and Threads: the site's 1200 × 630 card (Facebook shows it from
  the page's Open Graph tags; Threads takes JPEG or PNG, 320 to 1440 wide).

Every format is sRGB (a colour profile is applied to the pixels, then
dropped) and carries alt text.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image

from ..i18n import _
from . import design, renderer

MIB = 1024 * 1024


@dataclass(frozen=True)
class Format:
    network: str
    label: str
    width: int
    height: int
    max_bytes: int
    min_width: int  # the network refuses a narrower picture: a card_image must give at least this many pixels
    ratio: str

    @property
    def shape(self) -> tuple[int, int]:
        return self.width, self.height


FORMATS: dict[str, Format] = {
    "instagram": Format("instagram", "Instagram", 1080, 1350, 8 * MIB, 320, "4:5"),
    "pinterest": Format("pinterest", "Pinterest", 1000, 1500, 20 * MIB, 1, "2:3"),  # no documented minimum
}
#: networks that show the ordinary 1200 × 630 card
CARD_NETWORKS = ("facebook", "threads")
#: networks that download their picture from the deployed site when a share is sent
FETCHED = ("instagram", "pinterest", "threads")


def too_small(size: tuple[int, int], focus: tuple[float, float], fmt: Format) -> str | None:
    """Why a card_image of ``size`` cannot make this format (the kept region is too narrow), or None."""
    box = design.focal_box(size, focus, fmt.shape)
    kept = box[2] - box[0]
    if kept >= fmt.min_width:
        return None
    return _(
        "is {width}×{height}: the {ratio} part kept for {network} is {kept} pixels wide, under "
        "{network}'s minimum of {minimum}; use a larger image (at least {best_width}×{best_height} "
        "for a sharp {network} picture)",
        width=size[0],
        height=size[1],
        ratio=fmt.ratio,
        network=fmt.label,
        kept=kept,
        minimum=fmt.min_width,
        best_width=fmt.width,
        best_height=fmt.height,
    )


def from_photo(photo: Image.Image, focus: tuple[float, float], fmt: Format) -> Image.Image:
    """The post's own image, cropped around its focal point to the format's shape, then scaled to its size."""
    return renderer.from_photo(photo, focus, fmt.shape)


def generated(card: renderer.Card, faces: renderer.Faces, pictures: renderer.Pictures, fmt: Format) -> Image.Image:
    return renderer.render(card, faces, pictures, shape=fmt.shape)


def encode(image: Image.Image, fmt: Format) -> bytes:
    """JPEG under the format's byte limit; ValueError when even the lowest quality is too heavy."""
    data = renderer.encode(image.convert("RGB"), "jpeg", max_bytes=fmt.max_bytes)
    if len(data) >= fmt.max_bytes:
        raise ValueError(f"the {fmt.label} image is {len(data)} bytes, over {fmt.label}'s {fmt.max_bytes}")
    return data
