"""Pelican's logged errors about a content file, said as podium says them (path:line: what; how to fix)."""

from __future__ import annotations

from podium.publish.pelican_log import explain


def _project(tmp_path):
    (tmp_path / "content" / "pages").mkdir(parents=True)
    (tmp_path / "content" / "pages" / "p.rst").write_text(
        "P\n#\n\n:date: 2026-01-01\n:save_as: ../x.html\n:status: gone\n"
    )
    return str(tmp_path), str(tmp_path / "content")


def test_a_missing_property_points_at_the_file_and_says_what_to_add(tmp_path):
    root, content = _project(tmp_path)
    found = explain("Skipping content/pages/p.rst: could not find information about 'title'", root, content)
    assert str(found) == (
        "content/pages/p.rst:1: Pelican skipped this file: it has no 'title'; add it to the file's "
        "metadata, e.g. 'title: Your title'"
    )


def test_a_save_as_outside_the_output_points_at_its_line(tmp_path):
    root, content = _project(tmp_path)
    found = explain(
        "Skipping content/pages/p.rst: file '../x.html' would be written outside output path", root, content
    )
    assert str(found) == (
        "content/pages/p.rst:5: 'save_as: ../x.html' would be written outside the output folder; "
        "give a path inside it, such as 'about.html'"
    )


def test_an_unknown_status_points_at_its_line(tmp_path):
    root, content = _project(tmp_path)
    found = explain(
        "Unknown status 'gone' for file content/pages/p.rst, skipping it. (Not in ['published', 'hidden'])",
        root,
        content,
    )
    assert str(found) == "content/pages/p.rst:6: unknown status 'gone'; expected one of: published, draft, hidden"


def test_a_file_pelican_could_not_read_is_named_from_the_project(tmp_path):
    root, content = _project(tmp_path)
    found = explain("Could not process pages/p.rst", root, content)
    assert str(found) == (
        "content/pages/p.rst:1: Pelican could not read this file; check its markup and metadata "
        "against the other posts (run 'pelican content --debug' to see why)"
    )


def test_any_other_message_is_kept_as_pelican_wrote_it(tmp_path):
    root, content = _project(tmp_path)
    assert str(explain('Failed to write Tag page for "x".', root, content)) == 'Failed to write Tag page for "x".'
