"""Editing the moderation file as text, line by line, so people's comments and order survive.

Pure: text in, text out. The commands parse the result again before writing
it, so an edit can never leave a file that the build would refuse.
"""

from __future__ import annotations

import re

HEADER = (
    "# Moderation of the replies collected from the networks (README, Conversations).\n"
    "# 'podium conversations approve ID', 'hide ID' and 'block ACCOUNT' edit this file; review it like code.\n"
)


def _section_at(lines: list[str], section: str) -> int | None:
    pattern = re.compile(rf"^{re.escape(section)}\s*:")
    return next((i for i, line in enumerate(lines) if pattern.match(line)), None)


def _block_end(lines: list[str], start: int) -> int:
    """The index after the section's last entry (blank and comment lines after it stay outside)."""
    end = start + 1
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if line.strip() and not line.startswith((" ", "-", "#")):
            break
        if line.lstrip().startswith("- ") or line.strip() == "-":
            end = i + 1
    return end


def _entry(line: str) -> str | None:
    match = re.match(r"^\s*-\s+(['\"]?)(.*?)\1\s*(#.*)?$", line.rstrip("\n"))
    return match.group(2) if match else None


def add(text: str, section: str, values: list[str]) -> str:
    """``values`` appended to ``section`` (created at the end when absent); ones already there are skipped."""
    lines = (text or HEADER).splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    start = _section_at(lines, section)
    if start is None:
        if lines and lines[-1].strip():
            lines.append("\n")
        lines.append(f"{section}:\n")
        start = len(lines) - 1
    elif re.match(rf"^{re.escape(section)}\s*:\s*(\[\s*\])?\s*(#.*)?$", lines[start]):
        comment = re.search(r"#.*$", lines[start])
        lines[start] = f"{section}:" + (f"  {comment.group(0)}" if comment else "") + "\n"
    end = _block_end(lines, start)
    present = {_entry(line) for line in lines[start + 1 : end]}
    new = [f"  - {quote(v)}\n" for v in dict.fromkeys(values) if v not in present]
    return "".join(lines[:end] + new + lines[end:])


def remove(text: str, section: str, values: list[str]) -> str:
    """``values`` taken out of ``section``; the section itself stays, possibly empty."""
    lines = text.splitlines(keepends=True)
    start = _section_at(lines, section)
    if start is None:
        return text
    end = _block_end(lines, start)
    kept = [line for line in lines[start + 1 : end] if _entry(line) not in set(values)]
    return "".join(lines[: start + 1] + kept + lines[end:])


def quote(value: str) -> str:
    """An id or account as YAML reads it back unchanged: quoted when it could mean something else."""
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.:@/+-]*", value) and not re.fullmatch(r"[0-9.:+-]+", value):
        return value
    return "'" + value.replace("'", "''") + "'"
