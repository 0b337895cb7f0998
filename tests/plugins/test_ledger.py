"""The ledger's one model and parser: what ``podium publish`` writes, the build's back-links read identically."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from podium.plugins import ledger as model
from podium.plugins.syndication import records
from podium.publish import ledger as written

ids = st.from_regex(r"[a-z0-9-]{1,12}/(x|linkedin|mastodon|bluesky|threads)/[1-3]", fullmatch=True)
moments = st.datetimes(
    min_value=datetime(2020, 1, 1),
    max_value=datetime(2040, 1, 1),
    timezones=st.sampled_from([UTC, ZoneInfo("Europe/Paris"), ZoneInfo("America/New_York")]),
    allow_imaginary=False,
)
urls = st.from_regex(r"https://[a-z]{1,8}\.test/[a-zé0-9/?=&_-]{0,20}", fullmatch=True)
pages = st.one_of(st.just(""), urls)


@st.composite
def ledgers(draw) -> model.Ledger:
    book = model.Ledger()
    for share_id, (moment, remote, url, page) in draw(
        st.dictionaries(ids, st.tuples(moments, st.text(max_size=12), urls, pages), max_size=8)
    ).items():
        book = book.with_record(model.Record(share_id, share_id.split("/")[1], remote, url, moment, page))
    for share_id, moment in draw(st.dictionaries(ids, moments, max_size=3)).items():
        if not book.sent(share_id):
            book = book.with_intent(model.Intent(share_id, share_id.split("/")[1], moment))
    return book


@settings(max_examples=80, deadline=None)
@given(ledgers())
def test_what_publish_writes_both_halves_read_identically(book):
    text = written.render(book)
    by_publish = written.parse(text, "ledger.json")
    by_build = records.parse(text, "ledger.json")
    # the publishing half gets its ledger back (times compared as instants: a repeated DST hour)
    assert [
        (r.share_id, r.network, r.remote_id, r.url, r.page, r.time.timestamp()) for r in by_publish.records
    ] == sorted(
        ((r.share_id, r.network, r.remote_id, r.url, r.page, r.time.timestamp()) for r in book.records),
        key=lambda r: (r[-1], r[0]),
    )
    assert written.render(by_publish) == text
    # the build sees exactly the same shares, with only what a reader may see
    assert [(s.share_id, s.network, s.url, s.page, s.time, s.slug) for s in by_build] == [
        (r.share_id, r.network, r.url, r.page, r.time, records.slug_of(r.share_id)) for r in by_publish.records
    ]


def test_both_halves_refuse_a_damaged_ledger_with_the_same_message():
    text = '{"version": 2, "shares": []}'
    messages = set()
    for parse in (written.parse, records.parse):
        try:
            parse(text, "ledger.json")
        except model.BadInput as err:
            messages.add(str(err))
    assert messages == {
        'ledger.json:1: not a podium ledger (expected "version": 1); '
        "fix it by hand or restore it from git (git checkout -- the file)"
    }
