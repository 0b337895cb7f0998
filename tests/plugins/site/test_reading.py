"""Reading time: words counted in HTML, speed by language, never below a minute."""

from hypothesis import given, settings
from hypothesis import strategies as st

from podium.plugins.site import reading


def test_words_are_counted_in_text_not_markup():
    html = '<p>L’équipe <a href="https://example.org/un-deux-trois">quatre-vingts</a> techniciens.</p>'
    assert reading.count_words(html) == 3


def test_french_reads_slower_than_english():
    words = "<p>" + "mot " * 2000 + "</p>"
    assert reading.minutes(words, "fr") == 11  # 2000 / 195, rounded up
    assert reading.minutes(words, "en") == 9  # 2000 / 228, rounded up


def test_short_posts_take_a_minute():
    assert reading.minutes("<p>Bonjour.</p>", "fr") == 1
    assert reading.minutes("", "en") == 1


@settings(max_examples=50)
@given(st.integers(0, 5000), st.integers(0, 500), st.sampled_from(["fr", "en", "de"]))
def test_more_words_never_read_faster(n, extra, lang):
    assert reading.minutes("w " * (n + extra), lang) >= reading.minutes("w " * n, lang)


def test_an_excerpt_leaves_out_footnote_markers_and_notes_however_they_are_written():
    summary = (
        '<p>Trois<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup> chiffres.</p>'
        '<div class="footnote"><ol><li><p>Source : rapport.</p></li></ol></div>'
        '<section class="footnotes"><ol><li>Note</li></ol></section><SUP>2</SUP><p>Fin &amp; suite</p>'
    )
    assert reading.excerpt(summary) == "Trois chiffres. Fin & suite"
    assert reading.excerpt("<p>Pas de note.</p>") == "Pas de note."
