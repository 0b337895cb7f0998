"""Which shares go out in this run, which wait and which are done: pure, from schedule, ledger and now.

A share goes out only when its time has come, the ledger does not hold it,
the page it links to is part of the deployed site, and it is not too late
(a blog published long ago is not re-announced on its first automated run).
A share whose sending was interrupted is re-sent only to a network that
deduplicates it; elsewhere it is held until a person says what happened.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from podium.plugins.calendar.model import Share
from podium.plugins.calendar.texts import share_text
from podium.plugins.cards.formats import FETCHED
from podium.plugins.i18n import _
from podium.plugins.post import PostView

from .ledger import Ledger

DUE, WAITING, SENT, MISSED, HELD, NO_PAGE = "due", "waiting", "sent", "missed", "held", "no page"


@dataclass(frozen=True)
class Decision:
    share: Share
    state: str
    why: str = ""


def fallback_shares(
    posts: Iterable[PostView], networks: Iterable[str], teasers: Mapping[str, Any] | None = None
) -> list[Share]:
    """Without a calendar: one share per post and network, at the post's publication time.

    Ids follow the calendar's (slug/network/1), so a calendar added later
    knows what was already sent. Translations share their original's slug:
    the first post met for a slug (the original) is the one shared.
    """
    shares, seen = [], set()
    for post in posts:
        if post.slug in seen:
            continue
        seen.add(post.slug)
        for network in networks:
            variant, name, text, url = share_text(post, network, 1, None, teasers)
            shares.append(
                Share(
                    slug=post.slug,
                    network=network,
                    number=1,
                    time=post.date,
                    variant=variant,
                    text=text,
                    url=url,
                    title=post.title,
                    lang=post.lang,
                    variant_name=name,
                )
            )
    return sorted(shares, key=lambda s: (_utc(s.time), s.network, s.slug, s.number))


def page_path(url: str, siteurl: str) -> str | None:
    """The file that serves ``url`` on the site at ``siteurl``; None when the URL is not on that site."""
    site, page = urlsplit(siteurl.rstrip("/") + "/"), urlsplit(url)
    if (page.scheme, page.netloc) != (site.scheme, site.netloc) or not page.path.startswith(site.path):
        return None
    rel = page.path[len(site.path) :]
    return rel + "index.html" if rel == "" or rel.endswith("/") else rel


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def decide(
    shares: Iterable[Share],
    ledger: Ledger,
    now: datetime,
    pages: Collection[str],
    siteurl: str,
    *,
    catch_up: timedelta,
    resendable: Callable[[str], bool],
    resend: Collection[str] = (),
    pictures: Mapping | None = None,
) -> list[Decision]:
    """One decision per share, in the order they are due.

    ``pictures`` is (slug, lang) -> network -> picture: a share to a network
    that downloads its picture waits until the deployed site holds it.
    """
    decisions = []
    for share in sorted(shares, key=lambda s: (_utc(s.time), s.network, s.slug, s.number)):
        decision = _decide(share, ledger, now, pages, siteurl, catch_up, resendable, resend)
        if decision.state == DUE and share.network in FETCHED:
            decision = _picture(share, (pictures or {}).get((share.slug, share.lang), {}), pages, siteurl) or decision
        decisions.append(decision)
    return decisions


def _picture(share, found: Mapping, pages: Collection[str], siteurl: str) -> Decision | None:
    """Why a share cannot go yet for want of its picture online, or None."""
    picture = found.get(share.network)
    if not picture:
        return Decision(
            share,
            NO_PAGE,
            _(
                "it has no {network} picture (PODIUM_CARDS_ENABLED is off?); turn cards "
                "on, or take the network out of PODIUM_NETWORKS",
                network=share.network,
            ),
        )
    if page_path(picture["url"], siteurl) not in pages:
        return Decision(share, NO_PAGE, _("its picture {url} is not part of the deployed site", url=picture["url"]))
    return None


def _decide(share, ledger, now, pages, siteurl, catch_up, resendable, resend) -> Decision:
    if ledger.sent(share.id):
        return Decision(share, SENT, ledger.sent(share.id).url)
    # in UTC: two times of one zone compare by wall clock, wrong in the repeated autumn hour
    if _utc(share.time) > _utc(now):
        return Decision(share, WAITING, _("until {when}", when=share.time.isoformat(timespec="minutes")))
    intent = ledger.intent(share.id)
    if intent and share.id not in resend and not resendable(share.network):
        return Decision(
            share,
            HELD,
            (
                _(
                    "podium stopped while sending it ({since}), so it may be on "
                    "{network} already; look, then publish again with --confirm {share}=URL if it is there "
                    "or --resend {share} if it is not",
                    since=intent.since.isoformat(timespec="minutes"),
                    network=share.network,
                    share=share.id,
                )
            ),
        )
    if _utc(now) - _utc(share.time) > catch_up:
        return Decision(
            share,
            MISSED,
            _(
                "due {when}, more than {hours} ago; share it by hand or raise PODIUM_PUBLISH_CATCH_UP_HOURS",
                when=share.time.isoformat(timespec="minutes"),
                hours=_hours(catch_up),
            ),
        )
    path = page_path(share.url, siteurl)
    if path is None or path not in pages:
        return Decision(share, NO_PAGE, _("its page {url} is not part of the deployed site", url=share.url))
    return Decision(share, DUE)


def _hours(span: timedelta) -> str:
    return f"{span.total_seconds() / 3600:g} h"
