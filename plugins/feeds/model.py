"""The feeds as values: which feeds exist, which posts each holds, and each entry's fields.

Pure: posts come in as PostView values (with the few extras a feed needs),
feeds go out as frozen Feed values that ``render`` turns into Atom or RSS.
Nothing here reads the clock: an entry's dates come from the post, a feed's
``updated`` from its newest entry, so two builds of the same content give the
same feeds, byte for byte.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import quote, urlsplit

from ..languages import display_name
from ..post import PostView
from .links import absolute_url, absolutize

KINDS = ("all", "language", "category", "tag")
FORMATS = ("atom", "rss")
MIME = {"atom": "application/atom+xml", "rss": "application/rss+xml"}
IMAGE_TYPES = {
    "avif": "image/avif",
    "gif": "image/gif",
    "jpeg": "image/jpeg",
    "jpg": "image/jpeg",
    "png": "image/png",
    "svg": "image/svg+xml",
    "webp": "image/webp",
}


@dataclass(frozen=True)
class Taxon:
    """A category or tag: its name, the slug used in paths, and its page's absolute URL."""

    name: str
    slug: str
    url: str = ""


@dataclass(frozen=True)
class Source:
    """One post as the feeds see it: the PostView plus what PostView does not carry."""

    post: PostView
    modified: datetime | None = None
    authors: tuple[str, ...] = ()
    category: Taxon | None = None
    tags: tuple[Taxon, ...] = ()
    #: the social card set by the cards capability: {url, width, height, alt[, type, length]}
    card: Mapping[str, Any] | None = None
    #: size in bytes of the card image, when the file is there to measure
    card_length: int | None = None

    def __post_init__(self) -> None:
        # Naive datetimes are refused here, at the edge, rather than rendered wrong.
        for label, value in (("date", self.post.date), ("modified", self.modified)):
            if value is not None and value.tzinfo is None:
                raise ValueError(
                    f"{self.post.source_path or self.post.slug}: {label} {value.isoformat()} has no time zone"
                )


@dataclass(frozen=True)
class Site:
    url: str  # absolute, e.g. https://claire-morel.example
    name: str
    author: str = ""
    subtitle: str = ""
    limit: int = 30
    per: tuple[str, ...] = ("category", "tag", "language")
    formats: tuple[str, ...] = FORMATS
    #: kinds of feed whose entries carry the whole post; the others carry the summary and the link
    full: tuple[str, ...] = ("all",)

    @property
    def root(self) -> str:
        return self.url.rstrip("/") + "/"


@dataclass(frozen=True)
class Enclosure:
    url: str
    type: str
    length: int | None = None
    title: str = ""


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    link: str
    lang: str
    published: datetime
    updated: datetime
    authors: tuple[str, ...]
    categories: tuple[str, ...]
    summary: str
    content_html: str
    enclosure: Enclosure | None = None


@dataclass(frozen=True)
class Feed:
    kind: str  # one of KINDS
    key: str  # "" for the main feed; the language, category slug or tag slug otherwise
    title: str
    subtitle: str
    lang: str  # "" when the entries mix languages
    home: str  # absolute URL of the HTML page this feed follows
    updated: datetime
    entries: tuple[Entry, ...] = field(default=())
    #: entries carry the whole post (else only the summary): see Site.full
    full: bool = True

    def path(self, fmt: str) -> str:
        return feed_path(self.kind, self.key, fmt)


def feed_path(kind: str, key: str, fmt: str) -> str:
    """Where a feed is written, relative to the output folder (documented in docs/reference/formats.md)."""
    if kind == "all":
        return f"feeds/all.{fmt}.xml"
    if kind == "language":
        return f"feeds/{key}.{fmt}.xml"
    return f"feeds/{kind}/{key}.{fmt}.xml"


def tag_uri(site_url: str, post: PostView) -> str:
    """A tag: URI (RFC 4151) naming the post for good: host, first publication day, language, slug.

    It does not depend on the build time nor on the URL pattern, so changing
    ARTICLE_URL or moving to https does not make readers see every post again.
    """
    host = urlsplit(site_url).hostname or "localhost"
    day = post.date.date().isoformat()
    specific = quote(f"{post.lang}/{post.slug}" if post.lang else post.slug, safe="/-._~")
    return f"tag:{host},{day}:{specific}"


def is_publishable(post: PostView, now: datetime, embargoed: Collection[str] = ()) -> bool:
    """Only published, past, non-embargoed posts reach a feed, whatever the build mode."""
    return post.status == "published" and post.date <= now and post.slug not in embargoed


def _enclosure(source: Source) -> Enclosure | None:
    card = source.card
    if not card or not card.get("url"):
        return None
    url = absolute_url(source.post.url, str(card["url"]))
    extension = urlsplit(url).path.rsplit(".", 1)[-1].lower()
    length = source.card_length if source.card_length is not None else card.get("length")
    kind = str(card.get("type") or IMAGE_TYPES.get(extension, "application/octet-stream"))
    return Enclosure(
        url=url, type=kind, length=int(length) if length is not None else None, title=str(card.get("alt") or "")
    )


def entry_for(source: Source, site: Site) -> Entry:
    post = source.post
    names = [source.category.name] if source.category else ([post.category] if post.category else [])
    names += [t.name for t in source.tags] or list(post.tags)
    return Entry(
        id=tag_uri(site.url, post),
        title=post.title,
        link=post.url,
        lang=post.lang,
        published=post.date,
        updated=max(source.modified, post.date) if source.modified else post.date,
        authors=source.authors or ((site.author,) if site.author else ()),
        categories=tuple(dict.fromkeys(n for n in names if n)),
        summary=post.summary,
        content_html=absolutize(post.content_html, post.url),
        enclosure=_enclosure(source),
    )


@dataclass
class _Group:
    kind: str
    key: str
    title: str
    home: str
    members: list[Source] = field(default_factory=list)


def _groups(sources: list[Source], site: Site) -> list[_Group]:
    """Every feed that has at least one post: the main one, then per language, category and tag."""
    groups: dict[tuple[str, str], _Group] = {("all", ""): _Group("all", "", site.name, site.root)}
    for source in sources:
        keys = [("all", "", site.name, site.root)]
        if "language" in site.per and source.post.lang:
            lang = source.post.lang
            keys.append(("language", lang, f"{site.name} — {display_name(lang)}", site.root))
        if "category" in site.per and source.category:
            cat = source.category
            keys.append(("category", cat.slug, f"{site.name} — {cat.name}", cat.url or site.root))
        if "tag" in site.per:
            keys += [("tag", t.slug, f"{site.name} — #{t.name}", t.url or site.root) for t in source.tags]
        for kind, key, title, home in keys:
            group = groups.setdefault((kind, key), _Group(kind, key, title, home))
            group.members.append(source)
    order = {kind: i for i, kind in enumerate(KINDS)}
    return sorted(groups.values(), key=lambda g: (order[g.kind], g.key))


def _newest_first(source: Source) -> tuple:
    return (source.post.date, source.post.lang, source.post.slug)


def plan(sources: Iterable[Source], site: Site, *, now: datetime, embargoed: Iterable[str] = ()) -> list[Feed]:
    """Every feed of the site, each with its newest ``site.limit`` publishable posts.

    ``now`` both filters out future posts and dates a main feed that has no
    entry yet (a new site); it is the only time not taken from the posts.
    """
    held = frozenset(embargoed)
    usable = [s for s in sources if is_publishable(s.post, now, held)]
    entries: dict[int, Entry] = {}  # one Entry per post, shared by every feed that holds it
    feeds = []
    for group in _groups(usable, site):
        chosen = sorted(group.members, key=_newest_first, reverse=True)[: site.limit]
        items = tuple(entries.setdefault(id(s), entry_for(s, site)) for s in chosen)
        langs = {e.lang for e in items}
        lang = group.key if group.kind == "language" else (langs.pop() if len(langs) == 1 else "")
        updated = max((e.updated for e in items), default=now)
        feeds.append(
            Feed(
                group.kind,
                group.key,
                group.title,
                site.subtitle or site.name,
                lang,
                group.home,
                updated,
                items,
                full=group.kind in site.full,
            )
        )
    return feeds


def link(feed: Feed, fmt: str, site: Site) -> dict[str, str]:
    """One autodiscovery link, as the theme renders ``<link rel="alternate">``."""
    label = {"atom": "Atom", "rss": "RSS"}[fmt]
    path = feed.path(fmt)
    return {
        "title": f"{feed.title} ({label})",
        "href": site.root + path,
        "type": MIME[fmt],
        "path": path,
        "lang": feed.lang,
    }


def discovery(feeds: Iterable[Feed], site: Site) -> tuple[list[dict], dict[str, dict[str, list[dict]]]]:
    """Autodiscovery links: the main feed's for every page, and the rest by kind and key.

    The second value reads in a template as ``podium_feeds_by.tag[tag.slug]``,
    ``podium_feeds_by.category[category.slug]`` or ``podium_feeds_by.language[lang]``.
    """
    main: list[dict] = []
    by: dict[str, dict[str, list[dict]]] = {"language": {}, "category": {}, "tag": {}}
    for feed in feeds:
        links = [link(feed, fmt, site) for fmt in site.formats]
        if feed.kind == "all":
            main = links
        else:
            by[feed.kind][feed.key] = links
    return main, by
