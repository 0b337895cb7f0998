"""Which addresses the sitemap lists: every public HTML page of the output, and nothing else.

Pure: the glue passes the output's HTML file paths, what the build knows about
its documents (address, date, language, translation group) and the paths that
are withheld. Starting from the files written, rather than from a list of page
kinds, means a page a template or another capability adds is listed too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote

#: Folders never listed: the comms team's private teaser pages, and Pelican's drafts.
PRIVATE_DIRS = ("social/", "drafts/")
#: Pages that exist for browsers, not for search engines.
PRIVATE_NAMES = ("404.html",)
#: The sitemap of the pages that list the newest posts (home, tags, categories, authors): it changes with every post.
LISTINGS = "listings"
#: The sitemap of every other page that is neither a post nor filed under a year (pages, series, indexes).
PAGES = "pages"
#: What may stay as is in a URL; anything else (accents, spaces) is percent-encoded.
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


@dataclass(frozen=True)
class Doc:
    """A page the build knows: where it is written and what the sitemap says about it."""

    save_as: str  # path in the output folder, with '/' separators
    url: str  # absolute
    lang: str = ""
    lastmod: datetime | None = None
    #: versions of one text share a group (their translation key); "" means no translations
    group: str = ""
    #: which sitemap file lists it: a year (posts, older listing parts, a year's archives), LISTINGS or PAGES
    section: str = "pages"


@dataclass(frozen=True)
class Url:
    loc: str
    lastmod: datetime | None = None
    #: (hreflang, absolute URL) for every language version, this one included
    alternates: tuple[tuple[str, str], ...] = ()
    section: str = "pages"


def escape_url(url: str) -> str:
    """Percent-encode what a URL may not hold as such (the sitemap protocol asks for RFC 3986 URLs)."""
    return quote(url, safe=_URL_SAFE)


def is_private(path: str) -> bool:
    parts = path.split("/")
    return path.startswith(PRIVATE_DIRS) or parts[-1] in PRIVATE_NAMES or any(p.startswith(".") for p in parts)


def pretty(path: str) -> str:
    """The address of an output file: ``a/index.html`` is served as ``a/``."""
    if path == "index.html":
        return ""
    if path.endswith("/index.html"):
        return path[: -len("index.html")]
    return path


def _alternates(docs: Iterable[Doc]) -> dict[str, tuple[tuple[str, str], ...]]:
    """For each document that has translations: every language version, itself included."""
    groups: dict[str, list[Doc]] = defaultdict(list)
    for doc in docs:
        if doc.group and doc.lang:
            groups[doc.group].append(doc)
    found = {}
    for members in groups.values():
        versions = tuple(sorted({(d.lang, escape_url(d.url)) for d in members}))
        if len({lang for lang, _ in versions}) > 1:
            for doc in members:
                found[doc.save_as] = versions
    return found


def plan(files: Iterable[str], docs: Iterable[Doc], withheld: Collection[str], root: str) -> list[Url]:
    """The sitemap's entries, sorted by address.

    ``files`` are output paths; ``withheld`` holds the output paths of anything
    that must not be listed (drafts, hidden pages, embargoed posts, and pages
    about them); ``root`` is the site's address ending in '/'.
    """
    docs = list(docs)
    known = {d.save_as: d for d in docs}
    alternates = _alternates(d for d in docs if d.save_as not in withheld)
    urls: dict[str, Url] = {}
    for path in files:
        if not path.endswith(".html") or path in withheld or is_private(path):
            continue
        doc = known.get(path)
        loc = escape_url(doc.url if doc else root + pretty(path))
        urls[loc] = Url(loc, doc.lastmod if doc else None, alternates.get(path, ()), doc.section if doc else PAGES)
    return [urls[loc] for loc in sorted(urls)]


def sections(urls: Iterable[Url]) -> dict[str, list[Url]]:
    """The entries cut into one sitemap per section: listings, pages, then the posts of each year, newest first.

    One file for every address would change with every new post (the home's
    date does); cut this way a new post changes the listings' sitemap, its
    year's and the index, and the sitemaps of past years keep their bytes.
    """
    found: dict[str, list[Url]] = defaultdict(list)
    for url in urls:
        found[url.section].append(url)
    years = sorted((s for s in found if s not in (LISTINGS, PAGES)), reverse=True)
    return {s: found[s] for s in (LISTINGS, PAGES, *years) if s in found}
