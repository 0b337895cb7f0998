"""The inbox and "what worked" in the comms room of real builds: never in the site, nothing of a withheld post."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tests.conftest import post

from .factory import LEADER, reply, thread, write_store

DRAFT_TEXT = "A reply under the draft"


def _site(make_site, moderation: str = ""):
    site = make_site(
        {
            "content/posts/rentree.md": post("La rentrée", slug="rentree"),
            "content/posts/brouillon.md": post("Brouillon secret", slug="brouillon", status="draft"),
            "content/moderation.yaml": moderation,
        }
    )
    write_store(
        site,
        "rentree",
        thread(
            reply(1, "Waiting for comms"),
            reply(2, "Hidden by comms"),
            reply(3, "From a blocked troll", handle="@troll@bad.example"),
            reply(4, "Answered already"),
            reply(5, "Merci", parent=4, author="The Leader", author_id=LEADER),
        ),
    )
    write_store(
        site, "brouillon", thread(reply(9, DRAFT_TEXT), page="https://blog.test/brouillon.html", counts=(7, 7, 77, 7))
    )
    return site


def _room(site: Path) -> dict[str, str]:
    folder = site / "comms"
    return {
        str(p.relative_to(folder)): p.read_text(encoding="utf-8")
        for p in folder.rglob("*")
        if p.is_file() and p.suffix in (".html", ".csv")
    }


def test_the_inbox_is_a_page_of_the_comms_room_in_the_sites_language(make_site, run_build):
    site = _site(make_site, "hidden:\n  - mastodon:2\nblocked:\n  - mastodon:@troll@bad.example\n")
    output = run_build(site)
    page = _room(site)["conversations/inbox.html"]
    assert '<html lang="fr" data-podium-room="comms">' in page
    assert '<meta name="robots" content="noindex, nofollow, noarchive">' in page
    assert "<h1>Boîte de réception des conversations</h1>" in page
    assert '<h2 id="unanswered">Pas encore de réponse (1)</h2>' in page
    assert "Waiting for comms" in page and "en attente de modération" in page
    assert "Hidden by comms" not in page and "From a blocked troll" not in page
    assert '<a href="../conversations/worked.html">Ce qui a marché</a>' in page
    assert '<a href="../conversations/inbox.html" aria-current="page">' in page
    assert not (output / "conversations" / "inbox.html").exists()
    assert not any(
        "Waiting for comms" in p.read_text(encoding="utf-8", errors="replace") for p in output.rglob("*") if p.is_file()
    )


def test_what_worked_has_the_chart_and_its_table_and_the_csv(make_site, run_build):
    site = _site(make_site)
    run_build(site)
    room = _room(site)
    page = room["conversations/worked.html"]
    assert "<h1>Ce qui a marché</h1>" in page and page.count("<svg") == 1
    assert "<caption>Réactions à «\u202fLa rentrée\u202f» sur Mastodon au fil du temps</caption>" in page
    assert "<td>2</td><td>1</td><td>5</td><td>0</td>" in page
    assert '<a href="../data/reactions.csv" download>Télécharger les réactions (CSV)</a>' in page
    rows = list(csv.reader(io.StringIO(room["data/reactions.csv"])))
    assert [r[0] for r in rows] == ["slug", "rentree"]


def test_nothing_of_a_withheld_post_in_the_room_no_waiting_reply_and_no_count(make_site, run_build):
    site = _site(make_site)
    run_build(site)
    # the board (index.html) lists withheld posts for comms on purpose; the conversation pages show nothing of them
    room = {
        path: text
        for path, text in _room(site).items()
        if path.startswith("conversations/") or path == "data/reactions.csv"
    }
    assert len(room) == 3, "the pages are written, or the test proves nothing"
    for path, text in room.items():
        for absent in (DRAFT_TEXT, "Brouillon secret", "brouillon", "<td>77</td>"):
            assert absent not in text, (path, absent)
