"""French and English typography: one set of rules for the blog, its interface and the teasers.

The blog (every text node of a post outside code, and the theme's strings)
and the teasers call ``typeset``, so the same sentence reads the same on the
site and on a network.

French puts a no-break space before ``; : ! ? % €`` and inside « », whether
the author typed a space there or not, so a line never starts with a lone
question mark. Podium's choice, the same everywhere:

- U+202F NARROW NO-BREAK SPACE (espace fine insécable) before ``; ! ?``,
  before ``%``, ``€`` and ``$`` after a number, and inside « »;
- U+00A0 NO-BREAK SPACE before the colon (a colon followed by a space: 10:30
  and 3:1 stay as they are), as the Imprimerie nationale's rules have it.

English puts none of these spaces (they are removed). Both languages get
typographic apostrophes and quotation marks (« » in French, “ ” in English)
and "..." becomes "…". Links, hashtags and mentions are never touched: a
link's ``?`` or ``:`` is not punctuation.
"""

from __future__ import annotations

import regex

from .teasers.tokens import masked

NNBSP = "\u202f"  # narrow no-break space
NBSP = "\u00a0"  # no-break space
ELLIPSIS = "\u2026"

_SPACE_RUN = r"[ \t\u00a0\u202f\u2009]*"
# After a word, or at the very start (a text node that follows an inline element: "<em>Oui</em> ?").
_AFTER_WORD = r"(?:(?<=\S)|^)"
_FR_TIGHT = regex.compile(rf"{_AFTER_WORD}{_SPACE_RUN}([;!?]+)")
# a colon followed by an ordinary space or the end: not 10:30, and not a colon we spaced already
_FR_COLON = regex.compile(rf"{_AFTER_WORD}{_SPACE_RUN}:(?=[ \t\r\n]|$)")
_FR_OPEN = regex.compile(rf"«{_SPACE_RUN}")
_FR_CLOSE = regex.compile(rf"{_SPACE_RUN}»")
_FR_UNIT = regex.compile(r"(?<=\d)[ \u00a0\u202f]?([%€$])")
_STRAIGHT_QUOTES = regex.compile(r'"([^"\n]+)"')
_EN_BEFORE = regex.compile(r"[ \u00a0\u202f\u2009]+([;:!?])")
_APOSTROPHE = regex.compile(r"(?<=\w)'(?=\w)")
_THREE_DOTS = regex.compile(r"\.\.\.(?!\.)")
_SPACES = regex.compile(r"[ \t]{2,}")

# (pattern, replacement, characters): no rule can match a text without one of its characters,
# and most sentences hold none of them, so a rule is only tried where it may apply.
_FRENCH = (
    (_STRAIGHT_QUOTES, "«\\1»", '"'),
    (regex.compile(r"'"), "\u2019", "'"),
    (_FR_OPEN, "«" + NNBSP, "«"),
    (_FR_CLOSE, NNBSP + "»", "»"),
    (_FR_TIGHT, NNBSP + "\\1", ";!?"),
    (_FR_UNIT, NNBSP + "\\1", "%€$"),
    (_FR_COLON, NBSP + ":", ":"),
)
_ENGLISH = (
    (_STRAIGHT_QUOTES, "\u201c\\1\u201d", '"'),
    (_APOSTROPHE, "\u2019", "'"),
    (regex.compile(r"«\s*"), "\u201c", "«"),
    (regex.compile(r"\s*»"), "\u201d", "»"),
    (_EN_BEFORE, "\\1", ";:!?"),
)
#: every character some rule looks for: a text with none of them is returned as it is
_WORK = ('"', "'", "«", "»", ";", ":", "!", "?", "%", "€", "$", "...", "\t", "  ")


def is_french(lang: str | None) -> bool:
    return (lang or "").lower().startswith("fr")


def typeset(text: str, lang: str | None) -> str:
    """``text`` with the typography of ``lang`` ('fr...' for French, anything else for English)."""
    if not text or not any(piece in text for piece in _WORK):
        return text
    rules = _FRENCH if is_french(lang) else _ENGLISH

    def edit(plain: str) -> str:
        if "..." in plain:
            plain = _THREE_DOTS.sub(ELLIPSIS, plain)
        if "  " in plain or "\t" in plain:
            plain = _SPACES.sub(" ", plain)
        for pattern, repl, characters in rules:
            if any(ch in plain for ch in characters):
                plain = pattern.sub(repl, plain)
                # nested straight quotes (""1"") pair up from the inside out: repeat until none is left
                # to pair, or a second pass would turn the outer pair into marks of its own
                while pattern is _STRAIGHT_QUOTES and _STRAIGHT_QUOTES.search(plain):
                    plain = pattern.sub(repl, plain)
        return plain

    return masked(text, edit)


def quote(text: str, lang: str | None) -> str:
    """``text`` between the quotation marks of ``lang``."""
    if is_french(lang):
        return f"«{NNBSP}{text}{NNBSP}»"
    return f"\u201c{text}\u201d"
