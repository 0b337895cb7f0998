"""Where each deploy target's files land, so that no target publishes the comms room.

Pure: from the validated target settings to *places* (a realm and a path in
it), compared by containment. Two rules, checked before any deploy:

- no target may land in or around the comms room's folder (a ``dir`` path, an
  ``rsync`` path on this machine, a local ``git`` repository inside it);
- a public target and a ``private: true`` one (which receives the comms room)
  may not share a place: same folder, same host and path, same repository and
  branch, same bucket with one prefix inside the other.
"""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from podium.plugins.i18n import _

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})


@dataclass(frozen=True)
class Place:
    realm: tuple  # ("local",), ("ssh", host, port), ("git", remote, branch), ("s3", endpoint, bucket)
    path: PurePosixPath
    #: False when only what is *inside* the path is written (a git push writes objects, not a folder's files)
    spreads: bool = True

    def overlaps(self, other: Place) -> bool:
        if self.realm != other.realm:
            return False
        return self.path.is_relative_to(other.path) or other.path.is_relative_to(self.path)

    def within(self, folder: Path) -> bool:
        """Whether this place writes into ``folder`` (a local, resolved folder)."""
        if self.realm != ("local",):
            return False
        folder = PurePosixPath(folder)
        return self.path.is_relative_to(folder) or (self.spreads and folder.is_relative_to(self.path))


def _local(value: str, project: Path) -> PurePosixPath:
    path = Path(os.path.expanduser(value))
    path = path if path.is_absolute() else project / path
    return PurePosixPath(os.path.realpath(path))


def _is_local_host(host: str) -> bool:
    return host.lower() in LOCAL_HOSTS or host.lower() == socket.gethostname().lower()


def _remote_path(options: Mapping[str, Any]) -> PurePosixPath:
    path = str(options["path"])
    if path.startswith("/"):
        return PurePosixPath(os.path.normpath(path))
    home = os.path.expanduser("~" + str(options.get("user") or ""))
    return PurePosixPath(os.path.normpath(os.path.join(home, path)))


def places(options: Mapping[str, Any], project: Path) -> list[Place]:
    """Every place a target writes to."""
    kind = options["type"]
    if kind == "dir":
        link = _local(str(options["path"]), project)
        return [Place(("local",), link), Place(("local",), link.parent / f".{link.name}.releases")]
    if kind == "rsync":
        host, path = str(options["host"]), _remote_path(options)
        found = [Place(("ssh", host.lower(), int(options.get("port", 22))), path)]
        if _is_local_host(host):
            found += [Place(("local",), path), Place(("local",), path.parent / f".{path.name}.releases")]
        return found
    if kind == "git":
        remote, branch = str(options["remote"]), str(options.get("branch", "gh-pages"))
        if "://" in remote or re.match(r"^[\w.-]+@[\w.-]+:", remote):
            return [Place(("git", remote.rstrip("/").removesuffix(".git"), branch), PurePosixPath("/"))]
        folder = _local(remote, project)
        return [Place(("git", folder.as_posix(), branch), PurePosixPath("/")), Place(("local",), folder, spreads=False)]
    prefix = str(options.get("prefix", "")).strip("/")
    return [Place(("s3", str(options.get("endpoint_url") or ""), str(options["bucket"])), PurePosixPath("/", prefix))]


def problems(targets: Mapping[str, Mapping[str, Any]], comms: Path, project: Path) -> list[str]:
    """What is wrong with the targets, in words; an empty list when none can reach the comms room."""
    found, mapped = [], {name: places(options, project) for name, options in targets.items()}
    for name, where in mapped.items():
        if any(place.within(comms) for place in where):
            found.append(
                _(
                    "target {name!r} would write in or around the comms room ({room}); point it at a folder "
                    "outside it, or move the comms room with PODIUM_COMMS_PATH",
                    name=name,
                    room=_shown(comms, project),
                )
            )
    private = [n for n, o in targets.items() if o.get("private")]
    for public in (n for n in targets if n not in private):
        for secret in private:
            if any(a.overlaps(b) for a in mapped[public] for b in mapped[secret]):
                found.append(
                    _(
                        "target {public!r} would publish where the private target {secret!r} puts the comms "
                        "room; give them places that do not contain each other",
                        public=public,
                        secret=secret,
                    )
                )
    return found


def _shown(path: Path, project: Path) -> str:
    return os.path.relpath(path, project) if Path(path).is_relative_to(project) else str(path)
