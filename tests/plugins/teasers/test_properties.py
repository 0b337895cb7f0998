"""Properties of every generated teaser, for posts written in any script.

Whatever the title and body (Latin with accents, CJK, emoji sequences, right-to-left
scripts, links, hashtags, mentions), no teaser is over its network's limit, and no
link, hashtag or mention comes out cut or altered.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from podium.plugins.post import PostView
from podium.plugins.teasers import networks
from podium.plugins.teasers import shorten as shorten_mod
from podium.plugins.teasers.generate import teasers_for
from podium.plugins.teasers.hashtags import camel_case
from podium.plugins.teasers.shown import shown
from podium.plugins.teasers.tokens import HASHTAG, MENTION, pieces
from podium.plugins.teasers.urls import find_links

from .factory import ALL_NETWORKS, config

LATIN = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèêàçôûïœÉÀÇ'-", min_size=1, max_size=14)
CJK = st.text(alphabet="故人西辞黄鹤楼烟花三月下扬州日本語のですカタカナ한국어", min_size=1, max_size=12)
RTL = st.text(
    alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي\u05d0\u05d1\u05d2\u05d3\u05d4\u05d5\u200f", min_size=1, max_size=10
)
EMOJI = st.sampled_from(["😷", "👨‍👩‍👧‍👦", "🇫🇷", "1️⃣", "👍🏽", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "☺", "©", "🧕🏾"])
LINKS = st.sampled_from(
    [
        "https://example.org/rapport-2026",
        "example.com/a_b_c",
        "http://t.co/abc",
        "https://fr.wikipedia.org/wiki/Énergie_(physique)",
        "https://very-long-domain-name-for-testing.example.org/path/to/a/resource?with=query&and=more#fragment",
    ]
)
TAGS_IN_TEXT = st.sampled_from(["#Énergie", "#climat2030", "#日本", "#تغير"])
MENTIONS = st.sampled_from(["@claire", "@helio@piaille.example", "@bob.bsky.social"])
PUNCT = st.sampled_from([".", ",", " ?", "!", " :", ";", "…", " —", ""])
WORD = st.one_of(LATIN, LATIN, CJK, RTL, EMOJI, LINKS, TAGS_IN_TEXT, MENTIONS, st.integers(0, 10**6).map(str))


@st.composite
def sentence(draw, max_words=30):
    words = draw(st.lists(WORD, min_size=1, max_size=max_words))
    joined = ""
    for word in words:
        joined += word + draw(st.sampled_from([" ", " ", " ", "", ", "]))
    return joined.strip() + draw(PUNCT)


@st.composite
def post(draw):
    title = draw(sentence(max_words=12))
    paragraphs = draw(st.lists(st.lists(sentence(), min_size=1, max_size=5).map(" ".join), min_size=1, max_size=4))
    quote = draw(st.one_of(st.none(), sentence()))
    summary = draw(st.one_of(st.just(""), sentence()))
    tags = draw(st.lists(st.one_of(LATIN, CJK, RTL), max_size=6))
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    if quote:
        body += f"<blockquote><p>{html.escape(quote)}</p></blockquote>"
    meta = {"title": title, "summary": summary, "teaser_thread": draw(st.booleans())}
    view = PostView(
        slug="billet",
        lang=draw(st.sampled_from(["fr", "en"])),
        title=title,
        url="https://blog.example.org/billet.html",
        date=datetime(2026, 1, 1, tzinfo=UTC),
        content_html=body,
        tags=tuple(tags),
        metadata=meta,
    )
    return view, " ".join([title, summary, quote or "", *paragraphs])


def _whole_pieces_only(teaser, source_text: str, tags) -> None:
    allowed_links = {link.text for link in find_links(source_text)} | {teaser.url, shown(teaser.url).rstrip("\u2026")}
    allowed_tags = set(HASHTAG.findall(source_text)) | {camel_case(t) for t in tags}
    allowed_mentions = set(MENTION.findall(source_text))
    found = pieces(teaser.text)
    assert set(found["links"]) <= allowed_links, (found["links"], teaser.text)
    assert set(found["hashtags"]) <= allowed_tags, (found["hashtags"], teaser.text)
    assert set(found["mentions"]) <= allowed_mentions, (found["mentions"], teaser.text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(post())
def test_no_teaser_is_over_its_limit_or_cuts_a_link_hashtag_or_mention(case):
    view, source_text = case
    result = teasers_for(view, config())
    assert not result.errors
    for teaser in result.teasers:
        parts = teaser.parts or (teaser.text,)
        for part in parts:
            assert networks.fits(part, teaser.network), (teaser.network, part)
        assert teaser.length <= teaser.limit
        if teaser.network == "linkedin":
            assert networks.hook_fits(teaser.text)
        _whole_pieces_only(teaser, source_text, view.tags)


@settings(max_examples=60, deadline=None)
@given(sentence(max_words=60), st.integers(10, 400), st.sampled_from(ALL_NETWORKS))
def test_shorten_respects_any_limit_and_keeps_tokens_whole(text, limit, network):
    def ok(candidate):
        return networks.length(candidate, network).length <= limit

    result = shorten_mod.shorten(text, ok, "fr")
    if result is None:
        return
    assert ok(result)
    before = {link.text for link in find_links(text)}
    assert {link.text for link in find_links(result)} <= before
    assert set(HASHTAG.findall(result)) <= set(HASHTAG.findall(text))
    assert set(MENTION.findall(result)) <= set(MENTION.findall(text))
