"""What each page's <head> says, from plain stand-ins for Pelican's objects."""

import json
from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from podium.plugins.site import head, social

PARIS = ZoneInfo("Europe/Paris")


def site(url="https://blog.test"):
    return head.Site(
        name="Claire Morel",
        url=url,
        lang="fr",
        subtitle="Énergie",
        leader_name="Claire Morel",
        leader_role="PDG",
        leader_bio="J’écris.",
        photo=head.Photo("images/portrait.jpg", 800, 800),
        profiles=tuple(social.profiles({"x": "https://x.com/cm"})),
        x_handle="@cm",
    )


def post(**extra):
    values = dict(
        title="Le « </script> » & co",
        url="le-titre.html",
        lang="fr",
        summary="<p>Un résumé.</p>",
        date=datetime(2026, 3, 18, 8, 30, tzinfo=PARIS),
        tags=["énergie"],
        category="Transition",
        translations=[],
    )
    values.update(extra)
    return SimpleNamespace(**values)


def tags_of(h):
    return {name: value for _, name, value in h.meta}


def test_article_head_online():
    en = SimpleNamespace(url="le-titre-en.html", lang="en")
    h = head.article(site(), post(translations=[en]), word_count=512)
    assert h.canonical == "https://blog.test/le-titre.html"
    assert h.alternates == (("en", "le-titre-en.html"), ("fr", "le-titre.html"))
    assert h.title == "Le « </script> » & co · Claire Morel"
    data = json.loads(h.jsonld)
    assert data["headline"] == "Le « </script> » & co"
    assert data["datePublished"] == "2026-03-18T08:30:00+01:00"
    assert (
        data["author"]["name"] == "Claire Morel" and data["author"]["image"] == "https://blog.test/images/portrait.jpg"
    )
    assert data["wordCount"] == 512
    assert data["workTranslation"] == [
        {"@type": "BlogPosting", "url": "https://blog.test/le-titre-en.html", "inLanguage": "en"}
    ]
    meta = tags_of(h)
    assert meta["og:type"] == "article" and meta["twitter:card"] == "summary" and meta["twitter:creator"] == "@cm"
    assert meta["og:locale:alternate"] == "en_US"


def test_card_image_from_the_cards_capability():
    card = {"url": "cards/le-titre.png", "width": 1200, "height": 630, "alt": "Carte"}
    h = head.article(site(), post(podium_card=card))
    meta = tags_of(h)
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:image"] == meta["twitter:image"] == "https://blog.test/cards/le-titre.png"
    assert json.loads(h.jsonld)["image"] == {
        "@type": "ImageObject",
        "url": "https://blog.test/cards/le-titre.png",
        "width": 1200,
        "height": 630,
        "caption": "Carte",
    }


def test_local_build_has_no_canonical_and_no_social_tags():
    h = head.article(site(url=""), post())
    assert h.canonical is None and h.meta == ()
    assert json.loads(h.jsonld)["url"] == "/le-titre.html"


def test_home_is_a_blog_with_the_leader_and_a_small_card():
    h = head.home(site(), "index.html")
    assert h.canonical == "https://blog.test/"
    data = json.loads(h.jsonld)
    assert data["@type"] == "Blog" and data["author"]["jobTitle"] == "PDG"
    assert data["author"]["sameAs"] == ["https://x.com/cm"]
    assert tags_of(h)["twitter:card"] == "summary"


def test_listing_and_404():
    tag = head.listing(site(), "Mot-clé : énergie", "tag/energie.html")
    assert tag.canonical == "https://blog.test/tag/energie.html" and json.loads(tag.jsonld)["@type"] == "CollectionPage"
    missing = head.listing(site(), "Page introuvable", "404.html", indexable=False)
    assert missing.canonical is None and missing.robots == "noindex"


def test_description_is_cut_at_a_word():
    long = SimpleNamespace(summary="<p>" + "mot " * 100 + "</p>")
    text = head.description_of(long, limit=30)
    assert text.endswith("…") and len(text) <= 31 and not text[:-1].endswith(" ")
