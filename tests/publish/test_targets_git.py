"""The git target against a local bare repository: one commit per deploy, pushed in one ref update."""

from __future__ import annotations

import subprocess
import threading
from pathlib import Path

import pytest

from podium.plugins.errors import ExternalFailure
from podium.publish.targets import make, plan_for, scan
from podium.publish.targets.manifest import git_blob_digest

from .deploy_servers import changes, git_commits, git_snapshot, init_bare, which_version, write_site


def target(bare: Path, **extra):
    return make("pages", {"type": "git", "remote": str(bare), **extra}, project_dir=bare.parent, env={})


def deploy(bare: Path, build: Path, **extra):
    with target(bare, **extra) as t:
        manifest, plan = plan_for(t, build)
        return t.deploy(build, manifest, plan)


def objects_in(bare: Path) -> set[str]:
    out = subprocess.run(
        ["git", "--git-dir", str(bare), "cat-file", "--batch-all-objects", "--batch-check"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return {line.split()[0] for line in out.splitlines()}


def test_first_deploy_is_one_root_commit_holding_exactly_the_build(tmp_path):
    bare = init_bare(tmp_path / "remote.git")
    files = write_site(tmp_path / "b1", 1)
    done = deploy(bare, tmp_path / "b1")
    assert set(done.sent) == set(files)
    assert len(git_commits(bare)) == 1
    assert git_snapshot(bare) == files


def test_second_deploy_pushes_only_changed_blobs_and_equals_the_build(tmp_path):
    bare = init_bare(tmp_path / "remote.git")
    old = write_site(tmp_path / "b1", 1)
    first = deploy(bare, tmp_path / "b1")
    before = objects_in(bare)
    new = write_site(tmp_path / "b2", 2)
    send, drop = changes(old, new)
    with target(bare) as t:
        assert t.current() == scan(tmp_path / "b1", git_blob_digest), "the branch's tree is the manifest"
        manifest, plan = plan_for(t, tmp_path / "b2")
        assert set(plan.uploads) == send and set(plan.removed) == drop
        done = t.deploy(tmp_path / "b2", manifest, plan)
    assert set(done.sent) == send
    assert done.bytes_sent < first.bytes_sent / 2
    new_blobs = {git_blob_digest(new[p]) for p in send}
    arrived = objects_in(bare) - before
    assert new_blobs <= arrived
    blob_types = subprocess.run(
        ["git", "--git-dir", str(bare), "cat-file", "--batch-check"],
        input="\n".join(arrived),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert sum(" blob " in line for line in blob_types.splitlines()) == len(new_blobs), "no unchanged blob was sent"
    commits = git_commits(bare)
    assert len(commits) == 2
    assert git_snapshot(bare) == new


def test_nothing_changes_on_the_branch_the_remote_already_holds(tmp_path):
    bare = init_bare(tmp_path / "remote.git")
    write_site(tmp_path / "b1", 1)
    deploy(bare, tmp_path / "b1")
    with target(bare) as t:
        manifest, plan = plan_for(t, tmp_path / "b1")
    assert plan.is_empty and not plan.uploads


def test_a_push_that_is_not_a_fast_forward_is_refused_and_overwrites_nothing(tmp_path):
    bare = init_bare(tmp_path / "remote.git")
    write_site(tmp_path / "b1", 1)
    deploy(bare, tmp_path / "b1")
    write_site(tmp_path / "b2", 2)
    with target(bare) as t:
        manifest, plan = plan_for(t, tmp_path / "b2")
        deploy(bare, tmp_path / "b1", message="someone else")  # another run got there first
        deploy(bare, tmp_path / "b2")
        theirs = git_commits(bare)
        with pytest.raises(ExternalFailure) as err:
            t.deploy(tmp_path / "b2", manifest, plan)
    assert git_commits(bare) == theirs
    shown = f"{bare.resolve().as_uri()} gh-pages"
    assert str(err.value).startswith(f"git target 'pages' ({shown}): git push failed: ")
    assert str(err.value).endswith("; check the remote, the branch and the token (token_env), then publish again")


def test_a_token_never_appears_in_messages(tmp_path):
    token = "ghp_podiumTestToken0123456789"
    t = make(
        "pages",
        {"type": "git", "remote": "https://127.0.0.1:9/site.git", "token_env": "GITHUB_TOKEN"},
        project_dir=tmp_path,
        env={"GITHUB_TOKEN": token},
    )
    with t, pytest.raises(ExternalFailure) as err:
        t.current()
    assert token not in str(err.value)
    assert str(err.value).startswith(
        "git target 'pages' (https://127.0.0.1:9/site.git gh-pages): git ls-remote failed:"
    )


def test_a_reader_cloning_the_branch_during_deploys_sees_whole_sites_only(tmp_path):
    bare = init_bare(tmp_path / "remote.git")
    versions = {1: write_site(tmp_path / "b1", 1), 2: write_site(tmp_path / "b2", 2)}
    deploy(bare, tmp_path / "b1")
    seen, mixed, stop = set(), [], threading.Event()

    def reader():
        while not stop.is_set():
            snapshot = git_snapshot(bare)
            version = which_version(snapshot, versions)
            (seen.add(version) if version else mixed.append(sorted(snapshot)))

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for version in (2, 1, 2):
            deploy(bare, tmp_path / f"b{version}")
    finally:
        stop.set()
        thread.join()
    assert mixed == [] and seen == {1, 2}
    assert len(git_commits(bare)) == 4
