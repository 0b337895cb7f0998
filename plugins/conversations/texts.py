"""The words of the conversation under a post, in the post's language.

They are the public site's words, so they live in the theme's one table
(``plugins/site/strings.py``, keys ``conversation.*``) and get its French
spacing; this module only picks a count's form and names the networks.
"""

from __future__ import annotations

from ..networks import NETWORKS
from ..site import strings
from ..typography import typeset


def say(key: str, lang: str, **values) -> str:
    """``conversation.<key>`` in ``lang``; a "one|many" text takes the form that goes with ``n``."""
    loc = strings.language(lang)
    text = strings.MESSAGES[loc][f"conversation.{key}"]
    if "|" in text:
        one, many = text.split("|")
        singular = (0, 1) if loc == "fr" else (1,)  # French says « 0 réponse »
        text = one if values.get("n") in singular else many
    return typeset(text.format(**values), loc)


def network_label(network: str, lang: str) -> str:
    """The network's own name from the registry; webmentions come from "the web" at large."""
    if network == "webmention":
        return say("webmention", lang)
    found = NETWORKS.get(network)
    return found.name if found else network.capitalize()
