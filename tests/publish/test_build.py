"""podium's build into the output folder: only changed bytes are written, caches never change the result."""

import os
import shutil

import pytest

from podium.plugins.errors import PodiumError
from podium.publish.build import build
from tests.conftest import SAMPLE_NOW, post


def snapshot(root):
    """path -> (bytes, inode, mtime_ns) for every file under root."""
    found = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            info = os.stat(path)
            with open(path, "rb") as handle:
                found[os.path.relpath(path, root)] = (handle.read(), info.st_ino, info.st_mtime_ns)
    return found


def site_files():
    return {
        "content/posts/a.md": post("Premier billet", slug="a", tags=["énergie"], body="Texte -- du premier billet."),
        "content/posts/b.md": post(
            "Second billet", date="2026-02-10 09:00", slug="b", tags=["énergie"], body="Texte du second."
        ),
        "content/posts/c.md": post("Troisième billet", date="2026-03-10 09:00", slug="c", body="Texte du troisième."),
    }


def test_a_rebuild_with_nothing_changed_rewrites_no_file(make_site):
    site = make_site(site_files())
    build(site, now=SAMPLE_NOW, output=site / "output")
    before = snapshot(site / "output")
    result = build(site, now=SAMPLE_NOW, output=site / "output")
    assert snapshot(site / "output") == before
    assert (result.synced.replaced, result.synced.removed, result.synced.kept) == (0, 0, len(before))
    assert any(p.startswith("cards") for p in before)


def test_an_edit_replaces_the_files_that_show_it_and_keeps_the_rest(make_site):
    site = make_site(site_files())
    build(site, now=SAMPLE_NOW, output=site / "output")
    before = snapshot(site / "output")
    (site / "content/posts/c.md").write_text(
        post("Troisième billet", date="2026-03-10 09:00", slug="c", body="Texte corrigé."), encoding="utf-8"
    )
    build(site, now=SAMPLE_NOW, output=site / "output")
    after = snapshot(site / "output")
    assert "Texte corrigé." in after["c.html"][0].decode()
    assert after["c.html"][1] != before["c.html"][1]
    assert after["a.html"] == before["a.html"]  # same bytes, same inode, same mtime
    assert after["theme/css/podium.css"] == before["theme/css/podium.css"]


def test_a_rebuild_after_deleting_the_caches_gives_the_same_bytes(make_site):
    site = make_site(site_files())
    build(site, now=SAMPLE_NOW, output=site / "first")
    assert (site / ".cache" / "podium" / "parsed").is_dir()
    warm = build(site, now=SAMPLE_NOW, output=site / "warm")
    shutil.rmtree(site / ".cache")
    build(site, now=SAMPLE_NOW, output=site / "cold")
    content = lambda root: {k: v[0] for k, v in snapshot(root).items()}  # noqa: E731
    assert content(site / "cold") == content(site / "first") == content(warm.output)


def test_a_failed_build_leaves_every_output_file_as_it_was(make_site):
    site = make_site(site_files())
    build(site, now=SAMPLE_NOW, output=site / "output")
    before = snapshot(site / "output")
    (site / "content/posts/b.md").write_text(post("B", slug="b", lang="de"), encoding="utf-8")
    with pytest.raises(PodiumError):
        build(site, now=SAMPLE_NOW, output=site / "output")
    assert snapshot(site / "output") == before
    assert [p.name for p in site.iterdir() if p.name.startswith(".output")] == []


def test_the_parsed_post_cache_follows_the_markdown_settings(make_site):
    site = make_site(site_files())
    build(site, now=SAMPLE_NOW, output=site / "output")
    assert "Texte -- du premier" in (site / "output/a.html").read_text(encoding="utf-8")
    conf = site / "pelicanconf.py"
    conf.write_text(conf.read_text() + "MARKDOWN = {'extension_configs': {'markdown.extensions.smarty': {}}}\n")
    build(site, now=SAMPLE_NOW, output=site / "output")
    assert "Texte &ndash; du premier" in (site / "output/a.html").read_text(encoding="utf-8")


def test_a_damaged_cache_entry_is_parsed_again(make_site):
    site = make_site(site_files())
    build(site, now=SAMPLE_NOW, output=site / "first")
    for path in (site / ".cache" / "podium" / "parsed").rglob("parsed.pickle"):
        path.write_bytes(b"not a pickle")
    result = build(site, now=SAMPLE_NOW, output=site / "second")
    assert {k: v[0] for k, v in snapshot(result.output).items()} == {
        k: v[0] for k, v in snapshot(site / "first").items()
    }


def test_build_of_a_project_elsewhere_writes_into_that_projects_output_not_the_current_folder(make_site, tmp_path):
    import subprocess
    import sys

    site = make_site(site_files())  # pelicanconf.py sets no OUTPUT_PATH: Pelican's default 'output' applies
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    run = subprocess.run(
        [sys.executable, "-m", "podium.publish.cli", "build", "-C", str(site), "--now", SAMPLE_NOW],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert (site / "output" / "a.html").is_file()
    assert list(elsewhere.iterdir()) == []
