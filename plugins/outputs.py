"""Output paths two sources would share: found before anything is written, reported as one error each.

Pelican notices a clash only while writing, half-way through the output, and
names neither source ("Failed to overwrite ..."); a static file even replaces
a post's page silently. Here every planned output (posts, pages, static files,
the site's own pages) is listed first and each shared path becomes one
``path:line`` error naming every source and what to change. Pure logic: the
glue (core.py) lists the outputs.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .errors import BadInput
from .i18n import N_, _

#: what wrote an output, in the words of the message
KINDS = {"post": N_("a post"), "page": N_("a page"), "static": N_("a static file"), "site": N_("the site's own page")}
#: the order sources are named in: the first is where the error points
_RANK = {"post": 0, "page": 1, "static": 2, "site": 3}


@dataclass(frozen=True)
class Output:
    """One file a build plans to write."""

    save_as: str  # relative to the output folder, '/' separators
    kind: str  # a key of KINDS
    source: str = ""  # the file it comes from, as shown to people ('' for the site's own pages)
    line: int | None = None  # the line that decides the path (save_as, slug or title), or 1
    key: str = ""  # that front-matter key: 'save_as', 'slug' or 'title' ('' for a static file)
    name: str = ""  # the site's own page: 'index', 'archives', the tag 'énergie'...

    def here(self) -> str:
        """How the message names the source it points at."""
        return {"post": _("this post"), "page": _("this page"), "static": _("this static file")}.get(
            self.kind
        ) or self.shown()

    def shown(self) -> str:
        if self.kind == "site":
            return _("the site's own page {name!r}", name=self.name)
        where = f"{self.source}:{self.line}" if self.line else self.source
        return _("{where} ({kind})", where=where, kind=_(KINDS[self.kind]))


def normal(save_as: str) -> str:
    """'./a//b.html' and 'a/b.html' are one file."""
    parts = [p for p in save_as.replace("\\", "/").split("/") if p not in ("", ".")]
    return "/".join(parts)


def collisions(outputs: Iterable[Output]) -> list[BadInput]:
    """One error per output path planned more than once, at the first source's line."""
    by_path: dict[str, list[Output]] = defaultdict(list)
    for out in outputs:
        if out.save_as:
            by_path[normal(out.save_as)].append(out)
    errors = []
    for path, group in sorted(by_path.items()):
        if len(group) < 2:
            continue
        group = sorted(set(group), key=lambda o: (_RANK[o.kind], o.source, o.name))
        if len(group) < 2:
            continue
        first, others = group[0], group[1:]
        where = {"path": first.source or None, "line": first.line if first.source else None}
        shown = {"first": first.here(), "others": ", ".join(o.shown() for o in others), "path": path, "fix": fix(group)}
        message = (
            _("{first} and {others} would both be written to {path}; {fix}", **shown)
            if len(others) == 1
            else _("{first} and {others} would all be written to {path}; {fix}", **shown)
        )
        errors.append(BadInput(message, **where))
    return errors


def fix(group: list[Output]) -> str:
    """What to change, for the kinds of source that meet."""
    kinds = {o.kind for o in group}
    content = [o for o in group if o.kind in ("post", "page")]
    if any(o.key == "save_as" for o in content):
        return _("change the 'save_as:' of one of them")
    if not content:
        return _("rename one of the files, or change its save_as in EXTRA_PATH_METADATA")
    page = content[0].kind == "page"
    if "site" in kinds:
        return _("give the page its own 'slug:'") if page else _("give the post its own 'slug:'")
    if "static" in kinds:
        return (
            _("give the page its own 'slug:', or rename the static file")
            if page
            else _("give the post its own 'slug:', or rename the static file")
        )
    return _("give one of them its own 'slug:'")


@functools.cache
def key_pattern(key: str) -> re.Pattern:
    """A line that sets ``key``: YAML or Pelican Markdown ('Slug: x'), reStructuredText (':slug: x'), HTML."""
    name = re.escape(key)
    return re.compile(rf"^\s*(?::{name}:|{name}\s*:|<meta\s+name=[\"']{name}[\"']|<{name}>)", re.IGNORECASE)


def line_in(text: str, key: str) -> int | None:
    """The line where a metadata key is written in a source of any markup, or None."""
    pattern = key_pattern(key)
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.match(line):
            return number
    if key == "title":  # reStructuredText's title is the document's first heading
        return next((n for n, line in enumerate(text.splitlines(), 1) if line.strip()), None)
    return None
