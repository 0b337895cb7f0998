"""The ``git`` target: the site as one commit on a branch (``gh-pages``), pushed to a remote.

The manifest is the branch's own tree: git names every file by the hash of
its content, so the previous deploy's commit already lists path -> hash.
A deploy fetches only the branch tip (``--depth 1``) into a scratch
repository, writes blobs for the changed files only, reuses the ids of the
unchanged ones to build the new tree, commits it with the old tip as parent
and pushes. A push sends only objects the remote lacks, and the remote moves
the branch ref in one atomic update after every object has arrived: whoever
clones or checks out the branch (GitHub Pages included) gets the old commit
or the new one, never a mix. A push that is not a fast-forward (someone else
pushed meanwhile) is refused, so nothing is overwritten; publish again.

Credentials: a remote that needs a token reads it from the environment
variable named by ``token_env`` (for GitHub, ``GITHUB_TOKEN``); it is handed
to git through the environment, never on a command line, and scrubbed from
any message.
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from podium.plugins.errors import ExternalFailure
from podium.plugins.i18n import _

from .base import Deployed, Step, Target, no_step
from .manifest import Plan, git_blob_digest

_REPOSITORY_VARIABLES = {
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_COMMON_DIR",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_NAMESPACE",
    "GIT_CONFIG_COUNT",
    "GIT_CONFIG",
}


class GitTarget(Target):
    kind = "git"
    digest = staticmethod(git_blob_digest)

    def __init__(self, name, options, **kw):
        super().__init__(name, options, **kw)
        self.remote = self._remote_url(str(self.options["remote"]))
        self.branch = str(self.options.get("branch", "gh-pages"))
        self._repo = Path(tempfile.mkdtemp(prefix="podium-git-"))
        self._tip: str | None = None
        self._fetched = False
        self._git("init", "--quiet", "--bare", str(self._repo), repo=False)

    def _remote_url(self, remote: str) -> str:
        """A local path becomes a file:// URL so that shallow fetches work on it too."""
        if "://" in remote or re.match(r"^[\w.-]+@[\w.-]+:", remote):
            return remote
        return self.local_path(remote).resolve().as_uri()

    def describe(self) -> str:
        shown = re.sub(r"//[^/@]*@", "//", self.remote)  # never show user:token@ in a URL
        return _("git target '{name}' ({remote} {branch})", name=self.name, remote=shown, branch=self.branch)

    def close(self) -> None:
        shutil.rmtree(self._repo, ignore_errors=True)

    def _environment(self) -> dict[str, str]:
        # Variables that would point git at another repository or index go; GIT_SSH_COMMAND and the like stay.
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in _REPOSITORY_VARIABLES and not k.startswith(("GIT_CONFIG_KEY_", "GIT_CONFIG_VALUE_"))
        }
        env.update(GIT_TERMINAL_PROMPT="0", GIT_CONFIG_NOSYSTEM="1")
        token = self.env.get(str(self.options.get("token_env", ""))) if self.options.get("token_env") else None
        if token:
            basic = base64.b64encode(f"x-access-token:{token}".encode()).decode()
            env.update(
                GIT_CONFIG_COUNT="1",
                GIT_CONFIG_KEY_0="http.extraHeader",
                GIT_CONFIG_VALUE_0=f"Authorization: Basic {basic}",
            )
        name = str(self.options.get("author_name", "podium"))
        email = str(self.options.get("author_email", "podium@localhost"))
        env.update(GIT_AUTHOR_NAME=name, GIT_AUTHOR_EMAIL=email, GIT_COMMITTER_NAME=name, GIT_COMMITTER_EMAIL=email)
        return env

    def _git(self, *args: str, stdin: bytes = b"", repo: bool = True, extra: Mapping[str, str] | None = None) -> bytes:
        command = ["git", *(["--git-dir", str(self._repo)] if repo else []), *args]
        done = subprocess.run(command, input=stdin, capture_output=True, env={**self._environment(), **(extra or {})})
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip().splitlines() or ["no message"]
            raise ExternalFailure(
                _(
                    "{target}: git {args} failed: {error}; "
                    "check the remote, the branch and the token (token_env), then publish again",
                    target=self.describe(),
                    args=args[0],
                    error=self._scrub(message[-1]),
                )
            )
        return done.stdout

    def _scrub(self, text: str) -> str:
        token_env = self.options.get("token_env")
        token = self.env.get(str(token_env)) if token_env else None
        return text.replace(token, "***") if token else text

    def _fetch(self) -> str | None:
        """The remote branch tip, fetched once per target; None when the branch does not exist yet."""
        if not self._fetched:
            ref = f"refs/heads/{self.branch}"
            listed = self._git("ls-remote", self.remote, ref).decode().split()
            if listed:
                self._git("fetch", "--quiet", "--depth=1", self.remote, f"+{ref}:refs/remotes/site/{self.branch}")
                self._tip = self._git("rev-parse", f"refs/remotes/site/{self.branch}").decode().strip()
            self._fetched = True
        return self._tip

    def current(self) -> dict[str, str] | None:
        tip = self._fetch()
        if tip is None:
            return None
        listing = self._git("ls-tree", "-r", "-z", "--full-tree", tip).decode("utf-8")
        found = {}
        for entry in filter(None, listing.split("\0")):
            meta, _, path = entry.partition("\t")
            found[path] = meta.split()[2]
        return found

    def deploy(self, build_dir: Path, manifest: Mapping[str, str], plan: Plan, step: Step = no_step) -> Deployed:
        tip = self._fetch()
        self._write_blobs(Path(build_dir), plan.uploads, manifest)
        tree = self._tree(manifest)
        message = str(self.options.get("message", "Publish the site"))
        commit = self._git("commit-tree", tree, *(["-p", tip] if tip else []), "-m", message).decode().strip()
        size = len(
            self._git(
                "pack-objects", "--revs", "--stdout", "-q", stdin=f"{commit}\n{'^' + tip if tip else ''}\n".encode()
            )
        )
        step("deploy:uploaded")
        self._git("push", "--quiet", self.remote, f"{commit}:refs/heads/{self.branch}")
        self._tip = commit
        step("deploy:swapped")
        return Deployed(self.name, plan, plan.uploads, size)

    def _write_blobs(self, build: Path, paths: Sequence[str], manifest: Mapping[str, str]) -> None:
        if not paths:
            return
        listing = "".join(f"{build / p}\n" for p in paths).encode()
        ids = self._git("hash-object", "-w", "--no-filters", "--stdin-paths", stdin=listing).decode().split()
        for path, blob in zip(paths, ids):
            if manifest[path] != blob:
                raise ExternalFailure(
                    _(
                        "{target}: {path} changed while publishing; build and publish again",
                        target=self.describe(),
                        path=path,
                    )
                )

    def _tree(self, manifest: Mapping[str, str]) -> str:
        """Build the tree from blob ids alone, in a private index: no working copy is touched."""
        index = self._repo / "podium-index"
        index.unlink(missing_ok=True)
        entries = "".join(f"100644 {blob}\t{path}\0" for path, blob in sorted(manifest.items())).encode()
        private = {"GIT_INDEX_FILE": str(index)}
        self._git("update-index", "-z", "--index-info", stdin=entries, extra=private)
        return self._git("write-tree", extra=private).decode().strip()
