"""What the comms room shows of the conversations: the leader's inbox and "what worked", as plain values.

Pure: the stored conversations, the published posts and the decisions in,
the values the room's templates draw (and the reactions CSV) out. Only the
threads of a published version of a post are kept (``digest``): a withheld
post has no reply waiting in the inbox and no count in "what worked".
The inbox lists what arrived with the latest collecting run and every reply
the leader has not answered yet (an answer from the leader's own account in
the thread counts), each with a direct link to answer it on its network.
Replies are shown sanitised, like on the blog; hidden replies and blocked
accounts are left out, but replies still waiting for moderation are in: the
leader sees them.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from ..i18n import translate
from . import chart, moderation, sanitize, texts, view
from .model import COUNTS, Conversation, Reply, Thread


@dataclass(frozen=True)
class Article:
    """A published version of a post, as the digest needs it."""

    slug: str
    url: str  # as Pelican gives it (relative to SITEURL)
    lang: str
    title: str
    #: the URLs of the post's other versions, published or not (see view.threads_for)
    siblings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Digest:
    """The conversations of the published posts only, their titles and the moderation decisions."""

    conversations: dict[str, Conversation] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    decisions: moderation.Decisions = field(default_factory=moderation.Decisions)
    mode: str = "manual"


def digest(
    conversations: dict[str, Conversation],
    published: list[Article],
    default_lang: str,
    decisions: moderation.Decisions,
    mode: str,
) -> Digest:
    """Each published post's threads (those of its published versions); nothing of a withheld one."""
    kept: dict[str, Conversation] = {}
    titles: dict[str, str] = {}
    for article in published:
        if article.slug not in titles or article.lang == default_lang:
            titles[article.slug] = article.title
        conversation = conversations.get(article.slug)
        if conversation is None:
            continue
        threads = view.threads_for(conversation, article.url, article.lang, default_lang, article.siblings)
        known = kept.get(article.slug, Conversation(article.slug))
        for thread in threads:
            if known.thread(thread.key) is None:
                known = known.with_thread(thread)
        kept[article.slug] = known
    return Digest({slug: c for slug, c in kept.items() if c.threads}, titles, decisions, mode)


def words(lang: str) -> dict[str, str]:
    """The room's words for these pages, in the site's language."""
    return {
        "inbox": translate(lang, "Conversation inbox"),
        "worked": translate(lang, "What worked"),
        "private": translate(lang, "Private: for the leader and comms, never published."),
        "nav": translate(lang, "Comms room"),
        "none": translate(lang, "Nothing for now."),
        "waiting": translate(lang, "waiting for moderation"),
        "time": translate(lang, "Taken"),
        "csv": translate(lang, "Download the reactions (CSV)"),
        "replies": translate(lang, "replies"),
        "reposts": translate(lang, "reposts"),
        "likes": translate(lang, "likes"),
        "quotes": translate(lang, "quotes"),
    }


@dataclass(frozen=True)
class Item:
    slug: str
    title: str
    thread: Thread
    reply: Reply
    waiting: bool


def answered(thread: Thread, reply: Reply) -> bool:
    return any(r.parent == reply.id and thread.leader and r.author.id == thread.leader for r in thread.replies)


def items(found: Digest) -> list[Item]:
    """Every reply from someone else that is neither hidden nor from a blocked account, oldest first."""
    out = []
    decisions = found.decisions
    for slug, conversation in found.conversations.items():
        for thread in conversation.threads:
            for reply in thread.replies:
                if reply.id in decisions.hidden or decisions.is_blocked(reply):
                    continue
                if thread.leader and reply.author.id == thread.leader:
                    continue
                waiting = moderation.waiting(reply, decisions, found.mode, thread.leader, sanitize.plain(reply.html))
                out.append(Item(slug, found.titles.get(slug, slug), thread, reply, waiting))
    return sorted(out, key=lambda i: (i.reply.published, i.reply.id))


@dataclass(frozen=True)
class Entry:
    """One reply as the inbox draws it; every text is plain or already sanitised."""

    who: str
    handle: str
    title: str
    date_iso: str
    date_text: str
    html: str  # sanitised
    answer_url: str
    answer_label: str
    waiting: bool


def _entry(item: Item, lang: str, zone: tzinfo) -> Entry:
    r = item.reply
    local = r.published.astimezone(zone)
    network = texts.network_label(r.network, lang)
    who = r.author.name or r.author.handle or texts.say("someone", lang, network=network)
    return Entry(
        sanitize.without_bidi(who)[:200],
        sanitize.without_bidi(r.author.handle)[:200],
        item.title,
        local.isoformat(),
        f"{local:%Y-%m-%d %H:%M}",
        sanitize.clean(r.html),
        sanitize.safe_url(r.url),
        translate(lang, "Answer on {network}", network=network),
        item.waiting,
    )


@dataclass(frozen=True)
class Inbox:
    new_heading: str
    new: tuple[Entry, ...]
    unanswered_heading: str
    unanswered: tuple[Entry, ...]


def latest_run(conversations: dict[str, Conversation]) -> datetime | None:
    moments = [t.fetched for c in conversations.values() for t in c.threads if t.fetched]
    return max(moments) if moments else None


def inbox(found: Digest, lang: str, zone: tzinfo) -> Inbox:
    """New since the latest run, and not answered yet (a reply can be in both)."""
    every = items(found)
    latest = latest_run(found.conversations)
    new = [i for i in every if latest is not None and i.reply.seen is not None and i.reply.seen >= latest]
    unanswered = [i for i in every if not answered(i.thread, i.reply)]
    return Inbox(
        translate(lang, "New since the last collecting run ({count})", count=len(new)),
        tuple(_entry(i, lang, zone) for i in new),
        translate(lang, "Not answered yet ({count})", count=len(unanswered)),
        tuple(_entry(i, lang, zone) for i in unanswered),
    )


@dataclass(frozen=True)
class Chart:
    """One post on one network: its reactions over time, drawn and tabulated."""

    heading: str
    caption: str
    svg: str  # made here from numbers and escaped words: safe to embed
    rows: tuple[tuple[str, tuple[int, ...]], ...]  # (time, counts in COUNTS order)


def worked(found: Digest, lang: str, zone: tzinfo) -> tuple[Chart, ...]:
    """A chart and its table per post and network that has reactions, posts by slug, networks by name."""
    labels = {name: words(lang)[name] for name in COUNTS}
    charts = []
    for slug in sorted(found.conversations):
        title = found.titles.get(slug, slug)
        for thread in sorted(found.conversations[slug].threads, key=lambda t: (t.network, t.share)):
            if not thread.reactions:
                continue
            network = texts.network_label(thread.network, lang)
            caption = translate(lang, "Reactions to “{title}” on {network} over time", title=title, network=network)
            rows = tuple(
                (f"{s.time.astimezone(zone):%Y-%m-%d %H:%M}", tuple(getattr(s, n) for n in COUNTS))
                for s in thread.reactions
            )
            drawn = chart.svg(list(thread.reactions), caption, labels, f"chart-{len(charts) + 1}")
            charts.append(Chart(f"{title} · {network}", caption, drawn, rows))
    return tuple(charts)


def reactions_csv(found: Digest) -> str:
    """One row per snapshot: post, network, share, time, and the counts."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["slug", "title", "network", "share", "time", *COUNTS])
    for slug in sorted(found.conversations):
        for thread in sorted(found.conversations[slug].threads, key=lambda t: (t.network, t.share)):
            for snap in thread.reactions:
                writer.writerow(
                    [
                        slug,
                        _csv_safe(found.titles.get(slug, slug)),
                        thread.network,
                        thread.share,
                        snap.time.isoformat(),
                        *snap.counts().values(),
                    ]
                )
    return out.getvalue()


def _csv_safe(value: str) -> str:
    """A spreadsheet must not run a formula that a title happens to start with."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
