"""Independent work spread over the machine's processor cores, with results that do not depend on it.

Social cards take most of a first build and each is drawn from plain values,
so they can be drawn in forked worker processes: a worker inherits the fonts
and pictures already loaded, runs the very function the serial path runs, and
sends back its result, in the order asked; ``start`` lets this process go on
meanwhile and collect later. With one core, ``PODIUM_WORKERS = 1``,
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
    return start(func, items, workers).results()


def start(func: Callable[[Any], T], items: Sequence[Any], workers: int) -> Pending:
    """Hand ``items`` to worker processes now; the caller goes on and collects with ``.results()``."""
    return Pending(func, list(items), workers)


class Pending:
    """Work started in forked processes while this one goes on: both cores busy for the whole build.

    Without workers (one core, little work, no ``fork``) nothing runs until
    ``results()``, which then does the work here, in order, as ``run`` would.
    """

    def __init__(self, func: Callable[[Any], T], items: list, workers: int):
        self.func, self.items = func, items
        self._pool: ProcessPoolExecutor | None = None
        self._results = None
        if workers <= 1 or len(items) < MIN_ITEMS or "fork" not in multiprocessing.get_all_start_methods():
            return
        count = min(workers, len(items))
        try:
            self._pool = ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("fork"))
            # map() hands every chunk to the workers at once; its iterator only collects
            self._results = self._pool.map(func, items, chunksize=max(1, len(items) // (count * 4)))
        except (BrokenProcessPool, OSError):  # no processes to be had (limits, memory): the work is done here
            self._stop()

    def results(self) -> list[T]:
        """Every result, in the order of the items; waits for the workers still at it."""
        if self._pool is None:
            return [self.func(item) for item in self.items]
        try:
            return list(self._results)
        except (BrokenProcessPool, OSError):
            return [self.func(item) for item in self.items]
        finally:
            self._stop()

    def _stop(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = None
