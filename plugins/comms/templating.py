"""The comms room's own Jinja environment: its pages do not depend on the site's theme templates."""

from __future__ import annotations

import functools
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


@functools.lru_cache(maxsize=1)
def environment():
    import jinja2

    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                              trim_blocks=False, lstrip_blocks=False)


def render(name: str, **values) -> bytes:
    return environment().get_template(name).render(**values).encode("utf-8")


def prefix(path: str) -> str:
    """From a page at ``path`` (relative to the room) back to the room's root: '' or '../'."""
    return "../" * path.count("/")
