"""podium in French: the language chosen from the environment, a complete catalogue, careful typography."""

from __future__ import annotations

import ast
import re
import string

import pytest

from podium.plugins import i18n
from tools import i18n_update


@pytest.mark.parametrize(
    "environ, expected",
    [
        ({}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LC_MESSAGES": "fr_CA.UTF-8", "LANG": "en_GB.UTF-8"}, "fr"),
        ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, "en"),
        ({"LC_ALL": "fr_BE@euro", "LANG": "en_US.UTF-8"}, "fr"),
        ({"PODIUM_UI_LANG": "fr", "LC_ALL": "C"}, "fr"),
        ({"PODIUM_UI_LANG": "en", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"PODIUM_UI_LANG": "", "LANG": "fr_FR.UTF-8"}, "fr"),
    ],
)
def test_the_language_follows_podium_ui_lang_then_the_posix_locale_variables(environ, expected):
    assert i18n.current(environ) == expected


def test_a_message_is_translated_and_filled_in_the_readers_language(monkeypatch):
    monkeypatch.setitem(i18n.catalogue("fr"), "{count!r} is wrong", "{count!r} ne va pas")
    monkeypatch.setenv("PODIUM_UI_LANG", "fr")
    assert i18n._("{count!r} is wrong", count="x") == "'x' ne va pas"
    monkeypatch.setenv("PODIUM_UI_LANG", "en")
    assert i18n._("{count!r} is wrong", count="x") == "'x' is wrong"
    assert i18n._("not in any catalogue, {{braces}} kept") == "not in any catalogue, {braces} kept"


def test_plural_forms_follow_each_language(monkeypatch):
    monkeypatch.setitem(i18n.catalogue("fr"), ("{n} post", "{n} posts"), ("{n} billet", "{n} billets"))
    monkeypatch.setenv("PODIUM_UI_LANG", "fr")
    assert [i18n.ngettext("{n} post", "{n} posts", n, n=n) for n in (0, 1, 2)] == ["0 billet", "1 billet", "2 billets"]
    monkeypatch.setenv("PODIUM_UI_LANG", "en")
    assert [i18n.ngettext("{n} post", "{n} posts", n, n=n) for n in (0, 1, 2)] == ["0 posts", "1 post", "2 posts"]


@pytest.fixture(scope="module")
def catalogues():
    return i18n_update.extracted(), i18n_update.load()


def test_every_message_in_the_code_has_a_french_translation(catalogues):
    template, french = catalogues
    assert i18n_update.missing(french, template) == []


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_translations_keep_every_placeholder_of_the_english(catalogues):
    _, french = catalogues
    wrong = []
    for message in french:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set().union(*(_fields(i) for i in ids))
        wrong += [(ids[0], s) for s in strings if s and _fields(s) != wanted]
    assert wrong == []


def test_french_typography_no_ordinary_space_before_tall_punctuation_or_inside_guillemets(catalogues):
    _, french = catalogues
    # '38 %' takes a no-break space too; argparse's '%s' is no percent sign; the colon takes U+00A0, not U+202F
    bad = re.compile(r" [;:!?»]|« |\d %|\u202f:|\u00a0[;!?]")
    wrong = [
        s
        for m in french
        for s in (m.string if isinstance(m.string, tuple) else (m.string,))
        if s and bad.search(re.sub(r"`[^`]*`|\{[^}]*\}|%\(\w+\)[sr]|%[sr]", "x", s))
    ]
    assert wrong == []


ERRORS = {
    "BadInput",
    "ExternalFailure",
    "PodiumError",
    "Invalid",
    "Outside",
    "ImageProblem",
    "BadIndex",
    "Wrong",
    "ChannelError",
    "PermanentError",
    "TransientError",
    "MissingCredential",
}


def _has_words(node) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return sum(c.isalpha() for c in node.value) >= 3
    if isinstance(node, ast.JoinedStr):
        return any(_has_words(v) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _has_words(node.left) or _has_words(node.right)
    return False


def _sources():
    for folder in i18n_update.SOURCES:
        for path in sorted((i18n_update.ROOT / folder).rglob("*.py")):
            yield path.relative_to(i18n_update.ROOT), ast.parse(path.read_text(encoding="utf-8"))


def test_no_error_is_raised_with_words_that_skip_the_catalogue():
    """BadInput(f"...") cannot be translated: wrap the text, _("... {name} ...", name=value)."""
    found = []
    for path, tree in _sources():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            message = None
            if name in ERRORS and node.args:
                message = node.args[0]
            elif name == "add" and "problems" in ast.unparse(func.value) and len(node.args) > 1:
                message = node.args[1]
            if message is not None and _has_words(message):
                found.append(f"{path}:{node.lineno}")
    assert found == []


def _binds_underscore(function) -> bool:
    def walk(node):
        for child in ast.iter_child_nodes(node):
            if isinstance(
                child,
                (
                    ast.FunctionDef,
                    ast.AsyncFunctionDef,
                    ast.Lambda,
                    ast.ClassDef,
                    ast.ListComp,
                    ast.SetComp,
                    ast.DictComp,
                    ast.GeneratorExp,
                ),
            ):
                continue
            if isinstance(child, ast.Name) and child.id == "_" and isinstance(child.ctx, ast.Store):
                return True
            # `from ... import _` under an if: _ is local to the whole function, unbound when the branch is not taken
            if (
                isinstance(child, ast.ImportFrom)
                and child not in function.body
                and any((a.asname or a.name) == "_" for a in child.names)
            ):
                return True
            if walk(child):
                return True
        return False

    return walk(function)


def test_no_function_both_translates_and_uses_underscore_as_a_throwaway_name():
    """`settings, _ = ...` in a function that calls _() makes _ a local variable there: the call breaks."""
    found = [
        f"{path}:{node.lineno}"
        for path, tree in _sources()
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and _binds_underscore(node)
        and any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "_" for n in ast.walk(node))
    ]
    assert found == []


def test_a_later_text_is_english_where_code_compares_it_and_translated_where_it_is_shown(monkeypatch):
    import pickle

    monkeypatch.setitem(i18n.catalogue("fr"), "scheduled for {when}", "programmé pour le {when}")
    text = i18n.later("scheduled for {when}", when="2030-01-10")
    assert text == "scheduled for 2030-01-10" and isinstance(text, str)
    assert pickle.loads(pickle.dumps(text)) == text  # build workers send reasons back
    assert i18n.said(pickle.loads(pickle.dumps(text)), "fr") == "programmé pour le 2030-01-10"
    monkeypatch.setenv("PODIUM_UI_LANG", "fr")
    assert i18n.said(text) == "programmé pour le 2030-01-10"
    assert i18n.said("a plain reason") == "a plain reason"
