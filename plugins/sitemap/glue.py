"""Connect the sitemap to Pelican: learn the documents once generated, list the written pages at the end.

sitemap.xml is a sitemap index naming one sitemap per section (urls.sections), so a new post
leaves the sitemaps of past years as they were.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from pelican import signals

from .. import context
from ..feeds.glue import site_url
from ..files import write_atomic
from ..site import glue as site_glue
from .render import robots_txt, sitemap_index, sitemap_xml
from .urls import LISTINGS, PAGES, Doc, plan, pretty, sections

#: One sitemap per section, beside sitemap.xml (the index): a sitemap may only list addresses under its own folder.
SITEMAP_FILE = "sitemap-{section}.xml"


@dataclass(frozen=True)
class Learned:
    """What the sitemap knows once every generator has read its content."""

    docs: list[Doc] = field(default_factory=list)
    withheld: set[str] = field(default_factory=set)  # output paths that must never be listed
    own_robots: bool = False  # the author ships a robots.txt of their own


def _public(ctx):
    return lambda item: getattr(item, "status", "published") == "published" and not ctx.is_withheld(item)


def _lastmod(item):
    dates = [d for d in (getattr(item, "modified", None), getattr(item, "date", None)) if d]
    return max(dates, default=None)


def _group(item) -> str:
    """One key shared by every language version of a text: the smallest output path among them."""
    versions = [item] + list(getattr(item, "translations", []) or [])
    return min(v.save_as for v in versions) if len(versions) > 1 else ""


def _doc(item, root: str, section: str) -> Doc:
    return Doc(
        save_as=item.save_as,
        url=root + item.url,
        lang=getattr(item, "lang", "") or "",
        lastmod=_lastmod(item),
        group=_group(item),
        section=section,
    )


def _post_section(item) -> str:
    """Posts are listed in the sitemap of the year they were first published: later years leave it alone."""
    return str(item.date.year)


def _pairs(taxonomy):
    return list(taxonomy.items()) if hasattr(taxonomy, "items") else list(taxonomy)


def _find(generators, *attributes):
    return next((g for g in generators if all(hasattr(g, a) for a in attributes)), None)


def _learn(generators) -> None:
    """After every generator has read its content: which documents are public, which withheld."""
    settings = generators[0].settings
    ctx = context.get(settings)
    root = site_url(settings) + "/"
    docs: list[Doc] = []
    is_public = _public(ctx)
    hidden = {c.save_as for c in ctx.withheld_content if getattr(c, "save_as", "")}
    for generator, lists, section in (
        (_find(generators, "articles", "drafts"), ("articles", "translations"), _post_section),
        (_find(generators, "pages", "hidden_pages"), ("pages", "translations"), lambda item: PAGES),
    ):
        if generator is None:
            continue
        for name in (
            "drafts",
            "drafts_translations",
            "hidden_articles",
            "hidden_translations",
            "hidden_pages",
            "draft_pages",
            "draft_translations",
        ):
            hidden |= {c.save_as for c in getattr(generator, name, []) or []}
        for item in (c for name in lists for c in getattr(generator, name, [])):
            if is_public(item):
                docs.append(_doc(item, root, section(item)))
            else:
                hidden.add(item.save_as)
    docs += _taxonomy_docs(_find(generators, "articles", "drafts"), is_public, root, hidden)
    docs += _yearly_docs(_find(generators, "articles", "drafts"), root)
    static = _find(generators, "staticfiles")
    own_robots = any(s.save_as == "robots.txt" for s in getattr(static, "staticfiles", []) or [])
    ctx.sitemap = Learned(docs, {w for w in hidden if w}, own_robots)


def _taxonomy_docs(generator, is_public, root: str, hidden: set[str]) -> list[Doc]:
    """Category, tag and author pages, dated by their newest public post; those with none are withheld."""
    if generator is None:
        return []
    docs = []
    public_dates = [_lastmod(a) for a in generator.articles if is_public(a)]
    index = generator.settings.get("INDEX_SAVE_AS") or "index.html"
    docs.append(
        Doc(
            save_as=index,
            url=root + ("" if index == "index.html" else index),
            lastmod=max(public_dates, default=None),
            section=LISTINGS,
        )
    )
    for taxonomy in (generator.categories, generator.tags, generator.authors):
        for taxon, articles in _pairs(taxonomy):
            dates = [_lastmod(a) for a in articles if is_public(a)]
            if not dates:
                hidden.add(taxon.save_as)
            else:
                docs.append(Doc(save_as=taxon.save_as, url=root + taxon.url, lastmod=max(dates), section=LISTINGS))
    return docs


def _yearly_docs(generator, root: str) -> list[Doc]:
    """Older listing parts and each year's archives, filed under a year, so a new post leaves their sitemap alone.

    A part goes under the year of its newest post: its posts never change, so neither does its year.
    """
    if generator is None:
        return []
    docs = [
        Doc(
            save_as=part.save_as,
            url=root + pretty(part.save_as),
            lastmod=max(_lastmod(p) for p in part.posts),
            section=str(part.posts[0].date.year),
        )
        for part in site_glue.parts(generator.context, generator.settings)
    ]
    for year in (generator.context.get("period_archives") or {}).get("year", []):
        save_as = year["save_as"]
        docs.append(
            Doc(
                save_as=save_as,
                url=root + (year["url"] or pretty(save_as)),
                lastmod=max(_lastmod(d) for d in year["dates"]),
                section=str(year["period_num"][0]),
            )
        )
    return docs


def _html_files(output: str) -> list[str]:
    found = []
    for folder, dirs, files in os.walk(output):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = os.path.relpath(folder, output)
        found += [(f if rel == "." else f"{rel}/{f}").replace(os.sep, "/") for f in files if f.endswith(".html")]
    return sorted(found)


def _write(pelican) -> None:
    settings: dict[str, Any] = pelican.settings
    ctx = context.get(settings)
    learned = ctx.sitemap or Learned()
    root = site_url(settings) + "/"
    output = pelican.output_path
    urls = plan(_html_files(output), learned.docs, learned.withheld, root)
    index = []
    for section, members in sections(urls).items():
        name = SITEMAP_FILE.format(section=section)
        write_atomic(os.path.join(output, name), sitemap_xml(members))
        index.append((root + name, max((u.lastmod for u in members if u.lastmod), default=None)))
    write_atomic(os.path.join(output, "sitemap.xml"), sitemap_index(index))
    if not learned.own_robots:  # a robots.txt of the author's own (a static file) wins
        write_atomic(os.path.join(output, "robots.txt"), robots_txt(root + "sitemap.xml", preview=ctx.preview))
    ctx.sitemap_urls = [u.loc for u in urls]


def register() -> None:
    # all_generators_finalized: every article and page is read and the embargo has run; nothing is written yet.
    signals.all_generators_finalized.connect(_learn)
    # finalized: every page is written, so the sitemap lists exactly the files that exist.
    signals.finalized.connect(_write)
