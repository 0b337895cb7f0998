"""The store format round-trips, refuses damaged files with a fix, and a fetch merges as the network says."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

import pytest

from podium.plugins.conversations import store
from podium.plugins.conversations.model import Conversation, Fetched, merge
from podium.plugins.conversations.view import ordered
from podium.plugins.errors import BadInput

from .factory import T0, reply, thread

FIX = "restore it from git (git checkout -- the file) or delete it: the next fetch collects it again"


def test_a_conversation_round_trips_through_its_file():
    conversation = Conversation("rentree", (thread(reply(1), reply(2, parent=1)),))
    text = store.render(conversation)
    assert store.parse(text, "x.json") == conversation
    assert store.render(store.parse(text, "x.json")) == text


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "{",
            "x.json:1:2: the conversation file is not valid JSON (Expecting property name enclosed in double quotes); "
            + FIX,
        ),
        ('{"version": 7}', 'x.json:1: not a podium conversation file (expected "version": 1); ' + FIX),
        (
            '{"version": 1, "slug": "a", "threads": [{"network": "x", "replies": [{"id": 3}]}]}',
            "x.json:1: damaged conversation file (a reply's author is not a record); " + FIX,
        ),
        (
            '{\n "version": 1,\n "slug": "a",\n "threads": [\n  {"network": "x"},\n  {"network": "y", "replies": [\n'
            '   {"id": "r1", "network": "y", "remote_id": "1", "author": {"id": "a"}, "published": "2026-01-01T00:00Z"},\n'
            '   {"id": 3}\n  ]}\n ]\n}\n',
            "x.json:8: damaged conversation file (a reply's author is not a record); " + FIX,
        ),
        (
            '{"version": 1, "slug": "a", "threads": [{"network": "x", "reactions": [{"time": "2026-01-01T00:00",'
            ' "likes": 1}]}]}',
            "x.json:1: damaged conversation file ('time' has no time zone); " + FIX,
        ),
    ],
)
def test_a_damaged_store_file_is_refused_with_how_to_fix_it(text, message):
    with pytest.raises(BadInput) as info:
        store.parse(text, "x.json")
    assert str(info.value) == message


def test_the_parser_is_bounded():
    body = json.loads(store.render(Conversation("a", (thread(reply(1)),))))
    body["threads"][0]["replies"][0]["html"] = "x" * (store.MAX_HTML + 1)
    with pytest.raises(BadInput, match="'html' is longer than 100000 characters"):
        store.parse(json.dumps(body), "x.json")
    body["threads"][0]["replies"][0]["html"] = "short"
    body["threads"] = [body["threads"][0]] * (store.MAX_THREADS + 1)
    with pytest.raises(BadInput, match="'threads' has more than 200 entries"):
        store.parse(json.dumps(body), "x.json")


def test_slugs_that_could_leave_the_store_folder_are_refused():
    assert store.file_name("rentree-2027") == "rentree-2027.json"
    for bad in ("../etc", "a/b", "", ".hidden"):
        with pytest.raises(ValueError):
            store.file_name(bad)


def test_merge_dedups_by_network_id_applies_deletions_and_edits_and_keeps_first_seen():
    old = thread(reply(1), reply(2), counts=None)
    later = T0 + timedelta(days=1)
    edited = replace(reply(1, "edited text"), seen=None, edited=later)
    fresh = Fetched((edited, edited, replace(reply(3), seen=None)), {"replies": 2, "likes": 4})
    merged = merge(old, fresh, later)
    assert [r.id for r in merged.replies] == ["mastodon:1", "mastodon:3"]  # 2 was deleted on the network
    assert merged.replies[0].html == "<p>edited text</p>" and merged.replies[0].seen == T0
    assert merged.replies[1].seen == later
    assert [s.counts() for s in merged.reactions] == [{"replies": 2, "reposts": 0, "likes": 4, "quotes": 0}]
    again = merge(merged, fresh, later + timedelta(hours=1))
    assert len(again.reactions) == 1  # unchanged counts add no snapshot
    grown = merge(again, Fetched(fresh.replies, {"replies": 2, "likes": 9}), later + timedelta(hours=2))
    assert [s.likes for s in grown.reactions] == [4, 9]


def test_merge_drops_duplicates_within_one_answer():
    fresh = Fetched((reply(1), reply(1)), {})
    assert len(merge(thread(counts=None), fresh, T0).replies) == 1


def test_thread_order_puts_each_answer_after_what_it_answers_and_drops_orphans():
    replies = [
        reply(1, minutes=1),
        reply(2, minutes=2),
        reply(3, parent=1, minutes=3),
        reply(4, parent=3, minutes=4),
        reply(5, parent=99, minutes=5),
    ]
    assert [(r.id, depth) for r, depth in ordered(replies)] == [
        ("mastodon:1", 0),
        ("mastodon:3", 1),
        ("mastodon:4", 2),
        ("mastodon:2", 0),
    ]
