"""Review pages in a real build: every post, withheld ones first, as legal will read it, and none of it in the site."""

from __future__ import annotations

import io

import pytest
from lxml import html
from PIL import Image

from podium.publish.build import build
from tests.conftest import post
from tests.plugins.comms.test_board_build import FILES as BOARD_FILES
from tests.plugins.comms.test_board_build import NOW


def png(colour) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, "PNG")
    return out.getvalue()


FILES = {
    **BOARD_FILES,
    "content/images/secret-chart.png": png((200, 30, 30)),
    "content/posts/review.md": post(
        "SECRET review",
        date="2027-01-20 09:00",
        slug="review",
        body="REVIEW-BODY-MARK\n\n![Le graphique secret]({static}/images/secret-chart.png)\n\n"
        "![Ailleurs](https://cdn.example.net/tracker.png)",
    ),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from tests.conftest import _write_site

    root = _write_site(tmp_path_factory.mktemp("review"), FILES, None)
    return build(root, prod=True, now=NOW, output=root / "output", comms=True)


def page(path):
    return html.fromstring(path.read_bytes())


def test_every_post_with_a_file_has_a_review_page_linked_from_the_board(built):
    board = page(built.comms / "index.html")
    links = sorted(a.get("href") for a in board.xpath("//li[@class='card']//h3/a"))
    assert links == [f"review/{slug}.html" for slug in sorted(["draft", "future", "half", "hushed", "live", "review"])]
    assert all((built.comms / link).is_file() for link in links)


def test_a_withheld_post_is_shown_as_the_theme_renders_it_with_a_banner_and_local_files_only(built):
    review = page(built.comms / "review" / "review.html")
    assert [li.text_content().split(":", 1)[1].strip() for li in review.xpath("//ul[@class='states']/li")] == [
        "en attente de comms et legal"
    ]
    frame = review.xpath("//iframe")[0]
    copy_path = built.comms / "review" / frame.get("src")
    copy = page(copy_path)
    assert "REVIEW-BODY-MARK" in copy.text_content()
    assert copy.xpath("//section[@class='podium-review-banner']/p")[0].text == (
        "Copie de relecture pour la communication et le juridique\u00a0: ce billet n’est pas encore public, "
        "et cette page ne le sera jamais."
    )
    assert copy.xpath("//link[@rel='stylesheet']/@href") == [
        "../_site/theme/css/podium.css",
        "../_site/theme/css/print.css",
    ]
    loaded = copy.xpath("//img/@src | //link[@rel='stylesheet' or @rel='icon']/@href | //script/@src")
    assert loaded and all((copy_path.parent / url).resolve().is_file() for url in loaded), loaded
    chart = copy.xpath("//img[@alt='Le graphique secret']")[0]
    assert (copy_path.parent / chart.get("src")).read_bytes() == FILES["content/images/secret-chart.png"]
    assert copy.xpath("//img[@alt='Ailleurs']/@src") == []  # another host: never loaded from the room


def test_its_card_every_teaser_with_its_count_and_limit_and_its_planned_shares(built):
    review = page(built.comms / "review" / "review.html")
    card = review.xpath("//img[@class='card-image']")[0]
    assert (built.comms / "review" / card.get("src")).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    counted = {}
    for block in review.xpath("//section[@class='network']"):
        counted[block.get("data-network")] = [
            (int(t.xpath(".//*[@data-count]")[0].text), int(t.xpath(".//*[@data-limit]")[0].text))
            for t in block.xpath(".//article")
        ]
    assert set(counted) == {"x", "linkedin", "mastodon", "bluesky"}
    assert all(
        limit == {"x": 280, "linkedin": 3000, "mastodon": 500, "bluesky": 300}[net]
        for net, pairs in counted.items()
        for _, limit in pairs
    )
    from podium.plugins.teasers.networks import network

    first_x = review.xpath("//section[@data-network='x']//pre")[0].text
    assert counted["x"][0][0] == network("x").count(first_x)  # X's own rule: a link counts 23
    live = page(built.comms / "review" / "live.html")
    rows = [
        [td.text_content().strip() for td in tr.xpath("td")] for tr in live.xpath("//table[@class='shares']/tbody/tr")
    ]
    assert [(r[0], r[1], r[3]) for r in rows] == [("20 janvier 09:00", "X", "approuvé")]


def test_nothing_of_the_review_pages_reaches_the_site(built):
    files = [p for p in built.output.rglob("*") if p.is_file()]
    assert any(b"Public live" in p.read_bytes() for p in files)
    for path in files:
        data = path.read_bytes()
        for marker in (b"SECRET", b"REVIEW-BODY-MARK", b'data-podium-room="comms"', b"podium-review-banner"):
            assert marker not in data, (path, marker)
    assert sorted(p.name for p in (built.output / "cards").rglob("*.png")) == ["live.png"]
    assert not list(built.output.rglob("secret-chart*"))


def test_loaded_addresses_point_at_copies_in_the_room_and_other_hosts_are_dropped(tmp_path):
    from podium.plugins.comms.review_copy import Localizer, localize

    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "a,1.jpg").write_bytes(b"A")
    (tmp_path / "images" / "b.jpg").write_bytes(b"B")
    page = (
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>T</title>'
        '<link rel="stylesheet" href="https://cdn.example.net/x.css"><link rel="canonical" href="https://blog.test/p.html">'
        '</head><body><a class="skip" href="#m">skip</a><main id="m">'
        '<img alt="a" src="https://blog.test/images/b.jpg" srcset="https://blog.test/images/a,1.jpg 2x, '
        'https://blog.test/images/missing.jpg 3x, https://cdn.example.net/c.jpg 4x">'
        '<script src="https://cdn.example.net/t.js"></script><iframe src="https://video.example/e"></iframe>'
        '<a href="https://blog.test/other.html">other</a></main></body></html>'
    )
    localizer = Localizer("https://blog.test", [str(tmp_path)], "../_site/")
    out = html.fromstring(localize(page, localizer, "Not public", "fr", "Review copy"))
    img = out.xpath("//img")[0]
    assert (img.get("src"), img.get("srcset")) == ("../_site/images/b.jpg", "../_site/images/a,1.jpg 2x")
    assert localizer.files == {"images/b.jpg": b"B", "images/a,1.jpg": b"A"}
    assert out.xpath("//link/@href") == ["https://blog.test/p.html"]  # a canonical address is not loaded
    assert out.xpath("//script | //iframe") == []
    assert out.xpath("//main/a/@href") == ["https://blog.test/other.html"]  # links people click stay
    assert [e.tag for e in out.xpath("//body/*")][:2] == ["a", "section"]  # the skip link stays first
    assert out.get("data-podium-room") == "comms"
