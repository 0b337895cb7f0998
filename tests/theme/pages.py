"""Reading a built site: its HTML pages, their links, and whether each link lands on something."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

from bs4 import BeautifulSoup

#: (selector, attribute) of every reference a page makes to another file
REFERENCES = [
    ("a[href]", "href"),
    ("link[href]", "href"),
    ("img[src]", "src"),
    ("script[src]", "src"),
    ("source[src]", "src"),
    ("img[srcset]", "srcset"),
    ("source[srcset]", "srcset"),
    ('meta[property="og:image"]', "content"),
    ('meta[name="twitter:image"]', "content"),
]


def html_pages(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


def theme_pages(root: Path) -> list[Path]:
    """Pages the theme renders: every HTML page of the site (the comms room is written elsewhere)."""
    return html_pages(root)


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def references(soup: BeautifulSoup) -> list[str]:
    found = []
    for selector, attribute in REFERENCES:
        for element in soup.select(selector):
            value = element.get(attribute, "")
            if attribute == "srcset":
                found += [part.strip().split()[0] for part in value.split(",") if part.strip()]
            elif value:
                found.append(value)
    return found


@dataclass
class Target:
    file: Path
    fragment: str


def resolve(root: Path, page: Path, ref: str, siteurl: str) -> Target | None:
    """The output file a reference points to, or None when it leaves the site (other hosts, mailto:)."""
    url, fragment = urldefrag(ref)
    if siteurl and url.startswith(siteurl.rstrip("/") + "/"):
        url = url[len(siteurl.rstrip("/")) :]
    elif siteurl and url == siteurl.rstrip("/"):
        url = "/"
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None  # another site, or mailto:/tel:/data:
    page_dir = "/" + str(page.parent.relative_to(root)).replace("\\", "/").strip(".")
    path = parts.path or "/" + str(page.relative_to(root))
    joined = posixpath.normpath(posixpath.join(page_dir, unquote(path)))
    if path.endswith("/") or joined == "/":
        joined = joined.rstrip("/") + "/index.html"
    return Target(root / joined.lstrip("/"), fragment)


def ids_of(soup: BeautifulSoup) -> set[str]:
    return {e["id"] for e in soup.select("[id]")} | {e["name"] for e in soup.select("a[name]")}
