"""What a page tells other sites: Open Graph and Twitter Card tags, rel="me" profiles.

The tags are returned as (attribute, name, content) triples and rendered by
the theme with autoescaping, never assembled into HTML here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from babel.core import get_global

from ..networks import NETWORKS

#: how sites podium does not share to write their names (the networks' own are in podium.plugins.networks)
OTHER_SITES = {
    "github": "GitHub",
    "youtube": "YouTube",
    "instagram": "Instagram",
}

Tag = tuple[str, str, str]


@dataclass(frozen=True)
class Profile:
    network: str
    label: str
    url: str


def network_name(key: str) -> str:
    known = NETWORKS.get(key.lower())
    return known.name if known else OTHER_SITES.get(key.lower(), key[:1].upper() + key[1:])


def profiles(mapping: Mapping[str, str]) -> list[Profile]:
    """The leader's profiles in the order of the settings, each with its network's own spelling."""
    return [Profile(key, network_name(key), url) for key, url in mapping.items()]


def x_handle(mapping: Mapping[str, str]) -> str | None:
    """'@name' from an x.com or twitter.com profile URL, for twitter:creator."""
    url = mapping.get("x") or mapping.get("twitter")
    if not url:
        return None
    parts = urlsplit(url)
    if parts.hostname not in ("x.com", "www.x.com", "twitter.com", "www.twitter.com"):
        return None
    name = parts.path.strip("/").split("/")[0]
    return f"@{name.lstrip('@')}" if name else None


def og_locale(lang: str) -> str:
    """'fr' -> 'fr_FR', 'en' -> 'en_US': CLDR's likely region, in Open Graph's underscore form."""
    base = lang.replace("-", "_")
    if "_" in base:
        return base
    likely = get_global("likely_subtags").get(base.lower())
    if not likely:
        return base
    parts = likely.split("_")
    return f"{parts[0]}_{parts[-1]}"


def _image_tags(image: Mapping[str, Any] | None) -> list[Tag]:
    if not image or not image.get("url"):
        return []
    tags = [("property", "og:image", str(image["url"]))]
    for key in ("width", "height"):
        if image.get(key):
            tags.append(("property", f"og:image:{key}", str(image[key])))
    if image.get("alt"):
        tags.append(("property", "og:image:alt", str(image["alt"])))
    return tags


def _article_tags(
    published: str | None, modified: str | None, section: str | None, tags: Iterable[str], author_url: str | None
) -> list[Tag]:
    found = []
    if published:
        found.append(("property", "article:published_time", published))
    if modified:
        found.append(("property", "article:modified_time", modified))
    if author_url:
        found.append(("property", "article:author", author_url))
    if section:
        found.append(("property", "article:section", section))
    found += [("property", "article:tag", t) for t in tags]
    return found


def meta_tags(
    *,
    kind: str,
    title: str,
    description: str,
    url: str,
    site_name: str,
    lang: str,
    alternate_langs: Iterable[str] = (),
    image: Mapping[str, Any] | None = None,
    published: str | None = None,
    modified: str | None = None,
    section: str | None = None,
    tags: Iterable[str] = (),
    author_url: str | None = None,
    creator: str | None = None,
    large_image: bool = True,
) -> list[Tag]:
    """Open Graph then Twitter Card tags; ``kind`` is 'article' or 'website'.

    A card image upgrades the Twitter card to summary_large_image; without one
    (or for a square portrait, ``large_image=False``) the small summary card is
    the honest choice.
    """
    found: list[Tag] = [
        ("property", "og:type", kind),
        ("property", "og:title", title),
        ("property", "og:url", url),
        ("property", "og:site_name", site_name),
        ("property", "og:locale", og_locale(lang)),
    ]
    found += [("property", "og:locale:alternate", og_locale(a)) for a in alternate_langs if a != lang]
    if description:
        found.append(("property", "og:description", description))
    found += _image_tags(image)
    if kind == "article":
        found += _article_tags(published, modified, section, tags, author_url)
    has_image = bool(image and image.get("url"))
    found.append(("name", "twitter:card", "summary_large_image" if has_image and large_image else "summary"))
    found.append(("name", "twitter:title", title))
    if description:
        found.append(("name", "twitter:description", description))
    if has_image:
        found.append(("name", "twitter:image", str(image["url"])))
        if image.get("alt"):
            found.append(("name", "twitter:image:alt", str(image["alt"])))
    if creator:
        found.append(("name", "twitter:creator", creator))
    return found
