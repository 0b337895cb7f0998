"""Reading an image named by a post, without ever reading outside content/."""

from __future__ import annotations

import os

from ..i18n import _
from .paths import Outside


def inside(root: str, rel: str) -> str:
    """The real path of ``rel`` under ``root``; Outside if it, or a symbolic link on the way, leaves root."""
    base = os.path.realpath(root)
    full = os.path.realpath(os.path.join(base, rel))
    if os.path.commonpath([base, full]) != base:
        raise Outside(_("points outside content/"))
    return full


def read_inside(root: str, rel: str) -> bytes:
    """The bytes of content/``rel``; FileNotFoundError, IsADirectoryError or Outside otherwise."""
    full = inside(root, rel)
    if os.path.isdir(full):
        raise IsADirectoryError(full)
    with open(full, "rb") as handle:
        return handle.read()
