"""YAML front matter: split it from the Markdown body, keep line numbers, check it.

Authors write nested blocks (``teasers:``) that Pelican's ``Key: value``
headers cannot hold, and every later error wants to point at a line, so the
front matter is composed node by node to remember where each key stands.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import yaml

from . import bounded
from .errors import BadInput
from .i18n import _

FENCE = re.compile(r"^---[ \t]*$")
STATUSES = ("published", "draft", "hidden")
#: every key podium or Pelican reads: a key close to one of these is reported as a likely typo
KNOWN_KEYS = (
    "title",
    "date",
    "modified",
    "lang",
    "slug",
    "category",
    "tags",
    "summary",
    "status",
    "author",
    "authors",
    "series",
    "series_index",
    "translation",
    "campaign",
    "teasers",
    "teaser_thread",
    "card_image",
    "card_focus",
    "decorative_images",
    "save_as",
    "url",
    "template",
    "comments",
)


@dataclass(frozen=True)
class FrontMatter:
    meta: dict[str, Any]
    lines: dict[str, int]
    body: str
    body_line: int  # line number of the body's first line in the file
    yaml: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


def split(text: str, path: str = "") -> FrontMatter:
    """Separate ``---`` YAML front matter from the body (or return no meta if there is none)."""
    lines = text.splitlines(keepends=True)
    if lines and lines[0].startswith("\ufeff"):
        lines[0] = lines[0][1:]
    if not lines or not FENCE.match(lines[0].rstrip("\r\n")):
        return FrontMatter({}, {}, text, 1, yaml=False)
    for end, line in enumerate(lines[1:], start=1):
        if FENCE.match(line.rstrip("\r\n")) or line.rstrip("\r\n") == "...":
            break
    else:
        raise BadInput(
            _("the front matter opened with '---' is never closed; add a line '---' after the last metadata line"),
            path=path,
            line=1,
        )
    header = "".join(lines[1:end])
    meta, key_lines = _parse(header, path, first_line=2)
    return FrontMatter(meta, key_lines, "".join(lines[end + 1 :]), end + 2)


def _parse(header: str, path: str, first_line: int) -> tuple[dict[str, Any], dict[str, int]]:
    tab = next((i for i, l in enumerate(header.splitlines()) if "\t" in l[: len(l) - len(l.lstrip())]), None)
    if tab is not None:
        raise BadInput(
            _("a tab is used for indentation in the front matter; indent with spaces"), path=path, line=first_line + tab
        )
    try:
        # one parse (libyaml, bounded): the node tree gives the line of each key, and the same tree gives the values
        node = bounded.compose(header, path, bounded.FRONT_MATTER, first_line)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else first_line
        col = mark.column + 1 if mark else None
        problem = exc.problem or "invalid YAML"
        raise BadInput(
            _(
                "the front matter is not valid YAML ({problem}); put quotes around values that contain ': ' or start with a symbol",
                problem=problem,
            ),
            path=path,
            line=line,
            col=col,
        ) from None
    except yaml.YAMLError as exc:  # e.g. a control character libyaml will not read
        raise BadInput(
            _(
                "the front matter is not valid YAML ({exc}); remove the character or compare with the README's example",
                exc=exc,
            ),
            path=path,
            line=first_line,
        ) from None
    data = bounded.construct(node, path, first_line)
    if data is None:
        return {}, {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise BadInput(
            _("the front matter must be 'key: value' lines; write e.g. 'title: My post'"), path=path, line=first_line
        )
    key_lines = {}
    for key_node, _value in node.value:
        key_lines[str(key_node.value).lower()] = first_line + key_node.start_mark.line
    return {str(k).lower(): v for k, v in data.items()}, key_lines


def header_lines(text: str) -> dict[str, int]:
    """Line of each key in Pelican's own ``Key: value`` header (the first block before a blank line)."""
    found = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            break
        match = re.match(r"([A-Za-z][\w-]*):", line)
        if match:
            found.setdefault(match.group(1).lower(), number)
    return found


def parse_date(value: Any) -> datetime | None:
    """Accept what people write: 2026-09-14, 2026-09-14 08:30, ISO 8601 with or without zone."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip().replace("/", "-"))
        except ValueError:
            return None
    return None


def misspelled(meta: dict[str, Any], lines: dict[str, int], path: str) -> list[BadInput]:
    """Keys that look like a known one mistyped (``categorie:``): warnings, since Pelican accepts any key.

    Such a key is silently ignored: the post has no category, and nothing says why.
    """
    found = []
    for key in meta:
        if key in KNOWN_KEYS or not isinstance(key, str):
            continue
        hint = difflib.get_close_matches(key.lower(), KNOWN_KEYS, n=1, cutoff=0.75)
        if hint:
            found.append(
                BadInput(
                    _("unknown key {key!r}, so it is ignored; did you mean {close!r}?", key=key, close=hint[0]),
                    path=path,
                    line=lines.get(key),
                )
            )
    return found


def check(
    meta: dict[str, Any], lines: dict[str, int], path: str, languages: tuple[str, ...], kind: str = "post"
) -> list[BadInput]:
    """Every problem in a post's metadata, each pointing at its line."""
    problems = []
    first = min(lines.values(), default=1)
    title = meta.get("title")
    if title is None or not str(title).strip():
        problems.append(
            BadInput(
                (
                    _("the post has no title; add a line 'title: Your title' to the front matter")
                    if kind == "post"
                    else _("the page has no title; add a line 'title: Your title' to the front matter")
                ),
                path=path,
                line=lines.get("title", first),
            )
        )
    if "date" in meta and parse_date(meta["date"]) is None:
        problems.append(
            BadInput(
                _(
                    "the date {value!r} cannot be read; write it as 2026-09-14 or 2026-09-14 08:30",
                    value=str(meta["date"]),
                ),
                path=path,
                line=lines.get("date"),
            )
        )
    elif kind == "post" and "date" not in meta:
        problems.append(BadInput(_("the post has no date; add a line 'date: 2026-09-14 08:30'"), path=path, line=first))
    if meta.get("modified") not in (None, "") and parse_date(meta["modified"]) is None:
        # Pelican would stop on it with "'str' object has no attribute 'tzinfo'", naming no line
        problems.append(
            BadInput(
                _(
                    "the modified date {value!r} cannot be read; write it as 2026-09-14 or "
                    "2026-09-14 08:30, or remove the line",
                    value=str(meta["modified"]),
                ),
                path=path,
                line=lines.get("modified"),
            )
        )
    lang = meta.get("lang")
    if lang is not None and lang not in languages:
        problems.append(
            BadInput(
                _(
                    "unknown language {lang!r}; write {choices}",
                    lang=lang,
                    choices=_(" or ").join(f"'lang: {code}'" for code in languages),
                ),
                path=path,
                line=lines.get("lang"),
            )
        )
    status = meta.get("status")
    if status is not None and status not in STATUSES:
        hint = difflib.get_close_matches(str(status), STATUSES, n=1)
        fix = (
            _("did you mean '{close}'?", close=hint[0])
            if hint
            else _("expected one of: {choices}", choices=", ".join(STATUSES))
        )
        problems.append(
            BadInput(_("unknown status {status!r}; {fix}", status=status, fix=fix), path=path, line=lines.get("status"))
        )
    for key, example in (
        ("category", "Énergie"),
        ("author", "Claire Morel"),
        ("slug", "my-post"),
        ("summary", "One sentence on what the post says."),
    ):
        if isinstance(meta.get(key), (list, dict)):  # Pelican takes these as one text and would stop on a list
            problems.append(
                BadInput(
                    _(
                        "'{key}' must be a single value, not a list; write e.g. '{key}: {example}'",
                        key=key,
                        example=example,
                    ),
                    path=path,
                    line=lines.get(key),
                )
            )
    tags = meta.get("tags")
    if tags is not None and not isinstance(tags, (str, list)):
        problems.append(
            BadInput(
                _("tags must be a list; write e.g. 'tags: [énergie, leadership]'"), path=path, line=lines.get("tags")
            )
        )
    return problems
