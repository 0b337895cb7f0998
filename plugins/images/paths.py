"""From what an author wrote (``{static}/images/x.jpg``, ``/images/x.jpg``) to a path under content/.

Pure string work. A reference that climbs out of content/ (``../../etc/passwd``)
is refused here, before any file is opened; the glue also resolves symbolic
links and checks again, since only the file system knows where they lead.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

from ..i18n import _

_PLACEHOLDER = re.compile(r"^(?:\{(?:static|attach|filename)\}|\|(?:static|attach|filename)\|)")
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


class Outside(ValueError):
    """The reference points outside content/."""


def content_path(reference: str, base: str = "") -> str | None:
    """The path under content/ that ``reference`` names, or None for a web address or an empty one.

    A path starting with '/' is taken from content/; any other is relative to
    ``base`` (the post's folder under content/, as Pelican's ``{static}`` does).
    """
    ref = (reference or "").strip()
    ref = _PLACEHOLDER.sub("", ref, count=1)
    if _EXTERNAL.match(ref):
        return None
    path = unquote(urlsplit(ref).path).replace("\\", "/")
    if not path:
        return None  # an empty src names no file: nothing to process
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(base, path)
    normal = posixpath.normpath(joined)
    if normal in ("", ".") or normal == ".." or normal.startswith("../") or posixpath.isabs(normal):
        raise Outside(_("points outside content/"))
    return normal


def line_of(source: str, reference: str, after: int = 0) -> int | None:
    """The first line of ``source`` after line ``after`` that mentions ``reference`` (or its file name)."""
    lines = source.splitlines()
    for needle in (reference, reference.rsplit("/", 1)[-1]):
        if not needle:
            continue
        for number, text in enumerate(lines[after:], start=after + 1):
            if needle in text:
                return number
    return None
