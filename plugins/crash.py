"""What went wrong when something podium did not foresee happens: which file it was processing, and whose fault.

An unexpected exception is either a bug in podium or a broken theme
template; either way the person needs the file podium was on and where to
look next, not a bare exception name. ``processing(path)`` marks every
exception leaving its block with the file (the innermost mark wins);
``explain`` turns the exception into the one line the command line prints.
"""

from __future__ import annotations

import contextlib
import os
import traceback
from collections.abc import Iterator

from .errors import EXIT_FAILURE, PodiumError
from .i18n import _

#: the attribute that carries the file an exception happened on
MARK = "podium_processing"
_PACKAGE = os.path.dirname(os.path.abspath(__file__))


@contextlib.contextmanager
def processing(path: str | None) -> Iterator[None]:
    """Mark an unexpected exception raised in the block with ``path`` (PodiumErrors say where already)."""
    try:
        yield
    except PodiumError:
        raise
    except Exception as exc:
        mark(exc, path)
        raise


def mark(exc: BaseException, path: str | None) -> None:
    if path and getattr(exc, MARK, None) is None:
        try:
            setattr(exc, MARK, path)
        except AttributeError:  # an exception type with __slots__: nothing to carry the file
            pass


def template_frame(exc: BaseException) -> traceback.FrameSummary | None:
    """The innermost frame in a theme template (Jinja2 puts the template's own file and line there)."""
    frames = traceback.extract_tb(exc.__traceback__)
    templates = [f for f in frames if not f.filename.endswith(".py") and os.path.isfile(f.filename)]
    return templates[-1] if templates else None


def in_podium(exc: BaseException) -> bool:
    """Whether podium's own code is in the traceback (else Pelican or a library met the input)."""
    return any(f.filename.startswith(_PACKAGE) for f in traceback.extract_tb(exc.__traceback__))


def explain(exc: BaseException, root: str = "") -> str:
    """The one line shown for an unexpected exception: the file, whose fault, and --debug."""
    what = _("{kind}: {exc}", kind=type(exc).__name__, exc=exc)
    path = getattr(exc, MARK, None)
    frame = template_frame(exc)
    if frame is not None:
        template = _shown(frame.filename, root)
        if path:
            return _(
                "podium: unexpected error in the template {template}, line {line}, while processing {path}: {what}; "
                "the theme is broken: fix that template or go back to podium's theme (run again with --debug to see "
                "the traceback)",
                template=template,
                line=frame.lineno,
                path=path,
                what=what,
            )
        return _(
            "podium: unexpected error in the template {template}, line {line}: {what}; the theme is broken: fix "
            "that template or go back to podium's theme (run again with --debug to see the traceback)",
            template=template,
            line=frame.lineno,
            what=what,
        )
    if path:
        return _(
            "podium: unexpected error while processing {path}: {what}; this is a bug in podium, not in your "
            "files: please report it (run again with --debug to see the traceback)",
            path=path,
            what=what,
        )
    return _(
        "podium: unexpected error: {what}; this is a bug in podium: please report it (run again with --debug "
        "to see the traceback)",
        what=what,
    )


def _shown(path: str, root: str) -> str:
    rel = os.path.relpath(path, root or os.getcwd())
    return path if rel.startswith("..") else rel


class Unexpected(PodiumError):
    """An unexpected exception Pelican would swallow (it skips the file): kept in the report, exit status 1."""

    exit_status = EXIT_FAILURE

    def __init__(self, exc: BaseException, path: str, root: str = ""):
        mark(exc, path)
        super().__init__(explain(exc, root), path=path)
        self.__cause__ = exc

    def where(self) -> str:
        return ""  # the file is in the sentence: it is where podium was, not what is wrong
