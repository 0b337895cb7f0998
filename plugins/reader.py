"""Podium's Markdown reader: YAML front matter with line numbers, checked metadata.

Pelican swallows reader exceptions (it logs "Could not process" and skips the
file), so every problem is also recorded in the build's report, which makes
``podium build`` exit 2 with ``path:line`` messages.
"""

from __future__ import annotations

import os

from markdown import Markdown
from pelican.readers import MarkdownReader

from . import bounded, context, frontmatter
from . import parsed as parsed_cache
from .errors import BadInput
from .i18n import _

#: parsed posts kept between builds, under the project folder (see parsed.py)
PARSED_CACHE = os.path.join(".cache", "podium", "parsed")

#: metadata Pelican turns into its own objects; everything else is kept as written
_PROCESSED = ("tags", "category", "author", "authors", "slug", "status")


class PodiumMarkdownReader(MarkdownReader):
    file_extensions = ["md", "markdown", "mkd", "mdown"]

    def read(self, source_path):
        ctx = context.get(self.settings)
        cache, name = self._cache_entry(ctx, source_path)
        found = cache.get(name) if cache else None
        if found is not None:
            return self._from_cache(found)
        shown = ctx.display_path(source_path)
        try:
            # size checked before reading, bad UTF-8 reported with its line (Pelican's reader would crash)
            text = bounded.read_text(source_path, shown, bounded.POST).removeprefix("\ufeff")
            parsed = frontmatter.split(text, shown)
            if parsed.yaml:
                # checked before Pelican processes the values: it stops on a list where it wants one text
                self._check(ctx, parsed.meta, parsed.lines, shown, source_path)
                content, metadata, meta, lines = self._read_yaml(parsed)
                formatted = dict(self._formatted)
            else:
                content, metadata, meta, lines = self._read_pelican(source_path, text, shown)
                self._check(ctx, meta, lines, shown, source_path)
        except BadInput as exc:
            ctx.report.error(exc)  # once: the report keeps one of each message
            raise
        for problem in frontmatter.misspelled(meta, lines, shown):
            ctx.report.warn(problem)
        metadata["podium_raw"] = meta
        metadata["podium_lines"] = lines
        if cache and parsed.yaml:
            cache.put(name, {"content": content, "meta": meta, "lines": lines, "formatted": formatted})
        return content, metadata

    def _check(self, ctx, meta: dict, lines: dict, shown: str, source_path: str) -> None:
        """Every problem of the metadata into the report; the first one raised, so Pelican skips the file."""
        problems = frontmatter.check(meta, lines, shown, ctx.config.languages, self._kind(source_path))
        for problem in problems:
            ctx.report.error(problem)
        if problems:
            raise problems[0]

    def _cache_entry(self, ctx, source_path: str) -> tuple[parsed_cache.Parsed | None, str]:
        """This build's cache of parsed posts (made once per reader) and the entry name for this file."""
        cache = getattr(self, "_parsed", None)
        if cache is None:
            folder = os.path.join(ctx.root or os.path.dirname(os.path.abspath(self.settings["PATH"])), PARSED_CACHE)
            cache = self._parsed = parsed_cache.Parsed(folder, parsed_cache.settings_digest(self.settings))
        try:
            with open(source_path, "rb") as handle:
                data = handle.read()
        except OSError:
            return None, ""  # the normal path reports it
        rel = os.path.relpath(source_path, self.settings["PATH"]).replace(os.sep, "/")
        return cache, cache.name(rel, data)

    def _from_cache(self, found: dict):
        """Pelican's metadata made again from the stored plain values, as _read_yaml makes it."""
        metadata = {}
        for name, value in found["meta"].items():
            if value is None or value == "":
                continue
            if name in found["formatted"]:
                metadata[name] = self.process_metadata(name, found["formatted"][name])
            else:
                metadata[name] = self._convert(name, value)
        metadata["podium_raw"] = dict(found["meta"])
        metadata["podium_lines"] = dict(found["lines"])
        return found["content"], metadata

    def _kind(self, source_path: str) -> str:
        rel = os.path.relpath(source_path, self.settings["PATH"])
        pages = self.settings.get("PAGE_PATHS") or []
        return "page" if any(rel == p or rel.startswith(p.rstrip("/") + os.sep) for p in pages) else "post"

    def _markdown(self) -> Markdown:
        """One Markdown converter per build, reset between posts: making one costs as much as a short post."""
        md = getattr(self, "_reused", None)
        if md is None:
            md = self._reused = Markdown(**self.settings["MARKDOWN"])
            # the meta extension would eat a first paragraph such as "Note: ..."
            if "meta" in md.preprocessors:
                md.preprocessors.deregister("meta")
        else:
            md.reset()
        return md

    def _read_yaml(self, parsed):
        self._md = self._markdown()
        # the site's Markdown extras (footnote labels, French spacing) follow the post's language
        self._md.podium_lang = str(parsed.meta.get("lang") or self.settings["DEFAULT_LANG"])
        content = self._md.convert(parsed.body)
        self._formatted: dict[str, str] = {}  # formatted fields as HTML, before Pelican's processing: kept in the cache
        metadata = {}
        for name, value in parsed.meta.items():
            if value is None or value == "":
                continue  # 'category:' left empty means "not set", as in Pelican's own headers
            metadata[name] = self._convert(name, value)
        return content, metadata, dict(parsed.meta), dict(parsed.lines)

    def _convert(self, name, value):
        if name in ("date", "modified"):
            return frontmatter.parse_date(value) or value
        if name in self.settings["FORMATTED_FIELDS"] and not isinstance(value, (list, dict)):
            value = str(value)  # 'summary: 2026-01-10' or 'summary: 42' is text: YAML made it a date or a number
            self._md.reset()
            html = self._formatted[name] = self._md.convert(value)
            return self.process_metadata(name, html)
        if name in _PROCESSED and value is not None:
            if isinstance(value, list):
                return self.process_metadata(name, [str(v) for v in value])
            return self.process_metadata(name, str(value))
        return value

    def _read_pelican(self, source_path, text, shown):
        lines = frontmatter.header_lines(text)
        try:
            content, metadata = super().read(source_path)
        except (ValueError, OverflowError) as exc:  # dateutil overflows on a date such as 99999999999999999999
            if _unreadable_date(text, lines) == "modified":
                raise BadInput(
                    _(
                        "the modified date cannot be read ({why}); write it as 2026-09-14 08:30, or remove the line",
                        why=exc,
                    ),
                    path=shown,
                    line=lines.get("modified"),
                ) from None
            raise BadInput(
                _("the date cannot be read ({exc}); write it as 2026-09-14 08:30", exc=exc),
                path=shown,
                line=lines.get("date"),
            ) from None
        raw = {k: (str(v) if k in ("title", "lang", "status") else v) for k, v in metadata.items()}
        return content, metadata, raw, lines


def _unreadable_date(text: str, lines: dict[str, int]) -> str:
    """Which of Pelican's header dates it could not read: 'modified' when the 'date' line reads (or is absent)."""
    from pelican.utils import get_date

    if "modified" not in lines:
        return "date"
    if "date" not in lines:
        return "modified"
    value = text.splitlines()[lines["date"] - 1].split(":", 1)[1].strip()
    try:
        get_date(value.replace("_", " "))  # as Pelican's reader reads it
    except (ValueError, OverflowError):
        return "date"
    return "modified"
