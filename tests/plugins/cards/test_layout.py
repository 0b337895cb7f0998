"""Title fitting with a fake monospace face: every character is 10 px per 20 px of size."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.plugins.cards import layout
from podium.plugins.cards.layout import ELLIPSIS


class Mono:
    """A face where each character is size/2 wide; lines are 1.2 × size apart, ink is 1.25 × size."""

    def width(self, text, size):
        return len(text) * size // 2

    def line_height(self, size):
        return size * 12 // 10

    def ink_height(self, size):
        return size * 5 // 4


FACE = Mono()
SIZES = (40, 30, 20)


def fits(fit, width, height):
    return (
        all(FACE.width(line, fit.size) <= width for line in fit.lines)
        and layout.block_height(FACE, fit.size, len(fit.lines)) <= height
    )


def test_short_title_gets_the_largest_size_on_one_line():
    fit = layout.fit("Bonjour", FACE, 400, 100, SIZES)
    assert fit == layout.Fit(40, ("Bonjour",), False)


def test_title_shrinks_before_it_wraps_past_the_box():
    # at 40 px: 20 characters a line, and only one line fits in 90 px; at 30 px: 26 a line, two lines fit
    fit = layout.fit("un deux trois quatre cinq six", FACE, 400, 90, SIZES)
    assert fit.size == 30
    assert fit.lines == ("un deux trois", "quatre cinq six")
    assert not fit.truncated


def test_lines_are_balanced_not_greedy():
    fit = layout.fit("aaaa bbbb cccc dddd eeee", FACE, 400, 200, (40,))
    # greedy would give 'aaaa bbbb cccc dddd' + 'eeee'
    assert fit.lines == ("aaaa bbbb cccc", "dddd eeee")


def test_long_french_word_shrinks_the_size_rather_than_being_cut():
    fit = layout.fit("Anticonstitutionnellement", FACE, 400, 300, SIZES)
    assert fit.size == 30
    assert fit.lines == ("Anticonstitutionnellement",)


def test_compound_word_may_break_after_its_hyphen():
    fit = layout.fit("présidente-directrice", FACE, 240, 300, (40,))
    assert fit.lines == ("présidente-", "directrice")


def test_french_punctuation_stays_with_its_word():
    assert layout.words("Pourquoi accélérer ? « Maintenant » !") == [
        "Pourquoi",
        "accélérer\u00a0?",
        "«\u00a0Maintenant\u00a0»\u00a0!",
    ]
    fit = layout.fit("Pourquoi accélérer ?", FACE, 200, 300, (20,))
    assert all(not line.startswith("?") for line in fit.lines)


def test_last_resort_cuts_after_a_whole_word_with_an_ellipsis():
    fit = layout.fit("un deux trois quatre cinq six sept huit", FACE, 100, 30, (20,))
    assert fit.truncated
    assert fit.lines == ("un deux" + ELLIPSIS,)


def test_a_word_wider_than_the_box_is_the_only_one_cut_inside_and_marked():
    fit = layout.fit("https://exemple.fr/un/chemin/tres/long", FACE, 100, 100, (20,))
    assert fit.truncated
    assert fit.lines[0].endswith(ELLIPSIS)
    assert FACE.width(fit.lines[0], 20) <= 100


def test_empty_title_draws_nothing():
    assert layout.fit("   ", FACE, 100, 100, SIZES).lines == ()


WORD = st.text(alphabet="abcdéèàçœ-ABCÉ", min_size=1, max_size=14).filter(lambda w: w.strip("-"))


@settings(max_examples=150, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=40), st.integers(120, 1000), st.integers(30, 400))
def test_any_title_stays_inside_its_box(words, width, height):
    text = " ".join(words)
    fit = layout.fit(text, FACE, width, height, SIZES)
    assert fits(fit, width, height)
    if not fit.truncated:
        # nothing lost, nothing cut: the lines give back the words (a break after a hyphen drops no character)
        assert "".join(fit.lines).replace(" ", "") == text.replace(" ", "")
    else:
        # text was dropped at the end, or a word wider than the box was cut: either way it is marked
        assert any(line.endswith(ELLIPSIS) for line in fit.lines)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet="abcdefgh", min_size=1, max_size=8), min_size=2, max_size=30))
def test_truncation_keeps_whole_words_from_the_start(words):
    text = " ".join(words)
    fit = layout.fit(text, FACE, 200, 60, (20,))
    assert fits(fit, 200, 60)
    if fit.truncated:
        kept = " ".join(fit.lines).removesuffix(ELLIPSIS).split()
        assert kept == words[: len(kept)]


@pytest.mark.parametrize("count", [1, 2, 3])
def test_block_height_counts_line_gaps_and_one_ink_height(count):
    assert layout.block_height(FACE, 20, count) == (count - 1) * 24 + 25
