"""Internal links and images of a built site that point nowhere.

Run on the production output before anything is deployed: a broken link on a
leader's blog is a small embarrassment that a machine can catch.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from podium.plugins import htmlparse
from podium.plugins.i18n import _

ATTRS = {"a": ("href",), "img": ("src", "srcset"), "link": ("href",), "script": ("src",), "source": ("srcset", "src")}


@dataclass(frozen=True)
class Broken:
    page: str
    target: str

    def __str__(self) -> str:
        return _(
            "{page}: link to {target} leads nowhere; fix the link or restore the page",
            page=self.page,
            target=self.target,
        )


def references(page_html: str) -> tuple[list[str], set[str]]:
    """(every address the page refers to, every id it defines), as the one HTML parser reads the page."""
    refs: list[str] = []
    ids: set[str] = set()
    for element in htmlparse.elements(page_html):
        if element.get("id"):
            ids.add(element.get("id"))
        for name in ATTRS.get(element.tag, ()):
            value = element.get(name)
            if not value:
                continue
            if name == "srcset":
                refs += [url for url, _ in htmlparse.srcset(value)]
            elif element.tag != "link" or (element.get("rel") or "") not in ("canonical", "alternate", "me"):
                refs.append(value)
    return refs, ids


def resolve(output: Path, page_url: str, ref: str, siteurl: str) -> Path | None:
    """The file a reference points to, or None for an external or non-file link."""
    absolute = urljoin(page_url, ref)
    parts = urlsplit(absolute)
    site = urlsplit(siteurl)
    if parts.scheme not in ("http", "https") or parts.netloc != site.netloc:
        return None
    path = unquote(parts.path)
    base = site.path.rstrip("/")
    if base and path.startswith(base):
        path = path[len(base) :]
    target = output / path.lstrip("/")
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


def broken_links(output: Path, siteurl: str = "https://site.invalid") -> list[Broken]:
    """Every internal reference in every HTML page of ``output`` that has no file behind it."""
    output = Path(output)
    siteurl = siteurl.rstrip("/") + "/"
    found = []
    for page in sorted(output.rglob("*.html")):
        rel = page.relative_to(output).as_posix()
        refs, ids = references(page.read_text(encoding="utf-8", errors="replace"))
        for ref in refs:
            if ref.startswith(("mailto:", "tel:", "data:", "javascript:")):
                continue
            if ref.startswith("#"):
                if ref[1:] and unquote(ref[1:]) not in ids:
                    found.append(Broken(rel, ref))
                continue
            target = resolve(output, urljoin(siteurl, rel), ref, siteurl)
            if target is not None and not target.exists():
                found.append(Broken(rel, ref))
    return found
