"""The problems `podium check` lists for a post's images and card, as exact path:line texts."""

from podium.plugins.images import checks, markup

WHERE = "content/posts/rentree.md"
LINES = {"title": 2, "card_image": 5, "card_focus": 6, "decorative_images": 7}
SOURCE = "---\ntitle: x\n---\n\nIntro\n\n![](images/a.jpg)\n\n![Filet](images/rule.png)\n"


def lines_for(ref):
    return checks.line_finder(SOURCE, {"title": 2})(ref)


def test_missing_alt_names_the_post_line_and_the_fix():
    images = markup.find_images('<img alt="" src="images/a.jpg"><img alt="Filet" src="images/rule.png">')
    problems = checks.missing_alt(images, set(), "", WHERE, lines_for)
    assert [str(p) for p in problems] == [
        "content/posts/rentree.md:7: image 'images/a.jpg' has no alt text; describe it in the brackets of ![...](...), "
        "or list it under 'decorative_images:' in the front matter if it is only decoration"
    ]


def test_decorative_images_accepts_paths_and_file_names():
    found, problems = checks.decorative_list({"decorative_images": ["/images/a.jpg", "rule.png"]}, WHERE, LINES)
    assert problems == [] and {"images/a.jpg", "rule.png"} <= found
    images = markup.find_images('<img alt="" src="{static}/images/a.jpg"><img src="/images/rule.png">')
    assert checks.missing_alt(images, found, "posts", WHERE, lines_for) == []


def test_decorative_images_of_the_wrong_shape():
    _, problems = checks.decorative_list({"decorative_images": {"a": 1}}, WHERE, LINES)
    assert [str(p) for p in problems] == [
        "content/posts/rentree.md:7: decorative_images: expected a list of image paths such as [images/rule.png]; received {'a': 1}"
    ]


def test_card_image_outside_content():
    rel, problems = checks.card_image({"card_image": "../../etc/passwd"}, WHERE, LINES)
    assert rel is None
    assert [str(p) for p in problems] == [
        "content/posts/rentree.md:5: card_image '../../etc/passwd' points outside content/; give a path under content/, such as images/card.jpg"
    ]


def test_card_image_web_address_and_wrong_type():
    _, problems = checks.card_image({"card_image": "https://cdn.test/a.jpg"}, WHERE, LINES)
    assert str(problems[0]) == (
        "content/posts/rentree.md:5: card_image 'https://cdn.test/a.jpg' is a web address; "
        "copy the image under content/ and give its path, such as images/card.jpg"
    )
    _, problems = checks.card_image({"card_image": 3}, WHERE, LINES)
    assert (
        str(problems[0])
        == "content/posts/rentree.md:5: card_image: expected a path under content/ such as images/card.jpg; received 3"
    )


def test_card_image_path_is_taken_from_content():
    assert checks.card_image({"card_image": "{static}/images/c.jpg"}, WHERE, LINES) == ("images/c.jpg", [])
    assert checks.card_image({}, WHERE, LINES) == (None, [])


def test_card_focus():
    assert checks.card_focus({"card_focus": [0.25, 1]}, WHERE, LINES) == ((0.25, 1.0), [])
    assert checks.card_focus({}, WHERE, LINES) == ((0.5, 0.5), [])
    for bad in ([1.5, 0], [0.5], "0.5, 0.5", [True, 0]):
        focus, problems = checks.card_focus({"card_focus": bad}, WHERE, LINES)
        assert focus == (0.5, 0.5)
        assert str(problems[0]) == (
            f"content/posts/rentree.md:6: card_focus: expected [x, y] with numbers from 0 to 1, "
            f"such as [0.5, 0.3]; received {bad!r}"
        )


def test_post_problems_lists_everything_a_check_finds_without_the_disk():
    html = '<p><img alt="" src="{static}/images/a.jpg"></p><p><img alt="Filet" src="../../../etc/x.png"></p>'
    source = "---\ntitle: x\ncard_focus: [3, 3]\n---\n\n![]({static}/images/a.jpg)\n\n![Filet](../../../etc/x.png)\n"
    problems = checks.post_problems(html, {"card_focus": [3, 3]}, {"title": 2, "card_focus": 3}, source, WHERE, "posts")
    assert [str(p) for p in problems] == [
        "content/posts/rentree.md:6: image '{static}/images/a.jpg' has no alt text; describe it in the brackets of ![...](...), "
        "or list it under 'decorative_images:' in the front matter if it is only decoration",
        "content/posts/rentree.md:3: card_focus: expected [x, y] with numbers from 0 to 1, such as [0.5, 0.3]; received [3, 3]",
        "content/posts/rentree.md:8: image '../../../etc/x.png' points outside content/; use a path under content/, "
        "such as {static}/images/photo.jpg",
    ]
