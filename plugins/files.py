"""Writing files so that a reader sees the old content or the new, never a part."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path


def write_atomic(path: str | os.PathLike, data: bytes | str, *, sync: bool = False) -> None:
    """Write through a temporary file in the same folder, then rename over ``path``.

    ``sync=True`` also flushes to disk before the rename: for records (the
    ledger) that must survive a crash of the machine, not only of the process.
    """
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if _special(path):
        # -o /dev/null or a pipe: renaming over it would put a plain file in place of the device
        with open(path, "wb") as fh:
            fh.write(data)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if sync:
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _special(path: Path) -> bool:
    """A device, a pipe or a socket: something to write into, never to replace (no atomicity to give)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def copy_atomic(source: str | os.PathLike, target: str | os.PathLike) -> None:
    """Copy a file with the same all-or-nothing guarantee as write_atomic."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        shutil.copyfile(source, tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
