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
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any



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

    def folder(self, name: str) -> Path:
        return self.root / name[:2] / name

    def manifest(self, name: str) -> dict | None:
        """The entry's description, or None on a miss (or a damaged entry, treated as a miss)."""
        try:
            return json.loads((self.folder(name) / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

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
