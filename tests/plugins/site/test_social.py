"""Open Graph and Twitter Card tags, profiles and handles."""

import pytest

from podium.plugins.site import social


def as_dict(tags):
    found = {}
    for _, key, value in tags:
        found.setdefault(key, []).append(value)
    return found


BASE = dict(title="Titre", description="Résumé", url="https://blog.test/a.html", site_name="Blog", lang="fr")


def test_article_with_card_image_gets_the_large_card():
    image = {"url": "https://blog.test/card.png", "width": 1200, "height": 630, "alt": "Texte"}
    tags = as_dict(
        social.meta_tags(
            kind="article",
            image=image,
            published="2026-03-18T08:30:00+01:00",
            tags=["énergie", "vent"],
            section="Transition",
            alternate_langs=["fr", "en"],
            **BASE,
        )
    )
    assert tags["twitter:card"] == ["summary_large_image"]
    assert tags["og:image"] == tags["twitter:image"] == ["https://blog.test/card.png"]
    assert tags["og:image:width"] == ["1200"]
    assert tags["article:tag"] == ["énergie", "vent"]
    assert tags["og:locale"] == ["fr_FR"] and tags["og:locale:alternate"] == ["en_US"]


def test_without_image_the_small_card_and_no_image_tags():
    tags = as_dict(social.meta_tags(kind="website", **BASE))
    assert tags["twitter:card"] == ["summary"]
    assert "og:image" not in tags and "article:published_time" not in tags


def test_a_portrait_keeps_the_small_card():
    tags = as_dict(
        social.meta_tags(kind="website", image={"url": "https://blog.test/p.jpg"}, large_image=False, **BASE)
    )
    assert tags["twitter:card"] == ["summary"] and tags["og:image"] == ["https://blog.test/p.jpg"]


def test_attributes_are_property_for_open_graph_and_name_for_twitter():
    for attribute, key, _ in social.meta_tags(kind="article", **BASE):
        assert attribute == ("name" if key.startswith("twitter:") else "property")


@pytest.mark.parametrize(
    "url, handle",
    [
        ("https://x.com/clairemorel", "@clairemorel"),
        ("https://twitter.com/@cm/", "@cm"),
        ("https://mastodon.example/@cm", None),
    ],
)
def test_x_handle(url, handle):
    assert social.x_handle({"x": url}) == handle


def test_profiles_keep_settings_order_and_network_spelling():
    found = social.profiles(
        {"linkedin": "https://l.example/in/a", "bluesky": "https://b.example/a", "blog": "https://e.example"}
    )
    assert [(p.network, p.label) for p in found] == [("linkedin", "LinkedIn"), ("bluesky", "Bluesky"), ("blog", "Blog")]


def test_og_locale():
    assert social.og_locale("fr") == "fr_FR"
    assert social.og_locale("en-GB") == "en_GB"
