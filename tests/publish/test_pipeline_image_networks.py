"""podium publish with the image networks on: real builds, a real dir target, Meta's and Pinterest's contract servers.

The servers download each picture from the deployed folder, as Meta and
Pinterest fetch it from the public site, so a share that went out before its
picture was online would fail here.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import pytest

from podium.plugins.errors import ManyErrors
from podium.publish import ledger
from podium.publish.pipeline import Request, publish
from podium.publish.publish_cmd import summary
from podium.publish.targets import scan
from tests.conftest import post

from .deploy_servers import read_tree
from .pipeline_helpers import BOARD, Networks, run, run_killed_at

NOW = "2027-03-02T10:00:00+01:00"
NETWORKS = ["facebook", "instagram", "pinterest", "threads"]
SHARES = [f"premier/{n}/1" for n in NETWORKS]
SETTINGS = {
    "PODIUM_PUBLISH_TARGETS": {"site": {"type": "dir", "path": "public"}},
    "PODIUM_NETWORKS": NETWORKS,
    "PODIUM_PINTEREST_BOARD": BOARD,
}
FILES = {
    "content/posts/premier.md": post(
        "Premier billet",
        date="2027-03-01 09:00",
        slug="premier",
        summary="Ce que nous avons appris cette année.",
        body="Nous avons réduit nos délais de 30 % sur vingt projets.",
    )
}


@pytest.fixture
def site(make_site):
    return make_site(FILES, SETTINGS)


@pytest.fixture
def networks(site):
    running = Networks(images=True, site=site).start()
    yield running
    running.close()


def records(site: Path) -> dict[str, ledger.Record]:
    return {r.share_id: r for r in ledger.load(site / "content/.podium/ledger.json").records}


def counts(networks: Networks) -> dict[str, int]:
    return {n: len(p) for n, p in networks.posted().items() if n in NETWORKS}


def test_a_live_run_shares_each_picture_once_after_the_deploy_put_it_online(site, networks):
    outcome, _ = run(site, networks, now=NOW)
    assert outcome.status == 0, summary(outcome)
    assert counts(networks) == dict.fromkeys(NETWORKS, 1)
    assert sorted(records(site)) == SHARES
    ig = next(iter(networks.servers["instagram"].published.values()))
    assert ig["image_url"] == "https://blog.test/cards/fr/premier-instagram.jpg"
    assert "https://" not in ig["caption"] and "blog.test (lien dans la bio)" in ig["caption"]
    assert ig["alt_text"].startswith("Premier billet")
    pin = next(iter(networks.servers["pinterest"].pins.values()))
    assert (pin["board_id"], pin["title"], pin["image"]) == (
        BOARD,
        "Premier billet",
        "https://blog.test/cards/fr/premier-pinterest.jpg",
    )
    assert pin["link"].startswith("https://blog.test/premier.html?utm_source=pinterest")
    thread = next(iter(networks.servers["threads"].published.values()))
    assert thread["image_url"] == "https://blog.test/cards/fr/premier.png"
    page = next(iter(networks.servers["facebook"].posts.values()))
    assert page["link"].startswith("https://blog.test/premier.html?utm_source=facebook")
    again, _ = run(site, networks, now="2027-03-02T11:00:00+01:00")
    html = (site / "public" / "premier.html").read_text()
    assert again.shared == []
    for network in ("Facebook", "Instagram", "Pinterest", "Threads"):
        assert f"Discuter sur {network}" in html
    assert all(r.url in html for r in records(site).values()) and "u-syndication" in html


def test_a_dry_run_with_the_image_networks_calls_no_network_and_writes_nothing(site, networks):
    outcome, _ = run(site, networks, now=NOW, live=False)
    assert outcome.status == 0 and networks.requests() == 0
    assert not (site / "public").exists() and not (site / "content/.podium").exists()
    assert [d.share.id for d in outcome.by_state("due")] == SHARES


def test_a_daily_limit_makes_the_share_wait_not_fail(site, networks):
    networks.servers["instagram"].quota_used = 50
    outcome, _ = run(site, networks, now=NOW)
    assert outcome.status == 0 and outcome.failed == []
    assert [(s.id, why) for s, why in outcome.limited] == [
        (
            "premier/instagram/1",
            "Instagram allows 50 posts per 24 hours through its API and 50 are used; the share waits for a later run",
        )
    ]
    assert "Waiting for a daily publishing limit (1):\n  premier/instagram/1 on instagram: " in summary(outcome)
    assert ledger.load(site / "content/.podium/ledger.json").intents == ()
    networks.servers["instagram"].quota_used = 3
    later, _ = run(site, networks, now="2027-03-02T11:00:00+01:00")
    assert [s.id for s, _ in later.shared] == ["premier/instagram/1"] and counts(networks)["instagram"] == 1


def test_a_refusal_is_reported_with_the_networks_message_and_the_others_go_on(site, networks):
    networks.servers["instagram"].expired.add("IGQVJ-instagram-token-42")
    outcome, _ = run(site, networks, now=NOW)
    assert outcome.status == 1
    assert [(s.id, why) for s, why in outcome.failed] == [
        (
            "premier/instagram/1",
            "Instagram refused the publishing limit (HTTP 400: Error validating access token: "
            "Session has expired. (code 190/463)); PODIUM_INSTAGRAM_ACCESS_TOKEN is expired or was revoked (Meta tokens "
            "expire; a password change revokes them): make a new long-lived token and update the variable",
        )
    ]
    assert sorted(records(site)) == [s for s in SHARES if "instagram" not in s]


def test_a_lost_answer_holds_the_share_for_a_person_instead_of_posting_twice(site, networks):
    networks.servers["facebook"].hang(30.0, path="/v25.0/104200000000001/feed")
    outcome, _ = run(site, networks, now=NOW)
    assert outcome.status == 1 and [s.id for s, _ in outcome.failed] == ["premier/facebook/1"]
    again, _ = run(site, networks, now="2027-03-02T10:30:00+01:00")
    assert [d.share.id for d in again.by_state("held")] == ["premier/facebook/1"]
    assert len(networks.servers["facebook"].requests_to("/v25.0/104200000000001/feed")) == 1


def test_an_unknown_board_stops_the_run_before_anything_is_sent(make_site, networks):
    site = make_site(FILES, {**SETTINGS, "PODIUM_NETWORKS": ["pinterest"], "PODIUM_PINTEREST_BOARD": "999"})
    networks.site = site
    env = {**networks.env, "PODIUM_PINTEREST_API": networks.servers["pinterest"].base_url}
    with pytest.raises(ManyErrors) as err:  # the clients podium makes itself, with the board of the settings
        publish(Request(site, now=datetime.fromisoformat(NOW), live=True), env=env)
    line = next(
        i
        for i, text in enumerate((site / "pelicanconf.py").read_text().splitlines(), 1)
        if text.startswith("PODIUM_PINTEREST_BOARD")
    )
    assert str(err.value) == (
        f"pelicanconf.py:{line}: PODIUM_PINTEREST_BOARD: Pinterest has no board '999' for "
        "this account; copy the id of one of your boards (GET /v5/boards lists them)"
    )
    assert err.value.exit_status == 2
    assert not (site / "public").exists() and records(site) == {}
    assert counts(networks) == dict.fromkeys(NETWORKS, 0)
    assert [r.path for r in networks.servers["pinterest"].requests] == ["/v5/boards/999"]


def test_a_missing_page_token_is_bad_input_even_in_a_dry_run(site, networks):
    env = {k: v for k, v in networks.env.items() if k != "PODIUM_FACEBOOK_PAGE_TOKEN"}
    from podium.publish.pipeline import _clients_from

    for live in (False, True):
        with pytest.raises(ManyErrors) as err:
            publish(Request(site, now=datetime.fromisoformat(NOW), live=live), env=env, clients=_clients_from(env))
        line = next(
            i
            for i, text in enumerate((site / "pelicanconf.py").read_text().splitlines(), 1)
            if text.startswith("PODIUM_NETWORKS")
        )
        assert str(err.value) == (
            f"pelicanconf.py:{line}: PODIUM_NETWORKS: facebook is listed but PODIUM_FACEBOOK_PAGE_TOKEN is not set; "
            "set it in the environment (in CI, from a repository secret) or take facebook out of PODIUM_NETWORKS"
        )
    assert networks.requests() == 0 and not (site / "public").exists()


# --- crash and rerun: the process is killed between every two steps --------------------------------------

STEPS = (
    ["built", "checked", "planned", "deploy:uploaded", "deploy:swapped", "deployed"]
    + [f"{kind}:{share}" for share in SHARES for kind in ("intent", "posted", "recorded")]
    + ["conversations"]
)


def test_a_clean_run_passes_every_step_in_order(site, networks):
    seen: list[str] = []
    run(site, networks, now=NOW, step=seen.append)
    assert seen == STEPS


@pytest.mark.parametrize("label", STEPS)
def test_killed_at_any_step_a_rerun_shares_nothing_twice_and_loses_nothing(label, site, networks):
    assert run_killed_at(site, networks, label, now=NOW) == 70
    outcome, _ = run(site, networks, now="2027-03-02T10:10:00+01:00")
    kind, _, share = label.partition(":")
    interrupted = kind in ("intent", "posted")  # none of these networks has an idempotency key
    assert [d.share.id for d in outcome.by_state("held")] == ([share] if interrupted else [])
    assert outcome.status == (1 if interrupted else 0), summary(outcome)
    if interrupted:
        network = share.split("/")[1]
        on_network = bool(networks.posted()[network])
        confirm = {share: f"https://{network}.example/post/1"} if on_network else {}
        resend = frozenset() if on_network else frozenset({share})
        assert run(site, networks, now="2027-03-02T10:30:00+01:00", confirm=confirm, resend=resend)[0].status == 0
    assert counts(networks) == dict.fromkeys(NETWORKS, 1)
    book = ledger.load(site / "content/.podium/ledger.json")
    assert sorted(r.share_id for r in book.records) == SHARES and book.intents == ()
    live = Path(os.path.realpath(site / "public"))
    assert scan(live) == json.loads(live.with_name(live.name + ".json").read_text())["files"], "a whole release"
    assert read_tree(live)["cards/fr/premier-instagram.jpg"]
