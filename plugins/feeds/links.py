"""Make every link and image address in an HTML fragment absolute.

A feed reader shows an entry away from the site, so a relative ``href``,
``src`` or ``srcset`` would point nowhere; each is resolved the way a browser
would on the article's own page. Only the values of URL attributes change:
every other character of the fragment (text, entities, comments, scripts,
the spelling of each tag) is passed through as written.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

#: Attributes whose value is one URL.
URL_ATTRIBUTES = frozenset({"href", "src", "poster", "cite", "data", "action", "formaction", "longdesc"})
#: Attributes whose value is a list of image candidates (``url [descriptor], ...``).
SRCSET_ATTRIBUTES = frozenset({"srcset", "imagesrcset"})

# A start tag as the HTML tokenizer reads it: name, then attributes whose quoted values may hold '>'.
_TAG = re.compile(
    r"""<([a-zA-Z][^\s/>]*+)"""  # the name
    r"""((?:\s*+[^\s"'>/=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s"'>]*+))?|\s*+/(?!>))*+)"""  # attributes
    r"""\s*+/?>"""
)  # possessive quantifiers: a malformed tag fails at once instead of backtracking for ever
_ATTR = re.compile(r"""(\s*)([^\s"'>/=]+)(?:(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'>]*))?""")
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
#: Elements whose text is not HTML: nothing inside them is a tag.
_RAW_TEXT = ("script", "style", "textarea", "title")


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


def _attribute(base: str, match: re.Match) -> str:
    space, name, equals, raw = match.groups()
    kind = name.lower()
    if raw is None or (kind not in URL_ATTRIBUTES and kind not in SRCSET_ATTRIBUTES):
        return match.group(0)
    value = html.unescape(raw[1:-1] if raw[:1] in "\"'" else raw)
    new = absolute_url(base, value) if kind in URL_ATTRIBUTES else absolute_srcset(base, value)
    if new == value:
        return match.group(0)
    return f'{space}{name}{equals}"{html.escape(new, quote=True)}"'


def _start_tag(base: str, match: re.Match) -> str:
    name, attributes = match.group(1), match.group(2)
    start = match.start(2) - match.start(0)
    rewritten = _ATTR.sub(lambda m: _attribute(base, m), attributes)
    whole = match.group(0)
    return whole[:start] + rewritten + whole[start + len(attributes):] if rewritten != attributes else whole


def absolutize(fragment: str, base: str) -> str:
    """``fragment`` with every URL attribute resolved against ``base`` (the page's absolute URL)."""
    if not fragment or "<" not in fragment:
        return fragment
    out, pos = [], 0
    while True:
        lt = fragment.find("<", pos)
        if lt < 0:
            break
        comment = _COMMENT.match(fragment, lt)
        tag = None if comment else _TAG.match(fragment, lt)
        end = comment.end() if comment else (tag.end() if tag else lt + 1)
        out.append(fragment[pos:lt])
        out.append(_start_tag(base, tag) if tag else fragment[lt:end])
        pos = end
        if tag and tag.group(1).lower() in _RAW_TEXT:
            close = re.compile(rf"</{tag.group(1)}\s*>", re.I).search(fragment, pos)
            stop = close.start() if close else len(fragment)
            out.append(fragment[pos:stop])
            pos = stop
    out.append(fragment[pos:])
    return "".join(out)
