"""Teasers kept between builds: a post's teasers depend only on what ``teasers_for`` is given.

Making teasers (fitting sentences to each network's counter, over every
variant) is the costliest step of an everyday rebuild, and its inputs are all
plain data: the post's view, its source text, the settings and podium's code.
Their hash is the key, so an edit, a changed setting, another UI language or
a new podium version is a miss and nothing needs invalidating. One file holds
the whole build's entries and is rewritten (atomically) only when an entry
changed; entries no post asked for are dropped, so the file never grows stale.
Only results without errors or warnings are kept: problems are reported
afresh on every build, and a post that has them is rare and about to change.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

from ..cards.cache import digest
from ..files import write_atomic

#: under the project folder, beside the other caches
FILE = os.path.join(".cache", "podium", "teasers.pickle")
#: bump when what is stored changes shape
VERSION = "1"


class TeaserCache:
    def __init__(self, path: str | os.PathLike, salt: str):
        self.path = Path(path)
        self.salt = salt
        self.old = self._load()
        self.new: dict[str, object] = {}
        self.hits = 0

    def _load(self) -> dict:
        try:
            with self.path.open("rb") as handle:
                found = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
            return {}  # none yet, or damaged: a miss costs time only
        return found if isinstance(found, dict) and found.get("version") == (VERSION, self.salt) else {}

    def key(self, *inputs) -> str | None:
        """The entry for these inputs; None when they cannot be pickled (then they are never cached)."""
        try:
            return digest(self.salt.encode() + pickle.dumps(inputs, protocol=pickle.HIGHEST_PROTOCOL))
        except (pickle.PicklingError, TypeError, AttributeError):
            return None

    def get(self, key: str | None):
        found = self.old.get("entries", {}).get(key) if key else None
        if found is not None:
            self.hits += 1
            self.new[key] = found
        return found

    def put(self, key: str | None, value) -> None:
        if key and not value.errors and not value.warnings:
            self.new[key] = value

    def save(self) -> None:
        if self.new.keys() == self.old.get("entries", {}).keys():
            return  # same posts, same inputs: the file already says this
        data = {"version": (VERSION, self.salt), "entries": self.new}
        try:
            write_atomic(self.path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass  # a cache that cannot be written only costs time
