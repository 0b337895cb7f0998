"""calendar.yaml -> Calendar, reporting every mistake as ``path:LINE:COL: what; how to fix``.

The file is written by comms staff, not developers: each message names the
key as they typed it, suggests the closest known word, and all of them are
reported at once (ManyErrors) so one edit fixes everything.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from ..i18n import _
from ..networks import KEYS as NETWORKS
from . import fields
from .entries_reader import ENTRY_KEYS, read_entries
from .fields import Wrong
from .model import STATUSES, Calendar, NetworkRules, QuietPeriod, Slot, Window
from .yamlmarks import MappingNode, Node, Problems, ScalarNode, SequenceNode, compose, mapping_items, suggest, where

TOP = ("timezone", "required_approvals", "networks", "quiet_periods", "reshare", "posts")
NETWORK_KEYS = ("slots", "min_gap", "max_per_day")
SLOT_KEYS = ("days", "times")
QUIET_KEYS = ("start", "end", "reason")
RESHARE_KEYS = ("after_days", "networks")


def empty(node: Node) -> bool:
    """A key with nothing after it ('posts:'), as in a calendar just started."""
    return isinstance(node, ScalarNode) and node.tag.endswith(":null") and node.value in ("", "~", "null")


class _Reader:
    """Walks the node tree once; every check records its problem and carries on."""

    def __init__(self, problems: Problems):
        self.problems = problems
        self.tz: ZoneInfo = ZoneInfo("UTC")  # stand-in while the real zone is missing or wrong

    def fields(self, node: Node, known: tuple[str, ...], what: str) -> dict[str, tuple[ScalarNode, Node]]:
        if empty(node) or not self.is_map(node, what):
            return {}
        found = mapping_items(node, self.problems)
        for key, (key_node, _value) in list(found.items()):
            if key not in known:
                hint = suggest(key, known) or _(
                    "the keys allowed in {what} are: {keys}", what=what, keys=", ".join(known)
                )
                self.problems.add(key_node, _("unknown key '{key}'; {hint}", key=key, hint=hint))
                del found[key]
        return found

    def is_map(self, node: Node, what: str) -> bool:
        if isinstance(node, MappingNode):
            return True
        self.problems.add(node, _("{what} must be a set of 'key: value' lines; indent them under it", what=what))
        return False

    def text(self, node: Node, key: str, default: str = "") -> str:
        if isinstance(node, ScalarNode):
            return default if node.tag.endswith(":null") and not node.value else node.value
        self.problems.add(node, _("'{key}' must be a single value; write it on the same line as '{key}:'", key=key))
        return default

    def items(self, node: Node, key: str) -> list[Node]:
        """A YAML list; a single value is accepted as a list of one."""
        if isinstance(node, SequenceNode):
            return list(node.value)
        if empty(node):
            return []  # 'quiet_periods:' with nothing under it yet
        if isinstance(node, ScalarNode) and node.value:
            return [node]
        self.problems.add(node, _("'{key}' must be a list; write one '- item' per line under '{key}:'", key=key))
        return []

    def read(self, node: Node, key: str, reader, *args, **kwargs):
        """Apply a fields.* reader to a scalar; None (and one recorded problem) when it is wrong."""
        text = self.text(node, key, default="")
        if not isinstance(node, ScalarNode):
            return None
        if not text:
            self.problems.add(node, _("'{key}' is empty; give it a value or remove the line", key=key))
            return None
        try:
            return reader(text, *args, **kwargs)
        except Wrong as exc:
            self.problems.add(node, str(exc))
            return None

    def moment(self, node: Node, key: str, **kwargs):
        return self.read(node, key, fields.moment, key, self.tz, **kwargs)

    def require(self, found: dict, keys: tuple[str, ...], node: Node, what: str) -> bool:
        missing = [k for k in keys if k not in found]
        for key in missing:
            self.problems.add(node, _("{what} has no '{key}'; add a '{key}:' line", what=what, key=key))
        return not missing


def _timezone(r: _Reader, top: dict, root: Node) -> ZoneInfo | None:
    if "timezone" not in top:
        r.problems.add((1, 1), _("the calendar has no time zone; add a first line such as 'timezone: Europe/Paris'"))
        return None
    zone = r.read(top["timezone"][1], "timezone", fields.zone)
    if zone is not None:
        r.tz = zone
    return zone


def _roles(r: _Reader, top: dict) -> tuple[str, ...]:
    if "required_approvals" not in top:
        return ()
    node = top["required_approvals"][1]
    return tuple(dict.fromkeys(r.text(n, "required_approvals") for n in r.items(node, "required_approvals")))


def _slot(r: _Reader, node: Node) -> Slot | None:
    found = r.fields(node, SLOT_KEYS, _("a slot"))
    if not found or not r.require(found, SLOT_KEYS, node, "this slot"):
        return None
    day_nodes = r.items(found["days"][1], "days")
    days = None
    try:
        days = fields.weekdays([r.text(n, "days") for n in day_nodes])
    except Wrong as exc:
        r.problems.add(found["days"][1], str(exc))
    windows = []
    for window_node in r.items(found["times"][1], "times"):
        pair = r.read(window_node, "times", fields.window)
        if pair:
            windows.append(Window(*pair))
    if days is None or not windows:
        return None
    return Slot(days=days, windows=tuple(windows))


def _network_rules(r: _Reader, name: str, node: Node) -> NetworkRules:
    found = r.fields(node, NETWORK_KEYS, _("the '{name}' rules", name=name))
    slots = []
    if "slots" in found:
        slots = [s for s in (_slot(r, n) for n in r.items(found["slots"][1], "slots")) if s]
    gap = r.read(found["min_gap"][1], "min_gap", fields.duration) if "min_gap" in found else None
    cap = (
        r.read(found["max_per_day"][1], "max_per_day", fields.whole, "max_per_day") if "max_per_day" in found else None
    )
    return NetworkRules(name=name, slots=tuple(slots), min_gap=gap or NetworkRules.min_gap, max_per_day=cap)


def _networks(r: _Reader, top: dict, networks: tuple[str, ...]) -> dict[str, NetworkRules]:
    if "networks" not in top:
        return {}
    found = r.fields(top["networks"][1], networks, _("'networks'"))
    return {name: _network_rules(r, name, value) for name, (_, value) in found.items()}


def _quiet(r: _Reader, top: dict) -> tuple[QuietPeriod, ...]:
    if "quiet_periods" not in top:
        return ()
    placed = []
    for node in r.items(top["quiet_periods"][1], "quiet_periods"):
        found = r.fields(node, QUIET_KEYS, _("a quiet period"))
        if not found or not r.require(found, ("start", "end"), node, "this quiet period"):
            continue
        start = r.moment(found["start"][1], "start")
        end = r.moment(found["end"][1], "end", end_of_day=True)
        reason = r.text(found["reason"][1], "reason") if "reason" in found else ""
        if start is None or end is None:
            continue
        if end <= start:
            r.problems.add(
                found["end"][1],
                _(
                    "this quiet period ends ({value}) before it starts ({value2}); swap start and end",
                    value=found["end"][1].value,
                    value2=found["start"][1].value,
                ),
            )
            continue
        placed.append((QuietPeriod(start=start, end=end, reason=reason, line=where(node)[0]), where(node)))
    _overlaps(r, placed)
    return tuple(sorted((p for p, _ in placed), key=lambda p: (p.start, p.end)))


def _overlaps(r: _Reader, placed: list) -> None:
    """Each period against the one reaching furthest before it, so a long period catches all it covers."""
    ordered = sorted(placed, key=lambda pair: (pair[0].start, pair[1]))
    reach = None
    for period, at in ordered:
        if reach is not None and period.start < reach.end:
            name = _("quiet period '{reason}'", reason=period.reason) if period.reason else _("this quiet period")
            r.problems.add(
                at,
                _(
                    "{name} overlaps the one on line {line}; merge them into one period or move the dates apart",
                    name=name,
                    line=reach.line,
                ),
            )
        if reach is None or period.end > reach.end:
            reach = period


def _reshare(r: _Reader, top: dict, networks: tuple[str, ...]):
    if "reshare" not in top:
        return (), None
    found = r.fields(top["reshare"][1], RESHARE_KEYS, _("'reshare'"))
    days = []
    if "after_days" in found:
        for node in r.items(found["after_days"][1], "after_days"):
            value = r.read(node, "after_days", fields.whole, "after_days")
            if value:
                days.append(value)
    chosen = None
    if "networks" in found:
        chosen = []
        for node in r.items(found["networks"][1], "networks"):
            name = r.text(node, "networks")
            if name not in networks:
                r.problems.add(
                    node,
                    _(
                        "unknown network '{name}'; {value}",
                        name=name,
                        value=suggest(name, networks) or "use " + ", ".join(networks),
                    ),
                )
            else:
                chosen.append(name)
        chosen = tuple(chosen)
    return tuple(sorted(set(days))), chosen


def is_blank(text: str) -> bool:
    """Only comments and blank lines: a calendar started but not written yet, which counts as none."""
    return all(not line.strip() or line.lstrip().startswith("#") or line.strip() == "---" for line in text.splitlines())


def load(text: str, path: str = "calendar.yaml", networks: tuple[str, ...] = NETWORKS) -> Calendar:
    """Read and check a calendar file's text; raise ManyErrors listing every problem."""
    problems = Problems(path)
    root = compose(text, problems)
    if root is None and not problems.errors:
        problems.add((1, 1), _("the calendar is empty; start from the example in docs/comms.md"))
    problems.raise_if_any()
    r = _Reader(problems)
    top = r.fields(root, TOP, _("the calendar"))
    zone = _timezone(r, top, root)
    roles = _roles(r, top)
    rules = _networks(r, top, networks)
    quiet = _quiet(r, top)
    after, reshare_networks = _reshare(r, top, networks)
    entries = read_entries(r, top["posts"][1], roles, networks) if "posts" in top else {}
    problems.raise_if_any()
    return Calendar(
        zone=zone or ZoneInfo("UTC"),
        required_approvals=roles,
        networks=rules,
        quiet_periods=quiet,
        reshare_after_days=after,
        reshare_networks=reshare_networks,
        entries=entries,
        path=path,
    )


__all__ = ["load", "TOP", "ENTRY_KEYS", "STATUSES"]
