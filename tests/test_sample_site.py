"""End-to-end: the repository's own sample blog, built for production as CI would."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
MARKERS = ["EMBARGO-MARKER-DRAFT-7f3a", "EMBARGO-MARKER-FUTURE-91c2", "EMBARGO-MARKER-UNAPPROVED-c4d8"]


def files_containing(root: Path, needle: str) -> list[str]:
    data = needle.encode()
    return [str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and data in p.read_bytes()]


def test_markers_exist_in_the_sources_so_the_search_means_something():
    for marker in MARKERS:
        assert files_containing(REPO / "content", marker), marker


@pytest.mark.parametrize("marker", MARKERS)
def test_no_embargoed_marker_anywhere_in_the_production_output(sample_site_output, marker):
    assert files_containing(sample_site_output, marker) == []


def test_withheld_slugs_are_the_draft_the_future_and_the_unapproved_post(sample_build):
    held = sample_build.ctx.withheld_slugs()
    assert held["recruter-pour-la-transition-apprentissage"] == "draft"
    assert held["vingt-ans-helio-energie"].startswith("scheduled for 2031-06-15")
    assert held["le-bureau-est-un-rendez-vous"] == "calendar status is in_review, not approved"
    assert len(held) == 3
    for slug in held:
        assert files_containing(sample_build.output, f"/{slug}") == [], slug


def test_every_post_not_withheld_is_built(sample_build):
    out = sample_build.output
    slugs = set()
    for source in (REPO / "content/posts").glob("*.md"):
        text = source.read_text(encoding="utf-8")
        slugs.add(next(l.split(":", 1)[1].strip() for l in text.splitlines() if l.startswith("slug:")))
    held = set(sample_build.ctx.withheld_slugs())
    assert held < slugs
    for slug in slugs - held:
        assert list(out.glob(f"{slug}*.html")), slug


def test_build_is_clean_of_warnings(sample_build):
    assert [str(w) for w in sample_build.warnings] == []
