"""The 'posts:' part of calendar.yaml: one entry per post slug, read and checked.

Kept apart from the rules (loader.py) because entries are what comms staff
edit every day, and most of their mistakes are here.
"""

from __future__ import annotations

from ..i18n import N_, _
from .fields import boolean, whole
from .model import STATUSES, Approval, Entry, NetworkPlan
from .yamlmarks import MappingNode, Node, ScalarNode, mapping_items, suggest, where

ENTRY_KEYS = ("status", "owner", "publish_at", "campaign", "notes", "evergreen", "approvals", "networks")
APPROVAL_KEYS = ("role", "who", "when")
PLAN_KEYS = ("skip", "variant", "text", "at")
_TWICE = N_("'{key}' has a second entry (the first is on line {line}); merge the two entries into one")


def read_entries(r, node: Node, roles: tuple[str, ...], networks: tuple[str, ...]) -> dict[str, Entry]:
    if isinstance(node, ScalarNode) and not node.value:
        return {}  # 'posts:' with no entry yet
    if not r.is_map(node, "'posts'"):
        return {}
    entries = {}
    for slug, (key, value) in mapping_items(node, r.problems, "post slug", twice=_TWICE).items():
        entry = _entry(r, slug, key, value, roles, networks)
        if entry is not None:
            entries[slug] = entry
    return entries


def _status(r, found: dict, node: Node) -> str | None:
    if "status" not in found:
        r.problems.add(
            node, _("this entry has no 'status'; add 'status:' with one of: {STATUSES}", STATUSES=", ".join(STATUSES))
        )
        return None
    value_node = found["status"][1]
    status = r.text(value_node, "status")
    if status in STATUSES:
        return status
    hint = suggest(status, STATUSES)
    fix = (
        _("{hint} (the statuses are: {statuses})", hint=hint, statuses=", ".join(STATUSES))
        if hint
        else _("use one of: {statuses}", statuses=", ".join(STATUSES))
    )
    r.problems.add(value_node, _("unknown status '{status}'; {fix}", status=status, fix=fix))
    return None


def _entry(r, slug: str, key: ScalarNode, node: Node, roles, networks) -> Entry | None:
    if isinstance(node, ScalarNode) and not node.value:
        r.problems.add(key, _("the entry for '{slug}' is empty; add at least 'status: idea' under it", slug=slug))
        return None
    found = r.fields(node, ENTRY_KEYS, _("a post entry"))
    if not isinstance(node, MappingNode):
        return None
    status = _status(r, found, node)
    text = lambda k: r.text(found[k][1], k) if k in found else ""
    publish_at = r.moment(found["publish_at"][1], "publish_at") if "publish_at" in found else None
    evergreen = (
        bool(r.read(found["evergreen"][1], "evergreen", boolean, "evergreen")) if "evergreen" in found else False
    )
    approvals = _approvals(r, found["approvals"][1], roles) if "approvals" in found else ()
    plans = _plans(r, found["networks"][1], networks) if "networks" in found else {}
    line, col = where(key)
    if status is None:
        return None
    return Entry(
        slug=slug,
        status=status,
        owner=text("owner"),
        publish_at=publish_at,
        campaign=text("campaign"),
        notes=text("notes"),
        evergreen=evergreen,
        approvals=approvals,
        networks=plans,
        line=line,
        col=col,
    )


def _approvals(r, node: Node, roles: tuple[str, ...]) -> tuple[Approval, ...]:
    found_all = []
    for item in r.items(node, "approvals"):
        found = r.fields(item, APPROVAL_KEYS, _("an approval"))
        if not found or not r.require(found, APPROVAL_KEYS, item, "this approval"):
            continue
        role_node = found["role"][1]
        role = r.text(role_node, "role")
        when = r.moment(found["when"][1], "when")
        if role not in roles:
            known = ", ".join(roles) if roles else _("none")
            hint = suggest(role, roles)
            fix = (
                _("{hint} or add '{role}' to required_approvals", hint=hint, role=role)
                if hint
                else _("use a role from required_approvals ({known}) or add '{role}' there", known=known, role=role)
            )
            r.problems.add(
                role_node, _("approval by '{role}', a role not in required_approvals; {fix}", role=role, fix=fix)
            )
            continue
        if when is not None:
            found_all.append(Approval(role=role, who=r.text(found["who"][1], "who"), when=when))
    return tuple(found_all)


def _variant(r, node: Node) -> int | str | None:
    """A number (the n-th teaser) or a teaser's name such as 'quote'."""
    text = r.text(node, "variant").strip()
    return r.read(node, "variant", whole, "variant") if text.isdigit() or not text else text


def _plans(r, node: Node, networks: tuple[str, ...]) -> dict[str, NetworkPlan]:
    plans = {}
    for name, (_key, value) in r.fields(node, networks, _("a post's 'networks'")).items():
        if isinstance(value, ScalarNode) and value.value.strip().lower() == "skip":
            plans[name] = NetworkPlan(skip=True)
            continue
        found = r.fields(value, PLAN_KEYS, _("the '{name}' plan", name=name))
        skip = bool(r.read(found["skip"][1], "skip", boolean, "skip")) if "skip" in found else False
        variant = _variant(r, found["variant"][1]) if "variant" in found else None
        text = r.text(found["text"][1], "text") or None if "text" in found else None
        at = r.moment(found["at"][1], "at") if "at" in found else None
        plans[name] = NetworkPlan(skip=skip, variant=variant, text=text, at=at)
    return plans
