"""Put each article's "Discuss on ..." links (from the publish ledger) on the article for the theme.

``article_generator_finalized`` runs after the embargo removed withheld posts
and before any page is written, so only published articles get links, and
the theme's partials/discuss.html finds ``article.podium_syndication``
(a list of (label, url)) when it renders, marked up as ``u-syndication``.
"""

from __future__ import annotations

import os

from pelican import signals

from .. import bounded, context
from ..errors import PodiumError
from .records import links_for, parse


def ledger_path(settings, ctx) -> str:
    project = ctx.root or os.path.dirname(os.path.abspath(settings["PATH"]))
    return os.path.join(project, ctx.config.publish_ledger)


def _read(settings, ctx):
    path = ledger_path(settings, ctx)
    shown = ctx.display_path(path)
    try:
        return parse(bounded.read_text(path, shown, bounded.LEDGER), shown)
    except FileNotFoundError:
        return []  # nothing shared yet
    except PodiumError as err:
        ctx.report.error(err)  # Pelican swallows exceptions raised here: report instead
        return []


def _attach_links(generator) -> None:
    ctx = context.get(generator.settings)
    shares = _read(generator.settings, ctx)
    for article in list(generator.articles) + list(generator.translations):
        article.podium_syndication = links_for(shares, article.slug, article.url) if shares else []


def register() -> None:
    # article_generator_finalized: after the embargo, before templates render (see module docstring).
    signals.article_generator_finalized.connect(_attach_links)
