"""Glue: post images become responsive pictures, and every published image loses its metadata.

Attributes set on each post and page (for the theme and the feeds):
``podium_lead_image``: ``{"url", "width", "height", "alt", "type"}`` of its
first local image, or None.
"""

from __future__ import annotations

import logging
import os
import posixpath
from dataclasses import dataclass, field

from pelican import signals

from .. import context
from ..errors import BadInput
from ..files import write_atomic
from ..i18n import _
from . import checks, files, markup, paths
from .decode import ImageProblem
from .library import Entry, Library
from .variants import EXTENSIONS, MIME

PUBLISHED = tuple(set(EXTENSIONS.values()) | {".jpeg", ".tiff"})


@dataclass
class State:
    library: Library
    content: str  # the content folder, absolute
    jobs: dict[str, Entry] = field(default_factory=dict)  # path under content/ -> processed image
    static_out: dict[str, str] = field(default_factory=dict)  # path under content/ -> path in output
    failed: set[str] = field(default_factory=set)  # paths under content/ already reported for a post


def project_dir(settings, ctx) -> str:
    return ctx.root or os.path.dirname(os.path.abspath(settings["PATH"]))


def state(settings) -> State:
    ctx = context.get(settings)
    found = ctx.images
    if found is None:
        cfg = ctx.config
        cache = os.path.join(project_dir(settings, ctx), cfg.images_cache_dir)
        library = Library(cache, cfg.images_widths, cfg.images_quality, cfg.images_max_pixels)
        found = ctx.images = State(library, os.path.abspath(settings["PATH"]))
    return found


def _read(st: State, rel: str, src: str, where: str, line: int | None) -> bytes | BadInput:
    """The image's bytes, or the error to report; never reads outside content/."""
    try:
        return files.read_inside(st.content, rel)
    except paths.Outside:
        return checks.outside(src, where, line)
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return BadInput(
            _(
                "image '{src}' not found (looked for content/{rel}); check the file name or add the file",
                src=src,
                rel=rel,
            ),
            path=where,
            line=line,
        )
    except OSError as exc:
        return BadInput(
            _(
                "image '{src}' cannot be read ({strerror}); check the file's permissions",
                src=src,
                strerror=exc.strerror,
            ),
            path=where,
            line=line,
        )


def _entry(st: State, img: markup.Img, base: str, where: str, line_for) -> tuple[str, Entry] | BadInput | None:
    """The processed form of one <img>, None if it is not podium's to process, or the error."""
    try:
        rel = paths.content_path(img.src, base)
    except paths.Outside:
        return checks.outside(img.src, where, line_for(img.src))
    if rel is None or rel.lower().endswith(".svg"):
        return None  # a web address, or a vector drawing that needs no variants
    data = _read(st, rel, img.src, where, line_for(img.src))
    if isinstance(data, BadInput):
        return data
    try:
        return rel, st.library.entry(data)
    except ImageProblem as problem:
        st.failed.add(rel)
        return BadInput(_("image '{src}' {problem}", src=img.src, problem=problem), path=where, line=line_for(img.src))


def _source(item) -> str:
    try:
        with open(item.source_path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return ""


def plan_item(item, st: State, ctx, settings) -> None:
    """Check one post's images, process them, and have its HTML rewritten when written."""
    images = markup.find_images(getattr(item, "_content", "") or "")
    if not images:
        item.podium_lead_image = None
        return
    where = ctx.display_path(item.source_path)
    meta = getattr(item, "podium_raw", None) or item.metadata
    lines = getattr(item, "podium_lines", None) or {}
    base = posixpath.relpath(os.path.dirname(item.source_path), st.content).replace(os.sep, "/")
    base = "" if base == "." else base
    line_for = checks.line_finder(_source(item), lines)
    decorative, problems = checks.decorative_list(meta, where, lines)
    for problem in problems:
        ctx.report.error(problem)
    for problem in checks.missing_alt(images, decorative, base, where, line_for):
        # a local build or a preview shows the problem without stopping; a production build refuses it
        (ctx.report.error if ctx.prod else ctx.report.warn)(problem)
    plans, lead = {}, None
    for index, img in enumerate(images):
        found = _entry(st, img, base, where, line_for)
        if isinstance(found, BadInput):
            ctx.report.error(found)
        elif found is not None:
            rel, entry = found
            st.jobs[rel] = entry
            plans[index] = markup.Plan(entry.width, entry.height, entry.format, entry.variants, rel.rsplit("/", 1)[-1])
            lead = lead or (rel, entry, img.get("alt") or "")
    item.podium_lead_image = _lead(lead, settings) if lead else None
    if plans and ctx.config.images_enabled:
        install(item, plans, ctx.config.images_sizes)


def _lead(lead, settings) -> dict:
    rel, entry, alt = lead
    try:
        url = settings.get("STATIC_URL", "{path}").format(path=rel)
    except (KeyError, IndexError):
        url = rel
    siteurl = (settings.get("SITEURL") or "").rstrip("/")
    return {
        "url": f"{siteurl}/{url}",
        "width": entry.width,
        "height": entry.height,
        "alt": alt,
        "type": MIME.get(entry.format, "image/jpeg"),
    }


def install(item, plans: dict[int, markup.Plan], sizes: str) -> None:
    """Have Pelican's resolved HTML rewritten each time the post's content is asked for.

    Pelican resolves ``{static}`` links only when content is read, into URLs
    that depend on where the page is written (RELATIVE_URLS) or on the feed;
    srcset must be built from those final URLs, so the rewrite wraps
    ``get_content`` rather than editing the source HTML now.
    """
    resolve = item.get_content
    done: dict[str, str] = {}

    def get_content(siteurl: str) -> str:
        if siteurl not in done:
            done[siteurl] = markup.rewrite(resolve(siteurl), plans, sizes)
        return done[siteurl]

    item.get_content = get_content
    # what the rewrite depends on, as the post's own data: the render memo keys pages on it
    item.podium_image_plans = (plans, sizes)
    _forget_summary(item)


def _forget_summary(item) -> None:
    """A summary computed before the rewrite would keep plain <img> tags: drop it from Pelican's memo."""
    for klass in type(item).__mro__:
        memo = getattr(klass.__dict__.get("get_summary"), "cache", None)
        if isinstance(memo, dict):
            for args in [k for k in memo if k and k[0] is item]:
                del memo[args]


def _articles(generator) -> None:
    ctx = context.get(generator.settings)
    st = state(generator.settings)
    items = generator.articles + generator.translations
    if ctx.preview:
        items += generator.drafts + generator.drafts_translations
    for item in items:
        plan_item(item, st, ctx, generator.settings)


def _pages(generator) -> None:
    ctx = context.get(generator.settings)
    st = state(generator.settings)
    for item in generator.pages + generator.translations + generator.hidden_pages + generator.hidden_translations:
        plan_item(item, st, ctx, generator.settings)


def _static_map(generators) -> None:
    for generator in generators:
        for static in getattr(generator, "staticfiles", ()) or ():
            st = state(generator.settings)
            rel = os.path.relpath(static.source_path, st.content).replace(os.sep, "/")
            st.static_out[rel] = static.save_as


def _publish(pelican) -> None:
    """Variants beside their originals, then no image in the output keeps its metadata."""
    ctx = context.get(pelican.settings)
    st = state(pelican.settings)
    output = os.path.abspath(pelican.output_path)
    written: set[str] = set()
    for rel, entry in sorted(st.jobs.items()):
        written.update(st.library.publish(entry, output, st.static_out.get(rel, rel)))
    sources = {os.path.normpath(os.path.join(output, out)): rel for rel, out in st.static_out.items()}
    for path in sorted(published_images(output)):
        if path not in written and sources.get(path) not in st.failed:
            strip_file(path, st, ctx, sources.get(path))


def published_images(output: str):
    for folder, _dirs, names in os.walk(output):
        for name in names:
            if name.lower().endswith(PUBLISHED):
                yield os.path.normpath(os.path.join(folder, name))


def strip_file(path: str, st: State, ctx, source: str | None) -> None:
    where = ctx.display_path(os.path.join(st.content, source) if source else path)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        clean = st.library.stripped(data)
    except ImageProblem as problem:
        ctx.report.error(BadInput(_("published image {problem}", problem=problem), path=where))
        return
    except OSError as exc:
        ctx.report.error(BadInput(_("published image cannot be read ({strerror})", strerror=exc.strerror), path=where))
        return
    if clean is not None:
        write_atomic(path, clean)


class _NoBlanketAltWarning(logging.Filter):
    """Podium checks alt text itself and knows decorative images; Pelican warns about every empty alt,
    which would fail a --strict build over an image the author declared decorative."""

    def filter(self, record: logging.LogRecord) -> bool:
        # Pelican's LimitFilter turns repeats into one "Other images have empty alt attributes"
        return not str(record.msg).startswith(("Empty alt attribute for image", "Other images have empty alt"))


def register() -> None:
    readers_log = logging.getLogger("pelican.readers")
    if not any(isinstance(f, _NoBlanketAltWarning) for f in readers_log.filters):
        readers_log.addFilter(_NoBlanketAltWarning())
    # article_generator_finalized: the embargo (pretaxonomy) has removed every post that must not
    # appear, and no HTML is written yet: plan images, check alt text, wrap content for the rewrite.
    signals.article_generator_finalized.connect(_articles)
    signals.page_generator_finalized.connect(_pages)
    # all_generators_finalized: the static generator has decided where each content file is copied.
    signals.all_generators_finalized.connect(_static_map)
    # finalized: Pelican has copied every static file; only now can output images be replaced by clean ones.
    signals.finalized.connect(_publish)
