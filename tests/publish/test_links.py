from podium.publish.links import Broken, broken_links


def write(root, name, html):
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")


def test_finds_missing_pages_images_srcset_and_anchors(tmp_path):
    write(
        tmp_path,
        "index.html",
        '<a href="a.html">a</a><a href="https://site.invalid/b/">b</a>'
        '<img src="img/x.jpg" srcset="img/x-480.jpg 480w, img/x-960.jpg 960w" alt="">'
        '<a href="#top">top</a><p id="here"></p><a href="#here">here</a><a href="https://elsewhere.example/">ext</a>',
    )
    write(tmp_path, "a.html", '<a href="../index.html#nowhere-else">x</a><a href="index.html">home</a>')
    write(tmp_path, "img/x.jpg", "x")
    write(tmp_path, "img/x-480.jpg", "x")
    assert broken_links(tmp_path) == [
        Broken("index.html", "https://site.invalid/b/"),
        Broken("index.html", "img/x-960.jpg"),
        Broken("index.html", "#top"),
    ]
    assert str(Broken("a.html", "b.html")) == "a.html: link to b.html leads nowhere; fix the link or restore the page"


def test_site_under_a_sub_path(tmp_path):
    write(tmp_path, "index.html", '<a href="https://ex.org/blog/a.html">a</a><a href="/blog/c.html">c</a>')
    write(tmp_path, "a.html", "")
    assert broken_links(tmp_path, "https://ex.org/blog") == [Broken("index.html", "/blog/c.html")]
