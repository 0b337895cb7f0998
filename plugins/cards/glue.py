"""Glue: a social card for every published post, rendered only when something that shapes it changed.

Attribute set on each post, for the theme's meta tags and for the feeds:
``podium_card = {"url", "path", "width", "height", "alt", "type", "length"}``
(``url`` absolute when SITEURL is set; ``length`` in bytes, for enclosures),
or None when cards are turned off; and ``podium_images``, the picture of each
image network (network_glue.py).
Counters for tests and the benchmark: ``ctx.cards.rendered``, ``.reused``, ``.seconds`` and ``.cpu_seconds``.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

import PIL
from pelican import signals
from PIL import Image

from .. import context, memo, pool
from ..errors import BadInput, Report
from ..files import copy_atomic
from ..i18n import _
from ..images import checks, decode, files, paths
from ..images.glue import project_dir
from ..images.glue import state as images_state
from ..post import plain_text
from . import compose, design, network_glue, renderer
from .cache import Store, digest, key
from .fonts import bundled

WIDTH, HEIGHT = design.WIDTH, design.HEIGHT
MIME = {".png": "image/png", ".jpg": "image/jpeg"}


@dataclass
class Kit:
    """What every card of one build shares: settings, fonts, pictures, the cache, the counters."""

    store: Store
    content: str
    layout: str
    colours: design.Colours
    ext: str
    name: str
    role: str
    site: str
    max_pixels: int
    faces: renderer.Faces
    fonts_digest: str
    pictures: renderer.Pictures = field(default_factory=renderer.Pictures)
    portrait_digest: str | None = None
    logo_digest: str | None = None
    files: dict[str, Path] = field(default_factory=dict)  # path in output -> file in the cache
    drawn: set[str] = field(default_factory=set)  # cache keys drawn in this build (counted as rendered)
    network_images: dict[tuple[str, str], dict] = field(default_factory=dict)  # (slug, lang) -> network -> picture
    pending: list[tuple] = field(default_factory=list)  # (cards being drawn, the posts they are for, settings)
    rendered: int = 0
    reused: int = 0
    seconds: float = 0.0  # wall time spent on cards in this build, for the benchmark
    cpu_seconds: float = 0.0  # the same in processor time, which other programs running do not inflate

    def design_key(self, *head, title: str) -> str:
        """The cache name of a card drawn from this kit's design with ``title``; ``head`` says which card."""
        design = (self.name, self.role, self.site, self.fonts_digest, self.portrait_digest, self.logo_digest)
        return key(*head, self.layout, vars(self.colours), title, *design)


def site_label(settings, leader: str) -> str:
    """The site's name, or its domain when the name only repeats the leader's (already on the card)."""
    name = plain_text(settings.get("SITENAME", "") or "")
    host = urlsplit(settings.get("SITEURL", "") or "").hostname or ""
    return host if (name == leader and host) else name


def picture(
    kit_content: str, rel: str | None, setting: str, max_pixels: int, ctx
) -> tuple[Image.Image | None, str | None]:
    """A portrait or logo named in the settings, decoded once per build; problems are reported."""
    if not rel:
        return None, None
    try:
        data = files.read_inside(kit_content, paths.content_path(rel) or rel)
        image = decode.upright(decode.decode(data, max_pixels))
        return image, digest(data)
    except paths.Outside:
        problem = _(
            "'{path}' points outside content/; give a path under content/, such as images/portrait.jpg", path=rel
        )
    except OSError:
        problem = _(
            "'{path}' not found under content/; fix the path or set {setting} = None", path=rel, setting=setting
        )
    except decode.ImageProblem as exc:
        problem = _("image '{path}' {problem}", path=rel, problem=exc)
    ctx.report.error(BadInput(_("{setting}: {problem}", setting=setting, problem=problem), **ctx.setting_at(setting)))
    return None, None


def kit(settings, ctx) -> Kit:
    cfg = ctx.config
    content = os.path.abspath(settings["PATH"])
    fonts = bundled()
    name = cfg.leader_name or plain_text(settings.get("AUTHOR", "") or "")
    made = Kit(
        store=Store(os.path.join(project_dir(settings, ctx), cfg.cards_cache_dir)),
        content=content,
        layout=cfg.cards_layout,
        colours=design.Colours(cfg.cards_background, cfg.cards_foreground, cfg.cards_accent),
        ext=".png" if cfg.cards_format == "png" else ".jpg",
        name=name,
        role=cfg.leader_role,
        site=site_label(settings, name),
        max_pixels=cfg.images_max_pixels,
        faces=renderer.Faces(fonts),
        fonts_digest=digest(fonts.bold + fonts.regular),
    )
    portrait = None
    if cfg.cards_portrait:
        portrait, made.portrait_digest = picture(content, cfg.leader_photo, "PODIUM_LEADER_PHOTO", made.max_pixels, ctx)
    logo, made.logo_digest = picture(content, cfg.cards_logo, "PODIUM_CARDS_LOGO", made.max_pixels, ctx)
    made.pictures = renderer.Pictures(portrait, logo)
    return made


def _photo(k: Kit, item, ctx, where: str, meta: dict, lines: dict) -> tuple[bytes, tuple, str] | None:
    """The post's own card_image, read and checked; None when it has none or it cannot be used."""
    rel, problems = checks.card_image(meta, where, lines)
    focus, more = checks.card_focus(meta, where, lines)
    for problem in problems + more:
        ctx.report.error(problem)
    if rel is None:
        return None
    value = meta.get("card_image")
    try:
        return files.read_inside(k.content, rel), focus, rel
    except paths.Outside:
        message = _(
            "card_image '{value}' points outside content/; give a path under content/, such as images/card.jpg",
            value=value,
        )
    except OSError:
        message = _(
            "card_image '{value}' not found (looked for content/{rel}); check the path, which starts from content/",
            value=value,
            rel=rel,
        )
    ctx.report.error(BadInput(message, path=where, line=lines.get("card_image")))
    return None


def _render(k: Kit, title: str, photo, where: str, meta: dict, lines: dict, ctx, settings) -> tuple[bytes, str] | None:
    if photo is not None:
        data, focus, rel = photo
        try:
            image = decode.upright(decode.decode(data, k.max_pixels))
            return renderer.encode(renderer.from_photo(image, focus), "jpeg"), ".jpg"
        except decode.ImageProblem as problem:
            ctx.report.error(
                BadInput(
                    _("card_image '{value}' {problem}", value=meta.get("card_image"), problem=problem),
                    path=where,
                    line=lines.get("card_image"),
                )
            )
            images_state(settings).failed.add(rel)  # reported here: the output's image check need not repeat it
            return None
    card, fmt, pictured = _card(k, title)
    return _drawing(k).encode(card, fmt, flat=not pictured), k.ext


def _card(k: Kit, title: str) -> tuple[renderer.Card, str, bool]:
    """What one generated card is drawn from: the card, the format, and whether it has a picture on it."""
    card = renderer.Card(title, k.name, k.role, k.site, k.layout, k.colours)
    pictured = (k.pictures.portrait is not None) or (k.pictures.logo is not None)
    return card, ("png" if k.ext == ".png" else "jpeg"), pictured


#: the build's faces and pictures and the layers made from them, and the card cache,
#: set before worker processes are forked (they inherit them)
_DRAWING: compose.Cards | None = None
_STORE: Store | None = None


def _draw(job: tuple[str, renderer.Card, str, bool]) -> int:
    """Draw one generated card and store it; its size in bytes. The same function here and in a worker.

    The worker stores the card itself, so the bytes never travel back and the
    build keeps none of them in memory.
    """
    name, card, fmt, pictured = job
    data = _DRAWING.encode(card, fmt, flat=not pictured)
    ext = ".png" if fmt == "png" else ".jpg"
    _STORE.put(name, {"card" + ext: data}, {"bytes": len(data), "ext": ext})
    return len(data)


def _drawing(k: Kit) -> compose.Cards:
    """The build's card composer, made once: a new build (new kit) gets a new one."""
    global _DRAWING, _STORE
    if _DRAWING is None or _DRAWING.faces is not k.faces or _DRAWING.pictures is not k.pictures:
        _DRAWING = compose.Cards(k.faces, k.pictures)
    _STORE = k.store
    return _DRAWING


def _generated_name(k: Kit, title: str) -> str:
    return k.design_key("card", renderer.VERSION, PIL.__version__, k.ext, title=title)


def _prepare(item, k: Kit, ctx) -> tuple[str, tuple | None]:
    """The post's card title and its own card_image (checked, problems reported once)."""
    where = ctx.display_path(item.source_path)
    meta = getattr(item, "podium_raw", None) or item.metadata
    lines = getattr(item, "podium_lines", None) or {}
    return plain_text(getattr(item, "title", "") or ""), _photo(k, item, ctx, where, meta, lines)


def draw_missing(k: Kit, titles: list[str], workers: int) -> pool.Pending:
    """Start drawing every generated card not in the cache yet, on every core; ``.results()`` waits for them."""
    names = {}
    for title in titles:
        name = _generated_name(k, title)
        if name not in names and k.store.manifest(name) is None:
            names[name] = title
    _drawing(k)
    k.rendered += len(names)
    k.drawn.update(names)
    return pool.start(_draw, [(name, *_card(k, title)) for name, title in names.items()], pool.size(workers))


def card_for(item, k: Kit, ctx, settings, title: str, photo) -> dict:
    """Render (or find in the cache) one post's card, and describe it for the templates."""
    where = ctx.display_path(item.source_path)
    meta = getattr(item, "podium_raw", None) or item.metadata
    lines = getattr(item, "podium_lines", None) or {}
    if photo is not None:
        name = key(
            "card-photo", renderer.VERSION, PIL.__version__, digest(photo[0]), photo[1]
        )  # not the path: same photo, same card
    else:
        name = _generated_name(k, title)
    manifest = k.store.manifest(name)
    if manifest is None:
        made = _render(k, title, photo, where, meta, lines, ctx, settings)
        if made is None:  # the card_image is unusable (reported): sharing still gets the generated card
            return card_for(item, k, ctx, settings, title, None)
        data, ext = made
        k.store.put(name, {"card" + ext: data}, {"bytes": len(data), "ext": ext})
        manifest = {"bytes": len(data), "ext": ext}
        k.rendered += 1
    elif name not in k.drawn:
        k.reused += 1
    return describe(item, k, name, manifest, title, photo is not None, settings.get("SITEURL", "") or "")


def describe(item, k: Kit, name: str, manifest: dict, title: str, own: bool, siteurl: str) -> dict:
    ext = manifest["ext"]
    lang = getattr(item, "lang", "") or ""
    path = f"cards/{lang}/{item.slug}{ext}" if lang else f"cards/{item.slug}{ext}"
    k.files[path] = k.store.file(name, "card" + ext)
    alt = title if own else f"{title} — {k.name}" + (f", {k.role}" if k.role else "")
    return {
        "url": f"{siteurl.rstrip('/')}/{path}",
        "path": path,
        "width": WIDTH,
        "height": HEIGHT,
        "alt": alt,
        "type": MIME[ext],
        "length": manifest["bytes"],
    }


class _Aside:
    """A build context whose report is kept apart: a withheld post's card problems are not the build's yet."""

    def __init__(self, ctx):
        self.report, self.display_path = Report(), ctx.display_path


def private_card(item, settings, ctx) -> tuple[bytes, str, str] | None:
    """A post's card for the comms room: (bytes, extension, alt text), drawn or found in the cache.

    Never added to ``Kit.files``, so it is never copied into the site: the
    post may be withheld. None when cards are off or the card cannot be made.
    """
    if not ctx.config.cards_enabled:
        return None
    k = ctx.cards or kit(settings, ctx)
    aside = _Aside(ctx)
    title, photo = _prepare(item, k, aside)
    name = (
        key("card-photo", renderer.VERSION, PIL.__version__, digest(photo[0]), photo[1])
        if photo is not None
        else _generated_name(k, title)
    )
    manifest = k.store.manifest(name)
    if manifest is None:
        meta = getattr(item, "podium_raw", None) or item.metadata
        made = _render(k, title, photo, ctx.display_path(item.source_path), meta, {}, aside, settings)
        if made is None:
            return None
        data, ext = made
        k.store.put(name, {"card" + ext: data}, {"bytes": len(data), "ext": ext})
        manifest = {"bytes": len(data), "ext": ext}
    ext = manifest["ext"]
    alt = title if photo is not None else f"{title} — {k.name}" + (f", {k.role}" if k.role else "")
    return Path(k.store.file(name, "card" + ext)).read_bytes(), ext, alt


def _cards(generator) -> None:
    ctx = context.get(generator.settings)
    items = generator.articles + generator.translations
    if ctx.preview:
        items += generator.drafts + generator.drafts_translations
    if not ctx.config.cards_enabled:
        for item in items:
            item.podium_card = None
            item.podium_images = {}
        return
    start, cpu = time.perf_counter(), time.process_time()
    k = ctx.cards = ctx.cards or kit(generator.settings, ctx)
    generated = []
    for item, title, photo in [(item, *_prepare(item, k, ctx)) for item in items]:
        if photo is None:
            generated.append((item, title, photo))
        else:  # now: a bad card_image is reported before the output's image check runs
            _describe(item, k, ctx, generator.settings, title, photo)
    # drawn while the build goes on (teasers, images, other generators); collected before anything is written
    drawing = draw_missing(k, [title for _, title, _ in generated], ctx.config.workers)
    k.pending.append((drawing, generated, generator.settings))
    k.seconds += time.perf_counter() - start
    k.cpu_seconds += time.process_time() - cpu


def _describe(item, k: Kit, ctx, settings, title: str, photo) -> None:
    item.podium_card = card_for(item, k, ctx, settings, title, photo)
    item.podium_images = network_glue.images_for(item, k, item.podium_card, ctx, settings)


def _collect(pelican) -> None:
    """Wait for the cards still being drawn, then describe each post's card for the templates and the feeds."""
    k = context.get(pelican.settings).cards
    if k is None or not k.pending:
        return
    start, cpu = time.perf_counter(), time.process_time()
    ctx = context.get(pelican.settings)
    while k.pending:
        drawing, prepared, settings = k.pending.pop(0)
        drawing.results()
        for item, title, photo in prepared:
            _describe(item, k, ctx, settings, title, photo)
    k.seconds += time.perf_counter() - start
    k.cpu_seconds += time.process_time() - cpu


def card_again(item, settings) -> None:
    """One post's card and network pictures again: ``podium serve`` re-read this post alone (publish/warm.py)."""
    ctx = context.get(settings)
    k = ctx.cards
    if k is None:  # cards are off: the post keeps the None and {} it was given
        return
    title, photo = _prepare(item, k, ctx)
    draw_missing(k, [title] if photo is None else [], 1).results()
    _describe(item, k, ctx, settings, title, photo)


def _write(pelican) -> None:
    _collect(pelican)  # a build that sent no get_writer signal
    ctx = context.get(pelican.settings)
    k = ctx.cards
    if k is None:
        return
    start, cpu = time.perf_counter(), time.process_time()
    for path, cached in sorted(k.files.items()):
        # the cache's file names are hashes of their bytes: the same name, the same card
        memo.produce(ctx.memo, pelican.output_path, path, str(cached), partial(copy_atomic, cached))
    k.seconds += time.perf_counter() - start
    k.cpu_seconds += time.process_time() - cpu


def register() -> None:
    # article_generator_finalized: only publishable posts remain (the embargo ran at pretaxonomy),
    # and nothing is written yet: the templates and the feeds can still read podium_card.
    signals.article_generator_finalized.connect(_cards)
    # get_writer: the last signal before pages and feeds are written, so the cards had the longest to be drawn
    signals.get_writer.connect(_collect)
    # finalized: the output folder is complete; cards are copied from the cache into it.
    signals.finalized.connect(_write)
