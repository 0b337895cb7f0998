"""Finding ``<img>`` tags in a post's HTML and rewriting them as responsive pictures: pure text work.

The rewrite is surgical: only the ``<img ...>`` tags are replaced, found with
the standard library's HTML tokenizer and cut out by position, so the rest of
the post stays byte for byte as Markdown produced it.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from typing import Sequence
from urllib.parse import unquote, urlsplit

from .variants import MIME, Variant, srcset

#: Attributes podium writes itself; the author's values for them are replaced.
_OWNED = {"src", "srcset", "sizes", "width", "height", "loading", "decoding", "fetchpriority"}


@dataclass(frozen=True)
class Img:
    start: int  # offset of '<' in the fragment
    end: int  # offset just after '>'
    attrs: tuple[tuple[str, str | None], ...]
    line: int  # 1-based line within the fragment
    in_picture: bool  # already inside an author's <picture>: left alone

    def get(self, name: str) -> str | None:
        for key, value in self.attrs:
            if key == name:
                return value
        return None

    @property
    def src(self) -> str:
        return self.get("src") or ""

    @property
    def decorative_markup(self) -> bool:
        """Raw HTML may say so itself: role="presentation"/"none" or aria-hidden="true"."""
        return (self.get("role") or "").lower() in ("presentation", "none") or (self.get("aria-hidden") or "").lower() == "true"


@dataclass(frozen=True)
class Plan:
    """What to write for one image: its size and the files it was turned into."""

    width: int
    height: int
    format: str
    variants: tuple[Variant, ...]
    #: the original's file name: a resolved src must still end with it, or the image is left alone
    name: str = ""


class _Finder(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.text = text
        self.starts = [0]
        for index, char in enumerate(text):
            if char == "\n":
                self.starts.append(index + 1)
        self.found: list[Img] = []
        self.pictures = 0

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        if tag == "picture":
            self.pictures += 1
        elif tag == "img":
            raw = self.get_starttag_text() or ""
            start = self._offset()
            self.found.append(Img(start, start + len(raw), tuple(attrs), self.getpos()[0], self.pictures > 0))

    def handle_startendtag(self, tag, attrs):
        if tag == "img":
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "picture" and self.pictures:
            self.pictures -= 1


def find_images(fragment: str) -> list[Img]:
    finder = _Finder(fragment)
    finder.feed(fragment)
    finder.close()
    return finder.found


def missing_alt(images: Sequence[Img], decorative: set[str], path_of) -> list[Img]:
    """Images with no alt text that the post has not declared decorative.

    ``path_of(src)`` gives the image's path under content/ (or None for an
    external one); ``decorative`` holds the paths listed in the post's
    ``decorative_images`` front matter.
    """
    lacking = []
    for image in images:
        if (image.get("alt") or "").strip() or image.decorative_markup:
            continue
        path = path_of(image.src)
        names = {image.src, path, (path or "").rsplit("/", 1)[-1]}
        if not names & decorative:
            lacking.append(image)
    return lacking


def _attr(name: str, value: str | None) -> str:
    return name if value is None else f'{name}="{escape(value, quote=True)}"'


def picture(image: Img, plan: Plan, sizes: str, eager: bool) -> str:
    """The markup for one image: <picture> with a WebP source when a fallback format exists."""
    src = image.src
    keep = [(k, v) for k, v in image.attrs if k not in _OWNED]
    if not any(k == "alt" for k, _ in keep):
        keep.insert(0, ("alt", ""))
    resized = len(plan.variants) > 1
    ours: list[tuple[str, str | None]] = [("src", src)]
    if resized:
        ours += [("srcset", srcset(src, list(plan.variants), plan.format)), ("sizes", sizes)]
    ours += [("width", str(plan.width)), ("height", str(plan.height))]
    ours += [("decoding", "async")] + ([] if eager else [("loading", "lazy")])
    tag = "<img " + " ".join(_attr(k, v) for k, v in ours + keep) + ">"
    if not resized or plan.format == "WEBP":
        return tag
    source = (f'<source type="{MIME["WEBP"]}" srcset="{escape(srcset(src, list(plan.variants), "WEBP"))}" '
              f'sizes="{escape(sizes)}">')
    return f"<picture>{source}{tag}</picture>"


def _same_file(src: str, name: str) -> bool:
    return not name or unquote(urlsplit(src).path).rsplit("/", 1)[-1] == name


def rewrite(fragment: str, plans: dict[int, Plan], sizes: str, first_eager: bool = True) -> str:
    """Replace the n-th <img> of ``fragment`` for each n in ``plans``; the others stay as written."""
    images = find_images(fragment)
    out = []
    last = 0
    for index, image in enumerate(images):
        plan = plans.get(index)
        if plan is None or image.in_picture or not _same_file(image.src, plan.name):
            continue
        out.append(fragment[last:image.start])
        out.append(picture(image, plan, sizes, eager=first_eager and index == 0))
        last = image.end
    out.append(fragment[last:])
    return "".join(out)
