"""The social kit page of one post, as values for its template, and the data its counters need.

The page counts in the browser with the same rules as podium (kit.js reads
``counting_data()``: weights, limits, top-level domains), so a person editing
a teaser sees exactly what the network will count.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .. import networks as registry
from ..languages import LANGUAGES, display_name
from . import networks
from .counting import V3
from .model import Teaser
from .urls import top_level_domains

LABELS = {
    "fr": {
        "kit": "Kit social", "private": "Page privée pour l’équipe communication : elle n’est liée depuis aucune page du site "
        "et les moteurs de recherche ne l’indexent pas.", "post": "Lire l’article", "variant": "Variante",
        "copy_label": "Copier", "copied": "Copié dans le presse-papiers", "copy_failed": "Copie impossible : sélectionnez le texte",
        "over": "trop long de", "part": "Message", "by_author": "texte de l’auteur", "hook": "Première ligne",
        "hook_help": "ce que LinkedIn montre avant « …voir plus »", "text_of": "Texte",
        "units": {"weighted": "pondérés", "characters": "caractères", "graphemes": "caractères (graphèmes)"},
        "address": {
            "same": "Les accroches utilisent l’adresse de production {url}.",
            "preview": "Les accroches utilisent l’adresse de production {url} ; les liens de cet aperçu mènent à {local}.",
            "unknown": "Aucune adresse de production n’est connue ({why}) : les accroches utilisent l’adresse de cette "
                       "version, {url}, et peuvent être comptées autrement qu’en ligne. Indiquez SITEURL dans publishconf.py.",
            "missing": "il n’y a pas de publishconf.py", "no_siteurl": "publishconf.py n’indique pas de SITEURL public",
            "broken": "publishconf.py échoue à la lecture, voir les avertissements de la génération",
            "": "une génération par pelican seul ne la connaît pas",
        },
        "variants": {"hook": "résumé", "quote": "citation", "figure": "chiffre clé", "question": "question",
                     "title": "titre", "short": "titre et lien", "thread": "fil numéroté"},
    },
    "en": {
        "kit": "Social kit", "private": "Private page for the comms team: no page of the site links to it and search "
        "engines do not index it.", "post": "Read the post", "variant": "Variant",
        "copy_label": "Copy", "copied": "Copied to the clipboard", "copy_failed": "Could not copy: select the text instead",
        "over": "over by", "part": "Post", "by_author": "author’s text", "hook": "First line",
        "hook_help": "what LinkedIn shows before “…see more”", "text_of": "Text",
        "units": {"weighted": "weighted", "characters": "characters", "graphemes": "characters (graphemes)"},
        "address": {
            "same": "Teasers use the production address {url}.",
            "preview": "Teasers use the production address {url}; links in this preview point to {local}.",
            "unknown": "No production address is known ({why}): teasers use this build’s address, {url}, and may "
                       "count differently from what goes out. Set SITEURL in publishconf.py.",
            "missing": "there is no publishconf.py", "no_siteurl": "publishconf.py sets no public SITEURL",
            "broken": "publishconf.py fails when read; see the build's warnings",
            "": "a plain pelican run cannot tell",
        },
        "variants": {"hook": "summary", "quote": "quote", "figure": "key figure", "question": "question",
                     "title": "title", "short": "title and link", "thread": "numbered thread"},
    },
}


@dataclass
class NetworkBlock:
    key: str
    name: str
    limit: int
    unit: str
    teasers: list[Teaser] = field(default_factory=list)


@dataclass
class Version:
    lang: str
    title: str
    url: str
    networks: list[NetworkBlock] = field(default_factory=list)


def labels(lang: str) -> dict:
    """The page's words in ``lang`` (English for any other), with each language's name in it."""
    words = "fr" if (lang or "").startswith("fr") else "en"
    return {**LABELS[words], "lang_names": {code: display_name(code, words) for code in LANGUAGES}}


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


def versions(teasers: list[Teaser], order: tuple[str, ...], settings=None, first_lang: str = "",
             link=None) -> list[Version]:
    """The teasers of one slug grouped by language (the site's language first), then network.

    ``link`` maps a teaser's URL to the one the page links to (the preview's own pages).
    """
    out: dict[str, Version] = {}
    for teaser in teasers:
        url = teaser.url.split("?")[0]
        version = out.setdefault(teaser.lang, Version(teaser.lang, teaser.title, link(url) if link else url))
        block = next((b for b in version.networks if b.key == teaser.network), None)
        if block is None:
            net = networks.network(teaser.network)
            block = NetworkBlock(net.key, net.name, networks.limit_of(net.key, settings), net.unit)
            version.networks.append(block)
        block.teasers.append(teaser)
    for version in out.values():
        version.networks.sort(key=lambda b: order.index(b.key) if b.key in order else len(order))
    return sorted(out.values(), key=lambda v: (v.lang != first_lang, v.lang))


def counting_data(settings=None) -> dict:
    """Everything kit.js needs to count like podium: one file per build, shared by every kit page."""
    return {
        "x": {"maxLength": V3.max_length, "defaultWeight": V3.default_weight, "linkLength": V3.link_length,
              "ranges": [list(r) for r in V3.ranges]},
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
