"""The moderation commands: what waits for a person, and recording their decisions in the reviewed file.

Every decision is checked before anything is written: an unknown id, a
malformed account or a broken moderation file is bad input (exit 2) and the
file stays as it was. The edit keeps the file's comments (editing.py) and is
parsed again before it replaces the file.
"""

from __future__ import annotations

from pathlib import Path

from podium.plugins.conversations import editing, files, moderation, sanitize
from podium.plugins.conversations.moderation import suggest
from podium.plugins.errors import BadInput, ManyErrors
from podium.plugins.files import write_atomic
from podium.plugins.i18n import N_, _

SHOWN_TEXT = 120


def _config(project: Path):
    from podium.plugins import settings as settings_mod

    from ..build import read_settings

    raw, source = read_settings(project)
    return settings_mod.load(raw, str(source), str(project))[0]


def _state(project: Path):
    cfg = _config(project)
    shown = lambda p: _relative(p, project)  # noqa: E731
    conversations = files.load_all(project / cfg.conversations_store, shown)
    path = project / cfg.conversations_moderation_file
    decisions = files.load_decisions(path, files.known_ids(conversations), shown)
    return cfg, conversations, path, decisions


def _relative(path: str, project: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(project))
    except ValueError:
        return path


def listing(project: Path) -> str:
    """The replies waiting for a decision, oldest first, with the ids to type."""
    cfg, conversations, path, decisions = _state(project)
    rows = []
    for slug, conversation in sorted(conversations.items()):
        for thread in conversation.threads:
            for reply in thread.replies:
                text = sanitize.plain(reply.html)
                if moderation.waiting(reply, decisions, cfg.conversations_moderation, thread.leader, text):
                    rows.append((reply.published, slug, reply, " ".join(text.split())))
    if not rows:
        return _("Nothing waits for moderation.") + "\n"
    lines = [_("{count} replies wait for moderation ({path}):", count=len(rows), path=_relative(str(path), project))]
    for published, slug, reply, text in sorted(rows, key=lambda row: (row[0], row[2].id)):
        short = text if len(text) <= SHOWN_TEXT else text[: SHOWN_TEXT - 1] + "…"
        who = reply.author.handle or reply.author.name
        lines.append(f"  {reply.id}  {slug}  {published.isoformat(timespec='minutes')}  {who}: {short}")
    lines.append(_("Approve with 'podium conversations approve ID...', hide with 'podium conversations hide ID...'."))
    return "\n".join(lines) + "\n"


def _check(action: str, values: list[str], known: set[str]) -> None:
    problems = []
    for value in values:
        if action == "block":
            problem = moderation.account_problem(value)
            if problem:
                problems.append(BadInput(_("podium conversations block: {problem}", problem=problem)))
        elif value not in known:
            hint = suggest(value, sorted(known)) or _("'podium conversations' lists the ids of the replies collected")
            problems.append(
                BadInput(
                    _(
                        "podium conversations {action}: unknown reply id '{value}'; {hint}",
                        action=action,
                        value=value,
                        hint=hint,
                    )
                )
            )
    if problems:
        raise ManyErrors(problems)


def decide(project: Path, action: str, values: list[str]) -> str:
    """Record approve / hide / block in the moderation file; nothing is written unless all of it is right."""
    cfg, conversations, path = _state(project)[:3]  # a broken file is reported here, before any edit
    known = files.known_ids(conversations)
    _check(action, values, known)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if action == "approve":
        text = editing.add(editing.remove(text, "hidden", values), "approved", values)
    elif action == "hide":
        text = editing.add(editing.remove(text, "approved", values), "hidden", values)
    else:
        text = editing.add(text, "blocked", values)
    moderation.parse(text, _relative(str(path), project), known)  # the edit must read back
    write_atomic(path, text)
    done = {
        "approve": N_("Approved: {values} (in {path}; commit it, and the next build applies it)."),
        "hide": N_("Hidden: {values} (in {path}; commit it, and the next build applies it)."),
        "block": N_("Blocked: {values} (in {path}; commit it, and the next build applies it)."),
    }[action]
    return _(done, values=", ".join(values), path=_relative(str(path), project)) + "\n"
