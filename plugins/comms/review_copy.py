"""A post rendered with the public theme for the comms room: the page as it will look, every address made local.

Legal approve what readers will see, so the review copy is the theme's own
``article.html`` rendered with the site's template context, as Pelican would.
Then every address the browser would load (stylesheets, icons, images,
scripts) is either pointed at a copy inside the room or removed: the copy
opens from ``file://`` and never reaches the public site, which may not have
the post (or its pictures) yet. Links people click are left as they are.
"""

from __future__ import annotations

import logging
import os
import re
from contextlib import contextmanager
from urllib.parse import unquote, urlsplit

from lxml import html as lxml_html

#: attributes whose address the browser loads by itself, per element
LOADED = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "track": ("src",),
    "input": ("src",),
    "object": ("data",),
}
#: <link rel> values the browser fetches (canonical, alternate or me are only addresses)
#: end tags libxml2 writes for HTML5 void elements, which have none
VOID_END = re.compile(rb"</(?:source|track|wbr|embed)>", re.I)
FETCHED_LINKS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "apple-touch-icon", "manifest"}


@contextmanager
def _quiet_pelican():
    """Pelican warns about links to files it left out (a withheld post's pictures): the copy handles them."""
    logger = logging.getLogger("pelican.contents")
    was, logger.disabled = logger.disabled, True
    try:
        yield
    finally:
        logger.disabled = was


def render(item, ctx, settings) -> str | None:
    """The theme's page for ``item``, with absolute addresses; None when the build has no theme context."""
    if ctx.templates is None or ctx.template_context is None:
        return None
    template = ctx.templates.get_template(f"{getattr(item, 'template', 'article') or 'article'}.html")
    values = dict(ctx.template_context)
    values.update(
        article=item,
        category=getattr(item, "category", None),
        url=item.url,
        output_file=item.save_as,
        localsiteurl=None,
        SITEURL=settings.get("SITEURL", "") or "",
        blog=True,
        all_articles=values.get("articles", []),
        page_name=os.path.splitext(item.url)[0],
    )
    with _quiet_pelican():
        return template.render(values)


def site_path(url: str, siteurl: str) -> str | None:
    """The path inside the site of an address (``theme/css/podium.css``), or None for another host."""
    url = url.strip()
    if siteurl and url.startswith(siteurl.rstrip("/") + "/"):
        rest = url[len(siteurl.rstrip("/")) + 1 :]
    elif url.startswith("/") and not url.startswith("//"):
        rest = url[1:]
    else:
        return None
    path = unquote(urlsplit(rest).path)
    clean = os.path.normpath(path).replace(os.sep, "/")
    return None if clean.startswith("..") or clean in ("", ".") else clean


class Localizer:
    """Points loaded addresses at files copied into the room (``prefix`` + path); drops what it cannot copy."""

    def __init__(self, siteurl: str, folders: list[str], prefix: str):
        self.siteurl, self.folders, self.prefix = siteurl, folders, prefix
        self.files: dict[str, bytes] = {}  # path inside the site -> bytes
        self.used: set[str] | None = None  # when a set: the paths made local since, for a page kept in a cache

    def local(self, url: str) -> str | None:
        path = site_path(url, self.siteurl)
        if path is None:
            return None
        if path not in self.files:
            found = next((os.path.join(f, path) for f in self.folders if os.path.isfile(os.path.join(f, path))), None)
            if found is None:
                return None
            with open(found, "rb") as fh:
                self.files[path] = fh.read()
        if self.used is not None:
            self.used.add(path)
        return self.prefix + path

    def srcset(self, value: str) -> str | None:
        from ..htmlparse import srcset

        kept = []
        for url, descriptors in srcset(value):  # split as the HTML standard does: a URL may hold commas
            if local := self.local(url):
                kept.append(f"{local} {descriptors}".strip())
        return ", ".join(kept) or None


def localize(page: str, localizer: Localizer, banner: str, lang: str, label: str = "Review copy") -> bytes:
    """The page with every loaded address local (or gone), a not-public banner, and the comms pages' marks."""
    doc = lxml_html.document_fromstring(page)
    for element in doc.iter("link"):
        if FETCHED_LINKS & set((element.get("rel") or "").lower().split()):
            local = localizer.local(element.get("href") or "")
            if local:
                element.set("href", local)
            else:
                element.drop_tree()
    for tag, attributes in LOADED.items():
        for element in list(doc.iter(tag)):
            for attribute in attributes:
                value = element.get(attribute)
                if value is None:
                    continue
                local = localizer.srcset(value) if attribute == "srcset" else localizer.local(value)
                if local:
                    element.set(attribute, local)
                else:
                    del element.attrib[attribute]
            if tag in ("script", "iframe", "embed", "object") and not any(element.get(a) for a in attributes):
                if element.tag != "script" or not (element.text or "").strip():
                    element.drop_tree()
    _mark(doc, banner, label, lang)
    out = lxml_html.tostring(doc, doctype="<!DOCTYPE html>", encoding="utf-8")
    # libxml2 knows HTML 4's void elements only: it closes HTML5's, which never have content
    return VOID_END.sub(b"", out)


def _mark(doc, banner: str, label: str, lang: str) -> None:
    doc.set("data-podium-room", "comms")
    head = doc.find("head")
    for meta in head.findall("meta"):
        if meta.get("name") in ("robots", "referrer"):
            meta.drop_tree()
    for name, content in (("robots", "noindex, nofollow, noarchive"), ("referrer", "no-referrer")):
        meta = lxml_html.Element("meta", name=name, content=content)
        head.insert(1, meta)
    body = doc.find("body")
    # a landmark of its own, holding the theme's preview banner too: every part of the page stays in a landmark
    note = lxml_html.Element(
        "section",
        {
            "class": "podium-review-banner",
            "aria-label": label,
            "lang": lang,
            "style": "background:#7a4b00;color:#fff;padding:.75rem 1rem;font:600 1rem/1.4 system-ui,sans-serif",
        },
    )
    text = lxml_html.Element("p", style="margin:0")
    text.text = banner
    note.append(text)
    for theirs in body.xpath(".//div[contains(concat(' ', @class, ' '), ' preview-banner ')]"):
        note.append(theirs)  # moved, not copied
    first = body[0] if len(body) else None
    body.insert(1 if first is not None and first.tag == "a" else 0, note)  # after the skip link, which stays first
