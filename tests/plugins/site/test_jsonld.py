"""JSON-LD survives hostile titles: it parses back to the same data and never closes its <script>."""

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from podium.plugins.site import jsonld

HOSTILE = "Pourquoi « R&D » compte </script><script>alert(\"x\")</script> & 'quotes' <!-- -->"


def posting(title):
    author = jsonld.person("Claire Morel", url="https://blog.test/", job_title="PDG", same_as=["https://x.com/cm"])
    return jsonld.blog_posting(
        headline=title,
        url="https://blog.test/a.html",
        date_published="2026-03-18T08:30:00+01:00",
        lang="fr",
        author=author,
        keywords=["énergie"],
        description=title,
    )


def embed(data):
    return f'<script type="application/ld+json">{jsonld.script_safe(data)}</script>'


def extract(page):
    return re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)


def test_a_title_with_script_tags_and_quotes_round_trips():
    data = posting(HOSTILE)
    page = embed(data)
    blocks = extract(page)
    assert len(blocks) == 1  # nothing closed the script early
    assert json.loads(blocks[0]) == data
    assert json.loads(blocks[0])["headline"] == HOSTILE


def test_no_angle_bracket_or_ampersand_reaches_the_html_parser():
    text = jsonld.script_safe(posting(HOSTILE))
    assert not set("<>&") & set(text)
    assert "\\u003c/script\\u003e" in text


def test_line_separators_are_escaped():
    text = jsonld.script_safe({"name": "a\u2028b\u2029c"})
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text)["name"] == "a\u2028b\u2029c"


def test_blog_posting_shape():
    data = posting("Titre")
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "BlogPosting"
    assert data["author"]["@type"] == "Person"
    assert data["author"]["sameAs"] == ["https://x.com/cm"]
    assert data["dateModified"] == data["datePublished"]
    assert data["mainEntityOfPage"]["@id"] == data["url"]
    assert "image" not in data  # empty values are left out, not claimed


def test_non_ascii_stays_readable():
    assert "énergie" in jsonld.script_safe(posting("Titre"))


@settings(max_examples=100)
@given(st.text(max_size=60))
def test_any_title_round_trips(title):
    data = posting(title)
    blocks = extract(embed(data))
    assert len(blocks) == 1
    assert json.loads(blocks[0]) == data
