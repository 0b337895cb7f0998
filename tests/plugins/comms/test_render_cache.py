"""The comms room kept between builds: nothing renders twice, and the room is always what a fresh build writes."""

import os
import shutil
from pathlib import Path

from podium.plugins.comms.render_cache import FOLDER
from podium.publish.build import build
from tests.conftest import post

NOW = "2026-11-28T12:00:00+01:00"


def _site(make_site):
    return make_site(
        {
            "content/posts/a.md": post("Concerter pour accélérer", slug="a", body="La concertation. " * 30),
            "content/posts/b.md": post("Le réseau de demain", slug="b", date="2026-02-10 09:00"),
            "content/posts/c.md": post("Plus tard", slug="c", date="2026-12-10 09:00", body="Pas encore public."),
        },
        {"PODIUM_NETWORKS": ["x", "linkedin", "mastodon", "bluesky"]},
    )


def _build(site, out="output", room="comms"):
    return build(site, now=NOW, output=site / out, comms=site / room)


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _identities(folder: Path) -> dict[str, int]:
    return {k: os.stat(folder / k).st_ino for k in _tree(folder)}


def test_a_rebuild_renders_no_review_copy_or_comms_page_and_keeps_every_room_file(make_site):
    site = _site(make_site)
    first = _build(site).ctx.memo.comms_cache
    assert first.misses > 0
    before, inodes = _tree(site / "comms"), _identities(site / "comms")
    again = _build(site).ctx.memo.comms_cache
    assert again.misses == 0 and again.hits == first.misses
    assert _tree(site / "comms") == before and _identities(site / "comms") == inodes


def test_after_an_edit_the_room_equals_a_fresh_build_and_only_that_post_is_rendered_again(make_site):
    site = _site(make_site)
    _build(site)
    path = site / "content/posts/a.md"
    path.write_text(path.read_text(encoding="utf-8").replace("La concertation.", "La concertation ouverte.", 1))
    again = _build(site).ctx.memo.comms_cache
    # a's review copy, its review page and its teasers' page; the board (a's summary) and teasers.json's page
    assert 0 < again.misses <= 5
    kept = _tree(site / "comms")
    shutil.rmtree(site / ".cache")
    _build(site, "fresh", "fresh-comms")
    assert kept == _tree(site / "fresh-comms")
    assert "La concertation ouverte." in (site / "comms" / "review" / "a.html").read_text(encoding="utf-8")


def test_a_damaged_entry_is_rendered_again(make_site):
    site = _site(make_site)
    _build(site)
    before = _tree(site / "comms")
    for entry in (site / FOLDER).rglob("value"):
        entry.write_bytes(b"damaged")
    again = _build(site).ctx.memo.comms_cache
    assert again.hits == 0
    assert _tree(site / "comms") == before
