"""The site's absolute address, for the outputs that must carry one (feeds, teasers, the schedule).

A local build often has no SITEURL; those outputs then point at ``podium
serve``'s address, the one place it is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: Where ``podium serve`` shows the site: the address used when SITEURL is empty.
LOCAL_SITEURL = "http://127.0.0.1:8000"


def site_root(settings: Mapping[str, Any]) -> str:
    """SITEURL without its trailing slash, or the local preview's address."""
    return (settings.get("SITEURL") or LOCAL_SITEURL).rstrip("/")
