"""What comes back from the networks, as values: replies, their authors, reaction snapshots, one post's threads.

A *thread* is everything below one share (one post on one network, or the
webmentions a page received); a *conversation* is every thread of one post,
kept in one file (see store.py). Merging a fresh fetch into what was stored
is pure: the network's answer is the truth for what it lists, so a reply it
no longer lists was deleted there and goes here too.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

#: networks whose replies podium collects, in the order the page shows them
SOURCES = ("mastodon", "bluesky", "x", "linkedin", "webmention")
#: what a reaction snapshot counts
COUNTS = ("replies", "reposts", "likes", "quotes")


@dataclass(frozen=True)
class Author:
    #: the network's stable id for the account (Mastodon account id, Bluesky DID, a URL)
    id: str
    name: str
    #: what people recognise: @user@instance, @handle.bsky.social
    handle: str = ""
    url: str = ""
    #: file name of the cached avatar in the store's avatars folder, "" for none
    avatar: str = ""


@dataclass(frozen=True)
class Reply:
    #: podium's id, "network:remote": what people type to approve or hide it
    id: str
    network: str
    #: the network's own id (a Mastodon status id, an at:// URI), for deduplication
    remote_id: str
    author: Author
    #: HTML as the network sent it: untrusted, sanitised when a page shows it
    html: str
    url: str
    published: datetime
    #: podium id of the reply this answers; "" for an answer to the shared post itself
    parent: str = ""
    edited: datetime | None = None
    #: when podium first collected it: the inbox's "new since the last run"
    seen: datetime | None = None

    def __post_init__(self):
        for moment in (self.published, self.edited, self.seen):
            if moment is not None and moment.tzinfo is None:
                raise ValueError(f"reply {self.id}: a time has no time zone")


@dataclass(frozen=True)
class Snapshot:
    """Reaction counts at one moment: kept over time, so growth can be shown."""

    time: datetime
    replies: int = 0
    reposts: int = 0
    likes: int = 0
    quotes: int = 0

    def counts(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in COUNTS}


@dataclass(frozen=True)
class Thread:
    network: str
    #: the ledger's share id ("" for webmentions, which belong to the page)
    share: str
    #: the shared post's id on its network and its public URL
    remote_id: str
    url: str
    #: the article's URL the share linked to, to tell translations apart
    page: str = ""
    #: the account that shared (the leader): its replies count as answers and need no approval
    leader: str = ""
    replies: tuple[Reply, ...] = ()
    reactions: tuple[Snapshot, ...] = ()
    fetched: datetime | None = None
    #: podium ids of replies deleted on their network since: the moderation file may still name them
    gone: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        return (self.network, self.share or self.page)

    def latest(self) -> Snapshot | None:
        return self.reactions[-1] if self.reactions else None


@dataclass(frozen=True)
class Conversation:
    """Every thread of one post (its slug): one file in the store."""

    slug: str
    threads: tuple[Thread, ...] = ()

    def replies(self) -> list[Reply]:
        return [reply for thread in self.threads for reply in thread.replies]

    def thread(self, key: tuple[str, str]) -> Thread | None:
        return next((t for t in self.threads if t.key == key), None)

    def with_thread(self, thread: Thread) -> Conversation:
        others = tuple(t for t in self.threads if t.key != thread.key)
        return replace(self, threads=others + (thread,))


@dataclass(frozen=True)
class Fetched:
    """One source's fresh answer for one thread: the whole list of replies it has now, and the counts."""

    replies: tuple[Reply, ...]
    counts: dict[str, int] = field(default_factory=dict)
    leader: str = ""
    #: False when the source shows only a window (X's recent search: 7 days): what it omits is kept
    complete: bool = True


def merge(old: Thread, fresh: Fetched, now: datetime) -> Thread:
    """The thread after a successful fetch.

    Replies are deduplicated by the network's id; one the network no longer
    lists is gone (deleted there: only its id stays, in ``gone``), an edited
    one replaces the stored copy but keeps the moment podium first saw it. A snapshot is added only when the
    counts changed, so an unchanged post does not grow its file every hour.
    """
    before = {reply.remote_id: reply for reply in old.replies}
    latest: dict[str, Reply] = {}
    for reply in fresh.replies:  # a paginated answer can list one reply twice: keep the last copy
        known = before.get(reply.remote_id)
        latest[reply.remote_id] = replace(reply, seen=known.seen if known and known.seen else now)
    if not fresh.complete:
        for remote_id, reply in before.items():
            latest.setdefault(remote_id, reply)
    replies = list(latest.values())
    replies.sort(key=lambda r: (r.published, r.id))
    present = {r.id for r in replies}
    gone = tuple(sorted((set(old.gone) | {r.id for r in old.replies}) - present))
    reactions = old.reactions
    if fresh.counts:
        snapshot = Snapshot(now, **{k: int(fresh.counts.get(k, 0)) for k in COUNTS})
        if not reactions or reactions[-1].counts() != snapshot.counts():
            reactions = reactions + (snapshot,)
    return replace(
        old, replies=tuple(replies), reactions=reactions, fetched=now, leader=fresh.leader or old.leader, gone=gone
    )
