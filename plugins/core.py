"""Glue shared by every capability: the build context and podium's Markdown reader."""

from __future__ import annotations

from pelican import signals

from . import context
from .reader import PodiumMarkdownReader


def _init_context(pelican) -> None:
    context.get(pelican.settings)


def _add_reader(readers) -> None:
    for ext in PodiumMarkdownReader.file_extensions:
        readers.reader_classes[ext] = PodiumMarkdownReader


def _remember_articles(generator) -> None:
    context.get(generator.settings).shared["articles"] = list(generator.articles) + list(generator.translations)


def _remember_pages(generator) -> None:
    context.get(generator.settings).shared["pages"] = generator.pages  # the same list: page embargo trims it in place


def register() -> None:
    # initialized: the first moment settings exist; validate them once, before any work.
    signals.initialized.connect(_init_context)
    # readers_init: replace Pelican's Markdown reader for every Markdown extension.
    signals.readers_init.connect(_add_reader)
    # finalized generators: the publishable posts, for counts and for steps after the build.
    signals.article_generator_finalized.connect(_remember_articles)
    signals.page_generator_finalized.connect(_remember_pages)
