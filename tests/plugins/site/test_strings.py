"""The interface catalogue: complete in both languages, French spacing, plural rules, collation."""

import string

import pytest

from podium.plugins.site import strings
from podium.plugins.typography import NBSP, NNBSP


def placeholders(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_exists_in_both_languages_with_the_same_placeholders():
    fr, en = strings.MESSAGES["fr"], strings.MESSAGES["en"]
    assert set(fr) == set(en)
    for key in fr:
        assert placeholders(fr[key]) == placeholders(en[key]), key


def test_french_strings_get_french_spacing():
    assert strings.ui("posts_in", "fr", category="Talents") == f"Rubrique{NBSP}: Talents"
    assert strings.ui("series_nav", "fr", series="Recruter") == f"Série «{NNBSP}Recruter{NNBSP}»"


def test_english_strings_are_left_alone():
    assert strings.ui("posts_in", "en", category="Talents") == "Category: Talents"
    assert strings.ui("reading_time", "en", minutes=4) == "4 min read"


def test_regional_variants_and_unknown_languages():
    assert strings.ui("skip", "fr-CA") == "Aller au contenu"
    assert strings.ui("skip", "de") == "Skip to content"


def test_unknown_key_fails_loudly():
    with pytest.raises(KeyError):
        strings.ui("no-such-key", "fr")


@pytest.mark.parametrize(
    "n, fr, en", [(0, "0 article", "0 posts"), (1, "1 article", "1 post"), (2, "2 articles", "2 posts")]
)
def test_plural_rules_differ_between_french_and_english(n, fr, en):
    assert strings.count(n, "fr") == fr
    assert strings.count(n, "en") == en


def test_native_names():
    assert strings.native_name("en") == "English"
    assert strings.native_name("fr") == "Français"


def test_collation_puts_accented_words_among_their_letters():
    class Term:
        def __init__(self, name):
            self.name = name

    pairs = [(Term(n), []) for n in ["zinc", "éolien", "Énergie", "emploi", "solaire"]]
    assert [t.name for t, _ in strings.collate(pairs)] == ["emploi", "Énergie", "éolien", "solaire", "zinc"]
