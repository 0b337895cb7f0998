"""The words the conversation section and the comms pages use, in French and English."""

from __future__ import annotations

from ..networks import NETWORKS

MESSAGES = {
    "fr": {
        "heading": "La conversation",
        "reactions": "Réactions",
        "replies_heading": "Réponses",
        "closed": "La discussion est close : les nouvelles réponses ne sont plus publiées ici.",
        "original": "Voir sur {network}",
        "someone": "Un membre de {network}",
        "replied": "a répondu le",
        "no_avatar": "",
        "count.replies": "{n} réponse|{n} réponses",
        "count.reposts": "{n} partage|{n} partages",
        "count.likes": "{n} j’aime|{n} j’aime",
        "count.quotes": "{n} citation|{n} citations",
    },
    "en": {
        "heading": "The conversation",
        "reactions": "Reactions",
        "replies_heading": "Replies",
        "closed": "Comments are closed: new replies are no longer published here.",
        "original": "View on {network}",
        "someone": "A {network} member",
        "replied": "replied on",
        "no_avatar": "",
        "count.replies": "{n} reply|{n} replies",
        "count.reposts": "{n} repost|{n} reposts",
        "count.likes": "{n} like|{n} likes",
        "count.quotes": "{n} quote|{n} quotes",
    },
}

#: the networks' own names from the registry; webmentions come from "the web" at large
LABELS = {**{key: n.name for key, n in NETWORKS.items()}, "webmention": "the web"}
LABELS_FR = {**LABELS, "webmention": "le web"}


def say(key: str, lang: str, **values) -> str:
    table = MESSAGES.get((lang or "")[:2], MESSAGES["en"])
    text = table[key]
    if "|" in text:
        one, many = text.split("|")
        singular = (0, 1) if (lang or "")[:2] == "fr" else (1,)  # French says « 0 réponse »
        text = one if values.get("n") in singular else many
    return text.format(**values)


def network_label(network: str, lang: str) -> str:
    table = LABELS_FR if (lang or "")[:2] == "fr" else LABELS
    return table.get(network, network.capitalize())
