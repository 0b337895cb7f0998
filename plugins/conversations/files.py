"""Reading the conversation store and the moderation file from disk, for the build and the commands."""

from __future__ import annotations

import re
from pathlib import Path

from .. import bounded
from . import moderation, store
from .model import Conversation

AVATARS = "avatars"
#: what a cached avatar's file name looks like: a hash and the format podium wrote
AVATAR_NAME = re.compile(r"^[0-9a-f]{16,64}\.(webp|png)$")


def load_all(folder: Path, shown=str) -> dict[str, Conversation]:
    """slug -> conversation for every file in the store; an absent folder is an empty store."""
    found: dict[str, Conversation] = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.json")):
        conversation = store.parse(bounded.read_text(path, shown(str(path)), bounded.CONVERSATION), shown(str(path)))
        found[conversation.slug or path.stem] = conversation
    return found


def load_one(folder: Path, slug: str, shown=str) -> Conversation:
    path = folder / store.file_name(slug)
    try:
        text = bounded.read_text(path, shown(str(path)), bounded.CONVERSATION)
    except FileNotFoundError:
        return Conversation(slug)
    return store.parse(text, shown(str(path)))


def known_ids(conversations: dict[str, Conversation]) -> set[str]:
    """Every reply id the moderation file may name: those stored, and those deleted on their network since."""
    return {reply.id for c in conversations.values() for reply in c.replies()} | {
        gone for c in conversations.values() for t in c.threads for gone in t.gone
    }


def load_decisions(path: Path, ids: set[str], shown=str) -> moderation.Decisions:
    """The moderation file's decisions; an absent file decides nothing (manual mode then shows nothing)."""
    try:
        text = bounded.read_text(path, shown(str(path)), bounded.MODERATION)
    except FileNotFoundError:
        return moderation.Decisions()
    return moderation.parse(text, shown(str(path)), ids)
