"""The teaser cache in real builds: a rebuild makes no teaser again, and what it hands on is what a fresh build makes."""

import shutil

import pytest

from podium.plugins.teasers import cache as teaser_cache
from podium.plugins.teasers import glue
from podium.publish.build import build
from tests.conftest import post

NOW = "2026-11-28T12:00:00+01:00"
BODY = """Cette année, la concertation a changé notre façon de travailler. Les habitants sont venus nombreux.

Nous avons réduit nos délais de 30 % sur vingt projets.
"""


@pytest.fixture
def counted(monkeypatch):
    """The posts whose teasers were made (not read from the cache), in the order they were made."""
    made = []
    real = glue.teasers_for

    def counting(post, *args):
        made.append(post.slug)
        return real(post, *args)

    monkeypatch.setattr(glue, "teasers_for", counting)
    return made


def _site(make_site, **settings):
    return make_site(
        {
            "content/posts/a.md": post("Concerter pour accélérer", slug="a", body=BODY),
            "content/posts/b.md": post("Le réseau de demain", slug="b", body="Nous construisons le réseau. " * 8),
            "content/posts/c.md": post(
                "Recruter des talents", slug="c", body="Les talents viennent des territoires. " * 8
            ),
        },
        {"PODIUM_NETWORKS": ["x", "linkedin", "mastodon", "bluesky"], **settings},
    )


def _teasers(site, **kw):
    return build(site, now=NOW, output=site / "output", comms=site / "comms", **kw).ctx.teasers


def test_a_rebuild_with_nothing_changed_makes_no_teaser_and_hands_on_the_same_ones(make_site, counted):
    site = _site(make_site)
    first = _teasers(site)
    assert sorted(counted) == ["a", "b", "c"]
    counted.clear()
    again = _teasers(site)
    assert counted == [] and again == first


def test_another_clock_still_hits_since_teasers_do_not_read_it(make_site, counted):
    site = _site(make_site)
    _teasers(site)
    counted.clear()
    build(site, now="2026-11-29T07:00:00+01:00", output=site / "output", comms=site / "comms")
    assert counted == []


def test_an_edited_post_alone_is_made_again_and_equals_a_fresh_build(make_site, counted):
    site = _site(make_site)
    _teasers(site)
    counted.clear()
    (site / "content/posts/b.md").write_text(
        post("Le réseau d'après-demain", slug="b", body="Un autre texte. " * 8), encoding="utf-8"
    )
    cached = _teasers(site)
    assert counted == ["b"]
    shutil.rmtree(site / ".cache")
    assert _teasers(site) == cached


def test_a_changed_setting_makes_every_teaser_again(make_site, counted, tmp_path):
    site = _site(make_site)
    _teasers(site)
    counted.clear()
    conf = site / "pelicanconf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + "PODIUM_LEADER_NAME = 'Claire Morel'\n", encoding="utf-8")
    _teasers(site)
    assert sorted(counted) == ["a", "b", "c"]


def test_a_post_with_a_warning_is_made_on_every_build_so_the_warning_is_said_each_time(make_site, counted):
    site = make_site(
        {"content/posts/a.md": post("A", slug="a", body=BODY, teasers={"threads": "Un texte {link}"})},
        {"PODIUM_NETWORKS": ["x", "mastodon"]},
    )
    for _ in range(2):
        counted.clear()
        result = build(site, now=NOW, output=site / "output", comms=site / "comms")
        assert counted == ["a"]
        assert any("threads: this network is not in PODIUM_NETWORKS" in str(w) for w in result.warnings)


def test_a_damaged_cache_file_is_a_miss_not_an_error(make_site, counted):
    site = _site(make_site)
    first = _teasers(site)
    (site / teaser_cache.FILE).write_bytes(b"\x80\x05not a pickle")
    counted.clear()
    assert _teasers(site) == first and sorted(counted) == ["a", "b", "c"]
    counted.clear()
    _teasers(site)
    assert counted == []  # written again, whole


def test_the_cache_keeps_only_the_posts_of_the_last_build(make_site):
    site = _site(make_site)
    _teasers(site)
    (site / "content/posts/c.md").unlink()
    _teasers(site)
    stored = teaser_cache.TeaserCache(site / teaser_cache.FILE, "").old
    assert stored == {}  # another salt: nothing is read
    import pickle

    data = pickle.loads((site / teaser_cache.FILE).read_bytes())
    assert sorted({t.slug for entry in data["entries"].values() for t in entry.teasers}) == ["a", "b"]
