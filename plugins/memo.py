"""The render memo: an output whose inputs did not change since the last build is not made again.

Each file a build brings into the output folder is remembered with its key
(the fingerprint of what it was made from) and the identity of the file that
landed there (inode, size, modification time). The next build, meeting the
same key for the same path while the output file is still exactly that file,
hard-links it into its build folder instead of rendering it: the build folder
is then as complete as a full build's (the sitemap and the comms room read
it), and ``sync`` sees the very same file and leaves it alone. Anything else
(another key, a file someone changed or removed, no record, a link refused)
is a miss, and the file is made as usual.

A linked file shares its bytes with the published one, so nothing may write
into it in place: ``detach`` removes the link first (Pelican's writer opens
files for writing in place when it overrides one).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
from dataclasses import dataclass
from pathlib import Path

from .files import write_atomic

#: bump when what is stored changes shape
VERSION = "1"
FOLDER = os.path.join(".cache", "podium", "outputs")


@dataclass(frozen=True)
class Landed:
    """A remembered output file: what it was made from, and which file it is."""

    key: str
    files: tuple[tuple[str, int, int, int], ...]  # (path under the output folder, inode, size, mtime in ns)


def manifest_path(root: str | os.PathLike, target: str | os.PathLike) -> Path:
    """One record per output folder: a preview and a site built from one project do not share theirs."""
    name = hashlib.blake2b(os.fsencode(os.path.realpath(target)), digest_size=10).hexdigest()
    return Path(root) / FOLDER / f"{name}.pickle"


def _identity(path: str) -> tuple[int, int, int] | None:
    """Which file stands at ``path`` (a regular file, not a link), or None."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns) if stat.S_ISREG(info.st_mode) else None


class Memo:
    """One build's memo: what the last build landed, what this one made and what it took over."""

    def __init__(self, manifest: Path, target: Path, scratch: Path, salt: str):
        self.manifest, self.target, self.scratch, self.salt = manifest, target, scratch, salt
        self.old: dict[str, Landed] = self._load()
        self.new: dict[str, tuple[str, tuple[str, ...]]] = {}  # entry -> (key, files under the output folder)
        self.linked: set[str] = set()  # absolute paths in the build folder that are links to published files
        self.reused = 0
        self.made: list[str] = []  # the entries rendered by this build, in order
        self.keys = None  # the build's page keys (plugins/render_memo.py), made at the first page
        self.comms_cache = None  # the comms pages' render cache (plugins/comms/render_cache.py), on first use

    def _load(self) -> dict[str, Landed]:
        try:
            with self.manifest.open("rb") as handle:
                found = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
            return {}  # none yet, or damaged: every output is made afresh
        ok = isinstance(found, dict) and found.get("version") == (VERSION, self.salt, str(self.target))
        return found.get("entries", {}) if ok else {}

    def reuse(self, entry: str, key: str | None) -> bool:
        """Take over ``entry``'s files from the output folder if they were made from ``key``; else False."""
        landed = self.old.get(entry)
        if key is None or landed is None or landed.key != key:
            return False
        for rel, *identity in landed.files:
            if _identity(os.path.join(self.target, rel)) != tuple(identity):
                return False
        done = []
        try:
            for rel, *_ in landed.files:
                into = os.path.abspath(os.path.join(self.scratch, rel))
                os.makedirs(os.path.dirname(into), exist_ok=True)
                os.link(os.path.join(self.target, rel), into)
                done.append(into)
        except OSError:  # another file system, links refused, a file in the way: make it instead
            for path in done:
                os.unlink(path)
            return False
        self.linked.update(done)
        self.new[entry] = (key, tuple(rel for rel, *_ in landed.files))
        self.reused += 1
        return True

    def files_of(self, entry: str) -> tuple[str, ...]:
        """The files (under the output folder) this build remembers for ``entry``."""
        return self.new[entry][1] if entry in self.new else ()

    def made_now(self, entry: str, key: str | None, paths: list[str]) -> None:
        """``entry`` was just made into these build-folder paths; remember them under ``key``."""
        self.made.append(entry)
        if key is not None and paths:
            self.new[entry] = (key, tuple(os.path.relpath(p, self.scratch) for p in paths))

    def produce(self, rel: str, key: str | None, make) -> None:
        """Bring ``rel`` into the build folder: taken over when made from ``key`` last time, else ``make(path)``."""
        if self.reuse(rel, key):
            return
        path = os.path.join(self.scratch, rel)
        make(path)
        self.made_now(rel, key, [path])

    def detach(self, path: str) -> None:
        """About to write into ``path`` in place: if it is a link to a published file, drop the link first."""
        path = os.path.abspath(path)
        if path in self.linked:
            os.unlink(path)
            self.linked.discard(path)

    def save(self) -> None:
        """After the build landed: record each remembered entry with the identity of its files now published."""
        entries = {}
        for entry, (key, files) in self.new.items():
            found = [(rel, _identity(os.path.join(self.target, rel))) for rel in files]
            if all(identity for _, identity in found):
                entries[entry] = Landed(key, tuple((rel, *identity) for rel, identity in found))
        data = {"version": (VERSION, self.salt, str(self.target)), "entries": entries}
        try:
            write_atomic(self.manifest, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass  # a memo that cannot be written only costs time


def produce(memo: Memo | None, output: str, rel: str, key: str | None, make) -> None:
    """``make(path)`` for the output ``rel``, unless the build's memo takes the published file over."""
    if memo is None:
        make(os.path.join(output, rel))
    else:
        memo.produce(rel, key, make)
