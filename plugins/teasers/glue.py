"""Connect teasers to Pelican: write them for the publishable posts, then output/social/.

- ``all_generators_finalized``: the embargo has run and every generator knows
  its content (links to images are resolved): make the teasers, record author
  errors in the report, and hand the teasers to the calendar (ctx.teasers_by_slug).
- ``finalized``: the site is written; add social/teasers.json, the kit pages
  and the kit's counting data. Nothing is written when the build has errors.
"""

from __future__ import annotations

import json
import os

from pelican import signals

from .. import context
from ..files import write_atomic
from ..post import from_content
from ..siteurl import site_root
from . import kit
from .generate import teasers_for
from .model import document


#: Pages the calendar writes in social/ too: a post with such a slug gets "-kit" added to its kit page.
RESERVED = frozenset({"calendar"})


def kit_name(slug: str) -> str:
    return f"{slug}-kit.html" if slug in RESERVED else f"{slug}.html"


def _source(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except OSError:
        return ""


def publishable(articles, ctx) -> list:
    """Posts that may be mentioned: nothing withheld by the embargo, in preview builds either."""
    return [a for a in articles if not ctx.is_withheld(a)
            and getattr(a, "status", "published") == "published"]


def _make(generators) -> None:
    settings = generators[0].settings
    ctx = context.get(settings)
    if not ctx.config.teasers_enabled:
        return
    found = next((g for g in generators if hasattr(g, "articles") and hasattr(g, "drafts")), None)
    if found is None:
        return
    root = site_root(settings)
    everything = []
    by_slug: dict[str, list] = {}
    for article in publishable(list(found.articles) + list(found.translations), ctx):
        post = from_content(article, root)
        result = teasers_for(post, ctx.config, _source(article.source_path), ctx.display_path(article.source_path),
                             str(getattr(article, "author", "") or ""))
        for problem in result.errors:
            ctx.report.error(problem)
        for problem in result.warnings:
            ctx.report.warn(problem)
        everything.extend(result.teasers)
        # the calendar posts one text per share: a thread is for people to post by hand
        by_slug.setdefault(post.slug, []).extend(t for t in result.teasers if not t.parts)
    ctx.teasers_by_slug = by_slug
    ctx.teasers = sorted(everything, key=lambda t: (t.slug, t.lang, ctx.config.networks.index(t.network)))


def _kit_page(env, slug: str, teasers: list, settings, ctx) -> bytes:
    lang = settings.get("DEFAULT_LANG", "en")
    template = env.get_template("social/kit.html")
    html = template.render(
        slug=slug, lang=lang, labels=kit.labels(lang), versions=kit.versions(teasers, ctx.config.networks, ctx.config, lang),
        SITENAME=settings.get("SITENAME", ""), static=f"../{settings.get('THEME_STATIC_DIR', 'theme')}",
    )
    return html.encode("utf-8")


def _write(pelican) -> None:
    settings = pelican.settings
    ctx = context.get(settings)
    teasers, env = ctx.teasers, ctx.templates
    if teasers is None or env is None or ctx.report.errors:
        return  # teasers off, or a failing build: the output folder is thrown away anyway
    folder = os.path.join(pelican.output_path, "social")
    payload = document(teasers)
    write_atomic(os.path.join(folder, "teasers.json"), json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8"))
    if not ctx.config.teasers_kit:
        return
    write_atomic(os.path.join(folder, "kit-data.js"), kit.counting_script(ctx.config).encode("utf-8"))
    by_slug: dict[str, list] = {}
    for teaser in teasers:
        by_slug.setdefault(teaser.slug, []).append(teaser)
    for slug, items in by_slug.items():
        write_atomic(os.path.join(folder, kit_name(slug)), _kit_page(env, slug, items, settings, ctx))


def register() -> None:
    # all_generators_finalized: after the embargo, with every post's final HTML; before the calendar's 'finalized'.
    signals.all_generators_finalized.connect(_make)
    # finalized: the site is written; social/ is added last and only to a build without errors.
    signals.finalized.connect(_write)
