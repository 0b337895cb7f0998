"""Manifests, plans and per-file HTTP headers: pure functions, no target involved."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.plugins.errors import ExternalFailure
from podium.publish.targets import headers
from podium.publish.targets.manifest import diff, dumps, git_blob_digest, loads, rank, sha256_digest, upload_order

paths = st.from_regex(r"[a-z]{1,6}(/[a-z]{1,6})?\.(html|css|js|png|xml|ics)", fullmatch=True)
digests = st.sampled_from(["sha256:a", "sha256:b", "sha256:c", ""])
manifests = st.dictionaries(paths, digests, max_size=12)


@settings(max_examples=150)
@given(manifests, manifests.map(lambda m: {k: v or "sha256:z" for k, v in m.items()}))
def test_a_plan_sends_exactly_what_differs_and_drops_what_is_gone(old, new):
    plan = diff(old, new)
    assert set(plan.added) | set(plan.changed) | set(plan.unchanged) == set(new)
    assert set(plan.removed) == set(old) - set(new)
    assert set(plan.uploads) == {p for p in new if old.get(p) != new[p] or not old.get(p)}
    assert all(old[p] == new[p] for p in plan.unchanged)
    ranks = [rank(p) for p in plan.uploads]
    assert ranks == sorted(ranks)
    assert plan.is_empty == (not plan.uploads and not plan.removed)


def test_nothing_deployed_yet_means_everything_is_added():
    plan = diff(None, {"a.html": "sha256:1", "b.css": "sha256:2"})
    assert plan.added == ("b.css", "a.html") and plan.changed == plan.removed == plan.unchanged == ()


def test_upload_order_is_assets_then_pages_then_feeds():
    given = ["index.html", "feeds/all.atom.xml", "theme/style.css", "post/index.html", "calendar.ics", "img/a.png"]
    assert upload_order(given) == (
        "img/a.png",
        "theme/style.css",
        "index.html",
        "post/index.html",
        "calendar.ics",
        "feeds/all.atom.xml",
    )


def test_digests_match_sha256_and_git_blob_ids():
    assert sha256_digest(b"") == "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    # `printf 'hello\n' | git hash-object --stdin`
    assert git_blob_digest(b"hello\n") == "ce013625030ba8dba906f756967f9e9ca394464a"


def test_manifest_text_is_stable_and_round_trips():
    manifest = {"b.html": "sha256:2", "a.css": "sha256:1"}
    assert dumps(manifest) == dumps(dict(reversed(list(manifest.items()))))
    assert loads(dumps(manifest), "m.json") == manifest


def test_a_damaged_manifest_says_where_and_what_to_do():
    with pytest.raises(ExternalFailure) as err:
        loads('{"version": 1, "files": {', "host:/srv/site")
    assert str(err.value) == (
        "host:/srv/site:1:26: the manifest is not valid JSON (Expecting property name enclosed "
        "in double quotes); delete it and the next deploy sends every file"
    )
    assert err.value.exit_status == 1  # written by podium on the target: a failure outside, not the person's input


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            '{\n "files": {},\n "version": 2\n}\n',
            "m.json:3: unknown manifest version; expected 1 (written by podium); "
            "delete it and the next deploy sends every file",
        ),
        (
            '{\n "version": 1,\n "files": {"a.html": 3}\n}\n',
            "m.json:3: manifest 'files' must map paths to digests; delete it and the next deploy sends every file",
        ),
        (
            '{"version": 1, "files": ' + "[" * 30 + "]" * 30 + "}",
            "m.json:1: the manifest nests deeper than 20 levels; delete it and the next deploy sends every file",
        ),
    ],
)
def test_a_manifest_that_is_json_but_not_podiums_says_which_line(text, expected):
    """Also as bytes, as the dir and s3 targets read it."""
    with pytest.raises(ExternalFailure) as err:
        loads(text, "m.json")
    assert str(err.value) == expected
    with pytest.raises(ExternalFailure) as err:
        loads(text.encode(), "m.json")
    assert str(err.value) == expected


def test_a_manifest_that_is_not_utf8_is_damaged_at_its_line():
    with pytest.raises(ExternalFailure) as err:
        loads(b'{"version": 1,\n "files": {"\xff": "x"}}', "m.json")
    assert str(err.value) == (
        "m.json:2:13: the manifest is not UTF-8 text (byte 0xff); delete it and the next deploy sends every file"
    )


@pytest.mark.parametrize(
    "path, kind, cache",
    [
        ("index.html", "text/html; charset=utf-8", "public, max-age=0, must-revalidate"),
        ("fr/posts/rentree/index.htm", "text/html; charset=utf-8", "public, max-age=0, must-revalidate"),
        ("feeds/all.atom.xml", "application/atom+xml", "public, max-age=900"),
        ("feeds/fr.rss.xml", "application/rss+xml", "public, max-age=900"),
        ("sitemap.xml", "application/xml", "public, max-age=900"),
        ("calendar.ics", "text/calendar; charset=utf-8", "public, max-age=900"),
        ("theme/css/main.css", "text/css; charset=utf-8", "public, max-age=86400"),
        ("theme/css/main.0f3a9c1d.css", "text/css; charset=utf-8", "public, max-age=31536000, immutable"),
        ("theme/js/app.js", "text/javascript; charset=utf-8", "public, max-age=86400"),
        ("images/Photo.JPG", "image/jpeg", "public, max-age=86400"),
        ("images/cards/rentree-x.png", "image/png", "public, max-age=86400"),
        ("theme/fonts/inter.woff2", "font/woff2", "public, max-age=86400"),
        ("favicon.ico", "image/vnd.microsoft.icon", "public, max-age=86400"),
        ("CNAME", "application/octet-stream", "public, max-age=86400"),
    ],
)
def test_content_type_and_cache_control_by_file(path, kind, cache):
    assert headers.content_type(path) == kind
    assert headers.cache_control(path) == cache
