"""Podium's Pelican plugins: ``PLUGINS = ["podium.plugins"]`` enables them all."""

from __future__ import annotations

import importlib

#: Each capability's glue module; its register() connects it to Pelican's signals.
CAPABILITIES = (
    "podium.plugins.core",
    "podium.plugins.embargo.glue",
    "podium.plugins.feeds.glue",  # after cards: feeds read podium_card at 'finalized'
    "podium.plugins.sitemap.glue",
)


def register() -> None:
    for name in CAPABILITIES:
        importlib.import_module(name).register()
