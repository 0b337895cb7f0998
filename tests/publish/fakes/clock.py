"""One fake clock shared by a client and a contract server, so sleeping moves time for both.

The client's injected ``sleep`` advances the clock instead of waiting, and the
server computes its rate-limit windows from the same clock: a test can wait
out a 15-minute window instantly and still see the server lift the limit.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

START = datetime(2027, 3, 2, 9, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self, start: datetime = START):
        if start.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = start
        self._lock = threading.Lock()
        #: every pause the client asked for, in order
        self.sleeps: list[float] = []

    def now(self) -> datetime:
        with self._lock:
            return self._now

    def epoch(self) -> float:
        return self.now().timestamp()

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self._now += timedelta(seconds=seconds)

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._now += timedelta(seconds=seconds)
