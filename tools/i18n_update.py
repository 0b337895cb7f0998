"""Bring the French catalogue up to date with the code: new messages added (untranslated), gone ones dropped.

    .venv/bin/python tools/i18n_update.py             # update plugins/locale/fr/LC_MESSAGES/podium.po
    .venv/bin/python tools/i18n_update.py --missing   # list the messages that still need a translation

Then translate the new entries in the .po file (msgstr) and run
tests/plugins/test_i18n.py, which fails while one is missing.
"""

from __future__ import annotations

import argparse
import ast
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract, extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("plugins", "publish")  # the installed packages: podium.plugins, podium.publish
#: Python modules, and the comms room's Jinja templates ({{ _("...") }}, see podium.plugins.comms.templating)
METHODS = [
    ("**/__pycache__/**", "ignore"),
    ("**.py", "python"),
    ("comms/templates/**.html", "jinja2.ext:babel_extract"),
]
CATALOGUE = ROOT / "plugins" / "locale" / "fr" / "LC_MESSAGES" / "podium.po"


def keywords() -> dict:
    sys.path.insert(0, str(ROOT))
    from podium.plugins.i18n import KEYWORDS

    return KEYWORDS


def extracted() -> Catalog:
    """Every wrapped message of the code, with where it is (file:line) for translators.

    Besides the _() calls: each command's one-line summary (the first line of its
    module's docstring, which cli.py shows in --help) and argparse's own messages.
    """
    template = Catalog(project="podium", domain="podium")
    for folder in SOURCES:
        for filename, lineno, message, comments, context in extract_from_dir(
            ROOT / folder, METHODS, keywords=keywords(), comment_tags=("Translators:",), strip_comment_tags=True
        ):
            template.add(message, None, [(f"{folder}/{filename}", lineno)], auto_comments=comments, context=context)
    for path, summary in command_summaries():
        template.add(summary, None, [(path, 1)])
    with open(argparse.__file__, "rb") as fh:
        for lineno, message, comments, context in extract("python", fh, keywords={"_": None, "ngettext": (1, 2)}):
            template.add(message, None, [("argparse.py", lineno)], context=context)
    return template


def command_summaries() -> list[tuple[str, str]]:
    """(path, first docstring line) of every command module, read without importing it."""
    from podium.publish.cli import COMMANDS

    found = []
    for dotted in COMMANDS.values():
        path = f"publish/{dotted.rsplit('.', 1)[1]}.py"
        doc = ast.get_docstring(ast.parse((ROOT / path).read_text(encoding="utf-8")))
        if doc:
            found.append((path, doc.strip().splitlines()[0]))
    return found


def load() -> Catalog:
    if CATALOGUE.exists():
        with CATALOGUE.open("rb") as fh:
            return read_po(fh, locale="fr")
    catalog = Catalog(
        locale="fr",
        project="podium",
        version="0.1",
        domain="podium",
        fuzzy=False,
        copyright_holder="the podium authors",
        last_translator="the podium authors",
        language_team="French",
    )
    # two forms, as podium.plugins.i18n counts: 0 and 1 singular (CLDR's third form, for millions, is not used)
    catalog._num_plurals, catalog._plural_expr = 2, "(n > 1)"
    return catalog


def missing(catalog: Catalog, template: Catalog) -> list[str]:
    """Messages of the code without a French translation (or only a fuzzy one)."""
    out = []
    for message in template:
        if not message.id:
            continue
        found = catalog.get(message.id, message.context)
        strings = found.string if found else None
        done = found and not found.fuzzy and (all(strings) if isinstance(strings, tuple) else bool(strings))
        if not done:
            out.append(message.id if isinstance(message.id, str) else message.id[0])
    return out


def main(argv: list[str]) -> int:
    template, catalog = extracted(), load()
    if "--missing" in argv:
        left = missing(catalog, template)
        print("\n".join(left) or "every message has a French translation")
        return 1 if left else 0
    template.creation_date = catalog.creation_date  # no churn in the header when nothing changed
    catalog.update(template, no_fuzzy_matching=True)  # a guessed translation is worse than none
    catalog.obsolete.clear()
    CATALOGUE.parent.mkdir(parents=True, exist_ok=True)
    from podium.plugins.files import write_atomic

    out = io.BytesIO()
    write_po(out, catalog, width=100, include_previous=False)
    write_atomic(CATALOGUE, out.getvalue())
    print(
        f"{CATALOGUE.relative_to(ROOT)}: {sum(1 for m in template if m.id)} messages, "
        f"{len(missing(catalog, template))} to translate"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
