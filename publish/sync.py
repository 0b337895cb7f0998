"""Bring a finished build into the output folder, replacing only the files whose bytes changed.

A file whose bytes are the same keeps its inode and its modification time, so
rsync, a ``dir`` deploy and a browser's cache see nothing new. Every changed
file is renamed into place whole (same file system: the build folder sits
beside the output), new assets before the pages that link to them, and files
the new build no longer has are removed last: a reader of the folder sees each
file old or new, never a part, and a page never points at a card not yet there.
"""

from __future__ import annotations

import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

#: written after everything else: pages and feeds name the assets, so the assets go first
LAST = (".html", ".htm", ".xml", ".json", ".txt")


@dataclass
class Synced:
    kept: int = 0  # same bytes: left alone
    replaced: int = 0  # new or changed: renamed into place
    removed: int = 0  # not in the new build


def same_bytes(new: str, old: str) -> bool:
    """Whether ``old`` is a regular file holding exactly the bytes of ``new``."""
    try:
        info = os.lstat(old)
    except FileNotFoundError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    mine = os.lstat(new)
    if os.path.samestat(mine, info):
        return True  # the render memo took the published file over: the very same file
    if info.st_size != mine.st_size:
        return False
    with open(new, "rb") as a, open(old, "rb") as b:
        return a.read() == b.read()


def _tree(root: str) -> tuple[list[str], list[str]]:
    """Folders and files under ``root``, relative, folders parents first."""
    folders, files = [], []
    for folder, dirs, names in os.walk(root):
        rel = os.path.relpath(folder, root)
        folders += [os.path.normpath(os.path.join(rel, d)) for d in dirs]
        files += [os.path.normpath(os.path.join(rel, n)) for n in names]
    return folders, files


def _clear(path: str) -> None:
    """Remove whatever stands at ``path`` (file, link or folder) so something else can go there."""
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    elif os.path.lexists(path):
        os.unlink(path)


def sync(built: Path, target: Path) -> Synced:
    """Move ``built`` into ``target`` file by file; ``built`` is gone afterwards."""
    done = Synced()
    if not target.is_dir() or target.is_symlink():
        if os.path.lexists(target):
            _clear(str(target))
        os.replace(built, target)
        done.replaced = len(_tree(str(target))[1])
        return done
    folders, files = _tree(str(built))
    for rel in folders:
        where = os.path.join(target, rel)
        if not os.path.isdir(where) or os.path.islink(where):
            _clear(where)
            os.mkdir(where)
    for rel in sorted(files, key=lambda f: (f.lower().endswith(LAST), f)):
        new, old = os.path.join(built, rel), os.path.join(target, rel)
        if same_bytes(new, old):
            done.kept += 1
            continue
        if os.path.isdir(old) and not os.path.islink(old):
            shutil.rmtree(old)
        os.replace(new, old)
        done.replaced += 1
    done.removed = _remove_stale(target, set(folders), set(files))
    shutil.rmtree(built, ignore_errors=True)
    return done


def _remove_stale(target: Path, folders: set[str], files: set[str]) -> int:
    removed = 0
    old_folders, old_files = _tree(str(target))
    for rel in old_files:
        if rel not in files:
            os.unlink(os.path.join(target, rel))
            removed += 1
    for rel in sorted(old_folders, reverse=True):  # children before parents
        if rel not in folders and os.path.lexists(os.path.join(target, rel)):
            _clear(os.path.join(target, rel))
    return removed
