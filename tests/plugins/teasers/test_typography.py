"""French and English punctuation spacing, and the pieces it must never touch."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.plugins.teasers import typography
from podium.plugins.teasers.tokens import masked
from podium.plugins.teasers.typography import NBSP, NNBSP, quote, typeset

from .texts import TRICKY


@pytest.mark.parametrize("text, expected", [
    ("Vraiment ?", f"Vraiment{NNBSP}?"),
    ("Vraiment?", f"Vraiment{NNBSP}?"),
    ("Quoi ?!", f"Quoi{NNBSP}?!"),
    ("Attention !", f"Attention{NNBSP}!"),
    ("un point ; un autre", f"un point{NNBSP}; un autre"),
    ("Le bilan : positif", f"Le bilan{NBSP}: positif"),
    ("Le bilan: positif", f"Le bilan{NBSP}: positif"),
    ("« Bonjour »", f"«{NNBSP}Bonjour{NNBSP}»"),
    ("«Bonjour»", f"«{NNBSP}Bonjour{NNBSP}»"),
    ('Il a dit "oui"', f"Il a dit «{NNBSP}oui{NNBSP}»"),
    ("baisse de 38 %", f"baisse de 38{NNBSP}%"),
    ("baisse de 38%", f"baisse de 38{NNBSP}%"),
    ("l'école", "l\u2019école"),
    ("Et puis...", "Et puis\u2026"),
])
def test_french(text, expected):
    assert typeset(text, "fr") == expected


def test_french_is_idempotent():
    once = typeset("Le bilan : « positif » ? Oui ; 38 %", "fr")
    assert typeset(once, "fr") == once


def test_french_leaves_links_hashtags_and_mentions_alone():
    text = "Voir https://exemple.fr/a?b=c:d ; #Énergie! @claire@social.example!"
    assert typeset(text, "fr") == f"Voir https://exemple.fr/a?b=c:d{NNBSP}; #Énergie{NNBSP}! @claire@social.example{NNBSP}!"


def test_times_keep_their_colon():
    assert typeset("à 9:30 précises", "fr") == "à 9:30 précises"


@pytest.mark.parametrize("text, expected", [
    ("Really ?", "Really?"),
    (f"Really{NNBSP}?", "Really?"),
    ("The result : good", "The result: good"),
    ('He said "yes"', "He said \u201cyes\u201d"),
    ("« oui »", "\u201coui\u201d"),
])
def test_english(text, expected):
    assert typeset(text, "en") == expected


def test_quote_marks_follow_the_language():
    assert quote("Oui", "fr") == f"«{NNBSP}Oui{NNBSP}»"
    assert quote("Yes", "en") == "\u201cYes\u201d"


def _every_rule_tried(text: str, lang: str) -> str:
    """typeset as it was before rules were skipped for texts without their characters."""
    rules = typography._FRENCH if lang.startswith("fr") else typography._ENGLISH

    def edit(plain: str) -> str:
        plain = typography._SPACES.sub(" ", typography._THREE_DOTS.sub(typography.ELLIPSIS, plain))
        for pattern, repl, _ in rules:
            plain = pattern.sub(repl, plain)
        return plain

    return masked(text, edit)


@settings(max_examples=300, deadline=None)
@given(TRICKY, st.sampled_from(["fr", "en"]))
def test_skipping_rules_that_cannot_match_changes_nothing(text, lang):
    assert typeset(text, lang) == _every_rule_tried(text, lang)
