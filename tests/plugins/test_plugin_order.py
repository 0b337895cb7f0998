"""The order podium's capabilities are registered in does not matter: each reads what it needs at a later signal.

Signals are connected once per process, so each order is built in a
subprocess of its own, from a copy of the sample blog, and the two outputs
are compared byte for byte.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import REPO, SAMPLE_NOW

BUILD = """
import sys
from pathlib import Path
import podium.plugins as plugins
if sys.argv[2] == "reversed":
    plugins.CAPABILITIES = tuple(reversed(plugins.CAPABILITIES))
from podium.publish.build import build
build(Path(sys.argv[1]), prod=True, now=sys.argv[3], output=Path(sys.argv[1]) / ("output-" + sys.argv[2]),
      overrides={"THEME": sys.argv[4]})
"""


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.xdist_group("plugin-order")
def test_reversed_registration_builds_the_same_site(tmp_path):
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(REPO / name, tmp_path / name)
    shutil.copytree(REPO / "content", tmp_path / "content")
    theme = str(REPO / "themes" / "podium")
    for order in ("listed", "reversed"):
        subprocess.run(
            [sys.executable, "-c", BUILD, str(tmp_path), order, SAMPLE_NOW, theme],
            check=True,
            capture_output=True,
            timeout=600,
        )
    listed, backwards = _files(tmp_path / "output-listed"), _files(tmp_path / "output-reversed")
    assert "index.html" in listed and "feeds/all.atom.xml" in listed and "sitemap.xml" in listed
    assert sorted(listed) == sorted(backwards)
    assert [name for name in listed if listed[name] != backwards[name]] == []
