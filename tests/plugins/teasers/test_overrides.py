"""The author's own teasers in front matter: how they are written, used, and refused."""

from podium.plugins.teasers.generate import teasers_for
from podium.plugins.teasers.overrides import line_finder

from .factory import config, post_view, source

BODY = "Un premier paragraphe qui pose le sujet. Puis une suite.\n\n> Une citation assez longue pour servir de base à un teaser.\n"


def run(meta, cfg=None, body=BODY):
    meta = {"title": "La rentrée", "lang": "fr", "slug": "rentree", "tags": ["énergie", "climat"], **meta}
    return teasers_for(post_view(meta, body), cfg or config(), source(meta, body), "content/posts/rentree.md")


def errors(result):
    return [str(e) for e in result.errors]


def test_an_x_override_over_the_limit_stops_with_where_and_how_much():
    result = run({"teasers": {"x": "a" * 297}})
    # front matter: 1 '---', 2 title, 3 lang, 4 slug, 5 tags, 6 '- énergie', 7 '- climat', 8 teasers, 9 x
    assert errors(result) == ["content/posts/rentree.md:9: the X teaser is 297/280 (weighted); shorten it by 17"]
    assert not [t for t in result.teasers if t.network == "x"]


def test_the_link_counts_as_the_network_counts_it():
    text = "b" * 256 + " {link}"  # 256 + 1 + 23 = 280 on X: just fits
    result = run({"teasers": {"x": text, "mastodon": "c" * 480 + " {link}"}})
    # the long x text is folded over lines 9-10 by the YAML writer: mastodon is on line 11
    assert errors(result) == [
        "content/posts/rentree.md:11: the Mastodon teaser is 504/500 (characters); shorten it by 4"
    ]
    (x,) = [t for t in result.teasers if t.network == "x"]
    assert x.length == 280 and x.by_author and x.variant == "author"
    assert x.text.endswith(" https://blog.example.org/rentree.html?utm_source=x&utm_medium=social&utm_campaign=rentree")


def test_each_text_of_a_list_is_a_variant_and_errors_point_at_the_item():
    result = run({"teasers": {"bluesky": ["Première {link}", "é" * 301, "Troisième"]}})
    assert errors(result) == ["content/posts/rentree.md:11: the Bluesky teaser is 301/300 (graphemes); shorten it by 1"]
    assert [(t.variant, t.text[:9]) for t in result.teasers if t.network == "bluesky"] == [
        ("author", "Première "),
        ("author-3", "Troisième"),
    ]


def test_false_leaves_a_network_out_and_other_networks_are_generated():
    result = run({"teasers": {"bluesky": False, "x": "Mon texte {link}"}})
    assert not errors(result)
    networks = {t.network for t in result.teasers}
    assert networks == {"x", "linkedin", "mastodon", "threads"}
    assert [t.by_author for t in result.teasers if t.network == "x"] == [True]
    assert len([t for t in result.teasers if t.network == "mastodon"]) >= 2


def test_unknown_keys_and_wrong_values_are_all_reported():
    result = run({"teasers": {"twitter": "x", "x": 42, "mentions": {"x": "pas un pseudo"}}})
    assert errors(result) == [
        "content/posts/rentree.md:9: teasers: unknown key 'twitter'; expected x, linkedin, mastodon, bluesky, threads, instagram, "
        "facebook, pinterest, hashtags, mentions",
        "content/posts/rentree.md:10: teasers: x: expected a text, a list of texts or false; received 42",
        "content/posts/rentree.md:11: teasers: mentions: 'pas un pseudo' is not a handle; write e.g. 'x: \"@name\"' or 'mastodon: \"@name@instance\"'",
    ]


def test_a_teasers_block_that_is_not_a_mapping():
    assert errors(run({"teasers": ["x"]})) == [
        "content/posts/rentree.md:8: teasers: expected one line per network, e.g. 'x: \"…\"'; received a list"
    ]


def test_an_override_for_a_network_not_enabled_is_a_warning():
    result = run({"teasers": {"threads": "Texte"}}, cfg=config(networks=("x", "mastodon")))
    assert not errors(result)
    assert [str(w) for w in result.warnings] == [
        "content/posts/rentree.md:9: teasers: threads: this network is not in PODIUM_NETWORKS, so this text is not used; "
        "add 'threads' to PODIUM_NETWORKS or remove the line"
    ]


def test_a_linkedin_override_with_a_long_first_line_is_a_warning():
    result = run({"teasers": {"linkedin": "a" * 250 + "\n\nSuite {link}"}})
    assert not errors(result)
    assert [str(w) for w in result.warnings] == [
        "content/posts/rentree.md:9: the LinkedIn teaser's first line is over 210 characters, so readers see it cut "
        "before '…see more'; put a shorter hook on its own first line"
    ]


def test_mentions_and_hashtags_given_by_the_author_are_used():
    result = run({"teasers": {"mentions": {"mastodon": "@helio@piaille.example"}, "hashtags": ["transition juste"]}})
    mastodon = [t for t in result.teasers if t.network == "mastodon"]
    assert mastodon and all("@helio@piaille.example #TransitionJuste" in t.text for t in mastodon)
    x = [t for t in result.teasers if t.network == "x"]
    assert x and all("#TransitionJuste" in t.text and "@" not in t.text for t in x)


def test_line_finder_reads_flow_style_and_nested_lists():
    text = '---\ntitle: T\nteasers: {x: "a", mastodon: ["b", "c"]}\n---\nbody\n'
    line_of = line_finder(text, {"title": 2, "teasers": 3})
    assert line_of(("teasers",)) == 3
    assert line_of(("teasers", "mastodon", 1)) == 3
    assert line_of(("teasers", "missing")) == 3
    assert line_finder("no front matter", {"teasers": 7})(("teasers", "x")) == 7
