"""The ``dir`` target: a local folder, swapped in one rename so readers see one whole site.

Layout beside the configured ``path``::

    site -> .site.releases/r1a2b3c4     (a symbolic link: what the web server serves)
    .site.releases/r1a2b3c4/            (the live release)
    .site.releases/r1a2b3c4.json        (its manifest of content hashes)

A deploy builds the next release next to the live one: unchanged files are
hard links to the live release (no bytes copied), changed and new files are
copied from the build. Then a new link is made under a temporary name and
renamed over ``site``: rename(2) is atomic, so a reader resolves ``site`` to
the old release or to the new one, never to something in between. The
previous release is kept, so a reader who resolved the old link a moment ago
can finish reading it; older ones are removed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from podium.plugins.errors import BadInput, ExternalFailure
from podium.plugins.files import write_atomic
from podium.plugins.i18n import _

from .base import Deployed, Step, Target, no_step
from .manifest import Plan, dumps, loads


class DirTarget(Target):
    kind = "dir"

    def __init__(self, name, options, **kw):
        super().__init__(name, options, **kw)
        self.link = self.local_path(str(self.options["path"]))
        self.releases = self.link.parent / f".{self.link.name}.releases"

    def describe(self) -> str:
        return _("dir target '{name}' ({path})", name=self.name, path=self.link)

    def _live_release(self) -> Path | None:
        if os.path.islink(self.link):
            return self.link.parent / os.readlink(self.link)
        if os.path.exists(self.link):
            raise BadInput(
                _(
                    "{link} exists and is not the link podium keeps there; move it away or point "
                    "the target '{name}' at a new path (podium serves releases through a link there)",
                    link=self.link,
                    name=self.name,
                )
            )
        return None

    def current(self) -> dict[str, str] | None:
        live = self._live_release()
        if live is None:
            return None
        saved = live.with_name(live.name + ".json")
        if not saved.is_file():
            return None
        return loads(saved.read_bytes(), str(saved))

    def deploy(self, build_dir: Path, manifest: Mapping[str, str], plan: Plan, step: Step = no_step) -> Deployed:
        live = self._live_release()
        try:
            self.releases.mkdir(parents=True, exist_ok=True)
            new = Path(tempfile.mkdtemp(prefix="r", dir=self.releases))
            os.chmod(new, 0o755)
            sent, size = self._fill(new, Path(build_dir), live, plan)
            write_atomic(new.with_name(new.name + ".json"), dumps(manifest).encode())
            step("deploy:uploaded")
            self._swap(new)
            step("deploy:swapped")
            self._prune(keep={new.name, live.name if live else ""})
        except OSError as exc:
            raise ExternalFailure(
                _(
                    "{target}: {error} ({filename}); check the folder exists and is writable, then publish again",
                    target=self.describe(),
                    error=exc.strerror or exc,
                    filename=exc.filename,
                )
            ) from None
        return Deployed(self.name, plan, sent, size)

    def _fill(self, new: Path, build: Path, live: Path | None, plan: Plan) -> tuple[tuple[str, ...], int]:
        """Hard-link what did not change from the live release; copy the rest from the build."""
        sent, size = [], 0
        reuse = set(plan.unchanged) if live is not None else set()
        for path in plan.unchanged + plan.uploads:
            dest = new / path
            dest.parent.mkdir(parents=True, exist_ok=True)
            if path in reuse:
                try:
                    os.link(live / path, dest)
                    continue
                except OSError:
                    pass  # another file system or a vanished file: copying is always right
            shutil.copyfile(build / path, dest)
            os.chmod(dest, 0o644)
            if path not in reuse:
                sent.append(path)
                size += dest.stat().st_size
        return tuple(sent), size

    def _swap(self, new: Path) -> None:
        for stale in self.link.parent.glob(f".{self.link.name}.swap-*"):
            stale.unlink()  # left by a deploy that died before its rename
        tmp = self.link.with_name(f".{self.link.name}.swap-{os.getpid()}")
        os.symlink(os.path.relpath(new, self.link.parent), tmp)
        os.replace(tmp, self.link)

    def _prune(self, keep: set[str]) -> None:
        """Drop every release but the live one and the previous (also those left by a crashed deploy)."""
        for entry in self.releases.iterdir():
            if entry.name in keep or entry.name.removesuffix(".json") in keep:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
