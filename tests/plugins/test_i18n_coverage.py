"""No words a person reads skip the catalogue: errors, output, --help and the comms pages' templates.

Each test lists every offending place as ``path:line: text``, so whoever adds
a message sees exactly what to wrap: ``_("... {name} ...", name=value)`` in
Python (podium.plugins.i18n), ``{{ _("...") }}`` in a comms template; then
``tools/i18n_update.py`` and a French translation in the .po file.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import jinja2
import pytest
from jinja2 import nodes

from podium.plugins.comms import templating
from tools import i18n_update

#: calls that turn a text into a translated one
WRAPPERS = {"_", "N_", "ngettext", "translate", "later"}
#: our exception classes descend from these (besides each other)
ROOTS = {"Exception", "ValueError", "PodiumError", "ChannelError"}
#: calls whose first argument a person reads
SHOWN = {"print", "say", "warning", "error", "info", "exit", "_block"}
#: keyword arguments a person reads (argparse's help, what a client was doing when it failed)
SHOWN_KEYWORDS = {"help", "description", "epilog", "what"}


def _sources():
    for folder in i18n_update.SOURCES:
        for path in sorted((i18n_update.ROOT / folder).rglob("*.py")):
            yield path.relative_to(i18n_update.ROOT).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def _name(func) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def error_classes(trees) -> set[str]:
    """Every exception class podium defines, found by following base classes from ROOTS."""
    bases = {
        node.name: {_name(b) for b in node.bases}
        for tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
    }
    found: set[str] = set()
    while True:
        more = {name for name, parents in bases.items() if parents & (ROOTS | found)} - found
        if not more:
            return found
        found |= more


def _words(text: str) -> bool:
    """Two words or more: 'the thread' is a message, 'calendar.schema.json' or 'utf-8' is not."""
    return len(re.findall(r"[^\W\d_]{3,}", text)) >= 2 and bool(re.search(r"\w\s+\w", text))


def unwrapped(node) -> bool:
    """True when ``node`` puts words in front of a person without the catalogue.

    A literal or an f-string with words is unwrapped; so is one passed through
    another call (``self.redact(f"...")``); a wrapped call or a variable is not.
    """
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and _words(node.value)
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and _words(v.value) for v in node.values)
    if isinstance(node, ast.BinOp):
        return unwrapped(node.left) or unwrapped(node.right)
    if isinstance(node, ast.IfExp):
        return unwrapped(node.body) or unwrapped(node.orelse)
    if isinstance(node, ast.Call):
        return _name(node.func) not in WRAPPERS and bool(node.args) and unwrapped(node.args[0])
    return False


def _messages(node: ast.Call, errors: set[str]):
    """The arguments of one call that a person reads."""
    name = _name(node.func)
    if name in errors and node.args:
        yield node.args[0]
    if name in SHOWN:
        yield from node.args  # log.warning("%s", text) as well as print(text)
    if name == "add" and "problems" in ast.unparse(node.func) and len(node.args) > 1:
        yield node.args[1]
    yield from (kw.value for kw in node.keywords if kw.arg in SHOWN_KEYWORDS)


def python_offenders() -> list[str]:
    trees = list(_sources())
    errors = error_classes(tree for _, tree in trees)
    found = []
    for path, tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                found += [f"{path}:{m.lineno}: {ast.unparse(m)[:100]}" for m in _messages(node, errors) if unwrapped(m)]
    return sorted(set(found))


def test_every_message_a_person_reads_in_the_code_goes_through_the_catalogue():
    """Errors, warnings, printed summaries, --help: wrap the text, _("... {name} ...", name=value)."""
    assert python_offenders() == []


def test_the_scanner_finds_what_skips_the_catalogue_and_accepts_what_is_wrapped():
    code = """
class Oops(ValueError): pass
class Worse(Oops): pass
raise Worse(f"the file {name} is broken; fix it")
raise Oops(self.redact("no answer from the network"))
print(_("Built {n} posts", n=n))
print(f"{count.length}/{limit}")
parser.add_argument("--now", help="the time that counts as now")
ctx.report.error(BadInput(_("wrapped {x}", x=x)))
"""
    tree = ast.parse(code)
    errors = error_classes([tree])
    assert errors == {"Oops", "Worse"}
    flagged = [
        m.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for m in _messages(node, errors)
        if unwrapped(m)
    ]
    assert sorted(flagged) == [4, 5, 8]


#: attributes whose values a person reads or hears
READ_ATTRIBUTES = re.compile(r"""\b(?:title|alt|aria-label|placeholder|data-ok|data-fail)\s*=\s*["']([^"'{]*)""")


def _template_text(node) -> list[tuple[int, str]]:
    """(line, text) of a template's literal HTML text and of the readable attributes it spells out.

    The literal pieces come in document order; whether a piece starts inside a
    tag (``<a href="{{ x }}" title="...">``) carries over from the one before.
    """
    found, in_tag = [], False
    for data in node.find_all(nodes.TemplateData):
        html = data.data
        at = lambda offset: data.lineno + html.count("\n", 0, offset)  # noqa: E731, B023 (used in this iteration only)
        found += [(at(m.start()), m.group(1)) for m in READ_ATTRIBUTES.finditer(html)]
        start = 0
        for i, char in enumerate(html + "<"):
            if char in "<>" and (char == "<") != in_tag:
                text = html[start:i]
                if not in_tag and text.strip():
                    found.append((at(start + len(text) - len(text.lstrip())), text.strip()))
                in_tag, start = char == "<", i + 1
    return sorted((line, text) for line, text in found if _words(text))


def _literal_outputs(node) -> list[tuple[int, str]]:
    """Strings written straight into the page ({{ "Copy" }}) instead of through _()."""
    return [
        (c.lineno, c.value)
        for out in node.find_all(nodes.Output)
        for c in out.nodes
        if isinstance(c, nodes.Const) and isinstance(c.value, str) and _words(c.value)
    ]


def template_offenders(folder: Path) -> list[str]:
    env = jinja2.Environment(extensions=["jinja2.ext.i18n"])
    found = []
    for path in sorted(folder.glob("*.html")):
        tree = env.parse(path.read_text(encoding="utf-8"))
        shown = path.relative_to(i18n_update.ROOT).as_posix() if path.is_relative_to(i18n_update.ROOT) else path.name
        found += [
            f"{shown}:{line}: {text[:80]}" for line, text in sorted(_template_text(tree) + _literal_outputs(tree))
        ]
    return found


def test_the_comms_templates_say_every_word_through_the_catalogue():
    assert template_offenders(templating.TEMPLATES) == []


def test_the_template_scanner_finds_words_written_in_the_html(tmp_path):
    (tmp_path / "page.html").write_text(
        '<h1>{{ _("Calendar") }}</h1>\n<p>Times are in UTC</p>\n<button title="Copy the text">{{ t.copy }}</button>\n'
        '<p>{{ "Nothing planned yet" }}</p>\n<td class="day{% if x %} other{% endif %}">{{ d }}</td>\n',
        encoding="utf-8",
    )
    assert template_offenders(tmp_path) == [
        "page.html:2: Times are in UTC",
        "page.html:3: Copy the text",
        "page.html:4: Nothing planned yet",
    ]


@pytest.fixture(scope="module")
def catalogues():
    return i18n_update.extracted(), i18n_update.load()


def test_the_catalogue_holds_no_message_the_code_no_longer_says(catalogues):
    """tools/i18n_update.py drops them; a stale entry means the .po was not brought up to date."""
    template, french = catalogues
    said = {m.id for m in template if m.id}
    stale = sorted(str(m.id) for m in french if m.id and m.id not in said)
    assert stale == [], "run .venv/bin/python tools/i18n_update.py: it drops these"
