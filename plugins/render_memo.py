"""What a page written by Pelican's writer is keyed on, for the render memo (plugins/memo.py).

The key of a page joins: podium's code and the libraries that render; the
theme's files; the settings (and the settings files' bytes, since filters
and globals defined there count by name only); the site-wide fingerprint of
the shared context and every content's facts, with which posts are withheld;
and what the page is given (its post or its lists, whole), its name, URL and
template. The site-wide part is computed once per build, when the first page
is written: every generator has finished reading by then.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from pelican.contents import Content

from .fingerprint import Fingerprints, Unstable
from .parsed import settings_digest

logger = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def code_digest() -> str:
    """podium's package (code, word catalogues, the comms room's templates) and the versions of what renders."""
    from importlib.metadata import version

    h = hashlib.blake2b(digest_size=20)
    for name in ("jinja2", "markupsafe", "markdown", "pelican", "babel"):
        h.update(f"{name} {version(name)}\0".encode())
    root = Path(__file__).resolve().parent
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def _searchpaths(loader) -> list[str]:
    """Every folder a Jinja loader reads templates from (choice, prefix and file-system loaders)."""
    found = list(getattr(loader, "searchpath", []) or [])
    for inner in getattr(loader, "loaders", []) or []:
        found += _searchpaths(inner)
    for inner in (getattr(loader, "mapping", None) or {}).values():
        found += _searchpaths(inner)
    return found


def theme_digest(env) -> str:
    """The bytes of every template the environment can load."""
    h = hashlib.blake2b(digest_size=20)
    for folder in _searchpaths(env.loader):
        for base, _dirs, names in sorted(os.walk(folder)):
            for name in sorted(names):
                path = os.path.join(base, name)
                h.update(path.encode() + b"\0")
                with open(path, "rb") as handle:
                    h.update(handle.read())
    return h.hexdigest()


def salt(settings: dict[str, Any], ctx) -> str:
    """What every output of this build shares: code, settings and the settings files."""
    h = hashlib.blake2b(digest_size=20)
    h.update((code_digest() + settings_digest(settings)).encode())
    for name in ("pelicanconf.py", "publishconf.py"):
        path = os.path.join(ctx.root or "", name)
        if os.path.isfile(path):
            with open(path, "rb") as handle:
                h.update(name.encode() + b"\0" + handle.read())
    return h.hexdigest()


#: the theme's promise about where it shows a content's text (see themes/podium/memo.json)
PROMISE = "memo.json"
#: the contents a page is given as its own: their text may be on it
_OWN = ("article", "page")


def bodies_on_own_page(settings: dict[str, Any]) -> bool:
    """Whether the theme, and every folder overriding its templates, promise to show a text on its own page only.

    Then a list page counts its posts by their facts (summary included), and
    editing a post's text re-renders that post's page alone. Without the
    promise, every content a page is given counts whole.
    """
    folders = [settings.get("THEME", "")] + list(settings.get("THEME_TEMPLATES_OVERRIDES", []) or [])
    for folder in folders:
        try:
            with open(os.path.join(folder, PROMISE), encoding="utf-8") as handle:
                if json.load(handle).get("bodies") != "own-page":
                    return False
        except (OSError, ValueError, AttributeError):
            return False
    return True


class Keys:
    """One build's page keys: the site-wide part once, then each page's own part."""

    def __init__(self, memo, ctx):
        self.memo, self.ctx = memo, ctx
        self.prints = Fingerprints()
        self._site: dict[int, str | None] = {}
        self.own_only = bodies_on_own_page(ctx.template_context or {})

    def site_of(self, context: dict, env) -> str | None:
        """The site-wide part of every key (the shared context, every content's facts, the theme)."""
        found = self._site.get(id(context), "")
        if found == "":
            try:
                withheld = sorted(self.ctx.withheld.items())
                found = self.prints.site(context, [theme_digest(env), withheld, self.ctx.config.preview])
            except Unstable as exc:
                logger.debug("render memo off for this build: %s has no stable description", exc)
                found = None
            self._site[id(context)] = found
        return found

    def page(self, template, context: dict, name: str, call: dict[str, Any]) -> str | None:
        """The key of one ``write_file`` call, or None when something it is given cannot be described."""
        site = self.site_of(context, template.environment)
        if site is None:
            return None
        try:
            if self.own_only:
                given = [self.prints.whole(call[k]) for k in _OWN if isinstance(call.get(k), Content)]
                rest = {k: v for k, v in call.items() if k not in _OWN}
                own = self.prints.describe([given, rest, [call.get(k) for k in _OWN]], deep=False)
            else:
                own = self.prints.describe(call, deep=True)
        except Unstable as exc:
            logger.debug("%s rendered without the memo: %s has no stable description", name, exc)
            return None
        h = hashlib.blake2b(digest_size=20)
        for part in (self.memo.salt, site, template.name or "", name, own):
            h.update(part.encode() + b"\0")
        return h.hexdigest()
