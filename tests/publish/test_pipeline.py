"""podium publish end to end: real Pelican builds, a real dir target, the networks' local contract servers."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest

from podium.plugins.errors import BadInput, ManyErrors
from podium.publish import ledger
from podium.publish.publish_cmd import summary
from podium.publish.targets import scan
from tests.conftest import post

from .deploy_servers import git_snapshot, init_bare, read_tree
from .pipeline_helpers import SECRETS, Networks, run, run_killed_at

NOW = "2027-03-02T10:00:00+01:00"
SHARES = ["premier/bluesky/1", "premier/linkedin/1", "premier/mastodon/1", "premier/x/1"]
TARGET = {"PODIUM_PUBLISH_TARGETS": {"site": {"type": "dir", "path": "public"}}}
FILES = {
    "content/posts/premier.md": post(
        "Premier billet", date="2027-03-01 09:00", slug="premier", summary="Ce que nous avons appris cette année."
    ),
    "content/posts/plus-tard.md": post("Plus tard", date="2027-03-09 09:00", slug="plus-tard"),
}


@pytest.fixture
def networks():
    running = Networks().start()
    yield running
    running.close()


@pytest.fixture
def site(make_site):
    return make_site(FILES, TARGET)


def records(site: Path) -> dict[str, ledger.Record]:
    return {r.share_id: r for r in ledger.load(site / "content/.podium/ledger.json").records}


def posted_counts(networks: Networks) -> dict[str, int]:
    return {name: len(posts) for name, posts in networks.posted().items()}


def test_a_live_run_deploys_then_shares_each_due_post_once_and_records_it(site, networks, run_build):
    expected = read_tree(run_build(site, now=NOW, prod=True, output=site / "expected"))
    outcome, said = run(site, networks, now=NOW)
    assert outcome.status == 0, summary(outcome)
    assert read_tree(site / "public") == expected
    assert posted_counts(networks) == {"x": 1, "linkedin": 1, "mastodon": 1, "bluesky": 1}
    book = records(site)
    assert sorted(book) == SHARES
    assert all(r.page.startswith("https://blog.test/premier.html") for r in book.values())
    mastodon = networks.posted()["mastodon"][0]
    assert book["premier/mastodon/1"].url == mastodon["url"] and book["premier/mastodon/1"].remote_id == mastodon["id"]
    said = [line for line in said if not line.startswith("warning: ")]
    assert said[0] == "building the site (production settings)"
    assert said[1].startswith("deploying to dir target 'site' (")
    assert said[2:6] == [f"sharing {s} on {s.split('/')[1]}" for s in SHARES]
    # then the conversations of what was just shared are collected, each network once
    assert sorted(said[6:]) == [f"collecting the conversation of premier on {s.split('/')[1]}" for s in SHARES]
    assert "plus-tard" not in json.dumps([p for posts in networks.posted().values() for p in posts])


def test_the_next_run_deploys_the_back_links_and_shares_nothing_twice(site, networks):
    run(site, networks, now=NOW)
    book, requests = (site / "content/.podium/ledger.json").read_bytes(), networks.writes()
    outcome, _ = run(site, networks, now="2027-03-02T11:00:00+01:00")
    assert outcome.status == 0 and outcome.shared == []
    assert "premier.html" in outcome.deployed.sent, "the post now links to where it was shared"
    page = (site / "public" / "premier.html").read_text()
    assert all(r.url in page for r in records(site).values()) and "u-syndication" in page
    third, _ = run(site, networks, now="2027-03-02T11:00:00+01:00")  # same now: same build
    assert third.status == 0 and third.deployed is None
    assert ((site / "content/.podium/ledger.json").read_bytes(), networks.writes()) == (book, requests)
    text = summary(third)
    assert (
        "Nothing to deploy: dir target 'site'" in text
        and "Already shared earlier: 4 (see content/.podium/ledger.json)." in text
    )


def test_a_new_post_deploys_only_what_changed_and_shares_only_the_new_post(site, networks):
    run(site, networks, now=NOW)
    old = scan(Path(os.path.realpath(site / "public")))
    (site / "content/posts/second.md").write_text(post("Second billet", date="2027-03-03 08:00", slug="second"))
    outcome, _ = run(site, networks, now="2027-03-03T09:00:00+01:00")
    assert outcome.status == 0, summary(outcome)
    new = scan(Path(os.path.realpath(site / "public")))
    changed = {p for p in new if old.get(p) != new[p]}
    assert set(outcome.deployed.sent) == changed and "second.html" in changed
    assert outcome.deployed.bytes_sent == sum((site / "public" / p).stat().st_size for p in changed)
    assert sorted(s.id for s, _ in outcome.shared) == [s.replace("premier", "second") for s in SHARES]
    assert posted_counts(networks) == {"x": 2, "linkedin": 2, "mastodon": 2, "bluesky": 2}


def test_a_dry_run_prints_the_exact_diff_and_touches_nothing(site, networks, run_build):
    run(site, networks, now=NOW)
    (site / "content/posts/second.md").write_text(post("Second billet", date="2027-03-03 08:00", slug="second"))
    (site / "content/posts/premier.md").unlink()

    def world():
        project = {p: d for p, d in read_tree(site).items() if not p.startswith((".cache/", "expected/"))}
        return project, networks.requests(), sorted(os.listdir(site / ".public.releases"))

    before = world()
    outcome, said = run(site, networks, now="2027-03-03T09:00:00+01:00", live=False)
    assert world() == before
    assert outcome.status == 0
    live = scan(Path(os.path.realpath(site / "public")))
    build = scan(run_build(site, now="2027-03-03T09:00:00+01:00", prod=True, output=site / "expected"))
    text = summary(outcome)
    listed = {line[4:]: line[2] for line in text.splitlines() if line[:4] in ("  + ", "  ~ ", "  - ")}
    expected = {p: "+" for p in build if p not in live}
    expected |= {p: "~" for p in build if p in live and live[p] != build[p]}
    expected |= {p: "-" for p in live if p not in build}
    assert listed == expected and "premier.html" in expected and expected["premier.html"] == "-"
    assert text.startswith(
        "podium publish at 2027-03-03T09:00+01:00 (dry run: nothing is deployed, shared or recorded)\n"
    )
    would = [line.split(" on ")[0].strip() for line in text.splitlines() if line.startswith("  second/")]
    assert would == [s.replace("premier", "second") for s in SHARES]
    assert text.endswith("Run again with --live to do it.\n")
    assert [line for line in said if not line.startswith("warning: ")] == ["building the site (production settings)"]


def test_no_credential_appears_in_output_logs_or_ledger(site, networks, caplog, capfd):
    networks.servers["linkedin"].queue(500, {"message": "Internal error"})
    networks.servers["x"].queue(401, {"title": "Unauthorized", "detail": "Unauthorized", "status": 401})
    caplog.set_level(logging.DEBUG)
    outcome, said = run(site, networks, now=NOW)
    out, err = capfd.readouterr()
    everything = "\n".join(
        [summary(outcome), *said, out, err, caplog.text, (site / "content/.podium/ledger.json").read_text()]
    )
    assert outcome.status == 1 and [s.id for s, _ in outcome.failed] == ["premier/x/1"]
    for secret in SECRETS.values():
        assert secret not in everything


def test_a_refused_share_is_reported_and_the_others_still_go(site, networks):
    networks.servers["x"].queue(401, {"title": "Unauthorized", "detail": "Unauthorized", "status": 401})
    outcome, _ = run(site, networks, now=NOW)
    assert outcome.status == 1
    assert sorted(records(site)) == [s for s in SHARES if s != "premier/x/1"]
    text = summary(outcome)
    assert (
        "FAILED (1):\n  premier/x/1 on x: X refused the post (HTTP 401: Unauthorized); PODIUM_X_ACCESS_TOKEN "
        "is wrong or expired (an OAuth 2.0 token lasts two hours): renew it, or use "
        "OAuth 1.0a tokens, which do not expire\n"
    ) in text
    again, _ = run(site, networks, now="2027-03-02T11:00:00+01:00")
    assert again.status == 0 and [s.id for s, _ in again.shared] == ["premier/x/1"]
    assert posted_counts(networks) == {"x": 1, "linkedin": 1, "mastodon": 1, "bluesky": 1}


def test_a_missing_credential_skips_that_network_only(site, networks):
    env = {k: v for k, v in networks.env.items() if k != "PODIUM_BLUESKY_APP_PASSWORD"}
    from datetime import datetime

    from podium.publish.pipeline import Request, publish

    outcome = publish(
        Request(site, now=datetime.fromisoformat(NOW), live=True),
        env=env,
        clients=lambda n: (
            networks.clients(n)
            if n != "bluesky"
            else __import__("podium.publish.channels", fromlist=["CHANNELS"]).CHANNELS[n].from_env(env)
        ),
    )
    assert outcome.status == 0, "a network without credentials is skipped with a notice, not a red run"
    assert outcome.skipped == {
        "bluesky": "PODIUM_BLUESKY_APP_PASSWORD is not set; Bluesky shares are skipped. "
        "Set it in the environment (in CI, from a repository secret)."
    }
    assert sorted(records(site)) == [s for s in SHARES if "bluesky" not in s]
    assert summary(outcome).count("PODIUM_BLUESKY_APP_PASSWORD") == 1  # reported once, not once per share
    assert (
        "Skipped networks (1):\n  bluesky: PODIUM_BLUESKY_APP_PASSWORD is not set; Bluesky shares are skipped. "
        "Set it in the environment (in CI, from a repository secret).\n  (not a failure: set the variables to "
        "share there, or remove the network from PODIUM_NETWORKS; --strict makes it one)\n"
    ) in summary(outcome)


def test_a_missing_credential_fails_a_strict_run(site, networks):
    from datetime import datetime

    from podium.publish.channels import CHANNELS
    from podium.publish.pipeline import Request, publish

    env = {k: v for k, v in networks.env.items() if k != "PODIUM_BLUESKY_APP_PASSWORD"}
    outcome = publish(
        Request(site, now=datetime.fromisoformat(NOW), live=True, strict=True),
        env=env,
        clients=lambda n: networks.clients(n) if n != "bluesky" else CHANNELS[n].from_env(env),
    )
    assert outcome.status == 1 and list(outcome.skipped) == ["bluesky"]
    assert "--strict makes it one" not in summary(outcome)


def test_a_failed_deploy_shares_nothing(site, networks):
    (site / ".public.releases").write_text("a file where podium keeps its releases")
    outcome, _ = run(site, networks, now=NOW)
    assert outcome.status == 1 and outcome.deploy_error
    assert networks.requests() == 0 and records(site) == {}
    assert outcome.deploy_error.startswith(f"dir target 'site' ({site / 'public'}): File exists (")
    assert "Deploy FAILED: " in summary(outcome) and "Nothing was shared: shares wait for their pages." in summary(
        outcome
    )


def test_old_posts_are_not_announced_on_a_first_run(site, networks):
    outcome, _ = run(site, networks, now="2027-03-05T10:00:00+01:00")
    assert outcome.status == 0 and networks.requests() == 0
    assert [d.why for d in outcome.by_state("missed")][0] == (
        "due 2027-03-01T09:00+01:00, more than 48 h ago; share it by hand or raise PODIUM_PUBLISH_CATCH_UP_HOURS"
    )


def test_a_calendar_share_waits_for_its_time_then_goes(make_site, networks):
    calendar = """timezone: Europe/Paris
networks:
  x: {slots: [{days: daily, times: ["09:00-20:00"]}]}
  mastodon: {slots: [{days: daily, times: ["09:00-20:00"]}]}
posts:
  premier:
    status: approved
    networks:
      x: {at: 2027-03-02 18:00}
"""
    site = make_site({**FILES, "content/calendar.yaml": calendar}, {**TARGET, "PODIUM_NETWORKS": ["x", "mastodon"]})
    outcome, _ = run(site, networks, now=NOW)
    assert [s.id for s, _ in outcome.shared] == ["premier/mastodon/1"]
    assert [(d.share.id, d.why) for d in outcome.by_state("waiting")] == [
        ("premier/x/1", "until 2027-03-02T18:00+01:00")
    ]
    assert "Waiting (1):\n  premier/x/1 on x until 2027-03-02T18:00+01:00\n" in summary(outcome)
    later, _ = run(site, networks, now="2027-03-02T18:05:00+01:00")
    assert [s.id for s, _ in later.shared] == ["premier/x/1"]


def test_target_and_siteurl_problems_are_bad_input(make_site, networks):
    site = make_site(
        FILES, {"PODIUM_PUBLISH_TARGETS": {"a": {"type": "dir", "path": "a"}, "b": {"type": "dir", "path": "b"}}}
    )
    with pytest.raises(BadInput) as err:
        run(site, networks, now=NOW, live=False)
    line = (site / "pelicanconf.py").read_text().splitlines().index(
        next(x for x in (site / "pelicanconf.py").read_text().splitlines() if x.startswith("PODIUM_PUBLISH_TARGETS"))
    ) + 1
    assert str(err.value) == (
        f"pelicanconf.py:{line}: several targets (a, b) and no PODIUM_PUBLISH_DEFAULT_TARGET; "
        "set it or pass --target NAME"
    )
    with pytest.raises(BadInput) as err:
        run(site, networks, now=NOW, live=False, target="c")
    assert str(err.value) == "--target: unknown target 'c'; expected one of: a, b"
    bare = make_site(FILES, {"SITEURL": ""})
    with pytest.raises(BadInput) as err:
        run(bare, networks, now=NOW, live=False)
    # SITEURL is set in pelicanconf.py (line 3), which publishconf.py imports
    assert str(err.value) == (
        "pelicanconf.py:3: SITEURL is empty or not absolute; set the site's public address, "
        "e.g. SITEURL = 'https://blog.example.com', so shares and feeds link to it"
    )
    empty = make_site(FILES)
    with pytest.raises(BadInput) as err:
        run(empty, networks, now=NOW, live=False)
    # set nowhere: the file publishing reads
    assert str(err.value) == (
        "publishconf.py: PODIUM_PUBLISH_TARGETS is empty; add a target, e.g. "
        "PODIUM_PUBLISH_TARGETS = {'site': {'type': 'dir', 'path': 'public'}}"
    )
    assert networks.requests() == 0


def test_confirm_and_resend_name_only_shares_that_need_them(site, networks):
    with pytest.raises(ManyErrors) as err:
        run(
            site,
            networks,
            now=NOW,
            confirm={"nope/x/1": "https://x.com/1", "premier/x/1": "javascript:alert(1)"},
            resend=frozenset({"premier/x/1"}),
        )
    assert str(err.value) == (
        "--confirm nope/x/1: no share waiting to be recorded has this id; the summary lists the shares by id\n"
        "--confirm premier/x/1: expected the post's https:// address; received 'javascript:alert(1)'\n"
        "--resend premier/x/1: no interrupted share has this id; the summary of the last run lists them (held)"
    )
    assert networks.requests() == 0 and records(site) == {}


def test_a_share_that_went_out_unnoticed_can_be_confirmed_and_is_never_sent(site, networks):
    outcome, _ = run(site, networks, now=NOW, confirm={"premier/x/1": "https://x.com/i/web/status/42"})
    assert outcome.status == 0 and outcome.confirmed == ["premier/x/1"]
    assert posted_counts(networks)["x"] == 0
    assert records(site)["premier/x/1"].url == "https://x.com/i/web/status/42"
    assert "Confirmed by hand (1):\n  premier/x/1\n" in summary(outcome)


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


def _resolve_held(site, networks, outcome):
    """What a person does after an interrupted share: look at the network, then --confirm or --resend."""
    confirm, resend = {}, set()
    for decision in outcome.by_state("held"):
        share = decision.share
        on_network = [p for p in networks.posted()[share.network]]
        if on_network:
            confirm[share.id] = f"https://{share.network}.example/post/1"
        else:
            resend.add(share.id)
    return run(site, networks, now="2027-03-02T10:30:00+01:00", confirm=confirm, resend=frozenset(resend))[0]


@pytest.mark.parametrize("label", STEPS)
def test_killed_at_any_step_a_rerun_shares_nothing_twice_and_loses_nothing(label, site, networks, run_build):
    assert run_killed_at(site, networks, label, now=NOW) == 70
    outcome, _ = run(site, networks, now="2027-03-02T10:10:00+01:00")
    kind, _, share = label.partition(":")
    interrupted = kind in ("intent", "posted") and not share.startswith("premier/mastodon")
    assert [d.share.id for d in outcome.by_state("held")] == ([share] if interrupted else [])
    assert outcome.status == (1 if interrupted else 0), summary(outcome)
    if interrupted:
        assert f"--confirm {share}=URL" in summary(outcome)
        assert _resolve_held(site, networks, outcome).status == 0
    assert posted_counts(networks) == {"x": 1, "linkedin": 1, "mastodon": 1, "bluesky": 1}
    book = ledger.load(site / "content/.podium/ledger.json")
    assert sorted(r.share_id for r in book.records) == SHARES and book.intents == ()
    live = Path(os.path.realpath(site / "public"))
    assert scan(live) == json.loads(live.with_name(live.name + ".json").read_text())["files"], "a whole release"
    if kind in ("intent", "posted", "recorded"):
        return  # the deploy was over before the kill: the site itself is checked by the deploy-step kills
    settle, _ = run(site, networks, now="2027-03-02T11:00:00+01:00")  # puts the last back-links live
    assert settle.status == 0 and settle.shared == []
    expected = run_build(site, now="2027-03-02T11:00:00+01:00", prod=True, output=site / "expected")
    assert read_tree(site / "public") == read_tree(expected)


def test_the_pipeline_deploys_to_a_git_target_too(make_site, networks, run_build, tmp_path):
    bare = init_bare(tmp_path / "pages.git")
    site = make_site(FILES, {"PODIUM_PUBLISH_TARGETS": {"pages": {"type": "git", "remote": str(bare)}}})
    expected = read_tree(run_build(site, now=NOW, prod=True, output=site / "expected"))
    outcome, _ = run(site, networks, now=NOW)
    assert outcome.status == 0 and len(outcome.shared) == 4
    assert git_snapshot(bare) == expected


def test_the_command_line_dry_run_and_its_errors(site, capsys, monkeypatch):
    from podium.publish.channels import ENVIRONMENT
    from podium.publish.cli import main

    for variable in [v for names in ENVIRONMENT.values() for v in names]:
        monkeypatch.delenv(variable, raising=False)

    assert main(["publish", "-C", str(site), "--now", NOW]) == 0
    out = capsys.readouterr().out
    assert "podium publish at 2027-03-02T10:00+01:00 (dry run: nothing is deployed, shared or recorded)" in out
    assert "Built 1 post and 0 pages; 1 withheld." in out
    assert "Would skip networks (4):" in out, "no credential in this environment"
    assert not (site / "public").exists() and not (site / "content/.podium").exists()
    assert main(["publish", "-C", str(site), "--now", NOW, "--confirm", "premier/x/1"]) == 2
    assert capsys.readouterr().err == (
        "podium: --confirm: expected SHARE=URL, e.g. rentree/x/1=https://x.com/i/web/status/1; received 'premier/x/1'\n"
    )


def test_an_unexpected_error_while_sharing_names_the_share_it_was_sending(site, networks, monkeypatch):
    """Against the networks' local contract servers: the first due share fails inside podium's own code."""
    from podium.plugins import crash

    def broken(*args, **kwargs):
        raise RuntimeError("lost the thread")

    monkeypatch.setattr("podium.publish.pipeline._send_one", broken)
    with pytest.raises(RuntimeError) as info:
        run(site, networks, now=NOW)
    assert crash.explain(info.value) == (
        "podium: unexpected error while processing the share premier/bluesky/1 (bluesky): RuntimeError: lost the "
        "thread; this is a bug in podium, not in your files: please report it (run again with --debug to see the "
        "traceback)"
    )
    assert set(posted_counts(networks).values()) == {0}
