"""The leader's inbox, "what worked" and the CSV export, from a stored conversation."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import timedelta

from podium.plugins.conversations import room
from podium.plugins.conversations.model import Conversation, Snapshot
from podium.plugins.conversations.moderation import Decisions

from .factory import LEADER, T0, reply, thread


def _conversations():
    later = T0 + timedelta(hours=5)
    answered = reply(1, "Answered by the leader")
    leader = reply(2, "Thanks!", parent=1, author="Leader", author_id=LEADER)
    fresh = replace(reply(3, "Arrived in the last run <script>x</script>"), seen=later)
    hidden = reply(4, "Hidden one")
    base = thread(answered, leader, fresh, hidden)
    snaps = (Snapshot(T0, 0, 0, 1, 0), Snapshot(T0 + timedelta(hours=2), 1, 2, 4, 0), Snapshot(later, 3, 2, 9, 1))
    return {"rentree": Conversation("rentree", (replace(base, reactions=snaps, fetched=later),))}


def test_inbox_lists_new_and_unanswered_replies_with_a_link_to_answer_and_nothing_hidden():
    conversations = _conversations()
    found = room.items(conversations, {"rentree": "La rentrée"}, Decisions(hidden=frozenset({"mastodon:4"})), "manual")
    page = room.inbox(found, room.latest_run(conversations), "fr")
    new, unanswered = page.split("<h2>Pas encore de réponse")
    assert "Nouveau depuis la dernière collecte (1)" in new and "Arrived in the last run" in new
    assert "Answered by the leader" not in new
    assert "(1)</h2>" in unanswered and "Arrived in the last run" in unanswered
    assert "Answered by the leader" not in unanswered and "Hidden one" not in page and "<script" not in page
    assert '<a href="https://example.social/@person3/3" rel="noopener noreferrer">Répondre sur Mastodon</a>' in page
    assert "(en attente de modération)" in page
    assert 'name="robots" content="noindex, nofollow"' in page


def test_what_worked_draws_a_chart_and_the_same_numbers_in_a_table():
    page = room.worked(_conversations(), {"rentree": "La rentrée"}, "en", "reactions.csv")
    assert page.count("<polyline") == 4 and 'role="img" aria-labelledby="chart-1"' in page
    assert "<title id=\"chart-1\">Reactions to “La rentrée” on Mastodon over time</title>" in page
    assert "<tr><th scope=\"row\">2026-01-10 15:00</th><td>3</td><td>2</td><td>9</td><td>1</td></tr>" in page
    assert '<a href="reactions.csv" download>Download the reactions (CSV)</a>' in page


def test_the_csv_has_one_row_per_snapshot_and_defuses_formulas():
    text = room.reactions_csv(_conversations(), {"rentree": "=HYPERLINK(\"x\")"})
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["slug", "title", "network", "share", "time", "replies", "reposts", "likes", "quotes"]
    assert rows[3] == ["rentree", "'=HYPERLINK(\"x\")", "mastodon", "rentree/mastodon/0",
                       "2026-01-10T15:00:00+00:00", "3", "2", "9", "1"]
