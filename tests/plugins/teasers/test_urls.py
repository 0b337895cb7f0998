"""Link detection in running text: what a reader would click, nothing more, nothing less."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.plugins.teasers.urls import _scan_links, find_links, top_level_domains

from .texts import TRICKY


def links(text, **kw):
    return [link.text for link in find_links(text, **kw)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Lisez https://blog.example.org/a.html.", ["https://blog.example.org/a.html"]),
        (
            "(voir https://fr.wikipedia.org/wiki/Énergie_(physique)) et la suite",
            ["https://fr.wikipedia.org/wiki/Énergie_(physique)"],
        ),
        ("See example.com/report, then exit", ["example.com/report"]),
        ("Sur www.ecologie.gouv.fr : le texte", ["www.ecologie.gouv.fr"]),
        ("日本語のexample.comです", ["example.com"]),
        (
            "https://blog.example.org/?utm_source=x&utm_medium=social!",
            ["https://blog.example.org/?utm_source=x&utm_medium=social"],
        ),
        ("HTTPS://EXAMPLE.COM/Path", ["HTTPS://EXAMPLE.COM/Path"]),
        ("deux liens a.com et https://b.org/x", ["a.com", "https://b.org/x"]),
        ("http://foobar.پاکستان/ ok", ["http://foobar.پاکستان/"]),
    ],
)
def test_links_in_text(text, expected):
    assert links(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "écrivez à contact@example.com",  # an e-mail address is not a link
        "la fin.Le début",  # a missing space is not a domain
        "v1.2 et 3.14",
        "#hashtag.com",
        "$cash.tag",
        "un mot-.com",
        "e.g. i.e.",
    ],
)
def test_not_links(text):
    assert links(text) == []


def test_short_country_domains_need_a_path_except_co_and_tv():
    assert links("voir lemonde.fr aujourd'hui") == []
    assert links("voir lemonde.fr/article aujourd'hui") == ["lemonde.fr/article"]
    assert links("voir t.co et foo.tv") == ["t.co", "foo.tv"]
    assert links("voir https://lemonde.fr") == ["https://lemonde.fr"]


def test_require_scheme_keeps_only_links_with_one():
    assert links("a.com et https://b.org", require_scheme=True) == ["https://b.org"]


def test_offsets_point_at_the_link():
    text = "Éé https://x.org/é fin"
    (link,) = find_links(text)
    assert text[link.start : link.end] == "https://x.org/é"


def test_the_domain_list_is_the_public_suffix_lists_tlds():
    tlds = top_level_domains()
    assert {"com", "fr", "org", "co", "tv", "paris", "xn--mgbai9azgqp6j"} <= tlds
    assert "پاکستان" in tlds
    assert "notatld" not in tlds


def test_a_long_text_without_links_is_quick_to_scan():
    # a pathological input for naive scanners: one huge run of letters with dots far apart
    assert links(("漢" * 5000 + ". ") * 4) == []
    assert links(("漢" * 5000 + ".zzzz ") * 4) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(TRICKY, min_size=1, max_size=4), st.sampled_from(["\n", "\n\n", " ", "\xa0: "]), st.booleans())
def test_lines_and_tokens_scanned_apart_find_what_one_scan_finds(pieces, separator, require_scheme):
    text = separator.join(pieces)
    assert find_links(text, require_scheme=require_scheme) == _scan_links(text, require_scheme)
