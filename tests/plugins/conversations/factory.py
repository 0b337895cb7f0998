"""Small conversations for the tests: replies, threads and store files written as podium writes them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from podium.plugins.conversations import store
from podium.plugins.conversations.model import Author, Conversation, Reply, Snapshot, Thread

T0 = datetime(2026, 1, 10, 10, 0, tzinfo=UTC)
LEADER = "109000000000000001"


def reply(
    number: int,
    text: str = "",
    *,
    parent: int | None = None,
    author: str = "",
    handle: str = "",
    author_id: str = "",
    network: str = "mastodon",
    minutes: int | None = None,
    avatar: str = "",
) -> Reply:
    name = author or f"Person {number}"
    return Reply(
        id=f"{network}:{number}",
        network=network,
        remote_id=str(number),
        author=Author(
            author_id or f"acct-{number}",
            name,
            handle or f"@person{number}@example.social",
            f"https://example.social/@person{number}",
            avatar,
        ),
        html=f"<p>{text or f'Reply number {number}'}</p>",
        url=f"https://example.social/@person{number}/{number}",
        published=T0 + timedelta(minutes=number if minutes is None else minutes),
        parent=f"{network}:{parent}" if parent else "",
        seen=T0,
    )


def thread(
    *replies: Reply,
    network: str = "mastodon",
    page: str = "https://blog.test/rentree.html",
    counts: tuple[int, int, int, int] | None = (2, 1, 5, 0),
) -> Thread:
    reactions = (Snapshot(T0 + timedelta(hours=1), *counts),) if counts else ()
    return Thread(
        network,
        f"rentree/{network}/0",
        "109000000000000099",
        f"https://example.social/@leader/{network}",
        page,
        LEADER,
        tuple(replies),
        reactions,
        T0 + timedelta(hours=1),
    )


def write_store(site: Path, slug: str, *threads: Thread) -> Path:
    path = site / "content" / ".podium" / "conversations" / f"{slug}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(store.render(Conversation(slug, tuple(threads))), encoding="utf-8")
    return path
