"""Glue shared by every capability: the build context and podium's Markdown reader."""

from __future__ import annotations

from pelican import signals
from pelican.utils import order_content

from . import context
from .errors import BadInput
from .reader import PodiumMarkdownReader


def _init_context(pelican) -> None:
    context.get(pelican.settings)


def _add_reader(readers) -> None:
    for ext in PodiumMarkdownReader.file_extensions:
        readers.reader_classes[ext] = PodiumMarkdownReader


def _remember_articles(generator) -> None:
    context.get(generator.settings).posts = list(generator.articles) + list(generator.translations)


def _list_translations(generator) -> None:
    """Put translations on their tag, category and author pages too.

    Pelican lists only originals there, so an English translation's tags would
    link to pages that do not exist; on a bilingual blog each language version
    is a post in its own right.
    """
    if not generator.translations:
        return
    order = generator.settings["ARTICLE_ORDER_BY"]
    categories, authors = dict(generator.categories), dict(generator.authors)
    for article in generator.translations:
        if getattr(article, "category", None) is not None:
            categories.setdefault(article.category, []).append(article)
        for tag in getattr(article, "tags", []) or []:
            generator.tags[tag].append(article)
        for author in getattr(article, "authors", []) or []:
            authors.setdefault(author, []).append(article)
    for group in (*categories.values(), *authors.values(), *generator.tags.values()):
        group[:] = order_content(group, order)
    generator.categories = sorted(categories.items(), reverse=generator.settings["REVERSE_CATEGORY_ORDER"])
    generator.authors = sorted(authors.items())
    generator.context["categories"] = generator.categories
    generator.context["authors"] = generator.authors
    generator.context["tags"] = list(generator.tags.items())


def _remember_pages(generator) -> None:
    # the same lists, not copies: the page embargo trims them in place afterwards
    ctx = context.get(generator.settings)
    ctx.pages, ctx.page_translations = generator.pages, generator.translations


def _remember_templates(generators) -> None:
    context.get(generators[0].settings).templates = generators[0].env


def fail_on_errors(pelican) -> None:
    """A plain ``pelican`` run ends like ``podium build``: an error (a warning, with PODIUM_STRICT) fails it.

    Each problem was logged when found (context.log_to_pelican); raising here
    makes Pelican's command line exit non-zero (``exitcode``: 2, bad input).
    ``podium build`` makes its own context and decides itself.
    """
    ctx = context.get(pelican.settings)
    if not ctx.standalone:
        return
    problems = ctx.report.errors + (ctx.report.warnings if ctx.config.strict else [])
    if problems:
        noun = "problem" if len(problems) == 1 else "problems"
        raise BadInput(f"podium found {len(problems)} {noun} (listed above); the build failed")


def register() -> None:
    # initialized: the first moment settings exist; validate them once, before any work.
    signals.initialized.connect(_init_context)
    # readers_init: replace Pelican's Markdown reader for every Markdown extension.
    signals.readers_init.connect(_add_reader)
    # finalized generators: the publishable posts, for counts and for steps after the build.
    signals.article_generator_finalized.connect(_remember_articles)
    signals.article_generator_finalized.connect(_list_translations)
    signals.page_generator_finalized.connect(_remember_pages)
    # all_generators_finalized: the theme's environment, once every generator has made it.
    signals.all_generators_finalized.connect(_remember_templates)
