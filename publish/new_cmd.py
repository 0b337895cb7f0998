"""Start a new post with the right metadata."""

from __future__ import annotations

import argparse
import os
import tempfile
from datetime import datetime
from pathlib import Path

from podium.plugins.i18n import _


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("title", help=_('the title, in quotes: podium new "Ce que le vent nous apprend"'))
    parser.add_argument("--lang", help=_("fr or en (default: DEFAULT_LANG of the settings)"))
    parser.add_argument("--now", metavar="T", help=_("ISO 8601 time used as the post's date (default: now)"))


def front_matter(title: str, slug: str, lang: str, when: datetime) -> str:
    """The file a new post starts from: a draft, so nothing leaks before someone decides."""
    quoted = title.replace("\\", "\\\\").replace('"', '\\"')
    return (
        "---\n"
        f'title: "{quoted}"\n'
        f"date: {when:%Y-%m-%d %H:%M}\n"
        f"lang: {lang}\n"
        f"slug: {slug}\n"
        "status: draft\n"
        "category: \n"
        "tags: []\n"
        "summary: \n"
        "---\n\n"
        + (
            "Écrivez ici. Le billet reste un brouillon tant que « status: draft » figure ci-dessus.\n"
            if lang == "fr"
            else "Write here. The post stays a draft while 'status: draft' is above.\n"
        )
    )


def write_new(path: Path, text: str) -> None:
    """Create the file atomically, refusing to replace one that exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".new-", suffix=".md")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    try:
        os.link(tmp, path)  # fails if the file exists, unlike rename
    finally:
        os.unlink(tmp)


def run(args: argparse.Namespace) -> int:
    from zoneinfo import ZoneInfo

    from pelican.utils import slugify

    from podium.plugins.errors import BadInput

    from .build import read_settings
    from .build_cmd import parse_now

    project = Path(args.project).resolve()
    settings, _unused = read_settings(project)
    languages = settings.get("PODIUM_LANGUAGES") or ("fr", "en")
    lang = args.lang or settings.get("DEFAULT_LANG", "fr")
    if lang not in languages:
        raise BadInput(
            _("--lang: unknown language {lang!r}; expected {languages}", lang=lang, languages=_(" or ").join(languages))
        )
    title = args.title.strip()
    if not title:
        raise BadInput(_('the title is empty; write podium new "Your title"'))
    slug = slugify(title, regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []))
    if not slug:
        raise BadInput(_("no slug can be made from the title {title!r}; use letters or digits in it", title=title))
    zone = ZoneInfo(settings.get("TIMEZONE") or "UTC")
    when = (parse_now(args.now) or datetime.now(zone)).astimezone(zone)
    folder = Path(settings["PATH"]) / (settings.get("ARTICLE_PATHS") or [""])[0]
    path = folder / f"{slug}.md"
    if path.exists():
        raise BadInput(
            _(
                "a post with this slug already exists; choose another title or edit {value}",
                value=os.path.relpath(path, project),
            ),
            path=os.path.relpath(path, project),
        )
    from .calendar_cmd import add_post_to_calendar

    # the calendar first: if it refuses the entry (a broken file), no post file is left behind
    calendar = add_post_to_calendar(project, settings, slug, publish_at=when)
    write_new(path, front_matter(title, slug, lang, when))
    print(_("Created {value} (a draft: remove 'status: draft' to publish it)", value=os.path.relpath(path, project)))
    if calendar is not None:
        print(
            _(
                "Added '{slug}' to {value} as a draft: comms can plan and approve it there",
                slug=slug,
                value=os.path.relpath(calendar, project),
            )
        )
    return 0
