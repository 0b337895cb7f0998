"""The registry of comms pages: every module's files, the navigation, and paths that stay inside the room."""

from __future__ import annotations

import sys
import types
from datetime import UTC, datetime

import pytest

from podium.plugins.comms import pages
from podium.plugins.comms.room import Room
from podium.plugins.settings import defaults


def room(lang: str = "fr") -> Room:
    return Room(settings={}, config=defaults(), now=datetime(2026, 11, 28, tzinfo=UTC), lang=lang, sitename="S")


@pytest.fixture
def fake_modules(monkeypatch):
    def add(name: str, files: dict, nav=None):
        module = types.ModuleType(name)
        module.pages = lambda r: {path: data(r) if callable(data) else data for path, data in files.items()}
        if nav:
            module.NAV = nav
        monkeypatch.setitem(sys.modules, name, module)
        return name

    return add


def test_every_module_adds_its_files_and_the_navigation_lists_them(fake_modules):
    seen = {}

    def page_a(r):
        seen["nav"] = r.nav
        return b"A"

    a = fake_modules("room_a", {"a.html": page_a}, ("a.html", {"en": "A", "fr": "Aa"}))
    b = fake_modules("room_b", {"data/b.json": b"{}"})
    assert pages.render_all(room(), (a, b)) == {"a.html": b"A", "data/b.json": b"{}"}
    assert seen["nav"] == (("a.html", "Aa"),)


def test_a_path_outside_the_room_is_a_bug(fake_modules):
    name = fake_modules("room_bad", {"../site/index.html": b"x"})
    with pytest.raises(ValueError, match=r"room_bad wants to write '../site/index.html'"):
        pages.render_all(room(), (name,))


def test_two_modules_writing_one_path_is_a_bug(fake_modules):
    one, two = fake_modules("room_one", {"x.html": b"1"}), fake_modules("room_two", {"x.html": b"2"})
    with pytest.raises(ValueError, match="room_two writes x.html, which another comms page wrote already"):
        pages.render_all(room(), (one, two))


def test_labels_fall_back_to_english():
    assert room("de").label({"en": "Calendar", "fr": "Calendrier"}) == "Calendar"
    assert room("fr_FR").label({"en": "Calendar", "fr": "Calendrier"}) == "Calendrier"
