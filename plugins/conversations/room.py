"""The comms pages of the conversation: the leader's inbox and "what worked", plus a CSV of the reactions.

Pure: values in, page texts out; the caller writes them into the private
comms folder it chooses (never the public output). The inbox lists what
arrived with the latest collecting run and every reply the leader has not
answered yet (an answer from the leader's own account in the thread counts),
each with a direct link to answer it on its network. Replies are shown
sanitised, like on the blog; hidden replies and blocked accounts are left
out, but replies still waiting for moderation are in: the leader sees them.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from html import escape

from . import chart, moderation, sanitize, texts
from .model import COUNTS, Conversation, Reply, Thread

WORDS = {
    "fr": {"inbox": "Boîte de réception de la conversation", "new": "Nouveau depuis la dernière collecte",
           "unanswered": "Pas encore de réponse", "answer": "Répondre sur {network}", "none": "Rien pour l’instant.",
           "worked": "Ce qui a marché", "post": "Billet", "network": "Réseau", "time": "Relevé",
           "csv": "Télécharger les réactions (CSV)", "waiting": "en attente de modération",
           "likes": "j’aime", "reposts": "partages", "replies": "réponses", "quotes": "citations",
           "chart": "Réactions à « {title} » sur {network} au fil du temps"},
    "en": {"inbox": "Conversation inbox", "new": "New since the last collecting run", "unanswered": "Not answered yet",
           "answer": "Answer on {network}", "none": "Nothing for now.", "worked": "What worked", "post": "Post",
           "network": "Network", "time": "Taken", "csv": "Download the reactions (CSV)",
           "waiting": "waiting for moderation", "likes": "likes", "reposts": "reposts", "replies": "replies",
           "quotes": "quotes", "chart": "Reactions to “{title}” on {network} over time"},
}


@dataclass(frozen=True)
class Item:
    slug: str
    title: str
    thread: Thread
    reply: Reply
    waiting: bool


def _word(lang: str, key: str, **values) -> str:
    return WORDS.get(lang[:2], WORDS["en"])[key].format(**values)


def answered(thread: Thread, reply: Reply) -> bool:
    return any(r.parent == reply.id and thread.leader and r.author.id == thread.leader for r in thread.replies)


def items(conversations: dict[str, Conversation], titles: dict[str, str], decisions: moderation.Decisions,
          mode: str) -> list[Item]:
    """Every reply from someone else that is neither hidden nor from a blocked account, oldest first."""
    found = []
    for slug, conversation in conversations.items():
        for thread in conversation.threads:
            for reply in thread.replies:
                if reply.id in decisions.hidden or decisions.is_blocked(reply):
                    continue
                if thread.leader and reply.author.id == thread.leader:
                    continue
                waiting = moderation.waiting(reply, decisions, mode, thread.leader, sanitize.plain(reply.html))
                found.append(Item(slug, titles.get(slug, slug), thread, reply, waiting))
    return sorted(found, key=lambda i: (i.reply.published, i.reply.id))


def _page(title: str, lang: str, body: str) -> str:
    return (f'<!doctype html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="robots" content="noindex, nofollow">\n'
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src 'self'; "
            "style-src 'unsafe-inline'\">\n"
            f"<title>{escape(title)}</title>\n<style>body{{font-family:system-ui,sans-serif;max-width:52rem;"
            "margin:2rem auto;padding:0 1rem;color:#1f1d1a;background:#fbfaf7}li{margin:0 0 1rem}"
            "table{border-collapse:collapse}td,th{border:1px solid #ddd7cc;padding:.25rem .5rem;text-align:right}"
            "th:first-child,td:first-child{text-align:left}a{color:#8a3b12}.meta{color:#5b564e}</style>\n"
            f"</head>\n<body>\n<main>\n<h1>{escape(title)}</h1>\n{body}</main>\n</body>\n</html>\n")


def _entry(item: Item, lang: str) -> str:
    r = item.reply
    who = escape(sanitize.without_bidi(r.author.name or r.author.handle))
    handle = f' <span class="meta" dir="ltr">{escape(sanitize.without_bidi(r.author.handle))}</span>' \
        if r.author.handle else ""
    waiting = f' <span class="meta">({_word(lang, "waiting")})</span>' if item.waiting else ""
    link = sanitize.safe_url(r.url)
    answer = (f' <a href="{escape(link)}" rel="noopener noreferrer">'
              f'{escape(_word(lang, "answer", network=texts.network_label(r.network, lang)))}</a>') if link else ""
    return (f'<li><p><strong>{who}</strong>{handle} · {escape(item.title)} · '
            f'<time datetime="{r.published.isoformat()}">{r.published:%Y-%m-%d %H:%M}</time>{waiting}</p>'
            f'<div dir="auto">{sanitize.clean(r.html)}</div><p>{answer}</p></li>')


def _list(entries: list[Item], lang: str) -> str:
    if not entries:
        return f"<p>{escape(_word(lang, 'none'))}</p>\n"
    return "<ol>\n" + "\n".join(_entry(i, lang) for i in entries) + "\n</ol>\n"


def inbox(found: list[Item], latest_run: datetime | None, lang: str) -> str:
    new = [i for i in found if latest_run is not None and i.reply.seen is not None and i.reply.seen >= latest_run]
    unanswered = [i for i in found if not answered(i.thread, i.reply)]
    body = (f"<h2>{escape(_word(lang, 'new'))} ({len(new)})</h2>\n{_list(new, lang)}"
            f"<h2>{escape(_word(lang, 'unanswered'))} ({len(unanswered)})</h2>\n{_list(unanswered, lang)}")
    return _page(_word(lang, "inbox"), lang, body)


def latest_run(conversations: dict[str, Conversation]) -> datetime | None:
    moments = [t.fetched for c in conversations.values() for t in c.threads if t.fetched]
    return max(moments) if moments else None


def worked(conversations: dict[str, Conversation], titles: dict[str, str], lang: str, csv_name: str) -> str:
    labels = {name: _word(lang, name) for name in COUNTS}
    parts = [f'<p><a href="{escape(csv_name)}" download>{escape(_word(lang, "csv"))}</a></p>\n']
    number = 0
    for slug in sorted(conversations):
        for thread in sorted(conversations[slug].threads, key=lambda t: (t.network, t.share)):
            if not thread.reactions:
                continue
            number += 1
            network = texts.network_label(thread.network, lang)
            title = _word(lang, "chart", title=titles.get(slug, slug), network=network)
            head = "".join(f"<th scope=\"col\">{escape(labels[n])}</th>" for n in COUNTS)
            rows = "".join(f"<tr><th scope=\"row\">{s.time:%Y-%m-%d %H:%M}</th>"
                           + "".join(f"<td>{getattr(s, n)}</td>" for n in COUNTS) + "</tr>"
                           for s in thread.reactions)
            parts.append(f"<section><h2>{escape(titles.get(slug, slug))} · {escape(network)}</h2>\n"
                         f"{chart.svg(list(thread.reactions), title, labels, f'chart-{number}')}\n"
                         f"<table><caption>{escape(title)}</caption><thead><tr><th scope=\"col\">"
                         f"{escape(_word(lang, 'time'))}</th>{head}</tr></thead><tbody>{rows}</tbody></table>"
                         "</section>\n")
    if number == 0:
        parts.append(f"<p>{escape(_word(lang, 'none'))}</p>\n")
    return _page(_word(lang, "worked"), lang, "".join(parts))


def reactions_csv(conversations: dict[str, Conversation], titles: dict[str, str]) -> str:
    """One row per snapshot: post, network, share, time, and the counts."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["slug", "title", "network", "share", "time", *COUNTS])
    for slug in sorted(conversations):
        for thread in sorted(conversations[slug].threads, key=lambda t: (t.network, t.share)):
            for snap in thread.reactions:
                writer.writerow([slug, _csv_safe(titles.get(slug, slug)), thread.network, thread.share,
                                 snap.time.isoformat(), *snap.counts().values()])
    return out.getvalue()


def _csv_safe(value: str) -> str:
    """A spreadsheet must not run a formula that a title happens to start with."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
