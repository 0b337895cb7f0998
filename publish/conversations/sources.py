"""What every conversation reader shares: the HTTP loop of the network clients, and how a reader fails.

A reader reuses ``Channel.send`` (bounded retries, Retry-After and rate-limit
headers, redaction of credentials) but only reads. It answers one thread at
a time with a ``Fetched`` (every reply the network lists now, and the
counts), or raises:

- ``Unavailable``: the account's access level does not allow reading (X's
  free tier, LinkedIn without the Community Management product); said once,
  and the run carries on;
- ``ChannelError`` (from ``send``) or ``Garbage``: the network failed or
  answered something that is not its documented shape; the stored thread is
  left as it was.
"""

from __future__ import annotations

import abc
import html
import re
from typing import Any

from podium.plugins.conversations.model import Fetched
from podium.plugins.i18n import _

from ..channels.base import Channel, ChannelError, PermanentError, TransientError

#: how a posting client's retry message ends, in English and in French (the catalogue's words), for a reader to reword
SHARE_TAILS = (
    r"the share stays due and the next run will (send it|try again)"
    r"|le partage reste dû et la prochaine exécution (l’enverra|réessaiera)"
)


class Unavailable(ChannelError):
    """The network will not let this account read replies or metrics."""


class Garbage(ChannelError):
    """The network answered, but not with what its API documents."""


class Reader(Channel):
    """A read-only client: the HTTP loop of the posting clients, and how reading fails."""

    def post(self, share: Any):  # a reader never posts
        raise PermanentError(_("{network}: the conversation reader cannot post", network=self.label), network=self.name)

    #: what a 403 means for this network, with ``{what}`` for what was asked; empty: a 403 is a plain refusal
    forbidden: str = ""

    def read(self, path: str, *, what: str, params: dict | None = None, headers: dict | None = None) -> Any:
        """GET ``path`` as JSON; a 403 on a network that gates reading by access level is Unavailable."""
        try:
            return self.json("GET", path, what=what, params=params or {}, headers=headers or {})
        except PermanentError as exc:
            if exc.status == 403 and self.forbidden:
                raise Unavailable(self.redact(self.forbidden.format(what=what)), network=self.name) from None
            raise

    def json(self, method: str, path: str, *, what: str, **kwargs: Any) -> Any:
        """The decoded JSON answer, or Garbage saying what came instead."""
        try:
            response = self.send(method, path, what=what, **kwargs)
        except TransientError as exc:  # the posting clients' wording speaks of shares; a reader keeps a thread
            text = re.sub(
                SHARE_TAILS, _("the stored conversation is kept as it was and the next run tries again"), str(exc)
            )
            raise TransientError(text, network=self.name, status=exc.status) from None
        try:
            return response.json()
        except ValueError:
            raise Garbage(
                self.redact(
                    _(
                        "{network} answered {what} with something that is not JSON; "
                        "the stored conversation is kept as it was",
                        network=self.label,
                        what=what,
                    )
                ),
                network=self.name,
            ) from None

    def advice(self, status: int, code: str | None) -> str:
        if status == 401:
            return _("the credential is wrong or expired: renew it and update the environment variable")
        return _("the stored conversation is kept as it was and the next run tries again")

    def garbage(self, what: str, problem: str) -> Garbage:
        return Garbage(
            self.redact(
                _(
                    "{network} answered {what} in an unexpected shape ({problem}); "
                    "the stored conversation is kept as it was",
                    network=self.label,
                    what=what,
                    problem=problem,
                )
            ),
            network=self.name,
        )


def text_to_html(text: str) -> str:
    """Plain text (Bluesky, X, LinkedIn) as the paragraphs the page shows; escaped here, sanitised again later."""
    paragraphs = [p for p in str(text).split("\n\n") if p.strip()]
    return "".join("<p>" + html.escape(p).replace("\n", "<br>") + "</p>" for p in paragraphs)


def field(item: Any, *keys: str, kind: type = str, default: Any = None) -> Any:
    """item[k1][k2]... of the expected type, else ``default`` (or KeyError when no default is given)."""
    value = item
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            if default is not None:
                return default
            raise KeyError(".".join(keys))
        value = value[key]
    if not isinstance(value, kind) or isinstance(value, bool) and kind is int:
        if default is not None:
            return default
        raise KeyError(".".join(keys))
    return value


class ThreadReader(Reader, abc.ABC):
    """A reader that answers one share's thread at a time (webmention.io answers for a whole site instead)."""

    @abc.abstractmethod
    def fetch(self, thread) -> Fetched:
        """Every reply the network lists under ``thread`` now, with the reaction counts."""
