"""HTML read through one parser: every fragment podium reads goes through lxml (libxml2's HTML5 tokenizer).

Feeds make addresses absolute, teasers pick paragraphs, the post view and the
cards take plain text, the link check follows every reference. Each used to
tokenize HTML its own way, and they disagreed on comments, scripts, a '>'
inside quotes and entities. Here the parser alone decides what is a tag, what
is text and what an attribute holds. Callers walk its tree; a caller that must
edit a fragment without reformatting it (serialising the tree would respell
entities, quotes and void tags) asks where each start tag and attribute value
stands in the source, and rewrites only those characters.
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from lxml import etree

#: HTML's white space (the "ASCII whitespace" of the standard): not NBSP, not str.isspace().
WHITESPACE = " \t\n\f\r"
START, TEXT, END = "start", "text", "end"
#: Elements whose text a reader never sees as words.
HIDDEN = frozenset({"script", "style", "template"})
#: libxml2 stores a node's line in 16 bits: a position parse marks at most this many '>' at a time.
_WINDOW = 65000
_local = threading.local()
_CLOSE = re.compile(">")


def _parser() -> etree.HTMLParser:
    # one per thread: lxml advises against sharing a parser between threads
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = etree.HTMLParser(encoding="utf-8", huge_tree=True, default_doctype=False)
    return parser


def parse(fragment: str) -> etree._Element:
    """The ``<html>`` root of ``fragment`` as a browser's tokenizer reads it (an empty root for no markup)."""
    root = None
    if fragment and not fragment.isspace():
        # bytes, so that a <meta charset> in the fragment cannot make lxml refuse a str
        root = etree.fromstring(fragment.encode("utf-8", "replace"), _parser())
    return root if root is not None else etree.Element("html")


def elements(fragment: str) -> Iterator[etree._Element]:
    """Every element of ``fragment`` in document order (comments and processing instructions left out)."""
    return parse(fragment).iter(etree.Element)


def events(root: etree._Element) -> Iterator[tuple[str, object]]:
    """(START, element), (TEXT, str), (END, element) in document order; comments give only the text after them."""
    yield START, root
    if root.text:
        yield TEXT, root.text
    children, parents = [iter(root)], [root]
    while children:
        child = next(children[-1], None)
        if child is None:
            children.pop()
            element = parents.pop()
            yield END, element
            if children and element.tail:
                yield TEXT, element.tail
        elif isinstance(child.tag, str):
            yield START, child
            if child.text:
                yield TEXT, child.text
            children.append(iter(child))
            parents.append(child)
        elif child.tail:  # a comment or processing instruction: not text, but what follows it is
            yield TEXT, child.tail


def text(fragment: str, hidden: Iterable[str] = HIDDEN, hidden_classes: Iterable[str] = ()) -> str:
    """The words of a fragment on one line: tags count as spaces, entities decoded, scripts and styles left out.

    Elements named in ``hidden``, or with a class in ``hidden_classes``, are left out with all they hold.
    """
    if "<" not in fragment and "&" not in fragment:
        return " ".join(fragment.split())  # no markup: nothing for the parser to do
    hidden, classes = frozenset(hidden), frozenset(hidden_classes)
    pieces: list[str] = []
    skipped: list[etree._Element] = []  # the hidden elements we are inside, innermost last
    for kind, item in events(parse(fragment)):
        if kind == TEXT:
            if not skipped:
                pieces.append(item)
        elif kind == START and (
            item.tag in hidden or classes and not classes.isdisjoint((item.get("class") or "").split())
        ):
            skipped.append(item)
        elif kind == END and skipped and item is skipped[-1]:
            skipped.pop()
        pieces.append(" ")  # a tag, or a comment between two texts, parts words as the old tag-stripping did
    return " ".join("".join(pieces).split())


def srcset(value: str) -> list[tuple[str, str]]:
    """(url, descriptors) of each image candidate, split as the HTML standard's srcset parser does.

    A URL may hold commas (``/a,b.jpg``): it is a run of non-space characters
    of which only trailing commas end the candidate; otherwise the candidate
    runs to the next comma outside parentheses.
    """
    out, pos, size = [], 0, len(value)
    while pos < size:
        while pos < size and (value[pos] in WHITESPACE or value[pos] == ","):
            pos += 1
        start = pos
        while pos < size and value[pos] not in WHITESPACE:
            pos += 1
        url = value[start:pos]
        if not url:
            break
        if url.endswith(","):
            out.append((url.rstrip(","), ""))
            continue
        start, in_parens = pos, False
        while pos < size and (in_parens or value[pos] != ","):
            in_parens = value[pos] != ")" if in_parens else value[pos] == "("
            pos += 1
        out.append((url, value[start:pos].strip(WHITESPACE)))
    return out


@dataclass(frozen=True)
class Attribute:
    name: str  # lowercase, as the parser reports it
    value: str  # decoded by the parser
    start: int  # source span of the written value, quotes included (empty for a bare attribute)
    end: int
    bare: bool = False  # written without '=': its value is empty, whatever libxml2 says of "disabled"


@dataclass(frozen=True)
class StartTag:
    name: str
    start: int  # offset of '<'
    end: int  # offset just after '>'
    attributes: tuple[Attribute, ...]


def start_tags(
    fragment: str, names: Iterable[str] | None = None, having: Iterable[str] | None = None
) -> list[StartTag]:
    """The start tags with attributes that the parser found in ``fragment``, with their source positions.

    ``names`` keeps only those tags, ``having`` only tags with one of those attributes.

    lxml reports no offsets, only each element's line, taken when its start tag
    ends. So the fragment is parsed once more with every line break made a
    space and a line break added after each '>': an element's line then names
    the '>' that closes its tag. Only the span inside that tag is read here,
    and it must agree with the parser on the tag's name and attribute names.
    """
    wanted = None if names is None else frozenset(names)
    needed = None if having is None else frozenset(having)
    closing = [m.start() for m in _CLOSE.finditer(fragment)] if "<" in fragment else []
    blanked = fragment.replace("\r", " ").replace("\n", " ")
    found: list[StartTag] = []
    for low in range(0, len(closing), _WINDOW):
        high = min(low + _WINDOW, len(closing))
        cut, last = (closing[low - 1] + 1 if low else 0), closing[high - 1] + 1
        marked = blanked[:cut] + "\n" + blanked[cut:last].replace(">", ">\n") + blanked[last:]
        bound = found[-1].end if found else 0
        ends = {}  # by the '>' closing each tag: source order, whatever the tree did with the elements
        for element in parse(marked).iter(etree.Element):
            index = low + (element.sourceline or 0) - 2
            if not element.attrib or not low <= index < high or wanted is not None and element.tag not in wanted:
                continue
            if needed is None or not needed.isdisjoint(element.attrib):
                ends.setdefault(index, element)
        for index in sorted(ends):
            tag = _locate(fragment, closing[index], ends[index], bound)
            if tag is not None:
                found.append(tag)
                bound = tag.end
    return found


def _locate(fragment: str, close: int, element, bound: int) -> StartTag | None:
    """The start tag that ends at ``close`` and reads as ``element``: the nearest '<' before it that agrees."""
    expected = list(element.attrib)
    lt = fragment.rfind("<", bound, close)
    while lt >= 0:
        read = _read_tag(fragment, lt, close)
        if read is not None and read[0].lower() == element.tag and [a[0] for a in read[1]] == expected:
            attributes = tuple(
                Attribute(name, "" if bare else _value(fragment, a, b, element.get(name)), a, b, bare)
                for name, a, b, bare in read[1]
            )
            return StartTag(element.tag, lt, close + 1, attributes)
        lt = fragment.rfind("<", bound, lt)
    return None


def _value(fragment: str, start: int, end: int, parsed: str | None) -> str:
    """The decoded value; one the position parse changed (a '>' or line break in it) is parsed alone."""
    raw = fragment[start:end]
    if not any(c in raw for c in ">\r\n"):
        return parsed or ""
    alone = parse(f"<a v={raw}>").find(".//a")
    return alone.get("v", "") if alone is not None else html.unescape(raw.strip("\"'"))


def _read_tag(s: str, lt: int, close: int):
    """(name, [(attribute, value start, value end)]) of a start tag at ``lt`` if it ends exactly at ``close``."""
    i = lt + 1
    if i >= close or not s[i].isalpha():
        return None
    while i < close and s[i] not in WHITESPACE and s[i] not in "/>":
        i += 1
    name, attributes, seen = s[lt + 1 : i], [], set()
    while True:
        while i < close and (s[i] in WHITESPACE or s[i] == "/"):
            i += 1
        if i >= close:
            return name, attributes
        if s[i] == ">":
            return None  # the tag ended before ``close``
        begin, i = i, i + 1
        while i < close and s[i] not in WHITESPACE and s[i] not in "/>=":
            i += 1
        key = s[begin:i].lower()
        value_start = value_end = i
        while i < close and s[i] in WHITESPACE:
            i += 1
        bare = i >= close or s[i] != "="
        if not bare:
            i += 1
            while i < close and s[i] in WHITESPACE:
                i += 1
            value_start = i
            if i < close and s[i] in "\"'":
                i = s.find(s[i], i + 1, close)
                if i < 0:
                    return None
                i += 1
            else:
                while i < close and s[i] not in WHITESPACE and s[i] != ">":
                    i += 1
            value_end = i
        if key not in seen:  # the first of two same-named attributes wins, as in the standard
            seen.add(key)
            attributes.append((key, value_start, value_end, bare))


def rewrite_attributes(fragment: str, having: Iterable[str], change: Callable[[str, str, str], str | None]) -> str:
    """``fragment`` with each value of a ``having`` attribute that ``change(tag, attribute, value)`` replaces.

    Only the changed values are respelt (double-quoted, escaped); every other
    character of the fragment stays as written.
    """
    out, pos = [], 0
    having = frozenset(having)
    for tag in start_tags(fragment, having=having):
        for attribute in tag.attributes:
            new = change(tag.name, attribute.name, attribute.value) if attribute.name in having else None
            if new is None or new == attribute.value:
                continue
            quoted = '"' + html.escape(new, quote=True) + '"'
            out += [fragment[pos : attribute.start], "=" + quoted if attribute.bare else quoted]
            pos = attribute.end
    return "".join(out) + fragment[pos:] if out else fragment
