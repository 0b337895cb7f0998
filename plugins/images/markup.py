"""Finding ``<img>`` tags in a post's HTML and rewriting them as responsive pictures: pure text work.

The rewrite is surgical: only the ``<img ...>`` tags are replaced, found by
position and read with the standard library's HTML tokenizer, so the rest of
the post stays byte for byte as Markdown produced it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from .variants import MIME, Variant, srcset

_IMG = re.compile(r"<img\b", re.IGNORECASE)
#: comments (skipped whole), and <img>, <picture>, </picture> tags; quoted values may hold '>'
_TAGS = re.compile(
    r"(?P<comment><!--.*?-->)|<(?P<close>/?)(?P<name>img|picture)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.IGNORECASE | re.DOTALL,
)

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
        return (self.get("role") or "").lower() in ("presentation", "none") or (
            self.get("aria-hidden") or ""
        ).lower() == "true"


@dataclass(frozen=True)
class Plan:
    """What to write for one image: its size and the files it was turned into."""

    width: int
    height: int
    format: str
    variants: tuple[Variant, ...]
    #: the original's file name: a resolved src must still end with it, or the image is left alone
    name: str = ""


class _Attrs(HTMLParser):
    """The standard tokenizer, run on one tag at a time: attribute quoting and entities done right."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.attrs = attrs

    handle_startendtag = handle_starttag


def _attrs(tag_text: str) -> tuple[tuple[str, str | None], ...]:
    parser = _Attrs()
    parser.feed(tag_text)
    parser.close()
    return tuple(parser.attrs)


def find_images(fragment: str) -> list[Img]:
    """Every <img> of the fragment with its position, outside comments, noting those inside a <picture>.

    Only the tags that matter are tokenized: running the full HTML tokenizer
    over every post cost more than the rest of the image step.
    """
    if not _IMG.search(fragment):
        return []  # most pages of a long blog have no image
    found: list[Img] = []
    pictures, line, counted = 0, 1, 0
    for match in _TAGS.finditer(fragment):
        if match.group("comment") is not None:
            continue
        name, closing = match.group("name").lower(), bool(match.group("close"))
        if name == "picture":
            pictures = max(0, pictures - 1) if closing else pictures + 1
            continue
        if closing:
            continue
        line += fragment.count("\n", counted, match.start())
        counted = match.start()
        found.append(Img(match.start(), match.end(), _attrs(match.group(0)), line, pictures > 0))
    return found


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
    source = (
        f'<source type="{MIME["WEBP"]}" srcset="{escape(srcset(src, list(plan.variants), "WEBP"))}" '
        f'sizes="{escape(sizes)}">'
    )
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
        out.append(fragment[last : image.start])
        out.append(picture(image, plan, sizes, eager=first_eager and index == 0))
        last = image.end
    out.append(fragment[last:])
    return "".join(out)
