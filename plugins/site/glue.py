"""Connects the site helpers to Pelican: Jinja filters, Markdown extras, series, navigation, 404.

Every Pelican object is adapted here; the modules beside it only see values.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from jinja2 import pass_context
from pelican import signals
from pelican.generators import Generator
from pelican.utils import slugify

from .. import context, typography
from ..errors import BadInput
from ..i18n import _
from . import dates, head, listings, reading, series, social, strings

SERIES_SAVE_AS = "series/{slug}.html"
NOT_FOUND_SAVE_AS = "404.html"
MARKUP = "podium.plugins.site.markup"
#: Where the archives of one year go when the settings name no place (archives.html links to them).
YEAR_ARCHIVE = "archives/{date:%Y}.html"


# --- Jinja: filters and globals -------------------------------------------------


@pass_context
def podium_head(jinja, kind: str, obj: Any = None, title: str | None = None, lang: str | None = None):
    """The <head> data of the page being rendered: templates call it once, in base.html's children."""
    site: head.Site = jinja["podium_site"]
    output_file = jinja.get("output_file", "")
    if kind == "article":
        return head.article(site, obj, getattr(obj, "podium_word_count", None))
    if kind == "page":
        return head.page(site, obj)
    if kind == "home":
        return head.home(site, output_file)
    return head.listing(site, title or site.name, output_file, lang, indexable=kind != "404")


FILTERS = {
    "longdate": dates.long_date,
    "monthyear": dates.month_year,
    "daymonth": dates.day_month,
    "collate": strings.collate,
    "isodate": dates.iso,
    "typo": typography.typeset,
    "excerpt": reading.excerpt,
}

GLOBALS = {
    "ui": strings.ui,
    "count_posts": strings.count,
    "native_name": strings.native_name,
    "podium_head": podium_head,
}


def _configure(pelican) -> None:
    """Add filters, globals and the Markdown extras before any generator or reader exists.

    Settings dicts are replaced, never changed in place: a vanilla Pelican run
    in the same process (the benchmark) must not inherit podium's additions.
    """
    settings = pelican.settings
    settings["JINJA_FILTERS"] = {**FILTERS, **settings.get("JINJA_FILTERS", {})}
    ctx = context.get(settings)
    size = ctx.config.listing_size
    ours = {
        **GLOBALS,
        # withheld_reason(item): why a post or page is not public (preview builds show it in a banner), or None
        "withheld_reason": ctx.reason,
        # podium_listing(articles, output_file): the head page's posts and the older parts (listings.py)
        "podium_listing": lambda posts, head: listings.listing(posts, size, head),
    }
    settings["JINJA_GLOBALS"] = {**ours, **settings.get("JINJA_GLOBALS", {})}
    env = dict(settings.get("JINJA_ENVIRONMENT", {}))
    # the theme relies on escaping: a title with '<' or '&' must not become markup
    env.setdefault("autoescape", True)
    settings["JINJA_ENVIRONMENT"] = env
    markdown = dict(settings.get("MARKDOWN", {}))
    configs = dict(markdown.get("extension_configs", {}))
    configs.setdefault(MARKUP, {"lang": settings.get("DEFAULT_LANG", "en")})
    markdown["extension_configs"] = configs
    markdown["extensions"] = list(markdown.get("extensions", []))
    settings["MARKDOWN"] = markdown
    _take_over_pagination(settings, ctx)


def _take_over_pagination(settings, ctx) -> None:
    """Pelican numbers pages from the newest, so a new post changes them all: podium cuts listings itself.

    The archives get one page per year for the same reason: only this year's changes.
    """
    templates = dict(settings.get("PAGINATED_TEMPLATES") or {})
    settings["PAGINATED_TEMPLATES"] = {k: v for k, v in templates.items() if k not in listings.LISTED}
    value = settings.get("DEFAULT_PAGINATION")
    if value:
        ctx.report.warn(
            BadInput(
                _(
                    "DEFAULT_PAGINATION: podium cuts the home, tag, category and author pages itself, so that a new "
                    "post leaves the older pages as they were; {value!r} was ignored; set PODIUM_LISTING_SIZE = "
                    "{value!r} and remove DEFAULT_PAGINATION",
                    value=value,
                ),
                **ctx.setting_at("DEFAULT_PAGINATION"),
            )
        )
    if not settings.get("YEAR_ARCHIVE_SAVE_AS"):
        settings["YEAR_ARCHIVE_SAVE_AS"] = settings["YEAR_ARCHIVE_URL"] = YEAR_ARCHIVE


# --- site-wide facts --------------------------------------------------------------


def _photo(settings, ctx) -> head.Photo | None:
    path = ctx.config.leader_photo
    if not path:
        return None
    source = os.path.join(settings["PATH"], path)
    try:
        from PIL import Image

        with Image.open(source) as image:
            width, height = image.size
    except OSError:
        # worded as the cards capability words it, so the report shows the problem once
        ctx.report.error(
            BadInput(
                _(
                    "PODIUM_LEADER_PHOTO: '{path}' not found under content/; "
                    "fix the path or set PODIUM_LEADER_PHOTO = None",
                    path=path,
                ),
                **ctx.setting_at("PODIUM_LEADER_PHOTO"),
            )
        )
        return None
    return head.Photo(path.replace(os.sep, "/").lstrip("/"), width, height)


def site_of(settings) -> head.Site:
    ctx = context.get(settings)
    cfg = ctx.config
    return head.Site(
        name=settings.get("SITENAME", ""),
        url=settings.get("SITEURL", "") or "",
        lang=settings.get("DEFAULT_LANG", "en"),
        subtitle=settings.get("SITESUBTITLE", "") or "",
        leader_name=cfg.leader_name or settings.get("AUTHOR", ""),
        leader_role=cfg.leader_role,
        leader_bio=cfg.leader_bio,
        photo=_photo(settings, ctx),
        profiles=tuple(social.profiles(cfg.social_profiles)),
        x_handle=social.x_handle(cfg.social_profiles),
    )


def _site_context(generator) -> None:
    if "podium_site" not in generator.context:
        generator.context["podium_site"] = site_of(generator.settings)


# --- articles: reading time, neighbours, series --------------------------------------


def _member(article, ctx) -> series.Member | None:
    name = article.metadata.get("series")
    if not name:
        return None
    try:
        index = series.parse_index(article.metadata.get("series_index"))
    except series.BadIndex as exc:
        lines = getattr(article, "podium_lines", None) or article.metadata.get("podium_lines") or {}
        ctx.report.error(
            BadInput(
                _("{exc}; write e.g. 'series_index: 2'", exc=exc),
                path=ctx.display_path(article.source_path),
                line=lines.get("series_index"),
            )
        )
        index = None
    return series.Member(article, str(name), index, article.date, article.lang)


def reading_time(article) -> None:
    """The post's word count and reading time; ``podium serve`` redoes it alone for a post saved (publish/warm.py)."""
    # _content: the HTML before Pelican resolves {static} links, enough to count words
    article.podium_word_count = reading.count_words(article._content)
    article.podium_reading_minutes = reading.minutes_for(article.podium_word_count, article.lang)


def _enrich_articles(generator) -> None:
    ctx = context.get(generator.settings)
    listed = generator.articles + generator.translations
    everything = listed + generator.drafts + generator.drafts_translations + generator.hidden_articles
    for article in everything:
        reading_time(article)
    for article, (older, newer) in _pairs(listed):
        article.podium_previous, article.podium_next = older, newer
    members = [m for m in (_member(a, ctx) for a in listed + generator.drafts + generator.drafts_translations) if m]
    subs = generator.settings.get("SLUG_REGEX_SUBSTITUTIONS", [])
    found = series.collect(members, lambda title: slugify(title, regex_subs=subs))
    for one in found:
        places = series.positions(one)
        for member in one.members:
            member.ref.podium_series = places[id(member.ref)]
    generator.context["podium_series"] = found


def _pairs(listed):
    neighbours = series.chronological_neighbours(listed, date=lambda a: a.date, lang=lambda a: a.lang)
    return [(a, neighbours[id(a)]) for a in listed]


# --- pages Pelican does not write: one per series, and the 404 -----------------------------


def listed(shared: dict, settings) -> Iterator[tuple[str, str | None, Any, list, str]]:
    """(template, keyword, taxon, posts, head page) for every listing Pelican writes, from the shared context.

    The sitemap reads it too, to file each older part under the year of its newest post.
    """
    if "index" in settings.get("DIRECT_TEMPLATES", ["index"]):
        index = settings.get("INDEX_SAVE_AS") or "index.html"
        yield "index", None, None, list(shared.get("articles", [])), index
    for template, key in (("tag", "tags"), ("category", "categories"), ("author", "authors")):
        for taxon, posts in shared.get(key, []) or []:
            if taxon.save_as:
                yield template, template, taxon, list(posts), taxon.save_as


def parts(shared: dict, settings) -> Iterator[listings.Part]:
    """Every older part of every listing of the build."""
    size = context.get(settings).config.listing_size
    for _template, _keyword, _taxon, posts, head_page in listed(shared, settings):
        yield from listings.listing(posts, size, head_page).parts


class SitePages(Generator):
    """Writes series/<slug>.html for every series, 404.html and the older parts of each listing."""

    def generate_context(self) -> None:
        self.context.setdefault("podium_series", [])

    def generate_output(self, writer) -> None:
        relative = self.settings.get("RELATIVE_URLS", False)
        site: head.Site = self.context["podium_site"]
        for one in self.context.get("podium_series", []):
            lang = site.lang if site.lang in one.languages else one.languages[0]
            writer.write_file(
                SERIES_SAVE_AS.format(slug=one.slug),
                self.get_template("series"),
                self.context,
                relative_urls=relative,
                series=one,
                series_lang=lang,
                series_parts=[m.ref for m in one.in_language(lang)],
                series_others=[m.ref for m in one.members if m.lang != lang],
                page_name=f"series/{one.slug}",
            )
        if "404" not in self.settings.get("DIRECT_TEMPLATES", []):
            # absolute links: a server shows this page for missing URLs at any depth
            latest = list(self.context.get("articles", []))[:5]
            writer.write_file(
                NOT_FOUND_SAVE_AS,
                self.get_template("404"),
                self.context,
                relative_urls=False,
                page_name="404",
                latest_articles=latest,
            )
        self._write_parts(writer, relative)

    def _write_parts(self, writer, relative: bool) -> None:
        size = context.get(self.settings).config.listing_size
        for template, keyword, taxon, posts, head_page in listed(self.context, self.settings):
            taxa = {keyword: taxon} if keyword else {}
            for part in listings.listing(posts, size, head_page).parts:
                writer.write_file(
                    part.save_as,
                    self.get_template(template),
                    self.context,
                    relative_urls=relative,
                    # its own posts only: the render memo keys a page on what it is given, and a part
                    # given every post would be rendered again with each new one (its bytes the same)
                    articles=list(part.posts),
                    podium_part=part,
                    page_name=part.save_as[: -len(".html")],
                    **taxa,
                )


def _generators(pelican):
    return SitePages


def register() -> None:
    # initialized: settings exist but no generator or Markdown reader has been built yet.
    signals.initialized.connect(_configure)
    # generator_init: the shared template context exists; add the site-wide facts once.
    signals.generator_init.connect(_site_context)
    # article_generator_finalized: the embargo has run, so only publishable posts are linked.
    signals.article_generator_finalized.connect(_enrich_articles)
    # get_generators: the series pages and the 404 are pages Pelican has no generator for.
    signals.get_generators.connect(_generators)
