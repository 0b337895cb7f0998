"""The cache: keys that change with every input, entries written whole or not at all."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.plugins.cards import cache, design


def test_key_is_stable_and_ignores_dict_order():
    assert cache.key("card", {"a": 1, "b": b"x"}) == cache.key("card", {"b": b"x", "a": 1})


@pytest.mark.parametrize(
    "change",
    [
        ("card", "Titre modifié", b"font", None),
        ("card", "Titre", b"font v2", None),
        ("card", "Titre", b"font", b"portrait"),
        ("card-v2", "Titre", b"font", None),
    ],
)
def test_key_changes_with_any_input(change):
    assert cache.key(*change) != cache.key("card", "Titre", b"font", None)


def test_store_round_trip_and_miss(tmp_path):
    store = cache.Store(tmp_path / "c")
    name = cache.key("x")
    assert store.manifest(name) is None
    store.put(name, {"card.png": b"PNGDATA"}, {"bytes": 7})
    assert store.manifest(name) == {"bytes": 7}
    assert store.file(name, "card.png").read_bytes() == b"PNGDATA"
    store.put(name, {"card.png": b"NEW"}, {"bytes": 3})  # same key again: replaced whole
    assert store.file(name, "card.png").read_bytes() == b"NEW"
    leftovers = [p for p in (tmp_path / "c").rglob(".*")]
    assert leftovers == []


def test_damaged_entry_counts_as_a_miss(tmp_path):
    store = cache.Store(tmp_path)
    name = cache.key("y")
    store.put(name, {"f": b"1"}, {"bytes": 1})
    (store.folder(name) / "manifest.json").write_text("{not json", encoding="utf-8")
    assert store.manifest(name) is None


@settings(max_examples=200)
@given(st.integers(1, 5000), st.integers(1, 5000), st.floats(0, 1), st.floats(0, 1))
def test_focal_box_has_the_card_shape_stays_inside_and_holds_the_focus(width, height, fx, fy):
    left, top, right, bottom = design.focal_box((width, height), (fx, fy))
    assert 0 <= left < right <= width and 0 <= top < bottom <= height
    # the shape of a card, give or take half a pixel of rounding on each side
    assert abs((right - left) * 630 - (bottom - top) * 1200) <= 0.5 * 630 + 0.5 * 1200
    # the whole width or the whole height is used
    assert right - left == width or bottom - top == height
    # the focal point is inside the crop whenever the crop can be placed around it
    assert left <= round(fx * width) <= right and top <= round(fy * height) <= bottom
