from datetime import UTC, datetime

from podium.plugins.embargo.rules import core_reason, first_reason, static_refs
from podium.plugins.post import PostView

NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)


def view(**kw):
    base = dict(slug="s", lang="fr", title="T", url="https://x/s.html", date=datetime(2026, 1, 1, tzinfo=UTC))
    return PostView(**{**base, **kw})


def test_published_past_post_is_allowed():
    assert core_reason(view(), NOW) is None


def test_draft_is_withheld_whatever_its_date():
    assert core_reason(view(status="draft"), NOW) == "draft"


def test_future_post_is_withheld_until_its_time():
    later = datetime(2026, 11, 28, 12, 0, 1, tzinfo=UTC)
    assert core_reason(view(date=later), NOW) == "scheduled for 2026-11-28T12:00:01+00:00"
    assert core_reason(view(date=NOW), NOW) is None


def test_first_reason_wins():
    assert first_reason([None, "", "quiet period", "x"]) == "quiet period"
    assert first_reason([None, None]) is None


def test_static_refs_relative_and_absolute():
    html = '<img src="{static}/images/a.jpg"><a href="{attach}b.pdf?x=1">'
    assert static_refs(html, "posts") == {"images/a.jpg", "posts/b.pdf"}
