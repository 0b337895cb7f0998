"""Targets marked ``private: true``: they receive the comms room, never the site.

A private target is a place only comms and legal can open (a bucket behind a
sign-in, a folder on an intranet server). ``podium publish`` deploys the site
to its public target as always, then the comms room of the same build to
every private target, with the same targets and the same all-or-nothing
deploys. The site never goes to a private target (it would be the comms room
that a reader gets, or the reverse): naming one for the site is refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from podium.plugins.errors import BadInput, ExternalFailure
from podium.plugins.i18n import _

from .targets.base import Deployed, Step, no_step
from .targets.manifest import Plan


@dataclass
class RoomDeploy:
    """What one private target got (or would get) of the comms room."""

    target: str  # as the target describes itself: "dir target 'room' (/srv/comms)"
    plan: Plan
    deployed: Deployed | None = None
    error: str = ""


def private_targets(targets: Mapping[str, Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    return {name: options for name, options in targets.items() if options.get("private")}


def wanted(settings: Mapping[str, Any]) -> bool:
    """Whether the raw settings name a private target, so the publish build writes the comms room too."""
    targets = settings.get("PODIUM_PUBLISH_TARGETS") or {}
    return isinstance(targets, Mapping) and any(isinstance(o, Mapping) and o.get("private") for o in targets.values())


def refuse_for_site(name: str, options: Mapping[str, Any], chosen_by: str, where: Mapping[str, Any]) -> None:
    """The site's target must be public: a private one would serve the site where comms expect their room."""
    if options.get("private"):
        raise BadInput(
            _(
                "{chosen_by}: target {name!r} is private: it receives the comms room, never the site; "
                "choose a public target for the site, or remove 'private': True from {name!r}",
                chosen_by=chosen_by,
                name=name,
            ),
            **where,
        )


def deploy_room(
    room: Path | None,
    targets: Mapping[str, Mapping[str, Any]],
    project: Path,
    env: Mapping[str, str],
    live: bool,
    step: Step = no_step,
) -> list[RoomDeploy]:
    """Plan, and when live deploy, the comms room to each private target; a failure is reported, not raised."""
    from . import targets as targets_mod

    found = []
    for name, options in private_targets(targets).items():
        if room is None:
            continue
        with targets_mod.make(name, options, project_dir=project, env=env) as target:
            manifest, plan = targets_mod.plan_for(target, room)
            result = RoomDeploy(target.describe(), plan)
            if live and not plan.is_empty:
                try:
                    result.deployed = target.deploy(room, manifest, plan, step)
                except ExternalFailure as exc:
                    result.error = str(exc)
            found.append(result)
    return found


def summary_lines(deploys: list[RoomDeploy], live: bool) -> list[str]:
    from .targets.manifest import summarise

    lines = []
    for item in deploys:
        if item.error:
            lines.append(_("Comms room to {target} FAILED: {error}", target=item.target, error=item.error))
        elif live and item.deployed is None:
            lines.append(_("Comms room: {target} already holds this one.", target=item.target))
        elif live:
            lines.append(
                _("Comms room deployed to {target}: {summary}.", target=item.target, summary=summarise(item.plan))
            )
        else:
            lines.append(
                _(
                    "Would deploy the comms room to {target}: {summary}.",
                    target=item.target,
                    summary=summarise(item.plan),
                )
            )
    return lines
