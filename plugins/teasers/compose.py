"""Writing the teasers of one post for one network, each within that network's limit.

A variant is the author's own sentence (summary, pull quote, key figure or a
question from the post), a short closing line with the link, then mentions and
hashtags. When it is too long, the sentence is shortened first; the hashtags,
then the closing words, go only if that is not enough. Nothing is returned
that does not fit: ``fits`` is the network's own counter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..typography import quote
from . import phrases
from .counting import utf16_units
from .material import Material, sentences
from .networks import LINKEDIN_HOOK
from .shorten import longest_piece, shorten

#: Keep hashtags and closing words unless they would cost more than 40% of the author's sentence.
KEEP = 0.6
#: LinkedIn allows 3000, but a teaser that long is an article: aim for this.
LINKEDIN_TARGET = 1300
ORDER = ("quote", "figure", "question", "hook", "title")
#: networks where a teaser is a few paragraphs under a first line that shows before "…see more"
LONG_FORM = ("linkedin", "facebook")


@dataclass(frozen=True)
class Target:
    slug: str
    lang: str
    network: str
    link: str
    tail: str  # mentions and hashtags, already joined
    fits: Callable[[str], bool]


def _short(body: str, closing: str, link: str, tail: str) -> str:
    text = f"{body}\n\n{closing} {link}" if closing else f"{body}\n\n{link}"
    return f"{text}\n\n{tail}" if tail else text


def _fit_forms(target: Target, body: str, wrap: Callable[[str], str], closing: str) -> str | None:
    """The fullest form (closing and tail kept, then dropped) that does not sacrifice the author's words.

    Hashtags and closing words go only when keeping them would cost more than
    ``1 - KEEP`` of the sentence that the lightest form can carry.
    """
    found = []
    for keep_closing, keep_tail in ((True, True), (True, False), (False, False)):

        def render(piece: str, c=keep_closing, t=keep_tail) -> str:
            return _short(wrap(piece), closing if c else "", target.link, target.tail if t else "")

        piece = shorten(body, lambda p: target.fits(render(p)), target.lang)
        if piece is not None:
            found.append((piece, render(piece)))
            if len(found) == 1 and len(piece) >= KEEP * longest_piece(body):
                break  # no lighter form can carry enough more of the sentence to be preferred
    if not found:
        return None
    longest = max(len(piece) for piece, _ in found)
    return next(text for piece, text in found if len(piece) >= KEEP * longest)


def pin_variant(target: Target, purpose: str, body: str) -> str | None:
    """A Pinterest description: the author's sentence and the hashtags; the link and title are fields of their own."""
    if not body:
        return None
    wrap = (lambda piece: quote(piece, target.lang)) if purpose == "quote" else (lambda piece: piece)
    for tail in (target.tail, ""):

        def render(piece: str, tail=tail) -> str:
            return f"{wrap(piece)}\n\n{tail}" if tail else wrap(piece)

        piece = shorten(body, lambda p: target.fits(render(p)), target.lang)
        if piece is not None:
            return render(piece)
    return None


def _wrapper(purpose: str, lang: str, speaker: str) -> Callable[[str], str]:
    """How the author's sentence is dressed: a quotation in quotation marks, signed by its speaker."""
    if purpose != "quote":
        return lambda piece: piece
    if speaker:
        return lambda piece: f"{quote(piece, lang)} \u2014 {speaker}"
    return lambda piece: quote(piece, lang)


def _closing(target: Target, purpose: str, speaker: str) -> str:
    """Someone else's words are not "why I say this": their quote closes on what the author takes from them."""
    kind = "voice" if purpose == "quote" and speaker else purpose
    return phrases.closing(target.lang, kind, target.slug, target.network)


def _signatures(speaker: str) -> list[str]:
    """ "Name, role" first; the name alone when the role would cost the quote its words."""
    name = speaker.split(",", 1)[0].strip()
    return [speaker, name] if name != speaker else [speaker]


def short_variant(target: Target, purpose: str, body: str, speaker: str = "") -> str | None:
    """One teaser for X, Bluesky, Mastodon, Threads or Instagram (whose 'link' says where to find the post)."""
    if not body:
        return None
    closing = _closing(target, purpose, speaker)
    text = None
    for who in _signatures(speaker):
        wrap = _wrapper(purpose, target.lang, who)
        text = _fit_forms(target, body, wrap, closing) or text
        if text and wrap(body) in text:
            break
    return text


def _hook_line(text: str, lang: str, wrap: Callable[[str], str]) -> str | None:
    """A first line that LinkedIn shows whole, before its "…see more"."""
    piece = shorten(text, lambda p: utf16_units(wrap(p)) <= LINKEDIN_HOOK, lang)
    return wrap(piece) if piece else None


def linkedin_variant(target: Target, purpose: str, first: str, middle: str, speaker: str = "") -> str | None:
    """One LinkedIn teaser: a hook line that fits before "…see more", one paragraph of the post, link, hashtags."""
    line = None
    for who in _signatures(speaker):
        wrap = _wrapper(purpose, target.lang, who)
        line = _hook_line(first, target.lang, wrap) or line
        if line == wrap(first):
            break
    if not line:
        return None
    closing = _closing(target, purpose, speaker)

    def render(piece: str) -> str:
        body = f"{line}\n\n{piece}" if piece else line
        return _short(body, closing, target.link, target.tail)

    def ok(piece: str) -> bool:
        text = render(piece)
        return target.fits(text) and len(text) <= max(LINKEDIN_TARGET, len(render("")))

    piece = shorten(middle, ok, target.lang) if middle else ""
    text = render(piece or "")
    return text if target.fits(text) else None


def _bodies(material: Material) -> dict[str, str]:
    return {
        "quote": material.quote,
        "figure": material.figure,
        "question": material.question,  # a title that asks is the question variant, not the "title" one
        "hook": material.hook,
        "title": material.title,
    }


def _linkedin_lines(material: Material, bodies: dict[str, str]) -> dict[str, tuple[str, list[str]]]:
    """Each variant's first line and the paragraphs it would rather follow it with, best first.

    The "hook" variant opens on the summary, "title" on the title; a figure
    is followed by the paragraph it comes from.
    """
    rest = list(material.paragraphs)
    return {
        "hook": (material.hook, [material.first_paragraph, *rest]),
        "title": (material.title, [material.hook, *rest]),
        "quote": (bodies["quote"], [material.hook, *rest]),
        "figure": (bodies["figure"], [material.figure_paragraph, material.hook, *rest]),
        "question": (bodies["question"], [*rest, material.hook]),
    }


def _linkedin_body(first: str, choices: list[str], used: set[str]) -> str:
    """The first paragraph no other variant has taken, without the first line it would repeat."""
    for paragraph in choices:
        body = paragraph[len(first) :].strip() if first and paragraph.startswith(first) else paragraph
        if body and body not in used and body != first:
            return body
    return ""


def variants(material: Material, target: Target, count: int) -> list[tuple[str, str]]:
    """Up to ``count`` distinct (variant, text) pairs, at least two whenever the post allows."""
    bodies = _bodies(material)
    chosen = [p for p in ORDER if bodies[p] and p != "title"][:count]
    if len(chosen) < count and material.question != material.title:
        chosen.append("title")
    lines = _linkedin_lines(material, bodies) if target.network in LONG_FORM else {}
    used: set[str] = set()
    out: list[tuple[str, str]] = []
    for purpose in chosen:
        speaker = material.quote_by if purpose == "quote" else ""
        if target.network == "pinterest":
            text = pin_variant(target, purpose, bodies[purpose])
        elif lines:
            first, choices = lines[purpose]
            middle = _linkedin_body(first, choices, used)
            text = linkedin_variant(target, purpose, first, middle, speaker)
            used.add(middle)
        else:
            text = short_variant(target, purpose, bodies[purpose], speaker)
        if text and all(text != other for _, other in out):
            out.append((purpose, text))
        if len(out) >= count:
            break
    if len(out) < 2 and material.title:
        text = _one_line(target, material.title)
        if text and all(text != other for _, other in out):
            out.append(("short", text))
    return out


def _one_line(target: Target, title: str) -> str | None:
    """The last resort for a post with nothing but a title: the title and the link on one line."""

    def render(piece: str) -> str:
        line = f"{piece} {target.link}"
        return f"{line}\n\n{target.tail}" if target.tail else line

    piece = shorten(title, lambda p: target.fits(render(p)), target.lang)
    return render(piece) if piece else None


def _pack(items: list[str], ok: Callable[[str], bool], lang: str) -> list[str]:
    """Group sentences into posts, each accepted by ``ok``; a sentence too long alone is shortened."""
    posts: list[str] = []
    current = ""
    for item in items:
        joined = f"{current} {item}".strip() if current else item
        if ok(joined):
            current = joined
            continue
        if current:
            posts.append(current)
        current = item if ok(item) else (shorten(item, ok, lang) or "")
    if current:
        posts.append(current)
    return posts


def x_thread(material: Material, target: Target, max_posts: int) -> list[str] | None:
    """An X thread numbered 1/N: title and summary, then the post's key sentences, then the link."""
    closing = phrases.closing(target.lang, "thread", target.slug, target.network)
    last = _short(material.title, closing, target.link, target.tail)
    if not target.fits(f"{last}\n\n{max_posts}/{max_posts}"):
        last = f"{closing} {target.link}"
    widest = f"\n\n{max_posts}/{max_posts}"
    items = sentences(material.hook) + ([material.figure] if material.figure else [])
    items += [s for s in material.sentences if s not in items]
    if material.quote:
        items.append(_wrapper("quote", target.lang, material.quote_by)(material.quote))
    posts = _pack(items, lambda text: target.fits(text + widest), target.lang)[: max_posts - 1]
    if not posts:
        return None
    posts.append(last)
    total = len(posts)
    numbered = [f"{text}\n\n{i}/{total}" for i, text in enumerate(posts, 1)]
    return numbered if all(target.fits(p) for p in numbered) else None
