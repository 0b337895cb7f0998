"""The bounded YAML and JSON readers: refusals are path:line errors, good files read as before."""

from __future__ import annotations

import pytest
import yaml

from podium.plugins import bounded
from podium.plugins.errors import BadInput

#: nine levels of nine aliases each: a few hundred bytes that stand for 9**9 strings
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)
SMALL = bounded.Limits("the test file", 200, 4)


def refusal(call, *args, **kwargs) -> str:
    with pytest.raises(BadInput) as caught:
        call(*args, **kwargs)
    return str(caught.value)


def test_an_alias_bomb_is_refused_at_the_first_alias():
    assert refusal(bounded.load_yaml, BOMB, "f.yaml") == (
        "f.yaml:2:8: '*a' repeats a value written elsewhere (a YAML alias); podium does not accept aliases: "
        "write the value out in full"
    )


def test_line_numbers_count_from_first_line():
    assert refusal(bounded.compose, "title: T\nx: &v 1\ny: *v\n", "post.md", first_line=2).startswith(
        "post.md:4:4: '*v' repeats a value"
    )


def test_an_anchor_without_alias_is_harmless():
    assert bounded.load_yaml("a: &x 1\nb: 2\n", "f.yaml") == {"a": 1, "b": 2}


@pytest.mark.parametrize(
    "text, where",
    [
        ("a: [[[[[1]]]]]\n", "f.yaml:1:7"),
        ("a:\n  b:\n    c:\n      d:\n        e: 1\n", "f.yaml:5:9"),
        ("- - - - - x\n", "f.yaml:1:9"),
    ],
)
def test_nesting_past_the_limit_is_refused_where_it_starts(text, where):
    assert refusal(bounded.load_yaml, text, "f.yaml", SMALL) == (
        f"{where}: the test file nests deeper than 4 levels; flatten it (podium's files need only a few levels)"
    )


def test_nesting_at_the_limit_is_read():
    assert bounded.load_yaml("a: [[[1]]]\n", "f.yaml", SMALL) == {"a": [[[1]]]}


def test_a_hundred_thousand_brackets_neither_crash_nor_hang():
    message = refusal(bounded.load_yaml, "a: " + "[" * 100_000, "f.yaml")
    assert message.startswith("f.yaml:1:") and "nests deeper than 20 levels" in message


def test_the_event_composer_gives_the_same_tree_as_libyaml():
    text = "a: [1, {b: c}]\nd: |\n  text\n'e': !!str 5\nf: {g: [h, i]}\n"
    fast = yaml.compose(text, Loader=yaml.SafeLoader)
    ours = bounded._compose_events(text, "f.yaml", bounded.DEFAULT, 1)
    assert yaml.serialize(ours) == yaml.serialize(fast)


def test_size_is_checked_before_parsing():
    assert refusal(bounded.compose, "a: b\n" * 100, "f.yaml", SMALL, first_line=2) == (
        "f.yaml:1: the test file is 500 bytes, over the 200 bytes podium reads; split it or remove what is not needed"
    )


def test_a_file_over_the_limit_is_not_read(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: b\n" * 100)
    assert refusal(bounded.read_text, path, "big.yaml", SMALL) == (
        "big.yaml:1: the test file is 500 bytes, over the 200 bytes podium reads; split it or remove what is not needed"
    )


def test_bad_utf8_points_at_its_line_and_column(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("a: b\ntitre: été\n".encode("latin-1"))
    assert refusal(bounded.read_text, path, "latin1.yaml", bounded.DEFAULT) == (
        "latin1.yaml:2:8: the file is not UTF-8 text (byte 0xe9); save it as UTF-8 in your editor"
    )


@pytest.mark.parametrize(
    "text, reason",
    [
        ("date: 2026-13-45\n", "month must be in 1..12"),
        ("n: " + "1" * 5000 + "\n", "a number of more than 4,300 digits"),
    ],
)
def test_a_value_yaml_cannot_build_is_an_error_at_its_line(text, reason):
    assert refusal(bounded.load_yaml, "ok: 1\n" + text, "f.yaml") == (
        f"f.yaml:2:{text.index(' ') + 2}: the value cannot be read ({reason}); "
        "write it as plain text between quotes, or correct it"
    )


def test_a_syntax_error_is_left_to_the_caller_by_compose_and_worded_by_load_yaml():
    with pytest.raises(yaml.MarkedYAMLError):
        bounded.compose("a: [1\nb", "f.yaml")
    assert refusal(bounded.load_yaml, "a: [1\nb", "f.yaml") == (
        "f.yaml:3:1: the YAML cannot be read (did not find expected ',' or ']'); check this line and the one "
        "above for a missing colon, an unclosed quote or a wrong indentation"
    )


def test_json_limits():
    limits = bounded.Limits("the ledger", 1000, 3)
    assert bounded.load_json('{"a": [{"b": 1}]}', "l.json", limits) == {"a": [{"b": 1}]}
    assert refusal(bounded.load_json, '{"a": [{"b": [1]}]}', "l.json", limits) == (
        "l.json:1: the ledger nests deeper than 3 levels; restore it from git"
    )
    assert bounded.load_json('{"a": "[[[[[["}', "l.json", limits) == {"a": "[[[[[["}  # text, not nesting


def test_json_deeper_than_python_recursion_is_refused_with_its_line():
    text = '{"ok": 1,\n"deep": ' + "[" * 100_000 + "]" * 100_000 + "}"
    assert (
        refusal(bounded.load_json, text, "l.json")
        == "l.json:2: the file nests deeper than 20 levels; restore it from git"
    )


def test_json_syntax_and_huge_numbers():
    assert refusal(bounded.load_json, '{"a": }', "l.json", fix="fix it") == (
        "l.json:1:7: the file is not valid JSON (Expecting value); fix it"
    )
    assert refusal(bounded.load_json, "1" * 5000, "l.json") == (
        "l.json:1: the file holds a number of more than 4,300 digits; restore it from git"
    )


@pytest.mark.parametrize(
    "text, start",
    [
        (BOMB, "f.yaml:2:8: '*a' repeats a value"),
        ("a: " + "[" * 100_000, "f.yaml:1:23: the file nests deeper than 20 levels"),
        ("- " * 100_000 + "x", "f.yaml:1:41: the file nests deeper than 20 levels"),
    ],
)
def test_without_libyaml_the_event_composer_refuses_the_same(monkeypatch, text, start):
    monkeypatch.setattr(bounded, "_NATIVE_BOUNDED", False)
    monkeypatch.setattr(bounded, "_EVENTS", yaml.SafeLoader)
    assert refusal(bounded.load_yaml, text, "f.yaml").startswith(start)
    assert bounded.load_yaml("a: [1, {b: c}]\n", "f.yaml") == {"a": [1, {"b": "c"}]}
