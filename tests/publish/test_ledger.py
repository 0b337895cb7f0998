"""The ledger: records and intents as values, one JSON file written whole."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.plugins.errors import BadInput
from podium.publish import ledger as L

T0 = datetime(2027, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/Paris"))


def rec(share_id="rentree/x/1", network="x", minutes=0) -> L.Record:
    return L.Record(
        share_id,
        network,
        "1890",
        "https://x.com/i/web/status/1890",
        T0 + timedelta(minutes=minutes),
        "https://blog.test/rentree.html",
    )


def test_an_absent_file_is_an_empty_ledger(tmp_path):
    assert L.load(tmp_path / "none" / "ledger.json") == L.Ledger()


def test_save_then_load_gives_the_same_ledger_and_no_temporary_file(tmp_path):
    path = tmp_path / "content" / ".podium" / "ledger.json"
    book = L.Ledger().with_record(rec()).with_intent(L.Intent("rentree/mastodon/1", "mastodon", T0))
    L.save(path, book)
    assert L.load(path) == book
    assert os.listdir(path.parent) == ["ledger.json"]


def test_the_file_lists_only_ids_urls_and_times(tmp_path):
    path = tmp_path / "ledger.json"
    L.save(path, L.Ledger().with_record(rec()))
    assert (
        path.read_text()
        == """{
  "version": 1,
  "shares": [
    {
      "share": "rentree/x/1",
      "network": "x",
      "remote_id": "1890",
      "url": "https://x.com/i/web/status/1890",
      "time": "2027-03-02T09:00:00+01:00",
      "page": "https://blog.test/rentree.html"
    }
  ],
  "intents": []
}
"""
    )


def test_a_failed_save_leaves_the_previous_ledger_whole(tmp_path, monkeypatch):
    path = tmp_path / "ledger.json"
    L.save(path, L.Ledger().with_record(rec()))
    before = path.read_bytes()

    def broken(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(OSError):
        L.save(path, L.Ledger().with_record(rec()).with_record(rec("other/x/1")))
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["ledger.json"]


def test_a_record_settles_the_intent_of_its_share():
    book = L.Ledger().with_intent(L.Intent("rentree/x/1", "x", T0)).with_intent(L.Intent("b/x/1", "x", T0))
    book = book.with_record(rec())
    assert book.intent("rentree/x/1") is None and book.intent("b/x/1") is not None
    assert book.sent("rentree/x/1") == rec()


def test_a_share_cannot_be_recorded_twice():
    with pytest.raises(ValueError):
        L.Ledger().with_record(rec()).with_record(rec(minutes=5))


def test_times_must_be_aware_and_urls_free_of_credentials():
    with pytest.raises(ValueError):
        L.Record("a/x/1", "x", "1", "https://x.com/1", datetime(2027, 3, 2, 9, 0))
    with pytest.raises(ValueError):
        L.Record("a/x/1", "x", "1", "https://user:secret@x.com/1", T0)


def test_invalid_json_points_at_the_line_and_column(tmp_path):
    path = tmp_path / "ledger.json"
    path.write_text('{\n  "version": 1,\n  "shares": [,]\n}\n')
    with pytest.raises(BadInput) as err:
        L.load(path)
    assert str(err.value) == (
        f"{path}:3:14: the ledger is not valid JSON (Expecting value); fix it by hand or "
        "restore it from git (git checkout -- the file)"
    )


def test_a_share_recorded_twice_in_the_file_is_refused(tmp_path):
    entry = (
        '{"share": "rentree/x/1", "network": "x", "remote_id": "1", "url": "https://x.com/1", '
        '"time": "2027-03-02T09:00:00+01:00"}'
    )
    doubled = f'{{"version": 1,\n "shares": [\n  {entry},\n  {entry}\n ]\n}}\n'
    with pytest.raises(BadInput) as err:
        L.parse(doubled, "ledger.json")
    assert str(err.value) == (
        "ledger.json:4: share 'rentree/x/1' is recorded twice; keep one record and fix it "
        "by hand or restore it from git (git checkout -- the file)"
    )


def test_an_entry_without_time_zone_is_refused():
    text = L.render(L.Ledger().with_record(rec())).replace("2027-03-02T09:00:00+01:00", "2027-03-02T09:00:00")
    with pytest.raises(BadInput) as err:
        L.parse(text, "ledger.json")
    assert str(err.value) == (
        "ledger.json:5: damaged ledger entry (time of 'rentree/x/1' has no time zone); "
        "fix it by hand or restore it from git (git checkout -- the file)"
    )


def test_a_file_that_is_not_a_ledger_is_refused():
    with pytest.raises(BadInput) as err:
        L.parse('{"shares": []}', "ledger.json")
    assert str(err.value) == (
        'ledger.json:1: not a podium ledger (expected "version": 1); fix it by hand or '
        "restore it from git (git checkout -- the file)"
    )


ids = st.from_regex(r"[a-z0-9-]{1,12}/(x|linkedin|mastodon|bluesky)/[1-3]", fullmatch=True)
moments = st.datetimes(
    min_value=datetime(2020, 1, 1),
    max_value=datetime(2040, 1, 1),
    timezones=st.sampled_from([UTC, ZoneInfo("Europe/Paris"), ZoneInfo("Asia/Tokyo")]),
    allow_imaginary=False,
)


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(ids, st.tuples(moments, st.text(max_size=20)), max_size=8),
    st.dictionaries(ids, moments, max_size=4),
)
def test_render_then_parse_is_the_identity_up_to_order(sent, pending):
    book = L.Ledger()
    for share_id, (moment, remote) in sent.items():
        book = book.with_record(L.Record(share_id, share_id.split("/")[1], remote, "https://n.test/p", moment))
    for share_id, moment in pending.items():
        if share_id not in sent:
            book = book.with_intent(L.Intent(share_id, share_id.split("/")[1], moment))
    again = L.parse(L.render(book), "ledger.json")

    def instants(b):  # compare instants: Python never equates times in a repeated (DST) hour across zones
        return (
            {(r.share_id, r.network, r.remote_id, r.url, r.time.timestamp()) for r in b.records},
            {(i.share_id, i.network, i.since.timestamp()) for i in b.intents},
        )

    assert instants(again) == instants(book)
    assert L.render(again) == L.render(book)
