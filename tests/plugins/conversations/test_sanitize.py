"""The sanitiser against hostile replies: scripts, javascript: links, event handlers, huge texts, bidi tricks."""

from __future__ import annotations

from podium.plugins.conversations.sanitize import REL, clean, plain, safe_url


def test_scripts_and_styles_vanish_with_their_content():
    assert clean("<p>hi<script>alert(1)</script><style>body{display:none}</style></p>") == "<p>hi</p>"


def test_javascript_links_lose_their_href_and_http_links_get_nofollow_ugc_noopener():
    out = clean('<p><a href="javascript:alert(1)">x</a> <a href="https://ok.example/a" target="_blank">y</a></p>')
    assert out == f'<p>x <a href="https://ok.example/a" rel="{REL}">y</a></p>'


def test_event_handlers_images_and_iframes_are_removed():
    out = clean(
        '<p onclick="steal()">a<img src="x" onerror="alert(1)"><iframe src="https://evil"></iframe>'
        '<svg onload="x"><circle/></svg></p>'
    )
    assert out == "<p>a</p>"


def test_bidi_override_characters_are_removed_from_html_and_text():
    hostile = "<p>pay \u202egnp.exe\u202c now \u2066x\u2069</p>"
    assert clean(hostile) == "<p>pay gnp.exe now x</p>"
    assert plain(hostile) == "pay gnp.exe now x"


def test_a_100_kb_reply_is_cut_to_plain_text_with_an_ellipsis():
    huge = "<p>" + ("word <b>bold</b> " * 7000) + "</p>"
    assert len(huge) > 100_000
    out = clean(huge)
    assert out.startswith("<p>word bold word bold") and out.endswith("…</p>")
    assert "<b>" not in out and len(out) < 5100


def test_mastodon_markup_keeps_paragraphs_and_links_but_not_classes():
    toot = (
        '<p>Bravo <span class="h-card"><a href="https://m.example/@a" class="u-url mention">@<span>a</span></a>'
        '</span></p><p><a href="https://blog.test/x" rel="tag">#x</a></p>'
    )
    assert clean(toot) == (
        f'<p>Bravo <a href="https://m.example/@a" rel="{REL}">@a</a></p>'
        f'<p><a href="https://blog.test/x" rel="{REL}">#x</a></p>'
    )


def test_safe_url_keeps_web_links_only():
    assert safe_url("https://example.social/@a/1") == "https://example.social/@a/1"
    for bad in (
        "javascript:alert(1)",
        "https://user:pw@example.social/",
        "data:text/html,x",
        "//evil",
        "",
        'https://e.example/"onmouseover="x',
    ):
        assert safe_url(bad) == ""
