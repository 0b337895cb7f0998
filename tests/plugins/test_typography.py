"""One typography for the blog and the teasers: French and English spacing, and the pieces it must never touch."""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from podium.plugins import typography
from podium.plugins.teasers.tokens import masked
from podium.plugins.typography import NBSP, NNBSP, quote, typeset

from .teasers.texts import TRICKY


@pytest.mark.parametrize(
    "text, expected",
    [
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
        ("12 € par mois", f"12{NNBSP}€ par mois"),
        (f"97{NBSP}% de disponibilité", f"97{NNBSP}% de disponibilité"),
        ("l'école", "l\u2019école"),
        ("Et puis...", "Et puis\u2026"),
    ],
)
def test_french(text, expected):
    assert typeset(text, "fr") == expected


def test_french_is_idempotent():
    once = typeset("Le bilan : « positif » ? Oui ; 38 %", "fr")
    assert typeset(once, "fr") == once


def test_french_leaves_links_hashtags_and_mentions_alone():
    text = "Voir https://exemple.fr/a?b=c:d ; #Énergie! @claire@social.example!"
    assert (
        typeset(text, "fr")
        == f"Voir https://exemple.fr/a?b=c:d{NNBSP}; #Énergie{NNBSP}! @claire@social.example{NNBSP}!"
    )


def test_times_keep_their_colon():
    assert typeset("à 9:30 précises", "fr") == "à 9:30 précises"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Really ?", "Really?"),
        (f"Really{NNBSP}?", "Really?"),
        ("The result : good", "The result: good"),
        ('He said "yes"', "He said \u201cyes\u201d"),
        ("« oui »", "\u201coui\u201d"),
    ],
)
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


# --- from the blog's side: text nodes of a rendered post, and the theme's strings ---


def test_blog_spaces_before_tall_punctuation_become_narrow_no_break():
    assert typeset("Vraiment ? Oui ! Non ; peut-être", "fr") == f"Vraiment{NNBSP}? Oui{NNBSP}! Non{NNBSP}; peut-être"


def test_blog_guillemets_hold_their_words():
    assert typeset("« garantir la disponibilité »", "fr") == f"«{NNBSP}garantir la disponibilité{NNBSP}»"


def test_blog_colon_gets_a_no_break_space_and_percent_sticks_to_its_number():
    assert (
        typeset("Première leçon : 97 % de disponibilité", "fr") == f"Première leçon{NBSP}: 97{NNBSP}% de disponibilité"
    )


def test_a_text_node_after_an_inline_element_gets_its_space_too():
    # "<em>Vraiment</em> ?": the tail " ?" is a text of its own
    assert typeset(" ?", "fr") == f"{NNBSP}?" and typeset(" : la suite", "fr") == f"{NBSP}: la suite"


def test_urls_and_times_are_untouched_and_a_missing_space_is_added():
    text = "Voir https://example.org/a:b?c=1 à 10:30, ratio 3:1!"
    assert typeset(text, "fr") == f"Voir https://example.org/a:b?c=1 à 10:30, ratio 3:1{NNBSP}!"


def test_english_gets_apostrophes_and_loses_french_spacing():
    assert typeset("It's a question : really ?", "en") == "It\u2019s a question: really?"


def test_french_gets_both():
    assert typeset("J'écris : voilà", "fr") == f"J\u2019écris{NBSP}: voilà"


def test_english_apostrophes_only_between_letters():
    assert typeset("'quoted' and l'été", "en") == "'quoted' and l\u2019été"


_SPACELESS = str.maketrans(
    {" ": None, NBSP: None, NNBSP: None, "\u2019": "'", "«": '"', "»": '"', "\u201c": '"', "\u201d": '"'}
)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab :;!?«»%€1'\" \u00a0")), max_size=40), st.sampled_from(["fr", "en"]))
@example('""1""', "fr")  # nested straight quotes: once gave "« 1 »", then « « 1 » » on a second pass
def test_typography_is_idempotent_and_changes_only_spaces_and_quote_marks(text, lang):
    once = typeset(text, lang)
    assert typeset(once, lang) == once
    assert once.translate(_SPACELESS) == text.translate(_SPACELESS)


# --- the same text, through the blog's Markdown and through the teasers' material ---

SAME_TEXT = [
    ("fr", "Vraiment ? La baisse est de 30 % et coûte 12 € : « un choix » ; oui !"),
    ("fr", "Vraiment? 30% en 2027: «un choix»!"),
    ("fr", "L'été dernier, le taux était de 97\u00a0% ; voir https://example.org/a?b=1 et #Énergie !"),
    ("fr", 'Il a dit "oui" puis... rien ?'),
    ("en", "It's a question : really ? We cut 30% of costs!"),
    ("en", 'She said "yes" and « maybe » ; then...'),
]


def _blog(text: str, lang: str) -> str:
    import markdown

    from podium.plugins.site.markup import EssayExtension

    md = markdown.Markdown(extensions=[EssayExtension(lang=lang)], output_format="html5")
    html = md.convert(text)
    return html.removeprefix("<p>").removesuffix("</p>")


@pytest.mark.parametrize("lang, text", SAME_TEXT)
def test_blog_typography_equals_teaser_typography_for_the_same_text(lang, text):
    from html import unescape

    from podium.plugins.teasers.material import gather

    blog = unescape(_blog(text, lang))
    teaser = gather("Titre", "", f"<p>{text}</p>", lang).hook
    assert blog == teaser == typeset(text, lang)
    # and the teasers' reading of the blog's own output changes nothing: one typography
    assert gather("Titre", "", _blog(text, lang).join(("<p>", "</p>")), lang).hook == blog
