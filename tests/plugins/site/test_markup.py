"""Markdown extras: figures, pull quotes, "Sources", French spacing, each in the post's language."""

import markdown
import pytest
from bs4 import BeautifulSoup

from podium.plugins.site.markup import EssayExtension
from podium.plugins.typography import NBSP, NNBSP

EXTENSIONS = ["markdown.extensions.extra", "markdown.extensions.footnotes"]


def render(text, lang=None, default="fr", meta=False):
    """Render as podium's reader does (lang on the instance) or as Pelican's (a 'Lang:' header)."""
    md = markdown.Markdown(
        extensions=EXTENSIONS + (["markdown.extensions.meta"] if meta else []) + [EssayExtension(lang=default)],
        output_format="html5",
    )
    if lang and not meta:
        md.podium_lang = lang
    return BeautifulSoup(md.convert(text), "html.parser")


def test_an_image_with_a_title_alone_in_its_paragraph_becomes_a_figure():
    soup = render('![Des éoliennes](/img/a.jpg "Le parc & ses *éoliennes*")')
    figure = soup.find("figure")
    assert figure is not None and soup.find("p") is None
    assert figure.img["alt"] == "Des éoliennes" and not figure.img.has_attr("title")
    assert figure.figcaption.get_text() == "Le parc & ses *éoliennes*"


def test_a_linked_image_keeps_its_link_inside_the_figure():
    soup = render('[![Plan](/img/p.png "Le plan du site")](/img/p-large.png)')
    assert soup.figure.a["href"] == "/img/p-large.png"
    assert soup.figure.a.img["src"] == "/img/p.png"
    assert soup.figure.figcaption.get_text() == "Le plan du site"


@pytest.mark.parametrize(
    "text",
    [
        "![Sans titre](/img/a.jpg)",
        'Du texte et ![img](/img/a.jpg "Titre")',
        '![un](/a.jpg "A") ![deux](/b.jpg "B")',
    ],
)
def test_other_images_stay_inline(text):
    soup = render(text)
    assert soup.find("figure") is None and soup.find("img") is not None


def test_a_quote_ending_with_a_dash_line_is_attributed():
    soup = render("> La météo décide du calendrier.\n>\n> — Yannick Le Goff, chef d’équipe maintenance")
    quote = soup.blockquote
    assert quote["class"] == ["pull-quote"]
    assert [p.get_text() for p in quote.find_all("p")] == ["La météo décide du calendrier."]
    assert quote.footer.cite.get_text() == "Yannick Le Goff"
    assert quote.footer.get_text() == "— Yannick Le Goff, chef d’équipe maintenance"


def test_an_attribution_without_role_is_cited_whole():
    soup = render("> Citation.\n>\n> — *Le Monde*")
    assert str(soup.blockquote.footer.cite) == "<cite><em>Le Monde</em></cite>"


@pytest.mark.parametrize("text", ["> Une seule ligne.", "> — Juste un tiret", "> Un.\n>\n> Deux, sans tiret."])
def test_ordinary_quotes_are_left_alone(text):
    soup = render(text)
    assert soup.blockquote.footer is None and not soup.blockquote.has_attr("class")


SOURCES = "Un fait[^1] et un autre[^note].\n\n[^1]: Rapport annuel, 2025.\n[^note]: [Étude](https://example.org/etude)."


def test_footnotes_become_a_sources_section_labelled_in_french():
    soup = render(SOURCES, lang="fr")
    section = soup.find("section", class_="footnotes")
    assert section.h2.get_text() == "Sources"
    assert section.find("hr") is None and soup.find("div", class_="footnote") is None
    backs = section.find_all("a", class_="footnote-backref")
    assert [a["aria-label"] for a in backs] == ["Retour au texte (note 1)", "Retour au texte (note 2)"]
    assert all(not a.has_attr("title") for a in backs)
    assert [a["href"] for a in backs] == ["#fnref:1", "#fnref:note"]
    assert {a["href"].lstrip("#") for a in backs} <= {s["id"] for s in soup.find_all("sup")}


def test_footnotes_labelled_in_english_for_an_english_post_on_a_french_site():
    soup = render(SOURCES, lang="en", default="fr")
    labels = [a["aria-label"] for a in soup.find_all("a", class_="footnote-backref")]
    assert labels == ["Back to the text (note 1)", "Back to the text (note 2)"]


def test_language_from_pelicans_own_header():
    soup = render("Lang: en\n\n" + SOURCES, default="fr", meta=True)
    assert soup.find("a", class_="footnote-backref")["aria-label"] == "Back to the text (note 1)"


def test_french_spacing_in_text_but_not_in_code():
    soup = render("Première leçon : « tenir » ! Voir `a : b` et\n\n    code ; ici ?", lang="fr")
    assert soup.p.get_text().startswith(f"Première leçon{NBSP}: «{NNBSP}tenir{NNBSP}»{NNBSP}!")
    assert soup.p.code.get_text() == "a : b"
    assert soup.pre.get_text() == "code ; ici ?\n"


def test_english_text_gets_english_spacing_as_in_the_teasers():
    soup = render("Really : yes ?", lang="en")
    assert soup.p.get_text() == "Really: yes?"


def test_escaped_markdown_in_a_caption_is_restored():
    soup = render('![x](/a.jpg "Prix \\*hors taxes\\*")')
    assert soup.figcaption.get_text() == "Prix *hors taxes*"
