"""Every shell command in the README and the guides runs as written, in a scratch copy of the repository.

A fenced ``sh`` block runs with bash, stopping at the first failing line.
The comment line just before a block may say how: ``<!-- tour: background
URL -->`` starts a server, waits until URL answers, then stops it;
``<!-- not run by the tests: why -->`` skips it, and says why (credentials,
a real deploy, the set-up itself).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import REPO

DOCUMENTS = [
    "README.md",
    "docs/writing.md",
    "docs/ecrire.md",
    "docs/comms.md",
    "docs/publishing.md",
    "docs/index.md",
    "docs/development.md",
]
BLOCK = re.compile(r"(?:^<!-- (?P<how>[^\n]*?) -->\n)?^```sh\n(?P<body>.*?)^```", re.M | re.S)

pytestmark = pytest.mark.xdist_group("docs-commands")


def blocks(document: str) -> list[tuple[str, str]]:
    """(how, shell text) of every sh block, in reading order; how is '' for a plain block."""
    text = (REPO / document).read_text(encoding="utf-8")
    return [(m["how"] or "", m["body"]) for m in BLOCK.finditer(text)]


def test_every_block_that_is_not_run_says_why():
    skipped = [(doc, how) for doc in DOCUMENTS for how, _ in blocks(doc) if how.startswith("not run")]
    assert skipped and all(re.fullmatch(r"not run by the tests: \S.*", how) for _, how in skipped)
    unknown = [
        (doc, how)
        for doc in DOCUMENTS
        for how, _ in blocks(doc)
        if how and not how.startswith(("not run by the tests: ", "tour: background "))
    ]
    assert unknown == []


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    """The repository's tracked files, with the venv linked in, as a newcomer's clone would be after make site."""
    root = tmp_path_factory.mktemp("clone")
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = REPO / name
        if source.is_file():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, root / name)
    (root / ".venv").symlink_to(REPO / ".venv")
    return root


def _environment() -> dict:
    env = dict(os.environ)
    env["PATH"] = f"{REPO / '.venv' / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    for secret in [
        k for k in env if k.startswith(("PODIUM_X_", "PODIUM_LINKEDIN_", "PODIUM_MASTODON_", "PODIUM_BLUESKY_"))
    ]:
        del env[secret]  # nothing here may reach a network
    return env


def _port_free(url: str, seconds: float) -> bool:
    """Whether nothing listens on the address's port, waiting up to ``seconds`` for it to be let go."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    deadline = time.monotonic() + seconds
    while True:
        with socket.socket() as probe:
            if probe.connect_ex((parts.hostname, parts.port or 80)) != 0:
                return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.5)


def _background(body: str, url: str, cwd: Path, attempts: int = 3) -> None:
    # the guides' blocks use the documented port 8000: a server from an earlier block must have let it go
    assert _port_free(url, 60), f"something else listens on {url}; stop it and run the tests again"
    process = subprocess.Popen(
        ["bash", "-e", "-c", body],
        cwd=cwd,
        env=_environment(),
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 300
        while True:
            if process.poll() is not None:
                said = process.stdout.read()
                # another program on this machine took the port between our check and the bind: the server
                # said so in its own words (tests/publish/test_serve.py checks them), so wait and start again
                assert attempts > 1 and "is already in use" in said, said
                break
            try:
                with urllib.request.urlopen(url, timeout=5) as answer:
                    assert answer.status == 200
                    return
            except OSError:
                assert time.monotonic() < deadline, f"{url} never answered"
                time.sleep(1)
    finally:
        try:
            os.killpg(process.pid, signal.SIGINT)
        except ProcessLookupError:
            pass  # it has already ended; the assertion above says why
        process.wait(timeout=60)
        if not _port_free(url, 30):  # a straggler of the group still holds the port: the next block needs it
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            _port_free(url, 30)
    time.sleep(2)  # reached only when the port was taken: try again, a bounded number of times
    _background(body, url, cwd, attempts - 1)


@pytest.mark.parametrize("document", DOCUMENTS)
def test_the_shell_blocks_of_a_document_run_as_written(document, scratch):
    ran = 0
    for how, body in blocks(document):
        if how.startswith("not run"):
            continue
        if how.startswith("tour: background "):
            _background(body, how.removeprefix("tour: background "), scratch)
        else:
            run = subprocess.run(
                ["bash", "-e", "-c", body], cwd=scratch, env=_environment(), capture_output=True, text=True, timeout=600
            )
            assert run.returncode == 0, f"{document}:\n{body}\n{run.stdout}\n{run.stderr}"
        ran += 1
    assert ran >= RUNNABLE.get(document, 0)


#: the documents whose commands are the point: at least this many of their blocks must run
RUNNABLE = {"README.md": 4, "docs/writing.md": 4, "docs/ecrire.md": 4, "docs/comms.md": 3, "docs/publishing.md": 1}
