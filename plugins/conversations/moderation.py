"""Who decides what a stranger's reply may do on the blog: the reviewed moderation file, and the rules.

The file (``content/moderation.yaml`` by default) is YAML that people edit
and review in pull requests, and that ``podium conversations approve / hide /
block`` edit line by line (so comments and order stay as people wrote them):

    approved:        # reply ids shown on the blog (manual moderation)
      - mastodon:113000000000000002
    hidden:          # never shown, whatever the mode
      - bluesky:3l2s5xxa7g62k
    blocked:         # accounts never shown: network:@handle or network:account-id
      - mastodon:@troll@example.social
    blocked_words:   # in "auto" mode, a reply with one of these waits for a person
      - casino
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from .. import bounded
from ..calendar.yamlmarks import MappingNode, Problems, ScalarNode, SequenceNode, compose, mapping_items, suggest
from ..i18n import _
from .model import SOURCES, Reply

SECTIONS = ("approved", "hidden", "blocked", "blocked_words")
_ACCOUNT = re.compile(r"^([a-z]+):(\S+)$")


@dataclass(frozen=True)
class Decisions:
    approved: frozenset[str] = frozenset()
    hidden: frozenset[str] = frozenset()
    blocked: frozenset[str] = frozenset()
    words: tuple[str, ...] = ()

    def is_blocked(self, reply: Reply) -> bool:
        a = reply.author
        names = {f"{reply.network}:{a.id}", f"{reply.network}:{a.handle}", f"{reply.network}:{a.url}"}
        return bool(names & self.blocked)

    def has_blocked_word(self, text: str) -> bool:
        lowered = text.casefold()
        return any(re.search(rf"(?<!\w){re.escape(w.casefold())}(?!\w)", lowered) for w in self.words)


def parse(text: str, path: str, known_ids: set[str]) -> Decisions:
    """The decisions in the file; ManyErrors listing every problem (unknown id, typo, tab) otherwise."""
    problems = Problems(path)
    root = compose(text, problems, bounded.MODERATION) if text.strip() else None
    if root is not None and not isinstance(root, MappingNode):
        problems.add(
            root,
            _(
                "the moderation file should be a list of sections (approved:, hidden:, blocked:, "
                "blocked_words:); see the README's example"
            ),
        )
        root = None
    values: dict[str, list[str]] = {name: [] for name in SECTIONS}
    for name, (key, node) in (mapping_items(root, problems, "section") if root is not None else {}).items():
        if name not in SECTIONS:
            hint = suggest(name, SECTIONS) or _("expected one of: {choices}", choices=", ".join(SECTIONS))
            problems.add(key, _("unknown section '{name}'; {hint}", name=name, hint=hint))
            continue
        values[name] = _entries(node, name, problems)
    _check(values, known_ids, problems, root)
    problems.raise_if_any()
    return Decisions(
        frozenset(values["approved"]),
        frozenset(values["hidden"]),
        frozenset(values["blocked"]),
        tuple(values["blocked_words"]),
    )


def _entries(node, name: str, problems: Problems) -> list:
    if isinstance(node, ScalarNode) and node.value in ("", "~", "null"):
        return []  # "hidden:" with nothing under it yet
    if not isinstance(node, SequenceNode):
        problems.add(node, _("'{name}' should be a list, one entry per line starting with '- '", name=name))
        return []
    found = []
    for item in node.value:
        if not isinstance(item, ScalarNode) or not item.value.strip():
            problems.add(item, _("each entry of '{name}' should be one id or word on its line", name=name))
            continue
        found.append((item.value.strip(), item))
    return found


def _check(values: dict, known_ids: set[str], problems: Problems, root) -> None:
    for section in ("approved", "hidden"):
        for value, node in values[section]:
            if value not in known_ids:
                hint = suggest(value, sorted(known_ids)) or _(
                    "'podium conversations' lists the ids of the replies collected"
                )
                problems.add(
                    node,
                    _("unknown reply id '{value}' in '{section}'; {hint}", value=value, section=section, hint=hint),
                )
    both = {v for v, _ in values["approved"]} & {v for v, _ in values["hidden"]}
    for value, node in values["hidden"]:
        if value in both:
            problems.add(node, _("'{value}' is both approved and hidden; keep it in one section only", value=value))
    for value, node in values["blocked"]:
        problem = account_problem(value)
        if problem:
            problems.add(node, problem)
    for section in SECTIONS:
        values[section] = [v for v, _ in values[section]]


def visible(reply: Reply, decisions: Decisions, mode: str, leader: str, closed_at: datetime | None, text: str) -> bool:
    """Whether the blog shows this reply.

    The leader's own replies always show; hidden replies and blocked accounts
    never. In "manual" mode only approved replies show. In "auto" mode the
    others show too unless they carry a blocked word, or arrived after the
    discussion closed (a closed post takes no new replies without a person).
    """
    if reply.id in decisions.hidden or decisions.is_blocked(reply):
        return False
    if leader and reply.author.id == leader:
        return True
    if reply.id in decisions.approved:
        return True
    if mode != "auto" or decisions.has_blocked_word(text):
        return False
    return closed_at is None or reply.published < closed_at


def waiting(reply: Reply, decisions: Decisions, mode: str, leader: str, text: str) -> bool:
    """Whether a reply waits for a person: not decided yet, and not shown without one."""
    if reply.id in decisions.approved or reply.id in decisions.hidden or decisions.is_blocked(reply):
        return False
    if leader and reply.author.id == leader:
        return False
    return mode != "auto" or decisions.has_blocked_word(text)


def account_problem(value: str) -> str | None:
    """Why ``value`` cannot name an account to block, or None."""
    match = _ACCOUNT.match(value)
    if match and match.group(1) in SOURCES:
        return None
    return _(
        "blocked account '{value}' should read network:account, e.g. mastodon:@troll@example.social "
        "(networks: {networks})",
        value=value,
        networks=", ".join(SOURCES),
    )
