"""The retry arithmetic: server hints first, then exponential backoff."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from podium.publish.channels.retry import RetryPolicy, Wait, parse_reset, parse_retry_after, plan_wait

NOW = datetime(2027, 3, 2, 9, 0, tzinfo=UTC)
POLICY = RetryPolicy(base_delay=2.0, max_delay=60.0)


def test_retry_after_is_seconds_or_an_http_date():
    assert parse_retry_after("120", NOW) == 120.0
    assert parse_retry_after("Tue, 02 Mar 2027 09:02:00 GMT", NOW) == 120.0
    assert parse_retry_after("Tue, 02 Mar 2027 08:00:00 GMT", NOW) == 0.0  # already past
    assert parse_retry_after("soon", NOW) is None
    assert parse_retry_after("", NOW) is None


def test_reset_headers_are_epoch_seconds_or_iso_times():
    assert parse_reset(str(int(NOW.timestamp()) + 900), "epoch", NOW) == 900.0
    assert parse_reset("2027-03-02T09:05:00.019685Z", "iso", NOW) == 300.019685
    assert parse_reset("garbage", "iso", NOW) is None


def test_retry_after_wins_over_the_reset_header():
    headers = {"retry-after": "5", "x-rate-limit-reset": str(int(NOW.timestamp()) + 900)}
    assert plan_wait(1, 429, headers, NOW, POLICY, "x-rate-limit-reset") == Wait(5.0, "Retry-After")


def test_reset_header_is_used_on_429_only():
    headers = {"X-RateLimit-Reset": "2027-03-02T09:05:00Z"}
    assert plan_wait(1, 429, headers, NOW, POLICY, "X-RateLimit-Reset", "iso") == Wait(300.0, "X-RateLimit-Reset")
    assert plan_wait(1, 500, headers, NOW, POLICY, "X-RateLimit-Reset", "iso") == Wait(2.0, "backoff")


@given(st.integers(min_value=1, max_value=40))
def test_backoff_doubles_and_stays_under_the_cap(attempt):
    wait = plan_wait(attempt, 503, {}, NOW, POLICY)
    assert wait.reason == "backoff"
    assert wait.seconds == min(60.0, 2.0 * 2 ** (attempt - 1))
    assert 2.0 <= wait.seconds <= 60.0
