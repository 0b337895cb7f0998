"""sitemap.xml and robots.txt as bytes: XML built with lxml, so every address is escaped by the library."""

from __future__ import annotations

from collections.abc import Iterable

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


def robots_txt(sitemap_url: str, preview: bool = False) -> bytes:
    """Allow everything and name the sitemap; a preview build asks robots to stay out altogether."""
    lines = ["User-agent: *", "Disallow: /" if preview else "Disallow:", "", f"Sitemap: {escape_url(sitemap_url)}", ""]
    return "\n".join(lines).encode("utf-8")
