"""Changing one post's entry in calendar.yaml as text (its status, its approvals), every other byte kept.

Comms staff keep their notes in comments and lay the file out their own way;
loading and re-dumping the YAML would lose both. These functions find the
entry's nodes by their line and column and splice new text in at those
places only. They expect a calendar the loader has accepted.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import yaml

from .. import bounded
from .yamlmarks import MappingNode, Node, ScalarNode, SequenceNode

#: what YAML counts as a line break (PyYAML and libyaml alike), so marks' line numbers match ours
_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
_WORDS = re.compile(r"[^\W\d_][\w .'\-]*")


class _Source:
    """The text with its line starts, to turn a mark (line, column) into an offset."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in _BREAK.finditer(text)]
        self.newline = "\r\n" if "\r\n" in text else "\n"

    def offset(self, mark) -> int:
        return self.starts[mark.line] + mark.column

    def after_line(self, line: int) -> int:
        """Where the line after ``line`` starts (the end of the text for the last one)."""
        return self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)

    def line_text(self, line: int) -> str:
        return self.text[self.starts[line] : self.after_line(line)]


def flow_scalar(value: str) -> str:
    """Plain when YAML reads it back unchanged inside '{...}' (Paul Ménard); double-quoted otherwise."""
    if _WORDS.fullmatch(value) and value == value.strip():
        try:
            if bounded.load_yaml("{k: %s}" % value, "") == {"k": value}:
                return value
        except (yaml.YAMLError, ValueError):
            pass
    return json.dumps(value, ensure_ascii=False)  # JSON strings are YAML double-quoted scalars


def moment_text(moment: datetime, zone: ZoneInfo) -> str:
    """'2027-08-29 11:00' in the calendar's zone, as people write it; with its offset when the hour repeats."""
    local = moment.astimezone(zone)
    naive = local.replace(tzinfo=None, fold=0)
    if naive.replace(tzinfo=zone).astimezone(UTC) != local.astimezone(UTC):
        return local.isoformat(timespec="minutes")  # the autumn's second 02:30: only the offset says which
    return f"{local:%Y-%m-%d %H:%M}"


def _find(root: Node, key_text: str) -> tuple[ScalarNode, Node] | None:
    if isinstance(root, MappingNode):
        for key, value in root.value:
            if isinstance(key, ScalarNode) and key.value == key_text:
                return key, value
    return None


def _entry(text: str, slug: str) -> tuple[ScalarNode, MappingNode]:
    root = bounded.compose(text, "", bounded.CALENDAR)
    posts = _find(root, "posts")
    found = _find(posts[1], slug) if posts else None
    if found is None or not isinstance(found[1], MappingNode):
        raise LookupError(f"calendar has no entry for {slug!r}")
    return found


def _last_end(node: Node):
    """The end of a node's last written character: block collections end where their last child does."""
    if isinstance(node, (MappingNode, SequenceNode)) and node.value and not node.flow_style:
        last = node.value[-1]
        return _last_end(last[1] if isinstance(node, MappingNode) else last)
    return node.end_mark


def _insert_after(src: _Source, node: Node, lines: list[str]) -> str:
    """New lines right after the line where ``node`` ends (its trailing comment stays on its line)."""
    end = _last_end(node)
    at = src.starts[end.line] if end.column == 0 and end.line > 0 else src.after_line(end.line)
    head = src.text[:at]
    if head and not _BREAK.search(head[-2:]):
        head += src.newline  # the last line of the file had no line break
    return head + "".join(line + src.newline for line in lines) + src.text[at:]


def _replace(src: _Source, node: Node, new: str) -> str:
    return src.text[: src.offset(node.start_mark)] + new + src.text[src.offset(node.end_mark) :]


def _without_bom(edit):
    """libyaml does not count a leading BOM in its columns: edit the text after it."""

    def wrapper(text: str, *args, **kwargs) -> str:
        if text.startswith("\ufeff"):
            return "\ufeff" + edit(text[1:], *args, **kwargs)
        return edit(text, *args, **kwargs)

    wrapper.__doc__ = edit.__doc__
    return wrapper


@_without_bom
def set_status(text: str, slug: str, status: str) -> str:
    """The text with the entry's 'status:' value replaced; every other byte as it was."""
    key, entry = _entry(text, slug)
    found = _find(entry, "status")
    src = _Source(text)
    if found is None:
        indent = entry.value[0][0].start_mark.column
        return _insert_after(src, entry, [" " * indent + f"status: {status}"])
    return _replace(src, found[1], status)


def approval_text(role: str, who: str, when: str) -> str:
    return "{role: %s, who: %s, when: %s}" % (flow_scalar(role), flow_scalar(who), when)


@_without_bom
def record_approval(text: str, slug: str, role: str, who: str, when: str) -> str:
    """The text with ``role``'s approval recorded: added after the others, or that role's one updated."""
    key, entry = _entry(text, slug)
    src = _Source(text)
    found = _find(entry, "approvals")
    item = approval_text(role, who, when)
    if found is None:
        indent = entry.value[0][0].start_mark.column
        return _insert_after(src, entry, [" " * indent + "approvals:", " " * (indent + 2) + f"- {item}"])
    approvals_key, approvals = found
    if isinstance(approvals, SequenceNode):
        for existing in approvals.value:
            role_node = _find(existing, "role")
            if role_node and role_node[1].value == role:
                return _update(src, existing, who, when)
    if isinstance(approvals, SequenceNode) and approvals.value and not approvals.flow_style:
        first = approvals.value[0]
        dash = src.line_text(first.start_mark.line)[: first.start_mark.column].rstrip().rfind("-")
        return _insert_after(src, approvals, [" " * dash + f"- {item}"])
    if isinstance(approvals, SequenceNode):  # written on one line: [ ... ]
        kept = [src.text[src.offset(n.start_mark) : src.offset(_last_end(n))] for n in approvals.value]
        return _replace(src, approvals, "[" + ", ".join(kept + [item]) + "]")
    if (
        isinstance(approvals, ScalarNode)
        and approvals.value == ""
        and approvals.start_mark.index == approvals.end_mark.index
    ):
        indent = approvals_key.start_mark.column
        return _insert_after(src, approvals_key, [" " * (indent + 2) + f"- {item}"])
    return _replace(src, approvals, f"[{item}]")  # '~' or a single value


def _update(src: _Source, existing: Node, who: str, when: str) -> str:
    """A second approval by the same role replaces who and when of the first (later spans first)."""
    spans = []
    for name, value in (("who", flow_scalar(who)), ("when", when)):
        found = _find(existing, name)
        if found is not None:
            spans.append((src.offset(found[1].start_mark), src.offset(found[1].end_mark), value))
    text = src.text
    for start, end, value in sorted(spans, reverse=True):
        text = text[:start] + value + text[end:]
    return text


def key_line(text: str, name: str) -> int | None:
    """1-based line of a top-level key ('posts', 'required_approvals'), for messages that point at it."""
    body = text[1:] if text.startswith("\ufeff") else text
    found = _find(bounded.compose(body, "", bounded.CALENDAR), name)
    return found[0].start_mark.line + 1 if found else None
