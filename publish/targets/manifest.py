"""Manifests of content hashes, and the plan that turns the live site into the new build.

Pure: a manifest is a plain ``{path: digest}`` mapping (POSIX paths relative to
the site root); reading files and talking to targets happens elsewhere. Every
target compares the new build's manifest with the one saved by its previous
deploy, so only files whose hash changed are sent.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from podium.plugins import bounded
from podium.plugins.errors import BadInput, ExternalFailure
from podium.plugins.i18n import _

#: Upload ranks: assets first, then the pages that reference them, then the
#: documents that announce pages (feeds, sitemaps, calendars), so a reader
#: following any link finds what it points to.
_ANNOUNCING = (".xml", ".ics", ".rss", ".atom")
_PAGES = (".html", ".htm")


def sha256_digest(data: bytes) -> str:
    """The digest dir, rsync and s3 targets record."""
    return "sha256:" + hashlib.sha256(data).hexdigest()


def git_blob_digest(data: bytes) -> str:
    """Git's own object id for a file: the git target's tree already is its manifest."""
    header = b"blob %d\0" % len(data)
    return hashlib.sha1(header + data).hexdigest()


@dataclass(frozen=True)
class Plan:
    """What a deploy must do; every tuple is sorted in upload order."""

    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: tuple[str, ...]

    @property
    def uploads(self) -> tuple[str, ...]:
        return upload_order(self.added + self.changed)

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


def rank(path: str) -> int:
    lower = path.lower()
    if lower.endswith(_PAGES):
        return 1
    if lower.endswith(_ANNOUNCING):
        return 2
    return 0


def upload_order(paths: Iterable[str]) -> tuple[str, ...]:
    """Assets, then pages, then feeds; alphabetical inside each rank for stable output."""
    return tuple(sorted(set(paths), key=lambda p: (rank(p), p)))


def diff(old: Mapping[str, str] | None, new: Mapping[str, str]) -> Plan:
    """Compare the live manifest (None when nothing was ever deployed) with the build's.

    An empty digest in ``old`` means "present, hash unknown" (a target that
    lost its manifest lists what it holds): such files are re-sent.
    """
    old = old or {}
    added = [p for p in new if p not in old]
    changed = [p for p in new if p in old and (not old[p] or old[p] != new[p])]
    unchanged = [p for p in new if p in old and old[p] and old[p] == new[p]]
    removed = [p for p in old if p not in new]
    return Plan(upload_order(added), upload_order(changed), tuple(sorted(removed)), tuple(sorted(unchanged)))


def dumps(manifest: Mapping[str, str]) -> str:
    """Stable JSON (sorted, one file per line) so two deploys of the same site give the same bytes."""
    body = {"version": 1, "files": dict(sorted(manifest.items()))}
    return json.dumps(body, indent=1, sort_keys=True) + "\n"


def loads(text: str | bytes, source: str) -> dict[str, str]:
    """Parse a saved manifest; a damaged one names where it lives and its line.

    It is read through podium's bounded JSON reader (size and nesting capped).
    The manifest lives on the target, written by podium: a damaged one is a
    failure outside (exit status 1), not the person's input.
    """
    fix = _("delete it and the next deploy sends every file")
    try:
        if isinstance(text, bytes):  # as stored: bad UTF-8 is a damaged manifest too, with its line
            try:
                text = bounded.decode(text, source, bounded.MANIFEST)
            except BadInput as exc:  # podium wrote it: the advice to save it from an editor does not apply
                raise BadInput(
                    _("{problem}; {fix}", problem=exc.message.split(";")[0].strip(), fix=fix),
                    path=exc.path,
                    line=exc.line,
                    col=exc.col,
                ) from None
        body = bounded.load_json(text, source, bounded.MANIFEST, fix=fix)
    except BadInput as exc:
        raise ExternalFailure(exc.message, path=exc.path, line=exc.line, col=exc.col) from None
    if not isinstance(body, dict) or body.get("version") != 1:
        raise ExternalFailure(
            _(
                "unknown manifest version; expected 1 (written by podium); delete it and the next deploy sends every file"
            ),
            path=source,
            line=_line(text, '"version"'),
        )
    files = body.get("files")
    if not isinstance(files, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
        raise ExternalFailure(
            _("manifest 'files' must map paths to digests; delete it and the next deploy sends every file"),
            path=source,
            line=_line(text, '"files"'),
        )
    return dict(files)


def _line(text: str, key: str) -> int:
    """The line a key is written on (1 when it is not there)."""
    at = text.find(key)
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def summarise(plan: Plan) -> str:
    """One line for the command's output."""
    return _(
        "{added} added, {changed} changed, {removed} removed, {unchanged} unchanged",
        added=len(plan.added),
        changed=len(plan.changed),
        removed=len(plan.removed),
        unchanged=len(plan.unchanged),
    )
