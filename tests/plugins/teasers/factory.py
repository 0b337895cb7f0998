"""PostView values for the pure teaser tests: a post as the reader would hand it over."""

from __future__ import annotations

from datetime import UTC, datetime

import markdown
import yaml

from podium.plugins import settings as settings_mod
from podium.plugins.post import PostView

ALL_NETWORKS = ("x", "linkedin", "mastodon", "bluesky", "threads")


def config(**overrides):
    raw = {"PODIUM_NETWORKS": ALL_NETWORKS, **{f"PODIUM_{k.upper()}": v for k, v in overrides.items()}}
    return settings_mod.load(raw)[0]


def source(meta: dict, body: str) -> str:
    header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{header}---\n\n{body}\n"


def post_view(meta: dict, body: str, url: str = "") -> PostView:
    """A PostView as from_content makes it, from front matter and a Markdown body."""
    slug = meta.get("slug", "billet")
    top_lines = {}
    for number, line in enumerate(source(meta, body).splitlines(), 1):
        key = line.split(":", 1)[0]
        if line and not line.startswith((" ", "-")) and key in meta:
            top_lines.setdefault(key, number)
    return PostView(
        slug=slug,
        lang=meta.get("lang", "fr"),
        title=meta.get("title", "Titre"),
        url=url or f"https://blog.example.org/{slug}.html",
        date=datetime(2026, 3, 2, 9, tzinfo=UTC),
        content_html=markdown.markdown(body, extensions=["footnotes"]),
        tags=tuple(meta.get("tags", ())),
        category=meta.get("category", ""),
        source_path=f"content/posts/{slug}.md",
        metadata=meta,
        meta_lines=top_lines,
    )
