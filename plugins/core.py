"""Glue shared by every capability: the build context and podium's Markdown reader."""

from __future__ import annotations

import os

from pelican import signals
from pelican.utils import order_content
from pelican.writers import Writer

from . import bounded, context, crash, outputs
from .errors import BadInput, BuildStopped, PodiumError
from .i18n import ngettext
from .reader import PodiumMarkdownReader


def _init_context(pelican) -> None:
    context.get(pelican.settings)


def _add_reader(readers) -> None:
    for ext in PodiumMarkdownReader.file_extensions:
        readers.reader_classes[ext] = PodiumMarkdownReader
    readers.read_file = _marking(readers.read_file, readers.settings)


def _marking(read_file, settings):
    """Reading a file marks an unexpected exception with it, and keeps it when podium's code raised it.

    Pelican swallows a reader's exception (it logs "Could not process" and
    skips the file): podium's own bug would look like a problem of the post.
    """

    def read(base_path, path, *args, **kwargs):
        ctx = context.get(settings)
        shown = ctx.display_path(os.path.join(base_path, path))
        try:
            with crash.processing(shown):
                return read_file(base_path, path, *args, **kwargs)
        except PodiumError:
            raise
        except Exception as exc:
            if crash.in_podium(exc):
                ctx.report.error(crash.Unexpected(exc, shown, ctx.root))
            raise

    return read


class _Writer(Writer):
    """Pelican's writer, marking an unexpected exception with the post or page it was rendering.

    In a ``podium build`` it also keeps the render memo (plugins/memo.py): a
    page made from the same inputs as the published one is taken over, not
    rendered again.
    """

    _opened: list[str] | None = None

    def write_file(
        self,
        name,
        template,
        page_context,
        relative_urls=False,
        paginated=None,
        template_name=None,
        override_output=False,
        url=None,
        **kwargs,
    ):
        ctx = context.get(self.settings)
        item = kwargs.get("article") or kwargs.get("page")
        source = getattr(item, "source_path", None)
        shown = ctx.display_path(source) if source else name
        call = dict(kwargs, relative_urls=relative_urls, paginated=paginated, template_name=template_name, url=url)
        key = _page_key(ctx, template, page_context, name, call) if name and not override_output else None
        if key is not None and ctx.memo.reuse(name, key):
            self._written_files.update(os.path.join(self.output_path, rel) for rel in ctx.memo.files_of(name))
            return None
        self._opened = []
        try:
            with crash.processing(shown):
                super().write_file(
                    name,
                    template,
                    page_context,
                    relative_urls,
                    paginated,
                    template_name,
                    override_output,
                    url,
                    **kwargs,
                )
            if ctx.memo is not None and name:
                ctx.memo.made_now(name, key, self._opened)
        finally:
            self._opened = None

    def _open_w(self, filename, encoding, override=False):
        memo = context.get(self.settings).memo
        if memo is not None:
            memo.detach(filename)  # never write into a file shared with the published site
        handle = super()._open_w(filename, encoding, override)
        if self._opened is not None:
            if handle.name == os.devnull:  # Pelican skipped it (another page overrides it): nothing to remember
                self._opened = None
            else:
                self._opened.append(filename)
        return handle


def _page_key(ctx, template, page_context, name, call) -> str | None:
    if ctx.memo is None:
        return None
    if ctx.memo.keys is None:
        from .render_memo import Keys

        ctx.memo.keys = Keys(ctx.memo, ctx)
    return ctx.memo.keys.page(template, page_context, name, call)


def _writer(pelican) -> type:
    return _Writer


def _remember_articles(generator) -> None:
    context.get(generator.settings).posts = list(generator.articles) + list(generator.translations)


def _list_translations(generator) -> None:
    """Put translations on their tag, category and author pages too.

    Pelican lists only originals there, so an English translation's tags would
    link to pages that do not exist; on a bilingual blog each language version
    is a post in its own right.
    """
    if not generator.translations:
        return
    order = generator.settings["ARTICLE_ORDER_BY"]
    categories, authors = dict(generator.categories), dict(generator.authors)
    for article in generator.translations:
        if getattr(article, "category", None) is not None:
            categories.setdefault(article.category, []).append(article)
        for tag in getattr(article, "tags", []) or []:
            generator.tags[tag].append(article)
        for author in getattr(article, "authors", []) or []:
            authors.setdefault(author, []).append(article)
    for group in (*categories.values(), *authors.values(), *generator.tags.values()):
        group[:] = order_content(group, order)
    generator.categories = sorted(categories.items(), reverse=generator.settings["REVERSE_CATEGORY_ORDER"])
    generator.authors = sorted(authors.items())
    generator.context["categories"] = generator.categories
    generator.context["authors"] = generator.authors
    generator.context["tags"] = list(generator.tags.items())


def _remember_pages(generator) -> None:
    # the same lists, not copies: the page embargo trims them in place afterwards
    ctx = context.get(generator.settings)
    ctx.pages, ctx.page_translations = generator.pages, generator.translations


def _remember_templates(generators) -> None:
    ctx = context.get(generators[0].settings)
    ctx.templates = generators[0].env
    ctx.template_context = generators[0].context  # one dict, shared by every generator


#: the generators' lists of content Pelican writes a file for (articles' and pages' alike)
_WRITTEN = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "drafts",
    "drafts_translations",
    "pages",
    "hidden_pages",
    "draft_pages",
    "draft_translations",
)


def _content_output(item, ctx) -> outputs.Output:
    meta = getattr(item, "metadata", None) or {}
    key = next((k for k in ("save_as", "slug") if k in meta), "title")
    line = (getattr(item, "podium_lines", None) or {}).get(key)
    if line is None:
        try:
            line = outputs.line_in(bounded.read_text(item.source_path, item.source_path, bounded.POST), key)
        except (OSError, BadInput):
            line = None
    kind = "page" if type(item).__name__ == "Page" else "post"
    return outputs.Output(item.save_as, kind, ctx.display_path(item.source_path), line or 1, key)


def _site_outputs(generator) -> list[outputs.Output]:
    """The pages the site writes of its own: direct templates, template pages, tag, category and author pages."""
    settings = generator.settings
    found = [
        outputs.Output(settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html"), "site", name=name)
        for name in settings.get("DIRECT_TEMPLATES", ())
    ]
    found += [outputs.Output(dest, "site", name=dest) for dest in (settings.get("TEMPLATE_PAGES") or {}).values()]
    taxa = list(getattr(generator, "tags", {}) or {}) + [c for c, _ in getattr(generator, "categories", [])]
    taxa += [a for a, _ in getattr(generator, "authors", [])]
    found += [outputs.Output(t.save_as, "site", name=str(t)) for t in taxa]
    return found


def planned_outputs(generators, ctx) -> list[outputs.Output]:
    """Every file the generators are about to write, with the source and line that decide its path."""
    planned, seen = [], set()
    for generator in generators:
        for name in _WRITTEN:
            for item in getattr(generator, name, None) or []:
                if id(item) not in seen and getattr(item, "save_as", ""):
                    seen.add(id(item))
                    planned.append(_content_output(item, ctx))
        for static in getattr(generator, "staticfiles", None) or []:
            planned.append(outputs.Output(static.save_as, "static", ctx.display_path(static.source_path), 1))
        if hasattr(generator, "articles") and hasattr(generator, "drafts"):
            planned += _site_outputs(generator)
    return planned


def _check_outputs(generators) -> None:
    """Two sources that would write one file stop the build here, before Pelican writes anything."""
    ctx = context.get(generators[0].settings)
    found = outputs.collisions(planned_outputs(generators, ctx))
    if not found:
        return
    for error in found:
        ctx.report.error(error)
    raise BuildStopped(_summary(ctx.report.errors))


def _summary(problems) -> str:
    return ngettext(
        "podium found {count} problem (listed above); the build failed",
        "podium found {count} problems (listed above); the build failed",
        len(problems),
        count=len(problems),
    )


def fail_on_errors(pelican) -> None:
    """A plain ``pelican`` run ends like ``podium build``: an error (a warning, with PODIUM_STRICT) fails it.

    Each problem was logged when found (context.log_to_pelican); raising here
    makes Pelican's command line exit non-zero (``exitcode``: 2, bad input).
    ``podium build`` makes its own context and decides itself.
    """
    ctx = context.get(pelican.settings)
    if not ctx.standalone:
        return
    problems = ctx.report.errors + (ctx.report.warnings if ctx.config.strict else [])
    if problems:
        raise BadInput(_summary(problems))


def register() -> None:
    # initialized: the first moment settings exist; validate them once, before any work.
    signals.initialized.connect(_init_context)
    # readers_init: replace Pelican's Markdown reader for every Markdown extension.
    signals.readers_init.connect(_add_reader)
    # get_writer: Pelican's writer, saying which post it was rendering when something unexpected fails.
    signals.get_writer.connect(_writer)
    # finalized generators: the publishable posts, for counts and for steps after the build.
    signals.article_generator_finalized.connect(_remember_articles)
    signals.article_generator_finalized.connect(_list_translations)
    signals.page_generator_finalized.connect(_remember_pages)
    # all_generators_finalized: the theme's environment, once every generator has made it.
    signals.all_generators_finalized.connect(_remember_templates)
    # all_generators_finalized too: every output path is known and Pelican has written nothing yet.
    signals.all_generators_finalized.connect(_check_outputs)
