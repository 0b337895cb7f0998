"""Texts for the property tests of counting and scanning: the characters where the rules differ.

Links with and without a scheme, hashtags and mentions, every kind of white
space and line break (CR LF is one grapheme cluster), combining marks, joiners,
emoji sequences, Hangul and Indic clusters, and the information separators
that ``str`` calls white space and ``regex`` does not.
"""

from hypothesis import strategies as st

PIECES = (
    "https://", "http://", "example.com", "t.co", "www.", "xn--", ".fr", ".org/", "/path", "?q=1&r=2", "(x)", "((", "))",
    "#tag", "＃タグ", "@bob", "@a@b.example", "＠x", "bsky.social", "...", "…", "«", "»", '"', "'", ":", ";", "!", "?", "%",
    "\r\n", "\n", "\n\n", "\r", " ", "  ", "\t", "\xa0", "\u202f", "\u2009", "\u3000", "\x1c", "\x1f", "\x85",
    "\u0301", "e\u0301", "\u200d", "\u200c", "\ufe0f", "\ufe0e", "👨‍👩‍👧", "🇫🇷", "1️⃣", "👍🏽", "©", "®", "‼", "\u20e3",
    "\u1100\u1161", "\uac00", "\u0915\u094d\u0937", "日本語", "ä", "Ω", "-", "_", "&amp;", "&lt;", "0", "42 %", "2026",
    "12 mars", "\ufeff", "\U0001F600", "\U000E0067", "€", "\u2013", "\u2014",
)

TRICKY = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=6), st.text(alphabet="abcdefghij .,", max_size=12)),
    max_size=40,
).map("".join)
