"""What teasers.json shows for Bluesky is what the client sends: one facets module, table-tested end to end."""

from __future__ import annotations

import pytest

from podium.plugins.teasers.facets import LINK, MENTION, TAG
from podium.plugins.teasers.generate import teasers_for
from podium.publish.channels import BlueskyChannel, Share

from ...plugins.teasers.factory import config, post_view, source

BODY = "Un premier paragraphe qui pose le sujet. Puis une suite.\n"
TAG_64 = "É" + "a" * 63
TAG_65 = "É" + "a" * 64

TEXTS = [
    "Énergie ☕ 🇫🇷 : lisez {link} #Éducation",
    "Objectif #2030 : {link}",
    "Une étape #Climat2030 {link}",
    f"Long #{TAG_64} puis #{TAG_65} {{link}}",
    "Sur example.com/rapport et {link}",
    "Un hôte inconnu https://a.b/c_(d) puis {link}",
    "C# et a#b, puis {link} #Fin!",
    "Merci @Alice.bsky.social et @inconnu.bsky.social (@bob.example.com) ! {link}",
]
MENTIONS = {"alice.bsky.social": "did:plc:ewvi7nxzyoun6zhxrhs64oiz", "bob.example.com": "did:web:bob.example.com"}


def _teaser(text: str):
    meta = {"title": "La rentrée", "lang": "fr", "slug": "rentree", "teasers": {"bluesky": text}}
    result = teasers_for(
        post_view(meta, BODY, url="https://blog.example.org/rentree.html"),
        config(bluesky_mentions=MENTIONS),
        source(meta, BODY),
        "content/posts/rentree.md",
    )
    assert not result.errors, result.errors
    return next(t for t in result.teasers if t.network == "bluesky")


def _sent(teaser) -> list[dict]:
    client = BlueskyChannel(
        "leader.example.com", "abcd-efgh-ijkl-mnop", base_url="http://127.0.0.1:9", mentions=MENTIONS
    )
    share = Share("rentree/bluesky/1", "rentree", teaser.text, teaser.url, lang="fr", network="bluesky")
    return client.record(share, "did:plc:u5cwb2mwiv2bfq53cjufe6yn")["record"].get("facets", [])


@pytest.mark.parametrize("text", TEXTS)
def test_teaser_facets_are_the_facets_the_bluesky_client_sends(text):
    teaser = _teaser(text)
    assert [dict(f) for f in teaser.facets] == _sent(teaser)


def _tags(teaser) -> list[str]:
    return [f["features"][0]["tag"] for f in teaser.facets if f["features"][0]["$type"] == TAG]


def test_an_all_digit_hashtag_is_no_tag_on_either_side_as_in_bluesky_s_app():
    assert _tags(_teaser(TEXTS[1])) == [] and _tags(_teaser(TEXTS[2])) == ["Climat2030"]


def test_a_tag_over_64_graphemes_gets_no_facet_as_the_lexicon_says():
    assert _tags(_teaser(TEXTS[3])) == [TAG_64]


def test_an_address_with_any_host_is_a_link_as_in_bluesky_s_app():
    links = [f["features"][0]["uri"] for f in _teaser(TEXTS[5]).facets if f["features"][0]["$type"] == LINK]
    assert "https://a.b/c_(d)" in links


def test_a_mention_of_a_listed_handle_names_its_did_and_any_other_stays_plain_text():
    teaser = _teaser(TEXTS[7])
    data = teaser.text.encode("utf-8")
    mentions = [
        (data[f["index"]["byteStart"] : f["index"]["byteEnd"]].decode("utf-8"), f["features"][0]["did"])
        for f in teaser.facets
        if f["features"][0]["$type"] == MENTION
    ]
    assert mentions == [
        ("@Alice.bsky.social", "did:plc:ewvi7nxzyoun6zhxrhs64oiz"),
        ("@bob.example.com", "did:web:bob.example.com"),
    ]
    assert check_record_facets(teaser.text, teaser.facets) == []


def check_record_facets(text, found):
    from ..fakes.bluesky_api import check_facet

    return [problem for problem in (check_facet(text, dict(f)) for f in found) if problem]
