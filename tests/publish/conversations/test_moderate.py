"""The moderation commands and the build on a real project: decisions recorded with comments kept, bad files refused whole."""

from __future__ import annotations

import pytest

from podium.publish.cli import main
from tests.conftest import post
from tests.plugins.conversations.factory import reply, thread, write_store

MODERATION = "# comms reviews this every morning\napproved:\n  - mastodon:1   # kind\n"


@pytest.fixture
def site(make_site):
    root = make_site(
        {"content/posts/rentree.md": post("La rentrée", slug="rentree"), "content/moderation.yaml": MODERATION}
    )
    write_store(
        root,
        "rentree",
        thread(reply(1, "Kind words"), reply(2, "Rude words"), reply(3, "Troll words", handle="@troll@bad.example")),
    )
    return root


def test_hide_and_block_record_the_decisions_keep_the_comments_and_the_next_build_shows_neither(
    site, run_build, capsys
):
    assert main(["conversations", "approve", "mastodon:2", "mastodon:3", "-C", str(site)]) == 0
    page = (run_build(site) / "rentree.html").read_text(encoding="utf-8")
    assert "Rude words" in page and "Troll words" in page
    assert main(["conversations", "hide", "mastodon:2", "-C", str(site)]) == 0
    assert main(["conversations", "block", "mastodon:@troll@bad.example", "-C", str(site)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Blocked: mastodon:@troll@bad.example (in content/moderation.yaml; commit it, and the next build applies it)."
    )
    assert (site / "content/moderation.yaml").read_text(encoding="utf-8") == (
        "# comms reviews this every morning\napproved:\n  - mastodon:1   # kind\n  - mastodon:3\n\n"
        "hidden:\n  - mastodon:2\n\nblocked:\n  - mastodon:@troll@bad.example\n"
    )
    page = (run_build(site) / "rentree.html").read_text(encoding="utf-8")
    assert "Kind words" in page and "Rude words" not in page and "Troll words" not in page


BAD = [
    (
        "approved:\n  - mastodon:11\n",
        "content/moderation.yaml:2:5: unknown reply id 'mastodon:11' in 'approved'; did you mean 'mastodon:1'?",
    ),
    ("aproved:\n  - mastodon:1\n", "content/moderation.yaml:1:1: unknown section 'aproved'; did you mean 'approved'?"),
    (
        "approved:\n\t- mastodon:1\n",
        "content/moderation.yaml:2:1: a tab is used for indentation; YAML needs spaces: replace the tab with spaces",
    ),
]


@pytest.mark.parametrize("text, message", BAD)
def test_a_bad_moderation_file_stops_a_decision_with_where_and_how_and_nothing_is_written(site, capsys, text, message):
    (site / "content/moderation.yaml").write_text(text, encoding="utf-8")
    assert main(["conversations", "hide", "mastodon:2", "-C", str(site)]) == 2
    assert capsys.readouterr().err.strip() == message
    assert (site / "content/moderation.yaml").read_text(encoding="utf-8") == text


@pytest.mark.parametrize("text, message", BAD)
def test_a_bad_moderation_file_stops_podium_build_and_nothing_is_written(site, capsys, text, message):
    (site / "content/moderation.yaml").write_text(text, encoding="utf-8")
    assert main(["build", "-C", str(site), "--now", "2026-11-28T12:00+01:00"]) == 2
    assert message in capsys.readouterr().err
    assert not (site / "output").exists() and not (site / "comms").exists()
