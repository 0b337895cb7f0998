"""The conversation's words come from the theme's one table, with its French spacing and plural rules."""

from podium.plugins.conversations import texts
from podium.plugins.site import strings
from podium.plugins.typography import NBSP


def test_the_words_are_the_themes_conversation_keys_in_both_languages():
    for lang in ("fr", "en"):
        keys = {k for k in strings.MESSAGES[lang] if k.startswith("conversation.")}
        assert {"conversation.heading", "conversation.closed", "conversation.count.likes"} <= keys


def test_french_gets_french_spacing_and_english_is_left_alone():
    assert texts.say("closed", "fr").startswith(f"La discussion est close{NBSP}: les")
    assert texts.say("closed", "en").startswith("Comments are closed: new")


def test_counts_take_each_languages_form():
    assert [texts.say("count.replies", "fr", n=n) for n in (0, 1, 2)] == ["0 réponse", "1 réponse", "2 réponses"]
    assert [texts.say("count.replies", "en", n=n) for n in (0, 1, 2)] == ["0 replies", "1 reply", "2 replies"]


def test_regional_and_unknown_languages():
    assert texts.say("heading", "fr-CA") == "La conversation"
    assert texts.say("heading", "de") == "The conversation"


def test_network_labels_come_from_the_registry_and_the_web_is_translated():
    assert texts.network_label("mastodon", "fr") == "Mastodon"
    assert texts.network_label("webmention", "fr") == "le web"
    assert texts.network_label("webmention", "en") == "the web"
