"""The site's absolute address, for the outputs that must carry one (feeds, teasers, the schedule).

A local build often has no SITEURL; those outputs then point at ``podium
serve``'s address, the one place it is written. Teasers are the exception:
they are counted as the networks count them, and X and Mastodon do not take
``127.0.0.1`` for a link, so they use the production address (publishconf.py's
SITEURL) in every build where it is known (``Address``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

#: Where ``podium serve`` shows the site: the address used when SITEURL is empty.
LOCAL_SITEURL = "http://127.0.0.1:8000"

_LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1", "0.0.0.0")


def site_root(settings: Mapping[str, Any]) -> str:
    """SITEURL without its trailing slash, or the local preview's address."""
    return (settings.get("SITEURL") or LOCAL_SITEURL).rstrip("/")


def public_root(url: Any) -> str | None:
    """``url`` without its trailing slash if it is an address the networks link to (http(s), a real host), else None."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not host or host in _LOCAL_HOSTS or host.startswith("127."):
        return None
    return url.strip().rstrip("/")


@dataclass(frozen=True)
class Address:
    """The address teasers (and the schedule's links) use, and whether it is the production one."""

    root: str  # without trailing slash
    production: bool
    #: when not production, why no production address is known (the social kit page says it):
    #: "missing" (no publishconf.py), "no_siteurl" (it sets no public SITEURL), "broken" (it fails when read),
    #: "" (a plain ``pelican`` run, which cannot tell)
    why: str = ""


def teaser_address(settings: Mapping[str, Any], production: str | None, why: str = "") -> Address:
    """The production address when known, else this build's own address (``why`` says what is missing)."""
    if production:
        return Address(production, True)
    return Address(site_root(settings), False, why)


def local_link(url: str, address: Address | None, settings: Mapping[str, Any]) -> str:
    """A teaser's link as this build's pages reach it: the preview's own address instead of production's."""
    if address is None or not address.production or not url.startswith(address.root + "/"):
        return url
    return site_root(settings) + url[len(address.root) :]
