"""What every network client shares: the share sent, the result, the errors, retries and redaction.

A client is built from environment variables (``from_env``), talks HTTP through
an injectable httpx transport (a local contract server in tests, the network in
production) and sleeps through an injectable function, so tests never wait.
Credentials live only inside the client: every message it produces passes
through ``redact`` first.
"""

from __future__ import annotations

import abc
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, ClassVar
from urllib.parse import urlsplit

import httpx

from podium.plugins.errors import ExternalFailure
from podium.plugins.i18n import _

from .retry import RETRYABLE, RetryPolicy, plan_wait

log = logging.getLogger("podium.publish.channels")

REDACTED = "[redacted]"


@dataclass(frozen=True)
class Share:
    """One teaser to send to one network.

    ``text`` is a string, or a sequence of strings for an X thread (other
    networks join the parts with a blank line). Clients read these attributes
    only, so the pipeline may pass any object that has them.
    """

    share_id: str
    slug: str
    text: str | tuple[str, ...]
    url: str
    lang: str = ""
    network: str = ""
    #: link card (LinkedIn article, Bluesky external embed)
    title: str = ""
    description: str = ""
    #: Bluesky's createdAt; aware. None means "the client's clock at posting time".
    created_at: datetime | None = None
    #: the image networks (Instagram, Pinterest, Threads) fetch the picture from the deployed site
    image_url: str = ""
    image_alt: str = ""
    #: SITEURL of the deployed site: an image must be under it, so it is online when the network fetches it
    site_url: str = ""


@dataclass(frozen=True)
class Posted:
    """Where a share went: the network's own id and a public URL for people."""

    remote_id: str
    url: str
    #: every post of an X thread, first one first (remote_id is the first)
    thread_ids: tuple[str, ...] = field(default=())


class ChannelError(ExternalFailure):
    """A network did not take the share (exit status 1).

    ``partial`` holds what did go out before the failure (the first posts of an
    X thread), so the pipeline can record it and not send it twice.
    """

    def __init__(
        self,
        message: str,
        *,
        network: str,
        status: int | None = None,
        code: str | None = None,
        partial: Posted | None = None,
        uncertain: bool = False,
    ):
        super().__init__(message)
        self.network = network
        self.status = status
        self.code = code
        self.partial = partial
        #: the request may have reached the network (no answer came back): the share must be held, not resent
        self.uncertain = uncertain


class PermanentError(ChannelError):
    """The network refused the share (400, 401, 403, 422...): trying again will not help."""


class TransientError(ChannelError):
    """Rate limit, server trouble or timeout still there after the allowed retries."""


class LimitReached(ChannelError):
    """The account used up its daily publishing quota: nothing went out, the share waits for the next run."""


class MissingCredential(ChannelError):
    """A credential variable is unset or malformed: the network is skipped."""

    def __init__(self, message: str, *, network: str, variable: str, unset: bool = False):
        super().__init__(message, network=network)
        self.variable = variable
        self.unset = unset  # the variable is not set at all (not merely malformed)


def single_text(share: Any) -> str:
    """Networks without threads take one text; a sequence is joined by blank lines."""
    text = share.text
    if isinstance(text, str):
        return text
    return "\n\n".join(text)


def thread_texts(share: Any) -> tuple[str, ...]:
    text = share.text
    return (text,) if isinstance(text, str) else tuple(text)


def check_image_url(share: Any, network: str, label: str) -> str:
    """The share's image address, refused unless it is absolute and under the site's SITEURL.

    Meta and Pinterest download the picture themselves: an address elsewhere
    (or relative) would be fetched from a place podium did not just deploy.
    """
    image, site = getattr(share, "image_url", "") or "", (getattr(share, "site_url", "") or "").rstrip("/")
    parts = urlsplit(image)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        raise PermanentError(
            _(
                "{network} needs the image's absolute address; received {image!r}. Check that the "
                "post has its {network} image and that SITEURL is absolute",
                network=label,
                image=image,
            ),
            network=network,
        )
    if not site or not image.startswith(site + "/"):
        raise PermanentError(
            _(
                "the {network} image {image} is not under SITEURL ({site}); {network} fetches "
                "it from the deployed site, so it must be one of the site's files",
                network=label,
                image=image,
                site=site or _("empty"),
            ),
            network=network,
        )
    return image


def utc_now() -> datetime:
    return datetime.now(UTC)


def require(environ: Mapping[str, str], variable: str, network: str, label: str) -> str:
    """The value of a credential variable, or a MissingCredential naming it."""
    value = (environ.get(variable) or "").strip()
    if not value:
        raise MissingCredential(
            _(
                "{variable} is not set; {label} shares are skipped. "
                "Set it in the environment (in CI, from a repository secret).",
                variable=variable,
                label=label,
            ),
            network=network,
            variable=variable,
            unset=True,
        )
    return value


class Channel(abc.ABC):
    """Base of the HTTP clients: one retrying request method and redaction."""

    name: ClassVar[str] = ""
    label: ClassVar[str] = ""
    #: the response header giving the rate-limit reset, and how to read it ("epoch" or "iso")
    reset_header: ClassVar[str | None] = None
    reset_kind: ClassVar[str] = "epoch"

    def __init__(
        self,
        *,
        base_url: str,
        secrets: Sequence[str] = (),
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], datetime] = utc_now,
        policy: RetryPolicy = RetryPolicy(),
    ):
        self._secrets = [s for s in secrets if s]
        self._sleep = sleep
        self._clock = clock
        self.policy = policy
        self.base_url = base_url.rstrip("/")
        self._http = httpx.Client(
            base_url=self.base_url, transport=transport, timeout=policy.timeout, follow_redirects=False
        )

    def __repr__(self) -> str:  # never show credentials, even in a debugger or traceback
        return f"<{type(self).__name__} {self.base_url}>"

    def close(self) -> None:
        self._http.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @abc.abstractmethod
    def post(self, share: Any) -> Posted:
        """Send one share; PermanentError or TransientError when it does not go out."""

    # --- redaction -------------------------------------------------------

    def _remember_secret(self, value: str) -> None:
        if value and value not in self._secrets:
            self._secrets.append(value)

    def redact(self, text: str) -> str:
        """Replace every credential this client knows with [redacted]."""
        for secret in sorted(self._secrets, key=len, reverse=True):
            text = text.replace(secret, REDACTED)
        return text

    # --- errors ----------------------------------------------------------

    def error_detail(self, response: httpx.Response) -> tuple[str, str | None]:
        """(human text, machine code) from an error response; networks override."""
        return response.text[:200], None

    def refusal(self, response: httpx.Response, what: str) -> PermanentError:
        detail, code = self.error_detail(response)
        message = (
            _(
                "{network} refused {what} (HTTP {status}: {detail}); {advice}",
                network=self.label,
                what=what,
                status=response.status_code,
                detail=detail,
                advice=self.advice(response.status_code, code),
            )
            if detail
            else _(
                "{network} refused {what} (HTTP {status}); {advice}",
                network=self.label,
                what=what,
                status=response.status_code,
                advice=self.advice(response.status_code, code),
            )
        )
        return PermanentError(self.redact(message), network=self.name, status=response.status_code, code=code)

    def advice(self, status: int, code: str | None) -> str:
        if status == 401:
            return _("the credential is wrong or expired: renew it and update the environment variable")
        if status == 403:
            return _("the account or app lacks the permission to post: check its scopes")
        return _("fix the share or the settings; podium will not retry it")

    # --- the request loop ------------------------------------------------

    def send(self, method: str, path: str, *, what: str, once: bool = False, **kwargs: Any) -> httpx.Response:
        """One request with bounded retries on 429, 5xx, timeouts and dropped connections.

        Waits honour Retry-After and the network's rate-limit headers; the total
        sleeping time stays within ``policy.max_total_wait``. With ``once`` (a
        post on a network that has no idempotency key) a request that may have
        arrived but got no answer is not sent again: it is reported as uncertain,
        so the share is held for a person instead of going out twice.
        """
        waited = 0.0
        problem = ""
        for attempt in range(1, self.policy.max_attempts + 1):
            status, headers = None, {}
            try:
                response = self._http.request(method, path, **kwargs)
            except (httpx.TimeoutException, httpx.TransportError) as exc:
                problem = (
                    _("no answer within {seconds:g}s", seconds=self.policy.timeout)
                    if isinstance(exc, httpx.TimeoutException)
                    else _("connection failed ({kind})", kind=type(exc).__name__)
                )
                # a connection never made carried nothing: only then is it safe to try a post again
                if once and not isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout)):
                    raise TransientError(
                        self.redact(
                            _(
                                "{network}: {problem} after sending {what}; it may have gone out: look at the "
                                "account before sending it again",
                                network=self.label,
                                problem=problem,
                                what=what,
                            )
                        ),
                        network=self.name,
                        uncertain=True,
                    ) from None
            else:
                if response.status_code < 300:
                    return response
                if response.status_code not in RETRYABLE:
                    raise self.refusal(response, what)
                status, headers = response.status_code, response.headers
                problem = f"HTTP {status}{': ' + self.error_detail(response)[0] if response.content else ''}"
            if attempt == self.policy.max_attempts:
                break
            wait = plan_wait(attempt, status, headers, self._clock(), self.policy, self.reset_header, self.reset_kind)
            if waited + wait.seconds > self.policy.max_total_wait:
                raise TransientError(
                    self.redact(
                        _(
                            "{network} asked to wait {seconds:.0f}s ({reason}) before {what}, "
                            "beyond podium's limit of {limit:.0f}s; "
                            "the share stays due and the next run will send it",
                            network=self.label,
                            seconds=wait.seconds,
                            reason=wait.reason,
                            what=what,
                            limit=self.policy.max_total_wait,
                        )
                    ),
                    network=self.name,
                    status=status,
                )
            log.warning(
                "%s",
                self.redact(
                    _(
                        "{network}: {problem}; waiting {seconds:.0f}s ({reason}) before attempt {attempt} of {attempts}",
                        network=self.label,
                        problem=problem,
                        seconds=wait.seconds,
                        reason=wait.reason,
                        attempt=attempt + 1,
                        attempts=self.policy.max_attempts,
                    )
                ),
            )
            self._sleep(wait.seconds)
            waited += wait.seconds
        raise TransientError(
            self.redact(
                _(
                    "{network}: {attempts} attempts at {what} failed (last: {problem}); "
                    "the share stays due and the next run will try again",
                    network=self.label,
                    attempts=self.policy.max_attempts,
                    what=what,
                    problem=problem,
                )
            ),
            network=self.name,
        )
