"""A few real ``podium build`` runs on fuzzed sites: exit 0, or exit 2 with ``path:line`` lines and output/ untouched.

Each run is a child process with its memory capped by the kernel (a YAML bomb
would be killed, and fail the test, rather than take the machine down). The
site starts valid and built; each example adds a fuzzed post, calendar or
both, builds, and checks the promise against the last good output.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.conftest import SAMPLE_NOW, _write_site, post

from .invariant import assert_exit_promise, run_podium, snapshot
from .profiles import examples
from .strategies import alias_bomb, calendar_text, post_bytes

CALENDAR = (
    "timezone: Europe/Paris\nposts:\n  base:\n    status: approved\n"
    "networks:\n  x:\n    slots:\n      - days: daily\n        times: ['08:00-20:00']\n"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A valid site, built once: the output every failed build must leave as it was."""
    root = _write_site(
        tmp_path_factory.mktemp("fuzzbuild"),
        {
            "content/posts/base.md": post(
                "Une base",
                slug="base",
                date="2026-01-10 09:00",
                body="Un paragraphe pour commencer, avec 30 % de mieux.",
            ),
            "content/calendar.yaml": CALENDAR,
        },
        {"PODIUM_LANGUAGES": ["fr", "en"], "PODIUM_CARDS_ENABLED": False},
    )
    done = run_podium(root, "build", "--now", SAMPLE_NOW, "-o", "output")
    assert done.returncode == 0, done.stderr
    return {"root": root, "good": snapshot(root / "output"), "room": snapshot(root / "comms")}


@settings(max_examples=examples(2), suppress_health_check=[HealthCheck.too_slow])
@given(data=post_bytes(), calendar=st.one_of(st.none(), calendar_text))
@example(data=b"---\n" + alias_bomb().encode() + b"title: Bombe\n---\n\nCorps.\n", calendar=None)
@example(data=post("Doublon", slug="base").encode(), calendar=None)  # two posts, one output path
def test_a_real_build_keeps_its_promise_on_fuzzed_input(site, data, calendar):
    root = site["root"]
    (root / "content" / "posts" / "fuzz.md").write_bytes(data)
    if calendar is not None:
        (root / "content" / "calendar.yaml").write_text(calendar, encoding="utf-8", errors="surrogatepass")
    try:
        done = run_podium(root, "build", "--now", SAMPLE_NOW, "-o", "output")
        assert_exit_promise(done)
        if done.returncode == 2:
            assert snapshot(root / "output") == site["good"], "a failed build changed output/"
            assert snapshot(root / "comms") == site["room"], "a failed build changed the comms room"
    finally:
        (root / "content" / "posts" / "fuzz.md").unlink()
        (root / "content" / "calendar.yaml").write_text(CALENDAR, encoding="utf-8")
    if done.returncode == 0:  # the next failure is compared with this output
        site["good"], site["room"] = snapshot(root / "output"), snapshot(root / "comms")
