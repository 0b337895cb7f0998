"""PODIUM_* settings: each parser's exact message, every error reported at once, defaults in one place."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from podium.plugins import settings
from podium.plugins.errors import ManyErrors
from podium.plugins.settings import Invalid


def message(parse, value) -> str:
    with pytest.raises(Invalid) as info:
        parse(value)
    return str(info.value)


@pytest.mark.parametrize(
    "parse, value, expected",
    [
        (settings.boolean, "yes", "expected True or False; received 'yes'"),
        (settings.text, 3, "expected a string; received 3"),
        (settings.integer(1, 10), "5", "expected a whole number; received '5'"),
        (settings.integer(1, 10), True, "expected a whole number; received True"),
        (settings.integer(1, 10), 11, "expected a whole number from 1 to 10; received 11"),
        (settings.one_of(("png", "jpeg")), "gif", "expected one of: png, jpeg; received 'gif'"),
        (
            settings.subset_of(("atom", "rss"), "feed format"),
            "atom",
            "expected a list drawn from: atom, rss; received 'atom'",
        ),
        (
            settings.subset_of(("atom", "rss"), "feed format"),
            ["json"],
            "unknown feed format 'json'; expected atom, rss",
        ),
        (settings.mapping_of(None, settings.url, "network"), ["x"], "expected a dict; received ['x']"),
        (settings.mapping_of(("a",), settings.text, "option"), {"b": "1"}, "unknown option 'b'; expected a"),
        (settings.colour, "red", "expected a colour like '#1a2b3c'; received 'red'"),
        (settings.url, "example.com", "expected an absolute http(s) URL; received 'example.com'"),
        (
            settings.timezone,
            "Mars/Olympus",
            "unknown time zone 'Mars/Olympus'; expected an IANA name such as 'Europe/Paris'",
        ),
        (
            settings.instant,
            "tomorrow",
            "expected an ISO 8601 time such as '2027-03-02T09:00+01:00'; received 'tomorrow'",
        ),
        (settings.instant, 5, "expected an ISO 8601 time; received 5"),
        (settings.instant, "2027-03-02T09:00", "2027-03-02T09:00:00 has no time zone; add one, e.g. '+01:00' or 'Z'"),
        (settings.widths, [], "expected a list of widths in pixels such as (480, 960, 1600); received []"),
        (settings.widths, [480, 9000], "expected widths from 16 to 8192 pixels; received 9000"),
        (
            settings.publish_target,
            "public",
            "expected a dict such as {'type': 'dir', 'path': 'public'}; received 'public'",
        ),
        (settings.publish_target, {"type": "ftp"}, "'type': expected one of: dir, rsync, git, s3; received 'ftp'"),
        (settings.publish_target, {"type": "dir"}, "a dir target needs 'path'"),
        (
            settings.publish_target,
            {"type": "dir", "path": "p", "pth": "q"},
            "unknown option 'pth' for a dir target; expected path, private; did you mean 'path'?",
        ),
        (
            settings.publish_target,
            {"type": "git", "remote": "r", "token": "t"},
            "unknown option 'token' for a git target; expected remote, branch, token_env, author_name, author_email, "
            "message, private; secrets go in environment variables, never in settings (see docs/publishing.md)",
        ),
        (
            settings.publish_target,
            {"type": "rsync", "host": "h", "path": "p", "port": 0},
            "'port': expected a whole number from 1 to 65535; received 0",
        ),
        (settings.publish_targets, [], "expected a dict of target name -> options; received []"),
        (settings.publish_targets, {"site": {"type": "dir"}}, "target 'site': a dir target needs 'path'"),
    ],
)
def test_each_parser_says_what_it_expected_and_what_it_received(parse, value, expected):
    assert message(parse, value) == expected


def test_optional_lets_none_through_and_checks_the_rest():
    assert settings.optional(settings.text)(None) is None
    assert message(settings.optional(settings.text), 1) == "expected a string; received 1"


def test_every_bad_value_is_reported_at_once_with_its_line(tmp_path):
    conf = tmp_path / "pelicanconf.py"
    conf.write_text(
        "SITENAME = 'x'\nPODIUM_FEEDS_LIMIT = 0\nPODIUM_CARDS_ACCENT = 'red'\nPODIUM_NETWORKS = ['x', 'twitter']\n"
    )
    raw = {"PODIUM_FEEDS_LIMIT": 0, "PODIUM_CARDS_ACCENT": "red", "PODIUM_NETWORKS": ["x", "twitter"]}
    with pytest.raises(ManyErrors) as info:
        settings.load(raw, str(conf))
    assert [str(e) for e in info.value.errors] == [
        f"{conf}:4: PODIUM_NETWORKS: unknown network 'twitter'; expected x, linkedin, mastodon, bluesky, threads, "
        "instagram, facebook, pinterest",
        f"{conf}:2: PODIUM_FEEDS_LIMIT: expected a whole number from 1 to 10000; received 0",
        f"{conf}:3: PODIUM_CARDS_ACCENT: expected a colour like '#1a2b3c'; received 'red'",
    ]


def test_an_unknown_key_is_a_warning_with_a_suggestion():
    config, warnings = settings.load({"PODIUM_FEEDS_LIMT": 5, "PODIUM_CARD_LAYOT": "split"})
    assert [str(w) for w in warnings] == [
        "PODIUM_FEEDS_LIMT: unknown podium setting, ignored; did you mean PODIUM_FEEDS_LIMIT?",
        "PODIUM_CARD_LAYOT: unknown podium setting, ignored; did you mean PODIUM_CARDS_LAYOUT?",
    ]
    assert config.feeds_limit == 10


def test_the_settings_class_is_the_one_place_for_defaults():
    fields = dataclasses.fields(settings.PodiumSettings)
    assert [s.key for s in settings.SPECS] == [f"PODIUM_{f.name.upper()}" for f in fields]
    assert all(s.doc for s in settings.SPECS)
    assert settings.defaults() == settings.PodiumSettings()
    assert settings.defaults().networks == ("x", "linkedin", "mastodon", "bluesky")


def test_settings_are_frozen_and_typed_values_come_out():
    now = "2027-03-02T09:00+01:00"
    config = settings.load({"PODIUM_NOW": now, "PODIUM_IMAGES_WIDTHS": [960, 480, 960]})[0]
    assert config.now == datetime(2027, 3, 2, 8, 0, tzinfo=UTC)
    assert config.images_widths == (480, 960)
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.preview = True  # type: ignore[misc]


def test_mutable_defaults_are_not_shared_between_loads():
    first, second = settings.defaults(), settings.defaults()
    assert first.social_profiles == {} and first.social_profiles is not second.social_profiles


@pytest.mark.parametrize("value", ["board-1", "", " 12", 12.5, True, ["123"]])
def test_a_pinterest_board_is_digits_only(value):
    assert message(settings.board_id, value) == (
        "expected a board id made of digits, such as '1234567890123' (GET /v5/boards lists yours); "
        f"received {settings._show(value)}"
    )


def test_a_pinterest_board_written_as_a_number_is_kept_as_its_digits():
    config, _ = settings.load({"PODIUM_NETWORKS": ["pinterest"], "PODIUM_PINTEREST_BOARD": 1234567890123})
    assert config.pinterest_board == "1234567890123"


def test_pinterest_without_a_board_is_an_error_on_the_networks_line(tmp_path):
    conf = tmp_path / "pelicanconf.py"
    conf.write_text("SITENAME = 'x'\nPODIUM_NETWORKS = ['x', 'pinterest']\n")
    with pytest.raises(ManyErrors) as info:
        settings.load({"PODIUM_NETWORKS": ["x", "pinterest"]}, str(conf))
    assert [str(e) for e in info.value.errors] == [
        f"{conf}:2: PODIUM_NETWORKS: pinterest needs PODIUM_PINTEREST_BOARD, the id of the board pins go to; set it, "
        "e.g. PODIUM_PINTEREST_BOARD = '1234567890123', or remove pinterest"
    ]
    assert settings.load({"PODIUM_NETWORKS": ["x"]})[0].pinterest_board is None  # no board needed without pinterest


@pytest.mark.parametrize(
    "value, expected",
    [
        (
            ["alice.bsky.social"],
            "expected a dict of handle -> DID such as {'alice.bsky.social': 'did:plc:…'}; "
            "received ['alice.bsky.social']",
        ),
        (
            {"@alice.bsky.social": "did:plc:ewvi7nxzyoun6zhxrhs64oiz"},
            "expected a handle such as 'alice.bsky.social' (without '@'); received '@alice.bsky.social'",
        ),
        (
            {"alice": "did:plc:ewvi7nxzyoun6zhxrhs64oiz"},
            "expected a handle such as 'alice.bsky.social' (without '@'); received 'alice'",
        ),
        (
            {"alice.bsky.social": "ewvi7nxzyoun6zhxrhs64oiz"},
            "alice.bsky.social: expected a DID such as 'did:plc:z72i7hdynmk6r22z27h6tvur' (Bluesky shows it in the profile's "
            "details); received 'ewvi7nxzyoun6zhxrhs64oiz'",
        ),
    ],
)
def test_bluesky_mentions_map_handles_to_dids(value, expected):
    assert message(settings.mention_dids, value) == expected


def test_bluesky_mention_handles_are_kept_in_lower_case():
    config, _ = settings.load({"PODIUM_BLUESKY_MENTIONS": {"Alice.Bsky.Social": "did:web:alice.example.com"}})
    assert config.bluesky_mentions == {"alice.bsky.social": "did:web:alice.example.com"}


def test_a_bad_bluesky_did_is_said_in_french_too(monkeypatch):
    monkeypatch.setenv("PODIUM_UI_LANG", "fr")
    assert message(settings.mention_dids, {"alice.bsky.social": 42}) == (
        "alice.bsky.social\u00a0: un DID attendu, comme 'did:plc:z72i7hdynmk6r22z27h6tvur' (Bluesky l’affiche dans "
        "les détails du profil)\u202f; reçu\u00a0: 42"
    )
