"""Check, build, deploy and share what is due (dry run unless --live)."""

from __future__ import annotations

import argparse
import sys

from podium.plugins.i18n import _, ngettext

NAME = "publish"
#: a first run on an old blog misses every past share: the summary shows only the latest ones
MISSED_SHOWN = 5


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--target",
        metavar="NAME",
        help=_("deploy target from PODIUM_PUBLISH_TARGETS (default: PODIUM_PUBLISH_DEFAULT_TARGET, or the only one)"),
    )
    parser.add_argument("--now", metavar="T", help=_("ISO 8601 time that counts as now, e.g. 2027-03-02T09:00+01:00"))
    parser.add_argument(
        "--live",
        action="store_true",
        help=_("really deploy, share and record; without it, print what would happen and touch nothing"),
    )
    parser.add_argument(
        "--confirm",
        action="append",
        default=[],
        metavar="SHARE=URL",
        help=_("an interrupted share is on the network at URL: record it (repeatable)"),
    )
    parser.add_argument(
        "--resend",
        action="append",
        default=[],
        metavar="SHARE",
        help=_("an interrupted share is not on the network: send it again (repeatable)"),
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help=_("a network without credentials fails the run (exit 1) instead of being skipped"),
    )


def _confirmations(values: list[str]) -> dict[str, str]:
    from podium.plugins.errors import BadInput

    found = {}
    for value in values:
        share_id, sep, url = value.partition("=")
        if not sep or not share_id or not url:
            raise BadInput(
                _(
                    "--confirm: expected SHARE=URL, e.g. rentree/x/1=https://x.com/i/web/status/1; received {value!r}",
                    value=value,
                )
            )
        found[share_id] = url
    return found


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .build_cmd import parse_now
    from .pipeline import Request, publish

    request = Request(
        project=Path(args.project),
        target=args.target,
        now=parse_now(args.now),
        live=args.live,
        confirm=_confirmations(args.confirm),
        resend=frozenset(args.resend),
        strict=args.strict,
    )
    outcome = publish(request, say=lambda line: print(_("podium: {line}", line=line), file=sys.stderr, flush=True))
    sys.stdout.write(summary(outcome))
    return outcome.status


def _when(moment) -> str:
    return moment.isoformat(timespec="minutes")


def _deploy_lines(outcome) -> list[str]:
    plan = outcome.plan
    from .targets.manifest import summarise

    head = _("{summary}; {count} bytes to send", summary=summarise(plan), count=outcome.bytes_to_send)
    if outcome.deploy_error:
        return [
            _("Deploy FAILED: {error}", error=outcome.deploy_error),
            _("Nothing was shared: shares wait for their pages."),
        ]
    if outcome.live and outcome.deployed is None:
        return [_("Nothing to deploy: {target} already holds this build.", target=outcome.target)]
    if outcome.live:
        done = outcome.deployed
        return [
            _(
                "Deployed to {target}: {head}; {files} files sent ({count} bytes on the wire).",
                target=outcome.target,
                head=head,
                files=len(done.sent),
                count=done.bytes_sent,
            )
        ]
    lines = [_("Would deploy to {target}: {head}.", target=outcome.target, head=head)]
    lines += [f"  + {p}" for p in plan.added] + [f"  ~ {p}" for p in plan.changed]
    lines += [f"  - {p}" for p in plan.removed]
    return lines


def _share_lines(outcome) -> list[str]:
    from .shareplan import DUE, HELD, MISSED, NO_PAGE, SENT, WAITING

    lines = []
    if outcome.live:
        lines += _block(
            _("Shared"),
            [_("{share} on {network}: {url}", share=s.id, network=s.network, url=r.url) for s, r in outcome.shared],
        )
        lines += _block(
            _("FAILED"),
            [_("{share} on {network}: {why}", share=s.id, network=s.network, why=why) for s, why in outcome.failed],
        )
        lines += _block(
            _("Waiting for a daily publishing limit"),
            [_("{share} on {network}: {why}", share=s.id, network=s.network, why=why) for s, why in outcome.limited],
        )
    else:
        due = outcome.by_state(DUE)
        lines += _block(
            _("Would share"),
            [
                _(
                    "{share} on {network} (due {when}): {url}",
                    share=d.share.id,
                    network=d.share.network,
                    when=_when(d.share.time),
                    url=d.share.url,
                )
                + f"\n      {_first_line(d.share.text)}"
                for d in due
            ],
        )
    skipped = [f"{n}: {why}" for n, why in sorted(outcome.skipped.items())]
    lines += _block(_("Skipped networks") if outcome.live else _("Would skip networks"), skipped)
    if skipped and not outcome.strict:
        lines.append(
            "  "
            + _(
                "(not a failure: set the variables to share there, or remove the network from "
                "PODIUM_NETWORKS; --strict makes it one)"
            )
        )
    lines += _block(_("Confirmed by hand"), outcome.confirmed)
    lines += _block(_("HELD"), [f"{d.share.id}: {d.why}" for d in outcome.by_state(HELD)])
    lines += _block(
        _("Waiting"),
        [
            _("{share} on {network} {why}", share=d.share.id, network=d.share.network, why=d.why)
            for d in outcome.by_state(WAITING)
        ],
    )
    missed = [f"{d.share.id}: {d.why}" for d in outcome.by_state(MISSED)]
    if missed:
        lines.append(_("Missed ({count}):", count=len(missed)))
        if len(missed) > MISSED_SHOWN:
            lines.append("  " + _("... {count} earlier ones, then:", count=len(missed) - MISSED_SHOWN))
        lines += [f"  {item}" for item in missed[-MISSED_SHOWN:]]
    lines += _block(_("Not shared"), [f"{d.share.id}: {d.why}" for d in outcome.by_state(NO_PAGE)])
    sent_before = len(outcome.by_state(SENT)) - len(outcome.confirmed)
    if sent_before > 0:
        lines.append(_("Already shared earlier: {count} (see {ledger}).", count=sent_before, ledger=outcome.ledger))
    return lines


def _first_line(text) -> str:
    line = (text if isinstance(text, str) else text[0]).strip().splitlines()[0] if text else ""
    return line if len(line) <= 100 else line[:99] + "…"


def _block(title: str, items: list[str]) -> list[str]:
    return [f"{title} ({len(items)}):"] + [f"  {item}" for item in items] if items else []


def summary(outcome) -> str:
    """What went live, what was shared where, what waits and until when."""
    posts, pages, withheld = outcome.built
    mode = _("live") if outcome.live else _("dry run: nothing is deployed, shared or recorded")
    lines = [
        _("podium publish at {when} ({mode})", when=_when(outcome.now), mode=mode),
        _(
            "Built {posts} and {pages}; {withheld} withheld.",
            posts=ngettext("{count} post", "{count} posts", posts, count=posts),
            pages=ngettext("{count} page", "{count} pages", pages, count=pages),
            withheld=withheld,
        ),
    ]
    from .private import summary_lines

    lines += _deploy_lines(outcome) + summary_lines(outcome.private, outcome.live) + _share_lines(outcome)
    if outcome.conversations is not None:
        from .conversations.run import summary as conversation_lines

        lines += conversation_lines(outcome.conversations)
    if not outcome.live:
        lines.append(_("Run again with --live to do it."))
    return "\n".join(lines) + "\n"
