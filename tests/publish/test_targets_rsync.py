"""The rsync target over SSH against a real OpenSSH sshd on 127.0.0.1 (keys made for the test)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from podium.plugins.errors import ExternalFailure
from podium.publish.targets import make, plan_for, scan

from .deploy_servers import changes, read_tree, sshd, which_version, write_site


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with sshd(tmp_path_factory.mktemp("sshd")) as running:
        yield running


def target(server, remote: Path, project: Path, **extra):
    return make("server", {**server.options(remote), **extra}, project_dir=project, env={})


def deploy(server, remote: Path, build: Path):
    with target(server, remote, build.parent) as t:
        manifest, plan = plan_for(t, build)
        return t.deploy(build, manifest, plan)


def test_first_deploy_sends_everything_over_ssh(server, tmp_path):
    files = write_site(tmp_path / "b1", 1)
    done = deploy(server, tmp_path / "srv" / "site", tmp_path / "b1")
    assert set(done.sent) == set(files)
    assert done.bytes_sent >= sum(len(d) for d in files.values())
    assert os.path.islink(tmp_path / "srv" / "site")
    assert read_tree(tmp_path / "srv" / "site") == files


def test_second_deploy_sends_only_changed_files_and_equals_the_build(server, tmp_path):
    old = write_site(tmp_path / "b1", 1)
    first = deploy(server, tmp_path / "srv" / "site", tmp_path / "b1")
    new = write_site(tmp_path / "b2", 2)
    send, drop = changes(old, new)
    with target(server, tmp_path / "srv" / "site", tmp_path) as t:
        assert t.current() == scan(tmp_path / "b1")
        manifest, plan = plan_for(t, tmp_path / "b2")
        assert set(plan.uploads) == send and set(plan.removed) == drop
        done = t.deploy(tmp_path / "b2", manifest, plan)
    assert set(done.sent) == send, "rsync listed exactly the changed files as transferred"
    assert done.bytes_sent < first.bytes_sent / 2
    assert read_tree(tmp_path / "srv" / "site") == new
    live = Path(os.path.realpath(tmp_path / "srv" / "site"))
    assert all((live / p).stat().st_nlink == 2 for p in new if p not in send), "unchanged files are hard links"
    assert oct((live / "index.html").stat().st_mode & 0o777) == "0o644"
    assert oct(live.stat().st_mode & 0o777) == "0o755"


def test_files_the_server_already_has_are_not_trusted_without_a_manifest(server, tmp_path):
    """A live release whose manifest is gone is rebuilt from scratch: no stale file survives."""
    write_site(tmp_path / "b1", 1)
    deploy(server, tmp_path / "srv" / "site", tmp_path / "b1")
    for saved in (tmp_path / "srv" / ".site.releases").glob("*.json"):
        saved.unlink()
    new = write_site(tmp_path / "b2", 2)
    done = deploy(server, tmp_path / "srv" / "site", tmp_path / "b2")
    assert set(done.sent) == set(new)
    assert read_tree(tmp_path / "srv" / "site") == new


def test_a_reader_during_deploys_sees_whole_sites_only(server, tmp_path):
    versions = {1: write_site(tmp_path / "b1", 1), 2: write_site(tmp_path / "b2", 2)}
    link = tmp_path / "srv" / "site"
    deploy(server, link, tmp_path / "b1")
    seen, mixed, stop = set(), [], threading.Event()

    def reader():
        while not stop.is_set():
            snapshot = read_tree(Path(os.path.realpath(link)))
            version = which_version(snapshot, versions)
            (seen.add(version) if version else mixed.append(sorted(snapshot)))
            stop.wait(0.002)  # leave the deploy some CPU

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for version in (2, 1, 2):
            deploy(server, link, tmp_path / f"b{version}")
    finally:
        stop.set()
        thread.join()
    assert mixed == [] and seen == {1, 2}


def test_an_unknown_host_key_is_refused_with_a_clear_message(server, tmp_path):
    write_site(tmp_path / "b1", 1)
    (tmp_path / "empty_known_hosts").write_text("")
    with target(server, tmp_path / "srv" / "site", tmp_path, known_hosts=str(tmp_path / "empty_known_hosts")) as t:
        with pytest.raises(ExternalFailure) as err:
            t.current()
    message = str(err.value)
    assert message.startswith(
        f"rsync target 'server' ({server.user}@127.0.0.1:{tmp_path / 'srv' / 'site'}): ssh failed (exit 255): "
    )
    assert "Host key verification failed." in message
    assert message.endswith("check host, port, user, known_hosts and the key (PODIUM_SSH_KEY or identity_file)")
    assert not (tmp_path / "srv").exists()


def test_the_key_can_come_from_the_environment_and_never_shows(server, tmp_path, capfd):
    files = write_site(tmp_path / "b1", 1)
    options = {k: v for k, v in server.options(tmp_path / "srv" / "site").items() if k != "identity_file"}
    key_text = server.key.read_text()
    with make("server", options, project_dir=tmp_path, env={"PODIUM_SSH_KEY": key_text}) as t:
        manifest, plan = plan_for(t, tmp_path / "b1")
        t.deploy(tmp_path / "b1", manifest, plan)
        scratch = t._tmp
    assert read_tree(tmp_path / "srv" / "site") == files
    assert not scratch.exists(), "the key file is removed when the target closes"
    out, err = capfd.readouterr()
    assert key_text.splitlines()[1] not in out + err
