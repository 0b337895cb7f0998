"""Each image network's picture: size, ratio, bytes, colour space and determinism, checked on rendered files."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageCms

from podium.plugins.cards import design, formats, renderer
from podium.plugins.cards.fonts import bundled
from podium.plugins.images.process import clean
from tests.publish.fakes import images as network_specs

COLOURS = design.Colours("#0f172a", "#ffffff", "#f59e0b")
TITLES = [
    "Ce que le vent nous apprend",
    "Pourquoi la transition énergétique doit-elle accélérer ? " * 4,
    "ANTICONSTITUTIONNELLEMENT " * 3,
    "https://example.org/" + "x" * 200,
]
SPECS = {"instagram": network_specs.INSTAGRAM, "pinterest": network_specs.PINTEREST}


@pytest.fixture(scope="module")
def faces():
    return renderer.Faces(bundled())


def card(title: str) -> renderer.Card:
    return renderer.Card(title, "Claire Morel", "Présidente", "claire-morel.example", "classic", COLOURS)


def noisy_photo(width: int, height: int) -> Image.Image:
    """A photo JPEG compresses badly: random pixels, the worst case for the byte limits."""
    return Image.frombytes("RGB", (width, height), bytes((i * 7919 + i // 3) % 256 for i in range(width * height * 3)))


@pytest.mark.parametrize("network", sorted(formats.FORMATS))
@pytest.mark.parametrize("title", TITLES)
def test_a_generated_picture_has_the_networks_size_ratio_and_bytes_and_is_accepted(faces, network, title):
    fmt = formats.FORMATS[network]
    data = formats.encode(formats.generated(card(title), faces, renderer.Pictures(), fmt), fmt)
    image = Image.open(io.BytesIO(data))
    assert (image.format, image.mode, image.size) == ("JPEG", "RGB", fmt.shape)
    assert "icc_profile" not in image.info, "sRGB, no profile to misread"
    assert len(data) < fmt.max_bytes
    assert network_specs.problem(data, SPECS[network]) is None
    assert formats.encode(formats.generated(card(title), faces, renderer.Pictures(), fmt), fmt) == data, "same bytes"


def test_the_shapes_are_instagrams_4_5_and_pinterests_2_3():
    assert formats.FORMATS["instagram"].shape == (1080, 1350) and 1080 / 1350 == 4 / 5
    assert formats.FORMATS["pinterest"].shape == (1000, 1500) and 1000 / 1500 == 2 / 3


@pytest.mark.parametrize("network", sorted(formats.FORMATS))
def test_a_noisy_photo_stays_under_the_byte_limit(network):
    fmt = formats.FORMATS[network]
    data = formats.encode(formats.from_photo(noisy_photo(2400, 2400), (0.5, 0.5), fmt), fmt)
    assert len(data) < fmt.max_bytes and Image.open(io.BytesIO(data)).size == fmt.shape


def test_encode_refuses_what_no_quality_brings_under_the_limit():
    tight = formats.Format("instagram", "Instagram", 1080, 1350, 10_000, 320, "4:5")
    with pytest.raises(ValueError, match="^the Instagram image is [0-9]+ bytes, over Instagram's 10000$"):
        formats.encode(noisy_photo(1080, 1350), tight)


def test_the_photo_is_cropped_around_its_focus():
    photo = Image.new("RGB", (3000, 1000), (0, 0, 0))
    photo.paste((255, 0, 0), (2400, 0, 2700, 1000))  # a red band at 80-90 % of the width
    fmt = formats.FORMATS["instagram"]
    centred = formats.from_photo(photo, (0.5, 0.5), fmt)
    on_band = formats.from_photo(photo, (0.85, 0.5), fmt)
    assert centred.getpixel((540, 675)) == (0, 0, 0)
    assert on_band.getpixel((540, 675))[0] > 200, "the focal point is the middle of the picture"


def test_a_photo_with_a_colour_profile_leaves_as_plain_srgb():
    photo = Image.new("RGB", (1200, 1600), (120, 60, 30))
    out = io.BytesIO()
    photo.save(out, "JPEG", icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    image = clean(Image.open(io.BytesIO(out.getvalue())))
    data = formats.encode(
        formats.from_photo(image, (0.5, 0.5), formats.FORMATS["instagram"]), formats.FORMATS["instagram"]
    )
    assert "icc_profile" not in Image.open(io.BytesIO(data)).info
    assert Image.open(io.BytesIO(data)).getpixel((540, 675)) == pytest.approx((120, 60, 30), abs=3)


@pytest.mark.parametrize(
    "size,focus,expected",
    [
        ((1080, 1350), (0.5, 0.5), None),
        (
            (2000, 300),
            (0.5, 0.5),
            "is 2000×300: the 4:5 part kept for Instagram is 240 pixels wide, under Instagram's "
            "minimum of 320; use a larger image (at least 1080×1350 for a sharp Instagram picture)",
        ),
        (
            (300, 900),
            (0.1, 0.9),
            "is 300×900: the 4:5 part kept for Instagram is 300 pixels wide, under Instagram's "
            "minimum of 320; use a larger image (at least 1080×1350 for a sharp Instagram picture)",
        ),
    ],
)
def test_a_card_image_too_small_for_instagram_is_named(size, focus, expected):
    assert formats.too_small(size, focus, formats.FORMATS["instagram"]) == expected
