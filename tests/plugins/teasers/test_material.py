"""What a teaser is made of: summary or first paragraph, pull quote, key figure, question."""

from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from podium.plugins.teasers.material import _WS, _Blocks, _one_line, blocks, gather, strip_markdown
from podium.plugins.typography import NBSP, NNBSP

from .texts import TRICKY

BODY = """
<p>Premier paragraphe de l'article. Il pose le sujet.</p>
<blockquote><p>Court.</p></blockquote>
<p>En 2023, nous avons réduit nos émissions de 38 % par rapport à 2019, grâce aux équipes.</p>
<p>Le 15 juin 2011, tout a commencé.</p>
<blockquote><p>Une citation de bonne longueur, qui dit quelque chose de fort sur le métier que nous faisons.</p>
<p>— Jeanne Martin</p></blockquote>
<pre><code>print("42 %")</code></pre>
<p>Faut-il tout changer ? Non.</p>
<div class="footnote"><ol><li><p>Source : rapport 2024, page 12.</p></li></ol></div>
"""


def test_blocks_skip_code_and_footnotes():
    kinds = [kind for kind, _ in blocks(BODY)]
    assert kinds == ["p", "blockquote", "p", "p", "blockquote", "p"]
    assert all("42" not in text and "rapport 2024" not in text for _, text in blocks(BODY))


def test_gather_picks_each_piece():
    m = gather("Le bilan : positif", "", BODY, "fr")
    assert m.title == f"Le bilan{NBSP}: positif"
    assert m.hook == "Premier paragraphe de l\u2019article. Il pose le sujet."
    assert m.quote == "Une citation de bonne longueur, qui dit quelque chose de fort sur le métier que nous faisons."
    assert m.figure == f"En 2023, nous avons réduit nos émissions de 38{NNBSP}% par rapport à 2019, grâce aux équipes."
    assert m.question == f"Faut-il tout changer{NNBSP}?"


def test_the_authors_summary_comes_first():
    assert gather("T", "Mon **résumé** à moi.", BODY, "fr").hook == "Mon résumé à moi."


def test_a_date_or_a_year_alone_is_not_a_key_figure():
    body = "<p>Le 15 juin 2011, tout a commencé.</p><p>Depuis 2019 nous progressons.</p>"
    assert gather("T", "", body, "fr").figure == ""


def test_a_count_with_a_unit_is_a_key_figure():
    body = "<p>Nous avons installé 340 MW cette année, un record.</p>"
    assert gather("T", "", body, "en").figure == "Nous avons installé 340 MW cette année, un record."


def test_strip_markdown_keeps_the_words():
    assert strip_markdown("Un [lien](https://x.org) et *ceci* et `code`[^1]") == "Un lien et ceci et code"


@settings(max_examples=300, deadline=None)
@given(TRICKY)
def test_white_space_is_collapsed_as_the_pattern_does(text):
    assert _one_line(text) == _WS.sub(" ", text).strip()


TAG_NAMES = st.sampled_from(
    [
        "p",
        "P",
        "li",
        "ul",
        "blockquote",
        "h2",
        "pre",
        "code",
        "figure",
        "sup",
        "table",
        "em",
        "a",
        "br",
        "div",
        "span",
        "img",
        "hr",
        "script",
        "style",
        "textarea",
    ]
)
ATTRIBUTES = st.sampled_from(
    [
        "",
        ' class="footnote"',
        ' CLASS="x"',
        ' class="a &amp; footnote-ref"',
        ' href="/?a=1&amp;b=2"',
        ' id=""',
        " disabled",
        ' class="x" class="footnote"',
        " class='footnote'",
        ' a="1"b="2"',
        ' a = "b"',
    ]
)
ODD = st.sampled_from(
    [
        "<!-- note -->",
        "<!DOCTYPE html>",
        "a < b",
        "<",
        "</>",
        '</p class="x">',
        "<br/>",
        '<img src="x" />',
        "<![CDATA[x]]>",
        "<?php ?>",
        "&",
        "&amp",
        "&#x41;",
        "&eacute;",
        "\n",
        "&lt;p&gt;",
    ]
)


@st.composite
def html_document(draw):
    parts = []
    for _ in range(draw(st.integers(0, 14))):
        choice = draw(st.integers(0, 5))
        if choice <= 1:
            parts.append(f"<{draw(TAG_NAMES)}{draw(ATTRIBUTES)}>")
        elif choice == 2:
            parts.append(f"</{draw(TAG_NAMES)}>")
        elif choice == 3:
            parts.append(draw(ODD))
        else:
            parts.append(draw(TRICKY).replace("<", "&lt;") if draw(st.booleans()) else draw(TRICKY))
    return "".join(parts)


@st.composite
def markdown_output(draw):
    """Blocks of text with inline tags, as Markdown writes them; one document in four has something odd."""
    odd = draw(st.integers(0, 3)) == 0
    names = TAG_NAMES if odd else st.sampled_from(["p", "li", "h2", "pre", "sup", "div", "P"])
    attributes = (
        ATTRIBUTES if odd else st.sampled_from(["", ' class="footnote"', ' CLASS="x"', ' href="/?a=1&amp;b=2"'])
    )
    out = []
    for _ in range(draw(st.integers(1, 8))):
        name = draw(names)
        inline = [draw(TRICKY).replace("<", "&lt;") for _ in range(draw(st.integers(1, 3)))]
        middle = f"<em>{inline[0]}</em>".join(inline) if draw(st.booleans()) else " ".join(inline)
        extra = draw(ODD) if odd and draw(st.booleans()) else ""
        out.append(f"<{name}{draw(attributes)}>{middle}{extra}</{name}>\n")
        if draw(st.booleans()):
            out[-1] = f"<blockquote>\n{out[-1]}</blockquote>\n"
    return "".join(out)


class _StandardLibrary(HTMLParser):
    """The blocks as Python's own tokenizer reads the same HTML: an independent reading to compare with."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.reader = _Blocks()

    def handle_starttag(self, tag, attrs):
        # of two same-named attributes the first counts, as in the HTML standard (a dict would keep the last)
        self.reader.start(tag, next((value for name, value in attrs if name == "class"), None) or "")

    def handle_endtag(self, tag):
        self.reader.end(tag)

    def handle_data(self, data):
        self.reader.data(data)


def _standard_library_blocks(document):
    parser = _StandardLibrary()
    parser.feed(document)
    parser.close()
    return [(kind, text.strip()) for kind, text in parser.reader.blocks if text.strip()]


@settings(max_examples=400, deadline=None)
@given(markdown_output())
def test_plain_tags_read_without_the_parser_give_the_parsers_blocks(document):
    # NUL is no character of an HTML text: the parser reads it as U+FFFD
    assert blocks(document) == _standard_library_blocks(document.replace("\x00", "\ufffd"))


@settings(max_examples=200, deadline=None)
@given(html_document())
def test_any_html_gives_blocks_of_one_trimmed_line_each(document):
    # broken HTML is repaired as a browser would (an unclosed <p> ends with the text): no reading to compare with
    for kind, text in blocks(document):
        assert text and text == _one_line(text) and kind in _Blocks._BLOCKS
