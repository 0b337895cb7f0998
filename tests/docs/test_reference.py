"""The settings and command references are generated from the code, and the committed files are current."""

from __future__ import annotations

import pytest

from podium.plugins import settings
from podium.publish.cli import COMMANDS
from tools import docs_ref


@pytest.mark.parametrize("name", sorted(docs_ref.TARGETS))
def test_the_committed_reference_is_what_the_code_generates(name):
    committed = docs_ref.TARGETS[name].read_text(encoding="utf-8")
    assert committed == docs_ref.generate()[name], (
        f"{docs_ref.TARGETS[name]} is out of date: run .venv/bin/python tools/docs_ref.py"
    )


def test_every_setting_appears_once_with_its_default_and_meaning():
    text = docs_ref.settings_markdown()
    for spec in settings.SPECS:
        rows = [line for line in text.splitlines() if line.startswith(f"| `{spec.key}` |")]
        assert len(rows) == 1 and spec.doc.replace("|", "\\|") in rows[0]


def test_a_new_setting_gets_a_row_in_its_own_section(monkeypatch):
    monkeypatch.setattr(
        settings,
        "SPECS",
        [
            *settings.SPECS,
            settings.Spec("PODIUM_REPLIES_ENABLED", True, settings.boolean, "Fetch replies."),
            settings.Spec("PODIUM_REPLIES_LIMIT", 50, settings.integer(1, 500), "Most replies."),
        ],
    )
    text = docs_ref.settings_markdown()
    assert (
        "## Replies\n\n| setting | default | meaning |\n| --- | --- | --- |\n"
        "| `PODIUM_REPLIES_ENABLED` | `True` | Fetch replies. |\n| `PODIUM_REPLIES_LIMIT` | `50` | Most replies. |"
        in text
    )


def test_every_command_and_option_of_the_parser_is_documented():
    text = docs_ref.commands_markdown()
    for name in COMMANDS:
        assert f"\n## podium {name}\n" in text
    assert "\n### podium calendar check\n" in text
    assert (
        "| `-n`, `--network {x,linkedin,mastodon,bluesky,threads,instagram,facebook,pinterest}` | only this network |"
        in text
    )


def test_check_mode_names_a_stale_file_and_fails(tmp_path, monkeypatch, capsys):
    stale = tmp_path / "settings.md"
    stale.write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(docs_ref, "TARGETS", {**docs_ref.TARGETS, "settings": stale})
    monkeypatch.setattr(docs_ref, "ROOT", tmp_path.parent)
    assert docs_ref.main(["--check"]) == 1
    assert (
        f"out of date: {tmp_path.name}/settings.md; run .venv/bin/python tools/docs_ref.py" in capsys.readouterr().err
    )
    assert stale.read_text(encoding="utf-8") == "old\n"
