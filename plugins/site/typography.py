"""Typography: curly apostrophes, and the no-break spaces that keep French « guillemets » and ' ?' with their words.

Only spaces the author already typed are changed, so URLs, times (10:30)
and code stay untouched, and English text is never given French spacing.
"""

from __future__ import annotations

import re

NNBSP = "\u202f"  # narrow no-break space (espace fine insécable)
NBSP = "\u00a0"

_BEFORE_TALL = re.compile(r"[ \u00a0]([;!?»])")
_AFTER_OPENING = re.compile(r"«[ \u00a0]")
_BEFORE_COLON = re.compile(r"(?<=\S)[ \u202f]:(?=\s|$)")
_BEFORE_PERCENT = re.compile(r"(?<=\d) (%|€|\$)")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
#: anything at all to do? most text nodes have none of these, and builds run this on every one
_FRENCH_WORK = re.compile(r"[ \u00a0\u202f][;!?»:%€$]|«[ \u00a0]")


def french_spacing(text: str) -> str:
    """Replace the breaking space before ; ! ? » and after « with a narrow no-break space,
    the one before a colon with a no-break space, and the one between a number and % or €."""
    if not text or not _FRENCH_WORK.search(text):
        return text
    text = _BEFORE_TALL.sub(NNBSP + r"\1", text)
    text = _AFTER_OPENING.sub("«" + NNBSP, text)
    text = _BEFORE_COLON.sub(NBSP + ":", text)
    return _BEFORE_PERCENT.sub(NBSP + r"\1", text)


def apostrophes(text: str) -> str:
    """A typewriter apostrophe between letters becomes the typographic one: l'été -> l’été."""
    return _APOSTROPHE.sub("\u2019", text) if "'" in text else text


def for_language(text: str, lang: str | None) -> str:
    """Typographic apostrophes everywhere; French spacing for French text only."""
    text = apostrophes(text)
    if (lang or "").lower().startswith("fr"):
        return french_spacing(text)
    return text
