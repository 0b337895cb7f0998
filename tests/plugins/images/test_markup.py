"""Rewriting <img> tags: only the tags change; srcset, sizes, width, height, lazy loading after the first."""

from podium.plugins.images import markup, variants

HTML = (
    "<p>Avant &amp; après</p>\n"
    '<p><img alt="Une centrale" src="https://s.test/images/a.jpg" title="Le matin"></p>\n'
    '<p>Texte</p>\n<img src="https://s.test/images/b.png" alt="Schéma &quot;réseau&quot;" class="wide"/>\n'
    '<picture><source srcset="x.avif"><img src="https://s.test/images/c.jpg" alt="c"></picture>\n'
    '<img src="https://autre.test/d.jpg" alt="ailleurs">\n'
)
SIZES = "(max-width: 46rem) 100vw, 46rem"


def plan(fmt, width, height, name):
    return markup.Plan(width, height, fmt, tuple(variants.plan(fmt, (width, height), (480,))), name)


def test_find_images_gives_positions_lines_and_attributes():
    found = markup.find_images(HTML)
    assert [i.src for i in found] == [
        "https://s.test/images/a.jpg",
        "https://s.test/images/b.png",
        "https://s.test/images/c.jpg",
        "https://autre.test/d.jpg",
    ]
    assert [i.line for i in found] == [2, 4, 5, 6]
    assert [HTML[i.start : i.end][:5] for i in found] == ["<img "] * 4
    assert [i.in_picture for i in found] == [False, False, True, False]
    assert found[1].get("alt") == 'Schéma "réseau"'


def test_rewrite_changes_only_the_planned_tags():
    plans = {0: plan("JPEG", 1000, 600, "a.jpg"), 1: plan("PNG", 800, 400, "b.png"), 2: plan("JPEG", 900, 900, "c.jpg")}
    out = markup.rewrite(HTML, plans, SIZES)
    first, second = out.split("<p>Texte</p>")
    assert first == (
        '<p>Avant &amp; après</p>\n<p><picture><source type="image/webp" srcset="https://s.test/images/a-480w.webp 480w, '
        'https://s.test/images/a-1000w.webp 1000w" sizes="(max-width: 46rem) 100vw, 46rem"><img src="https://s.test/images/a.jpg" '
        'srcset="https://s.test/images/a-480w.jpg 480w, https://s.test/images/a.jpg 1000w" sizes="(max-width: 46rem) 100vw, 46rem" '
        'width="1000" height="600" decoding="async" alt="Une centrale" title="Le matin"></picture></p>\n'
    )
    assert (
        'width="800" height="400" decoding="async" loading="lazy" alt="Schéma &quot;réseau&quot;" class="wide"></picture>'
        in second
    )
    # an author's own <picture> and a web address are left exactly as written
    assert '<picture><source srcset="x.avif"><img src="https://s.test/images/c.jpg" alt="c"></picture>' in second
    assert second.endswith('<img src="https://autre.test/d.jpg" alt="ailleurs">\n')


def test_a_tag_whose_file_name_does_not_match_its_plan_is_left_alone():
    out = markup.rewrite(HTML, {0: plan("JPEG", 1000, 600, "other.jpg")}, SIZES)
    assert out == HTML


def test_small_image_without_variants_still_gets_its_size_and_no_picture():
    tiny = markup.Plan(100, 50, "PNG", (variants.Variant("PNG", 100, 50),), "b.png")
    out = markup.rewrite('<img src="/b.png" alt="b">', {0: tiny}, SIZES)
    assert out == '<img src="/b.png" width="100" height="50" decoding="async" alt="b">'
    out = markup.rewrite('<i>x</i><img src="/b.png" alt="b">', {0: tiny}, SIZES, first_eager=False)
    assert out == '<i>x</i><img src="/b.png" width="100" height="50" decoding="async" loading="lazy" alt="b">'


def test_missing_alt_respects_decorative_lists_and_markup():
    html = (
        '<img src="{static}/images/a.jpg" alt=""><img src="{static}/images/rule.png" alt="">'
        '<img src="x.png"><img src="y.png" alt="" role="presentation"><img src="z.png" alt=" ok ">'
    )
    images = markup.find_images(html)
    path_of = lambda src: src.replace("{static}/", "")  # noqa: E731
    lacking = markup.missing_alt(images, {"images/rule.png"}, path_of)
    assert [i.src for i in lacking] == ["{static}/images/a.jpg", "x.png"]
    lacking = markup.missing_alt(images, {"rule.png", "a.jpg", "x.png"}, path_of)
    assert lacking == []


def test_find_images_skips_comments_and_knows_pictures_lines_and_quoted_brackets():
    from podium.plugins.images.markup import find_images

    html = (
        '<p>x</p>\n<!-- <img src="no.jpg"> -->\n<picture><source srcset="a">'
        '<img src="in.jpg" alt="a > b"></picture>\n<IMG SRC="up.jpg" alt=\'q\'/>'
    )
    found = find_images(html)
    assert [(i.src, i.line, i.in_picture, i.get("alt")) for i in found] == [
        ("in.jpg", 3, True, "a > b"),
        ("up.jpg", 4, False, "q"),
    ]
    assert [html[i.start : i.end] for i in found] == ['<img src="in.jpg" alt="a > b">', "<IMG SRC=\"up.jpg\" alt='q'/>"]
    assert find_images("<p>no image here</p>") == []
