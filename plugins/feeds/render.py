"""One Feed value, two renderings: Atom 1.0 and RSS 2.0, written by feedgen.

feedgen builds the XML with lxml, so titles such as ``R&D <2030>`` or
``</script>`` are escaped by the XML library, never by hand. feedgen stamps
new feeds with the current time; every date is set here from the Feed value
so the output does not depend on when the build ran.
"""

from __future__ import annotations

import re

from feedgen.feed import FeedGenerator
from lxml import etree

from .model import MIME, Entry, Feed, Site

#: Characters XML 1.0 cannot carry at all (most C0 controls); lxml refuses them.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text or "")


def _head(fg: FeedGenerator, feed: Feed, fmt: str, site: Site) -> None:
    self_url = site.root + feed.path(fmt)
    fg.id(self_url)
    fg.title(xml_safe(feed.title))
    fg.subtitle(xml_safe(feed.subtitle or feed.title))
    # feedgen takes the RSS channel <link> from the last link given: the home page goes last.
    fg.link(href=self_url, rel="self", type=MIME[fmt])
    fg.link(href=feed.home, rel="alternate", type="text/html")
    if feed.lang:
        fg.language(feed.lang)
    # Atom wants an author for the feed or for every entry; the site's stands in.
    fg.author({"name": xml_safe(site.author or site.name)})
    fg.generator("podium")
    fg.updated(feed.updated)


def _links(entry: Entry) -> list[dict[str, str]]:
    """The entry's links: its page, then its card image as an enclosure."""
    links = [{"href": entry.link, "rel": "alternate", "type": "text/html"}]
    if entry.lang:
        links[0]["hreflang"] = entry.lang
    if entry.enclosure:
        enc = entry.enclosure
        links.append({"href": enc.url, "rel": "enclosure", "type": enc.type})
        if enc.length is not None:
            links[-1]["length"] = str(enc.length)
        if enc.title:
            links[-1]["title"] = xml_safe(enc.title)
    return links


def _entry(fg: FeedGenerator, entry: Entry, full: bool = True) -> None:
    fe = fg.add_entry(order="append")
    fe.id(entry.id)
    fe.title(xml_safe(entry.title) or entry.link)
    for attrs in _links(entry):
        fe.link(**attrs)
    fe.published(entry.published)
    fe.updated(entry.updated)
    if entry.authors:
        fe.author([{"name": xml_safe(name)} for name in entry.authors])
        # RSS <author> must be an e-mail address; names go in dc:creator instead.
        for name in entry.authors:
            fe.dc.dc_creator(xml_safe(name))
    for name in entry.categories:
        fe.category(term=xml_safe(name), label=xml_safe(name))
    if entry.summary:
        fe.summary(xml_safe(entry.summary))
    if full:  # type="html": the HTML travels escaped, which also survives a "]]>" in the text.
        fe.content(xml_safe(entry.content_html), type="html")


def _children(element, name: str) -> list:
    # feedgen creates child elements without a namespace (the root's default one applies).
    return [child for child in element if etree.QName(child).localname == name]


def _atom(fg: FeedGenerator, feed: Feed) -> bytes:
    """Atom output, with each entry's <link> attributes set from the Feed value.

    feedgen 1.0 drops rel, type, hreflang and length from entry links in Atom
    (it reads them back from the new element instead of from its data), which
    would turn the card enclosure into a second alternate link.
    """
    root, doc = fg._create_atom()
    for element, entry in zip(_children(root, "entry"), feed.entries):
        for link, attrs in zip(_children(element, "link"), _links(entry)):
            link.attrib.update(attrs)
    return etree.tostring(doc, pretty_print=True, encoding="UTF-8", xml_declaration=True)


def render(feed: Feed, fmt: str, site: Site) -> bytes:
    """The feed as an XML document (UTF-8 bytes) in ``fmt``: 'atom' or 'rss'."""
    if fmt not in MIME:
        raise ValueError(f"unknown feed format {fmt!r}; expected one of: {', '.join(MIME)}")
    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)
    _head(fg, feed, fmt, site)
    for entry in feed.entries:
        _entry(fg, entry, feed.full)
    if fmt == "atom":
        return _atom(fg, feed)
    return fg.rss_str(pretty=True, encoding="UTF-8")
