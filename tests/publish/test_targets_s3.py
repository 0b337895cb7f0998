"""The s3 target with boto3 against moto's standalone S3 server on 127.0.0.1."""

from __future__ import annotations

import itertools
import json

import pytest

from podium.plugins.errors import ExternalFailure
from podium.publish.targets import make, plan_for, scan
from podium.publish.targets.manifest import rank

from .deploy_servers import FAKE_AWS, changes, moto_s3, s3_client, write_site

_buckets = itertools.count()


@pytest.fixture(scope="module")
def endpoint():
    with moto_s3() as url:
        yield url


@pytest.fixture
def bucket(endpoint):
    name = f"podium-site-{next(_buckets)}"
    s3_client(endpoint).create_bucket(Bucket=name)
    return name


def target(endpoint, bucket, tmp_path, **extra):
    options = {"type": "s3", "bucket": bucket, "endpoint_url": endpoint, **extra}
    return make("bucket", options, project_dir=tmp_path, env=FAKE_AWS)


class Recorder:
    """Watches the target's own boto3 client: every PUT and DELETE, in the order sent."""

    def __init__(self, t):
        self.calls: list[tuple[str, str]] = []
        t._client.meta.events.register("before-parameter-build.s3.PutObject", self._put)
        t._client.meta.events.register("before-parameter-build.s3.DeleteObjects", self._delete)

    def _put(self, params, **_):
        self.calls.append(("put", params["Key"]))

    def _delete(self, params, **_):
        self.calls.append(("delete", sorted(o["Key"] for o in params["Delete"]["Objects"])))


def deploy(endpoint, bucket, tmp_path, build, **extra):
    with target(endpoint, bucket, tmp_path, **extra) as t:
        recorder = Recorder(t)
        manifest, plan = plan_for(t, build)
        return t.deploy(build, manifest, plan), recorder.calls


def bucket_files(endpoint, bucket, prefix="") -> dict[str, bytes]:
    client = s3_client(endpoint)
    keys = [o["Key"] for o in client.list_objects_v2(Bucket=bucket).get("Contents", [])]
    return {
        k[len(prefix) :]: client.get_object(Bucket=bucket, Key=k)["Body"].read()
        for k in keys
        if not k.endswith(".podium/manifest.json")
    }


def test_first_deploy_uploads_everything_with_types_and_cache_rules(endpoint, bucket, tmp_path):
    files = write_site(tmp_path / "b1", 1)
    done, calls = deploy(endpoint, bucket, tmp_path, tmp_path / "b1")
    assert set(done.sent) == set(files)
    assert bucket_files(endpoint, bucket) == files
    client = s3_client(endpoint)
    expected = {
        "index.html": ("text/html; charset=utf-8", "public, max-age=0, must-revalidate"),
        "theme/css/style.css": ("text/css; charset=utf-8", "public, max-age=86400"),
        "theme/js/menu.js": ("text/javascript; charset=utf-8", "public, max-age=86400"),
        "images/photo.jpg": ("image/jpeg", "public, max-age=86400"),
        "images/logo.a1b2c3d4e5.png": ("image/png", "public, max-age=31536000, immutable"),
        "feeds/all.atom.xml": ("application/atom+xml", "public, max-age=900"),
        "robots.txt": ("text/plain; charset=utf-8", "public, max-age=900"),
    }
    for key, (kind, cache) in expected.items():
        head = client.head_object(Bucket=bucket, Key=key)
        assert (head["ContentType"], head["CacheControl"]) == (kind, cache), key


def test_html_goes_after_assets_and_feeds_last(endpoint, bucket, tmp_path):
    write_site(tmp_path / "b1", 1)
    _, calls = deploy(endpoint, bucket, tmp_path, tmp_path / "b1")
    keys = [key for verb, key in calls if verb == "put" and key != ".podium/manifest.json"]
    ranks = [rank(k) for k in keys]
    assert ranks == sorted(ranks) and set(ranks) == {0, 1, 2}
    assert calls[-1] == ("put", ".podium/manifest.json")


def test_second_deploy_uploads_only_changes_and_deletes_stale_files_last(endpoint, bucket, tmp_path):
    old = write_site(tmp_path / "b1", 1)
    deploy(endpoint, bucket, tmp_path, tmp_path / "b1")
    new = write_site(tmp_path / "b2", 2)
    send, drop = changes(old, new)
    done, calls = deploy(endpoint, bucket, tmp_path, tmp_path / "b2")
    assert set(done.sent) == send
    assert done.bytes_sent == sum(len(new[p]) for p in send)
    puts = [key for verb, key in calls if verb == "put"]
    assert set(puts) == send | {".podium/manifest.json"}
    verbs = [verb for verb, _ in calls]
    assert verbs[-2:] == ["delete", "put"], "stale files are deleted after every upload, then the manifest"
    assert calls[-2][1] == sorted(drop)
    assert bucket_files(endpoint, bucket) == new


def test_a_bucket_without_manifest_is_listed_so_stale_objects_still_go(endpoint, bucket, tmp_path):
    client = s3_client(endpoint)
    client.put_object(Bucket=bucket, Key="site/old-page.html", Body=b"old")
    new = write_site(tmp_path / "b2", 2)
    with target(endpoint, bucket, tmp_path, prefix="site") as t:
        assert t.current() == {"old-page.html": ""}
        manifest, plan = plan_for(t, tmp_path / "b2")
        assert plan.removed == ("old-page.html",) and set(plan.uploads) == set(new)
        t.deploy(tmp_path / "b2", manifest, plan)
        assert t.current() == scan(tmp_path / "b2")
    assert bucket_files(endpoint, bucket, prefix="site/") == new
    saved = json.loads(client.get_object(Bucket=bucket, Key="site/.podium/manifest.json")["Body"].read())
    assert saved["files"] == scan(tmp_path / "b2")


def test_a_deploy_that_died_half_way_is_redone_by_the_next(endpoint, bucket, tmp_path):
    write_site(tmp_path / "b1", 1)
    deploy(endpoint, bucket, tmp_path, tmp_path / "b1")
    new = write_site(tmp_path / "b2", 2)

    class Died(Exception):
        pass

    def die(label):
        if label == "deploy:uploaded-rank-1":
            raise Died

    with target(endpoint, bucket, tmp_path) as t:
        manifest, plan = plan_for(t, tmp_path / "b2")
        with pytest.raises(Died):
            t.deploy(tmp_path / "b2", manifest, plan, step=die)
        assert t.current() == scan(tmp_path / "b1"), "the manifest still describes the old deploy"
    deploy(endpoint, bucket, tmp_path, tmp_path / "b2")
    assert bucket_files(endpoint, bucket) == new


def test_an_unknown_bucket_is_a_clear_failure(endpoint, tmp_path):
    with target(endpoint, "no-such-bucket", tmp_path) as t, pytest.raises(ExternalFailure) as err:
        t.current()
    assert str(err.value) == (
        "s3 target 'bucket' (s3://no-such-bucket/): NoSuchBucket: The specified bucket "
        "does not exist; check the bucket name, its region and the key's permissions"
    )
    assert FAKE_AWS["AWS_SECRET_ACCESS_KEY"] not in str(err.value)


def test_cache_control_can_be_overridden_by_extension(endpoint, bucket, tmp_path):
    write_site(tmp_path / "b1", 1)
    deploy(endpoint, bucket, tmp_path, tmp_path / "b1", cache_control={".css": "public, max-age=60"})
    head = s3_client(endpoint).head_object(Bucket=bucket, Key="theme/css/style.css")
    assert head["CacheControl"] == "public, max-age=60"
