"""Bluesky links shown as host and path, the link facet carrying the tracked address."""

from podium.plugins.teasers.facets import LINK, TAG, facets
from podium.plugins.teasers.shown import shown, tracked

URL = "https://blog.example.org/été.html?utm_source=bluesky&utm_medium=social&utm_campaign=ete"


def _covered(text, facet):
    return text.encode("utf-8")[facet["index"]["byteStart"] : facet["index"]["byteEnd"]].decode("utf-8")


def test_the_shown_form_is_host_and_path_with_an_ellipsis_for_the_query_left_out():
    assert shown(URL) == "blog.example.org/été.html…"
    assert shown("https://blog.example.org/ete.html") == "blog.example.org/ete.html"
    assert shown("https://blog.example.org/") == "blog.example.org"
    assert shown("http://127.0.0.1:8000/a.html#top") == "127.0.0.1:8000/a.html…"


def test_the_facet_over_the_shown_link_carries_the_full_address():
    text = f"Café ☕ : {shown(URL)}\n\n#Énergie"
    found = tracked(text, facets(text), URL)
    assert [f["features"][0]["$type"] for f in found] == [LINK, TAG]
    assert found[0]["features"][0]["uri"] == URL
    assert _covered(text, found[0]) == "blog.example.org/été.html…"
    assert _covered(text, found[1]) == "#Énergie"


def test_a_host_bluesky_would_not_link_gets_its_facet_too():
    url = "http://127.0.0.1:8000/a.html?utm_source=bluesky"
    text = f"À lire : {shown(url)}"
    (link,) = tracked(text, facets(text), url)
    assert link["features"][0]["uri"] == url and _covered(text, link) == "127.0.0.1:8000/a.html…"


def test_a_spelled_out_address_is_left_as_it_is():
    text = f"Le lien : {URL}"
    assert tracked(text, facets(text), URL) == facets(text)
