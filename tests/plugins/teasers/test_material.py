"""What a teaser is made of: summary or first paragraph, pull quote, key figure, question."""

from podium.plugins.teasers.material import blocks, gather, strip_markdown
from podium.plugins.teasers.typography import NBSP, NNBSP

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
