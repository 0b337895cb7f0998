"""Parsed posts kept between builds, keyed by a hash of the file's bytes and of everything that shapes the parse.

Markdown is most of what reading a post costs, and a post's HTML depends only
on its bytes, its place under content/, the settings and podium's own code.
All of them go into the key, so an edit, a changed setting or a new podium
version is a miss and nothing ever needs invalidating. Each entry is written
whole or not at all (``Store``), so two builds of one project at once are safe.
What is kept is plain data (the HTML, the front matter as YAML gave it, line
numbers, formatted fields): Pelican's objects are made again on every build.
"""

from __future__ import annotations

import json
import os
import pickle
from functools import lru_cache
from pathlib import Path
from typing import Any

from .cards.cache import Store, digest

#: settings that do not change how a file is parsed: 'now', where the output goes, the build mode
_NOT_IN_KEY = frozenset(
    {
        "PODIUM",
        "PODIUM_NOW",
        "PODIUM_PREVIEW",
        "PODIUM_STRICT",
        "OUTPUT_PATH",
        "DELETE_OUTPUT_DIRECTORY",
        "WRITE_SELECTED",
        "CACHE_PATH",
        "CACHE_CONTENT",
        "LOAD_CONTENT_CACHE",
    }
)
#: bump when what is stored changes shape
VERSION = "1"


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A hash of podium's build code and the parsing libraries: a new version parses afresh."""
    import markdown
    import pelican
    import yaml

    root = Path(__file__).resolve().parent
    parts = [VERSION, markdown.__version__, pelican.__version__, yaml.__version__]
    for path in sorted(root.rglob("*.py")):
        parts.append(digest(path.read_bytes()))
    return digest("\n".join(parts).encode())


def settings_digest(settings: dict[str, Any]) -> str:
    """A hash of the settings; values JSON cannot hold (functions, objects) count by their type only."""
    plain = {k: v for k, v in settings.items() if k not in _NOT_IN_KEY}
    text = json.dumps(plain, sort_keys=True, ensure_ascii=False, default=lambda v: f"<{type(v).__name__}>")
    return digest((code_digest() + text).encode("utf-8"))


class Parsed:
    """The cache of one build: look up by (salt, path under content/, bytes), store plain values."""

    def __init__(self, folder: str | os.PathLike, salt: str):
        self.store = Store(folder)
        self.salt = salt
        self.hits = 0
        self.misses = 0

    def name(self, rel: str, data: bytes) -> str:
        return digest(b"\0".join((self.salt.encode(), rel.encode("utf-8"), data)))

    def get(self, name: str) -> dict | None:
        try:
            with open(self.store.file(name, "parsed.pickle"), "rb") as handle:
                found = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
            self.misses += 1
            return None
        self.hits += 1
        return found

    def put(self, name: str, value: dict) -> None:
        try:
            self.store.put(name, {"parsed.pickle": pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)}, {})
        except OSError:
            pass  # a cache that cannot be written only costs time
