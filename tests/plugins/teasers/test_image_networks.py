"""Teasers for Instagram, Facebook, Pinterest and Threads: counted as each network counts, within each limit."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from hypothesis import given, settings

from podium.plugins.teasers import networks
from podium.plugins.teasers.generate import teasers_for
from podium.plugins.teasers.model import document, to_json
from podium.plugins.teasers.tokens import HASHTAG
from podium.plugins.teasers.urls import find_links
from podium.plugins.typography import NBSP

from .factory import config, post_view, source
from .test_generate import EN_BODY, EN_META, FR_BODY, FR_META
from .texts import TRICKY

IMAGE_NETWORKS = ("instagram", "facebook", "pinterest", "threads")
FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"  # one emoji, 7 code points, 25 bytes


def generate(meta, body, **overrides):
    cfg = config(networks=IMAGE_NETWORKS, pinterest_board="1234567890123", **overrides)
    return teasers_for(post_view(meta, body), cfg, source(meta, body), f"content/posts/{meta['slug']}.md")


@pytest.fixture(scope="module")
def fr():
    return generate(FR_META, FR_BODY)


def of(result, network):
    return [t for t in result.teasers if t.network == network]


def test_each_network_counts_as_it_documents():
    assert networks.length("Bonjour", "instagram") == (7, 2200)
    assert networks.length("Bonjour", "facebook") == (7, 63206)
    assert networks.length("Bonjour", "pinterest") == (7, 800)
    assert networks.length(FAMILY, "instagram").length == 11, "UTF-16, as the app counts"
    assert networks.length(FAMILY, "threads").length == 25, "Meta: an emoji counts its UTF-8 bytes"
    assert networks.length(FAMILY, "pinterest").length == 7, "code points"
    assert networks.length("é" * 10 + " https://example.org/" + "x" * 100, "threads").length == 131, "links in full"


def test_instagram_caps_hashtags_and_mentions():
    tags = " ".join(f"#mot{i}" for i in range(31))
    assert networks.overflow(tags, "instagram") == "has 31 hashtags, over Instagram's 30; remove 1"
    assert networks.fits(" ".join(f"#mot{i}" for i in range(30)), "instagram")
    people = " ".join(f"@personne{i}" for i in range(21))
    assert networks.overflow(people, "instagram") == "has 21 mentions, over Instagram's 20; remove 1"
    assert networks.fits("mail@example.org " * 25, "instagram"), "an e-mail address is not a mention"
    assert networks.overflow("x" * 2201, "instagram") == "is 2201/2200 (characters); shorten it by 1"


def test_threads_caps_distinct_links_at_five():
    five = " ".join(f"https://example.org/{i}" for i in range(5))
    assert networks.fits(five + " https://example.org/0", "threads"), "a link given twice counts once"
    assert networks.overflow(five + " example.com/six", "threads") == "has 6 links, over Threads' 5; remove 1"


@settings(max_examples=150, deadline=None)
@given(TRICKY)
def test_hostile_texts_are_counted_without_error_and_fit_is_consistent(text):
    for network in IMAGE_NETWORKS:
        count = networks.length(text, network)
        assert count.length >= 0
        assert networks.fits(text, network) == (networks.overflow(text, network) is None)
        if count.length > count.limit:
            assert not networks.fits(text, network)


def test_instagram_teasers_say_where_the_post_is_instead_of_an_unclickable_link(fr):
    teasers = of(fr, "instagram")
    assert len(teasers) >= 2
    for teaser in teasers:
        assert "https://" not in teaser.text and not [l for l in find_links(teaser.text) if "utm_" in l.text]
        assert "blog.example.org (lien dans la bio)" in teaser.text
        assert teaser.url.startswith("https://blog.example.org/accelerer.html?utm_source=instagram")
        assert teaser.length <= 2200 and len(HASHTAG.findall(teaser.text)) <= 30
    english = of(generate(EN_META, EN_BODY), "instagram")
    assert all("blog.example.org (link in bio)" in t.text for t in english)


def test_facebook_teasers_are_long_with_the_link_for_its_preview(fr):
    for teaser in of(fr, "facebook"):
        assert teaser.url in teaser.text and teaser.text.count("\n\n") >= 2
        assert teaser.length <= 63206 and len(HASHTAG.findall(teaser.text)) <= 2


def test_pinterest_descriptions_carry_no_link_and_fit_800(fr):
    teasers = of(fr, "pinterest")
    assert len(teasers) >= 2
    for teaser in teasers:
        assert find_links(teaser.text) == [] and HASHTAG.findall(teaser.text) == []
        assert teaser.length <= 800
    long = generate({**FR_META, "summary": "Une phrase. " * 200}, "Un paragraphe très long. " * 300)
    assert all(t.length <= 800 for t in of(long, "pinterest"))


def test_threads_teasers_fit_500_with_one_hashtag_and_french_typography(fr):
    for teaser in of(fr, "threads"):
        assert teaser.length <= 500 and len(HASHTAG.findall(teaser.text)) <= 1
        assert len({l.text for l in find_links(teaser.text)}) <= 5
    assert any(f"{NBSP}:" in t.text for t in of(fr, "threads")), "French no-break space before the colon"


def test_emoji_heavy_posts_still_fit_threads_as_meta_counts_them():
    meta = {**FR_META, "summary": (FAMILY + " Une famille. ") * 60}
    result = generate(meta, FR_BODY)
    assert all(networks.length(t.text, "threads").length <= 500 for t in of(result, "threads"))


@pytest.mark.parametrize(
    "network,text,expected",
    [
        ("instagram", "x" * 2201, "the Instagram teaser is 2201/2200 (characters); shorten it by 1"),
        (
            "instagram",
            " ".join(f"#t{i}" for i in range(31)),
            "the Instagram teaser has 31 hashtags, over Instagram's 30; remove 1",
        ),
        (
            "instagram",
            " ".join(f"@compte{i}" for i in range(21)),
            "the Instagram teaser has 21 mentions, over Instagram's 20; remove 1",
        ),
        ("pinterest", "y" * 801, "the Pinterest teaser is 801/800 (characters); shorten it by 1"),
        (
            "threads",
            " ".join(f"https://e.org/{i}" for i in range(6)),
            "the Threads teaser has 6 links, over Threads' 5; remove 1",
        ),
    ],
)
def test_an_override_over_a_limit_is_an_error_with_its_line(network, text, expected):
    meta = {**FR_META, "teasers": {network: text}}
    result = generate(meta, FR_BODY)
    line = source(meta, FR_BODY).splitlines().index("teasers:") + 2
    assert [str(e) for e in result.errors] == [f"content/posts/accelerer.md:{line}: {expected}"]


def test_a_pin_has_its_title_and_link_as_fields_of_their_own_in_teasers_json():
    title = "Accélérer la transition énergétique des collectivités territoriales : " + "un calendrier précis " * 5
    result = generate({**FR_META, "title": title}, FR_BODY)
    pins = [to_json(t) for t in of(result, "pinterest")]
    assert pins and all(p["pin"]["link"] == p["url"] and "utm_source=pinterest" in p["url"] for p in pins)
    shown = pins[0]["pin"]["title"]
    assert len(shown) <= 100 and shown.endswith("…") and title.startswith(shown[:-1])
    assert not title[len(shown) - 1].isalnum(), "cut after a whole word"
    assert all("pin" not in to_json(t) for t in result.teasers if t.network != "pinterest")
    schema = json.loads(resources.files("podium.plugins.teasers").joinpath("teasers.schema.json").read_text())
    jsonschema.validate(document(result.teasers), schema)
