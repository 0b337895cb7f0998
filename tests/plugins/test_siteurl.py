"""The addresses outputs carry: the local preview's, and the production one teasers are counted with."""

from podium.plugins.siteurl import Address, local_link, public_root, teaser_address


def test_a_public_root_is_an_http_address_with_a_real_host():
    assert public_root("https://claire.example/") == "https://claire.example"
    assert public_root(" https://claire.example/blog/ ") == "https://claire.example/blog"
    for local in (
        "",
        "/blog",
        "http://127.0.0.1:8000",
        "http://127.1.2.3",
        "http://localhost:8000",
        "http://[::1]:8000/",
        "ftp://claire.example",
        "https://",
        "http://[bad",
        None,
        42,
    ):
        assert public_root(local) is None, local


def test_the_production_address_wins_and_says_so():
    assert teaser_address({"SITEURL": ""}, "https://claire.example") == Address("https://claire.example", True)
    assert teaser_address({"SITEURL": ""}, None, "missing") == Address("http://127.0.0.1:8000", False, "missing")
    assert teaser_address({"SITEURL": "https://staging.example/"}, None, "no_siteurl").root == "https://staging.example"


def test_links_of_a_preview_go_to_its_own_pages():
    prod = Address("https://claire.example", True)
    assert local_link("https://claire.example/a.html", prod, {"SITEURL": ""}) == "http://127.0.0.1:8000/a.html"
    assert local_link("https://claire.example/a.html", prod, {"SITEURL": "https://claire.example"}) == (
        "https://claire.example/a.html"
    )
    assert (
        local_link("https://claire.example.evil/a.html", prod, {"SITEURL": ""}) == "https://claire.example.evil/a.html"
    )
    assert local_link("http://127.0.0.1:8000/a.html", Address("http://127.0.0.1:8000", False), {}) == (
        "http://127.0.0.1:8000/a.html"
    )
