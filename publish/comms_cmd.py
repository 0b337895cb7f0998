"""Write the comms room alone (pipeline board, review pages, calendar, exports), never the site."""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import tempfile
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from podium.plugins.i18n import _

    parser.add_argument(
        "-o", "--output", metavar="DIR", help=_("the room's folder (default: PODIUM_COMMS_PATH, comms/ beside output/)")
    )
    parser.add_argument("--local", action="store_true", help=_("build with pelicanconf.py instead of publishconf.py"))
    parser.add_argument("--now", metavar="T", help=_("ISO 8601 time that counts as now, e.g. 2027-03-02T09:00+01:00"))


def room_folder(project: Path, prod: bool, output: str | None) -> Path:
    """Where the room goes: ``output``, else PODIUM_COMMS_PATH; refused in or around the site's output folder."""
    from types import SimpleNamespace

    from podium.plugins import settings as settings_mod

    from .build import comms_folder, read_settings

    settings, source = read_settings(project, prod)
    config, _ = settings_mod.load(settings, source.name)
    site = Path(settings["OUTPUT_PATH"]).resolve()  # read_settings anchors it to the project
    return comms_folder(project, SimpleNamespace(config=config), output if output else True, site, source)


def write_room(project: Path, prod: bool, now, output: str | None) -> Path:
    """Build the site into a scratch folder, thrown away, and the room into its folder, brought in on success."""
    from .build import build

    folder = room_folder(project, prod, output)
    scratch = Path(tempfile.mkdtemp(prefix="podium-comms-"))
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # Pelican's "Done: ..." is about the scratch site
            return build(project, prod=prod, now=now, output=scratch / "site", comms=folder).comms
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def run(args: argparse.Namespace) -> int:
    from podium.plugins.i18n import _

    from .build_cmd import parse_now

    project = Path(args.project).resolve()
    prod = not args.local and (project / "publishconf.py").exists()
    folder = write_room(project, prod, parse_now(args.now), args.output)
    print(_("Wrote the comms room (private, never published) into {folder}", folder=folder))
    print(_("Open {page}", page=folder / "index.html"))
    return 0
