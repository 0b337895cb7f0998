"""A damaged card cache is ignored and made again, with a warning naming the entry: never a crash."""

from __future__ import annotations

import json
import logging

import pytest

from podium.plugins.cards import cache
from podium.publish.build import build
from tests.conftest import SAMPLE_NOW, post


def _entries(site):
    return sorted((site / ".cache" / "podium" / "cards").rglob("manifest.json"))


@pytest.mark.parametrize(
    "damage, problem",
    [
        (b'{"bytes": 12', "1:13: the cache entry is not valid JSON (Expecting ',' delimiter); it is made again"),
        (b"[1, 2]", "1: the cache entry is not a podium cache entry; it is made again"),
        (b'{"a": "\xff"}', "1:8: the cache entry is not UTF-8 text (byte 0xff); it is made again"),
    ],
)
def test_a_damaged_entry_is_drawn_again_with_a_warning(make_site, damage, problem):
    site = make_site({"content/posts/a.md": post("A", slug="a")})
    first = build(site, now=SAMPLE_NOW, output=site / "output")
    card = sorted((first.output / "cards").rglob("*.png"))
    assert len(card) == 1 and _entries(site)
    before = card[0].read_bytes()
    for entry in _entries(site):
        entry.write_bytes(damage)
    again = build(site, now=SAMPLE_NOW, output=site / "output")
    warned = [str(w) for w in again.warnings if "cache entry" in str(w)]
    shown = [str(e.relative_to(site)) for e in _entries(site)]
    assert len(warned) == len(shown) and all(any(w.startswith(f"{s}:{problem}") for w in warned) for s in shown)
    assert card[0].read_bytes() == before  # the same card, drawn again
    assert all(isinstance(json.loads(e.read_text(encoding="utf-8")), dict) for e in _entries(site))


def test_the_store_warns_once_per_entry_through_pelicans_logger(tmp_path, caplog):
    store = cache.Store(tmp_path)
    name = cache.key("z")
    store.put(name, {"f": b"1"}, {"bytes": 1})
    (store.folder(name) / "manifest.json").write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="pelican"):
        assert store.manifest(name) is None and store.manifest(name) is None
    entry = store.folder(name) / "manifest.json"
    assert [r.getMessage() for r in caplog.records if r.name == "pelican.podium.cache"] == [
        f"{entry}:1:2: the cache entry is not valid JSON (Expecting property name enclosed in double quotes); "
        "it is made again"
    ]
