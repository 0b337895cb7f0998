"""French and English typography for teasers.

French puts a no-break space before ``; : ! ?`` and inside « »; English puts
none. The space is a no-break one so that a line never starts with a lone
question mark: U+202F (narrow) before ``; ! ?`` and inside guillemets, U+00A0
before the colon, as the Imprimerie nationale's rules have it. Links, hashtags
and mentions are left untouched (a link's ``?`` or ``:`` is not punctuation).
"""

from __future__ import annotations

import regex

from .tokens import masked

NNBSP = "\u202f"  # narrow no-break space
NBSP = "\u00a0"  # no-break space
ELLIPSIS = "\u2026"

_SPACE_RUN = r"[ \t\u00a0\u202f\u2009]*"
_FR_TIGHT = regex.compile(rf"(?<=\S){_SPACE_RUN}([;!?]+)")
_FR_COLON = regex.compile(rf"(?<=\S){_SPACE_RUN}:(?=\s|$)")
_FR_OPEN = regex.compile(rf"«{_SPACE_RUN}")
_FR_CLOSE = regex.compile(rf"{_SPACE_RUN}»")
_STRAIGHT_QUOTES = regex.compile(r'"([^"\n]+)"')
_EN_BEFORE = regex.compile(r"[ \u00a0\u202f\u2009]+([;:!?])")
_THREE_DOTS = regex.compile(r"\.\.\.(?!\.)")
_SPACES = regex.compile(r"[ \t]{2,}")
_PERCENT = regex.compile(r"(?<=\d)[ \u00a0]?%")


# (pattern, replacement, characters): no rule can match a text without one of its characters,
# and most sentences hold none of them, so a rule is only tried where it may apply.
_FRENCH = (
    (_STRAIGHT_QUOTES, "«\\1»", '"'),
    (regex.compile(r"'"), "\u2019", "'"),
    (_FR_OPEN, "«" + NNBSP, "«"),
    (_FR_CLOSE, NNBSP + "»", "»"),
    (_FR_TIGHT, NNBSP + "\\1", ";!?"),
    (_PERCENT, NNBSP + "%", "%"),
    (_FR_COLON, NBSP + ":", ":"),
)
_ENGLISH = (
    (_STRAIGHT_QUOTES, "\u201c\\1\u201d", '"'),
    (regex.compile(r"«\s*"), "\u201c", "«"),
    (regex.compile(r"\s*»"), "\u201d", "»"),
    (_EN_BEFORE, "\\1", ";:!?"),
)


def typeset(text: str, lang: str) -> str:
    """``text`` with the punctuation spacing of ``lang`` ('fr' or anything else for English)."""
    rules = _FRENCH if lang.startswith("fr") else _ENGLISH

    def edit(plain: str) -> str:
        if "..." in plain:
            plain = _THREE_DOTS.sub(ELLIPSIS, plain)
        if "  " in plain or "\t" in plain:
            plain = _SPACES.sub(" ", plain)
        for pattern, repl, characters in rules:
            if any(ch in plain for ch in characters):
                plain = pattern.sub(repl, plain)
        return plain

    return masked(text, edit)


def quote(text: str, lang: str) -> str:
    """``text`` between the quotation marks of ``lang``."""
    if lang.startswith("fr"):
        return f"«{NNBSP}{text}{NNBSP}»"
    return f"\u201c{text}\u201d"
