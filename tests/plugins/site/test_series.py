"""Series: reading order, neighbours within one language, and readable index errors."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.plugins.site import series

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def slug(text):
    return text.lower().replace(" ", "-")


def member(ref, index, day, lang="fr", name="Recruter"):
    return series.Member(ref, name, index, T0 + timedelta(days=day), lang)


def test_numbered_parts_come_in_index_order_then_unnumbered_by_date():
    parts = [member("c", None, 1), member("b", 2, 0), member("a", 1, 5), member("d", None, 0)]
    [one] = series.collect(parts, slug)
    assert [m.ref for m in one.members] == ["a", "b", "d", "c"]
    assert one.slug == "recruter"


def test_series_are_grouped_by_name_ignoring_extra_spaces_and_sorted_by_first_post():
    parts = [
        member("x", 1, 10, name="Plus tard"),
        member("y", 1, 2, name="Recruter "),
        member("z", 2, 3, name=" Recruter"),
    ]
    found = series.collect(parts, slug)
    assert [s.title for s in found] == ["Recruter", "Plus tard"]
    assert [m.ref for m in found[0].members] == ["y", "z"]


def test_positions_and_neighbours_stay_in_one_language():
    parts = [member("fr1", 1, 0), member("fr2", 2, 1), member("en1", 1, 0, "en"), member("fr3", 3, 2)]
    [one] = series.collect(parts, slug)
    places = {m.ref: series.positions(one)[id(m.ref)] for m in one.members}
    assert (places["fr2"].number, places["fr2"].count) == (2, 3)
    assert places["fr2"].previous.ref == "fr1" and places["fr2"].next.ref == "fr3"
    assert places["fr1"].previous is None
    assert (places["en1"].number, places["en1"].count, places["en1"].next) == (1, 1, None)


@pytest.mark.parametrize("raw, expected", [(2, 2), ("3", 3), (" 4 ", 4), (None, None), ("", None)])
def test_parse_index(raw, expected):
    assert series.parse_index(raw) == expected


@pytest.mark.parametrize("raw", ["two", 1.5, True, "-1"])
def test_parse_index_rejects_what_is_not_a_whole_number(raw):
    with pytest.raises(series.BadIndex) as caught:
        series.parse_index(raw)
    assert str(caught.value) == f"series_index must be a whole number; received {raw!r}"


def test_chronological_neighbours_per_language():
    posts = [("a", 1, "fr"), ("b", 3, "fr"), ("c", 2, "en"), ("d", 2, "fr")]
    found = series.chronological_neighbours(posts, date=lambda p: p[1], lang=lambda p: p[2])
    assert found[id(posts[3])] == (posts[0], posts[1])
    assert found[id(posts[2])] == (None, None)


@settings(max_examples=50)
@given(st.lists(st.tuples(st.one_of(st.none(), st.integers(1, 9)), st.integers(0, 30)), min_size=1, max_size=12))
def test_reading_order_is_a_permutation_with_numbered_parts_sorted(specs):
    parts = [member(i, index, day) for i, (index, day) in enumerate(specs)]
    [one] = series.collect(parts, slug)
    assert sorted(m.ref for m in one.members) == list(range(len(parts)))
    numbered = [m.index for m in one.members if m.index is not None]
    assert numbered == sorted(numbered)
    first_unnumbered = next((i for i, m in enumerate(one.members) if m.index is None), len(one.members))
    assert all(m.index is None for m in one.members[first_unnumbered:])
