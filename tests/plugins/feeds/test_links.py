from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from podium.plugins.feeds.links import absolute_srcset, absolute_url, absolutize

PAGE = "https://blog.test/posts/rentree.html"


class Collect(HTMLParser):
    """Every (tag, attribute, value) a browser would see."""

    def __init__(self):
        super().__init__()
        self.seen = []

    def handle_starttag(self, tag, attrs):
        self.seen += [(tag, name, value) for name, value in attrs]

    handle_startendtag = handle_starttag


def attributes(fragment):
    parser = Collect()
    parser.feed(fragment)
    parser.close()
    return parser.seen


def test_relative_root_relative_and_fragment_links_resolve_like_a_browser_on_the_article_page():
    html = '<a href="../about.html">a</a><a href="/tags/x.html">b</a><a href="#fn:1">1</a><a href="suite.html">c</a>'
    assert [v for _, _, v in attributes(absolutize(html, PAGE))] == [
        "https://blog.test/about.html",
        "https://blog.test/tags/x.html",
        "https://blog.test/posts/rentree.html#fn:1",
        "https://blog.test/posts/suite.html",
    ]


def test_image_src_and_every_srcset_candidate_become_absolute():
    html = '<img src="/images/a.jpg" srcset="/images/a-480.jpg 480w, images/a-960.jpg 960w" alt="Éolienne">'
    assert attributes(absolutize(html, PAGE)) == [
        ("img", "src", "https://blog.test/images/a.jpg"),
        ("img", "srcset", "https://blog.test/images/a-480.jpg 480w, https://blog.test/posts/images/a-960.jpg 960w"),
        ("img", "alt", "Éolienne"),
    ]


def test_picture_sources_video_poster_and_quote_cite_are_resolved_too():
    html = (
        '<picture><source srcset="/i/a.webp" type="image/webp"><img src="/i/a.jpg" alt=""></picture>'
        '<video poster="/i/p.jpg" src="/v.mp4"></video><blockquote cite="/sources.html"><p>q</p></blockquote>'
    )
    values = {(t, n): v for t, n, v in attributes(absolutize(html, PAGE))}
    assert values[("source", "srcset")] == "https://blog.test/i/a.webp"
    assert values[("img", "src")] == "https://blog.test/i/a.jpg"
    assert values[("video", "poster")] == "https://blog.test/i/p.jpg"
    assert values[("video", "src")] == "https://blog.test/v.mp4"
    assert values[("blockquote", "cite")] == "https://blog.test/sources.html"


def test_srcset_urls_may_hold_commas():
    assert absolute_srcset(PAGE, "/a,b.jpg 1x, /c.jpg 2x") == "https://blog.test/a,b.jpg 1x, https://blog.test/c.jpg 2x"
    assert absolute_srcset(PAGE, "/only.jpg") == "https://blog.test/only.jpg"
    # As the HTML standard reads it: only a comma followed by space (or a trailing one) ends a URL.
    assert absolute_srcset(PAGE, "/a.jpg,/b.jpg 2x") == "https://blog.test/a.jpg,/b.jpg 2x"
    assert absolute_srcset(PAGE, "/a.jpg, /b.jpg 2x") == "https://blog.test/a.jpg, https://blog.test/b.jpg 2x"
    assert absolute_srcset(PAGE, "/a.jpg 1x,/b.jpg 2x") == "https://blog.test/a.jpg 1x, https://blog.test/b.jpg 2x"


def test_absolute_mailto_and_empty_values_are_left_alone():
    html = '<a href="https://other.example/x">x</a><a href="mailto:c@blog.test">m</a><a href="">e</a>'
    assert absolutize(html, PAGE) == html
    assert absolute_url(PAGE, "") == ""


def test_entities_in_urls_are_decoded_then_escaped_again():
    out = absolutize('<a href="q?a=1&amp;b=2">x</a>', PAGE)
    assert out == '<a href="https://blog.test/posts/q?a=1&amp;b=2">x</a>'
    assert attributes(out) == [("a", "href", "https://blog.test/posts/q?a=1&b=2")]


def test_a_quote_in_a_url_cannot_break_out_of_the_attribute():
    out = absolutize("<a href='x\"onmouseover=\"alert(1)'>x</a>", PAGE)
    assert attributes(out) == [("a", "href", 'https://blog.test/posts/x"onmouseover="alert(1)')]


def test_everything_but_url_values_is_kept_byte_for_byte():
    html = (
        "<p class='lead'>AT&T &amp; R&D: 3 < 4 &#8617;</p><!-- <a href=\"c.html\"> -->"
        '<script>var s = \'<a href="x.html">\';</script><pre>&lt;a href="y"&gt;</pre>'
        '<a title="href=z.html" href="b.html">b</a>'
    )
    out = absolutize(html, PAGE)
    assert out == html.replace('href="b.html"', 'href="https://blog.test/posts/b.html"')


def test_uppercase_tags_unquoted_values_and_a_greater_than_in_a_quoted_value():
    out = absolutize('<A HREF=x.html TITLE="1 > 0">x</A><img src=/i.png alt="a > b"/>', PAGE)
    assert (
        out
        == '<A HREF="https://blog.test/posts/x.html" TITLE="1 > 0">x</A><img src="https://blog.test/i.png" alt="a > b"/>'
    )


def test_a_malformed_tag_is_passed_through_quickly():
    html = "<a " + "b" * 5000 + '"'
    assert absolutize(html, PAGE) == html


relative_paths = st.lists(
    st.sampled_from(["a", "é", "b c", "..", ".", "x.html", "?q=1", "#f"]), min_size=1, max_size=4
).map("/".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(relative_paths, min_size=1, max_size=5), st.text(alphabet="abc <>&;#é\"'\n", max_size=30))
def test_every_link_comes_out_absolute_and_the_text_is_untouched(paths, text):
    html = "".join(f'<p>{i}</p><a href="{p}">{i}</a>' for i, p in enumerate(paths))
    out = absolutize(html, PAGE)
    hrefs = [v for _, n, v in attributes(out) if n == "href"]
    assert len(hrefs) == len(paths)
    assert all(h.startswith("https://blog.test/") for h in hrefs)
    assert absolutize(out, PAGE) == out  # a second pass changes nothing
    plain = text.replace("<", " ")
    assert absolutize(plain, PAGE) == plain
