"""The ledger: every share already sent, so no run ever sends one twice.

It is a small JSON file in the repository (``content/.podium/ledger.json`` by
default) that CI commits back after each run. One record per share: its id,
the network, the network's id for the post, its public URL, when it went out
and the page it links to (for the "Discuss on ..." back-links). Nothing else:
no token, no account, no text.

Before a share is sent, an *intent* is saved; the record replaces it once the
network answers. A run that dies in between leaves the intent behind, and the
next run knows that this share may have gone out: it is re-sent only to a
network that deduplicates it (Mastodon's Idempotency-Key), otherwise held
until someone looks and says (``--confirm`` or ``--resend``).

Values in, values out (``parse``, ``render``, ``Ledger.with_*``); ``load`` and
``save`` are the only I/O, and ``save`` writes a temporary file in the same
folder and renames it, so the file on disk is always a whole ledger.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from podium.plugins.errors import BadInput
from podium.plugins.files import write_atomic

VERSION = 1
_FIX = "fix it by hand or restore it from git (git checkout -- the file)"
_USERINFO = re.compile(r"^https?://[^/?#]*@")


@dataclass(frozen=True)
class Record:
    """One share that went out."""

    share_id: str
    network: str
    remote_id: str
    url: str
    time: datetime
    page: str = ""

    def __post_init__(self):
        if self.time.tzinfo is None:
            raise ValueError(f"ledger time for {self.share_id} has no time zone")
        if _USERINFO.match(self.url) or _USERINFO.match(self.page):
            raise ValueError(f"ledger URL for {self.share_id} carries credentials")


@dataclass(frozen=True)
class Intent:
    """A share podium started to send and has no answer for yet."""

    share_id: str
    network: str
    since: datetime


@dataclass(frozen=True)
class Ledger:
    records: tuple[Record, ...] = ()
    intents: tuple[Intent, ...] = ()

    def sent(self, share_id: str) -> Record | None:
        return next((r for r in self.records if r.share_id == share_id), None)

    def intent(self, share_id: str) -> Intent | None:
        return next((i for i in self.intents if i.share_id == share_id), None)

    def with_intent(self, intent: Intent) -> Ledger:
        return replace(self, intents=self._others(intent.share_id) + (intent,))

    def without_intent(self, share_id: str) -> Ledger:
        return replace(self, intents=self._others(share_id))

    def with_record(self, record: Record) -> Ledger:
        """Record a share; its intent, if any, is settled by it."""
        if self.sent(record.share_id):
            raise ValueError(f"{record.share_id} is already in the ledger")
        return Ledger(self.records + (record,), self._others(record.share_id))

    def _others(self, share_id: str) -> tuple[Intent, ...]:
        return tuple(i for i in self.intents if i.share_id != share_id)


def render(ledger: Ledger) -> str:
    """Stable JSON: sorted by time then id, one field per line, so git diffs stay small."""
    records = sorted(ledger.records, key=lambda r: (r.time, r.share_id))
    body = {
        "version": VERSION,
        "shares": [{"share": r.share_id, "network": r.network, "remote_id": r.remote_id, "url": r.url,
                    "time": r.time.isoformat(), "page": r.page} for r in records],
        "intents": [{"share": i.share_id, "network": i.network, "since": i.since.isoformat()}
                    for i in sorted(ledger.intents, key=lambda i: (i.since, i.share_id))],
    }
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"


def parse(text: str, path: str) -> Ledger:
    """The ledger in ``text``; a broken one is bad input (exit 2) pointing at the line."""
    try:
        body = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInput(f"the ledger is not valid JSON ({exc.msg}); {_FIX}", path=path, line=exc.lineno,
                       col=exc.colno) from None
    if not isinstance(body, dict) or body.get("version") != VERSION:
        raise BadInput(f"not a podium ledger (expected \"version\": {VERSION}); {_FIX}", path=path, line=1)
    try:
        records = tuple(_record(item) for item in body.get("shares", []))
        intents = tuple(_intent(item) for item in body.get("intents", []))
    except (KeyError, TypeError, ValueError) as exc:
        raise BadInput(f"damaged ledger entry ({_reason(exc)}); {_FIX}", path=path,
                       line=_line_of(text, exc)) from None
    seen: set[str] = set()
    for record in records:
        if record.share_id in seen:
            raise BadInput(f"share {record.share_id!r} is recorded twice; keep one record and {_FIX}",
                           path=path, line=_line_of(text, record.share_id, nth=2))
        seen.add(record.share_id)
    return Ledger(records, intents)


def _aware(value: str, share: str) -> datetime:
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(f"time of {share!r} has no time zone")
    return moment


def _record(item: dict) -> Record:
    share = str(item["share"])
    return Record(share, str(item["network"]), str(item["remote_id"]), str(item["url"]),
                  _aware(str(item["time"]), share), str(item.get("page", "")))


def _intent(item: dict) -> Intent:
    share = str(item["share"])
    return Intent(share, str(item["network"]), _aware(str(item["since"]), share))


def _reason(exc: Exception) -> str:
    return f"missing field {exc.args[0]!r}" if isinstance(exc, KeyError) else str(exc)


def _line_of(text: str, hint: object, nth: int = 1) -> int | None:
    """Best effort: the line that mentions the share the problem is about (its nth mention)."""
    needle = hint if isinstance(hint, str) else next(iter(re.findall(r"'([^']+)'", str(hint))), None)
    if not needle:
        return None
    found = [number for number, line in enumerate(text.splitlines(), 1) if f'"{needle}"' in line]
    return found[nth - 1] if len(found) >= nth else None


def load(path: Path) -> Ledger:
    """The ledger at ``path``; an absent file is an empty ledger (nothing sent yet)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return Ledger()
    return parse(text, str(path))


def save(path: Path, ledger: Ledger) -> None:
    """Replace the file in one rename, after the new content is on disk."""
    path = Path(path)
    write_atomic(path, render(ledger), sync=True)
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable: a power cut must not bring the old ledger back."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
