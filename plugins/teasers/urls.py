"""Where the links are in a text, found the way X's autolinker finds them.

X, Mastodon and Bluesky all count a link differently from its letters, so every
counter needs the same answer to "which characters are a link?". The rules
follow the published behaviour of twitter-text (its conformance suite is in
tests/plugins/teasers/conformance/): a link may have no scheme when its domain
ends in a known top-level domain, labels are at most 63 characters once
punycode-encoded, a path ends on a letter, digit or one of ``+-=_#/`` (so a
sentence's final full stop is not part of it), and balanced parentheses stay
inside (Wikipedia links).

Top-level domains come from the Public Suffix List shipped by the
``publicsuffixlist`` package, so no list is kept by hand here.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import regex

SPACES = "\t-\r \x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
INVALID = "\ufffe\ufeff\uffff"
# Characters that can never be inside a domain label (besides '-' and '_', handled by the grammar).
_NOT_DOMAIN = r"!'#%&()*+,\\\-./:;<=>?@\[\]^_{|}~$\"`" + SPACES + INVALID
_DC = rf"[^{_NOT_DOMAIN}]"
LATIN_ACCENTS = (
    "\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b\u0263"
    "\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
)
_CYRILLIC = "\u0400-\u04ff"

# A link never starts right after a letter, a digit, '@', '$' or '#': that would be an
# e-mail address, a cashtag or a hashtag. A domain is looked for from the start of a run of
# domain characters only (or where a scheme starts): "日本語example.com" is one run, whose
# ASCII part is the link; trying every position inside a run would make long texts slow.
_CANDIDATE = regex.compile(
    rf"(?<![A-Za-z0-9@\uff20$#\uff03{INVALID}])(?:(?<!{_DC})|(?=https?://))"
    rf"(?P<scheme>https?://)?"
    rf"(?P<host>{_DC}(?:[-_]*{_DC})*+(?:\.{_DC}(?:[-_]*{_DC})*+)+)",
    regex.IGNORECASE,
)
_PATH_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!*';:=+,.$/%#[]-\u2013_~@|&")
_PATH_END = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-=_#/")
_QUERY_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!?*'@();:&=+$/%#[]-_.,~|")
_QUERY_END = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_&=#/")
_ACCENTED = regex.compile(rf"[{LATIN_ACCENTS}{_CYRILLIC}]")
# The same sets as runs, so that a path or query is read in one step rather than a character at a time.
_PATH_RUN = regex.compile("[" + "".join(map(regex.escape, sorted(_PATH_CHARS))) + f"{LATIN_ACCENTS}{_CYRILLIC}]*")
_QUERY_RUN = regex.compile("[" + "".join(map(regex.escape, sorted(_QUERY_CHARS))) + "]*")
_ASCII_DOMAIN_RUN = regex.compile(rf"[-A-Za-z0-9{LATIN_ACCENTS}]+(?:\.[-A-Za-z0-9{LATIN_ACCENTS}]+)+")
# Every domain holds a dot followed by a domain character: a sentence's final full stop is no such dot.
_DOMAIN_DOT = regex.compile(rf"\.{_DC}", regex.IGNORECASE)
_LAST_SPACE = regex.compile(rf"[{SPACES}][^{SPACES}]*$")
_LETTERS = regex.compile(r"[\p{L}\p{M}]{2,}")
_LABEL_MAX = 63
# Short "name.cc" domains without a path are left alone (too many false alarms) except these.
_SPECIAL_CC = frozenset({"co", "tv"})


@dataclass(frozen=True)
class Link:
    start: int
    end: int
    text: str
    has_scheme: bool


@functools.lru_cache(maxsize=1)
def top_level_domains() -> frozenset[str]:
    """Every ICANN top-level domain, in Unicode and in punycode ('xn--') form."""
    data = resources.files("publicsuffixlist").joinpath("public_suffix_list.dat").read_text("utf-8")
    found: set[str] = set()
    for line in data.splitlines():
        if "===END ICANN DOMAINS===" in line:
            break
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        tld = line.lstrip("!*.").split(".")[-1].lower()
        found.add(tld)
        if not tld.isascii():
            found.add("xn--" + tld.encode("punycode").decode("ascii"))
    return frozenset(found)


def _is_path_char(ch: str) -> bool:
    return ch in _PATH_CHARS or bool(_ACCENTED.match(ch))


def _is_path_end(ch: str) -> bool:
    return ch in _PATH_END or bool(_ACCENTED.match(ch))


def _tld(label: str, lenient: bool) -> str | None:
    """The top-level domain a label starts with, or None.

    With a scheme any run of letters is accepted (new domains appear every year);
    without one the domain must be known, so that "fin.Le" is not taken for a link.
    """
    low = label.lower()
    known = top_level_domains()
    if low in known or (low.startswith("xn--") and len(low) > 4):
        return label
    if lenient and _LETTERS.fullmatch(label):
        return label
    for size in range(len(label) - 1, 1, -1):
        head, nxt = label[:size], label[size]
        if head.lower() in known and not (nxt.isascii() and (nxt.isalnum() or nxt == "@")):
            return head
    return None


def _encoded_length(label: str) -> int:
    if label.isascii():
        return len(label)
    try:
        return 4 + len(label.encode("punycode"))
    except UnicodeError:
        return _LABEL_MAX + 1


@functools.lru_cache(maxsize=1024)  # every teaser links to the same blog: its host comes back all the time
def _resolve_host(host: str, lenient: bool) -> tuple[str | None, bool]:
    """The longest domain at the start of ``host``; second value: rejected for label length."""
    labels = host.split(".")
    for count in range(len(labels), 1, -1):
        tld = _tld(labels[count - 1], lenient)
        if tld is None:
            continue
        chosen = labels[: count - 1] + [tld]
        if "_" in chosen[-2] or chosen[-2].startswith("-") or chosen[-2].endswith("-"):
            continue
        if any(_encoded_length(label) > _LABEL_MAX for label in chosen):
            return None, True
        return ".".join(chosen), False
    return None, False


def _path_end(text: str, pos: int) -> int:
    """End of a path starting with '/' at ``pos``: balanced parentheses, no trailing punctuation."""
    i = _PATH_RUN.match(text, pos + 1).end()
    if i < len(text) and text[i] in "()":
        i = _path_with_parentheses(text, pos)
    while i > pos + 1 and not (_is_path_end(text[i - 1]) or text[i - 1] == ")"):
        i -= 1
    return i


def _path_with_parentheses(text: str, pos: int) -> int:
    """Where a path holding parentheses stops: at most two levels, an unclosed one left out."""
    i, depth, opened = pos + 1, 0, []
    while i < len(text):
        ch = text[i]
        if ch == "(" and depth < 2:
            depth += 1
            opened.append(i)
        elif ch == ")" and depth > 0:
            depth -= 1
            opened.pop()
        elif not _is_path_char(ch):
            break
        i += 1
    return opened[0] if opened else i


def _query_end(text: str, pos: int) -> int:
    i = _QUERY_RUN.match(text, pos + 1).end()
    while i > pos + 1 and text[i - 1] not in _QUERY_END:
        i -= 1
    return i if i > pos + 1 else pos


def _tail_end(text: str, pos: int) -> tuple[int, bool]:
    """Extend a link over its port, path and query; second value: it had a path or query."""
    if pos < len(text) - 1 and text[pos] == ":" and text[pos + 1].isdigit():
        pos += 1
        while pos < len(text) and text[pos].isdigit():
            pos += 1
    has_path = False
    if pos < len(text) and text[pos] == "/":
        pos, has_path = _path_end(text, pos), True
    if pos < len(text) and text[pos] == "?":
        end = _query_end(text, pos)
        has_path = has_path or end > pos
        pos = end
    return pos, has_path


def _bare_links(text: str, start: int, domain: str) -> list[Link]:
    """Links without a scheme: only the ASCII (and accented Latin) part of a domain counts."""
    links = []
    runs = list(_ASCII_DOMAIN_RUN.finditer(domain))
    for number, run in enumerate(runs):
        found, _ = _resolve_host(run.group().strip("-"), lenient=False)
        if not found:
            continue
        begin = start + run.start() + (len(run.group()) - len(run.group().lstrip("-")))
        end = begin + len(found)
        last = number == len(runs) - 1 and run.start() + len(found) == len(domain)
        tail, has_path = _tail_end(text, end) if last else (end, False)
        parts = found.split(".")
        short = len(parts) == 2 and len(parts[1]) == 2 and parts[1].isascii()
        if has_path or not short or parts[1].lower() in _SPECIAL_CC:
            links.append(Link(begin, tail, text[begin:tail], False))
    return links


def _next_start(text: str, pos: int) -> int:
    """Where to look next: the start of the next space-free token holding a dot that may start a label.

    A link never holds a space and its domain always holds a dot followed by a
    domain character (flags as in ``_CANDIDATE``), so long runs of text without
    one (a paragraph of CJK, prose whose every full stop ends a sentence) are
    skipped in one step.
    """
    found = _DOMAIN_DOT.search(text, pos)
    if found is None:
        return -1
    dot = found.start()
    space = _LAST_SPACE.search(text, pos, dot)
    return max(pos, space.start() + 1) if space else pos


def find_links(text: str, require_scheme: bool = False) -> list[Link]:
    """Every link in ``text``, in order, never overlapping."""
    if "\n" not in text:
        return list(_line_links(text, require_scheme))
    links, offset = [], 0
    for line in text.split("\n"):
        links.extend(_moved(_line_links(line, require_scheme), offset))
        offset += len(line) + 1
    return links


def _line_links(line: str, require_scheme: bool) -> tuple[Link, ...]:
    """The links of one line, scanned from the first token that may hold one.

    A link never spans a space or a line break, and what precedes a space does
    not change what follows it, so a teaser's lines (its sentence, its closing
    words and link, its hashtags) are scanned apart, and a closing line only
    from its link on: the same link after another closing is then not scanned again.
    """
    start = _next_start(line, 0)
    if start < 0:
        return ()
    return _moved(_find_links(line[start:], require_scheme), start)


def _moved(links: tuple[Link, ...], offset: int) -> tuple[Link, ...]:
    if not offset:
        return links
    return tuple(Link(link.start + offset, link.end + offset, link.text, link.has_scheme) for link in links)


@functools.lru_cache(maxsize=4096)
def _find_links(text: str, require_scheme: bool) -> tuple[Link, ...]:
    # Fitting a teaser measures the same candidate texts again and again, for
    # every network and every shortening step: remember the recent answers.
    return tuple(_scan_links(text, require_scheme))


def _scan_links(text: str, require_scheme: bool) -> list[Link]:
    links: list[Link] = []
    pos = 0
    while (pos := _next_start(text, pos)) >= 0:
        match = _CANDIDATE.search(text, pos)
        if match is None:
            return links
        scheme = match.group("scheme") or ""
        if require_scheme and not scheme:
            pos = match.start() + 1
            continue
        domain, too_long = _resolve_host(match.group("host"), lenient=bool(scheme))
        if domain is None:
            pos = match.end() if too_long else match.start() + 1
            continue
        host_start = match.start("host")
        if not scheme:
            before = text[match.start() - 1] if match.start() else ""
            found = [] if before and before in "-_./" else _bare_links(text, host_start, domain)
            links.extend(found)
            pos = found[-1].end if found else host_start + len(domain)
            continue
        end, _ = _tail_end(text, host_start + len(domain))
        links.append(Link(match.start(), end, text[match.start() : end], True))
        pos = end
    return links
