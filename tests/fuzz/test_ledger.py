"""Fuzzed ledgers through both halves that read them: ``podium publish`` and the build's "Discuss on" links."""

from __future__ import annotations

from hypothesis import example, given, settings

from podium.plugins.syndication.records import links_for, parse
from podium.publish import ledger as written

from .invariant import refused_cleanly
from .profiles import examples
from .strategies import ledger_text


def _both(path, text: str):
    book = written.load(path)
    shares = parse(text, "publish-ledger.json")
    links_for(shares, "fuzz", "fuzz.html")
    return book


@settings(max_examples=examples(80))
@given(text=ledger_text())
@example(text='{"version": 1, "shares": [{"share": "fuzz/x/1"}]}')  # a record without its network
@example(
    text='{"version": 1, "shares": [{"share": "fuzz/x/1", "network": "x", "remote_id": "1", '
    '"url": "http://[oops", "time": "2026-01-10T09:00:00+00:00"}]}'
)
@example(text='{"version": 1, "shares": [' + "[" * 5000 + "]" * 5000 + "]}")
def test_a_fuzzed_ledger_is_read_or_refused_with_its_line(tmp_path_factory, text):
    path = tmp_path_factory.getbasetemp() / "publish-ledger.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    refused_cleanly(_both, path, text)
