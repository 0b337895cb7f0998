"""Cards composed from the build's shared layers: the pixels of a card drawn whole, at a fraction of the cost."""

import io
import math

import pytest
from PIL import Image, ImageChops, ImageStat

from podium.plugins.cards import compose, design, renderer
from podium.plugins.cards.fonts import bundled
from tests.plugins.cards.test_renderer import TITLES, logo, portrait

COLOURS = design.Colours("#0f172a", "#ffffff", "#f59e0b")
FACES = renderer.Faces(bundled())


def psnr(drawn: Image.Image, data: bytes) -> float:
    back = Image.open(io.BytesIO(data)).convert("RGB")
    mse = sum(rms * rms for rms in ImageStat.Stat(ImageChops.difference(drawn, back)).rms) / 3
    return math.inf if mse == 0 else 10 * math.log10(255**2 / mse)


@pytest.mark.parametrize("layout_name", design.LAYOUTS)
@pytest.mark.parametrize("title", list(TITLES.values()))
def test_a_flat_card_is_a_palette_png_within_sight_of_the_card_drawn_whole(layout_name, title):
    card = renderer.Card(title, "Claire Morel", "Présidente", "exemple.fr", layout_name, COLOURS)
    data = compose.Cards(FACES, renderer.Pictures()).encode(card, "png", flat=True)
    image = Image.open(io.BytesIO(data))
    assert (image.format, image.mode, image.size) == ("PNG", "P", (1200, 630))
    # the quantised PNG podium wrote before measured about 52 dB; 40 dB is not visible
    assert psnr(renderer.render(card, FACES), data) > 55


def test_every_text_is_drawn_in_its_own_colour_on_a_flat_card():
    card = renderer.Card("Titre", "Claire Morel", "Présidente", "exemple.fr", "classic", COLOURS)
    image = Image.open(io.BytesIO(compose.Cards(FACES, renderer.Pictures()).encode(card, "png", flat=True)))
    colours = {colour for _, colour in image.convert("RGB").getcolors(100_000)}
    for wanted in ("#0f172a", "#ffffff", "#f59e0b", COLOURS.muted):
        assert Image.new("RGB", (1, 1), wanted).getpixel((0, 0)) in colours


@pytest.mark.parametrize(
    ("pictures", "fmt"),
    [
        (renderer.Pictures(portrait(), logo()), "png"),
        (renderer.Pictures(portrait(), None), "jpeg"),
        (renderer.Pictures(None, logo()), "png"),
        (renderer.Pictures(), "jpeg"),
    ],
)
def test_a_card_with_pictures_or_in_jpeg_is_byte_for_byte_the_card_drawn_whole(pictures, fmt):
    composer = compose.Cards(FACES, pictures)
    flat = pictures.portrait is None and pictures.logo is None
    for layout_name in design.LAYOUTS:
        for title in ("Bonjour", TITLES["200 characters"]):
            card = renderer.Card(title, "Claire Morel", "Présidente", "exemple.fr", layout_name, COLOURS)
            assert composer.encode(card, fmt, flat) == renderer.encode(
                renderer.render(card, FACES, pictures), fmt, flat
            )


def test_the_shared_layers_are_made_once_per_kind_of_card():
    composer = compose.Cards(FACES, renderer.Pictures())
    for title in ("Un", "Deux", "Trois"):
        composer.encode(renderer.Card(title, "Claire", "", "exemple.fr", "classic", COLOURS), "png", True)
    composer.encode(renderer.Card("Un", "Claire", "", "exemple.fr", "split", COLOURS), "png", True)
    assert len(composer._made) == 2


def test_text_near_a_bar_falls_back_to_the_card_drawn_whole(monkeypatch):
    # a bar under the title box: the palette ramps go from the background only, so that card is drawn whole
    monkeypatch.setattr(compose, "CLEARANCE", 1000)
    card = renderer.Card("Titre", "Claire Morel", "", "exemple.fr", "classic", COLOURS)
    data = compose.Cards(FACES, renderer.Pictures()).encode(card, "png", flat=True)
    assert data == renderer.encode(renderer.render(card, FACES), "png", flat=True)


def test_same_title_same_bytes_in_a_fresh_composer():
    card = renderer.Card(TITLES["accented"], "Claire Morel", "Présidente", "exemple.fr", "split", COLOURS)
    one = compose.Cards(FACES, renderer.Pictures())
    one.encode(renderer.Card("Autre", "Claire Morel", "Présidente", "exemple.fr", "split", COLOURS), "png", True)
    assert one.encode(card, "png", True) == compose.Cards(renderer.Faces(bundled()), renderer.Pictures()).encode(
        card, "png", True
    )
