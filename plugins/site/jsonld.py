"""Schema.org JSON-LD built as dicts and serialized so it cannot break out of its <script>.

A title such as ``</script><script>alert(1)`` or one full of quotes must give
valid JSON inside a valid page: json.dumps handles the quotes, and every <, >
and & is written as a \\u escape, which JSON reads back as the same character
while the HTML parser never sees a tag or an entity.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

CONTEXT = "https://schema.org"

_SCRIPT_SAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    # valid in JSON strings but line terminators in older JavaScript parsers
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def _clean(data: Mapping[str, Any]) -> dict[str, Any]:
    """Drop empty values: schema.org readers treat "" and [] as claims, not as absence."""
    return {k: v for k, v in data.items() if v not in (None, "", [], (), {})}


def person(
    name: str,
    *,
    url: str | None = None,
    job_title: str | None = None,
    description: str | None = None,
    image: str | None = None,
    same_as: Iterable[str] = (),
) -> dict[str, Any]:
    return _clean(
        {
            "@type": "Person",
            "name": name,
            "url": url,
            "jobTitle": job_title,
            "description": description,
            "image": image,
            "sameAs": list(same_as),
        }
    )


def image_object(
    url: str, width: int | None = None, height: int | None = None, caption: str | None = None
) -> dict[str, Any]:
    return _clean({"@type": "ImageObject", "url": url, "width": width, "height": height, "caption": caption})


def blog_posting(
    *,
    headline: str,
    url: str,
    date_published: str,
    lang: str,
    author: Mapping[str, Any],
    date_modified: str | None = None,
    description: str | None = None,
    keywords: Iterable[str] = (),
    section: str | None = None,
    image: Mapping[str, Any] | None = None,
    word_count: int | None = None,
    series: Mapping[str, Any] | None = None,
    translations: Iterable[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """A post: dates as ISO 8601 with offset, the author as a Person."""
    return _clean(
        {
            "@context": CONTEXT,
            "@type": "BlogPosting",
            "headline": headline,
            "url": url,
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "datePublished": date_published,
            "dateModified": date_modified or date_published,
            "inLanguage": lang,
            "author": dict(author),
            "description": description,
            "keywords": list(keywords),
            "articleSection": section,
            "image": dict(image) if image else None,
            "wordCount": word_count,
            "isPartOf": dict(series) if series else None,
            "workTranslation": list(translations),
        }
    )


def web_page(
    *,
    kind: str,
    name: str,
    url: str,
    lang: str,
    description: str | None = None,
    author: Mapping[str, Any] | None = None,
    site: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Any other page: ``kind`` is WebPage, AboutPage, CollectionPage or ProfilePage."""
    return _clean(
        {
            "@context": CONTEXT,
            "@type": kind,
            "name": name,
            "url": url,
            "inLanguage": lang,
            "description": description,
            "author": dict(author) if author else None,
            "isPartOf": dict(site) if site else None,
        }
    )


def blog(
    *, name: str, url: str, lang: str, author: Mapping[str, Any], description: str | None = None
) -> dict[str, Any]:
    """The home page: the blog itself, written by its leader."""
    return _clean(
        {
            "@context": CONTEXT,
            "@type": "Blog",
            "name": name,
            "url": url,
            "inLanguage": lang,
            "description": description,
            "author": dict(author),
        }
    )


def script_safe(data: Mapping[str, Any]) -> str:
    """JSON text that can sit between <script type="application/ld+json"> and </script>."""
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)
    for char, escape in _SCRIPT_SAFE.items():
        text = text.replace(char, escape)
    return text
