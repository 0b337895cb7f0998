"""The ``rsync`` target: a server reached over SSH, with the same release-and-link swap as ``dir``.

On the server, beside the configured ``path``::

    site -> .site.releases/rXXXXXXXX    (the web server's document root is ``site``)
    .site.releases/rXXXXXXXX/ and rXXXXXXXX.json

A deploy (1) makes the next release on the server as a hard-linked copy of
the live one (``cp -al``: no bytes cross the network) and removes the files
the build dropped, (2) rsyncs only the files whose hash changed into it
(rsync writes each to a temporary name and renames it, so the hard links the
live release shares are never written through), (3) saves the manifest,
renames a fresh link over ``site`` (``mv -T``, i.e. rename(2): atomic) and
removes releases older than the previous one. A reader resolves ``site`` to
the old release or the new one, never to a mix. The server needs a POSIX
shell, GNU coreutils and rsync. All calls share one SSH connection.

Credentials: the private key comes from the environment variable named by
``key_env`` (default ``PODIUM_SSH_KEY``, the key's text) or from the file named
by ``identity_file``; host keys from ``known_hosts`` (a file that may live in
the repository: host keys are public). Host keys are always checked.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from podium.plugins.errors import BadInput, ExternalFailure
from podium.plugins.i18n import _

from .base import Deployed, Step, Target, no_step
from .manifest import Plan, dumps, loads

_CURRENT = r"""
link=$1
if [ -L "$link" ]; then
  m="$(dirname "$link")/$(readlink "$link").json"
  if [ -f "$m" ]; then echo MANIFEST; cat "$m"; else echo NOMANIFEST; fi
elif [ -e "$link" ]; then echo NOTLINK
else echo NONE
fi
"""

_PREPARE = r"""
set -e
link=$1; reuse=$2
base=$(dirname "$link"); name=$(basename "$link")
live=
if [ -L "$link" ]; then live=$(basename "$(readlink "$link")"); fi
mkdir -p "$base/.$name.releases"
new=$(mktemp -d "$base/.$name.releases/rXXXXXXXX")
chmod 755 "$new"
if [ "$reuse" = 1 ] && [ -n "$live" ]; then cp -al "$base/.$name.releases/$live/." "$new/"; fi
cd "$new"
xargs -0 -r rm -f --
find . -mindepth 1 -depth -type d -empty -delete
echo "$new"
echo "$live"
"""

# Save the manifest, swap the link (mv -T is rename(2)), then drop every release but these two.
_COMMIT = r"""
set -e
link=$1; new=$2; live=$3
base=$(dirname "$link"); name=$(basename "$link")
cat > "$new.json.tmp"
mv -f "$new.json.tmp" "$new.json"
tmp="$base/.$name.swap-$$"
ln -sfn ".$name.releases/$(basename "$new")" "$tmp"
mv -T "$tmp" "$link"
cd "$base/.$name.releases"
keep=$(basename "$new")
for entry in * .[!.]*; do
  [ -e "$entry" ] || continue
  case "${entry%.json}" in "$keep"|"$live") continue;; esac
  rm -rf -- "$entry"
done
rm -f -- "$base/.$name.swap-"*
"""


class RsyncTarget(Target):
    kind = "rsync"

    def __init__(self, name, options, **kw):
        super().__init__(name, options, **kw)
        self.host = str(self.options["host"])
        self.path = str(self.options["path"])
        self.user = self.options.get("user")
        self.port = int(self.options.get("port", 22))
        self._tmp = Path(tempfile.mkdtemp(prefix="podium-ssh-"))
        self._ssh = self._ssh_command()

    def describe(self) -> str:
        who = f"{self.user}@{self.host}" if self.user else self.host
        return _("rsync target '{name}' ({host}:{path})", name=self.name, host=who, path=self.path)

    def close(self) -> None:
        if (self._tmp / "cm").exists():  # end the shared connection
            subprocess.run([*self._ssh, "-O", "exit", self._dest], capture_output=True)
        shutil.rmtree(self._tmp, ignore_errors=True)

    def _ssh_command(self) -> list[str]:
        # One connection for the whole deploy (ControlMaster): every later ssh and rsync call reuses it.
        command = [
            "ssh",
            "-p",
            str(self.port),
            "-o",
            "BatchMode=yes",
            "-o",
            "StrictHostKeyChecking=yes",
            "-o",
            "ConnectTimeout=20",
            "-o",
            "ControlMaster=auto",
            "-o",
            f"ControlPath={self._tmp / 'cm'}",
            "-o",
            "ControlPersist=120",
        ]
        key_env = str(self.options.get("key_env", "PODIUM_SSH_KEY"))
        if self.env.get(key_env):
            key = self._tmp / "key"
            key.write_text(self.env[key_env].strip() + "\n", encoding="utf-8")
            key.chmod(0o600)
            command += ["-i", str(key), "-o", "IdentitiesOnly=yes"]
        elif self.options.get("identity_file"):
            command += ["-i", str(self.local_path(self.options["identity_file"])), "-o", "IdentitiesOnly=yes"]
        if self.options.get("known_hosts"):
            command += ["-o", f"UserKnownHostsFile={self.local_path(self.options['known_hosts'])}"]
        return command

    @property
    def _dest(self) -> str:
        return f"{self.user}@{self.host}" if self.user else self.host

    def _remote(self, script: str, args: Sequence[str], stdin: bytes = b"") -> str:
        """Run a small sh script on the server; its arguments are quoted, never pasted into it."""
        remote = shlex.join(["sh", "-c", script, "podium", *args])
        done = subprocess.run([*self._ssh, self._dest, remote], input=stdin, capture_output=True)
        if done.returncode != 0:
            raise self._failure("ssh", done)
        return done.stdout.decode("utf-8", "replace")

    def _failure(self, what: str, done: subprocess.CompletedProcess) -> ExternalFailure:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines() or ["no message"]
        return ExternalFailure(
            _(
                "{target}: {what} failed (exit {returncode}): {lines}; "
                "check host, port, user, known_hosts and the key (PODIUM_SSH_KEY or identity_file)",
                target=self.describe(),
                what=what,
                returncode=done.returncode,
                lines=lines[-1],
            )
        )

    def current(self) -> dict[str, str] | None:
        out = self._remote(_CURRENT, [self.path])
        status, _sep, body = out.partition("\n")
        if status == "NOTLINK":
            raise BadInput(
                _(
                    "{dest}:{path} exists and is not the link podium keeps there; move it "
                    "away or point the target '{name}' at a new path (podium serves releases through a link there)",
                    dest=self._dest,
                    path=self.path,
                    name=self.name,
                )
            )
        if status == "MANIFEST":
            return loads(body, f"{self._dest}:{self.path}")
        return None

    def deploy(self, build_dir: Path, manifest: Mapping[str, str], plan: Plan, step: Step = no_step) -> Deployed:
        # Reuse the live release only if its manifest was read: otherwise its files are unknown.
        reuse = bool(plan.changed or plan.unchanged or plan.removed)
        removed = b"".join(p.encode() + b"\0" for p in plan.removed)
        new, _, live = self._remote(_PREPARE, [self.path, "1" if reuse else "0"], removed).strip("\n").partition("\n")
        step("deploy:prepared")
        sent, size = self._rsync(Path(build_dir), new, plan.uploads)
        step("deploy:uploaded")
        self._remote(_COMMIT, [self.path, new, live], dumps(manifest).encode())
        step("deploy:swapped")
        return Deployed(self.name, plan, sent, size)

    def _rsync(self, build: Path, new: str, files: Sequence[str]) -> tuple[tuple[str, ...], int]:
        """Send exactly ``files``: --ignore-times because the manifest already said they differ."""
        listing = b"".join(p.encode() + b"\0" for p in files)
        command = [
            "rsync",
            "--recursive",
            "--links",
            "--ignore-times",
            "--perms",
            "--chmod=D755,F644",
            "--files-from=-",
            "--from0",
            "--out-format=%n",
            "--stats",
            "-e",
            shlex.join(self._ssh),
            f"{build}/",
            f"{self._dest}:{new}/",
        ]
        done = subprocess.run(command, input=listing, capture_output=True)
        if done.returncode != 0:
            raise self._failure("rsync", done)
        out = done.stdout.decode("utf-8", "replace")
        wanted = set(files)
        names = tuple(sorted(line for line in out.splitlines() if line in wanted))
        found = re.search(r"Total bytes sent:\s*([\d,.]+)", out)
        size = int(re.sub(r"\D", "", found.group(1))) if found else 0
        return names, size
