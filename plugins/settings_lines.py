"""Where a setting was given its value: the file and line of its last assignment, for ``pelicanconf.py:LINE`` errors.

Settings files are Python, so they are parsed (never run again) with ``ast``:
the module-level statements in order, into ``if``/``try``/``with`` blocks,
the last assignment of a name winning as it does when Python runs the file.
``publishconf.py`` usually starts with ``from pelicanconf import *`` and
overrides a few names: a star import of a file beside it brings that file's
assignments in at that point, so a value left alone points at pelicanconf.py
and an overridden one at publishconf.py.
"""

from __future__ import annotations

import ast
import functools
import os

#: name -> (file, line): the file as given (absolute or not), the line 1-based
Lines = dict[str, tuple[str, int]]

_BLOCKS = (ast.If, ast.Try, ast.With)


def assignments(path: str | os.PathLike) -> Lines:
    """Every name a settings file assigns, with where its last assignment is; {} for a missing or broken file."""
    path = str(path)
    try:
        stamp = os.stat(path).st_mtime_ns
    except OSError:
        return {}
    return dict(_parsed(path, stamp, ()))


@functools.lru_cache(maxsize=64)
def _parsed(path: str, stamp: int, seen: tuple[str, ...]) -> tuple[tuple[str, tuple[str, int]], ...]:
    try:
        with open(path, "rb") as handle:
            tree = ast.parse(handle.read(), filename=path)
    except (OSError, SyntaxError, ValueError):
        return ()
    found: Lines = {}
    _walk(tree.body, path, found, (*seen, os.path.abspath(path)))
    return tuple(found.items())


def _walk(body: list[ast.stmt], path: str, found: Lines, seen: tuple[str, ...]) -> None:
    for node in body:
        if (
            isinstance(node, ast.ImportFrom)
            and any(a.name == "*" for a in node.names)
            and node.module
            and not node.level
        ):
            found.update(_star(path, node.module, seen))
        for name in _targets(node):
            found[name] = (path, node.lineno)
        if isinstance(node, _BLOCKS):
            for part in ("body", "orelse", "finalbody"):
                _walk(getattr(node, part, []) or [], path, found, seen)
            for handler in getattr(node, "handlers", []) or []:
                _walk(handler.body, path, found, seen)


def _star(path: str, module: str, seen: tuple[str, ...]) -> Lines:
    """The assignments of ``from module import *`` when module is a file beside ``path``."""
    sibling = os.path.join(os.path.dirname(path), *module.split(".")) + ".py"
    if os.path.abspath(sibling) in seen:
        return {}  # a file importing itself, directly or not
    try:
        stamp = os.stat(sibling).st_mtime_ns
    except OSError:
        return {}
    return dict(_parsed(sibling, stamp, seen))


def _targets(node: ast.stmt) -> list[str]:
    """Names a statement sets: ``A = ...``, ``A: T = ...``, ``A += ...``, ``A["k"] = ...``, ``A = B = ...``."""
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
        targets = [node.target]
    else:
        return []
    names = []
    for target in targets:
        stack = [target]
        while stack:
            item = stack.pop()
            if isinstance(item, ast.Name):
                names.append(item.id)
            elif isinstance(item, (ast.Tuple, ast.List)):
                stack.extend(item.elts)
            elif isinstance(item, (ast.Subscript, ast.Attribute)):
                stack.append(item.value)
    return names


def where(source: str | os.PathLike | None, key: str, root: str | os.PathLike = "") -> dict:
    """``path`` and ``line`` for an error about ``key``: the file that set it, shown relative to ``root``.

    A key the file never sets (a default that clashes with another setting)
    points at the settings file itself, without a line; no file, no location.
    """
    if not source:
        return {}
    found = assignments(source)
    path, line = found.get(key, (str(source), None))
    return {"path": shown(path, root), "line": line}


def shown(path: str | os.PathLike, root: str | os.PathLike = "") -> str:
    """A settings file as people in the project folder name it."""
    base = str(root) or os.getcwd()
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(base))
    return str(path) if rel.startswith("..") else rel
