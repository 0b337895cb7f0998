"""Approving, hiding and blocking edit the moderation file and keep what people wrote in it."""

from __future__ import annotations

from podium.plugins.conversations import editing, moderation

FILE = """# reviewed by comms every morning
approved:
  - mastodon:1   # thanked the leader

# never again
hidden: []
blocked_words:
  - casino
"""


def test_add_keeps_comments_and_order_and_creates_missing_sections():
    text = editing.add(FILE, "approved", ["mastodon:2", "mastodon:1"])
    text = editing.add(text, "hidden", ["bluesky:3l2s"])
    text = editing.add(text, "blocked", ["mastodon:@troll@bad.example"])
    assert (
        text
        == """# reviewed by comms every morning
approved:
  - mastodon:1   # thanked the leader
  - mastodon:2

# never again
hidden:
  - bluesky:3l2s
blocked_words:
  - casino

blocked:
  - mastodon:@troll@bad.example
"""
    )
    decisions = moderation.parse(text, "m.yaml", {"mastodon:1", "mastodon:2", "bluesky:3l2s"})
    assert decisions.approved == {"mastodon:1", "mastodon:2"} and decisions.hidden == {"bluesky:3l2s"}
    assert decisions.blocked == {"mastodon:@troll@bad.example"}


def test_remove_takes_an_entry_out_and_keeps_the_rest():
    text = editing.remove(editing.add(FILE, "approved", ["mastodon:2"]), "approved", ["mastodon:1"])
    assert text.startswith("# reviewed by comms every morning\napproved:\n  - mastodon:2\n\n# never again\n")


def test_a_new_file_starts_with_a_header():
    text = editing.add("", "approved", ["x:12"])
    assert text == editing.HEADER + "\napproved:\n  - x:12\n"
