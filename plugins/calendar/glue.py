"""Connect the editorial calendar to Pelican: load it, gate posts, check slugs, make the schedule.

Order of events in one build:
- ``initialized``: read calendar.yaml once; its errors go to the build report.
- the embargo's ``podium-gate`` signal: withhold posts the calendar does not let out yet.
- ``article_generator_finalized``: every post is known; entries naming no post are errors.
- ``static_generator_finalized``: the calendar itself is never copied into the site.
- ``all_generators_finalized``: keep the publishable posts.
- ``finalized``: teasers exist by now; schedule (nothing if the build has errors). The comms room
  (podium.plugins.comms) shows and exports it; nothing of it goes into the site.
"""

from __future__ import annotations

import os

import blinker
from pelican import signals

from .. import bounded, context
from ..errors import BadInput, ManyErrors
from ..i18n import _, later
from ..networks import KEYS as NETWORKS
from ..post import from_content
from . import gate
from .loader import is_blank, load
from .model import RELEASABLE
from .scheduler import schedule
from .yamlmarks import suggest


def _load(pelican) -> None:
    settings = pelican.settings
    ctx = context.get(settings)
    path = os.path.join(settings["PATH"], ctx.config.calendar_path)
    ctx.calendar, ctx.calendar_broken = None, False
    if not os.path.exists(path):
        return
    try:
        text = bounded.read_text(path, ctx.display_path(path), bounded.CALENDAR)
    except BadInput as exc:
        ctx.calendar_broken = True
        ctx.report.error(exc)
        return
    if is_blank(text):
        return  # comments only: no calendar yet
    try:
        ctx.calendar = load(text, ctx.display_path(path), NETWORKS)
    except ManyErrors as many:
        ctx.calendar_broken = True
        for error in many.errors:
            ctx.report.error(error)


def _gate(post, ctx=None, **_):
    """Receiver of the embargo's gate: a reason withholds the post; pages are not the calendar's business."""
    if ctx is None or post.kind != "article":
        return None
    if ctx.calendar_broken:
        return later("the calendar has errors")
    return gate.reason(post.slug, post.date, ctx.calendar, ctx.now, ctx.config.calendar_strict)


def _check_slugs(generator) -> None:
    ctx = context.get(generator.settings)
    calendar = ctx.calendar
    if calendar is None:
        return
    lists = ("articles", "translations", "drafts", "drafts_translations")
    known = {item.slug for name in lists for item in getattr(generator, name, [])}
    known |= {slug for slug, _ in ctx.withheld}
    _draft_but_approved(generator, calendar, ctx)
    for slug, entry in calendar.entries.items():
        if slug in known or entry.status == "idea":
            continue  # an idea may not have a post yet
        fix = suggest(slug, sorted(known)) or _("check the slug in the post's front matter, or set status: idea")
        ctx.report.error(
            BadInput(
                _("no post has the slug '{slug}'; {fix}", slug=slug, fix=fix),
                path=calendar.path,
                line=entry.line,
                col=entry.col,
            )
        )


def _draft_but_approved(generator, calendar, ctx) -> None:
    """A post the calendar approves but its front matter keeps a draft: say which wins, and what to change."""
    drafts = list(generator.drafts) + list(generator.drafts_translations)
    drafts += [c for c in ctx.withheld_content if ctx.reason(c) == "draft" and c not in drafts]
    for item in drafts:
        entry = calendar.entries.get(item.slug)
        if entry is None or entry.status not in RELEASABLE:
            continue
        line = (getattr(item, "metadata", {}).get("podium_lines") or {}).get("status")
        ctx.report.warn(
            BadInput(
                _(
                    "'status: draft' here, but {where} says {status!r}; the front matter wins, so the post stays a draft: "
                    "remove the 'status: draft' line to publish it, or set the calendar entry back to 'in_review'",
                    where=calendar.path + ":" + str(entry.line),
                    status=entry.status,
                ),
                path=ctx.display_path(item.source_path),
                line=line,
            )
        )


def _never_copy(generator) -> None:
    """The calendar names unapproved posts: never copy it as a static file, whatever STATIC_PATHS says."""
    ctx = context.get(generator.settings)
    path = os.path.realpath(os.path.join(generator.settings["PATH"], ctx.config.calendar_path))
    generator.staticfiles[:] = [s for s in generator.staticfiles if os.path.realpath(s.source_path) != path]


def _keep(generators) -> None:
    settings = generators[0].settings
    ctx = context.get(settings)
    articles = next((g for g in generators if hasattr(g, "articles") and hasattr(g, "drafts")), None)
    root = ctx.address(settings).root  # the shares' links, like their teasers' texts, are production's
    public = [a for a in getattr(articles, "articles", []) if not ctx.is_withheld(a)]
    # early: the schedule needs titles, dates and the written summary, not the rendered body
    ctx.calendar_posts = [from_content(a, root, early=True) for a in public]


def _warn(ctx, calendar, unplaced) -> None:
    for item in unplaced:
        ctx.report.warn(
            BadInput(_("share {id} has no slot: {reason}", id=item.id, reason=item.reason), path=calendar.path)
        )


def _hootsuite_warnings(ctx, calendar, shares) -> None:
    """Hootsuite refuses repeated messages: say which re-shares the comms room's CSV leaves out."""
    from . import exports  # icalendar is slow to import; a site without a calendar never needs it

    left_out = exports.hootsuite_rows(shares, ctx.now)[1]
    for share, why in left_out:
        ctx.report.warn(
            BadInput(_("share {id} left out of the Hootsuite files: {why}", id=share.id, why=why), path=calendar.path)
        )


def _schedule(pelican) -> None:
    ctx = context.get(pelican.settings)
    calendar = ctx.calendar
    if calendar is None or ctx.report.errors:
        return  # no calendar, or a failing build: no schedule
    shares, unplaced = schedule(
        ctx.calendar_posts,
        calendar,
        ctx.now,
        ctx.teasers_by_slug,
        strict=ctx.config.calendar_strict,
        networks=ctx.config.networks,
    )
    ctx.schedule = (shares, unplaced)
    _hootsuite_warnings(ctx, calendar, shares)
    _warn(ctx, calendar, unplaced)


def register() -> None:
    # initialized: settings are known and nothing is read yet; the gate needs the calendar before the embargo runs.
    signals.initialized.connect(_load)
    # the embargo asks every gate about every post at article_generator_pretaxonomy.
    blinker.signal("podium-gate").connect(_gate)
    # article_generator_finalized: all slugs are known, withheld ones included (ctx.withheld).
    signals.article_generator_finalized.connect(_check_slugs)
    # static_generator_finalized: static files are listed and none is copied yet.
    signals.static_generator_finalized.connect(_never_copy)
    # all_generators_finalized: the publishable posts.
    signals.all_generators_finalized.connect(_keep)
    # finalized: after the teasers capability has handed its teasers over; before the comms room.
    signals.finalized.connect(_schedule)
