"""The dir target against a real folder: only changed files copied, one rename swaps the site."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from podium.plugins.errors import BadInput
from podium.publish.targets import make, plan_for, scan

from .deploy_servers import changes, read_tree, which_version, write_site


def target(tmp_path: Path):
    return make("local", {"type": "dir", "path": "public"}, project_dir=tmp_path, env={})


def deploy(tmp_path: Path, build: Path):
    with target(tmp_path) as t:
        manifest, plan = plan_for(t, build)
        return t.deploy(build, manifest, plan)


def test_first_deploy_copies_everything_and_serves_the_build(tmp_path):
    files = write_site(tmp_path / "b1", 1)
    done = deploy(tmp_path, tmp_path / "b1")
    assert set(done.sent) == set(files)
    assert done.bytes_sent == sum(len(d) for d in files.values())
    assert os.path.islink(tmp_path / "public")
    assert read_tree(tmp_path / "public") == files


def test_second_deploy_copies_only_changed_files_and_equals_the_build(tmp_path):
    old = write_site(tmp_path / "b1", 1)
    deploy(tmp_path, tmp_path / "b1")
    new = write_site(tmp_path / "b2", 2)
    send, drop = changes(old, new)
    with target(tmp_path) as t:
        assert t.current() == scan(tmp_path / "b1")
        manifest, plan = plan_for(t, tmp_path / "b2")
        assert set(plan.uploads) == send and set(plan.removed) == drop
        done = t.deploy(tmp_path / "b2", manifest, plan)
    assert set(done.sent) == send
    assert done.bytes_sent == sum(len(new[p]) for p in send)
    assert read_tree(tmp_path / "public") == new
    live = Path(os.path.realpath(tmp_path / "public"))
    unchanged = next(p for p in new if p not in send)
    assert (live / unchanged).stat().st_nlink == 2, "an unchanged file is a hard link to the previous release"


def test_only_the_live_and_previous_releases_are_kept(tmp_path):
    for version in (1, 2, 1, 2):
        write_site(tmp_path / f"b{version}", version)
        deploy(tmp_path, tmp_path / f"b{version}")
    releases = tmp_path / ".public.releases"
    assert len([p for p in releases.iterdir() if p.is_dir()]) == 2
    assert len(list(releases.glob("*.json"))) == 2


def test_a_deploy_that_died_before_the_swap_leaves_the_old_site_and_is_cleaned_up(tmp_path):
    old = write_site(tmp_path / "b1", 1)
    deploy(tmp_path, tmp_path / "b1")
    new = write_site(tmp_path / "b2", 2)

    class Died(Exception):
        pass

    def die(label):
        if label == "deploy:uploaded":
            raise Died

    with target(tmp_path) as t:
        manifest, plan = plan_for(t, tmp_path / "b2")
        with pytest.raises(Died):
            t.deploy(tmp_path / "b2", manifest, plan, step=die)
    assert read_tree(tmp_path / "public") == old
    assert deploy(tmp_path, tmp_path / "b2").sent
    assert read_tree(tmp_path / "public") == new
    assert len([p for p in (tmp_path / ".public.releases").iterdir() if p.is_dir()]) == 2


def test_a_folder_podium_did_not_create_is_refused(tmp_path):
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "keep.txt").write_text("mine")
    with target(tmp_path) as t, pytest.raises(BadInput) as err:
        t.current()
    assert str(err.value) == (
        f"{tmp_path / 'public'} exists and is not the link podium keeps there; "
        "move it away or point the target 'local' at a new path (podium serves releases through a link there)"
    )
    assert (tmp_path / "public" / "keep.txt").read_text() == "mine"


def test_a_reader_polling_during_deploys_never_sees_a_mix(tmp_path):
    """The reader resolves the link once, like a request, then reads every file of the site."""
    versions = {1: write_site(tmp_path / "b1", 1), 2: write_site(tmp_path / "b2", 2)}
    deploy(tmp_path, tmp_path / "b1")
    seen, mixed, reads = set(), [], [0]
    stop = threading.Event()

    def reader():
        while not stop.is_set():
            snapshot = read_tree(Path(os.path.realpath(tmp_path / "public")))
            version = which_version(snapshot, versions)
            (seen.add(version) if version else mixed.append(sorted(snapshot)))
            reads[0] += 1

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for version in (2, 1, 2, 1, 2, 1, 2):
            deploy(tmp_path, tmp_path / f"b{version}")
            before = reads[0]
            # The second read finished after this deploy started after it: the reader now holds the live
            # release, which the next deploy keeps (as the previous one).
            while reads[0] < before + 2 and thread.is_alive():
                stop.wait(0.001)
    finally:
        stop.set()
        thread.join()
    assert mixed == []
    assert seen == {1, 2}
