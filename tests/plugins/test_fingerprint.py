"""Fingerprints: equal data, equal text; any change, another text; nothing undescribable passes unnoticed."""

import dataclasses
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Tag

from podium.plugins.fingerprint import Fingerprints, Unstable


@dataclasses.dataclass(frozen=True)
class Reply:
    author: str
    when: datetime


def _article(title="Un titre", body="<p>Le texte.</p>", **meta) -> Article:
    settings = dict(DEFAULT_CONFIG, PATH="/site/content")
    metadata = {"title": title, "date": datetime(2026, 1, 10, 9, tzinfo=UTC), "slug": "un-titre", **meta}
    return Article(body, metadata=metadata, settings=settings, source_path="/site/content/posts/a.md")


def describe(value, deep=False):
    return Fingerprints().describe(value, deep)


@pytest.mark.parametrize(
    "value",
    [
        {"b": [1, 2.5, None, True], "a": ("x", b"\x00")},
        {3: "trois", "3": "three"},
        Reply("Léa", datetime(2026, 1, 1, tzinfo=ZoneInfo("Europe/Paris"))),
        [timedelta(days=2), frozenset({"é", "a", "z"})],
    ],
)
def test_equal_values_built_apart_describe_the_same(value):
    import copy

    assert describe(value) == describe(copy.deepcopy(value))


def test_a_set_is_the_same_in_any_order_and_a_mapping_in_any_insertion_order():
    assert describe({"a", "b", "c"}) == describe({"c", "a", "b"})
    assert describe({"a": 1, "b": 2}) == describe({"b": 2, "a": 1})


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("1", 1),
        (["a", "b"], ["a|b"]),
        (["a\x1fs1:b"], ["a", "b"]),  # text that looks like the description's own separators
        ((1, 2), [1, 2]),
        (Reply("Léa", datetime(2026, 1, 1, tzinfo=UTC)), Reply("Léa", datetime(2026, 1, 2, tzinfo=UTC))),
        (datetime(2026, 1, 1, 12, tzinfo=UTC), datetime(2026, 1, 1, 13, tzinfo=ZoneInfo("Europe/Paris"))),
        (Tag("énergie", DEFAULT_CONFIG), Tag("energie", DEFAULT_CONFIG)),
    ],
)
def test_different_values_describe_differently(one, other):
    assert describe(one) != describe(other)


def test_an_object_without_a_stable_description_is_refused_not_guessed():
    class Opaque:
        pass

    with pytest.raises(Unstable, match="Opaque"):
        describe({"x": [Opaque()]})


def test_a_content_counts_by_its_facts_where_it_is_named_and_whole_where_it_is_given():
    prints = Fingerprints()
    a, edited = _article(summary="Résumé."), _article(body="<p>Le texte, relu.</p>", summary="Résumé.")
    retitled = _article(title="Un autre titre", summary="Résumé.")
    assert prints.facts(a) == Fingerprints().facts(edited)  # the body is not a fact
    assert prints.whole(a) != Fingerprints().whole(edited)
    assert prints.facts(a) != Fingerprints().facts(retitled)
    assert describe([a]) == describe([edited])  # named: by reference
    assert Fingerprints().describe([a], deep=True) != Fingerprints().describe([edited], deep=True)


def test_a_summary_cut_from_the_body_is_a_fact():
    assert Fingerprints().facts(_article()) != Fingerprints().facts(_article(body="<p>Un autre début.</p>"))


def test_content_objects_referring_to_each_other_are_described_without_looping():
    a, b = _article(), _article(title="B")
    a.podium_next, b.podium_previous = b, a
    assert Fingerprints().facts(a) == Fingerprints().facts(a)
    loop: list = []
    loop.append(loop)
    assert describe(loop) == describe(loop)
