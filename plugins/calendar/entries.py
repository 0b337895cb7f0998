"""Adding a post's entry to calendar.yaml as text, so the comments and layout people wrote stay as they are.

``podium new`` calls ``add_entry``; loading and re-dumping the YAML would
throw away every comment, which is where comms staff keep their notes.
"""

from __future__ import annotations

import json
import re
from datetime import datetime

import yaml

from .. import bounded
from ..errors import BadInput
from ..i18n import _
from .yamlmarks import MappingNode, ScalarNode

_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _.\-]*")


def _scalar(value: str) -> str:
    """Plain when YAML reads it back unchanged as a string; double-quoted (JSON is valid YAML) otherwise."""
    try:
        plain = _PLAIN.fullmatch(value) and bounded.load_yaml(value, "") == value
    except BadInput:  # e.g. '2026-13-45', which YAML takes for a date it cannot build
        plain = False
    if plain:
        return value
    return json.dumps(value, ensure_ascii=False)


def entry_text(slug: str, indent: int, status: str, owner: str, publish_at) -> str:
    pad, inner = " " * indent, " " * (indent * 2)
    lines = [f"{pad}{_scalar(slug)}:", f"{inner}status: {status}"]
    if owner:
        lines.append(f"{inner}owner: {_scalar(owner)}")
    if publish_at is not None:
        when = publish_at.strftime("%Y-%m-%d %H:%M") if isinstance(publish_at, datetime) else str(publish_at)
        lines.append(f"{inner}publish_at: {when}")
    return "\n".join(lines) + "\n"


def _posts(root) -> tuple[ScalarNode, object] | None:
    if isinstance(root, MappingNode):
        for key, value in root.value:
            if isinstance(key, ScalarNode) and key.value == "posts":
                return key, value
    return None


def _end_of_block(lines: list[str], after: int) -> int:
    """Index just past the last indented line (entry or comment) following line ``after``."""
    end = after + 1
    for index in range(after + 1, len(lines)):
        line = lines[index]
        if not line.strip():
            continue
        if not line[0].isspace():
            break
        end = index + 1
    return end


def new_calendar(timezone: str, schema: str | None = None) -> str:
    """The start of a calendar file: the editor's schema modeline, then the time zone."""
    head = f"# yaml-language-server: $schema={schema}\n" if schema else ""
    return head + f"timezone: {timezone}\n"


def add_entry(
    yaml_text: str,
    slug: str,
    *,
    status: str = "idea",
    owner: str = "",
    publish_at=None,
    path: str = "content/calendar.yaml",
    timezone: str = "UTC",
    schema: str | None = None,
) -> str:
    """The calendar text with an entry for ``slug`` added at the end of 'posts:'; nothing else changes.

    An empty text starts a new calendar (modeline and time zone first).
    """
    try:
        root = bounded.compose(yaml_text, path, bounded.CALENDAR) if yaml_text.strip() else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise BadInput(
            _("the calendar cannot be read ({problem}); fix it, then run the command again", problem=exc.problem),
            path=path,
            line=mark.line + 1 if mark else None,
        ) from None
    found = _posts(root)
    text = yaml_text if yaml_text.endswith("\n") or not yaml_text else yaml_text + "\n"
    if found is None:
        return (text or new_calendar(timezone, schema)) + "posts:\n" + entry_text(slug, 2, status, owner, publish_at)
    key, value = found
    if isinstance(value, MappingNode):
        for other, _value in value.value:
            if isinstance(other, ScalarNode) and other.value == slug:
                raise BadInput(
                    _("'{slug}' already has an entry; edit that entry instead of adding one", slug=slug),
                    path=path,
                    line=other.start_mark.line + 1,
                    col=other.start_mark.column + 1,
                )
    lines = text.splitlines(keepends=True)
    if isinstance(value, MappingNode) and value.value and value.flow_style is False:
        indent = value.value[0][0].start_mark.column
        at = _end_of_block(lines, key.start_mark.line)
        return "".join(lines[:at]) + entry_text(slug, indent, status, owner, publish_at) + "".join(lines[at:])
    if isinstance(value, MappingNode) and value.value:
        raise BadInput(
            _("'posts:' is written on one line ({{...}}); put each entry on its own lines, then run the command again"),
            path=path,
            line=key.start_mark.line + 1,
        )
    # 'posts:' with nothing under it, or 'posts: {}'
    line = key.start_mark.line
    lines[line] = (
        re.sub(r"posts:.*?(\s*#.*)?$", lambda m: "posts:" + (m.group(1) or ""), lines[line].rstrip("\n")) + "\n"
    )
    return "".join(lines[: line + 1]) + entry_text(slug, 2, status, owner, publish_at) + "".join(lines[line + 1 :])
