"""Pelican's relative source path, remembered: the same answer as Pelican's own, for every kind of path."""

import pytest
from pelican.contents import Content
from pelican.settings import DEFAULT_CONFIG

from podium.plugins import pelican_speed


@pytest.fixture
def item(tmp_path):
    content = Content("<p>x</p>", metadata={"title": "T"}, settings=dict(DEFAULT_CONFIG, PATH=str(tmp_path)))
    content.source_path = str(tmp_path / "posts" / "été" / "a.md")
    return content


@pytest.mark.parametrize("source", [None, "posts/b.md", "../ailleurs/c.md", "/abs/elsewhere/d.md"])
def test_the_remembered_path_equals_pelicans(item, source, tmp_path):
    expected = pelican_speed._pelican_relative(item, source)
    assert pelican_speed._relative(item, source) == expected
    assert pelican_speed._relative(item, source) == expected  # remembered, still the same


def test_a_relative_content_folder_follows_the_current_folder_as_pelican_does(item, tmp_path, monkeypatch):
    item.settings = dict(item.settings, PATH="content")
    item.source_path = "content/posts/a.md"
    for folder in (tmp_path, tmp_path / "posts"):
        folder.mkdir(exist_ok=True)
        monkeypatch.chdir(folder)
        assert pelican_speed._relative(item, None) == pelican_speed._pelican_relative(item, None)


def test_podium_installs_it_for_every_content():
    import podium.plugins

    podium.plugins.register()
    assert Content.get_relative_source_path is pelican_speed._relative
