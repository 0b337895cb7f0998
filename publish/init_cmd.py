"""Create a fresh podium site in a folder."""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from podium.plugins.i18n import _


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", help=_("the folder to create (it must not exist or must be empty)"))
    parser.add_argument("--name", default="Prénom Nom", help=_("the leader's name (default: a placeholder)"))
    parser.add_argument("--lang", default="fr", choices=("fr", "en"), help=_("main language (default fr)"))


#: skeleton names that become dotfiles (a package's data files are best without a leading dot)
DOTTED = {"github": ".github", "gitignore": ".gitignore", "gitlab-ci.yml": ".gitlab-ci.yml"}


def render(skeleton: Path, target: Path, values: dict[str, str]) -> None:
    """Copy the skeleton, filling placeholders; '.tmpl' files lose their suffix."""
    for source in sorted(skeleton.rglob("*")):
        if source.is_dir() or "__pycache__" in source.parts:
            continue
        rel = source.relative_to(skeleton)
        rel = Path(DOTTED.get(rel.parts[0], rel.parts[0]), *rel.parts[1:])
        dest = target / str(rel).removesuffix(".tmpl")
        dest.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8")
        if source.suffix in (".tmpl", ".md"):
            text = text.format(**values) if source.suffix == ".tmpl" else text.replace("{date}", values["date"])
        dest.write_text(text, encoding="utf-8")


def _requirement() -> str:
    """The podium CI should install: this very version."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"podium=={version('podium')}"
    except PackageNotFoundError:
        return "podium"


def run(args: argparse.Namespace) -> int:
    from podium.plugins.errors import BadInput

    target = Path(args.dir).resolve()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise BadInput(_("{dir} exists and is not empty; choose a new folder name", dir=args.dir))
    skeleton = Path(str(resources.files("podium.publish") / "skeleton"))
    values = {
        "name": args.name.replace('"', "'"),
        "lang": args.lang,
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M"),
        "requirement": _requirement(),
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}.init-", dir=target.parent))
    try:
        render(skeleton, scratch, values)
        if target.exists():
            target.rmdir()
        os.replace(scratch, target)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    print(
        _(
            "Created a podium site in {dir}. Next: cd {dir} && podium serve; "
            "before it goes live, work through {dir}/MAKE-IT-YOURS.md",
            dir=args.dir,
        )
    )
    return 0
