"""Podium's themes, shipped inside the package so a site made by ``podium init`` can use them."""

from pathlib import Path

#: the default theme's folder, for THEME in a site's pelicanconf.py
PODIUM = str(Path(__file__).resolve().parent / "podium")
