"""Everything a page's <head> says about it: title, canonical URL, hreflang, social tags, JSON-LD.

Duck-typed on Pelican's content objects (``title``, ``url``, ``lang``,
``date``, ``translations``...) without importing Pelican, so it is tested with
plain namespaces. Values only: the theme renders them, with escaping.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..post import plain_text
from . import jsonld, social
from .dates import iso
from .strings import ui


@dataclass(frozen=True)
class Photo:
    path: str  # under the output folder, e.g. 'images/portrait.jpg'
    width: int | None = None
    height: int | None = None


@dataclass(frozen=True)
class Site:
    """The site-wide facts every page repeats, from the validated settings."""

    name: str
    url: str  # absolute SITEURL, or '' for a local build
    lang: str
    subtitle: str = ""
    leader_name: str = ""
    leader_role: str = ""
    leader_bio: str = ""
    photo: Photo | None = None
    profiles: tuple[social.Profile, ...] = ()
    x_handle: str | None = None

    def absolute(self, path: str) -> str:
        """Absolute URL of an output path when the site has an address, else a root-relative one."""
        if path.startswith(("http://", "https://")):
            return path
        if path.endswith("index.html"):
            path = path[: -len("index.html")]
        return f"{self.url.rstrip('/')}/{path.lstrip('/')}"

    @property
    def online(self) -> bool:
        return self.url.startswith(("http://", "https://"))

    def shareable(self, tags) -> tuple[social.Tag, ...]:
        """Open Graph needs absolute URLs: a local build without an address gets no social tags."""
        return tuple(tags) if self.online else ()

    def author(self) -> dict[str, Any]:
        image = self.absolute(self.photo.path) if self.photo else None
        return jsonld.person(
            self.leader_name or self.name,
            url=self.absolute(""),
            job_title=self.leader_role,
            description=self.leader_bio,
            image=image,
            same_as=[p.url for p in self.profiles],
        )


@dataclass(frozen=True)
class Head:
    title: str
    description: str
    lang: str
    canonical: str | None
    alternates: tuple[tuple[str, str], ...] = ()  # (hreflang, URL under the site root), the page itself included
    meta: tuple[social.Tag, ...] = ()
    jsonld: str = ""
    robots: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


def description_of(content: Any, limit: int = 200) -> str:
    """The summary as one line of text, cut at a word so previews do not end mid-word."""
    text = plain_text(getattr(content, "summary", "") or "")
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"


def alternates(content: Any) -> tuple[tuple[str, str], ...]:
    """hreflang links: the page and its translations, each once, in a stable order.

    URLs stay relative to the site root: the theme prefixes SITEURL, which is
    absolute online and relative in a local build opened from disk.
    """
    items = [content] + list(getattr(content, "translations", []) or [])
    found = {}
    for item in items:
        found.setdefault(item.lang, item.url)
    return tuple(sorted(found.items())) if len(found) > 1 else ()


def card_image(site: Site, content: Any) -> dict[str, Any] | None:
    """The social card set by the cards capability ({url, width, height, alt}), with an absolute URL."""
    card = getattr(content, "podium_card", None)
    if not card or not card.get("url"):
        return None
    return {**card, "url": site.absolute(str(card["url"]))}


def _series_ref(site: Site, content: Any) -> dict[str, Any] | None:
    position = getattr(content, "podium_series", None)
    if position is None:
        return None
    return {
        "@type": "CreativeWorkSeries",
        "name": position.series.title,
        "url": site.absolute(f"series/{position.series.slug}.html"),
    }


def article(site: Site, post: Any, word_count: int | None = None) -> Head:
    """A post: BlogPosting JSON-LD with the leader as Person, article:* Open Graph tags."""
    url = site.absolute(post.url)
    title = str(post.title)  # titles are text: "</script>" in one is shown, not stripped
    description = description_of(post)
    modified = getattr(post, "modified", None)
    tags = [str(t) for t in getattr(post, "tags", []) or []]
    section = str(getattr(post, "category", "") or "") or None
    image = card_image(site, post)
    translations = [
        {"@type": "BlogPosting", "url": site.absolute(t.url), "inLanguage": t.lang}
        for t in getattr(post, "translations", []) or []
    ]
    data = jsonld.blog_posting(
        headline=title,
        url=url,
        date_published=iso(post.date),
        lang=post.lang,
        author=site.author(),
        date_modified=iso(modified) if modified else None,
        description=description,
        keywords=tags,
        section=section,
        word_count=word_count,
        series=_series_ref(site, post),
        translations=translations,
        image=jsonld.image_object(image["url"], image.get("width"), image.get("height"), image.get("alt"))
        if image
        else None,
    )
    alts = alternates(post)
    meta = social.meta_tags(
        kind="article",
        title=title,
        description=description,
        url=url,
        site_name=site.name,
        lang=post.lang,
        alternate_langs=[lang for lang, _ in alts],
        image=image,
        published=iso(post.date),
        modified=iso(modified) if modified else None,
        section=section,
        tags=tags,
        author_url=site.absolute("") if site.online else None,
        creator=site.x_handle,
    )
    return Head(
        title=f"{title} · {site.name}",
        description=description,
        lang=post.lang,
        canonical=url if site.online else None,
        alternates=alts,
        meta=site.shareable(meta),
        jsonld=jsonld.script_safe(data),
    )


def page(site: Site, content: Any) -> Head:
    """A standalone page (About...): WebPage JSON-LD, the site as its whole."""
    url = site.absolute(content.url)
    title = str(content.title)
    description = description_of(content) or site.leader_bio
    data = jsonld.web_page(
        kind="WebPage",
        name=title,
        url=url,
        lang=content.lang,
        description=description,
        author=site.author(),
        site={"@type": "Blog", "name": site.name, "url": site.absolute("")},
    )
    alts = alternates(content)
    meta = social.meta_tags(
        kind="website",
        title=title,
        description=description,
        url=url,
        site_name=site.name,
        lang=content.lang,
        alternate_langs=[lang for lang, _ in alts],
        image=card_image(site, content),
        creator=site.x_handle,
    )
    return Head(
        title=f"{title} · {site.name}",
        description=description,
        lang=content.lang,
        canonical=url if site.online else None,
        alternates=alts,
        meta=site.shareable(meta),
        jsonld=jsonld.script_safe(data),
    )


def home(site: Site, output_file: str) -> Head:
    """The home page: the blog itself (Blog JSON-LD) written by its leader."""
    url = site.absolute(output_file)
    description = site.leader_bio or site.subtitle
    data = jsonld.blog(name=site.name, url=url, lang=site.lang, author=site.author(), description=description)
    image = (
        {
            "url": site.absolute(site.photo.path),
            "width": site.photo.width,
            "height": site.photo.height,
            "alt": ui("portrait", site.lang, name=site.leader_name),
        }
        if site.photo
        else None
    )
    # a portrait is not a wide card: the small summary card suits it
    meta = social.meta_tags(
        kind="website",
        title=site.name,
        description=description,
        url=url,
        site_name=site.name,
        lang=site.lang,
        image=image,
        creator=site.x_handle,
        large_image=False,
    )
    title = f"{site.name} · {site.subtitle}" if site.subtitle else site.name
    return Head(
        title=title,
        description=description,
        lang=site.lang,
        canonical=url if site.online else None,
        meta=site.shareable(meta),
        jsonld=jsonld.script_safe(data),
    )


def listing(site: Site, title: str, output_file: str, lang: str | None = None, *, indexable: bool = True) -> Head:
    """Tag, category, author, archive and series pages: CollectionPage JSON-LD."""
    lang = lang or site.lang
    url = site.absolute(output_file)
    description = site.subtitle or site.leader_bio
    data = jsonld.web_page(
        kind="CollectionPage",
        name=title,
        url=url,
        lang=lang,
        description=description,
        site={"@type": "Blog", "name": site.name, "url": site.absolute("")},
    )
    meta = social.meta_tags(
        kind="website",
        title=title,
        description=description,
        url=url,
        site_name=site.name,
        lang=lang,
        creator=site.x_handle,
    )
    return Head(
        title=f"{title} · {site.name}",
        description=description,
        lang=lang,
        canonical=url if site.online and indexable else None,
        meta=site.shareable(meta),
        jsonld=jsonld.script_safe(data),
        robots=None if indexable else "noindex",
    )
