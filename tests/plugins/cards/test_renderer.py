"""Cards drawn with the bundled fonts: size, format, weight, and text that never leaves its box."""

import hashlib
import io
import random
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageChops, ImageDraw

from podium.plugins.cards import design, layout, renderer
from podium.plugins.cards.fonts import bundled

COLOURS = design.Colours("#0f172a", "#ffffff", "#f59e0b")
FACES = renderer.Faces(bundled())

TITLES = {
    "short": "Bonjour",
    "long French words": "Anticonstitutionnellement, l'intergouvernementalisation des hyperindustrialisations",
    "accented": "Être à l'écoute : ÉLAN, cœur, Œuvre, « déjà » ? Ça ira !",
    "all caps": "POURQUOI LA TRANSITION ÉNERGÉTIQUE NE SE FERA PAS SANS LES TERRITOIRES NI SANS LES SALARIÉS",
    "200 characters": (
        "Ce que j'ai appris en vingt ans de direction d'entreprise industrielle sur la transition "
        "énergétique, la formation des équipes, la confiance des élus locaux et la patience des investisseurs"
    )[:200],
    "one endless word": "x" * 200,
}


def portrait(seed=1, size=(600, 800)):
    """Noise: the hardest picture to compress, to prove the 1 MB bound holds."""
    rng = random.Random(seed)
    return Image.frombytes("RGB", size, bytes(rng.getrandbits(8) for _ in range(size[0] * size[1] * 3)))


def logo():
    image = Image.new("RGBA", (300, 120), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((10, 10, 110, 110), fill="#22c55e")
    return image


def outside_is_background(image: Image.Image, allowed: list[design.Box], background: str) -> bool:
    """True when every pixel outside the ``allowed`` boxes is exactly the background colour."""
    mask = Image.new("L", image.size, 255)
    pen = ImageDraw.Draw(mask)
    for box in allowed:
        pen.rectangle((box.left, box.top, box.right - 1, box.bottom - 1), fill=0)
    difference = ImageChops.difference(image, Image.new("RGB", image.size, background)).convert("L")
    return ImageChops.multiply(difference, mask).getbbox() is None


def ink_inside(image: Image.Image, box: design.Box, background: str) -> bool:
    region = image.crop((box.left, box.top, box.right, box.bottom))
    return ImageChops.difference(region, Image.new("RGB", region.size, background)).getbbox() is not None


@pytest.mark.parametrize("layout_name", design.LAYOUTS)
@pytest.mark.parametrize("title", TITLES.values(), ids=TITLES.keys())
def test_title_stays_inside_its_box(layout_name, title):
    card = renderer.Card(title, "", "", "", layout_name, COLOURS)
    image = renderer.render(card, FACES)
    plan = design.plan(layout_name, COLOURS, False, False)
    assert ink_inside(image, plan.title.box, COLOURS.background), "the title must be drawn"
    assert outside_is_background(image, [plan.title.box] + [box for box, _ in plan.fills], COLOURS.background)


@pytest.mark.parametrize("layout_name", design.LAYOUTS)
@pytest.mark.parametrize("title", [TITLES["200 characters"], TITLES["all caps"]])
def test_every_text_of_a_full_card_stays_in_its_own_box(layout_name, title):
    card = renderer.Card(
        title,
        "Marie-Hélène de La Rochefoucauld-Liancourt",
        "Présidente-directrice générale du Groupe Industriel Européen des Énergies Renouvelables",
        "www.un-nom-de-site-vraiment-tres-long.example",
        layout_name,
        COLOURS,
    )
    pictures = renderer.Pictures(portrait(), logo())
    image = renderer.render(card, FACES, pictures)
    plan = design.plan(layout_name, COLOURS, True, True)
    boxes = [plan.title.box, plan.name.box, plan.role.box, plan.site.box, plan.portrait, plan.logo]
    for slot in (plan.name, plan.role, plan.site):
        assert ink_inside(image, slot.box, COLOURS.background)
    assert outside_is_background(image, boxes + [box for box, _ in plan.fills], COLOURS.background)


def test_text_boxes_never_overlap():
    for name in design.LAYOUTS:
        for has_portrait in (False, True):
            for has_logo in (False, True):
                plan = design.plan(name, COLOURS, has_portrait, has_logo)
                boxes = [plan.title.box, plan.name.box, plan.role.box, plan.site.box] + [b for b in (plan.logo,) if b]
                for i, one in enumerate(boxes):
                    assert 0 <= one.left < one.right <= design.WIDTH and 0 <= one.top < one.bottom <= design.HEIGHT
                    for other in boxes[i + 1 :]:
                        apart = (
                            one.right <= other.left
                            or other.right <= one.left
                            or one.bottom <= other.top
                            or other.bottom <= one.top
                        )
                        assert apart, (name, has_portrait, has_logo, one, other)


def test_long_title_is_fitted_with_an_ellipsis_only_when_nothing_else_works():
    plan = design.plan("classic", COLOURS, False, False)
    fit = renderer.draw_text(Image.new("RGB", (1200, 630)), plan.title, TITLES["200 characters"], FACES.bold)
    assert not fit.truncated
    fit = renderer.draw_text(Image.new("RGB", (1200, 630)), plan.title, TITLES["one endless word"], FACES.bold)
    assert fit.truncated and fit.lines[0].endswith(layout.ELLIPSIS)


@pytest.mark.parametrize("fmt,magic,pillow", [("png", b"\x89PNG", "PNG"), ("jpeg", b"\xff\xd8", "JPEG")])
@pytest.mark.parametrize("layout_name", design.LAYOUTS)
def test_card_is_1200_by_630_and_under_one_megabyte_even_with_a_noisy_portrait(fmt, magic, pillow, layout_name):
    card = renderer.Card(TITLES["accented"], "Claire Morel", "PDG", "exemple.fr", layout_name, COLOURS)
    data = renderer.encode(renderer.render(card, FACES, renderer.Pictures(portrait(size=(1200, 1600)), logo())), fmt)
    assert data.startswith(magic)
    assert len(data) < 1_000_000
    decoded = Image.open(io.BytesIO(data))
    assert (decoded.format, decoded.size) == (pillow, (1200, 630))


def test_same_inputs_give_the_same_bytes_even_in_another_process():
    card = renderer.Card(TITLES["accented"], "Claire Morel", "PDG", "exemple.fr", "classic", COLOURS)
    here = hashlib.sha256(renderer.encode(renderer.render(card, FACES), "png")).hexdigest()
    again = hashlib.sha256(renderer.encode(renderer.render(card, renderer.Faces(bundled())), "png")).hexdigest()
    code = (
        "import hashlib\n"
        "from podium.plugins.cards import design, renderer\n"
        "from podium.plugins.cards.fonts import bundled\n"
        f"card = renderer.Card({TITLES['accented']!r}, 'Claire Morel', 'PDG', 'exemple.fr', 'classic',"
        " design.Colours('#0f172a', '#ffffff', '#f59e0b'))\n"
        "print(hashlib.sha256(renderer.encode(renderer.render(card, renderer.Faces(bundled())), 'png')).hexdigest())\n"
    )
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert here == again == other


def test_changing_a_colour_or_the_layout_changes_the_card():
    base = renderer.Card("Titre", "Nom", "Rôle", "site", "classic", COLOURS)
    images = [
        renderer.render(base, FACES),
        renderer.render(renderer.Card("Titre", "Nom", "Rôle", "site", "split", COLOURS), FACES),
        renderer.render(
            renderer.Card("Titre", "Nom", "Rôle", "site", "classic", design.Colours("#ffffff", "#000000", "#ff0000")),
            FACES,
        ),
    ]
    assert len({image.tobytes() for image in images}) == 3


def test_card_image_is_cropped_around_its_focal_point():
    photo = Image.new("RGB", (2400, 2400), "white")
    ImageDraw.Draw(photo).rectangle((0, 1900, 2399, 2399), fill="red")  # a red band at the bottom
    low = renderer.from_photo(photo, (0.5, 1.0))
    high = renderer.from_photo(photo, (0.5, 0.0))
    assert low.size == high.size == (1200, 630)
    assert low.getpixel((600, 620)) == (255, 0, 0)
    assert high.getpixel((600, 620)) == (255, 255, 255)


def test_text_keeps_clear_of_the_edges_networks_crop():
    for name in design.LAYOUTS:
        plan = design.plan(name, COLOURS, True, True)
        for slot in (plan.title, plan.name, plan.role, plan.site):
            box = slot.box
            assert box.left >= 48 and box.top >= 48 and box.right <= 1200 - 48 and box.bottom <= 630 - 48, (name, slot)


FRENCH = "abcdefghijklmnopqrstuvwxyzéèêàâçîïôœùûÉÈÀÇŒ'’-:?!«»,.0123456789 "


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet=FRENCH, min_size=1, max_size=220), st.sampled_from(design.LAYOUTS))
def test_any_title_drawn_stays_inside_its_box(title, layout_name):
    image = renderer.render(renderer.Card(title, "", "", "", layout_name, COLOURS), FACES)
    plan = design.plan(layout_name, COLOURS, False, False)
    assert outside_is_background(image, [plan.title.box] + [box for box, _ in plan.fills], COLOURS.background)
