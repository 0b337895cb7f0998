"""The few words podium adds around an author's own sentences, in French and English.

Kept short and plain, in the first person of a leader's blog, with several
wordings per purpose: the choice depends on the post and the network, so two
posts (or the same post on two networks) do not open or close the same way.
No "New post:" announcements: the author's sentences carry the teaser.
"""

from __future__ import annotations

import zlib

NBSP = "\u00a0"

CLOSINGS = {
    "fr": {
        "hook": (
            "Le texte complet" + NBSP + ":",
            "Je détaille tout ici" + NBSP + ":",
            "La suite sur le blog" + NBSP + ":",
            "À lire en entier" + NBSP + ":",
            "Le détail est ici" + NBSP + ":",
        ),
        "quote": (
            "Pourquoi je le dis" + NBSP + ":",
            "L’argument complet" + NBSP + ":",
            "Je m’en explique ici" + NBSP + ":",
        ),
        "figure": (
            "Ce que cela change" + NBSP + ":",
            "Le détail des chiffres" + NBSP + ":",
            "Pourquoi c’est important" + NBSP + ":",
            "Comment nous y sommes arrivés" + NBSP + ":",
        ),
        "voice": (
            "Ce que j’en retiens" + NBSP + ":",
            "Ce que cela m’a appris" + NBSP + ":",
            "Pourquoi cette phrase compte" + NBSP + ":",
        ),
        "question": ("Ma réponse" + NBSP + ":", "Mon point de vue" + NBSP + ":", "J’y réponds ici" + NBSP + ":"),
        "title": ("À lire" + NBSP + ":", "C’est ici" + NBSP + ":"),
        "thread": ("Le texte complet" + NBSP + ":", "Tout est ici" + NBSP + ":"),
    },
    "en": {
        "hook": (
            "Read the whole piece:",
            "I go into the details here:",
            "More on the blog:",
            "The full text:",
            "Here is the longer version:",
        ),
        "quote": ("Why I say this:", "The full argument:", "I explain why here:"),
        "figure": ("What it means:", "The numbers in detail:", "Why it matters:", "How we got there:"),
        "voice": ("What I took from it:", "What it taught me:", "Why these words matter:"),
        "question": ("My answer:", "Here is how I see it:", "What I think:"),
        "title": ("Read it here:", "On the blog:"),
        "thread": ("The full text:", "All of it here:"),
    },
}


#: Instagram shows links as plain text: the teaser says where the post is, and that the profile links to it
WHERE = {"fr": "{site} (lien dans la bio)", "en": "{site} (link in bio)"}


def where_to_find(lang: str, site: str) -> str:
    return WHERE[language(lang)].format(site=site)


def language(lang: str) -> str:
    return "fr" if (lang or "").lower().startswith("fr") else "en"


def pick(options: tuple[str, ...], *keys: str) -> str:
    """A wording chosen by the post and network: stable from build to build, varied across posts."""
    return options[zlib.crc32("\x1f".join(keys).encode("utf-8")) % len(options)]


def closing(lang: str, purpose: str, *keys: str) -> str:
    return pick(CLOSINGS[language(lang)][purpose], purpose, *keys)
