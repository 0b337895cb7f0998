"""What the post page shows of its conversation: pure, from the stored threads and the decisions.

Only threads whose share linked to this very page count (a French share is
not shown under the English translation, which has the same slug), only
visible replies are kept (see moderation.visible), in thread order: each
answer right after the reply it answers, oldest first at every level.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from urllib.parse import urlsplit

from . import moderation, sanitize, texts
from .model import COUNTS, SOURCES, Conversation, Reply, Thread

#: deeper answers are drawn at this depth: a narrow phone cannot indent forever
MAX_DEPTH = 3


@dataclass(frozen=True)
class Shown:
    """One reply as the template draws it; every text is already safe or plain."""

    id: str
    depth: int
    name: str
    handle: str
    author_url: str
    avatar: str  # file name in the output's avatars folder, or ""
    date_iso: str
    date_text: str
    html: str  # sanitised
    url: str  # the original, on its network
    in_reply_to: str  # what it answers: the parent's URL or the shared post's
    network: str
    original: str  # "View on Mastodon"


@dataclass(frozen=True)
class Page:
    lang: str
    heading: str
    reactions: tuple[tuple[str, str], ...]  # (network label, "3 replies · 5 likes")
    replies: tuple[Shown, ...]
    closed: str  # the closed notice, or ""


def same_page(page: str, article_url: str) -> bool:
    """The store keeps the absolute URL shared; the build may run with another SITEURL."""
    wanted = "/" + article_url.strip("/")
    return bool(article_url.strip("/")) and urlsplit(page).path.rstrip("/").endswith(wanted.rstrip("/"))


def threads_for(
    conversation: Conversation, article_url: str, lang: str, default_lang: str, siblings: tuple[str, ...] = ()
) -> list[Thread]:
    """This page's threads: by the page the share linked to, or by language when no page was recorded.

    ``siblings`` are the URLs of the post's other versions: a share of
    ``en/rentree.html`` ends like ``rentree.html`` too, and belongs to the
    version whose URL matches it the longest.
    """
    found = []
    for thread in conversation.threads:
        if thread.page:
            longer = any(
                len(s.strip("/")) > len(article_url.strip("/")) and same_page(thread.page, s) for s in siblings
            )
            if same_page(thread.page, article_url) and not longer:
                found.append(thread)
        elif lang == default_lang:
            found.append(thread)
    return found


def closed_at(comments: str, published: datetime, close_after_days: int | None, now: datetime) -> datetime | None:
    """When the discussion closed, or None while it is open.

    ``comments: closed`` closes it from the start (in "auto" mode only replies
    a person approved then show); PODIUM_CONVERSATIONS_CLOSE_AFTER_DAYS closes
    it that many days after publication.
    """
    if comments == "closed":
        return published
    if close_after_days is not None:
        moment = published + timedelta(days=close_after_days)
        return moment if moment <= now else None
    return None


def ordered(replies: list[Reply]) -> list[tuple[Reply, int]]:
    """Thread order with depths; an answer to a reply that is not in ``replies`` is left out (no context)."""
    children: dict[str, list[Reply]] = {}
    ids = {r.id for r in replies}
    for reply in replies:
        if reply.parent and reply.parent not in ids:
            continue
        children.setdefault(reply.parent, []).append(reply)
    out: list[tuple[Reply, int]] = []

    def walk(parent: str, depth: int) -> None:
        for child in sorted(children.get(parent, []), key=lambda r: (r.published, r.id)):
            out.append((child, depth))
            walk(child.id, depth + 1)

    walk("", 0)
    return out


def _reaction_line(threads: list[Thread], lang: str) -> tuple[tuple[str, str], ...]:
    totals: dict[str, dict[str, int]] = {}
    for thread in threads:
        latest = thread.latest()
        if latest is None:
            continue
        into = totals.setdefault(thread.network, dict.fromkeys(COUNTS, 0))
        for name, number in latest.counts().items():
            into[name] += number
    rows = []
    for network in sorted(totals, key=lambda n: SOURCES.index(n) if n in SOURCES else len(SOURCES)):
        parts = [
            texts.say(f"count.{name}", lang, n=number)
            for name, number in totals[network].items()
            if number or name in ("replies", "likes")
        ]
        rows.append((texts.network_label(network, lang), " · ".join(parts)))
    return tuple(rows)


@dataclass(frozen=True)
class Rules:
    """What decides visibility for one post."""

    decisions: moderation.Decisions
    mode: str  # "manual" or "auto"
    closed_at: datetime | None
    zone: tzinfo


def _shown(reply: Reply, depth: int, parent_url: str, lang: str, zone: tzinfo, avatars: set[str]) -> Shown:
    from ..site.dates import long_date

    local = reply.published.astimezone(zone)
    label = texts.network_label(reply.network, lang)
    name = reply.author.name or reply.author.handle or texts.say("someone", lang, network=label)
    return Shown(
        reply.id,
        min(depth, MAX_DEPTH),
        sanitize.without_bidi(name)[:200],
        sanitize.without_bidi(reply.author.handle)[:200],
        sanitize.safe_url(reply.author.url),
        reply.author.avatar if reply.author.avatar in avatars else "",
        local.isoformat(),
        long_date(local, lang),
        sanitize.clean(reply.html),
        sanitize.safe_url(reply.url),
        sanitize.safe_url(parent_url),
        reply.network,
        texts.say("original", lang, network=label),
    )


def visible_replies(threads: list[Thread], rules: Rules) -> list[tuple[Reply, int, str]]:
    """(reply, depth, URL it answers) for every reply the page may show, in thread order."""
    out = []
    # Bridgy backfeeds a Mastodon or Bluesky reply as a webmention whose url is the original: show it once
    direct = {r.url for t in threads if t.network != "webmention" for r in t.replies}
    for thread in sorted(threads, key=lambda t: (SOURCES.index(t.network) if t.network in SOURCES else 99, t.share)):
        keep = [
            r
            for r in thread.replies
            if not (thread.network == "webmention" and r.url in direct)
            and moderation.visible(
                r, rules.decisions, rules.mode, thread.leader, rules.closed_at, sanitize.plain(r.html)
            )
        ]
        urls = {r.id: r.url for r in thread.replies}
        for reply, depth in ordered(keep):
            out.append((reply, depth, urls.get(reply.parent, thread.url)))
    return out


def page(threads: list[Thread], rules: Rules, lang: str, avatars: set[str]) -> Page | None:
    """The section under the article, or None when there is nothing to show and the post is open."""
    shown = tuple(
        _shown(r, depth, parent, lang, rules.zone, avatars) for r, depth, parent in visible_replies(threads, rules)
    )
    reactions = _reaction_line(threads, lang)
    closed = texts.say("closed", lang) if rules.closed_at is not None else ""
    if not (shown or reactions or closed):
        return None
    return Page(lang, texts.say("heading", lang), reactions, shown, closed)
