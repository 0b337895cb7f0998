"""A cache of rendered files, named by a hash of everything that shaped them, kept outside output/.

Cards and resized images are slow to make and identical from one build to the
next unless an input changes, so each is stored under a key that hashes every
input (text, settings, font and image bytes, podium's code version). A changed
input gives a new key, which is a miss; nothing ever needs invalidating. Every
write goes to a temporary name first, then is renamed into place.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from .. import bounded
from ..errors import BadInput
from ..i18n import _

#: under Pelican's logger: ``podium build`` shows it as a warning, a plain ``pelican`` run logs it
_LOG = "pelican.podium.cache"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def key(*parts: Any) -> str:
    """A stable hash of JSON-able parts; bytes are replaced by their own hash first."""

    def plain(value: Any) -> Any:
        if isinstance(value, (bytes, bytearray)):
            return {"sha256": digest(bytes(value))}
        if isinstance(value, (list, tuple)):
            return [plain(v) for v in value]
        if isinstance(value, dict):
            return {str(k): plain(v) for k, v in sorted(value.items())}
        return value

    text = json.dumps([plain(p) for p in parts], sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return digest(text.encode("utf-8"))


class Store:
    """Files under ``root/ab/abcdef.../``: one folder per key, written whole or not at all."""

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)
        self._warned: set[str] = set()

    def _warn(self, problem: BadInput) -> None:
        """Once per damaged entry: a build asks for an entry more than once."""
        if problem.path not in self._warned:
            self._warned.add(problem.path or "")
            logging.getLogger(_LOG).warning("%s", problem)

    def folder(self, name: str) -> Path:
        return self.root / name[:2] / name

    def manifest(self, name: str) -> dict | None:
        """The entry's description, or None on a miss.

        A damaged entry (cut short, edited, not JSON) is a miss too, so it is
        made again and stored over the damaged one; a warning names it.
        """
        path = self.folder(name) / "manifest.json"
        try:
            text = bounded.read_text(path, str(path), bounded.CACHE_ENTRY)
        except (
            BadInput
        ) as exc:  # not UTF-8, or far too big: not what podium wrote; the advice to the editor does not apply
            self._warn(
                BadInput(
                    _("{problem}; it is made again", problem=exc.message.split(";")[0].strip()),
                    path=exc.path,
                    line=exc.line,
                    col=exc.col,
                )
            )
            return None
        except FileNotFoundError:
            return None
        except OSError as exc:
            self._warn(
                BadInput(
                    _("the cache entry cannot be read ({exc}); it is made again", exc=exc.strerror or exc),
                    path=str(path),
                )
            )
            return None
        try:
            body = bounded.load_json(text, str(path), bounded.CACHE_ENTRY, fix=_("it is made again"))
        except BadInput as exc:
            self._warn(exc)
            return None
        if not isinstance(body, dict):
            self._warn(
                BadInput(_("the cache entry is not a podium cache entry; it is made again"), path=str(path), line=1)
            )
            return None
        return body

    def file(self, name: str, filename: str) -> Path:
        return self.folder(name) / filename

    def put(self, name: str, files: dict[str, bytes], manifest: dict) -> Path:
        """Store an entry: written in a temporary folder, then renamed into place in one step."""
        final = self.folder(name)
        final.parent.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=f".{name[:12]}.", dir=final.parent))
        try:
            for filename, data in files.items():
                (scratch / filename).write_bytes(data)
            (scratch / "manifest.json").write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")
            if final.exists():
                shutil.rmtree(final)
            os.replace(scratch, final)
        except OSError:
            shutil.rmtree(scratch, ignore_errors=True)
            if self.manifest(name) is None:
                raise
            # another build stored the same key meanwhile: same inputs, same files
        except BaseException:
            shutil.rmtree(scratch, ignore_errors=True)
            raise
        return final
