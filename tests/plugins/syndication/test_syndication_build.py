"""POSSE back-links on real Pelican builds: the ledger's shares become u-syndication links."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup

from podium.plugins.errors import PodiumError
from podium.publish.ledger import Ledger, Record, render
from tests.conftest import post

LEDGER = "content/.podium/ledger.json"


def at(hour: int, day: int = 12) -> datetime:
    return datetime(2026, 1, day, hour, 0, tzinfo=UTC)


def ledger(*records: Record) -> str:
    """The ledger as `podium publish` writes it (publish.ledger.render), so both sides agree on the format."""
    return render(Ledger(records=records))


@pytest.fixture
def site(make_site):
    records = (
        Record(
            "rentree/x/2",
            "x",
            "1790000000000000009",
            "https://x.com/i/web/status/1790000000000000009",
            at(9, 20),
            "https://blog.test/rentree.html",
        ),
        Record(
            "rentree/bluesky/1",
            "bluesky",
            "at://did:plc:abc/app.bsky.feed.post/3kabc",
            "https://bsky.app/profile/leader.example.com/post/3kabc",
            at(10),
            "https://blog.test/rentree.html",
        ),
        Record(
            "rentree/x/1",
            "x",
            "1790000000000000001",
            "https://x.com/i/web/status/1790000000000000001",
            at(9),
            "https://blog.test/rentree.html",
        ),
        Record(
            "rentree/mastodon/1",
            "mastodon",
            "113",
            "https://mastodon.social/@leader/113",
            at(11),
            "https://blog.test/rentree.html",
        ),
        Record(
            "rentree/linkedin/1",
            "linkedin",
            "urn:li:share:7300",
            "https://www.linkedin.com/feed/update/urn:li:share:7300/",
            at(12),
            "https://blog.test/rentree.html",
        ),
        Record(
            "rentree-en/mastodon/1",
            "mastodon",
            "114",
            "https://mastodon.social/@leader/114",
            at(13),
            "https://blog.test/rentree-en.html",
        ),
        Record("autre/x/1", "x", "1790000000000000005", "javascript:alert(1)", at(14), "https://blog.test/autre.html"),
    )
    return make_site(
        {
            "content/posts/rentree.md": post("La rentrée", slug="rentree", translation="rentree", body="Texte."),
            "content/posts/rentree-en.md": post(
                "Back to school", slug="rentree", lang="en", translation="rentree", body="Text."
            ),
            "content/posts/autre.md": post("Autre", slug="autre", body="Autre texte."),
            LEDGER: ledger(*records),
        }
    )


def links(page) -> list[tuple[str, str]]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    entry = soup.select_one(".h-entry")
    assert entry is not None
    return [
        (a.get_text(strip=True), a["href"])
        for a in entry.select("a.u-syndication")
        if "syndication" in a.get("rel", [])
    ]


def test_build_shows_the_first_share_per_network_as_u_syndication_links(site, run_build):
    out = run_build(site, now="2026-11-28T12:00+01:00")
    assert links(out / "rentree.html") == [
        ("Discuter sur LinkedIn", "https://www.linkedin.com/feed/update/urn:li:share:7300/"),
        ("Discuter sur X", "https://x.com/i/web/status/1790000000000000001"),
        ("Discuter sur Mastodon", "https://mastodon.social/@leader/113"),
        ("Discuter sur Bluesky", "https://bsky.app/profile/leader.example.com/post/3kabc"),
    ]


def test_build_puts_a_translations_shares_on_that_translation_only(site, run_build):
    out = run_build(site, now="2026-11-28T12:00+01:00")
    assert links(out / "rentree-en.html") == [("Discuss on Mastodon", "https://mastodon.social/@leader/114")]


def test_build_drops_links_that_are_not_web_addresses(site, run_build):
    out = run_build(site, now="2026-11-28T12:00+01:00")
    assert links(out / "autre.html") == []
    assert "javascript:" not in (out / "autre.html").read_text(encoding="utf-8")


def test_build_without_a_ledger_shows_no_discussion_block(make_site, run_build):
    site = make_site({"content/posts/seul.md": post("Seul", slug="seul", body="Texte.")})
    out = run_build(site, now="2026-11-28T12:00+01:00")
    page = (out / "seul.html").read_text(encoding="utf-8")
    assert "Texte." in page and "u-syndication" not in page


def test_build_reports_a_broken_ledger_with_its_line(make_site, run_build):
    site = make_site(
        {"content/posts/seul.md": post("Seul", slug="seul"), LEDGER: '{\n  "version": 1,\n  "shares": [,]\n}\n'}
    )
    with pytest.raises(PodiumError) as info:
        run_build(site, now="2026-11-28T12:00+01:00")
    assert str(info.value) == (
        "content/.podium/ledger.json:3:14: the ledger is not valid JSON "
        "(Expecting value); fix it by hand or restore it from git (git checkout -- the file)"
    )
