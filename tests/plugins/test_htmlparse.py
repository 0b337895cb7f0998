"""The one HTML parser: what is a tag, what is text, where a tag stands in the source, how srcset splits."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.plugins import htmlparse
from podium.plugins.htmlparse import rewrite_attributes, srcset, start_tags, text


def tags(fragment):
    """(name, source of the tag, [(attribute, decoded value, source of the value)]) for each start tag."""
    return [
        (t.name, fragment[t.start : t.end], [(a.name, a.value, fragment[a.start : a.end]) for a in t.attributes])
        for t in start_tags(fragment)
    ]


@pytest.mark.parametrize(
    "fragment, expected",
    [
        ('<a href="x.html">x</a>', [("a", '<a href="x.html">', [("href", "x.html", '"x.html"')])]),
        # a '>' inside quotes does not end the tag; unquoted and single-quoted values; upper case
        (
            '<A HREF=x.html TITLE="1 > 0">',
            [("a", '<A HREF=x.html TITLE="1 > 0">', [("href", "x.html", "x.html"), ("title", "1 > 0", '"1 > 0"')])],
        ),
        (
            "<img alt='a > b' src=/i.png/>",
            [("img", "<img alt='a > b' src=/i.png/>", [("alt", "a > b", "'a > b'"), ("src", "/i.png/", "/i.png/")])],
        ),
        # entities are decoded as the standard does in attributes: '&copy=' stays (a query string, not ©)
        (
            '<a href="&#x2F;x?a=1&amp;b=2&copy=3">',
            [
                (
                    "a",
                    '<a href="&#x2F;x?a=1&amp;b=2&copy=3">',
                    [("href", "/x?a=1&b=2&copy=3", '"&#x2F;x?a=1&amp;b=2&copy=3"')],
                )
            ],
        ),
        # comments, CDATA (a bogus comment in HTML, up to the first '>'), scripts and textareas hold no tags
        ('<!-- <a href="c.html"> --><a href=y>', [("a", "<a href=y>", [("href", "y", "y")])]),
        ("<![CDATA[<a href=x>]]><b id=z>", [("b", "<b id=z>", [("id", "z", "z")])]),
        ("<script>var s = '<a href=\"x.html\">';</script><i id=k>", [("i", "<i id=k>", [("id", "k", "k")])]),
        ("<textarea><a href=x></textarea><a href=z>", [("a", "<a href=z>", [("href", "z", "z")])]),
        # a tag inside a quoted value is part of the value
        ('<p title="<a href=q>" >', [("p", '<p title="<a href=q>" >', [("title", "<a href=q>", '"<a href=q>"')])]),
        # the first of two same-named attributes counts; a bare attribute has an empty value at its name's end
        (
            "<a HREF=x href=y disabled>",
            [("a", "<a HREF=x href=y disabled>", [("href", "x", "x"), ("disabled", "", "")])],
        ),
        # line breaks, in the tag and in a value (CR LF is read as one LF)
        ('<a\nhref="x\r\ny"\n>', [("a", '<a\nhref="x\r\ny"\n>', [("href", "x\ny", '"x\r\ny"')])]),
        # an unclosed tag at the end is no tag; an unclosed element before it is still found
        ('<p class=a>text<a href="x', [("p", "<p class=a>", [("class", "a", "a")])]),
        ("3 < 4 and <b>5 > 2</b>", []),
    ],
)
def test_start_tags_as_the_standard_tokenizer_reads_them(fragment, expected):
    assert tags(fragment) == expected


def test_start_tags_are_found_in_a_huge_fragment_past_libxml2s_65535_lines():
    unit = '<p class="x">un <a href="/p/{0}.html" title="1 > 0">lien</a>\n</p>\n'
    fragment = "".join(unit.format(i) for i in range(30000))  # 150,000 '>' and 60,000 line breaks
    found = start_tags(fragment, names={"a"})
    assert [t.attributes[0].value for t in found] == [f"/p/{i}.html" for i in range(30000)]
    assert all(fragment[t.start : t.end] == f'<a href="/p/{i}.html" title="1 > 0">' for i, t in enumerate(found))


@pytest.mark.parametrize(
    "value, expected",
    [
        ("a.jpg", [("a.jpg", "")]),
        ("a.jpg 480w, b.jpg 960w", [("a.jpg", "480w"), ("b.jpg", "960w")]),
        # a URL holds commas; only a comma after it (or after its descriptors) ends the candidate
        ("/a,b.jpg 1x, /c.jpg 2x", [("/a,b.jpg", "1x"), ("/c.jpg", "2x")]),
        ("/a.jpg,/b.jpg 2x", [("/a.jpg,/b.jpg", "2x")]),
        ("/a.jpg, /b.jpg 2x", [("/a.jpg", ""), ("/b.jpg", "2x")]),
        ("/a.jpg 1x,/b.jpg 2x", [("/a.jpg", "1x"), ("/b.jpg", "2x")]),
        # commas inside parentheses belong to the descriptor; white space is HTML's (not NBSP)
        ("a.jpg (x, y) 2x, b.jpg", [("a.jpg", "(x, y) 2x"), ("b.jpg", "")]),
        ("\n a.jpg\t1x,\n\n", [("a.jpg", "1x")]),
        ("a\u00a0b.jpg 1x", [("a\u00a0b.jpg", "1x")]),
        (" , ,", []),
    ],
)
def test_srcset_candidates_as_the_html_standard_splits_them(value, expected):
    assert srcset(value) == expected


@pytest.mark.parametrize(
    "fragment, expected",
    [
        ("<p>Un <em>mot</em>&nbsp;&amp; R&amp;D</p>", "Un mot & R&D"),  # a no-break space is a space, on one line
        ("3 < 4 and 5 > 2", "3 < 4 and 5 > 2"),  # a '<' that opens no tag is text
        ("<p>a<!-- b -->c</p><script>var d</script><style>p{}</style><p>e", "a c e"),
        ("<p>a<p>b", "a b"),  # unclosed paragraphs end where the next begins
        ("<![CDATA[x]]>y", "y"),  # a bogus comment up to the first '>'
        ("<![CDATA[a > b]]>y", "b]]>y"),
        ("R&D <2030>", "R&D <2030>"),
        ("", ""),
        ("  plain\n text  ", "plain text"),
    ],
)
def test_text_is_what_a_reader_sees(fragment, expected):
    assert text(fragment) == expected


@pytest.mark.parametrize(
    "fragment",
    [
        "<p class='lead'>AT&T &amp; R&D: 3 < 4 &#8617;</p><!-- <a href=\"c.html\"> -->",
        '<script>var s = \'<a href="x.html">\';</script><pre>&lt;a href="y"&gt;</pre><br/><BR>',
        '<a title="href=z.html" href="b.html">b</a><IMG SRC=i.png ALT="a > b"/><![CDATA[<a href=q>]]>',
        "<p>unclosed <a href='x'>link",
    ],
)
def test_a_rewrite_changes_only_the_values_it_is_asked_to(fragment):
    out = rewrite_attributes(fragment, {"href", "src"}, lambda tag, name, value: "NEW")
    untouched = rewrite_attributes(fragment, {"href", "src"}, lambda tag, name, value: None)
    assert untouched == fragment
    assert out.count('"NEW"') == len(
        [a for t in start_tags(fragment) for a in t.attributes if a.name in ("href", "src")]
    )
    for tag in start_tags(fragment):
        for attribute in tag.attributes:
            if attribute.name not in ("href", "src"):
                assert fragment[attribute.start : attribute.end] in out


def test_a_rewritten_value_is_escaped_and_a_bare_or_empty_attribute_gets_one():
    fragment = '<a href>x</a><a href="">y</a><a href= >z</a><a href=>w</a>'
    assert [t.attributes[0].value for t in start_tags(fragment)] == ["", "", "", ""]
    out = rewrite_attributes(fragment, {"href"}, lambda tag, name, value: 'a"b&c')
    assert out == (
        '<a href="a&quot;b&amp;c">x</a><a href="a&quot;b&amp;c">y</a>'
        '<a href= "a&quot;b&amp;c">z</a><a href="a&quot;b&amp;c">w</a>'
    )
    assert [t.attributes[0].value for t in start_tags(out)] == ['a"b&c'] * 4


def test_events_give_text_after_comments_and_close_every_element():
    seen = [
        (kind, item if kind == htmlparse.TEXT else item.tag)
        for kind, item in htmlparse.events(htmlparse.parse("<p>a<!-- c -->b<br>d</p>e"))
    ]
    assert seen == [
        ("start", "html"),
        ("start", "body"),
        ("start", "p"),
        ("text", "a"),
        ("text", "b"),
        ("start", "br"),
        ("end", "br"),
        ("text", "d"),
        ("end", "p"),
        ("text", "e"),
        ("end", "body"),
        ("end", "html"),
    ]


def test_nothing_to_parse_gives_an_empty_root():
    assert [e.tag for e in htmlparse.elements("")] == ["html"]
    assert [e.tag for e in htmlparse.elements("   \n")] == ["html"]


def test_a_deep_unclosed_fragment_is_read_without_recursion():
    assert text("<div>" * 1500 + "fin") == "fin"  # deeper than Python's recursion limit
    assert text("<div>" * 20000 + "fin") == ""  # past libxml2's depth limit the rest is dropped, not a crash


PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<a href='x'>",
        '<a href="y>z">',
        "<!--",
        "-->",
        "<script>",
        "</script>",
        "<![CDATA[",
        "]]>",
        "<",
        ">",
        "&amp;",
        "&",
        '"',
        "'",
        "=",
        " ",
        "\n",
        "\r\n",
        "text",
        '<img src=i.png alt="a > b">',
        "<br/>",
        "<textarea>",
        "</textarea>",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_every_start_tag_found_is_a_tag_the_parser_reads_alone(fragment):
    found = start_tags(fragment)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    for tag in found:
        alone = list(htmlparse.elements(fragment[tag.start : tag.end]))
        element = next(e for e in alone if e.tag == tag.name and e.attrib)
        assert dict(element.attrib) == {a.name: a.value for a in tag.attributes}
        assert all(tag.start <= a.start <= a.end <= tag.end for a in tag.attributes)
