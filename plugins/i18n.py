"""The words podium says to people, in their language: gettext catalogues read with Babel.

Every message a person reads (errors, warnings, summaries, ``--help``, the
comms pages) is written in English in the code and wrapped, so that Babel's
extractor finds it and ``plugins/locale/<lang>/LC_MESSAGES/podium.po`` can
translate it. The API, for every module::

    from podium.plugins.i18n import _, ngettext, N_

    raise BadInput(_("unknown key {key!r}; did you mean {close!r}?", key=key, close=close), path=..., line=...)
    print(ngettext("{count} post withheld", "{count} posts withheld", n, count=n))
    LABELS = {"draft": N_("Draft")}   # marked for extraction here, translated later with _(LABELS[k])
    translate("fr", "Copy")           # a given language (the comms pages follow the site's language)

Write the message as a plain string with ``{name}`` placeholders (``!r`` and
format specs work, as in ``str.format``; a literal brace is ``{{`` or ``}}``)
and pass the values as keywords: an f-string cannot be looked up in a
catalogue. Keep each message one whole sentence (never glue translated
pieces together): word order differs between languages. The ``path:line:`` prefix is
added by ``PodiumError`` outside the message, so it is the same in every
language; so are exit statuses.

The language is ``PODIUM_UI_LANG`` if set, else the locale (``LC_ALL``, then
``LC_MESSAGES``, then ``LANG``: ``fr_FR.UTF-8`` means French), else English.
It is read on every call, so a test or a long-running ``podium serve`` sees a
change at once; catalogues are parsed once per process, on first use. The
``.po`` files are read directly with Babel (no compiled ``.mo``), so a fresh
``pip install -e .`` speaks French with no build step.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from pathlib import Path

DEFAULT = "en"
LANGUAGES = ("en", "fr")
DOMAIN = "podium"
LOCALE_DIR = Path(__file__).with_name("locale")
ENV_VARIABLES = ("PODIUM_UI_LANG", "LC_ALL", "LC_MESSAGES", "LANG")

#: which plural form a count takes, per language (gettext's Plural-Forms): French treats 0 and 1 as singular
_PLURAL = {"en": lambda n: 0 if n == 1 else 1, "fr": lambda n: 0 if n <= 1 else 1}


def language_of(value: str | None) -> str | None:
    """'fr_FR.UTF-8', 'fr-CA' or 'FR' -> 'fr'; 'C', 'POSIX', '' or a language podium lacks -> None."""
    code = (value or "").split(".", 1)[0].split("@", 1)[0].replace("-", "_").split("_", 1)[0].lower()
    return code if code in LANGUAGES else None


def current(environ: Mapping[str, str] | None = None) -> str:
    """The language people read podium in: the first variable that is set decides, as in POSIX."""
    environ = os.environ if environ is None else environ
    for name in ENV_VARIABLES:
        value = environ.get(name)
        if value:
            return language_of(value) or DEFAULT
    return DEFAULT


@functools.cache
def catalogue(lang: str) -> dict:
    """msgid -> translation (a tuple of forms for plurals); empty for English or a missing file."""
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if lang == DEFAULT or not path.is_file():
        return {}
    from babel.messages.pofile import read_po  # only when a translation is needed: `podium count` stays quick

    with path.open("rb") as fh:
        parsed = read_po(fh, locale=lang)
    found = {}
    for message in parsed:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple):
            if all(message.string):
                found[message.id] = tuple(message.string)
        elif message.string:
            found[message.id] = message.string
    return found


def _fill(text: str, values: dict) -> str:
    # always str.format, with or without values: a literal brace is written {{ or }} in every message
    return text.format(**values)


def translate(lang: str, message: str, /, **values: object) -> str:
    """``message`` in ``lang`` (English when the catalogue lacks it), placeholders filled."""
    return _fill(catalogue(language_of(lang) or DEFAULT).get(message, message), values)


def _(message: str, /, **values: object) -> str:
    """``message`` in the reader's language, placeholders filled."""
    return translate(current(), message, **values)


def ngettext(singular: str, plural: str, n: int, /, **values: object) -> str:
    """The form of a message that goes with ``n``, in the reader's language."""
    return translate_plural(current(), singular, plural, n, **values)


def translate_plural(lang: str, singular: str, plural: str, n: int, /, **values: object) -> str:
    """The form of a message that goes with ``n``, in ``lang`` (the comms pages' ngettext)."""
    lang = language_of(lang) or DEFAULT
    forms = catalogue(lang).get((singular, plural))
    if forms:
        text = forms[min(_PLURAL[lang](n), len(forms) - 1)]
    else:
        text = singular if _PLURAL[DEFAULT](n) == 0 else plural
    return _fill(text, values)


def gettext(message: str) -> str:
    """``message`` in the reader's language, unformatted: for argparse, which fills its own %-placeholders."""
    return catalogue(current()).get(message, message)


def plain_ngettext(singular: str, plural: str, n: int) -> str:
    """The unformatted form that goes with ``n``: argparse's ngettext."""
    lang = current()
    forms = catalogue(lang).get((singular, plural))
    if forms:
        return forms[min(_PLURAL[lang](n), len(forms) - 1)]
    return singular if n == 1 else plural


class Later(str):
    """English text (code compares it, logs keep it) that can still be said in another language where it is shown."""

    message: str
    values: dict

    def __new__(cls, message: str, values: dict):
        text = super().__new__(cls, _fill(message, values))
        text.message, text.values = message, values
        return text

    def __reduce__(self):  # build workers send it back to the main process
        return (Later, (self.message, self.values))


def later(message: str, /, **values: object) -> Later:
    """``message`` filled in English now, translated where it is shown: ``said(text)`` (withheld reasons)."""
    return Later(message, values)


def said(text: str, lang: str | None = None) -> str:
    """``text`` in ``lang`` (the reader's by default) when it came from later(); any other text as it is."""
    if isinstance(text, Later):
        return translate(lang or current(), text.message, **text.values)
    return text


def N_(message: str) -> str:
    """Mark a message for the catalogue where it is defined; translate it where it is shown, with _()."""
    return message


#: for Babel's extractor (tests/test_i18n.py, and `pybabel extract -k ...`): the function names and their message arguments
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "translate": (2,), "translate_plural": (2, 3), "later": None}
