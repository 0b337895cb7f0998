"""The image networks' pictures on real Pelican builds: one per format and post, cached, errors with path:line."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from tests.conftest import post
from tests.plugins.images.helpers import leaks, phone_jpeg
from tests.publish.fakes import images as network_specs

from .test_cards_build import cards, errors_of, run

IMAGE_NETWORKS = {
    "PODIUM_NETWORKS": ["x", "instagram", "facebook", "pinterest", "threads"],
    "PODIUM_PINTEREST_BOARD": "1234567890123",
}


@pytest.fixture
def blog(make_site):
    return make_site(
        {
            "content/posts/a.md": post("La rentrée des énergies renouvelables", slug="rentree"),
            "content/posts/b.md": post(
                "Sur le chantier", slug="chantier", card_image="images/chantier.jpg", card_focus=[0.8, 0.5]
            ),
            "content/images/chantier.jpg": phone_jpeg(2400, 1200),
        },
        settings=IMAGE_NETWORKS,
    )


def test_each_image_network_gets_its_picture_beside_the_card(blog):
    result = run(blog, prod=True)
    out = result.output
    for article in result.ctx.posts:
        pictures = article.podium_images
        assert set(pictures) == {"instagram", "facebook", "pinterest", "threads"}
        assert pictures["facebook"] == pictures["threads"] == article.podium_card
        for network, spec, shape in (
            ("instagram", network_specs.INSTAGRAM, (1080, 1350)),
            ("pinterest", network_specs.PINTEREST, (1000, 1500)),
        ):
            picture = pictures[network]
            assert picture["path"] == f"cards/fr/{article.slug}-{network}.jpg"
            assert picture["url"] == f"https://blog.test/{picture['path']}"
            data = (out / picture["path"]).read_bytes()
            assert (picture["width"], picture["height"]) == shape == Image.open(io.BytesIO(data)).size
            assert picture["length"] == len(data) and picture["type"] == "image/jpeg"
            assert picture["alt"] == article.podium_card["alt"]
            assert network_specs.problem(data, spec) is None and leaks(data) == []
    assert result.ctx.cards.network_images[("rentree", "fr")]["instagram"]["path"] == "cards/fr/rentree-instagram.jpg"


def test_a_rebuild_renders_no_picture_again(blog):
    run(blog, prod=True)
    again = run(blog, prod=True)
    assert again.ctx.cards.rendered == 0 and again.ctx.cards.reused == 6


def test_without_image_networks_no_picture_is_made(make_site):
    site = make_site({"content/posts/a.md": post("Un billet", slug="un")})
    result = run(site, prod=True)
    assert cards(result)["un"] is not None
    assert not list(result.output.glob("cards/fr/un-*.jpg"))
    assert result.ctx.posts[0].podium_images == {}


def test_a_card_image_too_small_for_instagram_stops_the_build_with_its_line(make_site):
    site = make_site(
        {
            "content/posts/a.md": post("Bandeau", slug="bandeau", card_image="images/bandeau.jpg"),
            "content/images/bandeau.jpg": phone_jpeg(1600, 200, sideways=False),
        },
        settings=IMAGE_NETWORKS,
    )
    line = (site / "content/posts/a.md").read_text().splitlines().index("card_image: images/bandeau.jpg") + 1
    assert errors_of(site, prod=True) == [
        f"content/posts/a.md:{line}: card_image 'images/bandeau.jpg' is 1600×200: the 4:5 part kept for Instagram "
        "is 160 pixels wide, under Instagram's minimum of 320; use a larger image (at least 1080×1350 for a sharp "
        "Instagram picture)"
    ]


def test_the_kit_page_shows_each_networks_picture_alt_text_and_the_pins_own_fields(blog):
    import lxml.html

    result = run(blog, prod=True, comms=blog / "comms")
    page = lxml.html.fromstring((blog / "comms/posts/rentree.html").read_bytes())
    article = next(a for a in result.ctx.posts if a.slug == "rentree")
    for network in ("instagram", "pinterest", "facebook", "threads"):
        picture = article.podium_images[network]
        section = page.xpath(f"//section[contains(@class, 'net-{network}')]")[0]
        image = section.xpath(".//figure[@class='picture']/img")[0]
        assert (image.get("src"), image.get("alt")) == (f"../pictures/{picture['path']}", picture["alt"])
        assert (blog / "comms/pictures" / picture["path"]).read_bytes() == (
            result.output / picture["path"]
        ).read_bytes()
        assert section.xpath(".//figcaption/a")[0].get("href") == picture["url"]
        assert (image.get("width"), image.get("height")) == (str(picture["width"]), str(picture["height"]))
        assert section.xpath(".//input[contains(@id, '-alt')]")[0].get("value") == picture["alt"]
    pin = page.xpath("//section[contains(@class, 'net-pinterest')]")[0]
    assert pin.xpath(".//input[contains(@id, 'pin-title')]")[0].get("value") == "La rentrée des énergies renouvelables"
    link = pin.xpath(".//input[contains(@id, 'pin-link')]")[0].get("value")
    assert link.endswith("rentree.html?utm_source=pinterest&utm_medium=social&utm_campaign=rentree")
    assert [b.get("data-copy") for b in pin.xpath(".//p[@class='pin-field']/button")] == [
        i.get("id") for i in pin.xpath(".//p[@class='pin-field']/input")
    ]
    assert page.xpath("//section[contains(@class, 'net-x')]//figure") == []  # X gets its link card, not a picture here
