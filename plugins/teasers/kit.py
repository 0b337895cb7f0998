"""The social kit page of one post, as values for its template, and the data its counters need.

The page counts in the browser with the same rules as podium (kit.js reads
``counting_data()``: weights, limits, top-level domains), so a person editing
a teaser sees exactly what the network will count.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .. import networks as registry
from ..i18n import DEFAULT, N_, catalogue, language_of
from ..languages import LANGUAGES, display_name
from . import networks
from .counting import V3
from .model import Teaser
from .urls import top_level_domains

#: the page's words, in English; labels() gives them in the site's language from the catalogue
LABELS = {
    "kit": N_("Social kit"),
    "private": N_(
        "Private page for the comms team: no page of the site links to it and search engines do not index it."
    ),
    "post": N_("Read the post"),
    "variant": N_("Variant"),
    "copy_label": N_("Copy"),
    "copied": N_("Copied to the clipboard"),
    "copy_failed": N_("Could not copy: select the text instead"),
    "over": N_("over by"),
    "part": N_("Thread post"),
    "by_author": N_("author’s text"),
    "hook": N_("First line"),
    "hook_help": N_("what LinkedIn shows before “…see more”"),
    "text_of": N_("Text"),
    "picture": N_("Picture"),
    "alt": N_("Alt text"),
    "pin_title": N_("Pin title"),
    "pin_link": N_("Pin link"),
    "units": {"weighted": N_("weighted"), "characters": N_("characters"), "graphemes": N_("characters (graphemes)")},
    "variants": {
        "hook": N_("summary"),
        "quote": N_("quote"),
        "figure": N_("key figure"),
        "question": N_("question"),
        "title": N_("title"),
        "short": N_("title and link"),
        "thread": N_("numbered thread"),
    },
    "address": {
        "same": N_("Teasers use the production address {url}."),
        "preview": N_("Teasers use the production address {url}; links in this preview point to {local}."),
        "unknown": N_(
            "No production address is known ({why}): teasers use this build’s address, {url}, and may "
            "count differently from what goes out. Set SITEURL in publishconf.py."
        ),
        "missing": N_("there is no publishconf.py"),
        "no_siteurl": N_("publishconf.py sets no public SITEURL"),
        "broken": N_("publishconf.py fails when read; see the build's warnings"),
        "": N_("a plain pelican run cannot tell"),
    },
}


def _words(lang: str, words):
    """Each word of ``words`` in ``lang``, unformatted: address_note fills the {url} placeholders itself."""
    if isinstance(words, dict):
        return {k: _words(lang, v) for k, v in words.items()}
    return catalogue(language_of(lang) or DEFAULT).get(words, words)


@dataclass
class NetworkBlock:
    key: str
    name: str
    limit: int
    unit: str
    teasers: list[Teaser] = field(default_factory=list)
    picture: dict | None = None  # the image networks' picture: url, width, height, alt (cards/network_glue.py)
    pin: dict | None = None  # Pinterest's title and link, fields of their own


@dataclass
class Version:
    lang: str
    title: str
    url: str
    networks: list[NetworkBlock] = field(default_factory=list)


def labels(lang: str) -> dict:
    """The page's words in ``lang`` (English for any other), with each language's name in it."""
    words = "fr" if (lang or "").startswith("fr") else "en"
    return {**_words(words, LABELS), "lang_names": {code: display_name(code, words) for code in LANGUAGES}}


@dataclass(frozen=True)
class AddressNote:
    text: str
    known: bool  # False: a warning, the counts may differ from what goes out


def address_note(address, local: str, words: dict) -> AddressNote:
    """What the kit page says of the address its teasers use (a siteurl.Address; ``local``: where its links go)."""
    said = words["address"]
    if address.production:
        local = local.rstrip("/")
        key = "same" if local == address.root else "preview"
        return AddressNote(said[key].format(url=address.root, local=local), True)
    return AddressNote(said["unknown"].format(url=address.root, why=said.get(address.why, said[""])), False)


def versions(
    teasers: list[Teaser], order: tuple[str, ...], settings=None, first_lang: str = "", link=None, pictures=None
) -> list[Version]:
    """The teasers of one slug grouped by language (the site's language first), then network.

    ``link`` maps a teaser's URL to the one the page links to (the preview's own pages);
    ``pictures``: (slug, lang) -> network -> picture, for the image networks' blocks.
    """
    out: dict[str, Version] = {}
    for teaser in teasers:
        url = teaser.url.split("?")[0]
        version = out.setdefault(teaser.lang, Version(teaser.lang, teaser.title, link(url) if link else url))
        block = next((b for b in version.networks if b.key == teaser.network), None)
        if block is None:
            net = networks.network(teaser.network)
            block = NetworkBlock(
                net.key,
                net.name,
                networks.limit_of(net.key, settings),
                net.unit,
                picture=((pictures or {}).get((teaser.slug, teaser.lang)) or {}).get(net.key),
                pin=networks.pin_fields(teaser.title, teaser.url) if net.key == "pinterest" else None,
            )
            version.networks.append(block)
        block.teasers.append(teaser)
    for version in out.values():
        version.networks.sort(key=lambda b: order.index(b.key) if b.key in order else len(order))
    return sorted(out.values(), key=lambda v: (v.lang != first_lang, v.lang))


def counting_data(settings=None) -> dict:
    """Everything kit.js needs to count like podium: one file per build, shared by every kit page."""
    return {
        "x": {
            "maxLength": V3.max_length,
            "defaultWeight": V3.default_weight,
            "linkLength": V3.link_length,
            "ranges": [list(r) for r in V3.ranges],
        },
        "limits": {key: networks.limit_of(key, settings) for key in networks.NETWORKS},
        "units": {key: net.unit for key, net in networks.NETWORKS.items()},
        "counters": {key: net.counter for key, net in registry.NETWORKS.items()},
        "maxBytes": {key: net.max_bytes for key, net in registry.NETWORKS.items() if net.max_bytes},
        "linkedinHook": networks.LINKEDIN_HOOK,
        "mastodonLink": networks.MASTODON_LINK,
        "tlds": sorted(top_level_domains()),
    }


def counting_script(settings=None) -> str:
    """kit-data.js: the counting data as a script, so the page also works opened from disk."""
    data = json.dumps(counting_data(settings), ensure_ascii=False, separators=(",", ":"))
    return f"window.PODIUM_COUNTING = {data};\n"
