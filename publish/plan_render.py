"""A PlanDiff in words: one sentence a reviewer reads first, then each change with its times (text or Markdown)."""

from __future__ import annotations

from datetime import datetime

from podium.plugins.i18n import N_, _, ngettext

DAYS = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"), N_("Sunday"))


def when(moment: datetime, zone) -> str:
    """'Tuesday 2026-12-08 08:00', in the calendar's zone: the day name is what people plan by."""
    local = moment.astimezone(zone)
    return _("{day} {date}", day=_(DAYS[local.weekday()]), date=_stamp(local, zone))


def _stamp(moment: datetime, zone) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def _clauses(d, zone) -> list[str]:
    clauses = []
    if d.moved:
        clauses.append(ngettext("moves one share", "moves {count} shares", len(d.moved), count=len(d.moved)))
    if d.added:
        clauses.append(ngettext("adds one share", "adds {count} shares", len(d.added), count=len(d.added)))
    if d.removed:
        clauses.append(ngettext("removes one share", "removes {count} shares", len(d.removed), count=len(d.removed)))
    if d.released and d.released[0].after.state == "out":
        clauses.append(
            ngettext(
                "releases one post now", "releases {count} posts, the first now", len(d.released), count=len(d.released)
            )
        )
    elif d.released:
        first = when(d.released[0].after.release, zone)
        clauses.append(
            ngettext(
                "releases one post on {when}",
                "releases {count} posts, the first on {when}",
                len(d.released),
                count=len(d.released),
                when=first,
            )
        )
    if d.withheld:
        clauses.append(
            ngettext("withholds one post", "withholds {count} posts", len(d.withheld), count=len(d.withheld))
        )
    if d.rescheduled:
        clauses.append(
            ngettext(
                "changes when one post goes out",
                "changes when {count} posts go out",
                len(d.rescheduled),
                count=len(d.rescheduled),
            )
        )
    if d.unplaced:
        clauses.append(
            ngettext(
                "leaves one share without a slot",
                "leaves {count} shares without a slot",
                len(d.unplaced),
                count=len(d.unplaced),
            )
        )
    return clauses


def sentence(d, zone) -> str:
    """'This change moves 3 shares and releases one post on Tuesday 2026-12-08 08:00.'"""
    clauses = _clauses(d, zone)
    if not clauses:
        return _(
            "This change leaves the plan as it was: no post released or withheld, no share added, removed or moved."
        )
    listed = (
        clauses[0] if len(clauses) == 1 else _("{first} and {last}", first=", ".join(clauses[:-1]), last=clauses[-1])
    )
    return _("This change {changes}.", changes=listed)


def _was(state, zone) -> str:
    if state is None:
        return _("not in the plan before")
    if state.state == "blocked":
        return _("was withheld: {why}", why=state.reason)
    if state.state == "later":
        return _("was going out {when}", when=when(state.release, zone))
    return _("was out")


def _post_lines(d, zone) -> list[tuple[str, list[str]]]:
    released = [
        _(
            "{slug}: goes out {when} ({was})",
            slug=c.slug,
            was=_was(c.before, zone),
            when=_("now") if c.after.state == "out" else when(c.after.release, zone),
        )
        for c in d.released
    ]
    withheld = [
        _(
            "{slug}: withheld, {why} ({was})",
            slug=c.slug,
            was=_was(c.before, zone),
            why=c.after.reason if c.after else _("no longer in the calendar or the posts"),
        )
        for c in d.withheld
    ]
    moved = [
        _(
            "{slug}: goes out {when} ({was})",
            slug=c.slug,
            was=_was(c.before, zone),
            when=_("now") if c.after.state == "out" else when(c.after.release, zone),
        )
        for c in d.rescheduled
    ]
    return [
        (_("Posts released"), released),
        (_("Posts withheld"), withheld),
        (_("Posts going out at another time"), moved),
    ]


def _share_lines(d, zone) -> list[tuple[str, list[str]]]:
    added = [_("{id} on {when}", id=c.id, when=when(c.after.time, zone)) for c in d.added]
    removed = [_("{id}, was on {when}", id=c.id, when=when(c.before.time, zone)) for c in d.removed]
    moved = [
        _("{id}: {before} → {after}", id=c.id, before=when(c.before.time, zone), after=when(c.after.time, zone))
        for c in d.moved
    ]
    return [
        (_("Shares added"), added),
        (_("Shares removed"), removed),
        (_("Shares moved"), moved),
        (_("Shares left without a slot"), list(d.unplaced)),
    ]


def sections(d, zone) -> list[tuple[str, list[str]]]:
    return [(title, lines) for title, lines in _post_lines(d, zone) + _share_lines(d, zone) if lines]


def text(d, zone, base: str, now: datetime) -> str:
    head = _("Plan at {now} ({zone}), {base} → the working tree:", now=_stamp(now, zone), zone=zone.key, base=base)
    lines = [head, sentence(d, zone)]
    for title, items in sections(d, zone):
        lines += ["", _("{title}:", title=title)] + ["  " + item for item in items]
    return "\n".join(lines) + "\n"


def markdown(d, zone, base: str, now: datetime) -> str:
    """For a pull request: GitHub's job summary, a GitLab merge-request note."""
    lines = [
        "### " + _("Schedule change"),
        "",
        _("Compared with `{base}`, as planned at {now} ({zone}).", base=base, zone=zone.key, now=_stamp(now, zone)),
        "",
        "**" + sentence(d, zone) + "**",
    ]
    for title, items in sections(d, zone):
        lines += ["", f"#### {title}", ""] + [f"- {_escape(item)}" for item in items]
    return "\n".join(lines) + "\n"


def _escape(line: str) -> str:
    """Reasons and slugs are plain text: keep Markdown from reading * _ ` [ < as formatting."""
    for char in "\\`*_[]<>|#":
        line = line.replace(char, "\\" + char)
    return line
