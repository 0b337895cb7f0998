"""The languages a post may be written in, and what each language is called in another.

One place for language names: the theme's "read in English" links, the
per-language feed titles and the social kit's headings all ask here. Names
come from CLDR (Babel), so a language added to LANGUAGES is named without a
new table.
"""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError

LANGUAGES = ("fr", "en")


@cache
def display_name(lang: str, in_lang: str | None = None) -> str:
    """'fr' in French is 'français', in English 'French'; an unknown code is shown as written."""
    try:
        return Locale.parse(lang).get_display_name(in_lang or lang) or lang
    except (UnknownLocaleError, ValueError, TypeError):
        return lang


def native_name(lang: str) -> str:
    """A language's own name as a link label: 'Français', 'English'."""
    name = display_name(lang)
    return name[:1].upper() + name[1:]
