"""The conversation store: one JSON file per post under content/.podium/conversations/, read with bounds.

Written by ``podium conversations fetch`` and committed by CI like the
ledger; read by the build. The file is data from strangers, so the parser is
bounded (size, counts, lengths) and checks every field's type: a damaged or
hostile file is refused with the line to look at, never half-read.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import datetime
from typing import Any

from .. import bounded, jsonpos
from ..errors import BadInput
from ..i18n import N_, _
from .model import COUNTS, Author, Conversation, Reply, Snapshot, Thread

VERSION = 1
#: bounds on one file: beyond them it is not a conversation podium wrote
MAX_BYTES = 16 * 1024 * 1024
MAX_THREADS = 200
MAX_REPLIES = 5000
MAX_SNAPSHOTS = 20000
MAX_HTML = 100_000
MAX_FIELD = 2000
_FIX = N_("restore it from git (git checkout -- the file) or delete it: the next fetch collects it again")
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")


def file_name(slug: str) -> str:
    """The store file of a post; a slug that could escape the folder is refused."""
    if not _SLUG.match(slug) or ".." in slug:
        raise ValueError(f"slug {slug!r} cannot name a conversation file")
    return f"{slug}.json"


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _reply_json(r: Reply) -> dict:
    a = r.author
    return {
        "id": r.id,
        "network": r.network,
        "remote_id": r.remote_id,
        "parent": r.parent,
        "author": {"id": a.id, "name": a.name, "handle": a.handle, "url": a.url, "avatar": a.avatar},
        "published": _time(r.published),
        "edited": _time(r.edited),
        "seen": _time(r.seen),
        "url": r.url,
        "html": r.html,
    }


def render(conversation: Conversation) -> str:
    """Stable JSON (threads and replies in a fixed order) so git diffs show only what changed."""
    threads = sorted(conversation.threads, key=lambda t: (t.network, t.share, t.page))
    body = {
        "version": VERSION,
        "slug": conversation.slug,
        "threads": [
            {
                "network": t.network,
                "share": t.share,
                "remote_id": t.remote_id,
                "url": t.url,
                "page": t.page,
                "leader": t.leader,
                "fetched": _time(t.fetched),
                "reactions": [{"time": _time(s.time), **s.counts()} for s in t.reactions],
                "replies": [_reply_json(r) for r in sorted(t.replies, key=lambda r: (r.published, r.id))],
                "gone": sorted(t.gone),
            }
            for t in threads
        ],
    }
    return json.dumps(body, indent=1, ensure_ascii=False, sort_keys=False) + "\n"


class _Damaged(ValueError):
    """A damaged record; ``at`` is its path in the file (keys and indexes), filled in on the way out."""

    at: tuple = ()


def _inside(at: tuple, parse, values: list) -> tuple:
    """``parse`` of each value; a damaged one says where it is (``at`` + its index)."""
    out = []
    for index, value in enumerate(values):
        try:
            out.append(parse(value))
        except _Damaged as exc:
            exc.at = (*at, index, *exc.at)
            raise
    return tuple(out)


def _text(item: dict, key: str, limit: int = MAX_FIELD, required: bool = True) -> str:
    value = item.get(key, None if required else "")
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise _Damaged(_("{key!r} should be text", key=key))
    if len(value) > limit:
        raise _Damaged(_("{key!r} is longer than {limit} characters", key=key, limit=limit))
    return value


def _moment(item: dict, key: str, required: bool = True) -> datetime | None:
    value = item.get(key)
    if value is None and not required:
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        raise _Damaged(_("{key!r} is not an ISO 8601 time", key=key)) from None
    if moment.tzinfo is None:
        raise _Damaged(_("{key!r} has no time zone", key=key))
    return moment


def _record(value: Any, what: str) -> dict:
    if not isinstance(value, dict):
        raise _Damaged(_("{what} is not a record", what=what))
    return value


def _items(value: Any, what: str, limit: int) -> list:
    if not isinstance(value, list):
        raise _Damaged(_("{what} is not a list", what=what))
    if len(value) > limit:
        raise _Damaged(_("{what} has more than {limit} entries", what=what, limit=limit))
    return value


def _reply(value: Any) -> Reply:
    item = _record(value, _("a reply"))
    a = _record(item.get("author"), _("a reply's author"))
    author = Author(
        _text(a, "id"),
        _text(a, "name", required=False),
        _text(a, "handle", required=False),
        _text(a, "url", required=False),
        _text(a, "avatar", 100, required=False),
    )
    return Reply(
        _text(item, "id"),
        _text(item, "network", 40),
        _text(item, "remote_id"),
        author,
        _text(item, "html", MAX_HTML, required=False),
        _text(item, "url", required=False),
        _moment(item, "published"),
        _text(item, "parent", required=False),
        _moment(item, "edited", required=False),
        _moment(item, "seen", required=False),
    )


def _snapshot(value: Any) -> Snapshot:
    item = _record(value, _("a reaction snapshot"))
    counts = {}
    for name in COUNTS:
        number = item.get(name, 0)
        if isinstance(number, bool) or not isinstance(number, int) or not 0 <= number < 10**12:
            raise _Damaged(_("reaction count {name!r} should be a whole number", name=name))
        counts[name] = number
    return Snapshot(_moment(item, "time"), **counts)


def _thread(value: Any) -> Thread:
    item = _record(value, _("a thread"))
    replies = _inside(("replies",), _reply, _items(item.get("replies", []), "'replies'", MAX_REPLIES))
    reactions = _inside(("reactions",), _snapshot, _items(item.get("reactions", []), "'reactions'", MAX_SNAPSHOTS))
    gone = tuple(_text({"id": g}, "id") for g in _items(item.get("gone", []), "'gone'", MAX_REPLIES))
    thread = Thread(
        _text(item, "network", 40),
        _text(item, "share", required=False),
        _text(item, "remote_id", required=False),
        _text(item, "url", required=False),
        _text(item, "page", required=False),
        _text(item, "leader", required=False),
    )
    return replace(
        thread, replies=replies, reactions=reactions, fetched=_moment(item, "fetched", required=False), gone=gone
    )


def parse(text: str, path: str) -> Conversation:
    """The conversation in ``text``; BadInput (exit 2) naming the line otherwise."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise BadInput(
            _("the conversation file is over {size} MB; {fix}", size=MAX_BYTES // (1024 * 1024), fix=_(_FIX)), path=path
        )
    body = bounded.load_json(text, path, bounded.CONVERSATION, fix=_(_FIX))
    if not isinstance(body, dict) or body.get("version") != VERSION:
        raise BadInput(
            _('not a podium conversation file (expected "version": {version}); {fix}', version=VERSION, fix=_(_FIX)),
            path=path,
            line=1,
        )
    try:
        slug = _text(body, "slug", 200)
        threads = _inside(("threads",), _thread, _items(body.get("threads", []), "'threads'", MAX_THREADS))
    except (_Damaged, ValueError) as exc:
        line = jsonpos.line_of(text, getattr(exc, "at", ()))
        raise BadInput(
            _("damaged conversation file ({exc}); {fix}", exc=exc, fix=_(_FIX)), path=path, line=line
        ) from None
    return Conversation(slug, threads)


def _fits(value: str) -> bool:
    return len(value) <= MAX_FIELD


def _fit_reply(reply: Reply) -> Reply | None:
    """The reply cut to what ``parse`` accepts; None when an id does not fit (it could not be named)."""
    from . import sanitize

    a = reply.author
    if not all(_fits(v) for v in (reply.id, reply.remote_id, reply.parent, a.id)) or len(reply.network) > 40:
        return None
    author = replace(
        a,
        name=a.name[:MAX_FIELD],
        handle=a.handle[:MAX_FIELD],
        url=a.url if _fits(a.url) else "",
        avatar=a.avatar if len(a.avatar) <= 100 else "",
    )
    markup = reply.html if len(reply.html) <= MAX_HTML else sanitize.clean(reply.html)  # its cut plain text
    return replace(reply, author=author, html=markup, url=reply.url if _fits(reply.url) else "")


def fit(thread: Thread) -> Thread:
    """The thread within the store's bounds, so that what a network sends cannot make the file unreadable.

    Names are cut, an address too long is dropped (a cut one leads
    elsewhere), a reply over MAX_HTML keeps its cut plain text; beyond the
    counts, the oldest replies and the newest snapshots are kept.
    """
    replies = tuple(r for r in (_fit_reply(r) for r in thread.replies) if r is not None)
    fields = {
        name: getattr(thread, name) if _fits(getattr(thread, name)) else ""
        for name in ("share", "remote_id", "url", "page", "leader")
    }
    return replace(
        thread,
        replies=replies[:MAX_REPLIES],
        reactions=thread.reactions[-MAX_SNAPSHOTS:],
        gone=thread.gone[-MAX_REPLIES:],
        **fields,
    )


def unfit(text: str) -> str | None:
    """Why the rendered ``text`` could not be read back by ``parse``, or None when it can."""
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        return f"it would be {size} bytes, over the store's {MAX_BYTES}"
    try:
        parse(text, "the new file")
    except BadInput as exc:
        return str(exc).split("; " + _FIX)[0]
    return None
