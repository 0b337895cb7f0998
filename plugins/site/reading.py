"""Reading time: words divided by a reading speed measured for the post's language.

Speeds are the silent-reading rates for adults reported by Trauzettel-Klosinski
and Dietz (2012, IReST study): about 228 words a minute in English and 195 in
French, whose words are longer.
"""

from __future__ import annotations

import math
import re

from .. import htmlparse
from ..post import plain_text

WORDS_PER_MINUTE = {"fr": 195, "en": 228}
_DEFAULT_SPEED = 200
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
#: footnote markers (<sup>) and the notes themselves: meaningless once a summary is shown away from its post
_NOTE_TAGS = htmlparse.HIDDEN | {"sup"}
_NOTE_CLASSES = ("footnotes", "footnote")  # markdown-it's and Python-Markdown's


def count_words(fragment: str) -> int:
    """Words in an HTML fragment; 'l’équipe' and 'quatre-vingts' count once."""
    return len(_WORD.findall(plain_text(fragment)))


def minutes_for(words: int, lang: str | None) -> int:
    """Whole minutes, rounded up and never below one: '0 min' reads as a mistake."""
    speed = WORDS_PER_MINUTE.get((lang or "")[:2].lower(), _DEFAULT_SPEED)
    return max(1, math.ceil(words / speed))


def minutes(fragment: str, lang: str | None) -> int:
    return minutes_for(count_words(fragment), lang)


def excerpt(summary_html: str) -> str:
    """A summary as plain text for lists of posts, without footnote numbers.

    Pelican cuts automatic summaries from the post's HTML, footnote markers
    included; shown on an index page their ids would repeat and their links
    point nowhere.
    """
    return htmlparse.text(summary_html or "", _NOTE_TAGS, _NOTE_CLASSES)
