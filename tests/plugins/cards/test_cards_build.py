"""Cards on real Pelican builds: one per published post, cached outside the output, errors with path:line."""

import io
import re
import shutil

import pytest
from PIL import Image

from podium.plugins.errors import PodiumError
from podium.publish.build import build
from tests.conftest import SAMPLE_NOW, post
from tests.plugins.images.helpers import SVG, bomb_png, leaks, phone_jpeg, plain_png, truncated_jpeg

SITEURL = "https://blog.test"


def run(site, **kw):
    return build(site, now=SAMPLE_NOW, output=site / "output", **kw)


def errors_of(site, **kw) -> list[str]:
    with pytest.raises(PodiumError) as caught:
        run(site, **kw)
    return str(caught.value).splitlines()


def cards(result):
    return {a.slug: a.podium_card for a in result.ctx.posts}


@pytest.fixture
def blog(make_site):
    return make_site(
        {
            "content/posts/a.md": post("La rentrée des énergies renouvelables", slug="rentree"),
            "content/posts/b.md": post("Three questions for new managers", slug="questions", lang="en"),
            "content/posts/later.md": post("Pas encore", slug="plus-tard", date="2027-06-01 09:00"),
            "content/images/portrait.jpg": phone_jpeg(600, 800, sideways=False),
        },
        settings={"PODIUM_LEADER_PHOTO": "images/portrait.jpg"},
    )


def test_every_published_post_gets_a_card_and_the_templates_get_its_description(blog):
    result = run(blog, prod=True)
    out = result.output
    described = cards(result)
    assert set(described) == {"rentree", "questions"}
    assert described["rentree"] == {
        "url": f"{SITEURL}/cards/fr/rentree.png",
        "path": "cards/fr/rentree.png",
        "width": 1200,
        "height": 630,
        "alt": "La rentrée des énergies renouvelables — Test Author, Chief Tester",
        "type": "image/png",
        "length": (out / "cards/fr/rentree.png").stat().st_size,
    }
    for path in ("cards/fr/rentree.png", "cards/en/questions.png"):
        data = (out / path).read_bytes()
        image = Image.open(io.BytesIO(data))
        assert (image.format, image.size) == ("PNG", (1200, 630))
        assert len(data) < 1_000_000 and leaks(data) == []
    assert not list(out.rglob("plus-tard*"))  # the embargoed post has no card
    html = (out / "rentree.html").read_text(encoding="utf-8")
    assert re.search(r'<meta property="og:image" content="https://blog.test/cards/fr/rentree.png"', html)


def test_second_build_renders_no_card_and_a_change_renders_only_what_it_shapes(blog):
    first = run(blog)
    state = first.ctx.cards
    assert (state.rendered, state.reused) == (2, 0)
    assert (blog / ".cache/podium/cards").is_dir()
    again = run(blog).ctx.cards
    assert (again.rendered, again.reused) == (0, 2)
    (blog / "content/posts/a.md").write_text(post("La rentrée, autrement", slug="rentree"), encoding="utf-8")
    changed = run(blog).ctx.cards
    assert (changed.rendered, changed.reused) == (1, 1)
    layout = run(blog, overrides={"PODIUM_CARDS_LAYOUT": "split"}).ctx.cards
    assert (layout.rendered, layout.reused) == (2, 0)
    colour = run(blog, overrides={"PODIUM_CARDS_ACCENT": "#10b981"}).ctx.cards
    assert colour.rendered == 2
    (blog / "content/images/portrait.jpg").write_bytes(phone_jpeg(600, 800, sideways=True))
    assert run(blog).ctx.cards.rendered == 2


def test_cards_are_the_same_bytes_when_rendered_again_from_scratch(blog):
    first = run(blog).output
    before = (first / "cards/fr/rentree.png").read_bytes()
    shutil.rmtree(blog / ".cache")
    result = run(blog)
    assert result.ctx.cards.rendered == 2
    assert (result.output / "cards/fr/rentree.png").read_bytes() == before


def test_card_image_is_cropped_to_1200_by_630_around_its_focal_point(make_site):
    site = make_site(
        {
            "content/posts/a.md": post("Photo", slug="photo", card_image="images/wide.jpg", card_focus=[0.0, 0.0]),
            "content/images/wide.jpg": phone_jpeg(2400, 1800),  # turned on disk: the card must see it upright
        }
    )
    result = run(site)
    assert cards(result)["photo"]["url"] == f"{SITEURL}/cards/fr/photo.jpg"
    assert cards(result)["photo"]["alt"] == "Photo"
    data = (result.output / "cards/fr/photo.jpg").read_bytes()
    card = Image.open(io.BytesIO(data))
    assert (card.format, card.size) == ("JPEG", (1200, 630))
    assert leaks(data) == []
    red, green, blue = card.convert("RGB").getpixel((20, 20))  # focus top-left: the red corner is in view
    assert red > 200 and green < 60 and blue < 60


@pytest.mark.parametrize(
    "name,data,message",
    [
        (
            "missing.jpg",
            None,
            "card_image 'images/missing.jpg' not found (looked for content/images/missing.jpg); check the path, which starts from content/",
        ),
        ("cut.jpg", truncated_jpeg(), "card_image 'images/cut.jpg' is truncated or corrupt ("),
        (
            "bomb.png",
            bomb_png(),
            "card_image 'images/bomb.png' is 400 megapixels, over the limit of 80 megapixels; "
            "resize it before publishing (or raise PODIUM_IMAGES_MAX_PIXELS)",
        ),
        (
            "drawing.jpg",
            SVG,
            "card_image 'images/drawing.jpg' is an SVG drawing where a raster image is needed; "
            "export it as PNG or use JPEG, PNG, WebP, GIF",
        ),
    ],
)
def test_bad_card_image_is_reported_with_its_line_and_the_post_keeps_a_generated_card(make_site, name, data, message):
    files = {"content/posts/a.md": post("Carte", slug="carte", card_image=f"images/{name}")}
    if data is not None:
        files[f"content/images/{name}"] = data
    site = make_site(files)
    errors = errors_of(site)
    assert any(e.startswith("content/posts/a.md:6: " + message) for e in errors), errors
    assert len(errors) == 1  # the post still gets its generated card: nothing else goes wrong


def test_card_image_outside_content_is_refused_before_anything_is_read(make_site, tmp_path):
    (tmp_path / "private.jpg").write_bytes(phone_jpeg())
    site = make_site(
        {
            "content/posts/a.md": post("A", slug="a", card_image="../../etc/passwd"),
            "content/posts/b.md": post("B", slug="b", card_image="images/link.jpg"),
        }
    )
    (site / "content/images").mkdir()
    (site / "content/images/link.jpg").symlink_to(tmp_path / "private.jpg")
    errors = errors_of(site)
    assert (
        "content/posts/a.md:6: card_image '../../etc/passwd' points outside content/; "
        "give a path under content/, such as images/card.jpg"
    ) in errors
    assert (
        "content/posts/b.md:6: card_image 'images/link.jpg' points outside content/; "
        "give a path under content/, such as images/card.jpg"
    ) in errors


def test_bad_focus_and_bad_portrait_are_reported(make_site):
    site = make_site(
        {
            "content/posts/a.md": post("A", slug="a", card_image="images/p.png", card_focus=[2, 0]),
            "content/images/p.png": plain_png(1600, 900),
        },
        settings={"PODIUM_LEADER_PHOTO": "images/absent.jpg", "PODIUM_CARDS_LOGO": "images/logo.svg"},
    )
    (site / "content/images/logo.svg").write_bytes(SVG)
    errors = errors_of(site)
    assert (
        "content/posts/a.md:7: card_focus: expected [x, y] with numbers from 0 to 1, such as [0.5, 0.3]; "
        "received [2, 0]"
    ) in errors
    assert (
        "pelicanconf.py:21: PODIUM_LEADER_PHOTO: 'images/absent.jpg' not found under content/; fix the path or set "
        "PODIUM_LEADER_PHOTO = None"
    ) in errors
    assert (
        "pelicanconf.py:22: PODIUM_CARDS_LOGO: image 'images/logo.svg' is an SVG drawing where a raster image is needed; "
        "export it as PNG or use JPEG, PNG, WebP, GIF"
    ) in errors


def test_cards_can_be_turned_off(make_site):
    site = make_site({"content/posts/a.md": post("A", slug="a")}, settings={"PODIUM_CARDS_ENABLED": False})
    result = run(site)
    assert cards(result) == {"a": None}
    assert not (result.output / "cards").exists()


def test_jpeg_cards_and_a_logo(make_site):
    site = make_site(
        {"content/posts/a.md": post("A", slug="a"), "content/images/logo.png": plain_png(200, 80)},
        settings={"PODIUM_CARDS_FORMAT": "jpeg", "PODIUM_CARDS_LOGO": "images/logo.png"},
    )
    result = run(site)
    data = (result.output / "cards/fr/a.jpg").read_bytes()
    assert Image.open(io.BytesIO(data)).format == "JPEG" and len(data) < 1_000_000
    assert cards(result)["a"]["type"] == "image/jpeg"
