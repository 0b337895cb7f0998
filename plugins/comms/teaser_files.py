"""Teasers in the comms room: teasers.json and one page per post with every teaser, counter and copy button."""

from __future__ import annotations

import json

from .room import Room
from .templating import prefix, render


def post_page(slug: str) -> str:
    return f"posts/{slug}.html"


def _by_slug(teasers) -> dict[str, list]:
    found: dict[str, list] = {}
    for teaser in teasers:
        found.setdefault(teaser.slug, []).append(teaser)
    return found


def pages(room: Room) -> dict[str, bytes]:
    if not room.config.teasers_enabled:
        return {}
    from podium.plugins.siteurl import local_link, site_root
    from podium.plugins.teasers import kit
    from podium.plugins.teasers.model import document

    payload = document(list(room.teasers))
    files = {"data/teasers.json": json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8")}
    if not room.config.teasers_kit:
        return files
    files["assets/kit-data.js"] = kit.counting_script(room.config).encode("utf-8")
    words = kit.labels(room.lang)
    note = kit.address_note(room.address, site_root(room.settings), words) if room.address else None
    for slug, items in _by_slug(room.teasers).items():
        path = post_page(slug)
        # the teasers keep the production address; the page's own links reach this build's pages
        found = kit.versions(
            items,
            room.config.networks,
            room.config,
            room.lang,
            link=lambda url: local_link(url, room.address, room.settings),
            pictures=room.pictures,
        )
        files[path] = render(
            "kit.html",
            slug=slug,
            lang=room.lang,
            labels=words,
            versions=found,
            address=note,
            SITENAME=room.sitename,
            static=prefix(path) + "assets",
            nav=room.nav,
            root=prefix(path),
        )
    return files
