"""The teaser review set: the sample's posts and ten more, each with the verdict a comms officer would give.

Real production builds (the sample blog, and a site made of ``review_set/*.md``);
the verdicts are in ``review_set/verdicts.yaml``. Every post is also held to
the rules that apply to all: someone else's words are signed, a Bluesky link
is shown short and tracked in its facet, LinkedIn's variants differ in body
and open as their names say, a thread carries no salutation.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from podium.plugins.teasers import counting
from podium.plugins.teasers.facets import LINK
from tests.conftest import REPO, SAMPLE_NOW, _write_site

HERE = Path(__file__).parent / "review_set"
VERDICTS = yaml.safe_load((HERE / "verdicts.yaml").read_text(encoding="utf-8"))
#: closings that claim the quoted words as the author's own
OWN_CLOSINGS = (
    "Pourquoi je le dis",
    "L’argument complet",
    "Je m’en explique",
    "Why I say this",
    "The full argument",
    "I explain why",
)
SALUTATIONS = ("Cher", "Chère", "Mesdames", "Dear", "Bien à vous", "Kind regards")


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def _entries(room: Path) -> dict[tuple[str, str], list[dict]]:
    import json

    found: dict[tuple[str, str], list[dict]] = {}
    for entry in json.loads((room / "data" / "teasers.json").read_text(encoding="utf-8"))["teasers"]:
        found.setdefault((entry["slug"], entry["lang"]), []).append(entry)
    return found


def _fronts(paths) -> dict[tuple[str, str], dict]:
    return {(f["slug"], f["lang"]): f for f in map(_front, paths)}


@pytest.fixture(scope="module")
def mine(tmp_path_factory):
    from pelican.settings import get_settings_from_file

    from podium.publish.build import build

    markdown = get_settings_from_file(str(REPO / "pelicanconf.py"))["MARKDOWN"]
    files = {f"content/posts/{p.name}": p.read_text(encoding="utf-8") for p in HERE.glob("*.md")}
    settings = {
        "MARKDOWN": markdown,
        "PODIUM_LEADER_NAME": "Claire Morel",
        "PODIUM_NETWORKS": ["x", "linkedin", "mastodon", "bluesky"],
    }
    site = _write_site(tmp_path_factory.mktemp("review"), files, settings)
    result = build(site, prod=True, now=SAMPLE_NOW, output=site / "output", comms=site / "comms")
    return _entries(result.comms), _fronts(HERE.glob("*.md"))


@pytest.fixture(scope="module")
def sample(sample_build):
    return _entries(sample_build.comms), _fronts((REPO / "content" / "posts").glob("*.md"))


CASES = [("sample", slug) for slug in VERDICTS["sample"]] + [("mine", slug) for slug in VERDICTS["mine"]]


@pytest.fixture
def review(request, sample, mine):
    """(teasers, front matter, verdict) of the post in its original language (the verdict's ``lang``, else French)."""
    group, slug = request.param
    entries, fronts = sample if group == "sample" else mine
    verdict = VERDICTS[group][slug]
    langs = sorted(lang for s, lang in fronts if s == slug)
    lang = verdict.get("lang") or ("fr" if "fr" in langs else langs[0])
    return entries[(slug, lang)], fronts[(slug, lang)], verdict


@pytest.fixture
def every_language(request, sample, mine):
    """[(teasers, front matter)] of the post in each of its languages."""
    group, slug = request.param
    entries, fronts = sample if group == "sample" else mine
    return [(entries[key], fronts[key]) for key in sorted(fronts) if key[0] == slug]


def _first_lines(entries, network, variant):
    return [_plain(e["text"].split("\n", 1)[0]) for e in entries if e["network"] == network and e["variant"] == variant]


@pytest.mark.parametrize("review", CASES, indirect=True, ids=[s for _, s in CASES])
def test_each_post_gets_the_verdict_a_comms_officer_expects(review):
    entries, front, verdict = review
    texts = [_plain(e["text"]) for e in entries]
    if "variants" in verdict:
        assert [e["variant"] for e in entries if e["network"] == "x"] == verdict["variants"]
    if verdict.get("speaker"):
        quotes = [e for e in entries if e["variant"] == "quote"]
        assert quotes and all(f"— {verdict['speaker']}" in e["text"] for e in quotes)
        assert not any(closing in e["text"] for e in quotes for closing in OWN_CLOSINGS)
    if verdict.get("own_quote"):
        quotes = [e for e in entries if e["variant"] == "quote"]
        assert quotes and not any("—" in e["text"] for e in quotes)
    if "figure" in verdict:
        lines = _first_lines(entries, "mastodon", "figure")
        assert lines == ([] if verdict["figure"] is None else [lines[0]]) and all(
            line.startswith(_plain(verdict["figure"])) for line in lines
        )
    if "question" in verdict:
        assert _first_lines(entries, "x", "question") == [verdict["question"]]
    for words in verdict.get("never", []):
        assert not any(words in text for text in texts), words
    for words in verdict.get("never_first", []):
        assert not any(text.startswith(words) for text in texts), words
    if verdict.get("thread"):
        (thread,) = [e for e in entries if e["variant"] == "thread"]
        assert not any(part["text"].startswith(SALUTATIONS) for part in thread["parts"])
    if verdict.get("whole_quote_on_bluesky"):
        (quote,) = [e for e in entries if e["network"] == "bluesky" and e["variant"] == "quote"]
        assert (
            f"« {verdict['whole_quote_on_bluesky']} »" in _plain(quote["text"])
            or f"“{verdict['whole_quote_on_bluesky']}”" in quote["text"]
        )


@pytest.mark.parametrize("every_language", CASES, indirect=True, ids=[s for _, s in CASES])
def test_bluesky_teasers_show_the_link_short_and_track_it_in_the_facet(every_language):
    for entry in (e for entries, _ in every_language for e in entries if e["network"] == "bluesky"):
        assert "utm_" not in entry["text"]
        links = [f["features"][0]["uri"] for f in entry["facets"] if f["features"][0]["$type"] == LINK]
        assert links == [entry["url"]] and "utm_source=bluesky" in entry["url"]
        assert entry["length"] == counting.graphemes(entry["text"]) <= 300


@pytest.mark.parametrize("every_language", CASES, indirect=True, ids=[s for _, s in CASES])
def test_linkedin_variants_differ_in_body_and_open_as_their_names_say(every_language):
    for entries, front in every_language:
        _linkedin_as_named(entries, front)


def _linkedin_as_named(entries, front) -> None:
    linkedin = [e for e in entries if e["network"] == "linkedin" and not e["by_author"]]
    bodies = [e["text"].split("\n\n")[1] for e in linkedin]
    assert len(set(bodies)) == len(bodies)
    for entry in linkedin:
        first = _plain(entry["text"].split("\n", 1)[0])
        if entry["variant"] == "title":
            assert first == _plain(front["title"])
        if entry["variant"] == "hook" and front.get("summary"):
            assert first == _plain(front["summary"]).replace("'", "’")
