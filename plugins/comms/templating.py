"""The comms room's own Jinja environment: its pages do not depend on the site's theme templates."""

from __future__ import annotations

import functools
from pathlib import Path

from ..i18n import translate, translate_plural

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


@functools.lru_cache(maxsize=1)
def environment():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, trim_blocks=False, lstrip_blocks=False
    )


def render(name: str, **values) -> bytes:
    """The page ``name``; its template may say ``{{ _("Copy") }}`` and ``{{ ngettext(one, many, n, n=n) }}``.

    Both speak the page's language (``lang``, the site's: comms pages follow the
    site, not the terminal), and fill ``{name}`` placeholders like podium's _().
    """
    from .render_cache import remembered

    def make() -> bytes:
        lang = values.get("lang") or "en"
        values.setdefault("_", functools.partial(translate, lang))
        values.setdefault("ngettext", functools.partial(translate_plural, lang))
        return environment().get_template(name).render(**values).encode("utf-8")

    return remembered("template:" + name, values, make)


def prefix(path: str) -> str:
    """From a page at ``path`` (relative to the room) back to the room's root: '' or '../'."""
    return "../" * path.count("/")
