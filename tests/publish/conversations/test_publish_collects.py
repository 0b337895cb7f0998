"""``podium publish --live`` collects the conversations last, and their trouble never fails the publish."""

from __future__ import annotations

import json

from podium.publish.publish_cmd import summary
from tests.conftest import post
from tests.publish.fakes.mastodon_threads import MastodonThreads
from tests.publish.pipeline_helpers import Networks, run

NOW = "2027-03-02T10:00:00+01:00"
LATER = "2027-03-02T11:00:00+01:00"
FILES = {"content/posts/premier.md": post("Premier billet", date="2027-03-01 09:00", slug="premier")}
TARGET = {"PODIUM_PUBLISH_TARGETS": {"site": {"type": "dir", "path": "public"}}, "PODIUM_NETWORKS": ["mastodon"]}


class MastodonOnly(Networks):
    def start(self) -> MastodonOnly:
        super().start()
        self.servers["mastodon"].close()
        self.servers["mastodon"] = MastodonThreads(clock=self.clock).start()
        return self


def test_publish_live_collects_replies_to_what_it_shared_against_local_mastodon_server(make_site):
    site = make_site(FILES, TARGET)
    networks = MastodonOnly().start()
    try:
        first, said = run(site, networks, now=NOW)
        assert first.status == 0 and "collecting the conversation of premier on mastodon" in said
        server = networks.servers["mastodon"]
        shared = next(iter(server.statuses))
        server.add(server.account(7, "ada", "other.example"), "<p>Bien vu</p>", reply_to=shared)
        second, _ = run(site, networks, now=LATER)
    finally:
        networks.close()
    assert second.status == 0
    assert "Conversations: 1 threads collected, 1 new replies." in summary(second)
    stored = json.loads((site / "content/.podium/conversations/premier.json").read_text(encoding="utf-8"))
    assert [r["html"] for r in stored["threads"][0]["replies"]] == ["<p>Bien vu</p>"]
    assert "Bien vu" in (site / "comms/conversations/inbox.html").read_text(encoding="utf-8")  # the leader sees it


def test_a_network_failing_while_collecting_is_reported_and_the_publish_still_succeeds(make_site):
    site = make_site(FILES, TARGET)
    networks = MastodonOnly().start()
    try:
        run(site, networks, now=NOW)
        shared = next(iter(networks.servers["mastodon"].statuses))
        networks.servers["mastodon"].queue(200, "<html>not json</html>", path=f"/api/v1/statuses/{shared}")
        outcome, _ = run(site, networks, now=LATER)
    finally:
        networks.close()
    assert outcome.status == 0
    assert (
        "  FAILED premier on mastodon: Mastodon answered the shared status with something that is not JSON; "
        "the stored conversation is kept as it was"
    ) in summary(outcome)
