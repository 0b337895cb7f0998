"""Planning variants: names, widths never above the original, srcset text."""

from hypothesis import given
from hypothesis import strategies as st

from podium.plugins.images import variants


def test_plan_for_a_jpeg():
    plan = variants.plan("JPEG", (1000, 500), (480, 960, 1600))
    assert [(v.format, v.width, v.height, v.name("images/a b.jpg")) for v in plan] == [
        ("JPEG", 1000, 500, "images/a b.jpg"),
        ("WEBP", 480, 240, "images/a b-480w.webp"),
        ("JPEG", 480, 240, "images/a b-480w.jpg"),
        ("WEBP", 960, 480, "images/a b-960w.webp"),
        ("JPEG", 960, 480, "images/a b-960w.jpg"),
        ("WEBP", 1000, 500, "images/a b-1000w.webp"),
    ]


def test_webp_needs_no_fallback_and_gif_is_left_whole():
    assert [v.format for v in variants.plan("WEBP", (1000, 500), (480,))] == ["WEBP", "WEBP"]
    assert variants.plan("GIF", (1000, 500), (480,)) == [variants.Variant("GIF", 1000, 500)]


def test_srcset_lists_each_format_by_width_and_encodes_spaces_and_commas():
    plan = variants.plan("PNG", (1000, 500), (480,))
    assert variants.srcset("https://s.test/img/a, b.png?v=1", plan, "PNG") == (
        "https://s.test/img/a,%20b-480w.png?v=1 480w, https://s.test/img/a,%20b.png?v=1 1000w".replace(
            "a,%20b", "a%2C%20b"
        )
    )
    assert variants.srcset("../img/x.png", plan, "WEBP") == "../img/x-480w.webp 480w, ../img/x-1000w.webp 1000w"


@given(st.integers(1, 6000), st.integers(1, 6000), st.lists(st.integers(16, 8192), min_size=1, max_size=6))
def test_never_upscaled_and_shape_kept(width, height, widths):
    plan = variants.plan("JPEG", (width, height), tuple(widths))
    assert plan[0].original and plan[0].width == width
    for v in plan:
        assert v.width <= width and v.height <= height
        assert abs(v.height - height * v.width / width) <= 1
    assert len({v.name("x.jpg") for v in plan}) == len(plan)
