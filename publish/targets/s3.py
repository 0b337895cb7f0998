"""The ``s3`` target: an S3-compatible bucket, through boto3.

A bucket has no rename, so the order of the writes keeps readers safe:
every object is replaced whole (a reader gets the old object or the new one),
new and changed assets go first (old pages never reference them, so nothing
breaks), then the pages that reference them, then the feeds and sitemaps that
announce those pages; files the build dropped are deleted last, when no new
page points at them any more; the manifest (``.podium/manifest.json`` under
the prefix) is written at the very end, so a deploy that dies half-way is
simply redone. Two pages fetched during a deploy may come from different
builds, but no page ever links to something missing.

Credentials: boto3's own variables (``AWS_ACCESS_KEY_ID``,
``AWS_SECRET_ACCESS_KEY``, optionally ``AWS_SESSION_TOKEN``), or a role of the
machine; never settings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from itertools import groupby
from pathlib import Path

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError

from podium.plugins.errors import ExternalFailure
from podium.plugins.i18n import _

from .base import Deployed, Step, Target, no_step
from .headers import cache_control, content_type
from .manifest import Plan, dumps, loads, rank

_CREDENTIALS = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")


class S3Target(Target):
    kind = "s3"

    def __init__(self, name, options, **kw):
        super().__init__(name, options, **kw)
        self.bucket = str(self.options["bucket"])
        prefix = str(self.options.get("prefix", "")).strip("/")
        self.prefix = prefix + "/" if prefix else ""
        self.manifest_key = self.prefix + str(self.options.get("manifest_key", ".podium/manifest.json"))
        self.overrides = dict(self.options.get("cache_control", {}))
        self._client = self._make_client()

    def _make_client(self):
        given = {k.lower(): self.env[k] for k in _CREDENTIALS if self.env.get(k)}
        session = boto3.session.Session(**given, region_name=self.options.get("region") or self.env.get("AWS_REGION"))
        config = Config(retries={"max_attempts": 5, "mode": "standard"}, max_pool_connections=16)
        return session.client("s3", endpoint_url=self.options.get("endpoint_url"), config=config)

    def describe(self) -> str:
        return _("s3 target '{name}' (s3://{bucket}/{prefix})", name=self.name, bucket=self.bucket, prefix=self.prefix)

    def _fail(self, exc: Exception) -> ExternalFailure:
        if isinstance(exc, NoCredentialsError):
            return ExternalFailure(
                _(
                    "{target}: no credentials; set AWS_ACCESS_KEY_ID and "
                    "AWS_SECRET_ACCESS_KEY in the environment (the CI's secret store)",
                    target=self.describe(),
                )
            )
        if isinstance(exc, ClientError):
            error = exc.response.get("Error", {})
            return ExternalFailure(
                _(
                    "{target}: {error}: {detail}; check the bucket name, its region and the key's permissions",
                    target=self.describe(),
                    error=error.get("Code", "?"),
                    detail=error.get("Message", ""),
                )
            )
        return ExternalFailure(
            _(
                "{target}: {exc}; check endpoint_url and the network, then publish again",
                target=self.describe(),
                exc=exc,
            )
        )

    def current(self) -> dict[str, str] | None:
        try:
            body = self._client.get_object(Bucket=self.bucket, Key=self.manifest_key)["Body"].read()
            return loads(body, f"s3://{self.bucket}/{self.manifest_key}")
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") not in ("NoSuchKey", "404"):
                raise self._fail(exc) from None
        except BotoCoreError as exc:
            raise self._fail(exc) from None
        # No manifest: list what is there so stale objects are still found; their hashes are unknown.
        return self._listing() or None

    def _listing(self) -> dict[str, str]:
        found = {}
        try:
            for page in self._client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=self.prefix):
                for item in page.get("Contents", []):
                    if item["Key"] != self.manifest_key:
                        found[item["Key"][len(self.prefix) :]] = ""
        except (BotoCoreError, ClientError) as exc:
            raise self._fail(exc) from None
        return found

    def deploy(self, build_dir: Path, manifest: Mapping[str, str], plan: Plan, step: Step = no_step) -> Deployed:
        build = Path(build_dir)
        size = 0
        try:
            for level, paths in groupby(plan.uploads, key=rank):
                size += self._put_all(build, list(paths))
                step(f"deploy:uploaded-rank-{level}")
            self._delete(plan.removed)
            step("deploy:deleted")
            self._client.put_object(
                Bucket=self.bucket,
                Key=self.manifest_key,
                Body=dumps(manifest).encode(),
                ContentType="application/json",
                CacheControl="no-store",
            )
        except (BotoCoreError, ClientError) as exc:
            raise self._fail(exc) from None
        return Deployed(self.name, plan, plan.uploads, size)

    def _put_all(self, build: Path, paths: Sequence[str]) -> int:
        """One rank at a time, several objects in parallel inside it: the order between ranks is what matters."""
        with ThreadPoolExecutor(max_workers=8) as pool:
            return sum(pool.map(lambda p: self._put(build, p), paths))

    def _put(self, build: Path, path: str) -> int:
        data = (build / path).read_bytes()
        self._client.put_object(
            Bucket=self.bucket,
            Key=self.prefix + path,
            Body=data,
            ContentType=content_type(path),
            CacheControl=cache_control(path, self.overrides),
        )
        return len(data)

    def _delete(self, paths: Sequence[str]) -> None:
        for start in range(0, len(paths), 1000):
            batch = [{"Key": self.prefix + p} for p in paths[start : start + 1000]]
            answer = self._client.delete_objects(Bucket=self.bucket, Delete={"Objects": batch, "Quiet": True})
            if answer.get("Errors"):
                first = answer["Errors"][0]
                raise ExternalFailure(
                    _(
                        "{target}: could not delete {error}: {detail}; check the key's s3:DeleteObject permission",
                        target=self.describe(),
                        error=first.get("Key"),
                        detail=first.get("Message"),
                    )
                )
