"""Make every link and image address in an HTML fragment absolute.

A feed reader shows an entry away from the site, so a relative ``href``,
``src`` or ``srcset`` would point nowhere; each is resolved the way a browser
would on the article's own page. The tags are found by the one HTML parser
(``podium.plugins.htmlparse``) and only the values of URL attributes change:
every other character of the fragment (text, entities, comments, scripts,
the spelling of each tag) is passed through as written.
"""

from __future__ import annotations

from urllib.parse import urljoin

from ..htmlparse import rewrite_attributes, srcset

#: Attributes whose value is one URL.
URL_ATTRIBUTES = frozenset({"href", "src", "poster", "cite", "data", "action", "formaction", "longdesc"})
#: Attributes whose value is a list of image candidates (``url [descriptor], ...``).
SRCSET_ATTRIBUTES = frozenset({"srcset", "imagesrcset"})


def absolute_url(base: str, url: str) -> str:
    """``url`` resolved against ``base``; empty values stay empty (they mean "this page")."""
    value = url.strip()
    if not value:
        return url
    return urljoin(base, value)


def absolute_srcset(base: str, value: str) -> str:
    parts = []
    for url, descriptors in srcset(value):
        resolved = absolute_url(base, url)
        parts.append(f"{resolved} {descriptors}" if descriptors else resolved)
    return ", ".join(parts)


def absolutize(fragment: str, base: str) -> str:
    """``fragment`` with every URL attribute resolved against ``base`` (the page's absolute URL)."""
    if not fragment or "<" not in fragment:
        return fragment

    def change(tag: str, name: str, value: str) -> str | None:
        if name in URL_ATTRIBUTES:
            return absolute_url(base, value)
        return absolute_srcset(base, value) if name in SRCSET_ATTRIBUTES else None

    return rewrite_attributes(fragment, URL_ATTRIBUTES | SRCSET_ATTRIBUTES, change)
