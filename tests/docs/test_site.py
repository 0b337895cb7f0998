"""The documentation: the MkDocs site builds offline with no warning, and the README stays short and linked."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import REPO

pytest.importorskip("mkdocs", reason="MkDocs is a dev extra: run `make .venv/.installed-dev`")


def test_docs_site_builds_strict_with_no_warning_and_no_broken_link(tmp_path):
    # strict + validation in mkdocs.yml: a broken page link or anchor is a warning, and a warning fails
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-q",
            "-f",
            str(REPO / "mkdocs.yml"),
            "-d",
            str(tmp_path / "site"),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert run.returncode == 0, run.stderr
    assert "WARNING" not in run.stderr
    assert (tmp_path / "site" / "reference" / "settings.html").exists()


def test_docs_site_loads_nothing_from_outside(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(REPO / "mkdocs.yml"), "-d", str(tmp_path)],
        check=True,
        cwd=REPO,
    )
    pages = list(tmp_path.rglob("*.html"))
    outside = {
        m
        for page in pages
        for m in re.findall(
            r'<(?:script|link|img)[^>]+(?:src|href)="(https?://[^"]+)"', page.read_text(encoding="utf-8")
        )
    }
    assert pages and outside == set()


def test_readme_is_short_and_every_link_in_it_leads_to_a_file():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert len(text.splitlines()) < 150
    targets = re.findall(r"\]\(((?!https?://)[^)#\s]+)", text)
    assert {
        "docs/writing.md",
        "docs/ecrire.md",
        "docs/comms.md",
        "docs/publishing.md",
        "docs/themes.md",
        "docs/reference/settings.md",
        "docs/images/post.png",
        "docs/images/social-kit.png",
    } <= set(targets)
    assert [t for t in targets if not (REPO / t).is_file()] == []
