"""The listing cut: head page, older parts numbered from the oldest, and what a new post changes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from podium.plugins.site.listings import listing, part_path


def newest_first(count: int) -> list[int]:
    return list(range(count, 0, -1))  # post n is the n-th written


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("index.html", "page/3.html"),
        ("tag/energie.html", "tag/energie/page/3.html"),
        ("tag/energie/index.html", "tag/energie/page/3.html"),
        ("author/claire-morel.html", "author/claire-morel/page/3.html"),
    ],
)
def test_a_part_lives_in_a_folder_named_after_its_head_page(head, expected):
    assert part_path(head, 3) == expected


def test_twenty_five_posts_in_tens_give_two_parts_from_the_oldest():
    cut = listing(newest_first(25), 10, "tag/x.html")
    assert cut.latest == tuple(range(25, 15, -1))
    assert [p.posts for p in cut.parts] == [tuple(range(10, 0, -1)), tuple(range(20, 10, -1))]
    assert [(p.save_as, p.newer, p.older) for p in cut.parts] == [
        ("tag/x/page/1.html", "tag/x/page/2.html", None),
        ("tag/x/page/2.html", "tag/x.html", "tag/x/page/1.html"),
    ]
    assert cut.older == "tag/x/page/2.html"  # post 15, the newest one the head page leaves out


def test_when_the_head_page_shows_the_newest_part_whole_older_goes_past_it():
    cut = listing(newest_first(20), 10, "index.html")
    assert cut.latest == cut.parts[-1].posts
    assert cut.older == "page/1.html"


@pytest.mark.parametrize("count", [0, 1, 10])
def test_a_short_listing_is_one_page(count):
    cut = listing(newest_first(count), 10, "index.html")
    assert (len(cut.latest), cut.parts, cut.older) == (count, (), None)


def test_a_listing_of_no_size_is_refused():
    with pytest.raises(ValueError, match="^a listing shows at least one post, not 0$"):
        listing([1], 0, "index.html")


@given(count=st.integers(0, 300), size=st.integers(1, 40))
def test_every_post_is_on_the_head_page_or_in_exactly_one_part(count, size):
    cut = listing(newest_first(count), size, "index.html")
    in_parts = [post for part in cut.parts for post in part.posts]
    assert len(in_parts) == len(set(in_parts))
    assert set(in_parts) | set(cut.latest) == set(range(1, count + 1))
    assert all(len(part.posts) == size for part in cut.parts)


@given(count=st.integers(0, 300), size=st.integers(1, 40))
def test_a_new_post_changes_no_part_but_the_newest_link(count, size):
    """Adding post count+1 keeps every old part's posts and links, save the newest part's link to a new part."""
    before = listing(newest_first(count), size, "index.html").parts
    after = listing(newest_first(count + 1), size, "index.html").parts
    # one more part at most, or two when the listing first outgrows its head page with a size of 1
    assert len(after) - len(before) in ((0, 1) if before else (0, 1, 2))
    for old, new in zip(before, after):
        if old.number == len(before) and len(after) > len(before):
            assert (old.posts, old.older, new.newer) == (new.posts, new.older, part_path("index.html", old.number + 1))
        else:
            assert old == new
