"""Webmentions and LinkedIn in a whole collecting run, against local servers following their published contracts."""

from __future__ import annotations

import json

from podium.publish.conversations.run import summary
from tests.publish.fakes.linkedin_social import LinkedInSocial
from tests.publish.fakes.webmention_io import WebmentionIO

from .helpers import fetch_direct, site_with_shares

LATER = "2026-11-29T12:00:00+01:00"


def _threads(site) -> dict:
    body = json.loads((site / "content/.podium/conversations/rentree.json").read_text(encoding="utf-8"))
    return {t["network"]: t for t in body["threads"]}


def test_against_local_webmention_io_a_mention_deleted_at_its_source_goes_at_the_next_fetch(make_site):
    with WebmentionIO() as wm:
        grace = wm.add("https://blog.test/rentree.html", text="Reply from a blog", name="Grace")
        wm.add("https://blog.test/rentree.html", text="Another blog", name="Hedy")
        site = site_with_shares(make_site, [])
        options, env = {"webmention": {"base_url": wm.base_url}}, {"PODIUM_WEBMENTION_IO_TOKEN": wm.token}
        assert fetch_direct(site, options, env).status == 0
        assert [r["author"]["name"] for r in _threads(site)["webmention"]["replies"]] == ["Grace", "Hedy"]
        wm.entries = [e for e in wm.entries if e["wm-id"] != grace]  # Grace deleted her post: webmention.io drops it
        assert fetch_direct(site, options, env, now=LATER).status == 0
    thread = _threads(site)["webmention"]
    assert [r["author"]["name"] for r in thread["replies"]] == ["Hedy"]
    assert thread["gone"] == [f"webmention:{grace}"]
    assert [s["replies"] for s in thread["reactions"]] == [2, 1]


def test_against_local_linkedin_server_without_community_management_it_is_said_once_and_the_run_carries_on(make_site):
    with LinkedInSocial(allowed=False) as li, WebmentionIO() as wm:
        wm.add("https://blog.test/rentree.html", text="Reply from a blog", name="Grace")
        site = site_with_shares(
            make_site,
            [
                ("rentree/linkedin/0", "linkedin", "urn:li:share:1"),
                ("rentree/linkedin/1", "linkedin", "urn:li:share:2"),
            ],
        )
        collected = fetch_direct(
            site,
            {"linkedin": {"base_url": li.base_url}, "webmention": {"base_url": wm.base_url}},
            {"PODIUM_LINKEDIN_ACCESS_TOKEN": li.token, "PODIUM_WEBMENTION_IO_TOKEN": wm.token},
        )
    assert collected.status == 0 and len(li.requests) == 1  # the second share is not asked again
    assert [line for line in summary(collected) if "unavailable" in line] == [
        "  unavailable on linkedin: LinkedIn does not let this app read the post's reactions (HTTP 403); reading "
        "comments needs LinkedIn's Community Management API: LinkedIn is left out of the conversation"
    ]
    assert collected.fetched == ["rentree on the web"]
