"""PODIUM_PUBLISH_* settings: targets are checked at start-up, with what was expected and what was received."""

from __future__ import annotations

import pytest

from podium.plugins import settings
from podium.plugins.errors import ManyErrors


def problem(targets) -> str:
    with pytest.raises(ManyErrors) as err:
        settings.load({"PODIUM_PUBLISH_TARGETS": targets})
    return str(err.value)


def test_defaults():
    cfg = settings.defaults()
    assert (cfg.publish_targets, cfg.publish_default_target, cfg.publish_ledger, cfg.publish_catch_up_hours) == (
        {},
        None,
        "content/.podium/ledger.json",
        48,
    )


def test_every_type_with_its_options_is_accepted():
    targets = {
        "local": {"type": "dir", "path": "public"},
        "server": {
            "type": "rsync",
            "host": "www.example.com",
            "path": "/srv/site",
            "user": "deploy",
            "port": 2222,
            "identity_file": "~/.ssh/id_ed25519",
            "known_hosts": ".ci/known_hosts",
            "key_env": "DEPLOY_KEY",
        },
        "pages": {
            "type": "git",
            "remote": "git@github.com:claire/blog.git",
            "branch": "gh-pages",
            "token_env": "GITHUB_TOKEN",
            "author_name": "podium",
            "author_email": "p@example.com",
            "message": "Publish",
        },
        "bucket": {
            "type": "s3",
            "bucket": "blog",
            "prefix": "site",
            "region": "eu-west-3",
            "endpoint_url": "https://s3.example.com",
            "manifest_key": ".podium/m.json",
            "cache_control": {".css": "public, max-age=600"},
        },
    }
    assert settings.load({"PODIUM_PUBLISH_TARGETS": targets})[0].publish_targets == targets


@pytest.mark.parametrize(
    "targets, message",
    [
        ({"a": {"type": "ftp"}}, "target 'a': 'type': expected one of: dir, rsync, git, s3; received 'ftp'"),
        ({"a": "public"}, "target 'a': expected a dict such as {'type': 'dir', 'path': 'public'}; received 'public'"),
        ({"a": {"type": "rsync", "host": "h"}}, "target 'a': an rsync target needs 'path'"),
        (
            {"a": {"type": "s3", "bukcet": "b"}},
            "target 'a': unknown option 'bukcet' for an s3 target; expected bucket, "
            "prefix, region, endpoint_url, manifest_key, cache_control, private; did you mean 'bucket'?",
        ),
        (
            {"a": {"type": "git", "remote": "r", "token": "ghp_x"}},
            "target 'a': unknown option 'token' for a git target; expected remote, branch, token_env, author_name, "
            "author_email, message, private; secrets go in environment variables, never in settings (see docs/publishing.md)",
        ),
        (
            {"a": {"type": "git", "remote": "https://me:ghp_secret@github.com/c/b.git"}},
            "target 'a': 'remote' holds a password or token; remove it from the address and name the environment "
            "variable that holds it with 'token_env'",
        ),
        (
            {"a": {"type": "rsync", "host": "h", "path": "/p", "port": 70000}},
            "target 'a': 'port': expected a whole number from 1 to 65535; received 70000",
        ),
        ([], "expected a dict of target name -> options; received []"),
    ],
)
def test_bad_targets_are_refused_with_an_exact_message(targets, message):
    assert problem(targets) == f"PODIUM_PUBLISH_TARGETS: {message}"
    assert "ghp_secret" not in problem(targets)
