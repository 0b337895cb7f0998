"""Comms pages kept between builds: a page rendered from the same values is not rendered again.

The comms room renders a page per post (its review copy, its teasers) on
every build, several times what the site itself costs once the site's own
pages are taken over (plugins/memo.py). A comms page is a pure function of
its template, podium's code and the values it is given; their fingerprint is
the key, and a value with no stable description (plugins/fingerprint.py)
simply renders. Entries are files under .cache/podium/comms/, each checked
against its own digest when read: a damaged one is a miss.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import os
from collections.abc import Callable, Iterator

from ..cards.cache import Store
from ..fingerprint import Fingerprints, Unstable

FOLDER = os.path.join(".cache", "podium", "comms")
_CURRENT: contextvars.ContextVar[RenderCache | None] = contextvars.ContextVar("podium_comms_cache", default=None)


class RenderCache:
    def __init__(self, root: str | os.PathLike, salt: str):
        self.store = Store(os.path.join(root, FOLDER))
        self.salt = salt
        self.prints = Fingerprints()
        self.hits = 0
        self.misses = 0

    def key(self, kind: str, values) -> str | None:
        try:
            return hashlib.blake2b(
                (self.salt + kind + self.prints.describe(values, deep=True)).encode(), digest_size=20
            ).hexdigest()
        except Unstable:
            return None

    def get(self, key: str) -> bytes | None:
        manifest = self.store.manifest(key)
        if not manifest:
            return None
        try:
            data = self.store.file(key, "value").read_bytes()
        except OSError:
            return None
        return data if hashlib.blake2b(data, digest_size=20).hexdigest() == manifest.get("digest") else None

    def put(self, key: str, data: bytes) -> None:
        try:
            self.store.put(key, {"value": data}, {"digest": hashlib.blake2b(data, digest_size=20).hexdigest()})
        except OSError:
            pass  # a cache that cannot be written only costs time

    def remembered(self, kind: str, values, make: Callable[[], bytes]) -> bytes:
        """``make()``, or what it gave last time for the same ``values``."""
        key = self.key(kind, values)
        found = self.get(key) if key else None
        if found is not None:
            self.hits += 1
            return found
        self.misses += 1
        data = make()
        if key:
            self.put(key, data)
        return data


@contextlib.contextmanager
def using(cache: RenderCache | None) -> Iterator[None]:
    """Comms pages rendered inside the block use ``cache``."""
    token = _CURRENT.set(cache)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def remembered(kind: str, values, make: Callable[[], bytes]) -> bytes:
    cache = _CURRENT.get()
    return make() if cache is None else cache.remembered(kind, values, make)
