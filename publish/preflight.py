"""Before anything is sent: what the image networks need, checked while nothing has left the machine yet.

- A Facebook Page token that is missing is bad input (exit 2), not a network
  skipped: a Page set up in PODIUM_NETWORKS without its token is a settings
  mistake to fix before the run.
- In a live run, each image network with a share due is asked once whether
  the settings hold: the Pinterest board exists, the Facebook token is that
  Page's own token. A refusal is bad input naming the setting; a network that
  does not answer is left for the sharing step to report.
- Each share's picture (the cards plugin made one per image network) is found
  here by post, language and network; shareplan only shares it once the
  deployed site holds the picture, because Meta and Pinterest download it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from podium.plugins.errors import BadInput, ManyErrors
from podium.plugins.i18n import _

#: networks whose refusal of a setting points at that setting's line
SETTING = {"pinterest": "PODIUM_PINTEREST_BOARD", "facebook": "PODIUM_NETWORKS"}
#: networks where a missing credential is bad input rather than a network skipped
REQUIRED = ("facebook",)


def pictures(result) -> Mapping[tuple[str, str], Mapping[str, dict]]:
    """(slug, lang) -> network -> picture, as the cards plugin made them in this build."""
    kit = result.ctx.cards
    return getattr(kit, "network_images", None) or {}


def picture_of(found: Mapping, share: Any) -> dict | None:
    return (found.get((share.slug, share.lang)) or {}).get(share.network)


def _due(shares: Iterable[Any], book, now: datetime) -> set[str]:
    moment = now.astimezone(UTC)
    return {s.network for s in shares if s.time.astimezone(UTC) <= moment and not book.sent(s.id)}


def _where(project: Path, key: str) -> dict:
    from .pipeline import _where as where

    return where(project, key)


def check(
    shares: Iterable[Any], book, now: datetime, cfg: Any, clients: Callable[[str], Any], project: Path, *, live: bool
) -> None:
    """Raise BadInput (exit 2) for every settings problem the due shares' networks reveal."""
    from podium.publish.channels import ChannelError, MissingCredential

    problems: list[BadInput] = []
    for network in sorted(_due(shares, book, now) & set(cfg.networks)):
        try:
            client = clients(network)
        except MissingCredential as exc:
            if network in REQUIRED:
                message = (
                    _(
                        "PODIUM_NETWORKS: {network} is listed but {variable} is not set; set it in the environment "
                        "(in CI, from a repository secret) or take {network} out of PODIUM_NETWORKS",
                        network=network,
                        variable=exc.variable,
                    )
                    if exc.unset
                    else str(exc)
                )
                problems.append(BadInput(message, **_where(project, "PODIUM_NETWORKS")))
            continue
        try:
            if live and hasattr(client, "preflight"):
                client.preflight()
        except BadInput as exc:
            problems.append(BadInput(exc.message, **_where(project, SETTING.get(network, "PODIUM_NETWORKS"))))
        except ChannelError:
            pass  # no answer now: the sharing step retries and reports it
        finally:
            client.close()
    if problems:
        raise ManyErrors(problems)
