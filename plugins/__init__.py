"""Podium's Pelican plugins: ``PLUGINS = ["podium.plugins"]`` enables them all."""

from __future__ import annotations

import importlib

#: Each capability's glue module; its register() connects it to Pelican's signals. Any order
#: works: a capability reads what another made at a later signal (tests/plugins/test_plugin_order.py).
CAPABILITIES = (
    "podium.plugins.core",
    "podium.plugins.embargo.glue",
    "podium.plugins.site.glue",
    "podium.plugins.images.glue",
    "podium.plugins.cards.glue",
    "podium.plugins.feeds.glue",
    "podium.plugins.sitemap.glue",
    "podium.plugins.teasers.glue",
    "podium.plugins.calendar.glue",
    "podium.plugins.syndication.glue",
    "podium.plugins.conversations.glue",
    "podium.plugins.comms.glue",
)


def register() -> None:
    from .pelican_speed import install

    install()
    for name in CAPABILITIES:
        importlib.import_module(name).register()
    from pelican import signals

    from .core import fail_on_errors

    # finalized, connected after every capability: all of them have reported by the time it runs.
    signals.finalized.connect(fail_on_errors)
