"""Make every link and image address in an HTML fragment absolute.

A feed reader shows an entry away from the site, so a relative ``href``,
``src`` or ``srcset`` would point nowhere; each is resolved the way a browser
would on the article's own page. Only start tags that hold a URL attribute are
rewritten; all other text is passed through as written.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from urllib.parse import urljoin

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


def _candidates(srcset: str):
    """Split a srcset value into (url, descriptors) pairs, as the HTML standard parses it.

    URLs may contain commas, so splitting on ',' alone would break them: a URL
    is a run of non-space characters, and only trailing commas end it.
    """
    pos, size = 0, len(srcset)
    while pos < size:
        while pos < size and (srcset[pos].isspace() or srcset[pos] == ","):
            pos += 1
        start = pos
        while pos < size and not srcset[pos].isspace():
            pos += 1
        url = srcset[start:pos]
        if not url:
            break
        if url.endswith(","):
            yield url.rstrip(","), ""
            continue
        start, depth = pos, 0
        while pos < size and (depth or srcset[pos] != ","):
            depth += {"(": 1, ")": -1}.get(srcset[pos], 0)
            pos += 1
        yield url, srcset[start:pos].strip()


def absolute_srcset(base: str, srcset: str) -> str:
    parts = []
    for url, descriptors in _candidates(srcset):
        resolved = absolute_url(base, url)
        parts.append(f"{resolved} {descriptors}" if descriptors else resolved)
    return ", ".join(parts)


def _rewrite(base: str, name: str, value: str | None) -> str | None:
    if value is None:
        return None
    if name in URL_ATTRIBUTES:
        return absolute_url(base, value)
    if name in SRCSET_ATTRIBUTES:
        return absolute_srcset(base, value)
    return value


def _start_tag(tag: str, attrs: list[tuple[str, str | None]], closed: bool) -> str:
    parts = [tag]
    for name, value in attrs:
        parts.append(name if value is None else f'{name}="{html.escape(value, quote=True)}"')
    return "<" + " ".join(parts) + (" />" if closed else ">")


class _Absolutizer(HTMLParser):
    def __init__(self, base: str):
        super().__init__(convert_charrefs=False)
        self.base = base
        self.out: list[str] = []

    def _tag(self, tag, attrs, closed):
        rewritten = [(name, _rewrite(self.base, name, value)) for name, value in attrs]
        if rewritten == attrs:
            self.out.append(self.get_starttag_text())
        else:
            self.out.append(_start_tag(tag, rewritten, closed))

    def handle_starttag(self, tag, attrs):
        self._tag(tag, attrs, closed=False)

    def handle_startendtag(self, tag, attrs):
        self._tag(tag, attrs, closed=True)

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(data)

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")


def absolutize(fragment: str, base: str) -> str:
    """``fragment`` with every URL attribute resolved against ``base`` (the page's absolute URL)."""
    if not fragment:
        return fragment
    parser = _Absolutizer(base)
    parser.feed(fragment)
    parser.close()
    # close() hands over any text still buffered (an unfinished tag, say) as data.
    return "".join(parser.out)
