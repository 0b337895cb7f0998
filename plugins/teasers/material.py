"""What a teaser can be made of, taken from a post: its hook, best quote, key figure, question.

Everything is plain text, typeset for the post's language. The choices are
heuristics a comms person would apply: the author's summary before the first
paragraph; the pull quote of a comfortable length; the sentence whose number
carries the point (a percentage before a bare count, a year alone is no figure).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import regex

from .. import htmlparse
from ..typography import typeset
from .shorten import sentence_ends
from .tokens import masked

_MARKDOWN = (
    (regex.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),
    (regex.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (regex.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (regex.compile(r"\[\^[^\]]+\]"), ""),
)
_PERCENT = regex.compile(r"\d\s*%|\bper ?cent\b|\bpour ?cent\b", regex.I)
_AMOUNT = regex.compile(
    r"[€$£]|\b(?:millions?|milliards?|billions?|thousands?|milliers?|MW|GW|TWh|GWh|km|tonnes?|k€|M€|Md€)\b", regex.I
)
_MONTHS = (
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
_DATE = regex.compile(rf"\b\d{{1,2}}(?:er|st|nd|rd|th)?\s+(?:{_MONTHS})\b|\b(?:{_MONTHS})\s+\d{{1,2}}\b", regex.I)
_YEAR = regex.compile(r"^(?:1[89]\d\d|20\d\d)$")
_NUMBER = regex.compile(r"(?<![\p{L}\d-])\d[\d.,\u202f\u00a0 ]*(?![\p{L}\d])")
_DIGIT = regex.compile(r"\d")
_NOT_DIGIT = regex.compile(r"\D")
_QUOTE_IDEAL = 110
_WS = regex.compile(r"\s+")
_INFORMATION_SEPARATORS = regex.compile(r"[\x1c-\x1f]")


def _one_line(text: str) -> str:
    """``text`` with every run of white space made one space, and none at either end.

    ``str.split`` does it many times faster than the pattern, and agrees with it
    except on U+001C to U+001F (white space to ``str``, not to ``regex``): a text
    holding one of those takes the pattern.
    """
    if _INFORMATION_SEPARATORS.search(text):
        return _WS.sub(" ", text).strip()
    return " ".join(text.split())


def strip_markdown(text: str) -> str:
    """Author metadata is Markdown: keep the words, drop the markup (links' own '_' and '*' stay)."""
    for pattern, repl in _MARKDOWN[:2]:
        text = pattern.sub(repl, text)

    def edit(plain: str) -> str:
        for pattern, repl in _MARKDOWN[2:]:
            plain = pattern.sub(repl, plain)
        return plain

    return masked(text, edit)


class _Blocks:
    """Collects the text of paragraphs, list items and blockquotes; skips code, figures, footnotes."""

    _SKIP = {"pre", "code", "script", "style", "figure", "figcaption", "sup", "table"}
    # "footer": the theme writes a pull quote's "— Name" line as the blockquote's <footer>
    _BLOCKS = {"p", "li", "blockquote", "footer", "h1", "h2", "h3", "h4", "h5", "h6"}

    def __init__(self) -> None:
        self.blocks: list[tuple[str, str]] = []
        self._stack: list[str] = []
        self._skip = 0
        self._text: list[str] = []
        self._quote: list[str] | None = None

    def start(self, tag: str, classes: str) -> None:
        if tag in self._SKIP or "footnote" in classes:
            self._skip += 1
            self._stack.append("skip:" + tag)
        elif tag == "blockquote":
            self._quote = []
            self._stack.append(tag)
        elif tag in self._BLOCKS:
            self._text = []
            self._stack.append(tag)
        elif tag == "br":
            self._text.append(" ")

    def end(self, tag: str) -> None:
        if not self._stack:
            return
        if self._stack[-1] == "skip:" + tag:
            self._stack.pop()
            self._skip -= 1
        elif self._stack[-1] == tag == "blockquote":
            self._stack.pop()
            self.blocks.append(("blockquote", " ".join(self._quote or [])))
            self._quote = None
        elif self._stack[-1] == tag and tag in self._BLOCKS:
            self._stack.pop()
            text = _one_line("".join(self._text))
            if self._quote is not None:
                self._quote.append(text)
            elif text:
                self.blocks.append((tag, text))

    def data(self, text: str) -> None:
        if not self._skip:
            self._text.append(text)


def blocks(content_html: str) -> list[tuple[str, str]]:
    """(kind, plain text) of each block of the post body, in order, as the one HTML parser reads it."""
    reader = _Blocks()
    for kind, item in htmlparse.events(htmlparse.parse(content_html or "")):
        if kind == htmlparse.TEXT:
            reader.data(item)
        elif kind == htmlparse.START:
            reader.start(item.tag, item.get("class") or "")
        else:
            reader.end(item.tag)
    return [(kind, text.strip()) for kind, text in reader.blocks if text.strip()]


def sentences(text: str) -> list[str]:
    ends = [0] + sentence_ends(text) + [len(text)]
    return [text[a:b].strip() for a, b in zip(ends, ends[1:]) if text[a:b].strip()]


def _figure_score(sentence: str) -> int:
    if _DIGIT.search(sentence) is None:
        return 0  # most sentences hold no number: spare them the date and number patterns
    numbers = [n.strip(" .,\u202f\u00a0") for n in _NUMBER.findall(_DATE.sub(" ", sentence))]
    if not numbers:
        return 0
    if all(_YEAR.match(n) or len(n) <= 1 and not _PERCENT.search(sentence) for n in numbers):
        return 0
    big = any(len(_NOT_DIGIT.sub("", n)) >= 2 and not _YEAR.match(n) for n in numbers)
    score = 2 + 3 * bool(_PERCENT.search(sentence)) + 2 * bool(_AMOUNT.search(sentence)) + big
    return score + (40 <= len(sentence) <= 220) - 2 * (len(sentence) > 280)


def _quote_score(text: str) -> float:
    return -abs(len(text) - _QUOTE_IDEAL) / _QUOTE_IDEAL + (30 <= len(text) <= 260)


_ATTRIBUTION = regex.compile(r"\s*[\u2014\u2013]\s*(?P<by>\p{Lu}[^\u2014\u2013.!?]{1,80})$")
#: "Chères actionnaires, chers actionnaires," or "Bien à vous,": a letter's opening or closing words, not its point
_SALUTATION = regex.compile(
    r"^(?:(?:chers?|chères?|dear|madame|monsieur|mesdames|messieurs|bonjour|hello|hi)\b.{0,110},"
    r"|(?:bien à vous|cordialement|amitiés|bien amicalement|kind regards|best regards|warm regards|sincerely|yours)\b.{0,40}[,.]?)$",
    regex.I,
)
#: A sentence that sets up a contrast ("On paper, 97% looks like..."): alone, it says the opposite of the point.
_SETUP = regex.compile(
    r"^(?:sur le papier|en apparence|à première vue|en théorie|on pourrait croire|on pourrait penser|officiellement"
    r"|on paper|at first (?:sight|glance)|in theory|on the face of it|you might think|officially)\b",
    regex.I,
)
_CONTRAST = regex.compile(
    r"^(?:mais|pourtant|or|en réalité|en vérité|en pratique|dans les faits|sur le terrain|sauf que"
    r"|but|yet|however|in practice|in reality|in fact|actually)\b",
    regex.I,
)
#: "1. “What will you stop doing?”": a heading's number and quotation marks are not the question.
_HEADING_DRESSING = regex.compile(r"^\s*(?:\d+\s*[.)]\s*)?[\u201c\u00ab\"]?\s*|\s*[\u201d\u00bb\"]?\s*$")


def salutation(paragraph: str) -> bool:
    return len(paragraph) <= 130 and _SALUTATION.match(paragraph) is not None


def setup_sentences(paragraph_sentences: list[str]) -> set[str]:
    """The sentences that open a contrast: marked as such, or followed by "But…" / "Mais…"."""
    found = set()
    for index, sentence in enumerate(paragraph_sentences):
        after = paragraph_sentences[index + 1] if index + 1 < len(paragraph_sentences) else ""
        if _SETUP.match(sentence) or _CONTRAST.match(after):
            found.add(sentence)
    return found


def split_quote(text: str) -> tuple[str, str]:
    """(the words, who said them) of a pull quote whose last line is "— Name, role"."""
    match = _ATTRIBUTION.search(text)
    if not match:
        return text, ""
    return text[: match.start()].strip(), match.group("by").strip(" ,")


def own_words(speaker: str, author: str) -> bool:
    """Whether the "— Name" of a pull quote is the author (then the quote is the author's own)."""
    name = speaker.split(",", 1)[0].strip().casefold()
    return not speaker or bool(author) and name == author.strip().casefold()


@dataclass(frozen=True)
class Material:
    title: str
    hook: str  # the author's summary, else the first paragraph
    first_paragraph: str = ""
    quote: str = ""
    quote_by: str = ""  # the speaker of a pull quote by someone else ("Name, role"); empty for the author's own
    figure: str = ""
    question: str = ""
    sentences: tuple[str, ...] = field(default_factory=tuple)
    paragraphs: tuple[str, ...] = field(default_factory=tuple)  # the first few, for LinkedIn's bodies
    figure_paragraph: str = ""  # the paragraph the figure comes from


#: LinkedIn variants take their bodies from the first paragraphs: at most this many.
BODY_PARAGRAPHS = 5
#: The thread quotes at most this many of the body's first sentences.
THREAD_SENTENCES = 12


def _plain(text: str) -> str:
    return _one_line(html.unescape(text))


def _best_quote(body: list[tuple[str, str]], author: str) -> tuple[str, str]:
    quotes = [split_quote(_plain(t)) for kind, t in body if kind == "blockquote"]
    quotes = [(q, "" if own_words(by, author) else by) for q, by in quotes if 20 <= len(q) <= 400]
    return max(quotes, key=lambda q: _quote_score(q[0])) if quotes else ("", "")


def _best_figure(paragraphs: list[str]) -> tuple[str, str]:
    """(the key-figure sentence, its paragraph); never the set-up half of a contrast."""
    candidates = []
    for paragraph in paragraphs:
        found = sentences(paragraph)
        setups = setup_sentences(found)
        candidates += [(s, paragraph) for s in found if s not in setups]
    if not candidates:
        return "", ""
    best = max(candidates, key=lambda c: _figure_score(c[0]))  # max keeps the first of equals
    return best if _figure_score(best[0]) >= 4 else ("", "")


def _questions(title: str, body: list[tuple[str, str]], all_sentences: list[str]) -> list[str]:
    headings = [_HEADING_DRESSING.sub("", _plain(t)) for kind, t in body if kind[0] == "h" and kind[1:].isdigit()]
    return [
        s
        for s in (title, *headings, *all_sentences)
        if s.rstrip("\u201d\u00bb\u202f\"' ").endswith("?") and len(s) <= 240
    ]


def gather(title: str, summary: str, content_html: str, lang: str, author: str = "") -> Material:
    """Pick the pieces of a post a teaser can quote; only those are typeset.

    ``author`` is the leader's name: a pull quote signed with it is the
    author's own; one signed by anyone else is quoted with its speaker's name.
    """
    body = blocks(content_html)
    paragraphs = [p for p in (_plain(t) for kind, t in body if kind in ("p", "li")) if not salutation(p)]
    quote_text, quote_by = _best_quote(body, author)
    all_sentences = [s for p in paragraphs for s in sentences(p)]
    figure, figure_paragraph = _best_figure(paragraphs)
    title = _plain(strip_markdown(title))
    questions = _questions(title, body, all_sentences)
    first = paragraphs[0] if paragraphs else ""
    summary = _plain(strip_markdown(summary))

    def typed(text: str) -> str:
        return typeset(text, lang) if text else ""

    return Material(
        title=typed(title),
        hook=typed(summary or first),
        first_paragraph=typed(first),
        quote=typed(quote_text),
        quote_by=typed(quote_by),
        figure=typed(figure),
        question=typed(questions[0]) if questions else "",
        sentences=tuple(typed(s) for s in all_sentences[:THREAD_SENTENCES]),
        paragraphs=tuple(typed(p) for p in paragraphs[:BODY_PARAGRAPHS]),
        figure_paragraph=typed(figure_paragraph),
    )
