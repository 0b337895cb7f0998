"""The quick preview: the pages of the posts just saved, rendered first, while the full build follows.

``podium serve`` would otherwise make an author wait for the whole site after
every save. Pelican reads every post (cheap: parsed posts come from the
cache), so the edited page sees the same site as in a full build: neighbours,
tags, series, feeds links, embargo. Then only the edited contents' pages are
rendered and renamed into the preview folder; nothing else is written (no
feed, sitemap, card, teaser or image copy: the full build that follows brings
those). Pelican's ``all_generators_finalized`` and ``finalized`` signals are not
sent: podium's handlers there only make those other files. A quick preview
that meets any problem gives up quietly: the full build reports it.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from podium.plugins import context as context_mod

from .build import pelican_problems, read_settings, scratch_for, write_into
from .sync import same_bytes
from .warm import Warm

#: the lists of each generator that hold contents with a page of their own
_CONTENTS = (
    "articles",
    "translations",
    "drafts",
    "drafts_translations",
    "hidden_articles",
    "hidden_translations",
    "pages",
    "hidden_pages",
    "draft_pages",
    "draft_translations",
)


@dataclass
class Quick:
    written: list[str]  # paths in the output folder, relative
    pages: list[str]  # the same, as the preview server's URL paths
    #: what this run read, kept for the next save (warm.py); None when it met a problem
    warm: Any = None


def _contents(generator) -> list:
    return [c for name in _CONTENTS for c in getattr(generator, name, None) or []]


def _only(writer, wanted: set[str]):
    """Make the writer render nothing but ``wanted`` (Pelican calls it for every page of the site)."""
    real = writer.write_file

    def write_file(name, *args, **kwargs):
        if name in wanted:
            return real(name, *args, **kwargs)
        return None

    writer.write_file = write_file
    return writer


def _generators(pelican) -> list:
    context = pelican.settings.copy()
    context.update(
        {
            "generated_content": {},
            "static_links": set(),
            "static_content": {},
            "localsiteurl": pelican.settings["SITEURL"],
        }
    )
    return [
        cls(
            context=context,
            settings=pelican.settings,
            path=pelican.path,
            theme=pelican.theme,
            output_path=pelican.output_path,
        )
        for cls in pelican._get_generator_classes()
    ]


def _render(pelican, changed: set[str], generators: list) -> list[str]:
    """Read the whole site, render the changed contents' pages; their paths under the output folder."""
    for generator in generators:
        if hasattr(generator, "generate_context"):
            generator.generate_context()
    owners = {}
    for generator in generators:
        for item in _contents(generator):
            if os.path.realpath(item.source_path) in changed and item.save_as:
                owners.setdefault(generator, set()).add(item.save_as)
    for generator in generators:
        if hasattr(generator, "refresh_metadata_intersite_links"):
            generator.refresh_metadata_intersite_links()
    writer = pelican._get_writer()
    for generator, wanted in owners.items():
        generator.generate_output(_only(writer, wanted))
    return sorted(set().union(*owners.values())) if owners else []


def quick(
    project: str | os.PathLike, changed: list[str | os.PathLike], *, output: str | os.PathLike, now=None
) -> Quick | None:
    """Render the pages of ``changed`` source files into the preview folder ``output``; None if it cannot.

    With nothing ``changed`` it only reads the site: ``podium serve`` keeps what it read (``Quick.warm``).
    """
    from pelican import Pelican

    project = Path(project).resolve()
    extra = {"PODIUM_PREVIEW": True} | ({"PODIUM_NOW": now} if now is not None else {})
    settings, source = read_settings(project, False, extra)
    ctx = context_mod.create(settings, source=str(source), root=str(project))
    target = Path(output).resolve()
    if not target.is_dir():
        return None
    scratch = scratch_for(target, "quick")
    write_into(settings, scratch)
    with pelican_problems(project) as collect:
        try:
            pelican = Pelican(settings)
            generators = _generators(pelican)
            done = _bring_in(pelican, generators, changed, ctx, collect, scratch, target)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    if done is not None:
        done.warm = Warm(project, pelican, generators, ctx, fixed_now=ctx.now if now is not None else None)
    return done


def _bring_in(pelican, generators, changed, ctx, collect, scratch: Path, target: Path) -> Quick | None:
    """Render the changed pages into ``scratch``, then rename each into ``target`` unless something went wrong."""
    written = _render(pelican, {os.path.realpath(p) for p in changed}, generators)
    if (changed and not written) or ctx.report.errors or collect.errors:
        return None
    for rel in written:  # each page renamed into place whole; an unchanged one is left as it was
        new, old = scratch / rel, target / rel
        if not same_bytes(str(new), str(old)):
            old.parent.mkdir(parents=True, exist_ok=True)
            os.replace(new, old)
    return Quick(written, ["/" + rel.replace(os.sep, "/") for rel in written])
