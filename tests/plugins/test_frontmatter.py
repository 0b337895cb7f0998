from datetime import date, datetime

import pytest

from podium.plugins import frontmatter as fm
from podium.plugins.errors import BadInput

POST = """---
title: « Bonjour »
date: 2026-09-14 08:30
lang: fr
tags: [énergie, leadership]
teasers:
  x: Un texte
---
Le corps.
"""


def test_split_keeps_nested_blocks_and_lines():
    parsed = fm.split(POST, "p.md")
    assert parsed.meta["title"] == "« Bonjour »"
    assert parsed.meta["teasers"] == {"x": "Un texte"}
    assert parsed.lines == {"title": 2, "date": 3, "lang": 4, "tags": 5, "teasers": 6}
    assert parsed.body == "Le corps.\n"
    assert parsed.body_line == 9


def test_no_front_matter_is_left_to_pelican():
    parsed = fm.split("Title: x\n\nbody", "p.md")
    assert parsed.yaml is False and parsed.meta == {}


def test_unclosed_front_matter():
    with pytest.raises(BadInput) as exc:
        fm.split("---\ntitle: x\nbody\n", "p.md")
    assert (
        str(exc.value)
        == "p.md:1: the front matter opened with '---' is never closed; add a line '---' after the last metadata line"
    )


def test_yaml_error_points_at_line_and_column():
    with pytest.raises(BadInput) as exc:
        fm.split("---\ntitle: x\ndate: [2026\n---\n", "p.md")
    assert str(exc.value).startswith("p.md:4:1: the front matter is not valid YAML (")


def test_tab_indentation():
    with pytest.raises(BadInput) as exc:
        fm.split("---\ntitle: x\nteasers:\n\tx: y\n---\n", "p.md")
    assert str(exc.value) == "p.md:4: a tab is used for indentation in the front matter; indent with spaces"


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2026-09-14 08:30", datetime(2026, 9, 14, 8, 30)),
        (date(2026, 9, 14), datetime(2026, 9, 14)),
        ("2026/09/14", datetime(2026, 9, 14)),
        ("14 septembre", None),
        ("2026-13-01", None),
    ],
)
def test_parse_date(value, expected):
    assert fm.parse_date(value) == expected


def test_check_reports_every_problem_with_its_line():
    meta = {"date": "demain", "lang": "de", "status": "drafts"}
    lines = {"date": 2, "lang": 3, "status": 4}
    got = [str(e) for e in fm.check(meta, lines, "p.md", ("fr", "en"))]
    assert got == [
        "p.md:2: the post has no title; add a line 'title: Your title' to the front matter",
        "p.md:2: the date 'demain' cannot be read; write it as 2026-09-14 or 2026-09-14 08:30",
        "p.md:3: unknown language 'de'; write 'lang: fr' or 'lang: en'",
        "p.md:4: unknown status 'drafts'; did you mean 'draft'?",
    ]


def test_check_accepts_a_good_post():
    meta = fm.split(POST, "p.md")
    assert fm.check(meta.meta, meta.lines, "p.md", ("fr", "en")) == []


def test_a_misspelled_key_gets_did_you_mean():
    meta = {"title": "A", "categorie": "Énergie", "tag": ["x"], "mood": "calme"}
    found = fm.misspelled(meta, {"title": 2, "categorie": 3, "tag": 4, "mood": 5}, "content/posts/a.md")
    assert [str(p) for p in found] == [
        "content/posts/a.md:3: unknown key 'categorie', so it is ignored; did you mean 'category'?",
        "content/posts/a.md:4: unknown key 'tag', so it is ignored; did you mean 'tags'?",
    ]  # 'mood' is the author's own metadata: Pelican allows any key


def test_a_build_warns_about_a_misspelled_key(make_site, run_build):
    from podium.publish.build import build
    from tests.conftest import post

    site = make_site({"content/posts/a.md": post("A", slug="a", categorie="Énergie")})
    result = build(site, output=site / "output")
    assert [str(w) for w in result.warnings] == [
        "content/posts/a.md:6: unknown key 'categorie', so it is ignored; did you mean 'category'?"
    ]


def test_an_alias_bomb_in_the_front_matter_is_refused_at_its_first_alias():
    from .test_bounded import BOMB

    with pytest.raises(BadInput) as caught:
        fm.split(f"---\ntitle: T\n{BOMB}---\nbody\n", "content/posts/a.md")
    assert str(caught.value) == (
        "content/posts/a.md:4:8: '*a' repeats a value written elsewhere (a YAML alias); "
        "podium does not accept aliases: write the value out in full"
    )


def test_a_date_yaml_cannot_build_is_an_error_at_its_line():
    with pytest.raises(BadInput) as caught:
        fm.split("---\ntitle: T\ndate: 2026-02-30\n---\nbody\n", "content/posts/a.md")
    assert str(caught.value) == (
        "content/posts/a.md:3:7: the value cannot be read (day is out of range for month); "
        "write it as plain text between quotes, or correct it"
    )
