"""Real Pelican builds with a stored conversation: only what moderation allows reaches any page or feed."""

from __future__ import annotations

from pathlib import Path

import pytest

from podium.plugins.errors import PodiumError
from tests.conftest import post

from .factory import LEADER, reply, thread, write_store

WAITING = "Unapproved words from a stranger"


def _everything(output: Path) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in output.rglob("*")
        if p.is_file() and p.suffix in (".html", ".xml", ".json", ".txt", ".atom", ".rss")
    )


def _site(make_site, moderation: str = "", settings: dict | None = None, meta: dict | None = None):
    site = make_site(
        {
            "content/posts/rentree.md": post("La rentrée", slug="rentree", **(meta or {})),
            "content/moderation.yaml": moderation,
        },
        settings,
    )
    write_store(
        site,
        "rentree",
        thread(
            reply(1, "Approved and kind"),
            reply(2, WAITING),
            reply(3, "Hidden by comms"),
            reply(4, "From a blocked troll", handle="@troll@bad.example"),
            reply(5, "Merci à tous", parent=1, author="The Leader", author_id=LEADER),
        ),
    )
    return site


def test_manual_moderation_shows_only_approved_replies_and_the_leaders_answers_on_any_page_or_feed(
    make_site, run_build
):
    site = _site(
        make_site,
        "approved:\n  - mastodon:1\n  - mastodon:4\nhidden:\n  - mastodon:3\n"
        "blocked:\n  - mastodon:@troll@bad.example\n",
    )
    out = run_build(site)
    page = (out / "rentree.html").read_text(encoding="utf-8")
    assert "Approved and kind" in page and "Merci à tous" in page
    feeds = [p for p in out.rglob("*.xml") if "La rentrée" in p.read_text(encoding="utf-8")]
    assert feeds, "the post is in the feeds"
    assert not any("Approved and kind" in p.read_text(encoding="utf-8") for p in feeds)  # replies stay off feeds
    everything = _everything(out)
    for absent in (WAITING, "Hidden by comms", "From a blocked troll"):
        assert absent not in everything
    assert page.index("Approved and kind") < page.index("Merci à tous")  # the answer follows what it answers
    assert 'class="reply p-comment h-cite reply-depth-1"' in page
    # each reply: its date in the post's language, what it answers, and a link to the original
    assert '<time class="dt-published" datetime="2026-01-10T11:01:00+01:00">10 janvier 2026</time>' in page
    assert '<data class="u-in-reply-to" value="https://example.social/@leader/mastodon"></data>' in page
    assert '<data class="u-in-reply-to" value="https://example.social/@person1/1"></data>' in page  # the answer
    assert (
        '<a class="u-url" href="https://example.social/@person1/1" rel="nofollow ugc noopener">Voir sur Mastodon</a>'
    ) in page


def test_auto_moderation_shows_replies_at_once_except_blocked_words_and_accounts(make_site, run_build):
    site = _site(
        make_site,
        "blocked:\n  - mastodon:@troll@bad.example\nblocked_words:\n  - stranger\n",
        {"PODIUM_CONVERSATIONS_MODERATION": "auto"},
    )
    page = (run_build(site) / "rentree.html").read_text(encoding="utf-8")
    assert "Approved and kind" in page and "Hidden by comms" in page
    assert WAITING not in page and "From a blocked troll" not in page


def test_a_hidden_reply_disappears_on_the_next_build(make_site, run_build):
    site = _site(make_site, "approved:\n  - mastodon:3\n")
    assert "Hidden by comms" in (run_build(site) / "rentree.html").read_text(encoding="utf-8")
    (site / "content" / "moderation.yaml").write_text("hidden:\n  - mastodon:3\n", encoding="utf-8")
    assert "Hidden by comms" not in (run_build(site) / "rentree.html").read_text(encoding="utf-8")


def test_closed_post_says_so_in_its_language_and_auto_mode_shows_only_what_a_person_approved(make_site, run_build):
    site = _site(
        make_site, "approved:\n  - mastodon:1\n", {"PODIUM_CONVERSATIONS_MODERATION": "auto"}, {"comments": "closed"}
    )
    page = (run_build(site) / "rentree.html").read_text(encoding="utf-8")
    assert "La discussion est close\u00a0: les nouvelles réponses ne sont plus publiées ici." in page
    assert "Approved and kind" in page and "Hidden by comms" not in page


def test_closing_after_days_in_english(make_site, run_build):
    site = make_site(
        {"content/posts/back.md": post("Back to school", lang="en", slug="back")},
        {"PODIUM_CONVERSATIONS_CLOSE_AFTER_DAYS": 30, "DEFAULT_LANG": "en"},
    )
    page = (run_build(site) / "back.html").read_text(encoding="utf-8")
    assert "Comments are closed: new replies are no longer published here." in page
    fresh = make_site(
        {"content/posts/back.md": post("Back to school", date="2026-11-20 09:00", lang="en", slug="back")},
        {"PODIUM_CONVERSATIONS_CLOSE_AFTER_DAYS": 30, "DEFAULT_LANG": "en"},
    )
    assert "Comments are closed" not in (run_build(fresh) / "back.html").read_text(encoding="utf-8")


def test_reaction_counts_per_network_are_shown_in_the_posts_language(make_site, run_build):
    site = _site(make_site, "")
    page = (run_build(site) / "rentree.html").read_text(encoding="utf-8")
    assert '<span class="reaction-network">Mastodon</span> 2 réponses · 1 partage · 5 j’aime' in page


def test_nothing_is_shown_for_a_withheld_post(make_site, run_build):
    site = _site(make_site, "approved:\n  - mastodon:1\n", meta={"status": "draft"})
    assert "Approved and kind" not in _everything(run_build(site))


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "approved:\n  - mastodon:11\n",
            "content/moderation.yaml:2:5: unknown reply id 'mastodon:11' in 'approved'; did you mean 'mastodon:1'?",
        ),
        (
            "aproved:\n  - mastodon:1\n",
            "content/moderation.yaml:1:1: unknown section 'aproved'; did you mean 'approved'?",
        ),
        (
            "approved:\n\t- mastodon:1\n",
            "content/moderation.yaml:2:1: a tab is used for indentation; YAML needs spaces: "
            "replace the tab with spaces",
        ),
    ],
)
def test_a_bad_moderation_file_fails_the_build_with_where_and_how(make_site, text, message):
    from podium.publish.build import build

    site = _site(make_site, text)
    with pytest.raises(PodiumError) as info:
        build(site, now="2026-11-28T12:00:00+01:00", output=site / "output")
    assert str(info.value) == message
    assert info.value.exit_status == 2


def test_a_reply_bridgy_backfed_as_a_webmention_shows_once_and_a_nameless_author_is_named_by_network(
    make_site, run_build
):
    from dataclasses import replace

    site = make_site(
        {
            "content/posts/rentree.md": post("La rentrée", slug="rentree"),
            "content/moderation.yaml": "approved:\n  - mastodon:1\n  - webmention:1\n  - linkedin:2\n",
        }
    )
    direct = reply(1, "Seen on Mastodon")
    echo = replace(reply(1, "Seen on Mastodon", network="webmention"), url=direct.url)
    nameless = replace(
        reply(2, "Commented on LinkedIn", network="linkedin"), author=replace(reply(2).author, name="", handle="")
    )
    write_store(
        site, "rentree", thread(direct), thread(echo, network="webmention"), thread(nameless, network="linkedin")
    )
    page = (run_build(site) / "rentree.html").read_text(encoding="utf-8")
    assert page.count("Seen on Mastodon") == 1
    assert "Un membre de LinkedIn" in page
