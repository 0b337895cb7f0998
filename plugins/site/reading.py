"""Reading time: words divided by a reading speed measured for the post's language.

Speeds are the silent-reading rates for adults reported by Trauzettel-Klosinski
and Dietz (2012, IReST study): about 228 words a minute in English and 195 in
French, whose words are longer.
"""

from __future__ import annotations

import math
import re

from ..post import plain_text

WORDS_PER_MINUTE = {"fr": 195, "en": 228}
_DEFAULT_SPEED = 200
_WORD = re.compile(r"\w+(?:['’-]\w+)*")


def count_words(fragment: str) -> int:
    """Words in an HTML fragment; 'l’équipe' and 'quatre-vingts' count once."""
    return len(_WORD.findall(plain_text(fragment)))


def minutes(fragment: str, lang: str | None) -> int:
    """Whole minutes, rounded up and never below one: '0 min' reads as a mistake."""
    speed = WORDS_PER_MINUTE.get((lang or "")[:2].lower(), _DEFAULT_SPEED)
    return max(1, math.ceil(count_words(fragment) / speed))
