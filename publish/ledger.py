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

Values in, values out (``parse``, ``render``, ``Ledger.with_*``); the model
and ``parse`` live in ``podium.plugins.ledger``, shared with the build's
back-links. ``load`` and ``save`` are the only I/O, and ``save`` writes a
temporary file in the same folder and renames it, so the file on disk is
always a whole ledger.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from podium.plugins import bounded
from podium.plugins.files import write_atomic

# the model and the parser are shared with the build's back-links
from podium.plugins.ledger import VERSION, Intent, Ledger, Record, parse

__all__ = ["VERSION", "Intent", "Ledger", "Record", "load", "parse", "render", "save"]


def render(ledger: Ledger) -> str:
    """Stable JSON: sorted by time then id, one field per line, so git diffs stay small."""
    records = sorted(ledger.records, key=lambda r: (r.time, r.share_id))
    body = {
        "version": VERSION,
        "shares": [
            {
                "share": r.share_id,
                "network": r.network,
                "remote_id": r.remote_id,
                "url": r.url,
                "time": r.time.isoformat(),
                "page": r.page,
            }
            for r in records
        ],
        "intents": [
            {"share": i.share_id, "network": i.network, "since": i.since.isoformat()}
            for i in sorted(ledger.intents, key=lambda i: (i.since, i.share_id))
        ],
    }
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"


def load(path: Path) -> Ledger:
    """The ledger at ``path``; an absent file is an empty ledger (nothing sent yet)."""
    try:
        text = bounded.read_text(path, str(path), bounded.LEDGER)
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
