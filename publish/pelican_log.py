"""Pelican's own error messages about a content file, said as podium says them: ``path:line: what; how to fix``.

Pelican reads reStructuredText, HTML and Markdown without front matter
itself, and logs what it skips in its own words, with the file in the middle
of the sentence. The messages it is known to log are recognised here and
given the file's line and a fix; any other is kept as Pelican wrote it.
"""

from __future__ import annotations

import os
import re

from podium.plugins import bounded, outputs
from podium.plugins.errors import BadInput
from podium.plugins.i18n import _

_MISSING = re.compile(r"^Skipping (?P<path>.+): could not find information about '(?P<prop>\w+)'$")
_OUTSIDE = re.compile(r"^Skipping (?P<path>.+): file (?P<save_as>'.*'|\".*\") would be written outside output path$")
_STATUS = re.compile(
    r"^Unknown status '(?P<status>.*)' for file (?P<path>.+), skipping it\. \(Not in (?P<allowed>.*)\)$"
)
_UNREADABLE = re.compile(r"^Could not process (?P<path>\S+)$")
_EXAMPLES = {"date": "2026-09-14 08:30", "title": "Your title"}


def line_of(project: str, path: str, key: str) -> int:
    """Where ``key`` is written in a content file of any markup (line 1 when it is not)."""
    try:
        text = bounded.read_text(os.path.join(project, path), path, bounded.POST)
    except (OSError, BadInput):
        return 1
    return outputs.line_in(text, key) or 1


def explain(message: str, project: str, content: str) -> BadInput:
    """One logged Pelican error as a podium error (paths in ``message`` are relative to ``project``).

    "Could not process" names the file relative to the content folder ``content``.
    """
    if found := _MISSING.match(message):
        prop = found["prop"]
        return BadInput(
            _(
                "Pelican skipped this file: it has no {prop!r}; add it to the file's metadata, e.g. '{prop}: {example}'",
                prop=prop,
                example=_EXAMPLES.get(prop, "…"),
            ),
            path=found["path"],
            line=1,
        )
    if found := _OUTSIDE.match(message):
        return BadInput(
            _(
                "'save_as: {save_as}' would be written outside the output folder; give a path inside it, such as 'about.html'",
                save_as=found["save_as"].strip("'\""),
            ),
            path=found["path"],
            line=line_of(project, found["path"], "save_as"),
        )
    if found := _STATUS.match(message):
        return BadInput(
            _("unknown status {status!r}; expected one of: published, draft, hidden", status=found["status"]),
            path=found["path"],
            line=line_of(project, found["path"], "status"),
        )
    if found := _UNREADABLE.match(message):
        path = os.path.relpath(os.path.join(content, found["path"]), project)
        return BadInput(
            _(
                "Pelican could not read this file; check its markup and metadata against the other posts "
                "(run 'pelican content --debug' to see why)"
            ),
            path=path,
            line=1,
        )
    return BadInput(message)
