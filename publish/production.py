"""The production address for a build that is not a production build: publishconf.py's SITEURL.

Teasers must be counted as they will go out, so a local build reads
publishconf.py's settings (the file is run, as a production build would run
it; nothing is built) to learn the address the networks will see.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from podium.plugins.errors import PodiumError
from podium.plugins.siteurl import Address, public_root, teaser_address


def production_address(project: Path, prod: bool, settings: Mapping[str, Any]) -> tuple[Address, PodiumError | None]:
    """The address teasers use in this build, and the error publishconf.py raised when it could not be read."""
    if prod:
        root = public_root(settings.get("SITEURL"))
        return teaser_address(settings, root, "no_siteurl"), None
    if not (project / "publishconf.py").exists():
        return teaser_address(settings, None, "missing"), None
    from .build import read_settings

    try:
        production, _ = read_settings(project, True)
    except PodiumError as exc:
        return teaser_address(settings, None, "broken"), exc
    return teaser_address(settings, public_root(production.get("SITEURL")), "no_siteurl"), None
