"""Hashtags from tags: CamelCase, per-network counts, nothing invented."""

import pytest

from podium.plugins.teasers.hashtags import camel_case, hashtags


@pytest.mark.parametrize(
    "tag, expected",
    [
        ("énergie solaire", "#ÉnergieSolaire"),
        ("climate change", "#ClimateChange"),
        ("l'école", "#École"),
        ("transition-énergétique", "#TransitionÉnergétique"),
        ("CO2", "#CO2"),
        ("IA", "#IA"),
        ("2026", None),  # all digits is not a hashtag
        ("!!!", None),
    ],
)
def test_camel_case(tag, expected):
    assert camel_case(tag) == expected


TAGS = ("énergie", "climat", "territoires", "solaire", "éolien", "réseau")


@pytest.mark.parametrize("network, count", [("x", 2), ("bluesky", 2), ("threads", 1), ("mastodon", 4), ("linkedin", 5)])
def test_how_many_per_network(network, count):
    assert hashtags(TAGS, network) == ["#Énergie", "#Climat", "#Territoires", "#Solaire", "#Éolien"][:count]


def test_duplicates_and_unusable_tags_are_skipped():
    assert hashtags(("Énergie", "énergie", "2026", "climat"), "x") == ["#Énergie", "#Climat"]
