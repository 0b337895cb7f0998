from datetime import datetime
from zoneinfo import ZoneInfo

import feedparser
import pytest
from lxml import etree

from podium.plugins.feeds.model import Site, Source, Taxon, plan
from podium.plugins.feeds.render import render, xml_safe
from podium.plugins.post import PostView

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 11, 28, 12, tzinfo=PARIS)
SITE = Site(url="https://blog.test", name="Claire & Hélio <R&D>", author="Claire Morel", subtitle="Énergie, industrie")
TRICKY_TITLE = 'R&D <2030>: "l\'été" </script><script>alert(1)</script> ]]>'
CONTENT = (
    '<p>Voir <a href="/a-propos.html">à propos</a> &amp; <img src="images/é.jpg" srcset="/i/1.jpg 1x, /i/2.jpg 2x" '
    'alt="Éolienne"></p><p>Fin ]]> du texte.</p>'
)
NS = {
    "a": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
}


def feed(title=TRICKY_TITLE, content=CONTENT, card=None, card_length=None):
    post = PostView(
        slug="ete",
        lang="fr",
        title=title,
        url="https://blog.test/posts/ete.html",
        date=datetime(2026, 7, 14, 9, tzinfo=PARIS),
        summary="Résumé : « été » & co",
        content_html=content,
        tags=("énergie",),
        category="Stratégie",
    )
    source = Source(
        post=post,
        authors=("Claire Morel",),
        category=Taxon("Stratégie", "strategie"),
        tags=(Taxon("énergie", "energie"),),
        card=card,
        card_length=card_length,
        modified=datetime(2026, 7, 20, 18, 30, tzinfo=PARIS),
    )
    return plan([source], SITE, now=NOW)[0]


@pytest.mark.parametrize("fmt", ["atom", "rss"])
def test_feed_parses_without_bozo_and_keeps_tricky_titles_and_accents_exactly(fmt):
    parsed = feedparser.parse(render(feed(), fmt, SITE))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.title == "Claire & Hélio <R&D>"
    assert [e.title for e in parsed.entries] == [TRICKY_TITLE]
    assert parsed.entries[0].link == "https://blog.test/posts/ete.html"
    assert parsed.entries[0].id == "tag:blog.test,2026-07-14:fr/ete"
    assert [t.term for t in parsed.entries[0].tags] == ["Stratégie", "énergie"]
    assert parsed.entries[0].author == "Claire Morel"


@pytest.mark.parametrize("fmt, path", [("atom", "a:entry/a:content"), ("rss", "channel/item/content:encoded")])
def test_full_content_travels_as_escaped_html_with_absolute_links(fmt, path):
    root = etree.fromstring(render(feed(), fmt, SITE))
    html = root.find(path, NS).text
    assert html == CONTENT.replace('"/a-propos.html"', '"https://blog.test/a-propos.html"').replace(
        '"images/é.jpg"', '"https://blog.test/posts/images/é.jpg"'
    ).replace('"/i/1.jpg 1x, /i/2.jpg 2x"', '"https://blog.test/i/1.jpg 1x, https://blog.test/i/2.jpg 2x"')


def test_atom_dates_are_publication_and_modification_in_the_posts_time_zone():
    root = etree.fromstring(render(feed(), "atom", SITE))
    assert root.find("a:entry/a:published", NS).text == "2026-07-14T09:00:00+02:00"
    assert root.find("a:entry/a:updated", NS).text == "2026-07-20T18:30:00+02:00"
    assert root.find("a:updated", NS).text == "2026-07-20T18:30:00+02:00"
    assert root.find("a:id", NS).text == "https://blog.test/feeds/all.atom.xml"


def test_rss_has_home_link_self_link_guid_and_dc_creator():
    channel = etree.fromstring(render(feed(), "rss", SITE)).find("channel")
    assert channel.find("link").text == "https://blog.test/"
    assert channel.find("a:link", NS).get("href") == "https://blog.test/feeds/all.rss.xml"
    assert channel.find("lastBuildDate").text == "Mon, 20 Jul 2026 18:30:00 +0200"
    guid = channel.find("item/guid")
    assert (guid.text, guid.get("isPermaLink")) == ("tag:blog.test,2026-07-14:fr/ete", "false")
    assert channel.find("item/dc:creator", NS).text == "Claire Morel"
    assert channel.find("item/description").text == "Résumé : « été » & co"


def test_rendering_twice_gives_the_same_bytes():
    assert render(feed(), "atom", SITE) == render(feed(), "atom", SITE)
    assert render(feed(), "rss", SITE) == render(feed(), "rss", SITE)


def test_card_is_an_rss_enclosure_and_an_atom_enclosure_link():
    card = {"url": "/social/ete.png", "width": 1200, "height": 630, "alt": "Carte « été »"}
    rss = feedparser.parse(render(feed(card=card, card_length=4821), "rss", SITE))
    atom = etree.fromstring(render(feed(card=card, card_length=4821), "atom", SITE))
    assert rss.entries[0].enclosures == [
        {"href": "https://blog.test/social/ete.png", "length": "4821", "type": "image/png"}
    ]
    links = [dict(link.attrib) for link in atom.findall("a:entry/a:link", NS)]
    assert links == [
        {"href": "https://blog.test/posts/ete.html", "rel": "alternate", "type": "text/html", "hreflang": "fr"},
        {
            "href": "https://blog.test/social/ete.png",
            "rel": "enclosure",
            "type": "image/png",
            "length": "4821",
            "title": "Carte « été »",
        },
    ]


def test_control_characters_that_xml_cannot_hold_are_dropped():
    assert xml_safe("a\x00b\x0cc\td\n") == "abc\td\n"
    parsed = feedparser.parse(render(feed(title="Form\x0cfeed", content="<p>x\x1by</p>"), "atom", SITE))
    assert not parsed.bozo and parsed.entries[0].title == "Formfeed"


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown feed format 'json'; expected one of: atom, rss"):
        render(feed(), "json", SITE)
