"""Fuzzed PODIUM_* settings through Pelican's settings reader and podium's validation, as a build reads them."""

from __future__ import annotations

import contextlib

from hypothesis import example, given, settings
from hypothesis import strategies as st

from podium.plugins import context as context_mod
from podium.plugins.settings import SPECS
from podium.publish.build import read_settings

from .invariant import refused_cleanly
from .profiles import examples
from .strategies import TRICKY, python_literal, values

KEYS = [spec.key for spec in SPECS]
near = {spec.key: st.one_of(st.just(spec.default), values, st.sampled_from(TRICKY)) for spec in SPECS}
chosen = st.lists(st.sampled_from(KEYS), max_size=6, unique=True).flatmap(
    lambda keys: st.fixed_dictionaries({key: near[key] for key in keys})
)


def _read(project):
    """As ``podium build`` run in the project folder reads them (the folder the messages name files from)."""
    with contextlib.chdir(project):
        raw, path = read_settings(project)
        return context_mod.create(raw, source=path.name, root=str(project))


@settings(max_examples=examples(40))
@given(chosen=chosen)
@example(chosen={"PODIUM_NETWORKS": ["twitter"], "PODIUM_CARDS_ACCENT": "#12", "PODIUM_TEASERS_VARIANTS": -1})
def test_fuzzed_settings_are_taken_or_refused_with_their_lines(project, chosen):
    root, _ = project
    base = (root / "pelicanconf.py").read_text(encoding="utf-8").split("# fuzzed\n")[0]
    lines = [f"{key} = {python_literal(value)}" for key, value in chosen.items()]
    (root / "pelicanconf.py").write_text(base + "# fuzzed\n" + "\n".join(lines) + "\n", encoding="utf-8")
    try:
        refused_cleanly(_read, root)
    finally:
        (root / "pelicanconf.py").write_text(base, encoding="utf-8")
