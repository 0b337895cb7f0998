"""YAML read as nodes that remember their line and column, so every error can point at the exact spot.

PyYAML's ``compose`` keeps the marks that ``safe_load`` throws away. Scalars
are kept as the text the person typed (``09:00`` stays ``"09:00"`` instead of
YAML 1.1's 540), and the calendar loader decides what each one means.
"""

from __future__ import annotations

import difflib

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .. import bounded
from ..errors import BadInput, ManyErrors, one_line
from ..i18n import N_, _

__all__ = ["Problems", "compose", "MappingNode", "ScalarNode", "SequenceNode", "Node", "where", "suggest"]


def where(node: Node) -> tuple[int, int]:
    """1-based line and column, as editors show them."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def suggest(word: str, choices, prefix: str = "did you mean") -> str | None:
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    if not close:
        return None
    return _("did you mean '{close}'?", close=close[0]) if prefix == "did you mean" else f"{prefix} '{close[0]}'?"


class Problems:
    """Collects every problem in a file so that a person fixes them all in one go."""

    def __init__(self, path: str):
        self.path = path
        self.errors: list[BadInput] = []

    def add(self, at: Node | tuple[int, int] | None, message: str) -> None:
        line, col = where(at) if isinstance(at, Node) else (at or (None, None))
        # keys and values are quoted into messages: a line break typed in one ('\N' is U+0085) stays one line
        self.errors.append(BadInput(one_line(message), path=self.path, line=line, col=col))

    def raise_if_any(self) -> None:
        if self.errors:
            self.errors.sort(key=lambda e: (e.line or 0, e.col or 0))
            raise ManyErrors(self.errors)


def _tabs(text: str, problems: Problems) -> None:
    for number, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.add(
                (number, indent.index("\t") + 1),
                _("a tab is used for indentation; YAML needs spaces: replace the tab with spaces"),
            )


def compose(text: str, problems: Problems, limits: bounded.Limits = bounded.CALENDAR) -> Node | None:
    """The node tree of ``text``, or None with the reason recorded in ``problems``."""
    _tabs(text, problems)
    if problems.errors:
        return None  # YAML would only repeat the tab problem in vaguer words
    try:
        # libyaml when present (ten times faster on a long calendar), with podium's limits on size,
        # nesting and aliases; the pure-Python parser words its errors the same on every machine,
        # so a failure is re-read with it.
        return bounded.compose(text, problems.path, limits)
    except BadInput as exc:
        problems.errors.append(exc)
        return None
    except yaml.YAMLError:
        pass
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = (mark.line + 1, mark.column + 1) if mark else None
        what = exc.problem or exc.context or "unreadable YAML"
        problems.add(
            at,
            _(
                "the YAML cannot be read ({what}); check this line and the one above "
                "for a missing colon, an unclosed quote or a wrong indentation",
                what=what,
            ),
        )
    except (yaml.YAMLError, RecursionError) as exc:
        problems.add(
            None, _("the YAML cannot be read ({exc}); compare the file with the example in docs/comms.md", exc=exc)
        )
    return None


def mapping_items(
    node: MappingNode,
    problems: Problems,
    what: str = "key",
    twice: str = N_("'{key}' is given twice (first on line {line}); keep only one"),
) -> dict[str, tuple[ScalarNode, Node]]:
    """Key text -> (key node, value node); a repeated key is reported, the first one kept."""
    found: dict[str, tuple[ScalarNode, Node]] = {}
    for key, value in node.value:
        if not isinstance(key, ScalarNode):
            problems.add(key, _("a {what} must be plain text; write it as one word followed by a colon", what=what))
            continue
        if key.value in found:
            problems.add(key, _(twice, key=key.value, line=where(found[key.value][0])[0]))
            continue
        found[key.value] = (key, value)
    return found
