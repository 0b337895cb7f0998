"""Shortening: at a sentence end when that keeps enough, else at a word, with an ellipsis."""

from hypothesis import given, settings
from hypothesis import strategies as st

from podium.plugins.teasers.shorten import close_open, longest_piece, sentence_ends, shorten, word_boundaries
from podium.plugins.typography import NNBSP

from .test_properties import sentence
from .texts import TRICKY


def within(n):
    return lambda text: len(text) <= n


def test_text_that_fits_is_untouched():
    assert shorten("Court.", within(10)) == "Court."


def test_cut_at_the_sentence_end_when_it_keeps_enough():
    text = "Première phrase assez longue pour compter. Deuxième phrase qui déborde largement."
    assert shorten(text, within(60), "fr") == "Première phrase assez longue pour compter."


def test_cut_at_a_word_with_ellipsis_when_the_sentence_is_too_short():
    text = "Oui. Ensuite une très longue phrase qui ne tient pas du tout dans la limite donnée."
    result = shorten(text, within(40), "fr")
    assert result == "Oui. Ensuite une très longue phrase qui…"


def test_never_inside_a_link_hashtag_or_mention():
    text = "Voir https://example.org/un/chemin/assez/long et #ÉnergieSolaire avec @claire@social.example merci"
    for limit in range(5, len(text)):
        result = shorten(text, within(limit), "fr")
        if result is None:
            continue
        assert len(result) <= limit
        for piece in ("https://example.org/un/chemin/assez/long", "#ÉnergieSolaire", "@claire@social.example"):
            start = piece[:6]
            assert start not in result or piece in result, (limit, result)


def test_trailing_punctuation_goes_before_the_ellipsis():
    assert shorten("Un mot, puis la suite de la phrase", within(8), "fr") == "Un mot…"


def test_cut_quotes_are_closed():
    text = f"Il a dit «{NNBSP}nous irons plus loin que prévu ensemble{NNBSP}» hier"
    result = shorten(text, within(30), "fr")
    assert result.endswith(f"…{NNBSP}»")
    assert close_open("(texte", "en") == "(texte)"


def test_cjk_can_be_cut_between_characters():
    assert shorten("故人西辞黄鹤楼烟花三月下扬州", within(6), "zh") == "故人西辞黄…"
    assert 3 in word_boundaries("故人西辞")


def test_no_cut_at_a_no_break_space():
    assert 3 not in word_boundaries(f"Oui{NNBSP}? Non")


def test_sentence_ends_skip_abbreviations_and_initials():
    assert sentence_ends("M. Dupont arrive. Il parle.") == [len("M. Dupont arrive.")]


def test_nothing_fits_gives_none():
    assert shorten("Anticonstitutionnellement", within(5)) is None


@settings(max_examples=300, deadline=None)
@given(st.one_of(TRICKY, sentence(max_words=40)), st.integers(0, 300), st.integers(0, 3))
def test_nothing_shorten_returns_is_longer_than_longest_piece(text, limit, every):
    # compose stops trying lighter forms on this bound: it must hold whatever ``ok`` accepts
    def ok(candidate):
        return len(candidate) <= limit and (every == 0 or len(candidate) % (every + 1) != 1)

    piece = shorten(text, ok, "fr")
    assert piece is None or len(piece) <= longest_piece(text)
