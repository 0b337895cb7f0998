"""One collecting run: for every share of a published post, fetch its thread, merge it, write its file.

Oldest fetch first, within a time budget: when the budget runs out the rest
waits for the next run, which starts with them. A source that fails or
answers garbage leaves its stored threads exactly as they were; one whose
access level does not allow reading is reported once and skipped. Nothing
is fetched for a post the build withheld.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from podium.plugins.conversations import files, store
from podium.plugins.conversations.model import Conversation, Fetched, Thread, merge
from podium.plugins.errors import PodiumError
from podium.plugins.files import write_atomic
from podium.plugins.i18n import _

from ..channels.base import ChannelError, MissingCredential
from .sources import Unavailable

READ = ("mastodon", "bluesky", "x", "linkedin")


@dataclass(frozen=True)
class Published:
    """A page the build published: its absolute URL and its slug."""

    url: str
    slug: str


@dataclass
class Collected:
    fetched: list[str] = field(default_factory=list)  # "slug on network"
    new_replies: int = 0
    failed: list[str] = field(default_factory=list)
    unavailable: dict[str, str] = field(default_factory=dict)
    postponed: int = 0
    problems: list[PodiumError] = field(default_factory=list)

    @property
    def status(self) -> int:
        return 2 if self.problems else 1 if self.failed else 0


@dataclass(frozen=True)
class Job:
    slug: str
    thread: Thread


def _norm(url: str) -> str:
    parts = urlsplit(url)
    return parts.netloc.lower() + parts.path.rstrip("/")


def jobs(records, pages: list[Published], stored: Mapping[str, Conversation]) -> list[Job]:
    """A job per share of a published page, oldest fetch first (never fetched comes first of all)."""
    by_url = {_norm(p.url): p.slug for p in pages}
    slugs = {p.slug for p in pages}
    found = []
    for record in records:
        if record.network not in READ or not record.remote_id:
            continue
        slug = by_url.get(_norm(record.page)) if record.page else record.share_id.rsplit("/", 2)[0]
        if slug not in slugs:
            continue  # withheld, unpublished or gone: nothing is collected for it
        old = stored.get(slug, Conversation(slug)).thread((record.network, record.share_id))
        found.append(
            Job(slug, old or Thread(record.network, record.share_id, record.remote_id, record.url, record.page))
        )
    oldest = datetime.min.replace(tzinfo=None)
    return sorted(
        found,
        key=lambda j: (
            j.thread.fetched is not None,
            j.thread.fetched.replace(tzinfo=None) if j.thread.fetched else oldest,
            j.slug,
            j.thread.share,
        ),
    )


class Run:
    """The state of one run: the store, the readers made so far, the clock and budget."""

    def __init__(
        self,
        folder: Path,
        readers: Callable[[str], Any],
        now: datetime,
        budget: float,
        avatars: Callable[[Any], Any] = lambda thread: thread,
        clock: Callable[[], float] = time.monotonic,
        say: Callable[[str], None] = lambda line: None,
    ):
        self.folder, self.readers, self.now, self.say = folder, readers, now, say
        self.avatars = avatars
        self.clock, self.deadline = clock, clock() + budget
        self.made: dict[str, Any] = {}
        self.result = Collected()

    def reader(self, network: str):
        if network in self.result.unavailable:
            return None
        if network not in self.made:
            try:
                self.made[network] = self.readers(network)
            except MissingCredential as exc:
                self.result.unavailable[network] = str(exc)
                return None
        return self.made[network]

    def save(self, slug: str, conversation: Conversation, thread: Thread) -> Conversation:
        """Write the post's file with ``thread`` merged in; one the build could not read back is not written."""
        before = conversation.thread(thread.key)
        known = {r.remote_id for r in before.replies} if before else set()
        updated = conversation.with_thread(store.fit(self.avatars(thread)))
        text = store.render(updated)
        problem = store.unfit(text)
        if problem:
            where = "the web" if thread.network == "webmention" else thread.network
            self.result.failed.append(
                f"{slug} on {where}: the conversation would not fit in its store file "
                f"({problem}); the stored conversation is kept as it was"
            )
            return conversation
        self.result.new_replies += sum(1 for r in thread.replies if r.remote_id not in known)
        write_atomic(self.folder / store.file_name(slug), text)
        return updated

    def close(self) -> None:
        for reader in self.made.values():
            reader.close()


def collect(run: Run, records, pages: list[Published], siteurl: str, webmention: Any = None) -> Collected:
    """Fetch what is due, newest knowledge merged into the store; the Collected says what happened."""
    try:
        stored = files.load_all(run.folder)
    except PodiumError as exc:
        run.result.problems.append(exc)
        return run.result
    try:
        for job in jobs(records, pages, stored):
            if run.clock() >= run.deadline:
                run.result.postponed += 1
                continue
            _one(run, job, stored)
        if webmention is not None and run.clock() < run.deadline:
            _webmentions(run, webmention, pages, siteurl, stored)
    finally:
        run.close()
    return run.result


def _one(run: Run, job: Job, stored: dict[str, Conversation]) -> None:
    reader = run.reader(job.thread.network)
    if reader is None:
        return
    run.say(_("collecting the conversation of {slug} on {network}", slug=job.slug, network=job.thread.network))
    # a rate limit asking for a long pause must not outlast the run's budget: the thread waits for the next run
    left = max(0.0, run.deadline - run.clock())
    reader.policy = dataclasses.replace(reader.policy, max_total_wait=min(reader.policy.max_total_wait, left))
    try:
        fresh = reader.fetch(job.thread)
    except Unavailable as exc:
        run.result.unavailable[job.thread.network] = str(exc)
        return
    except ChannelError as exc:
        run.result.failed.append(
            _("{slug} on {network}: {problem}", slug=job.slug, network=job.thread.network, problem=exc)
        )
        return
    conversation = stored.get(job.slug, Conversation(job.slug))
    stored[job.slug] = run.save(job.slug, conversation, merge(job.thread, fresh, run.now))
    run.result.fetched.append(_("{slug} on {network}", slug=job.slug, network=job.thread.network))


def _webmentions(run: Run, reader: Any, pages: list[Published], siteurl: str, stored) -> None:
    run.say(_("collecting webmentions"))
    try:
        found: dict[str, Fetched] = reader.fetch_site(urlsplit(siteurl).netloc)
    except ChannelError as exc:
        run.result.failed.append(f"webmentions: {exc}")
        return
    finally:
        reader.close()
    by_url = {_norm(p.url): p for p in pages}
    for target, fresh in sorted(found.items()):
        page = by_url.get(_norm(target))
        if page is None:
            continue  # a mention of a page that is not a published post
        conversation = stored.get(page.slug, Conversation(page.slug))
        old = conversation.thread(("webmention", page.url)) or Thread("webmention", "", "", "", page.url)
        stored[page.slug] = run.save(page.slug, conversation, merge(old, fresh, run.now))
        run.result.fetched.append(f"{page.slug} on the web")
    if reader.partial:
        return  # the mentions were not all read: none may be taken as deleted
    published = {p.slug for p in pages}
    for slug, conversation in list(stored.items()):  # mentions deleted at the source
        if slug not in published:
            continue  # a withheld post's file is left alone
        for thread in conversation.threads:
            if thread.network == "webmention" and _norm(thread.page) not in {_norm(t) for t in found}:
                if thread.replies:
                    stored[slug] = run.save(slug, stored[slug], merge(thread, Fetched((), {}), run.now))
