"""The link checker used on built sites finds what is broken, and only that."""

from .pages import ids_of, references, resolve, soup_of

SITEURL = "https://blog.test"


def test_resolve_relative_root_relative_and_absolute_links(tmp_path):
    (tmp_path / "tag").mkdir()
    page = tmp_path / "tag" / "x.html"
    assert resolve(tmp_path, page, "../a.html", SITEURL).file == tmp_path / "a.html"
    assert resolve(tmp_path, page, "/theme/c.css", SITEURL).file == tmp_path / "theme/c.css"
    assert resolve(tmp_path, page, f"{SITEURL}/b%C3%A9.html#top", SITEURL).file == tmp_path / "bé.html"
    assert resolve(tmp_path, page, f"{SITEURL}/", SITEURL).file == tmp_path / "index.html"
    assert resolve(tmp_path, page, "#fn:1", SITEURL).file == page
    assert resolve(tmp_path, page, "https://elsewhere.example/a.html", SITEURL) is None
    assert resolve(tmp_path, page, "mailto:a@b.example", SITEURL) is None


def test_references_cover_links_images_srcsets_and_card_images(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(
        '<html><head><link rel="stylesheet" href="s.css"><meta property="og:image" content="https://blog.test/c.png">'
        '</head><body id="top"><a href="a.html">a</a><img src="i.jpg" srcset="i-1.jpg 1x, i-2.jpg 2x">'
        '<picture><source srcset="i.avif 800w"></picture><span id="x"></span></body></html>',
        encoding="utf-8",
    )
    soup = soup_of(page)
    assert sorted(references(soup)) == sorted(
        ["s.css", "https://blog.test/c.png", "a.html", "i.jpg", "i-1.jpg", "i-2.jpg", "i.avif"]
    )
    assert ids_of(soup) == {"top", "x"}
