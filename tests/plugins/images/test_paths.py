"""From what an author wrote to a path under content/, refusing anything that leaves it."""

import pytest

from podium.plugins.images import paths


@pytest.mark.parametrize(
    "reference,base,expected",
    [
        ("{static}/images/a.jpg", "posts", "images/a.jpg"),
        ("|static|/images/a.jpg", "posts", "images/a.jpg"),
        ("/images/a%20b.jpg", "posts", "images/a b.jpg"),
        ("{static}photo.jpg", "posts/2026", "posts/2026/photo.jpg"),
        ("../images/a.jpg", "posts", "images/a.jpg"),
        ("{attach}img/./x.png", "posts", "posts/img/x.png"),
        ("https://cdn.test/a.jpg", "posts", None),
        ("//cdn.test/a.jpg", "posts", None),
        ("data:image/png;base64,AAAA", "", None),
        ("", "", None),
        ("{static}", "posts", None),
    ],
)
def test_content_path(reference, base, expected):
    assert paths.content_path(reference, base) == expected


@pytest.mark.parametrize(
    "reference,base",
    [
        ("../../etc/passwd", ""),
        ("../../etc/passwd", "posts"),
        ("{static}/../secret.jpg", ""),
        ("/../../x.jpg", ""),
        ("..", ""),
        ("{static}/..", "posts"),
    ],
)
def test_outside_content_is_refused(reference, base):
    with pytest.raises(paths.Outside):
        paths.content_path(reference, base)


def test_line_of_finds_the_reference_after_the_front_matter():
    source = "---\ntitle: a.jpg\n---\n\nTexte\n\n![Photo]({static}/images/a.jpg)\n"
    assert paths.line_of(source, "{static}/images/a.jpg", after=3) == 7
    assert paths.line_of(source, "https://s.test/images/a.jpg", after=3) == 7  # by file name
    assert paths.line_of(source, "b.jpg") is None
