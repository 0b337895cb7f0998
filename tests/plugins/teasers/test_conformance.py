"""X counting against twitter-text's own conformance suite (read from the files, as its README asks)."""

import json
from pathlib import Path

import pytest
import yaml

from podium.plugins.teasers.counting import V3, WeightConfig, weighted_length, x_valid
from podium.plugins.teasers.urls import find_links

HERE = Path(__file__).parent / "conformance"
SUITE = yaml.safe_load((HERE / "validate.yml").read_text(encoding="utf-8"))["tests"]
V2_FILE = WeightConfig.from_json(json.loads((HERE / "v2.json").read_text()))
V3_FILE = WeightConfig.from_json(json.loads((HERE / "v3.json").read_text()))
# Version 1: 140 characters, every code point weighs 1, links 23 (the "tweets" section predates 280).
V1 = WeightConfig(max_length=140, default_weight=100, ranges=(), emoji=False)


def cases(section):
    return [pytest.param(c, id=c["description"][:70]) for c in SUITE[section]]


def test_the_packaged_v3_configuration_is_podiums_default():
    assert V3_FILE == V3


@pytest.mark.parametrize("case", cases("WeightedTweetsCounterTest"))
def test_weighted_length_v2(case):
    assert weighted_length(case["text"], V2_FILE) == case["expected"]["weightedLength"]
    assert x_valid(case["text"], V2_FILE) is case["expected"]["valid"]


@pytest.mark.parametrize("case", cases("WeightedTweetsWithDiscountedEmojiCounterTest"))
def test_weighted_length_v3_emoji_counted_once(case):
    assert weighted_length(case["text"], V3_FILE) == case["expected"]["weightedLength"]
    assert x_valid(case["text"], V3_FILE) is case["expected"]["valid"]


@pytest.mark.parametrize("case", cases("UnicodeDirectionalMarkerCounterTest"))
def test_weighted_length_with_directional_marks(case):
    assert weighted_length(case["text"], V3_FILE) == case["expected"]["weightedLength"]
    assert x_valid(case["text"], V3_FILE) is case["expected"]["valid"]


@pytest.mark.parametrize("case", cases("tweets"))
def test_tweet_validity_with_the_140_character_configuration(case):
    assert x_valid(case["text"], V1) is case["expected"]


@pytest.mark.parametrize("case", cases("urls_without_protocol"))
def test_links_without_scheme_are_found_whole(case):
    assert [link.text for link in find_links(case["text"])] == [case["text"]]
    assert weighted_length(case["text"]) == 23


# The "urls" section checks twitter-text's URL *validator* (RFC 3986), which is not its autolinker:
# the autolinker, whose counting X applies, never links user:password@, IPv4 or IPv6 hosts, and stops
# a query before a final '+'. Those cases are checked for what the autolinker does.
NOT_AUTOLINKED = {
    "http://user:PASSW0RD@example.com:8080/login.php",
    "http://192.168.0.1/index.html?src=asdf",
    "http://[3ffe:1900:4545:3:200:f8ff:fe21:67cf]:80/index.html",
}


@pytest.mark.parametrize("case", [c for c in cases("urls") if c.values[0]["expected"]])
def test_valid_urls_are_linked_as_the_autolinker_does(case):
    text = case["text"]
    found = [link.text for link in find_links(text)]
    if text in NOT_AUTOLINKED:
        assert text not in found
    elif text.endswith("+"):
        assert found == [text[:-1]]
    else:
        assert found == [text]


@pytest.mark.parametrize("case", [c for c in cases("urls") if not c.values[0]["expected"]])
def test_invalid_urls_are_never_linked_whole(case):
    assert case["text"] not in [link.text for link in find_links(case["text"])]
