"""Hostile and broken files become one sentence each, decided from the header before any pixel is decoded."""

import io

import pytest
from PIL import Image

from podium.plugins.images import decode
from podium.plugins.images.decode import ImageProblem

from .helpers import SVG, bomb_png, phone_jpeg, plain_png, truncated_jpeg

LIMIT = 80_000_000


def problem(data: bytes, limit: int = LIMIT) -> str:
    with pytest.raises(ImageProblem) as caught:
        decode.decode(data, limit)
    return str(caught.value)


def test_decompression_bomb_is_refused_from_its_header():
    assert problem(bomb_png()) == (
        "is 400 megapixels, over the limit of 80 megapixels; resize it before publishing "
        "(or raise PODIUM_IMAGES_MAX_PIXELS)"
    )


def test_image_over_podiums_own_limit_names_its_size():
    data = plain_png(3000, 1000)
    assert problem(data, limit=2_000_000) == (
        "is 3000×1000 pixels (3 megapixels), over the limit of 2 megapixels; "
        "resize it before publishing (or raise PODIUM_IMAGES_MAX_PIXELS)"
    )


def test_truncated_jpeg():
    assert problem(truncated_jpeg()).startswith("is truncated or corrupt (image file is truncated")
    assert problem(truncated_jpeg()).endswith("; export it again from the original")


def test_svg_where_a_raster_is_needed():
    assert (
        problem(SVG) == "is an SVG drawing where a raster image is needed; export it as PNG or use JPEG, PNG, WebP, GIF"
    )


@pytest.mark.parametrize("data", [b"this is a text file\n", b"\x00" * 100, b"%PDF-1.7\n..."])
def test_not_an_image(data):
    assert problem(data) == "is not a JPEG, PNG, WebP, GIF image podium can read; export it again as JPEG or PNG"


def test_empty_file():
    assert problem(b"") == "is empty; export it again from the original"


def test_shown_size_applies_the_orientation_without_decoding():
    image = decode.open_image(phone_jpeg(400, 200), LIMIT)
    assert image.size == (200, 400)  # as stored
    assert decode.shown_size(image) == (400, 200)  # as a viewer shows it


def test_upright_turns_the_pixels_and_drops_every_metadata():
    image = decode.upright(decode.decode(phone_jpeg(400, 200), LIMIT))
    assert image.size == (400, 200)
    assert image.getpixel((10, 10))[0] > 200  # the red corner is top-left again
    assert image.info == {}
    assert len(image.getexif()) == 0


def test_a_good_file_decodes():
    image = decode.decode(plain_png(), LIMIT)
    assert isinstance(image, Image.Image) and image.size == (64, 64)
    assert not decode.looks_like_svg(io.BytesIO(plain_png()).getvalue())
