"""Bluesky facets: links and hashtags located in UTF-8 bytes, as app.bsky.richtext.facet requires."""

import pytest

from podium.plugins.teasers.facets import LINK, MENTION, TAG, facets


def _slice(text, facet):
    data = text.encode("utf-8")
    return data[facet["index"]["byteStart"] : facet["index"]["byteEnd"]].decode("utf-8")


def test_link_offsets_are_utf8_bytes():
    text = "Énergie é\u0301 \U0001f468\u200d\U0001f469 : https://blog.example.org/été?utm_source=bluesky fin"
    (facet,) = facets(text)
    assert facet["features"] == [{"$type": LINK, "uri": "https://blog.example.org/été?utm_source=bluesky"}]
    assert _slice(text, facet) == "https://blog.example.org/été?utm_source=bluesky"
    assert facet["index"]["byteStart"] == len("Énergie é\u0301 \U0001f468\u200d\U0001f469 : ".encode("utf-8"))


def test_a_link_without_scheme_gets_https():
    (facet,) = facets("Sur example.com/rapport")
    assert facet["features"][0]["uri"] == "https://example.com/rapport"


def test_hashtags_become_tag_facets_in_order():
    text = "Lire https://b.example.org/x\n\n#ÉnergieSolaire #Climat"
    found = facets(text)
    assert [f["features"][0]["$type"] for f in found] == [LINK, TAG, TAG]
    assert [f["features"][0].get("tag") for f in found[1:]] == ["ÉnergieSolaire", "Climat"]
    assert [_slice(text, f) for f in found[1:]] == ["#ÉnergieSolaire", "#Climat"]


def test_no_facet_for_a_hash_inside_a_word():
    assert facets("C# et a#b") == ()


def test_a_tag_fits_64_graphemes_and_640_bytes_as_the_lexicon_says():
    from podium.plugins.teasers.facets import tag_fits

    heavy = ("e" + "\u0301" * 20) * 16  # 16 graphemes, 656 bytes of UTF-8
    assert tag_fits("a" * 64) and not tag_fits("a" * 65)
    assert not tag_fits(heavy) and tag_fits(heavy[:-8])  # 640 bytes
    assert [f["features"][0]["tag"] for f in facets(f"#{heavy} #ok")] == ["ok"]


DIDS = {"alice.bsky.social": "did:plc:ewvi7nxzyoun6zhxrhs64oiz"}


@pytest.mark.parametrize(
    "text, mentioned",
    [
        ("Merci @alice.bsky.social !", ["@alice.bsky.social"]),
        (
            "Merci @ALICE.bsky.social.",
            ["@ALICE.bsky.social"],
        ),  # handles are case-insensitive; the full stop ends the sentence
        ("(@alice.bsky.social) et é@alice.bsky.social", ["@alice.bsky.social"]),  # after a letter it is no mention
        ("Écrire à x@alice.bsky.social", []),  # an e-mail address
        ("Merci @bob.bsky.social", []),  # no DID known: plain text
        ("Merci @alice", []),  # not a handle
    ],
)
def test_a_mention_facet_for_each_handle_whose_did_is_known(text, mentioned):
    found = [f for f in facets(text, DIDS) if f["features"][0]["$type"] == MENTION]
    assert [_slice(text, f) for f in found] == mentioned
    assert all(f["features"] == [{"$type": MENTION, "did": DIDS["alice.bsky.social"]}] for f in found)


def test_without_dids_a_mention_is_plain_text_and_other_facets_stay_in_order():
    text = "Avec @alice.bsky.social, lire https://b.example.org/x #Climat"
    assert [f["features"][0]["$type"] for f in facets(text)] == [LINK, TAG]
    assert [f["features"][0]["$type"] for f in facets(text, DIDS)] == [MENTION, LINK, TAG]
