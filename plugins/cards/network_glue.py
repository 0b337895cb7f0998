"""Glue: the picture each image network shows for a post, rendered through the card cache.

Sets ``podium_images`` on each post: network -> ``{"url", "path", "width",
"height", "alt", "type", "length"}`` for every network of PODIUM_NETWORKS
that shows a picture: Instagram's 4:5 and Pinterest's 2:3 (written as
``cards/<lang>/<slug>-<network>.jpg``), the 1200 × 630 card for Facebook and
Threads. The same values are kept on the cards kit (``network_images``, by
slug and language) for the publish pipeline, which hands the address to the
network. A ``card_image`` too small for a format stops the build with its line.
"""

from __future__ import annotations

import PIL

from ..errors import BadInput
from ..i18n import _
from ..images import checks, decode, files
from ..images.process import clean
from ..post import plain_text
from . import formats, renderer
from .cache import digest, key


def _photo(k, meta: dict, lines: dict, where: str) -> tuple[bytes, tuple, str] | None:
    """The post's own card_image and focus; its problems were already reported by the card itself."""
    rel, problems = checks.card_image(meta, where, lines)
    focus, more = checks.card_focus(meta, where, lines)
    if rel is None or problems or more:
        return None
    try:
        return files.read_inside(k.content, rel), focus, rel
    except (OSError, ValueError):
        return None


def _make(k, fmt: formats.Format, title: str, photo, ctx, where: str, meta: dict, lines: dict) -> bytes | None:
    """Render one format (a cache miss); None with the problem reported when the image cannot be made."""
    line = lines.get("card_image")
    try:
        if photo is not None:
            image = clean(decode.decode(photo[0], k.max_pixels))
            problem = formats.too_small(image.size, photo[1], fmt)
            if problem:
                ctx.report.error(
                    BadInput(
                        _("card_image '{image}' {problem}", image=meta.get("card_image"), problem=problem),
                        path=where,
                        line=line,
                    )
                )
                return None
            return formats.encode(formats.from_photo(image, photo[1], fmt), fmt)
        card = renderer.Card(title, k.name, k.role, k.site, k.layout, k.colours)
        return formats.encode(formats.generated(card, k.faces, k.pictures, fmt), fmt)
    except decode.ImageProblem:
        return None  # the card itself reported it
    except ValueError as exc:
        ctx.report.error(BadInput(_("{exc}; use a simpler image", exc=exc), path=where, line=line))
        return None


def picture_for(item, k, fmt: formats.Format, card: dict, ctx, settings) -> dict | None:
    where = ctx.display_path(item.source_path)
    meta = getattr(item, "podium_raw", None) or item.metadata
    lines = getattr(item, "podium_lines", None) or {}
    title = plain_text(getattr(item, "title", "") or "")
    photo = _photo(k, meta, lines, where)
    if photo is not None:
        name = key("format-photo", fmt.network, renderer.VERSION, PIL.__version__, digest(photo[0]), photo[1])
    else:
        name = k.design_key("format", fmt.network, renderer.VERSION, PIL.__version__, title=title)
    manifest = k.store.manifest(name)
    if manifest is None:
        data = _make(k, fmt, title, photo, ctx, where, meta, lines)
        if data is None:
            return None
        manifest = {"bytes": len(data), "ext": ".jpg"}
        k.store.put(name, {"image.jpg": data}, manifest)
        k.rendered += 1
    else:
        k.reused += 1
    lang = getattr(item, "lang", "") or ""
    path = f"cards/{lang}/{item.slug}-{fmt.network}.jpg" if lang else f"cards/{item.slug}-{fmt.network}.jpg"
    k.files[path] = k.store.file(name, "image.jpg")
    siteurl = (settings.get("SITEURL", "") or "").rstrip("/")
    return {
        "url": f"{siteurl}/{path}",
        "path": path,
        "width": fmt.width,
        "height": fmt.height,
        "alt": card["alt"],
        "type": "image/jpeg",
        "length": manifest["bytes"],
    }


def images_for(item, k, card: dict, ctx, settings) -> dict:
    """network -> picture, for the image networks among PODIUM_NETWORKS."""
    wanted = ctx.config.networks
    found = {network: card for network in formats.CARD_NETWORKS if network in wanted}
    for network, fmt in formats.FORMATS.items():
        if network in wanted:
            picture = picture_for(item, k, fmt, card, ctx, settings)
            if picture is not None:
                found[network] = picture
    k.network_images[(item.slug, getattr(item, "lang", "") or "")] = found
    return found
