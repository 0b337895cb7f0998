"""A target marked private: true receives the comms room of the publish build, never the site (real dir targets)."""

from __future__ import annotations

import pytest

from podium.plugins.errors import BadInput
from podium.publish.publish_cmd import summary
from tests.conftest import post

from .deploy_servers import read_tree
from .pipeline_helpers import Networks, run

NOW = "2027-03-02T10:00:00+01:00"
CALENDAR = """timezone: Europe/Paris
networks:
  mastodon: {slots: [{days: daily, times: ["09:00-20:00"]}]}
posts:
  premier:
    status: approved
  secret-plan:
    status: in_review
"""
FILES = {
    "content/calendar.yaml": CALENDAR,
    "content/posts/premier.md": post("Premier billet", date="2027-03-01 09:00", slug="premier"),
    "content/posts/secret-plan.md": post("Le plan secret", date="2027-03-01 09:00", slug="secret-plan"),
}
TARGETS = {
    "site": {"type": "dir", "path": "public"},
    "room": {"type": "dir", "path": "intranet/comms", "private": True},
}
SETTINGS = {"PODIUM_PUBLISH_TARGETS": TARGETS, "PODIUM_PUBLISH_DEFAULT_TARGET": "site", "PODIUM_NETWORKS": ["mastodon"]}


@pytest.fixture
def networks():
    running = Networks().start()
    yield running
    running.close()


def test_the_site_goes_to_the_public_target_and_the_comms_room_to_the_private_one(make_site, networks, run_build):
    site = make_site(FILES, SETTINGS)
    expected_site = read_tree(
        run_build(site, now=NOW, prod=True, output=site / "expected", comms=site / "expected-comms")
    )
    expected_room = read_tree(site / "expected-comms")
    outcome, said = run(site, networks, now=NOW)
    assert outcome.status == 0, summary(outcome)
    assert read_tree(site / "public") == expected_site
    assert read_tree(site / "intranet" / "comms") == expected_room
    assert {"index.html", "calendar.html", "data/schedule.json", "review/secret-plan.html"} <= set(expected_room)
    assert not any(b'data-podium-room="comms"' in data for data in expected_site.values()), "no room page in the site"
    assert not any(b"Le plan secret" in data for data in expected_site.values())
    assert [p.target for p in outcome.private] == [f"dir target 'room' ({site / 'intranet' / 'comms'})"]
    assert (
        f"Comms room deployed to dir target 'room' ({site / 'intranet' / 'comms'}): {len(expected_room)} added, "
        "0 changed, 0 removed, 0 unchanged." in summary(outcome).splitlines()
    )
    assert [s.id for s, _ in outcome.shared] == ["premier/mastodon/1"]


def test_a_dry_run_says_what_the_private_target_would_get(make_site, networks):
    site = make_site(FILES, SETTINGS)
    outcome, _ = run(site, networks, now=NOW, live=False)
    lines = summary(outcome).splitlines()
    (line,) = [x for x in lines if x.startswith("Would deploy the comms room to ")]
    assert line.startswith(f"Would deploy the comms room to dir target 'room' ({site / 'intranet' / 'comms'}): ")
    assert not (site / "intranet").exists() and not (site / "public").exists()


def test_without_a_private_target_the_publish_build_writes_no_comms_room(make_site, networks):
    site = make_site(FILES, {**SETTINGS, "PODIUM_PUBLISH_TARGETS": {"site": TARGETS["site"]}})
    outcome, _ = run(site, networks, now=NOW, live=False)
    assert outcome.private == [] and "comms room" not in summary(outcome)


def test_a_failing_private_target_fails_the_run_but_not_the_site_or_the_shares(make_site, networks):
    site = make_site(FILES, SETTINGS)
    (site / "intranet").mkdir()
    (site / "intranet" / ".comms.releases").write_text("a file where podium keeps its releases")
    outcome, _ = run(site, networks, now=NOW)
    assert outcome.status == 1
    assert outcome.private[0].error.startswith(f"dir target 'room' ({site / 'intranet' / 'comms'}): File exists (")
    assert (site / "public" / "premier.html").exists() and [s.id for s, _ in outcome.shared] == ["premier/mastodon/1"]
    assert any(
        x.startswith("Comms room to dir target 'room' (") and " FAILED: " in x for x in summary(outcome).splitlines()
    )


@pytest.mark.parametrize(
    "settings, request_target, message",
    [
        (
            {"PODIUM_PUBLISH_DEFAULT_TARGET": "room"},
            None,
            "pelicanconf.py:{line}: PODIUM_PUBLISH_DEFAULT_TARGET: target 'room' is private: it receives the comms room, never "
            "the site; choose a public target for the site, or remove 'private': True from 'room'",
        ),
        (
            {"PODIUM_PUBLISH_DEFAULT_TARGET": "site"},
            "room",
            "--target: target 'room' is private: it receives the comms room, never the site; choose a public target for "
            "the site, or remove 'private': True from 'room'",
        ),
        (
            {"PODIUM_PUBLISH_TARGETS": {"room": TARGETS["room"]}, "PODIUM_PUBLISH_DEFAULT_TARGET": None},
            None,
            "pelicanconf.py:{line}: PODIUM_PUBLISH_TARGETS: target 'room' is private: it receives the comms room, never "
            "the site; choose a public target for the site, or remove 'private': True from 'room'",
        ),
    ],
)
def test_the_site_never_goes_to_a_private_target(make_site, networks, settings, request_target, message):
    site = make_site(FILES, {**SETTINGS, **settings})
    with pytest.raises(BadInput) as err:
        run(site, networks, now=NOW, target=request_target)
    key = message.split(": ", 2)[1] if message.startswith("pelicanconf") else ""
    lines = (site / "pelicanconf.py").read_text().splitlines()
    line = next((i for i, x in enumerate(lines, 1) if key and x.startswith(key + " =")), 0)
    assert str(err.value) == message.format(line=line)
    assert not (site / "public").exists() and not (site / "intranet").exists() and networks.requests() == 0


def test_a_public_target_inside_the_private_one_is_refused(make_site, networks):
    targets = {**TARGETS, "site": {"type": "dir", "path": "intranet/comms/site"}}
    site = make_site(FILES, {**SETTINGS, "PODIUM_PUBLISH_TARGETS": targets})
    with pytest.raises(BadInput) as err:
        run(site, networks, now=NOW)
    assert "target 'site' would publish where the private target 'room' puts the comms room" in str(err.value)
