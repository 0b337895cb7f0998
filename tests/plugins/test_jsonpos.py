"""The line of a value inside a JSON text, found by its path."""

from __future__ import annotations

import json

import pytest

from podium.plugins.jsonpos import line_of

TEXT = json.dumps(
    {
        "version": 1,
        "slug": "a",
        "threads": [
            {"network": "x", "text": 'a "quoted" [bracket] {brace}'},
            {"network": "y", "replies": [{"id": 1}, {"id": 3, "author": None}]},
        ],
    },
    indent=1,
)


@pytest.mark.parametrize(
    "path, text, record",
    [
        (["slug"], '"slug": "a"', False),
        (["threads", 1], '"network": "y"', True),
        (["threads", 1, "replies", 1], '"id": 3', True),
        (["threads", 1, "replies", 1, "author"], '"author": null', False),
    ],
)
def test_a_value_is_found_past_strings_that_look_like_json(path, text, record):
    lines = TEXT.splitlines()
    holding = next(n for n, line in enumerate(lines, 1) if text in line)
    # a record starts on the line of its brace, the line before its first key
    assert line_of(TEXT, path) == holding - (1 if record else 0)


def test_a_path_that_is_not_there_stops_where_the_walk_stopped_and_broken_text_is_line_1():
    assert line_of(TEXT, ["threads", 7]) == TEXT.splitlines().index(' "threads": [') + 1
    assert line_of(TEXT, ["nothing"]) == 1
    assert line_of('{"a": [1, 2', ["a", 5]) == 1
    assert line_of("", ["a"]) == 1
