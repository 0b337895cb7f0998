"""The author's own teasers, from a ``teasers:`` block in the post's front matter.

Written for people, in YAML::

    teasers:
      x: "Trois ans après la loi, la concertation accélère vraiment. {link}"
      linkedin: |
        Une première ligne qui donne envie de lire.

        Le reste du texte… {link}
      mastodon:                     # several texts: several variants
        - "Première version {link} #Énergie"
        - "Deuxième version {link}"
      bluesky: false                # no Bluesky teaser for this post
      hashtags: [énergie, territoires]   # instead of the post's tags
      mentions: {x: "@HelioEnergie", mastodon: "@helio@piaille.fr"}

``{link}`` becomes the post's link with the network's UTM parameters; an
author's text is otherwise used exactly as written. An author's text that is
over its network's limit is an error: podium will not silently cut the words
someone chose.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from .. import bounded
from ..errors import BadInput
from ..i18n import _
from .hashtags import camel_case
from .networks import NETWORKS
from .tokens import MENTION

OPTIONS = ("hashtags", "mentions")
LINK = "{link}"

LineOf = Callable[[tuple], "int | None"]


@dataclass
class Overrides:
    texts: dict[str, list[tuple[str, int | None]]] = field(default_factory=dict)  # network -> (text, line)
    disabled: set[str] = field(default_factory=set)
    hashtags: list[str] | None = None
    mentions: dict[str, list[str]] = field(default_factory=dict)
    errors: list[BadInput] = field(default_factory=list)


def _describe(value: Any) -> str:
    if isinstance(value, Mapping):
        return _("a block of keys")
    if isinstance(value, list):
        return _("a list")
    return repr(value)


def _texts(network: str, value: Any, path: str, line_of: LineOf, out: Overrides) -> None:
    if value is False or value is None:
        out.disabled.add(network)
        return
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items) or not items:
        out.errors.append(
            BadInput(
                _(
                    "teasers: {network}: expected a text, a list of texts or false; received {value}",
                    network=network,
                    value=_describe(value),
                ),
                path=path,
                line=line_of(("teasers", network)),
            )
        )
        return
    out.texts[network] = [
        (text.strip(), line_of(("teasers", network, i)) if len(items) > 1 else line_of(("teasers", network)))
        for i, text in enumerate(items)
    ]


def _handles(value: Any) -> list[str] | None:
    items = [value] if isinstance(value, str) else value
    if isinstance(items, list) and all(isinstance(i, str) and MENTION.fullmatch(i.strip()) for i in items):
        return [i.strip() for i in items]
    return None


def _options(key: str, value: Any, path: str, line_of: LineOf, out: Overrides) -> None:
    where = {"path": path, "line": line_of(("teasers", key))}
    if key == "hashtags":
        items = [value] if isinstance(value, str) else value
        tags = [camel_case(str(t).lstrip("#＃")) for t in items] if isinstance(items, list) else [None]
        if not tags or None in tags:
            out.errors.append(
                BadInput(
                    _(
                        "teasers: hashtags: expected a list of words such as [énergie, territoires]; received {value}",
                        value=_describe(value),
                    ),
                    **where,
                )
            )
        else:
            out.hashtags = tags
        return
    if not isinstance(value, Mapping):
        out.errors.append(
            BadInput(
                _(
                    "teasers: mentions: expected one line per network, e.g. 'x: \"@name\"'; received {value}",
                    value=_describe(value),
                ),
                **where,
            )
        )
        return
    for network, handles in value.items():
        found = _handles(handles)
        if network not in NETWORKS or found is None:
            problem = (
                _("unknown network {network!r}", network=network)
                if network not in NETWORKS
                else _("{handles!r} is not a handle", handles=handles)
            )
            out.errors.append(
                BadInput(
                    _(
                        "teasers: mentions: {problem}; write e.g. 'x: \"@name\"' or 'mastodon: \"@name@instance\"'",
                        problem=problem,
                    ),
                    **where,
                )
            )
        else:
            out.mentions[network] = found


def parse(block: Any, path: str, line_of: LineOf) -> Overrides:
    """Read a post's ``teasers`` block; every problem is collected in ``errors``."""
    out = Overrides()
    if block is None:
        return out
    if not isinstance(block, Mapping):
        out.errors.append(
            BadInput(
                _("teasers: expected one line per network, e.g. 'x: \"…\"'; received {block}", block=_describe(block)),
                path=path,
                line=line_of(("teasers",)),
            )
        )
        return out
    for key, value in block.items():
        if key in NETWORKS:
            _texts(key, value, path, line_of, out)
        elif key in OPTIONS:
            _options(key, value, path, line_of, out)
        else:
            expected = ", ".join((*NETWORKS, *OPTIONS))
            out.errors.append(
                BadInput(
                    _("teasers: unknown key {key!r}; expected {expected}", key=key, expected=expected),
                    path=path,
                    line=line_of(("teasers", key)),
                )
            )
    return out


def fill(text: str, link: str) -> str:
    return text.replace(LINK, link)


def _front_matter(source: str) -> tuple[str, int]:
    """The YAML between the opening and closing '---', and the file line of its first line."""
    lines = source.splitlines()
    if not lines or lines[0].lstrip("\ufeff").strip() != "---":
        return "", 1
    for number, line in enumerate(lines[1:], 1):
        if line.strip() in ("---", "..."):
            return "\n".join(lines[1:number]), 2
    return "", 1


def _child(node: yaml.Node, key) -> tuple[yaml.Node, yaml.Node] | None:
    """(node where ``key`` is written, node of its value); ``key`` is a mapping key or a list index."""
    if isinstance(key, int) and isinstance(node, yaml.SequenceNode):
        return (node.value[key], node.value[key]) if key < len(node.value) else None
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if str(key_node.value).lower() == str(key).lower():
                return key_node, value_node
    return None


def line_finder(source: str, top_lines: Mapping[str, int] | None = None) -> LineOf:
    """A function giving the file line of a nested front matter key, e.g. ('teasers', 'mastodon', 1).

    The YAML is composed node by node, which keeps every node's position. When
    a key cannot be found the nearest enclosing key's line is given, then the
    post view's ``meta_lines``.
    """
    header, offset = _front_matter(source)
    composed: list = []

    def root():
        # composed on first use: most posts have no override error to point at
        if not composed:
            try:
                composed.append(bounded.compose(header, "", bounded.FRONT_MATTER) if header else None)
            except (yaml.YAMLError, BadInput):  # already reported by the front matter reader
                composed.append(None)
        return composed[0]

    def line_of(keys: tuple) -> int | None:
        node, found = root(), None
        for key in keys:
            hit = _child(node, key) if node is not None else None
            if hit is None:
                break
            found, node = hit[0].start_mark.line + offset, hit[1]
        if found is None and top_lines:
            return top_lines.get(str(keys[0]))
        return found

    return line_of
