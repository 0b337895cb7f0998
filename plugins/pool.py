"""Independent work spread over the machine's processor cores, with results that do not depend on it.

Social cards take most of a first build and each is drawn from plain values,
so they can be drawn in forked worker processes: a worker inherits the fonts
and pictures already loaded, runs the very function the serial path runs, and
sends back bytes, in the order asked. With one core, ``PODIUM_WORKERS = 1``,
little work, or a platform without ``fork``, everything runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")
#: below this many items, starting processes costs more than it saves
MIN_ITEMS = 4


def cores() -> int:
    """Processor cores this process may run on (a container's limit, not the host's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def size(setting: int) -> int:
    """Worker processes for PODIUM_WORKERS: 0 means one per core."""
    return setting if setting > 0 else cores()


def run(func: Callable[[Any], T], items: Sequence[Any], workers: int) -> list[T]:
    """``[func(item) for item in items]``, in ``workers`` forked processes when that pays."""
    if workers <= 1 or len(items) < MIN_ITEMS or "fork" not in multiprocessing.get_all_start_methods():
        return [func(item) for item in items]
    count = min(workers, len(items))
    try:
        with ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(func, items, chunksize=max(1, len(items) // (count * 4))))
    except (BrokenProcessPool, OSError):  # no processes to be had (limits, memory): the same work, here
        return [func(item) for item in items]
