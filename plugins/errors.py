"""The errors podium shows to people: one line, with where and how to fix it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

#: Exit statuses shared by every command (see docs/reference/errors.md).
EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


#: what ``str.splitlines`` breaks a line at, besides \n and \r: a key or value written into a message must not
_BREAKS = {ord(c): c.encode("unicode_escape").decode("ascii") for c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"}


def one_line(text: str) -> str:
    """``text`` with its line breaks written as escapes: an error stays one ``path:line: …`` line."""
    return text.translate(_BREAKS)


class PodiumError(Exception):
    """A problem podium can explain; printed as ``path:line:col: message``.

    ``message`` should say what is wrong, then after a semicolon how to fix it.
    """

    exit_status = EXIT_BAD_INPUT

    @property
    def exitcode(self) -> int:
        """Pelican's command line exits with ``exitcode`` when a plugin's exception ends the run."""
        return self.exit_status

    def __init__(self, message: str, path: str | None = None, line: int | None = None, col: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.col = col

    def where(self) -> str:
        parts = [str(p) for p in (self.path, self.line, self.col) if p is not None]
        return ":".join(parts)

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message


class BadInput(PodiumError):
    """Content, calendar or settings that podium refuses (exit status 2)."""


class ExternalFailure(PodiumError):
    """Something outside failed: a network, a deploy target (exit status 1)."""

    exit_status = EXIT_FAILURE


class BuildStopped(BadInput):
    """The build cannot go on; the reasons are in the build's report already.

    ``podium build`` catches it and shows the report; a plain ``pelican`` run,
    which logged each problem as it was found, ends with this summary (exit 2).
    """


class ManyErrors(BadInput):
    """Several problems found in one pass: people fix them all at once."""

    def __init__(self, errors: list[PodiumError]):
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))
        self.exit_status = max((e.exit_status for e in self.errors), default=EXIT_BAD_INPUT)

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


@dataclass
class Report:
    """Problems collected during one build, so that all of them are shown together.

    Pelican swallows exceptions raised in readers and generators (it logs and
    skips the file), so podium's glue records its errors here instead and the
    command line decides the exit status once the build is over.
    """

    errors: list[PodiumError] = field(default_factory=list)
    warnings: list[PodiumError] = field(default_factory=list)
    #: told of each new problem as it is found (level, text): a plain ``pelican`` run logs them
    listener: Callable[[int, str], None] | None = None

    def error(self, err: PodiumError) -> None:
        if str(err) not in {str(e) for e in self.errors}:
            self.errors.append(err)
            if self.listener:
                self.listener(logging.ERROR, str(err))

    def warn(self, err: PodiumError) -> None:
        if str(err) not in {str(w) for w in self.warnings}:
            self.warnings.append(err)
            if self.listener:
                self.listener(logging.WARNING, str(err))

    def raise_if_errors(self) -> None:
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise ManyErrors(self.errors)
