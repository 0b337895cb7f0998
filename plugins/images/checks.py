"""The problems podium finds in a post's images, as ``path:line`` errors: pure, so ``podium check`` can list them.

Each function takes what a post says (its HTML, front matter, source text) and
returns BadInput values; nothing is raised, so every problem of every post is
shown in one run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..errors import BadInput
from ..i18n import N_, _
from . import markup, paths

HOW_TO_DESCRIBE = N_(
    "describe it in the brackets of ![...](...), or list it under 'decorative_images:' "
    "in the front matter if it is only decoration"
)


def decorative_list(meta: dict[str, Any], where: str, lines: dict[str, int]) -> tuple[set[str], list[BadInput]]:
    """The post's ``decorative_images`` front matter: a list of image paths or file names."""
    value = meta.get("decorative_images")
    if value is None:
        return set(), []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        problem = BadInput(
            _(
                "decorative_images: expected a list of image paths such as [images/rule.png]; received {value!r}",
                value=value,
            ),
            path=where,
            line=lines.get("decorative_images"),
        )
        return set(), [problem]
    found = set()
    for item in value:
        try:
            found.add(paths.content_path(item) or item)
        except paths.Outside:
            found.add(item)
        found.add(item.rsplit("/", 1)[-1])
    return found, []


def line_finder(source: str, lines: dict[str, int]) -> Callable[[str], int | None]:
    """Where a post's text mentions an image: searched after the front matter's last key."""
    after = max(lines.values(), default=0)
    return lambda reference: paths.line_of(source, reference, after=after)


def post_problems(
    html: str, meta: dict[str, Any], lines: dict[str, int], source: str, where: str, base: str = ""
) -> list[BadInput]:
    """Every problem of a post's images found without opening a file, for ``podium check``.

    ``html`` is the post's HTML before Pelican resolves links (``{static}`` kept),
    ``source`` the text of its file, ``base`` its folder under content/.
    Missing or broken files need the disk and are reported by the build.
    """
    images = markup.find_images(html)
    decorative, problems = decorative_list(meta, where, lines)
    problems += missing_alt(images, decorative, base, where, line_finder(source, lines))
    problems += card_image(meta, where, lines)[1] + card_focus(meta, where, lines)[1]
    for image in images:
        try:
            paths.content_path(image.src, base)
        except paths.Outside:
            problems.append(outside(image.src, where, line_finder(source, lines)(image.src)))
    return problems


def outside(src: str, where: str, line: int | None) -> BadInput:
    return BadInput(
        _(
            "image '{src}' points outside content/; use a path under content/, such as {{static}}/images/photo.jpg",
            src=src,
        ),
        path=where,
        line=line,
    )


def missing_alt(
    images: Sequence[markup.Img], decorative: set[str], base: str, where: str, line_for: Callable[[str], int | None]
) -> list[BadInput]:
    """One error per image with no alt text that the post has not declared decorative."""

    def path_of(src: str) -> str | None:
        try:
            return paths.content_path(src, base)
        except paths.Outside:
            return None

    return [
        BadInput(
            _("image '{src}' has no alt text; {HOW_TO_DESCRIBE}", src=img.src, HOW_TO_DESCRIBE=_(HOW_TO_DESCRIBE)),
            path=where,
            line=line_for(img.src),
        )
        for img in markup.missing_alt(images, decorative, path_of)
    ]


def card_focus(meta: dict[str, Any], where: str, lines: dict[str, int]) -> tuple[tuple[float, float], list[BadInput]]:
    """The ``card_focus: [x, y]`` focal point, each from 0 to 1; the centre when absent."""
    value = meta.get("card_focus")
    if value is None:
        return (0.5, 0.5), []
    ok = (
        isinstance(value, (list, tuple))
        and len(value) == 2
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 1 for v in value)
    )
    if not ok:
        return (0.5, 0.5), [
            BadInput(
                _(
                    "card_focus: expected [x, y] with numbers from 0 to 1, such as [0.5, 0.3]; received {value!r}",
                    value=value,
                ),
                path=where,
                line=lines.get("card_focus"),
            )
        ]
    return (float(value[0]), float(value[1])), []


def card_image(meta: dict[str, Any], where: str, lines: dict[str, int]) -> tuple[str | None, list[BadInput]]:
    """The ``card_image`` path under content/, or the error saying why it cannot be used."""
    value = meta.get("card_image")
    if value is None or value == "":
        return None, []
    line = lines.get("card_image")
    if not isinstance(value, str):
        return None, [
            BadInput(
                _(
                    "card_image: expected a path under content/ such as images/card.jpg; received {value!r}",
                    value=value,
                ),
                path=where,
                line=line,
            )
        ]
    try:
        rel = paths.content_path(value)
    except paths.Outside:
        return None, [
            BadInput(
                _(
                    "card_image '{value}' points outside content/; give a path under content/, such as images/card.jpg",
                    value=value,
                ),
                path=where,
                line=line,
            )
        ]
    if rel is None:
        return None, [
            BadInput(
                _(
                    "card_image '{value}' is a web address; copy the image under content/ and give its path, such as images/card.jpg",
                    value=value,
                ),
                path=where,
                line=line,
            )
        ]
    return rel, []
