"""What is published from an image: upright, stripped, resized, never upscaled."""

import io

import pytest
from PIL import Image, ImageCms

from podium.plugins.images import process

from .helpers import leaks, phone_jpeg, plain_png, png_with_metadata

LIMIT = 80_000_000


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_phone_photo_becomes_upright_stripped_variants():
    result = process.process(phone_jpeg(2000, 1000), (480, 960, 1600), 82, LIMIT)
    assert (result.width, result.height, result.format) == (2000, 1000, "JPEG")
    names = [o.variant.name("p/photo.jpg") for o in result.outputs]
    assert names == [
        "p/photo.jpg",
        "p/photo-480w.webp",
        "p/photo-480w.jpg",
        "p/photo-960w.webp",
        "p/photo-960w.jpg",
        "p/photo-1600w.webp",
        "p/photo-1600w.jpg",
        "p/photo-2000w.webp",
    ]
    for output in result.outputs:
        image = opened(output.data)
        assert leaks(output.data) == [], output.variant
        assert image.size == (output.variant.width, output.variant.height)
        assert image.format == output.variant.format
        # landscape, with the red corner top-left: the orientation was applied before the EXIF went
        assert image.width > image.height
        red, green, blue = image.convert("RGB").getpixel((image.width // 20, image.height // 20))
        assert red > 200 and green < 60 and blue < 60


def test_small_image_is_never_upscaled():
    result = process.process(plain_png(300, 200), (480, 960, 1600), 82, LIMIT)
    assert [(o.variant.format, o.variant.width) for o in result.outputs] == [("PNG", 300), ("WEBP", 300)]


def test_png_keeps_transparency_and_loses_its_text_chunks():
    result = process.process(png_with_metadata(1000, 500, "RGBA", transparent=True), (480,), 82, LIMIT)
    for output in result.outputs:
        assert leaks(output.data) == []
        image = opened(output.data)
        assert image.mode == "RGBA" and image.getpixel((image.width - 2, image.height - 2))[3] == 0


def test_colour_profile_is_applied_then_dropped():
    image = Image.new("RGB", (600, 300), (200, 40, 40))
    out = io.BytesIO()
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image.save(out, "JPEG", icc_profile=srgb, quality=95)
    result = process.process(out.getvalue(), (480,), 90, LIMIT)
    for output in result.outputs:
        published = opened(output.data)
        assert "icc_profile" not in published.info
        red, green, blue = published.convert("RGB").getpixel((100, 100))
        assert abs(red - 200) <= 6 and abs(green - 40) <= 6 and abs(blue - 40) <= 6


def test_animated_gif_keeps_its_frames_and_loses_its_comment():
    frames = [Image.new("RGB", (50, 50), colour) for colour in ("red", "green", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=120, loop=0, comment=b"taken at home")
    result = process.process(out.getvalue(), (480,), 82, LIMIT)
    assert len(result.outputs) == 1
    published = opened(result.outputs[0].data)
    assert published.n_frames == 3
    assert b"taken at home" not in result.outputs[0].data


def test_strip_returns_none_for_a_clean_file_and_clean_bytes_otherwise():
    assert process.strip(plain_png(), LIMIT, 82) is None
    cleaned = process.strip(phone_jpeg(), LIMIT, 82)
    assert leaks(cleaned) == []
    assert opened(cleaned).size == (400, 200)


def test_same_input_same_bytes():
    one = process.process(phone_jpeg(1200, 800), (480,), 82, LIMIT)
    two = process.process(phone_jpeg(1200, 800), (480,), 82, LIMIT)
    assert one == two


@pytest.mark.parametrize("mode", ["L", "P", "CMYK", "I;16"])
def test_unusual_modes_are_published(mode):
    image = (
        Image.new("RGB", (700, 400), (90, 30, 200)).convert(mode)
        if mode != "I;16"
        else Image.new("I;16", (700, 400), 1000)
    )
    out = io.BytesIO()
    image.save(out, "JPEG" if mode == "CMYK" else "PNG")
    result = process.process(out.getvalue(), (480,), 82, LIMIT)
    assert {o.variant.width for o in result.outputs} == {700, 480}
    for output in result.outputs:
        opened(output.data)


def test_a_phones_multi_picture_jpeg_is_published_as_a_plain_jpeg():
    main, depth = Image.new("RGB", (1000, 500), (200, 30, 30)), Image.new("RGB", (250, 125), (0, 0, 0))
    out = io.BytesIO()
    main.save(out, "MPO", save_all=True, append_images=[depth])
    assert Image.open(io.BytesIO(out.getvalue())).format == "MPO"
    result = process.process(out.getvalue(), (480,), 82, LIMIT)
    assert result.format == "JPEG"
    assert [(o.variant.format, o.variant.width) for o in result.outputs] == [
        ("JPEG", 1000),
        ("WEBP", 480),
        ("JPEG", 480),
        ("WEBP", 1000),
    ]
    assert opened(result.outputs[0].data).format == "JPEG"
    stripped = process.strip(out.getvalue(), LIMIT, 82)
    assert stripped is not None and opened(stripped).format == "JPEG" and b"MPF" not in stripped
