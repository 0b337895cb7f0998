"""All the teasers of one post: the author's own where given, written by podium elsewhere.

Pure: a PostView and the settings in, Teaser values and problems out. The glue
decides what to do with the problems (an author's teaser over its limit stops
the build) and where to write the results.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from ..errors import BadInput
from ..i18n import _
from ..post import PostView
from ..settings import PodiumSettings
from . import compose, networks, overrides, phrases
from .facets import post_facets
from .hashtags import hashtags
from .material import gather, strip_markdown
from .model import PostTeasers, Teaser, link_with_utm
from .shown import shown


def campaign_of(post: PostView) -> str:
    """utm_campaign: the post's ``campaign`` metadata, else its slug."""
    value = post.metadata.get("campaign") if post.metadata else None
    return str(value).strip() if value not in (None, "") else post.slug


def _teaser(
    post: PostView, network: str, variant: str, text: str, url: str, config: PodiumSettings, **extra: Any
) -> Teaser:
    count = networks.length(text, network, config)
    return Teaser(
        slug=post.slug,
        lang=post.lang,
        network=network,
        variant=variant,
        text=text,
        url=url,
        length=count.length,
        limit=count.limit,
        title=post.title,
        source_path=post.source_path,
        facets=post_facets(text, url, config.bluesky_mentions) if network == "bluesky" else (),
        **extra,
    )


def _author_teasers(
    post: PostView, network: str, texts, url: str, config: PodiumSettings, path: str, out: PostTeasers
) -> None:
    name = networks.network(network).name
    for number, (raw, line) in enumerate(texts, 1):
        text = overrides.fill(raw, _link_shown(post, network, url))
        problem = networks.overflow(text, network, config)
        if problem:
            out.errors.append(
                BadInput(_("the {name} teaser {problem}", name=name, problem=problem), path=path, line=line)
            )
            continue
        variant = "author" if number == 1 else f"author-{number}"
        out.teasers.append(_teaser(post, network, variant, text, url, config, by_author=True))
        if network == "linkedin" and not networks.hook_fits(text):
            out.warnings.append(
                BadInput(
                    _(
                        "the LinkedIn teaser's first line is over {LINKEDIN_HOOK} characters, so readers see it cut "
                        "before '…see more'; put a shorter hook on its own first line",
                        LINKEDIN_HOOK=networks.LINKEDIN_HOOK,
                    ),
                    path=path,
                    line=line,
                )
            )


def _link_shown(post: PostView, network: str, url: str) -> str:
    """The link as the text spells it: on Bluesky the host and path, the facet carrying the tracked address;
    on Instagram, which makes no link clickable, where to find the post."""
    if network == "instagram":
        return phrases.where_to_find(post.lang, urlsplit(url).hostname or url)
    return shown(url) if network == "bluesky" else url


def _tags_for(post: PostView, ov: overrides.Overrides, network: str) -> list[str]:
    source = list(ov.hashtags) if ov.hashtags is not None else list(post.tags)
    if network in compose.LONG_FORM and ov.hashtags is None and post.category:
        source.append(post.category)  # LinkedIn wants 3 to 5: the category helps a post with few tags
    return hashtags(source, network)


def _generated(post: PostView, network: str, material, ov, url: str, config: PodiumSettings, out: PostTeasers) -> None:
    target = _target(post, network, ov, url, config)
    count = config.teasers_variants
    for variant, text in compose.variants(material, target, count):
        out.teasers.append(_teaser(post, network, variant, text, url, config))


def _target(post: PostView, network: str, ov, url: str, config: PodiumSettings) -> compose.Target:
    tail = " ".join(ov.mentions.get(network, []) + _tags_for(post, ov, network))
    fits = lambda t: networks.fits(t, network, config)  # noqa: E731
    return compose.Target(post.slug, post.lang, network, _link_shown(post, network, url), tail, fits)


def _thread(post: PostView, material, ov, url: str, config: PodiumSettings, path: str, out: PostTeasers) -> None:
    """The X thread ``teaser_thread: true`` asks for, beside the author's own X texts or podium's."""
    target = _target(post, "x", ov, url, config)
    posts = compose.x_thread(material, target, config.teasers_thread_max)
    if not posts:
        out.warnings.append(
            BadInput(
                _(
                    "teaser_thread: true, but the post has too little text for an X thread; add paragraphs or remove the line"
                ),
                path=path,
                line=post.line_of("teaser_thread"),
            )
        )
        return
    lengths = tuple(networks.length(p, "x", config).length for p in posts)
    teaser = _teaser(post, "x", "thread", "\n\n".join(posts), url, config, parts=tuple(posts), part_lengths=lengths)
    out.teasers.append(Teaser(**{**teaser.__dict__, "length": max(lengths)}))


def teasers_for(
    post: PostView, config: PodiumSettings, source_text: str = "", path: str = "", author: str = ""
) -> PostTeasers:
    """Every teaser of ``post`` for the networks in ``config.networks``, and the problems found.

    A pull quote signed by anyone but the leader (the post's ``author``, else
    PODIUM_LEADER_NAME, else ``author``: Pelican's AUTHOR) names its speaker.
    """
    out = PostTeasers()
    path = path or post.source_path
    line_of = overrides.line_finder(source_text, post.meta_lines)
    ov = overrides.parse((post.metadata or {}).get("teasers"), path, line_of)
    out.errors.extend(ov.errors)
    enabled = config.networks
    for network in sorted(set(ov.texts) - set(enabled)):
        out.warnings.append(
            BadInput(
                _(
                    "teasers: {network}: this network is not in PODIUM_NETWORKS, so this text is not used; "
                    "add '{network}' to PODIUM_NETWORKS or remove the line",
                    network=network,
                ),
                path=path,
                line=line_of(("teasers", network)),
            )
        )
    summary = (post.metadata or {}).get("summary")
    author = str((post.metadata or {}).get("author") or config.leader_name or author)
    material = gather(post.title, strip_markdown(str(summary)) if summary else "", post.content_html, post.lang, author)
    if not material.hook and post.summary:
        material = gather(post.title, post.summary, post.content_html, post.lang, author)
    campaign = campaign_of(post)
    for network in enabled:
        if network in ov.disabled:
            continue
        url = link_with_utm(post.url, networks.network(network).utm_source, campaign, config.teasers_utm)
        if network in ov.texts:
            _author_teasers(post, network, ov.texts[network], url, config, path, out)
        else:
            _generated(post, network, material, ov, url, config, out)
        if network == "x" and post.metadata.get("teaser_thread") is True:
            _thread(post, material, ov, url, config, path, out)
    return out
