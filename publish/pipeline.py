"""``podium publish``: check, build, deploy, share what is due, record each share, summarise.

Steps run in that order and a step runs only when the ones before it
succeeded: nothing is shared unless the deploy that holds its page went
through. Every share is preceded by an intent saved in the ledger and
followed by its record, so a process killed at any point leaves a ledger
that tells the next run exactly what may have happened (see ledger.py).
Without ``live`` the same plan is made and nothing outside is touched: no
deploy, no network, no ledger write.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from podium.plugins.crash import processing
from podium.plugins.errors import BadInput, ExternalFailure, ManyErrors
from podium.plugins.i18n import _
from podium.plugins.post import from_content
from podium.plugins.settings import where

from . import ledger as ledger_mod
from . import preflight, shareplan, targets
from .targets.base import Deployed, Step, no_step
from .targets.manifest import Plan

#: networks whose API deduplicates a repeated share (Mastodon's Idempotency-Key), so an
#: interrupted share may simply be sent again; a client class may say so itself with ``idempotent``.
IDEMPOTENT = frozenset({"mastodon"})


@dataclass(frozen=True)
class Request:
    project: Path
    target: str | None = None
    now: datetime | None = None
    live: bool = False
    confirm: Mapping[str, str] = field(default_factory=dict)  # share id -> URL seen on the network
    resend: frozenset[str] = frozenset()
    #: a network without credentials fails the run (exit 1) instead of being skipped with a notice
    strict: bool = False


@dataclass
class Outcome:
    """Everything the summary shows; ``status`` is the command's exit status."""

    live: bool
    now: datetime
    target: str
    plan: Plan
    bytes_to_send: int
    ledger: str
    built: tuple[int, int, int] = (0, 0, 0)  # posts, pages, withheld
    deployed: Deployed | None = None
    deploy_error: str = ""
    decisions: list[shareplan.Decision] = field(default_factory=list)
    shared: list[tuple[Any, ledger_mod.Record]] = field(default_factory=list)
    failed: list[tuple[Any, str]] = field(default_factory=list)
    limited: list[tuple[Any, str]] = field(default_factory=list)  # a daily publishing limit: waits, not failed
    skipped: dict[str, str] = field(default_factory=dict)
    confirmed: list[str] = field(default_factory=list)
    strict: bool = False
    #: what collecting the conversations found (live runs only; reported, never failing the publish)
    conversations: Any = None
    #: the comms room sent to each ``private: true`` target (private.RoomDeploy)
    private: list = field(default_factory=list)

    def by_state(self, state: str) -> list[shareplan.Decision]:
        return [d for d in self.decisions if d.state == state]

    @property
    def status(self) -> int:
        """A dry run did all it was asked; a live run with anything left to fix or retry exits 1.

        A network configured without credentials is skipped with a notice and
        does not fail the run (an hourly job would be red until someone adds
        the secret), unless ``strict``.
        """
        skipped = self.skipped if self.strict else {}
        trouble = (
            self.deploy_error
            or self.failed
            or skipped
            or self.by_state(shareplan.HELD)
            or any(p.error for p in self.private)
        )
        return 1 if self.live and trouble else 0  # conversations are reported, never a failed publish


def resendable(network: str) -> bool:
    from .channels import CHANNELS

    return bool(getattr(CHANNELS.get(network), "idempotent", network in IDEMPOTENT))


def _clients_from(env: Mapping[str, str], cfg: Any = None) -> Callable[[str], Any]:
    def make(network: str):
        from .channels import CHANNELS, MissingCredential

        if network not in CHANNELS:
            raise MissingCredential(
                _("podium has no client for {network}; its shares are skipped", network=network),
                network=network,
                variable="",
            )
        extra = {"board_id": getattr(cfg, "pinterest_board", None) or ""} if network == "pinterest" else {}
        if network == "bluesky":
            extra = {"mentions": getattr(cfg, "bluesky_mentions", None) or {}}
        return CHANNELS[network].from_env(env, **extra)

    return make


def publish(
    request: Request,
    *,
    env: Mapping[str, str] | None = None,
    clients: Callable[[str], Any] | None = None,
    step: Step = no_step,
    say: Callable[[str], None] = lambda line: None,
    reader_options: dict | None = None,
) -> Outcome:
    """Run every step; raise BadInput (exit 2) for bad content or settings, report the rest in the Outcome.

    ``reader_options`` goes to the conversation readers (see conversations/run.py).
    """
    from . import private
    from .build import build, read_settings

    env = os.environ if env is None else env
    project = Path(request.project).resolve()
    with tempfile.TemporaryDirectory(prefix="podium-publish-") as scratch:
        say(_("building the site (production settings)"))
        room = Path(scratch) / "comms" if private.wanted(read_settings(project, True)[0]) else None
        result = build(project, prod=True, now=request.now, output=Path(scratch) / "site", comms=room)
        for warning in result.warnings:
            say(_("warning: {warning}", warning=warning))
        step("built")
        _check_links(result, project)
        step("checked")
        clients = clients or _clients_from(env, result.ctx.config)
        outcome = _after_build(request, project, result, env, clients, step, say)
        if request.live and not outcome.deploy_error:
            outcome.conversations = _converse(result, project, env, say, reader_options, clients)
            step("conversations")
        return outcome


def _converse(result, project: Path, env, say, reader_options, clients):
    """Collect replies and reactions last, within their time budget; trouble here never fails the publish."""
    from .conversations.collect import Collected
    from .conversations.run import fetch_after_build, write_room

    try:
        collected = fetch_after_build(
            result, project, env, say=say, reader_options=reader_options, channels=None if reader_options else clients
        )
        if not collected.problems:
            write_room(result, project)
        return collected
    except Exception as exc:  # noqa: BLE001 - whatever went wrong, what was deployed and shared stands
        collected = Collected()
        collected.failed.append(f"collecting stopped: {exc}")
        return collected


def _check_links(result, project: Path) -> None:
    from .links import broken_links

    siteurl = result.settings.get("SITEURL") or ""
    if not siteurl.startswith(("https://", "http://")):
        raise BadInput(
            _(
                "SITEURL is empty or not absolute; set the site's public address, e.g. "
                "SITEURL = 'https://blog.example.com', so shares and feeds link to it"
            ),
            **_where(project, "SITEURL"),
        )
    broken = broken_links(result.output, siteurl)
    if broken:
        raise ManyErrors([BadInput(str(b)) for b in broken])


def refuse_reaching(cfg, project: Path) -> None:
    """No target may publish the comms room: checked for every target, before anything is deployed."""
    from .targets.reach import problems

    found = problems(cfg.publish_targets, (project / cfg.comms_path).resolve(), project)
    if found:
        raise ManyErrors(
            [
                BadInput(_("PODIUM_PUBLISH_TARGETS: {problem}", problem=p), **_where(project, "PODIUM_PUBLISH_TARGETS"))
                for p in found
            ]
        )


def _after_build(request, project, result, env, clients, step, say) -> Outcome:
    cfg, now = result.ctx.config, result.ctx.now
    ledger_path = project / cfg.publish_ledger
    with processing(os.path.relpath(ledger_path, project)):  # an unexpected error names what podium was on
        book = ledger_mod.load(ledger_path)
    name, options = choose_target(cfg, request.target, project)
    refuse_reaching(cfg, project)
    from .private import deploy_room, refuse_for_site

    key = "PODIUM_PUBLISH_DEFAULT_TARGET" if cfg.publish_default_target else "PODIUM_PUBLISH_TARGETS"
    refuse_for_site(
        name, options, "--target" if request.target else key, {} if request.target else _where(project, key)
    )
    shares = _shares(result, cfg)
    book, confirmed = _settle(book, request, ledger_path, now, shares)
    preflight.check(shares, book, now, cfg, clients, project, live=request.live)
    with targets.make(name, options, project_dir=project, env=env) as target:
        manifest, plan = targets.plan_for(target, result.output)
        step("planned")
        outcome = Outcome(
            request.live,
            now,
            target.describe(),
            plan,
            _size(result.output, plan.uploads),
            os.path.relpath(ledger_path, project),
            _counts(result),
            confirmed=confirmed,
            strict=request.strict,
        )
        if request.live and not plan.is_empty:
            say(
                _(
                    "deploying to {target}: {uploads} files to send, {removed} to remove",
                    target=target.describe(),
                    uploads=len(plan.uploads),
                    removed=len(plan.removed),
                )
            )
            try:
                with processing(target.describe()):
                    outcome.deployed = target.deploy(result.output, manifest, plan, step)
            except ExternalFailure as exc:
                outcome.deploy_error = str(exc)
                return outcome
        step("deployed")
    # the comms room after the site, so a broken private host never holds a share back
    outcome.private = deploy_room(result.comms, cfg.publish_targets, project, env, request.live, step)
    pictures = preflight.pictures(result)
    outcome.decisions = shareplan.decide(
        shares,
        book,
        now,
        set(manifest),
        result.settings["SITEURL"],
        catch_up=timedelta(hours=cfg.publish_catch_up_hours),
        resendable=resendable,
        resend=request.resend,
        pictures=pictures,
    )
    if request.live:
        outgoing = lambda share: _outgoing(share, pictures, result.settings["SITEURL"])  # noqa: E731
        _share_due(outcome, book, ledger_path, clients, step, say, outgoing)
    else:
        _probe(outcome, clients)
    return outcome


def _probe(outcome: Outcome, clients) -> None:
    """Dry run: say which networks would be skipped for want of credentials (nothing is sent)."""
    made: dict[str, Any] = {}
    for network in sorted({d.share.network for d in outcome.by_state(shareplan.DUE)}):
        if _client(outcome, clients, network, made) is not None:
            made.pop(network).close()


def _counts(result) -> tuple[int, int, int]:
    return result.articles, result.pages, len(result.ctx.withheld_slugs())


def _size(folder: Path, paths) -> int:
    return sum((folder / p).stat().st_size for p in paths)


def _shares(result, cfg) -> list:
    """The calendar's schedule when there is a calendar; otherwise one share per post and network."""
    scheduled = result.ctx.schedule
    if scheduled is not None:
        return list(scheduled[0])
    siteurl = result.settings["SITEURL"]
    posts = [from_content(a, siteurl) for a in result.ctx.posts]
    return shareplan.fallback_shares(posts, cfg.networks, result.ctx.teasers_by_slug)


def choose_target(cfg, wanted: str | None, project: Path) -> tuple[str, dict]:
    """The target named by --target, else the default, else the only one; a clear error otherwise."""
    defined = cfg.publish_targets
    key = "PODIUM_PUBLISH_DEFAULT_TARGET" if wanted is None else "PODIUM_PUBLISH_TARGETS"
    name = wanted or cfg.publish_default_target or (next(iter(defined)) if len(defined) == 1 else None)
    if not defined:
        raise BadInput(
            _(
                "PODIUM_PUBLISH_TARGETS is empty; add a target, e.g. "
                "PODIUM_PUBLISH_TARGETS = {{'site': {{'type': 'dir', 'path': 'public'}}}}"
            ),
            **_where(project, key),
        )
    if name is None:
        raise BadInput(
            _(
                "several targets ({defined}) and no PODIUM_PUBLISH_DEFAULT_TARGET; set it or pass --target NAME",
                defined=", ".join(defined),
            ),
            **_where(project, "PODIUM_PUBLISH_TARGETS"),
        )
    if name not in defined:
        where = {} if wanted else _where(project, key)
        label = "--target" if wanted else "PODIUM_PUBLISH_DEFAULT_TARGET"
        raise BadInput(
            _(
                "{label}: unknown target {name!r}; expected one of: {defined}",
                label=label,
                name=name,
                defined=", ".join(defined),
            ),
            **where,
        )
    return name, defined[name]


def _where(project: Path, key: str) -> dict:
    """The line that set ``key`` for publishing: publishconf.py's, or pelicanconf.py's that it imports."""
    source = next(
        (project / n for n in ("publishconf.py", "pelicanconf.py") if (project / n).exists()),
        project / "publishconf.py",
    )
    return where(str(source), key, str(project))


def _settle(book, request: Request, path: Path, now: datetime, shares):
    """Apply --confirm (a share that is on the network: record it) and --resend (an interrupted one that is not).

    --confirm accepts any share not recorded yet, because a share can go out
    without podium knowing (an answer lost after the last retry); --resend only
    an interrupted one. Saved only in a live run.
    """
    known = {s.id: s for s in shares}
    problems, confirmed = [], []
    for share_id, url in request.confirm.items():
        if book.sent(share_id) or not (book.intent(share_id) or share_id in known):
            problems.append(
                BadInput(
                    _(
                        "--confirm {share_id}: no share waiting to be recorded has this id; "
                        "the summary lists the shares by id",
                        share_id=share_id,
                    )
                )
            )
        elif not _public_url(url):
            problems.append(
                BadInput(
                    _(
                        "--confirm {share_id}: expected the post's https:// address; received {url!r}",
                        share_id=share_id,
                        url=url,
                    )
                )
            )
    for share_id in request.resend:
        if book.intent(share_id) is None:
            problems.append(
                BadInput(
                    _(
                        "--resend {share_id}: no interrupted share has this id; the summary "
                        "of the last run lists them (held)",
                        share_id=share_id,
                    )
                )
            )
    if problems:
        raise ManyErrors(problems)
    for share_id, url in request.confirm.items():
        intent, share = book.intent(share_id), known.get(share_id)
        network = intent.network if intent else share.network
        book = book.with_record(
            ledger_mod.Record(share_id, network, "", url, intent.since if intent else now, share.url if share else "")
        )
        confirmed.append(share_id)
    if request.live and request.confirm:
        ledger_mod.save(path, book)
    return book, confirmed


def _public_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("https", "http") and bool(parts.netloc) and "@" not in parts.netloc


def _share_due(outcome: Outcome, book, path: Path, clients, step, say, outgoing) -> None:
    """Send each due share; one failure never stops the others."""
    made: dict[str, Any] = {}
    try:
        for decision in outcome.by_state(shareplan.DUE):
            share = decision.share
            if share.network in outcome.skipped:
                continue
            client = made.get(share.network) or _client(outcome, clients, share.network, made)
            if client is None:
                continue
            with processing(_("the share {id} ({network})", id=share.id, network=share.network)):
                book = _send_one(outcome, book, path, client, share, step, say, outgoing)
    finally:
        for client in made.values():
            client.close()


def _client(outcome: Outcome, clients, network: str, made: dict):
    from .channels import MissingCredential

    try:
        made[network] = clients(network)
    except MissingCredential as exc:
        outcome.skipped[network] = str(exc)
        return None
    return made[network]


def _send_one(outcome, book, path, client, share, step, say, outgoing):
    """Intent saved, share sent, record saved: a crash between any two leaves a ledger that says what to do."""
    from .channels import ChannelError, LimitReached

    now = outcome.now
    book = book.with_intent(ledger_mod.Intent(share.id, share.network, now))
    ledger_mod.save(path, book)
    step(f"intent:{share.id}")
    say(_("sharing {share} on {network}", share=share.id, network=share.network))
    try:
        posted = client.post(outgoing(share))
    except ChannelError as exc:
        if exc.partial is not None:  # the first posts of a thread went out: never send them again
            book = _record(book, path, share, exc.partial, now)
        elif not exc.uncertain:  # it may be out: the intent stays, so the next run holds it for a person
            book = book.without_intent(share.id)
            ledger_mod.save(path, book)
        (outcome.limited if isinstance(exc, LimitReached) else outcome.failed).append((share, str(exc)))
        return book
    step(f"posted:{share.id}")
    book = _record(book, path, share, posted, now)
    outcome.shared.append((share, book.sent(share.id)))
    step(f"recorded:{share.id}")
    return book


def _record(book, path, share, posted, now):
    record = ledger_mod.Record(share.id, share.network, posted.remote_id, posted.url, now, share.url)
    book = book.with_record(record)
    ledger_mod.save(path, book)
    return book


def _outgoing(share, pictures: Mapping | None = None, siteurl: str = ""):
    """The calendar's share as the network clients read it, with its picture for the image networks."""
    from .channels import Share as Outgoing

    picture = preflight.picture_of(pictures or {}, share) or {}
    return Outgoing(
        share_id=share.id,
        slug=share.slug,
        text=share.text,
        url=share.url,
        lang=share.lang,
        network=share.network,
        title=share.title,
        image_url=picture.get("url", ""),
        image_alt=picture.get("alt", ""),
        site_url=siteurl,
    )
