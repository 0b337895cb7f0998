"""How long to wait before trying a network again: pure arithmetic on headers and the clock.

Kept apart from the HTTP code so the rules (server hints first, then
exponential backoff, within a total budget) can be tested with plain values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

#: statuses worth another attempt: rate limits, timeouts at a proxy, passing server trouble.
#: 501 (not implemented) is left out: trying again cannot help.
RETRYABLE = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """Bounds on retrying one request.

    ``max_total_wait`` caps the time spent sleeping for one request: when a
    network asks for a longer pause (a rate-limit window of 15 minutes), the
    client gives up with a TransientError and the next hourly run tries again,
    rather than holding the whole publish run hostage.
    """

    max_attempts: int = 5
    base_delay: float = 2.0
    max_delay: float = 120.0
    max_total_wait: float = 600.0
    timeout: float = 20.0


@dataclass(frozen=True)
class Wait:
    seconds: float
    reason: str  # "Retry-After", the rate-limit header's name, or "backoff"


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Retry-After is either whole seconds or an HTTP date (RFC 9110 section 10.2.3)."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # an HTTP date is always GMT
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def parse_reset(value: str | None, kind: str, now: datetime) -> float | None:
    """Seconds until a rate-limit window resets.

    ``kind`` is "epoch" (X's x-rate-limit-reset, Bluesky's ratelimit-reset: Unix
    seconds) or "iso" (Mastodon's X-RateLimit-Reset: an ISO 8601 time).
    """
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        if kind == "epoch":
            when = datetime.fromtimestamp(float(value), tz=UTC)
        elif kind == "iso":
            when = datetime.fromisoformat(value.replace("Z", "+00:00"))
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
        else:
            raise ValueError(f"unknown reset kind {kind!r}")
    except (ValueError, OverflowError, OSError):
        return None
    return max(0.0, (when - now).total_seconds())


def _header(headers: Mapping[str, str], name: str) -> str | None:
    lowered = {k.lower(): v for k, v in headers.items()}
    return lowered.get(name.lower())


def plan_wait(
    attempt: int,
    status: int | None,
    headers: Mapping[str, str],
    now: datetime,
    policy: RetryPolicy,
    reset_header: str | None = None,
    reset_kind: str = "epoch",
) -> Wait:
    """The pause before attempt ``attempt + 1``.

    A server's own hint wins: Retry-After first, then, on a 429, the network's
    rate-limit reset header. Server hints are honoured as given (not capped), so
    the caller compares them with its remaining budget. Without a hint the pause
    doubles each time from ``base_delay``, capped at ``max_delay``.
    """
    hinted = parse_retry_after(_header(headers, "Retry-After"), now)
    if hinted is not None:
        return Wait(hinted, "Retry-After")
    if status == 429 and reset_header:
        until_reset = parse_reset(_header(headers, reset_header), reset_kind, now)
        if until_reset is not None:
            return Wait(until_reset, reset_header)
    return Wait(min(policy.max_delay, policy.base_delay * 2 ** (attempt - 1)), "backoff")
