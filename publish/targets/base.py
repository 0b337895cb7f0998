"""What every deploy target offers, and the small file helpers they share."""

from __future__ import annotations

import abc
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from podium.plugins.i18n import _

from .manifest import Plan, diff, sha256_digest

#: Called with a label between the steps of a deploy; tests use it to kill the process there.
Step = Callable[[str], None]


def no_step(label: str) -> None:
    """The default step hook: production deploys have nothing to do between steps."""


@dataclass(frozen=True)
class Deployed:
    """The outcome of one deploy, for the summary and the upload bench."""

    target: str
    plan: Plan
    sent: tuple[str, ...]
    bytes_sent: int


class Target(abc.ABC):
    """A place the site goes live; subclasses say how a deploy is atomic for readers there.

    ``current()`` returns the manifest saved by the previous deploy (None when
    there was none); ``deploy()`` sends ``plan.uploads``, drops
    ``plan.removed`` and leaves the target equal to the build.
    """

    kind = "?"
    digest = staticmethod(sha256_digest)

    def __init__(self, name: str, options: Mapping[str, Any], *, project_dir: Path, env: Mapping[str, str]):
        self.name = name
        self.options = dict(options)
        self.project_dir = Path(project_dir)
        self.env = env

    def describe(self) -> str:
        """Where the site goes, for people: never includes a secret."""
        return _("{kind} target '{name}'", kind=self.kind, name=self.name)

    @abc.abstractmethod
    def current(self) -> dict[str, str] | None:
        """The manifest of what is live now; None if this target was never deployed to."""

    @abc.abstractmethod
    def deploy(self, build_dir: Path, manifest: Mapping[str, str], plan: Plan, step: Step = no_step) -> Deployed:
        """Make the target equal to ``build_dir``, moving only ``plan.uploads``."""

    def close(self) -> None:
        """Release temporary files; targets holding none need not override it."""

    def __enter__(self) -> Target:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def local_path(self, value: str) -> Path:
        """Paths in settings are relative to the project, like content/."""
        path = Path(os.path.expanduser(value))
        return path if path.is_absolute() else self.project_dir / path


def files_of(folder: Path) -> list[str]:
    """Every regular file under ``folder`` as a POSIX path relative to it, sorted."""
    found = []
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for name in names:
            full = Path(root) / name
            if full.is_file():
                found.append(full.relative_to(folder).as_posix())
    return sorted(found)


def scan(folder: Path, digest: Callable[[bytes], str] = sha256_digest) -> dict[str, str]:
    """The manifest of a built site: path -> content digest."""
    return {path: digest((folder / path).read_bytes()) for path in files_of(folder)}


def plan_for(target: Target, build_dir: Path) -> tuple[dict[str, str], Plan]:
    """Read the target's manifest and compare it with the build: what a deploy would move."""
    manifest = scan(build_dir, target.digest)
    return manifest, diff(target.current(), manifest)
