"""French spacing and apostrophes: only where the author typed a space, never in URLs or times."""

from hypothesis import given, settings, strategies as st

from podium.plugins.site.typography import NBSP, NNBSP, apostrophes, for_language, french_spacing


def test_spaces_before_tall_punctuation_become_narrow_no_break():
    assert french_spacing("Vraiment ? Oui ! Non ; peut-être") == f"Vraiment{NNBSP}? Oui{NNBSP}! Non{NNBSP}; peut-être"


def test_guillemets_hold_their_words():
    assert french_spacing("« garantir la disponibilité »") == f"«{NNBSP}garantir la disponibilité{NNBSP}»"


def test_colon_gets_a_no_break_space_and_percent_sticks_to_its_number():
    assert french_spacing("Première leçon : 97 % de disponibilité") == f"Première leçon{NBSP}: 97{NBSP}% de disponibilité"


def test_urls_times_and_unspaced_text_are_untouched():
    text = "Voir https://example.org/a:b?c=1 à 10:30, ratio 3:1!"
    assert french_spacing(text) == text


def test_english_gets_apostrophes_but_no_french_spacing():
    assert for_language("It's a question : really ?", "en") == "It\u2019s a question : really ?"


def test_french_gets_both():
    assert for_language("J'écris : voilà", "fr") == f"J\u2019écris{NBSP}: voilà"


def test_apostrophe_only_between_letters():
    assert apostrophes("'quoted' and l'été") == "'quoted' and l\u2019été"


@settings(max_examples=200)
@given(st.text(alphabet=st.sampled_from(list("ab :;!?«»%1' \u00a0")), max_size=40))
def test_spacing_is_idempotent_and_only_swaps_spaces(text):
    once = french_spacing(text)
    assert french_spacing(once) == once
    assert len(once) == len(text)
    normalise = lambda s: s.replace(NNBSP, " ").replace(NBSP, " ")
    assert normalise(once) == normalise(text)
