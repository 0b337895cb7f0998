"""Podium's Pelican plugins: ``PLUGINS = ["podium.plugins"]`` enables them all."""

from __future__ import annotations

import importlib

#: Each capability's glue module; its register() connects it to Pelican's signals.
CAPABILITIES = (
    "podium.plugins.core",
    "podium.plugins.embargo.glue",
    "podium.plugins.site.glue",  # the theme's filters, Markdown extras, series pages and 404
    "podium.plugins.images.glue",  # after the embargo: only publishable posts get their images processed
    "podium.plugins.cards.glue",  # before feeds: podium_card is set at article_generator_finalized
    "podium.plugins.feeds.glue",  # after cards: feeds read podium_card at 'finalized'
    "podium.plugins.sitemap.glue",
    "podium.plugins.teasers.glue",  # after the embargo: publishable posts only; before the calendar, which reads them
    "podium.plugins.calendar.glue",  # after teasers: the schedule reads ctx.teasers_by_slug at 'finalized'
    "podium.plugins.syndication.glue",  # "Discuss on ..." links from the publish ledger
)


def register() -> None:
    for name in CAPABILITIES:
        importlib.import_module(name).register()
    from pelican import signals

    from .core import fail_on_errors

    # finalized, connected after every capability: all of them have reported by the time it runs.
    signals.finalized.connect(fail_on_errors)
