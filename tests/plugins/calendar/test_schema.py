"""The shipped JSON Schema agrees with the loader, so editors flag what podium would refuse."""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
import yaml

from podium.plugins.calendar import entries_reader, loader

REPO = Path(__file__).resolve().parents[3]
SCHEMA = json.loads((files("podium.plugins.calendar") / "calendar.schema.json").read_text(encoding="utf-8"))


class Yaml12Loader(yaml.SafeLoader):
    """YAML as the editors' language server reads it (1.2 core): dates and 09:00 stay strings."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:timestamp",)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def as_editor_sees(text: str):
    return yaml.load(text, Loader=Yaml12Loader)


def validate(text: str) -> list[str]:
    validator = jsonschema.Draft7Validator(SCHEMA)
    return sorted(e.message for e in validator.iter_errors(as_editor_sees(text)))


def test_the_schema_is_a_valid_draft_7_schema():
    jsonschema.Draft7Validator.check_schema(SCHEMA)


def test_the_sample_calendar_passes_and_names_the_schema_in_its_modeline():
    text = (REPO / "content" / "calendar.yaml").read_text(encoding="utf-8")
    assert validate(text) == []
    modeline = re.match(r"# yaml-language-server: \$schema=(\S+)\n", text)
    assert modeline, "the sample starts with the yaml-language-server modeline"
    assert (REPO / "content" / modeline[1]).resolve() == (
        REPO / "plugins" / "calendar" / "calendar.schema.json"
    ).resolve()


def test_the_schema_knows_exactly_the_keys_the_loader_knows():
    props = SCHEMA["properties"]
    entry = props["posts"]["additionalProperties"]["properties"]
    assert tuple(props) == loader.TOP
    assert tuple(entry) == entries_reader.ENTRY_KEYS
    assert tuple(entry["approvals"]["items"]["properties"]) == entries_reader.APPROVAL_KEYS
    assert tuple(entry["networks"]["properties"]["x"]["oneOf"][1]["properties"]) == entries_reader.PLAN_KEYS
    rules = props["networks"]["properties"]["x"]["properties"]
    assert tuple(rules) == loader.NETWORK_KEYS
    assert tuple(rules["slots"]["items"]["properties"]) == loader.SLOT_KEYS
    assert tuple(props["quiet_periods"]["items"]["properties"]) == loader.QUIET_KEYS
    assert tuple(props["reshare"]["properties"]) == loader.RESHARE_KEYS


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("timezone: UTC\nposts:\n  a:\n    stauts: idea\n", "'status' is a required property"),
        ("timezone: UTC\nposts:\n  a:\n    status: aproved\n", "'aproved' is not one of"),
        ("timezone: UTC\nposts:\n  a:\n    status: idea\n    publish_at: '09:00'\n", "does not match"),
        ("timezone: UTC\nquiet_periods:\n  - start: 2027-01-01\n", "'end' is a required property"),
        ("posts: {}\n", "'timezone' is a required property"),
    ],
)
def test_the_schema_flags_common_mistakes(text, fragment):
    assert any(fragment in message for message in validate(text)), validate(text)
