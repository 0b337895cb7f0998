"""sitemap.xml (an index), the sitemaps it names and robots.txt as bytes: XML built with lxml, so every address is escaped by the library."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from lxml import etree

from .urls import Url, escape_url

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def sitemap_xml(urls: Iterable[Url]) -> bytes:
    """A sitemaps.org urlset; translations carry xhtml:link hreflang alternates."""
    urlset = etree.Element(f"{{{SITEMAP_NS}}}urlset", nsmap={None: SITEMAP_NS, "xhtml": XHTML_NS})
    for url in urls:
        item = etree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        etree.SubElement(item, f"{{{SITEMAP_NS}}}loc").text = url.loc
        if url.lastmod is not None:
            etree.SubElement(item, f"{{{SITEMAP_NS}}}lastmod").text = url.lastmod.isoformat(timespec="seconds")
        for lang, href in url.alternates:
            etree.SubElement(item, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=lang, href=href)
    return etree.tostring(urlset, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def sitemap_index(sitemaps: Iterable[tuple[str, datetime | None]]) -> bytes:
    """A sitemaps.org sitemapindex: (absolute address, newest lastmod of its entries) for each sitemap."""
    index = etree.Element(f"{{{SITEMAP_NS}}}sitemapindex", nsmap={None: SITEMAP_NS})
    for loc, lastmod in sitemaps:
        item = etree.SubElement(index, f"{{{SITEMAP_NS}}}sitemap")
        etree.SubElement(item, f"{{{SITEMAP_NS}}}loc").text = escape_url(loc)
        if lastmod is not None:
            etree.SubElement(item, f"{{{SITEMAP_NS}}}lastmod").text = lastmod.isoformat(timespec="seconds")
    return etree.tostring(index, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def robots_txt(sitemap_url: str, preview: bool = False) -> bytes:
    """Allow everything and name the sitemap; a preview build asks robots to stay out altogether."""
    lines = ["User-agent: *", "Disallow: /" if preview else "Disallow:", "", f"Sitemap: {escape_url(sitemap_url)}", ""]
    return "\n".join(lines).encode("utf-8")
