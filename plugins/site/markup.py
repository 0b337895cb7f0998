"""Markdown extras for essays: captioned figures, attributed pull quotes, footnotes as "Sources".

A Markdown extension (no Pelican import) working on the element tree, so it
never parses HTML text. Enabled by the site glue for every Markdown file:

- a paragraph holding only an image with a title becomes
  ``<figure><img><figcaption>title</figcaption></figure>``;
- a blockquote whose last paragraph starts with "— " becomes a pull quote
  whose attribution sits in ``<footer><cite>``;
- the footnotes extension's list becomes a "Sources" section whose back-links
  are labelled in the post's language;
- French text gets French spacing (podium.plugins.typography), code excepted.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from ..typography import typeset
from .strings import ui

#: dashes that open an attribution line: em dash, en dash, horizontal bar
ATTRIBUTION_DASHES = ("— ", "– ", "― ", "—\u00a0", "–\u00a0")
#: elements whose text is code or machine text: never retypeset
_VERBATIM = {"code", "pre", "kbd", "samp", "script", "style", "math", "svg"}


def _blank(text: str | None) -> bool:
    return not (text or "").strip()


def _only_image(p: etree.Element) -> etree.Element | None:
    """The titled image (possibly inside a link) that is the paragraph's only content."""
    if len(p) != 1 or not _blank(p.text):
        return None
    child = p[0]
    if not _blank(child.tail):
        return None
    img = child
    if child.tag == "a" and len(child) == 1 and _blank(child.text) and _blank(child[0].tail):
        img = child[0]
    if img.tag != "img" or not (img.get("title") or "").strip():
        return None
    return img


def make_figure(p: etree.Element, lang: str) -> bool:
    img = _only_image(p)
    if img is None:
        return False
    caption = img.attrib.pop("title").strip()
    p.tag = "figure"
    p.text = "\n"
    p[0].tail = "\n"
    figcaption = etree.SubElement(p, "figcaption")
    figcaption.text = typeset(caption, lang)
    figcaption.tail = "\n"
    return True


def _attribution_start(p: etree.Element) -> str | None:
    text = (p.text or "").lstrip()
    for dash in ATTRIBUTION_DASHES:
        if text.startswith(dash):
            return text[len(dash) :]
    return None


def make_pull_quote(quote: etree.Element) -> bool:
    """The last paragraph '— Name, role' becomes <footer>— <cite>Name</cite>, role</footer>."""
    paragraphs = [c for c in quote if c.tag == "p"]
    if len(paragraphs) < 2 or quote[-1] is not paragraphs[-1]:
        return False
    last = paragraphs[-1]
    rest = _attribution_start(last)
    if rest is None:
        return False
    quote.set("class", " ".join(filter(None, [quote.get("class"), "pull-quote"])))
    last.tag = "footer"
    last.text = "— "
    cite = etree.Element("cite")
    if "," in rest:
        # 'Name, role': the name is cited, the role (and any markup after it) follows
        name, role = rest.split(",", 1)
        cite.text = name.strip()
        cite.tail = "," + role
    else:
        cite.text = rest
        cite.extend(list(last))
        for child in list(last):
            last.remove(child)
    last.insert(0, cite)
    return True


def make_sources(div: etree.Element, lang: str) -> None:
    """The footnotes become a titled "Sources" section with labelled back-links."""
    div.tag = "section"
    div.set("class", "footnotes")
    for hr in div.findall("hr"):
        div.remove(hr)
    heading = etree.Element("h2")
    heading.text = ui("sources", lang)
    heading.tail = "\n"
    div.insert(0, heading)
    div.text = "\n"
    ol = div.find("ol")
    items = ol.findall("li") if ol is not None else []
    for number, item in enumerate(items, 1):
        for back in item.iter("a"):
            if "footnote-backref" in (back.get("class") or "").split():
                back.attrib.pop("title", None)
                back.set("aria-label", ui("back_to_text", lang, number=number))


def retypeset(element: etree.Element, lang: str) -> None:
    """French spacing in every text node outside code."""
    if element.tag in _VERBATIM:
        return
    element.text = typeset(element.text or "", lang) or element.text
    for child in element:
        retypeset(child, lang)
        if child.tail:
            child.tail = typeset(child.tail, lang)


class EssayTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: EssayExtension):
        super().__init__(md)
        self.extension = extension

    def language(self) -> str:
        """The post's language: set by podium's reader, else Pelican's 'Lang:' header, else the site's."""
        lang = getattr(self.md, "podium_lang", None)
        if not lang:
            meta = getattr(self.md, "Meta", None) or {}
            values = meta.get("lang") or []
            lang = values[0] if values else None
        return str(lang or self.extension.getConfig("lang"))

    def run(self, root: etree.Element) -> None:
        lang = self.language()
        for element in list(root.iter()):
            if element.tag == "p":
                make_figure(element, lang)
            elif element.tag == "blockquote":
                make_pull_quote(element)
            elif element.tag == "div" and "footnote" in (element.get("class") or "").split():
                make_sources(element, lang)
        retypeset(root, lang)


class EssayExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"lang": ["en", "Language used when a post does not say its own"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # after inline (20), footnotes (50, 15), attr_list (8) and abbr (7): the tree is
        # complete; before unescape (0), which then also restores escapes in our captions
        md.treeprocessors.register(EssayTreeprocessor(md, self), "podium_essay", 6)


def makeExtension(**kwargs) -> EssayExtension:  # Markdown's loading convention
    return EssayExtension(**kwargs)
