from datetime import datetime
from zoneinfo import ZoneInfo

from lxml import etree

from podium.plugins.sitemap.render import robots_txt, sitemap_index, sitemap_xml
from podium.plugins.sitemap.urls import Url

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
JULY = datetime(2026, 7, 21, 9, tzinfo=ZoneInfo("Europe/Paris"))


def test_sitemap_has_loc_lastmod_and_hreflang_alternates():
    pair = (("en", "https://blog.test/lettre-en.html"), ("fr", "https://blog.test/lettre.html"))
    root = etree.fromstring(sitemap_xml([Url("https://blog.test/lettre.html", JULY, pair), Url("https://blog.test/")]))
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    first, second = root.findall("s:url", NS)
    assert first.find("s:loc", NS).text == "https://blog.test/lettre.html"
    assert first.find("s:lastmod", NS).text == "2026-07-21T09:00:00+02:00"
    assert [dict(link.attrib) for link in first.findall("x:link", NS)] == [
        {"rel": "alternate", "hreflang": "en", "href": "https://blog.test/lettre-en.html"},
        {"rel": "alternate", "hreflang": "fr", "href": "https://blog.test/lettre.html"},
    ]
    assert second.find("s:lastmod", NS) is None and second.findall("x:link", NS) == []


def test_ampersands_and_angle_brackets_in_addresses_are_escaped_by_the_xml_library():
    data = sitemap_xml([Url("https://blog.test/a?x=1&y=<2>")])
    assert b"<loc>https://blog.test/a?x=1&amp;y=&lt;2&gt;</loc>" in data
    assert etree.fromstring(data).find("s:url/s:loc", NS).text == "https://blog.test/a?x=1&y=<2>"


def test_empty_sitemap_is_still_a_valid_urlset():
    root = etree.fromstring(sitemap_xml([]))
    assert root.tag.endswith("urlset") and len(root) == 0


def test_robots_points_to_the_absolute_sitemap_and_closes_the_door_in_preview():
    assert (
        robots_txt("https://blog.test/sitemap.xml")
        == b"User-agent: *\nDisallow:\n\nSitemap: https://blog.test/sitemap.xml\n"
    )
    assert robots_txt("https://blog.test/sitemap.xml", preview=True).splitlines()[1] == b"Disallow: /"


def test_the_index_names_each_sitemap_with_its_newest_date_when_it_has_one():
    root = etree.fromstring(
        sitemap_index([("https://blog.test/sitemap-2026.xml", JULY), ("https://blog.test/sitemap-pages.xml", None)])
    )
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    assert [(s.findtext("s:loc", namespaces=NS), s.findtext("s:lastmod", namespaces=NS)) for s in root] == [
        ("https://blog.test/sitemap-2026.xml", "2026-07-21T09:00:00+02:00"),
        ("https://blog.test/sitemap-pages.xml", None),
    ]
