"""Counting graphemes: the quick count of a Latin text agrees with full segmentation."""

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.plugins.teasers.counting import _NOT_SIMPLE, graphemes

from .texts import TRICKY

CLUSTER = regex.compile(r"\X")
SIMPLE = [chr(c) for c in range(0x3000) if not _NOT_SIMPLE.match(chr(c))]


def segmented(text: str) -> int:
    return len(CLUSTER.findall(text))


def test_no_two_simple_characters_share_a_cluster():
    # every pair: a regex upgrade that starts joining any of them fails here, not in a teaser
    assert all(segmented(a + b) == 2 for a in SIMPLE for b in SIMPLE)


@settings(max_examples=300, deadline=None)
@given(TRICKY)
def test_graphemes_agree_with_segmentation(text):
    assert graphemes(text) == segmented(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=SIMPLE + ["\u0301", "\r", "\u200d", "\U0001f44d", "\U0001f3fd"], max_size=30))
def test_one_joining_character_is_enough_to_segment(text):
    assert graphemes(text) == segmented(text)
