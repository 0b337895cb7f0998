"""One real Pelican build of a podium project, into a temp folder brought into the output on success.

A failed build leaves the previous output untouched. A successful one replaces
only the files whose bytes changed, each whole (``sync``): readers of a preview
server, and deploy steps that follow, never see a half-written file, and an
unchanged file keeps its inode and modification time.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sys
import tempfile
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from podium.plugins import context as context_mod
from podium.plugins.errors import BadInput, BuildStopped, ManyErrors, PodiumError
from podium.plugins.i18n import _

from .pelican_log import explain
from .sync import Synced, sync

SETTINGS_FILES = {False: "pelicanconf.py", True: "publishconf.py"}


@dataclass
class BuildResult:
    output: Path
    settings: dict[str, Any]
    ctx: Any
    warnings: list[PodiumError] = field(default_factory=list)
    articles: int = 0
    pages: int = 0
    #: what the build changed in the output folder (files kept, replaced, removed)
    synced: Synced | None = None
    comms: Path | None = None  # the comms room's folder, when the build wrote one


class _Collect(logging.Handler):
    """Pelican logs the problems it meets; podium turns them into build errors."""

    def __init__(self, root: str):
        super().__init__(logging.WARNING)
        self.root = root
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage().replace(self.root + os.sep, "")
        (self.errors if record.levelno >= logging.ERROR else self.warnings).append(message)


def settings_path(project: Path, prod: bool) -> Path:
    path = project / SETTINGS_FILES[prod]
    if not path.exists():
        raise BadInput(
            _("no {name} here; run podium in the project folder, or create one with 'podium init DIR'", name=path.name),
            path=str(path),
        )
    return path


def read_settings(project: Path, prod: bool = False, overrides: dict | None = None) -> tuple[dict, Path]:
    """Pelican's settings from pelicanconf.py or publishconf.py, with a clear error when the file is broken."""
    from pelican.settings import read_settings as pelican_read

    path = settings_path(project, prod)
    # publishconf.py usually does 'from pelicanconf import *': make that import this project's file.
    sys.modules.pop("pelicanconf", None)
    sys.path.insert(0, str(project))
    try:
        settings = pelican_read(str(path), override=overrides or {})
    except SyntaxError as exc:
        where = os.path.relpath(exc.filename or str(path), project)
        raise BadInput(
            _(
                "the settings file is not valid Python ({msg}); fix the line or compare with docs/reference/settings.md",
                msg=exc.msg,
            ),
            path=where,
            line=exc.lineno,
        ) from None
    except Exception as exc:  # a settings file is code: any error in it is the user's input
        frame = next(
            (f for f in reversed(traceback.extract_tb(exc.__traceback__)) if f.filename.startswith(str(project))), None
        )
        where = os.path.relpath(frame.filename, project) if frame else path.name
        raise BadInput(
            _("the settings file fails when run ({name__}: {exc}); fix the line", name__=type(exc).__name__, exc=exc),
            path=where,
            line=frame.lineno if frame else None,
        ) from None
    finally:
        sys.path.remove(str(project))
    for key in ("PATH", "OUTPUT_PATH", "CACHE_PATH"):
        # Pelican anchors these to the settings file only when the file sets them; its defaults would
        # follow the current folder, so `podium build -C site` run elsewhere would write output/ there
        if settings.get(key) and not os.path.isabs(settings[key]):
            settings[key] = str(project / settings[key])
    return settings, path


def overlaps(a: Path, b: Path) -> bool:
    """Whether one folder is the other or inside it (both resolved)."""
    return a == b or a.is_relative_to(b) or b.is_relative_to(a)


def comms_folder(project: Path, ctx, comms: bool | str | os.PathLike | None, site: Path, source: Path) -> Path | None:
    """Where the comms room goes: ``comms`` itself, or PODIUM_COMMS_PATH for True; never in or around the site."""
    if not comms:
        return None
    from podium.plugins.settings import where

    configured = comms is True
    folder = (project / ctx.config.comms_path if configured else Path(comms)).resolve()
    if overlaps(folder, site):
        what = "PODIUM_COMMS_PATH" if configured else _("the comms folder")
        located = where(str(source), "PODIUM_COMMS_PATH", str(project)) if configured else {}
        raise BadInput(
            _(
                "{what} {folder} and the site's output {output} share a folder, so the comms room would be "
                "published with the site; keep it outside, e.g. PODIUM_COMMS_PATH = 'comms'",
                what=what,
                folder=_shown(folder, project),
                output=_shown(site, project),
            ),
            **located,
        )
    return folder


def _shown(path: Path, project: Path) -> str:
    return os.path.relpath(path, project) if path.is_relative_to(project) else str(path)


def scratch_for(target: Path, kind: str = "build") -> Path:
    """A fresh folder beside ``target``: on the same disk, so its files can be renamed into place whole."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}.{kind}-", dir=target.parent))


def write_into(settings: dict, scratch: Path) -> None:
    """Point Pelican at ``scratch``, and never let it empty a folder podium brings in itself."""
    settings["OUTPUT_PATH"] = str(scratch)
    settings["DELETE_OUTPUT_DIRECTORY"] = False


@contextlib.contextmanager
def pelican_problems(project: Path) -> Iterator[_Collect]:
    """What Pelican logs at warning level or above while the block runs (paths shown relative to ``project``)."""
    collect = _Collect(str(project))
    logger = logging.getLogger("pelican")
    logger.addHandler(collect)
    try:
        yield collect
    finally:
        logger.removeHandler(collect)


def build(
    project: str | os.PathLike,
    *,
    prod: bool = False,
    now: datetime | str | None = None,
    output: str | os.PathLike | None = None,
    preview: bool = False,
    strict: bool = False,
    overrides: dict | None = None,
    prod_rules: bool = False,
    keep_going: bool = False,
    comms: bool | str | os.PathLike | None = None,
) -> BuildResult:
    """Build the site; raise PodiumError (every problem listed) and leave output alone on failure.

    ``prod_rules``: refuse what a production build refuses (an image without
    alt text) even with pelicanconf.py, so ``podium check`` agrees with ``--prod``.
    ``keep_going``: a build whose output is thrown away may end with errors;
    they are left in ``ctx.report.errors`` for the caller.
    ``comms``: also write the comms room, into that folder, or PODIUM_COMMS_PATH for True;
    it is brought in after the site, and only when the whole build succeeded.
    """
    from pelican import Pelican

    project = Path(project).resolve()
    extra = dict(overrides or {})
    if now is not None:
        extra["PODIUM_NOW"] = now
    if preview:
        extra["PODIUM_PREVIEW"] = True
    if strict:
        extra["PODIUM_STRICT"] = True
    settings, source = read_settings(project, prod, extra)
    target = Path(output).resolve() if output else Path(settings["OUTPUT_PATH"]).resolve()
    ctx = context_mod.create(settings, source=str(source), root=str(project), prod=prod or prod_rules)
    _learn_address(project, prod, settings, ctx)
    room = comms_folder(project, ctx, comms, target, source)
    scratch = scratch_for(target)
    room_scratch = scratch_for(room) if room else None
    ctx.comms_dir = str(room_scratch) if room_scratch else None
    ctx.memo = _memo(project, ctx, settings, target, scratch)
    ctx.room_memo = _memo(project, ctx, settings, room, room_scratch) if room else None
    write_into(settings, scratch)
    with pelican_problems(project) as collect:
        return _run(Pelican, settings, ctx, collect, scratch, target, room_scratch, room, keep_going)


def _memo(project: Path, ctx, settings: dict, target: Path, scratch: Path):
    """The render memo of this build, unless PODIUM_RENDER_MEMO is off."""
    if not ctx.config.render_memo:
        return None
    from podium.plugins.memo import Memo, manifest_path
    from podium.plugins.render_memo import salt

    return Memo(manifest_path(project, target), target, scratch, salt(settings, ctx))


def _learn_address(project: Path, prod: bool, settings: dict, ctx) -> None:
    """Teasers use the production address in every build: a broken publishconf.py is said, not fatal, here."""
    from podium.plugins.i18n import _

    from .production import production_address

    ctx.teaser_address, problem = production_address(project, prod, settings)
    if problem is not None:
        ctx.report.warn(
            BadInput(
                _(
                    "{message} (until publishconf.py can be read, teasers use {root}, not the production address)",
                    message=problem.message,
                    root=ctx.teaser_address.root,
                ),
                path=problem.path,
                line=problem.line,
            )
        )


def _run(Pelican, settings, ctx, collect, scratch, target, room_scratch, room, keep_going) -> BuildResult:
    """Run Pelican into ``scratch``; bring the site (and the comms room) in only when nothing went wrong."""
    try:
        pelican = Pelican(settings)
        try:
            pelican.run()
        except BuildStopped:
            pass  # the report says why (with what Pelican logged, below); nothing was written
        explained = {os.path.basename(e.path) for e in ctx.report.errors if e.path}
        for message in collect.errors:
            # Pelican's "Could not process X" repeats an error podium has already explained
            if message.startswith("Could not process") and os.path.basename(message.split()[-1]) in explained:
                continue
            ctx.report.error(explain(message, ctx.root, settings["PATH"]))
        if ctx.config.strict:
            for warning in ctx.report.warnings + [BadInput(m) for m in collect.warnings]:
                ctx.report.error(warning)
        if not keep_going:
            ctx.report.raise_if_errors()
        synced = sync(scratch, target)
        if ctx.memo is not None:
            ctx.memo.save()
        if room_scratch:
            sync(room_scratch, room)
            if ctx.room_memo is not None:
                ctx.room_memo.save()
    except BaseException:
        for folder in (scratch, room_scratch):
            if folder:
                shutil.rmtree(folder, ignore_errors=True)
        raise
    warnings = ctx.report.warnings + [BadInput(m) for m in collect.warnings]
    return BuildResult(
        output=target,
        settings=settings,
        ctx=ctx,
        warnings=warnings,
        synced=synced,
        articles=len(ctx.posts),
        pages=len(ctx.pages) + len(ctx.page_translations),
        comms=room,
    )


__all__ = ["build", "read_settings", "BuildResult", "ManyErrors"]
