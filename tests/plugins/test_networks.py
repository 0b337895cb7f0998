"""The networks registry: every piece that reads it finds what it needs there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from podium.plugins import networks
from podium.plugins.teasers import networks as teaser_networks

KIT_JS = Path(__file__).parents[2] / "plugins" / "comms" / "static" / "kit.js"


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _kit_rules() -> set[str]:
    source = KIT_JS.read_text(encoding="utf-8")
    block = re.search(r"var RULES = \{(.*?)\};", source, re.S).group(1)
    return set(re.findall(r"^\s*(\w+):", block, re.M))


def test_every_counting_rule_exists_in_python_and_in_the_kit_page():
    assert set(teaser_networks.COUNTERS) == set(networks.COUNTERS) == _kit_rules()
    assert {n.counter for n in networks.NETWORKS.values()} <= set(networks.COUNTERS)


def test_every_client_named_in_the_registry_is_that_networks_client():
    from podium.publish.channels import CHANNELS, ENVIRONMENT

    assert set(CHANNELS) == {k for k, n in networks.NETWORKS.items() if n.client}
    for key, cls in CHANNELS.items():
        assert (cls.name, cls.label) == (key, networks.get(key).name)
        assert ENVIRONMENT[key] == networks.get(key).environment


def test_each_network_reads_only_its_own_variables():
    for net in networks.NETWORKS.values():
        assert all(v.startswith(f"PODIUM_{net.key.upper()}_") for v in net.environment), net.key


def test_a_client_cannot_name_an_undeclared_variable():
    with pytest.raises(KeyError) as info:
        networks.get("x").variable("CLIENT_ID")
    assert info.value.args[0] == "PODIUM_X_CLIENT_ID is not declared in the X record of podium.plugins.networks"


def test_an_unknown_network_is_named_with_the_known_ones():
    with pytest.raises(ValueError) as info:
        networks.get("twitter")
    assert str(info.value) == (
        "unknown network 'twitter'; expected x, linkedin, mastodon, bluesky, threads, instagram, facebook, pinterest"
    )


@pytest.mark.parametrize("key", list(networks.NETWORKS))
def test_calendar_badges_are_readable(key):
    net = networks.get(key)
    light, dark = sorted((_luminance(net.colour), _luminance(net.ink)), reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 4.5, f"{key}: WCAG AA needs 4.5:1"


def test_keys_defaults_and_ranks_are_consistent():
    assert networks.DEFAULT_KEYS == ("x", "linkedin", "mastodon", "bluesky")
    ranks = [n.discuss_rank for n in networks.NETWORKS.values()]
    assert len(set(ranks)) == len(ranks), "two networks would tie under an article"
    assert networks.name_of("friendica") == "friendica" and networks.order("friendica") == len(networks.KEYS)
