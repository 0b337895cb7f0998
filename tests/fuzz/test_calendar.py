"""Fuzzed calendar files through the calendar's own glue (read, check), the gate and the scheduler."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

from hypothesis import example, given, settings
from hypothesis import strategies as st

from podium.plugins import context as context_mod
from podium.plugins.calendar import gate
from podium.plugins.calendar.glue import _load
from podium.plugins.calendar.scheduler import schedule
from podium.plugins.post import PostView

from .invariant import assert_located, bounded
from .profiles import examples
from .strategies import alias_bomb, calendar_text

NOW = datetime(2026, 1, 12, 9, 0, tzinfo=UTC)
POSTS = [
    PostView(
        slug=slug,
        lang="fr",
        title="Titre",
        url=f"https://blog.test/{slug}.html",
        date=datetime(2026, 1, 10, 9, 0, tzinfo=UTC),
        summary="Un résumé.",
    )
    for slug in ("fuzz", "autre")
]

calendar_bytes = st.one_of(
    calendar_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.binary(max_size=64).map(lambda b: b"timezone: UTC\nposts:\n  fuzz: " + b),
)


def load_calendar(project, data: bytes):
    """What a build does with content/calendar.yaml: the glue reads it, then the gate and the scheduler use it."""
    root, settings = project
    settings = dict(settings)
    ctx = context_mod.create(settings, source="pelicanconf.py", root=str(root))
    (root / "content" / "calendar.yaml").write_bytes(data)
    with bounded():
        _load(SimpleNamespace(settings=settings))
        if ctx.calendar is not None:
            for post in POSTS:
                gate.holds(post.slug, post.date, ctx.calendar, NOW)
            schedule(POSTS, ctx.calendar, NOW, networks=ctx.config.networks)
    assert ctx.calendar is None or not ctx.report.errors
    for problem in ctx.report.errors:
        assert_located(problem)
    return ctx


@settings(max_examples=examples(100))
@given(data=calendar_bytes)
@example(data=alias_bomb().encode())
@example(data=b"timezone: Europe/Paris\nposts:\n  fuzz:\n    status: approved\n    owner: \xff\n")  # the glue's own bug
@example(data=b"posts:\n  fuzz: {status: approved, publish_at: !!timestamp 2026-13-45}\n")
@example(data=b'reshare:\n  ? "\\N"\n  : []\n')  # a key with a U+0085 line break split its message in two
def test_a_fuzzed_calendar_is_read_or_refused_with_its_lines(project, data):
    ctx = load_calendar(project, data)
    if b"\xff" in data:
        assert ctx.calendar_broken and ctx.report.errors
