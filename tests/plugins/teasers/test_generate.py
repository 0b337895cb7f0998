"""Generated teasers: variants, per-network conventions, links, language, threads."""

from urllib.parse import parse_qs, urlsplit

import pytest

from podium.plugins import settings as settings_mod
from podium.plugins.teasers import networks, phrases
from podium.plugins.teasers.facets import LINK
from podium.plugins.teasers.generate import teasers_for
from podium.plugins.teasers.tokens import HASHTAG
from podium.plugins.typography import NBSP, NNBSP

from .factory import ALL_NETWORKS, config, post_view, source

FR_BODY = """Cette année, la concertation a changé notre façon de travailler. Les habitants sont venus nombreux.

Nous avons réduit nos délais de 30 % sur vingt projets, sans un seul recours.

> La concertation n'est pas une étape : c'est la méthode.

Faut-il aller plus vite ? Oui, mais pas seul.
"""
FR_META = {
    "title": "Accélérer : ce que la loi change",
    "lang": "fr",
    "slug": "accelerer",
    "category": "Transition",
    "tags": ["énergie", "territoires", "concertation", "solaire", "éolien", "réseau"],
    "summary": "Trois ans après la loi, un bilan de terrain : la concertation accélère vraiment.",
}
EN_BODY = (
    "We opened a new training centre. It will welcome 400 apprentices a year by 2028.\n\nWhy does it matter? Skills.\n"
)
EN_META = {"title": "A school of our own", "lang": "en", "slug": "school", "tags": ["skills", "hiring"]}


def generate(meta, body, **settings):
    return teasers_for(
        post_view(meta, body), config(**settings), source(meta, body), f"content/posts/{meta['slug']}.md"
    )


@pytest.fixture(scope="module")
def fr():
    return generate(FR_META, FR_BODY, teasers_variants=4)


def by_network(result, network):
    return [t for t in result.teasers if t.network == network]


@pytest.mark.parametrize("network", ALL_NETWORKS)
def test_at_least_two_distinct_variants_within_the_limit(fr, network):
    mine = by_network(fr, network)
    assert len(mine) >= 2
    assert len({t.text for t in mine}) == len(mine)
    assert len({t.text.split("\n")[0] for t in mine}) == len(mine), "variants open differently"
    for teaser in mine:
        assert networks.fits(teaser.text, network)
        assert (teaser.length, teaser.limit) == networks.length(teaser.text, network)


def test_even_a_bare_post_gets_two_variants():
    result = generate({"title": "Une note", "lang": "fr", "slug": "note"}, "Un seul paragraphe, sans plus.")
    for network in ALL_NETWORKS:
        assert len(by_network(result, network)) >= 2


def test_variants_are_named_by_what_they_quote(fr):
    assert [t.variant for t in by_network(fr, "x")] == ["quote", "figure", "question", "hook"]
    quote = by_network(fr, "x")[0]
    assert quote.text.startswith(f"«{NNBSP}La concertation n’est pas une étape{NBSP}: c’est la méthode.{NNBSP}»")
    figure = by_network(fr, "x")[1]
    assert figure.text.startswith(f"Nous avons réduit nos délais de 30{NNBSP}% sur vingt projets")


@pytest.mark.parametrize("network, most", [("x", 2), ("bluesky", 2), ("threads", 1), ("mastodon", 4)])
def test_hashtag_counts(fr, network, most):
    for teaser in by_network(fr, network):
        tags = HASHTAG.findall(teaser.text)
        assert 1 <= len(tags) <= most
        assert tags == ["#Énergie", "#Territoires", "#Concertation", "#Solaire"][: len(tags)]


def test_linkedin_has_three_to_five_hashtags_on_the_last_line_and_a_hook_that_fits(fr):
    for teaser in by_network(fr, "linkedin"):
        last = teaser.text.rsplit("\n", 1)[1]
        assert 3 <= len(HASHTAG.findall(last)) <= 5 and last == " ".join(HASHTAG.findall(last))
        assert HASHTAG.findall(teaser.text) == HASHTAG.findall(last)
        assert networks.hook_fits(teaser.text)


def test_links_carry_utm_parameters_per_network(fr):
    for teaser in fr.teasers:
        if teaser.network == "bluesky":  # the text shows host and path; the link facet carries the tracked address
            assert "utm_" not in teaser.text and "blog.example.org/accelerer.html" in teaser.text
            assert [f["features"][0]["uri"] for f in teaser.facets if "uri" in f["features"][0]] == [teaser.url]
        else:
            assert teaser.url in teaser.text
        query = parse_qs(urlsplit(teaser.url).query)
        assert query == {"utm_source": [teaser.network], "utm_medium": ["social"], "utm_campaign": ["accelerer"]}


def test_the_campaign_metadata_wins_over_the_slug():
    result = generate({**EN_META, "campaign": "back-to-school"}, EN_BODY)
    assert all(parse_qs(urlsplit(t.url).query)["utm_campaign"] == ["back-to-school"] for t in result.teasers)


def test_utm_can_be_turned_off():
    result = generate(EN_META, EN_BODY, teasers_utm=False)
    assert {t.url for t in result.teasers} == {"https://blog.example.org/school.html"}


def test_no_mentions_unless_the_author_gives_them(fr):
    assert not any("@" in t.text for t in fr.teasers)


def test_french_post_french_words_english_post_english_words(fr):
    closings_fr = {c for group in phrases.CLOSINGS["fr"].values() for c in group}
    closings_en = {c for group in phrases.CLOSINGS["en"].values() for c in group}
    for teaser in fr.teasers:
        assert any(c in teaser.text for c in closings_fr) and not any(c in teaser.text for c in closings_en)
        assert " :" not in teaser.text and " ?" not in teaser.text and " !" not in teaser.text
    en = generate(EN_META, EN_BODY)
    for teaser in en.teasers:
        assert any(c in teaser.text for c in closings_en) and not any(c in teaser.text for c in closings_fr)
        assert NBSP not in teaser.text and NNBSP not in teaser.text


def test_closings_vary_from_post_to_post():
    texts = set()
    for slug in ("a", "b", "c", "d", "e", "f"):
        result = generate({**EN_META, "slug": slug}, EN_BODY)
        texts.add(by_network(result, "x")[-1].text.split("\n\n")[1].split(" https")[0])
    assert len(texts) >= 2


def test_nothing_reads_like_a_robot(fr):
    for teaser in fr.teasers + generate(EN_META, EN_BODY).teasers:
        assert not teaser.text.lower().startswith(("new post", "nouvel article", "new blog post", "nouveau billet"))


def test_bluesky_teasers_carry_their_link_facet(fr):
    for teaser in by_network(fr, "bluesky"):
        links = [f for f in teaser.facets if f["features"][0]["$type"] == LINK]
        assert [f["features"][0]["uri"] for f in links] == [teaser.url]
        start = links[0]["index"]["byteStart"]
        assert teaser.text.encode()[start : links[0]["index"]["byteEnd"]].decode() == "blog.example.org/accelerer.html…"


def test_an_x_thread_when_the_post_asks_for_one():
    body = " ".join(f"Phrase numéro {i} qui développe une idée importante pour la suite du propos." for i in range(12))
    result = generate({**FR_META, "teaser_thread": True}, body)
    (thread,) = [t for t in result.teasers if t.variant == "thread"]
    total = len(thread.parts)
    assert 2 <= total <= 5
    for number, part in enumerate(thread.parts, 1):
        assert part.endswith(f"\n\n{number}/{total}")
        assert networks.fits(part, "x")
    assert thread.url in thread.parts[-1]
    assert thread.length == max(thread.part_lengths) <= 280
    assert "thread" not in [t.variant for t in generate(FR_META, body).teasers]


def test_threads_network_is_off_by_default():
    meta = dict(EN_META)
    result = teasers_for(post_view(meta, EN_BODY), settings_mod.defaults())
    assert {t.network for t in result.teasers} == {"x", "linkedin", "mastodon", "bluesky"}


def test_a_post_with_only_a_title_still_gets_two_variants():
    result = generate({"title": "Une annonce", "lang": "fr", "slug": "annonce"}, "")
    for network in ALL_NETWORKS:
        mine = by_network(result, network)
        assert len(mine) == 2 and len({t.text for t in mine}) == 2, network
        assert all(t.text.startswith("Une annonce") for t in mine)
