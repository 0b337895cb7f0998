"""The leader's inbox, "what worked" and the CSV export, as values, from a stored conversation."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import UTC, timedelta

from podium.plugins.conversations import room
from podium.plugins.conversations.model import Conversation, Snapshot
from podium.plugins.conversations.moderation import Decisions

from .factory import LEADER, T0, reply, thread

UTC = UTC


def _digest(decisions: Decisions = Decisions(), titles=None) -> room.Digest:
    later = T0 + timedelta(hours=5)
    answered = reply(1, "Answered by the leader")
    leader = reply(2, "Thanks!", parent=1, author="Leader", author_id=LEADER)
    fresh = replace(reply(3, "Arrived in the last run <script>x</script>"), seen=later)
    hidden = reply(4, "Hidden one")
    base = thread(answered, leader, fresh, hidden)
    snaps = (Snapshot(T0, 0, 0, 1, 0), Snapshot(T0 + timedelta(hours=2), 1, 2, 4, 0), Snapshot(later, 3, 2, 9, 1))
    return room.Digest(
        {"rentree": Conversation("rentree", (replace(base, reactions=snaps, fetched=later),))},
        titles or {"rentree": "La rentrée"},
        decisions,
        "manual",
    )


def test_inbox_lists_new_and_unanswered_replies_with_a_link_to_answer_and_nothing_hidden():
    inbox = room.inbox(_digest(Decisions(hidden=frozenset({"mastodon:4"}))), "fr", UTC)
    assert inbox.new_heading == "Nouveau depuis la dernière collecte (1)"
    assert [e.html for e in inbox.new] == ["<p>Arrived in the last run </p>"]
    assert inbox.unanswered_heading == "Pas encore de réponse (1)"
    assert [e.who for e in inbox.unanswered] == ["Person 3"]  # 1 was answered, 2 is the leader, 4 is hidden
    entry = inbox.unanswered[0]
    assert (entry.answer_url, entry.answer_label) == ("https://example.social/@person3/3", "Répondre sur Mastodon")
    assert entry.waiting and entry.title == "La rentrée" and entry.date_text == "2026-01-10 10:03"


def test_inbox_speaks_english_for_an_english_site():
    inbox = room.inbox(_digest(), "en", UTC)
    assert inbox.new_heading == "New since the last collecting run (1)"
    assert inbox.unanswered_heading == "Not answered yet (2)"
    assert inbox.unanswered[0].answer_label == "Answer on Mastodon"


def test_what_worked_draws_a_chart_and_the_same_numbers_in_a_table():
    (chart,) = room.worked(_digest(), "en", UTC)
    assert chart.heading == "La rentrée · Mastodon"
    assert chart.caption == "Reactions to “La rentrée” on Mastodon over time"
    assert chart.svg.count("<polyline") == 4 and 'role="img" aria-labelledby="chart-1"' in chart.svg
    assert f'<title id="chart-1">{chart.caption}</title>' in chart.svg
    assert chart.rows[-1] == ("2026-01-10 15:00", (3, 2, 9, 1))
    (french,) = room.worked(_digest(), "fr", UTC)
    assert french.caption == "Réactions à «\u202fLa rentrée\u202f» sur Mastodon au fil du temps"
    assert ">j’aime</text>" in french.svg


def test_the_csv_has_one_row_per_snapshot_and_defuses_formulas():
    text = room.reactions_csv(_digest(titles={"rentree": '=HYPERLINK("x")'}))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["slug", "title", "network", "share", "time", "replies", "reposts", "likes", "quotes"]
    assert rows[3] == [
        "rentree",
        '\'=HYPERLINK("x")',
        "mastodon",
        "rentree/mastodon/0",
        "2026-01-10T15:00:00+00:00",
        "3",
        "2",
        "9",
        "1",
    ]


def test_the_digest_keeps_only_the_threads_of_published_versions():
    french = thread(reply(1, "Sur le billet français"), page="https://blog.test/rentree.html")
    english = replace(
        thread(reply(2, "On the English one"), page="https://blog.test/en/rentree.html"), share="rentree/mastodon/1"
    )
    stored = {
        "rentree": Conversation("rentree", (french, english)),
        "brouillon": Conversation("brouillon", (thread(reply(3)),)),
    }
    published = [room.Article("rentree", "rentree.html", "fr", "La rentrée", ("en/rentree.html",))]  # en: withheld
    found = room.digest(stored, published, "fr", Decisions(), "manual")
    assert list(found.conversations) == ["rentree"]
    assert [r.id for r in found.conversations["rentree"].replies()] == ["mastodon:1"]
