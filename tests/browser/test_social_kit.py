"""A post's teasers in the comms room, in Debian's chromium: counters, copy buttons, accessibility.

The page counts in JavaScript; these tests check that it counts exactly as podium's
Python rules do, on twitter-text's conformance texts and on harder ones.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from podium.plugins.teasers import networks
from tests.browser.conftest import serve
from tests.conftest import post

pytestmark = pytest.mark.browser

CONFORMANCE = Path(__file__).resolve().parents[1] / "plugins" / "teasers" / "conformance" / "validate.yml"
BODY = """Cette année, la concertation a changé notre façon de travailler : les habitants sont venus nombreux.

Nous avons réduit nos délais de 30 % sur vingt projets 🇫🇷.

> La concertation n'est pas une étape : c'est la méthode.
"""
HARD_TEXTS = [
    "Bonjour « le monde » ? https://exemple.fr/été?utm_source=x&utm_medium=social #ÉnergieSolaire",
    "@claire@piaille.example et @bob.bsky.social lisent example.com/rapport et t.co",
    "👨‍👩‍👧‍👦🇫🇷1️⃣👍🏽🏴󠁧󠁢󠁳󠁣󠁴󠁿☺© e\u0301 日本語のexample.comです",
    "ابتثجح \u200f שלום http://foobar.پاکستان/ (https://fr.wikipedia.org/wiki/Énergie_(physique)).",
    "voir lemonde.fr et lemonde.fr/article, x" + "漢" * 70 + ".com",
]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A real build with a French post and its English translation, served on localhost."""
    from podium.publish.build import build
    from tests.conftest import _write_site

    root = tmp_path_factory.mktemp("kitsite")
    _write_site(
        root,
        {
            "content/posts/concertation.md": post(
                "Concerter pour accélérer",
                slug="concertation",
                tags=["énergie", "territoires"],
                body=BODY,
                teaser_thread=True,
            ),
            "content/posts/concertation-en.md": post(
                "Consult to go faster",
                slug="concertation",
                lang="en",
                tags=["energy"],
                body="We consulted more. It cut delays by 30%. Why? Trust.",
            ),
        },
        {
            "PODIUM_NETWORKS": [
                "x",
                "linkedin",
                "mastodon",
                "bluesky",
                "threads",
                "instagram",
                "facebook",
                "pinterest",
            ],
            "PODIUM_PINTEREST_BOARD": "1234567890123",
        },
    )
    room = build(root, now="2026-11-28T12:00+01:00", output=root / "output", comms=root / "comms").comms
    with serve(room) as base:
        yield f"{base}", room


@pytest.fixture
def page(browser, served):
    base, _ = served
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    tab = context.new_page()
    tab.requests_seen = []
    tab.errors = []
    tab.on("request", lambda request: tab.requests_seen.append(request.url))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.goto(f"{base}/posts/concertation.html")
    yield tab
    context.close()


def test_axe_finds_no_violation(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_nothing_is_loaded_from_elsewhere_and_no_script_fails(page, served):
    base, _ = served
    assert page.requests_seen and all(url.startswith(base) for url in page.requests_seen)
    assert page.errors == []


def test_every_counter_starts_at_podiums_own_count(page, served):
    _, out = served
    entries = json.loads((out / "data" / "teasers.json").read_text(encoding="utf-8"))["teasers"]
    expected = [n for e in entries for n in ([p["length"] for p in e["parts"]] if "parts" in e else [e["length"]])]
    shown = page.eval_on_selector_all("[data-count]", "els => els.map(e => Number(e.textContent))")
    assert sorted(shown) == sorted(expected) and len(shown) == len(expected)
    assert any("parts" in e for e in entries), "the thread is on the page too"


def test_the_counter_follows_typing_and_flags_an_overflow(page):
    field = page.locator(".field[data-network='x']").first
    area = field.locator("textarea")
    area.fill("")
    area.type("Bonjour 🇫🇷 https://exemple.fr/une/adresse/assez/longue")
    assert field.locator("[data-count]").text_content() == str(8 + 2 + 1 + 23)
    assert field.locator("[data-over]").is_hidden()
    area.fill("a" * 290)
    assert field.locator("[data-count]").text_content() == "290"
    assert field.locator("[data-over]").is_visible()
    assert field.locator("[data-excess]").text_content() == "10"
    assert area.get_attribute("aria-invalid") == "true"


def test_the_copy_button_puts_the_text_in_the_clipboard(page):
    field = page.locator(".field[data-network='mastodon']").first
    text = field.locator("textarea").input_value()
    field.locator("button.copy").click()
    status = field.locator("[data-status]")
    status.wait_for(state="visible")
    assert status.text_content() == "Copié dans le presse-papiers"
    assert page.evaluate("navigator.clipboard.readText()") == text


def test_the_image_networks_pictures_show_from_the_room_and_the_pins_title_copies(page):
    images = page.locator("figure.picture img")
    for index in range(images.count()):  # lazy loading: each loads once scrolled to
        images.nth(index).scroll_into_view_if_needed()
        page.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=images.nth(index).element_handle())
    sizes = page.eval_on_selector_all(
        "figure.picture img", "els => els.map(i => [i.closest('section').className, i.naturalWidth, i.naturalHeight])"
    )
    shown = {cls.split("net-")[1]: (w, h) for cls, w, h in sizes}
    assert shown == {
        "instagram": (1080, 1350),
        "pinterest": (1000, 1500),
        "facebook": (1200, 630),
        "threads": (1200, 630),
    }
    field = page.locator(".net-pinterest .pin-field").first
    assert field.locator("input").input_value() == "Concerter pour accélérer"
    field.locator("button.copy").click()
    field.locator("[data-status]").wait_for(state="visible")
    assert page.evaluate("navigator.clipboard.readText()") == "Concerter pour accélérer"


def _texts():
    suite = yaml.safe_load(CONFORMANCE.read_text(encoding="utf-8"))["tests"]
    texts = [
        c["text"]
        for section in (
            "WeightedTweetsWithDiscountedEmojiCounterTest",
            "UnicodeDirectionalMarkerCounterTest",
            "urls_without_protocol",
        )
        for c in suite[section]
    ]
    return texts + [c["text"] for c in suite["urls"]] + HARD_TEXTS


def test_the_page_counts_exactly_as_podium_on_every_network(page):
    texts = _texts()
    for network in networks.NETWORKS:
        got = page.evaluate("([texts, n]) => texts.map(t => window.podiumCount(t, n).length)", [texts, network])
        want = [networks.length(t, network).length for t in texts]
        mismatches = [(t[:60], g, w) for t, g, w in zip(texts, got, want) if g != w]
        assert not mismatches, (network, mismatches)


def test_the_bluesky_byte_limit_is_checked_in_the_page_too(page):
    text = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466" * 121
    assert page.evaluate("t => window.podiumCount(t, 'bluesky').excess", text) == 25
