"""Each network's counting rule and limit, and the one question: length(text, network, settings)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.plugins import settings as settings_mod
from podium.plugins.teasers import networks
from podium.plugins.teasers.networks import Count, fits, length, overflow

from .texts import TRICKY

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"  # one emoji, 7 code points, 25 bytes
FLAG_FR = "\U0001f1eb\U0001f1f7"
LONG_URL = "https://blog.example.org/posts/2026/une-tres-longue-adresse-de-billet?utm_source=x&utm_medium=social"


def test_length_answers_length_and_limit():
    assert length("Bonjour", "x") == Count(7, 280)
    assert length("Bonjour", "linkedin") == (7, 3000)
    assert length("Bonjour", "mastodon") == (7, 500)
    assert length("Bonjour", "bluesky") == (7, 300)
    assert length("Bonjour", "threads") == (7, 500)


def test_unknown_network_names_the_expected_ones():
    with pytest.raises(ValueError, match="unknown network 'twitter'; expected x, linkedin, mastodon, bluesky, threads"):
        length("a", "twitter")


def test_x_counts_every_link_as_23_with_or_without_scheme():
    assert length(f"Lire {LONG_URL}", "x").length == 5 + 23
    assert length("Lire blog.example.org/posts/2026", "x").length == 5 + 23


def test_x_counts_cjk_and_emoji_twice():
    assert length("日本語", "x").length == 6
    assert length(FAMILY + FLAG_FR, "x").length == 4


def test_mastodon_counts_links_as_23_and_mentions_without_their_domain():
    assert length(LONG_URL, "mastodon").length == 23
    assert length("@claire@mastodon.example merci", "mastodon").length == len("@claire merci")
    # Mastodon links only addresses with a scheme: a bare domain counts letter by letter.
    assert length("blog.example.org", "mastodon").length == len("blog.example.org")


def test_mastodon_counts_grapheme_clusters():
    assert length(FAMILY + " é\u0301", "mastodon").length == 3


def test_mastodon_limit_comes_from_the_settings():
    config = settings_mod.load({"PODIUM_TEASERS_MASTODON_LIMIT": 1000})[0]
    assert length("a", "mastodon", config) == (1, 1000)
    assert fits("a" * 900, "mastodon", config)
    assert not fits("a" * 900, "mastodon")


def test_bluesky_counts_graphemes_and_links_in_full():
    assert length(FAMILY + FLAG_FR + "e\u0301", "bluesky").length == 3
    assert length(LONG_URL, "bluesky").length == len(LONG_URL)


def test_bluesky_also_has_a_byte_limit():
    text = FAMILY * 121  # 121 graphemes but 3025 bytes of UTF-8
    assert length(text, "bluesky").length == 121
    assert overflow(text, "bluesky") == "is 3025/3000 (bytes of UTF-8); shorten it by 25 bytes"


def test_linkedin_counts_utf16_code_units():
    assert length("\U0001f600a", "linkedin").length == 3
    assert length(LONG_URL, "linkedin").length == len(LONG_URL)


def test_linkedin_hook_is_the_first_line_within_210():
    assert networks.hook_fits("a" * 210 + "\n" + "b" * 500)
    assert not networks.hook_fits("a" * 211 + "\nb")


def test_threads_counts_an_emoji_as_its_utf8_bytes():
    assert length("ab", "threads").length == 2
    assert length(FAMILY, "threads").length == 25
    assert length("\U0001f600", "threads").length == 4
    assert length("é", "threads").length == 1


def test_overflow_says_how_much_to_cut():
    assert overflow("a" * 297, "x") == "is 297/280 (weighted); shorten it by 17"
    assert overflow("a" * 280, "x") is None
    assert overflow("a" * 501, "mastodon") == "is 501/500 (characters); shorten it by 1"
    assert overflow("é" * 301, "bluesky") == "is 301/300 (graphemes); shorten it by 1"


@settings(max_examples=200, deadline=None)
@given(st.lists(TRICKY, min_size=1, max_size=4), st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_a_text_counts_what_its_lines_count_measured_whole(lines, separator):
    # counting line by line (and remembering lines) must not change any count
    text = separator.join(lines)
    for net in networks.NETWORKS.values():
        raw = getattr(net.count, "__wrapped__", net.count)
        assert net.count(text) == raw(text), net.key
