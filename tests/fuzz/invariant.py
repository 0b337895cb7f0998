"""The promise every fuzz test checks: bad input is ``path:line: …`` and exit 2, never a crash, a hang or a runaway.

In-process checks (``refused_cleanly``, ``bounded``) keep most examples fast;
``run_podium`` runs the real command in a child process with its memory and
time capped by the kernel, as CI would meet it.
"""

from __future__ import annotations

import contextlib
import os
import re
import resource
import signal
import subprocess
import sys
import tracemalloc
from pathlib import Path

from podium.plugins.errors import BadInput, PodiumError

#: one error line as people see it: a path, a line number (a column maybe), then what is wrong
LOCATED = re.compile(r"^(?!podium: )[^\s:][^:\n]*:\d+(?::\d+)?: \S")
#: how much memory one in-process example may allocate (Python objects, traced): inputs are a few KB
MEMORY_CAP = 16 * 1024 * 1024
#: a hang guard, not a speed test: far beyond any example's time on a loaded machine
HANG_GUARD = 120
#: the child process's address space: enough for Pelican and Pillow, far below a YAML alias bomb's appetite
CHILD_MEMORY = 2 * 1024 * 1024 * 1024


def unlocated(text: str) -> list[str]:
    """The lines of an error text that do not start with ``path:line:``."""
    return [line for line in text.splitlines() if not LOCATED.match(line)]


def assert_located(error: PodiumError) -> None:
    assert isinstance(error, BadInput), f"bad input must be BadInput (exit 2), got {type(error).__name__}: {error}"
    assert str(error).strip(), "an empty error message"
    assert not unlocated(str(error)), f"error lines without path:line: {unlocated(str(error))}"


@contextlib.contextmanager
def bounded(limit: int = MEMORY_CAP):
    """Fail when the block allocates more than ``limit`` bytes at its peak, or runs past the hang guard."""

    def hung(signum, frame):
        raise AssertionError(f"no answer after {HANG_GUARD} s: a hang")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(HANG_GUARD)
    tracemalloc.start()
    try:
        yield
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert peak <= limit, f"{peak / 2**20:.0f} MB allocated for a few KB of input"


def refused_cleanly(call, *args, **kwargs):
    """Run a real reader on fuzzed input: its value, or None when it refused the input as located bad input.

    Any other exception (a bug) propagates, so Hypothesis shrinks it to the smallest input.
    """
    with bounded():
        try:
            return call(*args, **kwargs)
        except PodiumError as error:
            assert_located(error)
            return None


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY, CHILD_MEMORY))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run_podium(project: Path, *args: str) -> subprocess.CompletedProcess:
    """``podium ARGS -C project`` in a child process, memory capped and guarded against hangs."""
    env = {**os.environ, "PODIUM_UI_LANG": "en", "PYTHONHASHSEED": "0"}
    return subprocess.run(
        [sys.executable, "-m", "podium.publish.cli", *args, "-C", str(project)],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        preexec_fn=_limits,
        env=env,
        cwd=str(project),
    )


def assert_exit_promise(done: subprocess.CompletedProcess) -> None:
    """Exit 0, or exit 2 with every line of standard error in ``path:line: …`` form; never a traceback."""
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode in (0, 2), f"exit {done.returncode}: {done.stderr}"
    if done.returncode == 2:
        assert done.stderr.strip(), "exit 2 with nothing said"
        assert not unlocated(done.stderr), f"error lines without path:line: {unlocated(done.stderr)}"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative path -> bytes): to prove a failed build left it alone."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
