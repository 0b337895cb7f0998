"""The publish ledger's model and parser: one reading of the file for both halves of podium.

``podium publish`` (``podium.publish.ledger``) records every share it sends
and writes the file; the build (``podium.plugins.syndication``) reads it for
the "Discuss on ..." back-links. Both read it with ``parse`` below, so one
rule decides what a valid ledger is: ``"version": 1``, a ``shares`` list
(absent means none yet) of records keyed ``share``, aware times, no
credentials in a URL. Writing stays in ``podium.publish.ledger``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import datetime
from urllib.parse import urlsplit

from . import bounded
from .errors import BadInput
from .i18n import N_, _

VERSION = 1
_FIX = N_("fix it by hand or restore it from git (git checkout -- the file)")
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
        for url in (self.url, self.page):
            try:
                urlsplit(url)  # the build's back-links split it: a hand-edited 'http://[x' must stop here
            except ValueError as exc:
                raise ValueError(f"ledger URL for {self.share_id} cannot be read ({exc})") from None


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


def parse(text: str, path: str) -> Ledger:
    """The ledger in ``text``; a broken one is bad input (exit 2) pointing at the line."""
    body = bounded.load_json(text, path, bounded.LEDGER, fix=_(_FIX))
    if not isinstance(body, dict) or body.get("version") != VERSION:
        raise BadInput(
            _('not a podium ledger (expected "version": {VERSION}); {fix}', VERSION=VERSION, fix=_(_FIX)),
            path=path,
            line=1,
        )
    records = _entries(body, "shares", _record, text, path)
    intents = _entries(body, "intents", _intent, text, path)
    seen: set[str] = set()
    for record in records:
        if record.share_id in seen:
            raise BadInput(
                _(
                    "share {share_id!r} is recorded twice; keep one record and {fix}",
                    share_id=record.share_id,
                    fix=_(_FIX),
                ),
                path=path,
                line=_line_of(text, record.share_id, nth=2),
            )
        seen.add(record.share_id)
    return Ledger(records, intents)


def _entries(body: dict, key: str, make, text: str, path: str) -> tuple:
    """Each item of the ``key`` list made into a value; a damaged one is BadInput at its share's line."""
    made = []
    for item in body.get(key, []) if isinstance(body.get(key, []), list) else [body[key]]:
        try:
            made.append(make(item))
        except (KeyError, TypeError, ValueError) as exc:
            share = item.get("share") if isinstance(item, dict) else None
            line = _line_of(text, share) if isinstance(share, str) else None
            raise BadInput(
                _("damaged ledger entry ({exc}); {fix}", exc=_reason(exc), fix=_(_FIX)),
                path=path,
                line=line or _line_of(text, key) or 1,
            ) from None
    return tuple(made)


def _aware(value: str, share: str) -> datetime:
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(f"time of {share!r} has no time zone")
    return moment


def _record(item: dict) -> Record:
    if not isinstance(item, dict):
        raise TypeError(f"{json.dumps(item)} is not a record")
    share = str(item["share"])
    return Record(
        share,
        str(item["network"]),
        str(item["remote_id"]),
        str(item["url"]),
        _aware(str(item["time"]), share),
        str(item.get("page", "")),
    )


def _intent(item: dict) -> Intent:
    if not isinstance(item, dict):
        raise TypeError(f"{json.dumps(item)} is not a record")
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
