"""Fuzzed posts through the real Markdown reader, Pelican's Article and the teasers: front matter, bodies, overrides."""

from __future__ import annotations

from hypothesis import example, given, settings

from podium.plugins import context as context_mod
from podium.plugins.errors import PodiumError
from podium.plugins.post import from_content
from podium.plugins.reader import PodiumMarkdownReader
from podium.plugins.teasers.generate import teasers_for

from .invariant import assert_located, bounded
from .profiles import examples
from .strategies import alias_bomb, post_bytes


def read_post(project, data: bytes, name: str = "fuzz.md"):
    """What a build does with one post file, in-process: read it, make the Article, make its teasers.

    Returns the build's context: its report holds the errors; anything but a located PodiumError propagates.
    """
    from pelican.contents import Article

    root, settings = project
    settings = dict(settings)
    ctx = context_mod.create(settings, source="pelicanconf.py", root=str(root))
    path = root / "content" / "posts" / name
    path.write_bytes(data)
    with bounded():
        try:
            content, metadata = PodiumMarkdownReader(settings).read(str(path))
        except PodiumError as error:
            assert_located(error)
            assert ctx.report.errors, "a refused post must be in the build's report"
            return ctx
        # the context a generator gives its contents (their {static} links look up static_content)
        known = {**settings, "static_content": {}, "generated_content": {}, "static_links": set(), "localsiteurl": ""}
        article = Article(content, metadata, settings=settings, source_path=str(path), context=known)
        post = from_content(article, "https://blog.test")
        made = teasers_for(post, ctx.config, data.decode("utf-8"), ctx.display_path(str(path)))
        for problem in made.errors:
            ctx.report.error(problem)
    for problem in ctx.report.errors:
        assert_located(problem)
    return ctx


@settings(max_examples=examples(120))
@given(data=post_bytes())
@example(data=b"---\n" + alias_bomb().encode() + b"title: Bombe\ndate: 2026-01-10\n---\n\nCorps.\n")
@example(data=b"---\ntitle: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n---\n")
@example(data=b"---\ntitle: T\ndate: 2026-13-45\n---\n\nCorps.\n")
@example(data=b"---\ntitle: T\ndate: 2026-01-10\n\xff---\n\nCorps.\n")
# what the fuzzer found, kept: each once failed with a traceback, an unlocated line or a missing report entry
@example(data=b"---\n{}\n\n\xc2\x80\n\n---\n")  # a C1 control character: libyaml's message had no line
@example(data=b"---\ntitle: T\ndate: 2026-01-10 09:00\nmodified: ' '\n---\n\n")  # Pelican: str has no tzinfo
@example(data=b"---\ndate: '2026-01-10'\nlang: !!timestamp ': 2000-01-01'\n---\n")  # PyYAML: AttributeError
@example(data=b"---\ntitle: T\ndate: 2026-01-10\ncategory: []\n---\n")  # Pelican: list has no strip
@example(data=b"date: " + b"9" * 400 + b"\n\n")  # Pelican's own header: dateutil overflows
@example(data=b"date: 1_000\n\n")  # Pelican's own header: its refusal was not in the build's report
@example(data=b"modified: 2026-13-45\n\n")  # Pelican's own header: the error pointed at no line
@example(data=b"modified: \n\n")
@example(data=b"---\ndate: 2026-01-10 09:00\ntitle: T\nsummary: 2000-01-01 00:00:00\n---\n")  # a date as summary
@example(data=b"---\ndate: 2026-01-10 09:00\ntitle: T\nsummary: [a, b]\n---\n")
def test_a_fuzzed_post_is_read_or_refused_with_its_line(project, data):
    read_post(project, data)
