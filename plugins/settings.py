"""PODIUM_* settings: defaults in one place, validated once into a frozen dataclass.

Each capability adds its settings to ``PodiumSettings`` below, in its own
section: a typed field with ``setting(default, parser, doc)``.
Validation collects every problem before reporting, so a person fixes their
settings file in one go rather than one error per build.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from . import networks as registry
from . import settings_lines
from .errors import BadInput, ManyErrors, PodiumError
from .i18n import N_, _
from .languages import LANGUAGES

NETWORKS = registry.KEYS


class Invalid(ValueError):
    """Raised by a parser: the text says what was expected and what was received."""


@dataclasses.dataclass(frozen=True)
class Spec:
    key: str
    default: Any
    parse: Callable[[Any], Any]
    doc: str

    @property
    def field(self) -> str:
        return self.key.removeprefix("PODIUM_").lower()


# --- parsers: small, composable, each raising Invalid with expected/received ---


def _show(value: Any) -> str:
    return repr(value)


def boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise Invalid(_("expected True or False; received {value}", value=_show(value)))


def text(value: Any) -> str:
    if isinstance(value, str):
        return value
    raise Invalid(_("expected a string; received {value}", value=_show(value)))


def optional(parse: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        return None if value is None else parse(value)

    return check


def integer(low: int | None = None, high: int | None = None) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise Invalid(_("expected a whole number; received {value}", value=_show(value)))
        if (low is not None and value < low) or (high is not None and value > high):
            raise Invalid(
                _("expected a whole number from {low} to {high}; received {value}", low=low, high=high, value=value)
            )
        return value

    return check


def one_of(choices: tuple[str, ...]) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in choices:
            raise Invalid(
                _("expected one of: {choices}; received {value}", choices=", ".join(choices), value=_show(value))
            )
        return value

    return check


def subset_of(choices: tuple[str, ...], what: str = "value") -> Callable[[Any], tuple[str, ...]]:
    def check(value: Any) -> tuple[str, ...]:
        if isinstance(value, str) or not isinstance(value, (list, tuple)):
            raise Invalid(
                _(
                    "expected a list drawn from: {choices}; received {value}",
                    choices=", ".join(choices),
                    value=_show(value),
                )
            )
        for item in value:
            if item not in choices:
                raise Invalid(
                    _(
                        "unknown {what} {item}; expected {choices}",
                        what=_(what),
                        item=_show(item),
                        choices=", ".join(choices),
                    )
                )
        return tuple(value)

    return check


def mapping_of(
    keys: tuple[str, ...] | None, parse_value: Callable[[Any], Any], what: str = "key"
) -> Callable[[Any], dict]:
    def check(value: Any) -> dict:
        if not isinstance(value, Mapping):
            raise Invalid(_("expected a dict; received {value}", value=_show(value)))
        out = {}
        for k, v in value.items():
            if keys is not None and k not in keys:
                raise Invalid(
                    _("unknown {what} {key}; expected {keys}", what=_(what), key=_show(k), keys=", ".join(keys))
                )
            out[k] = parse_value(v)
        return out

    return check


def colour(value: Any) -> str:
    if isinstance(value, str) and re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        return value.lower()
    raise Invalid(_("expected a colour like '#1a2b3c'; received {value}", value=_show(value)))


def url(value: Any) -> str:
    if isinstance(value, str) and re.match(r"https?://[^\s/]+", value):
        return value
    raise Invalid(_("expected an absolute http(s) URL; received {value}", value=_show(value)))


def timezone(value: Any) -> str:
    try:
        ZoneInfo(str(value))
    except (ZoneInfoNotFoundError, ValueError):
        raise Invalid(
            _("unknown time zone {value}; expected an IANA name such as 'Europe/Paris'", value=_show(value))
        ) from None
    return str(value)


def instant(value: Any) -> datetime | None:
    """An aware datetime, or None for 'the clock at start-up'."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise Invalid(
                _("expected an ISO 8601 time such as '2027-03-02T09:00+01:00'; received {value}", value=_show(value))
            ) from None
    if not isinstance(value, datetime):
        raise Invalid(_("expected an ISO 8601 time; received {value}", value=_show(value)))
    if value.tzinfo is None:
        raise Invalid(_("{value} has no time zone; add one, e.g. '+01:00' or 'Z'", value=value.isoformat()))
    return value


# publish: what each kind of deploy target accepts (required, optional); secrets never, only names of variables
PUBLISH_TARGET_OPTIONS = {
    "dir": (("path",), ()),
    "rsync": (("host", "path"), ("user", "port", "identity_file", "known_hosts", "key_env")),
    "git": (("remote",), ("branch", "token_env", "author_name", "author_email", "message")),
    "s3": (("bucket",), ("prefix", "region", "endpoint_url", "manifest_key", "cache_control")),
}
_SECRET_HINT = ("token", "password", "secret", "private", "access_key", "credential")
_A_TARGET = {
    "dir": N_("a dir target"),
    "rsync": N_("an rsync target"),
    "git": N_("a git target"),
    "s3": N_("an s3 target"),
}
#: the nouns subset_of and mapping_of name in their messages ("unknown network 'twitter'"), for the catalogue
_NOUNS = (N_("value"), N_("key"), N_("language"), N_("network"), N_("feed format"), N_("feed kind"), N_("extension"))


def publish_target(value: Any) -> dict:
    """One deploy target: its type, the options that type needs, nothing unknown and no secret."""
    if not isinstance(value, Mapping):
        raise Invalid(
            _("expected a dict such as {{'type': 'dir', 'path': 'public'}}; received {value}", value=_show(value))
        )
    kind = value.get("type")
    if kind not in PUBLISH_TARGET_OPTIONS:
        raise Invalid(
            _(
                "'type': expected one of: {types}; received {kind}",
                types=", ".join(PUBLISH_TARGET_OPTIONS),
                kind=_show(kind),
            )
        )
    required, extra = PUBLISH_TARGET_OPTIONS[kind]
    allowed = ("type", *required, *extra, "private")
    for key in value:
        if key not in allowed:
            secret = any(word in str(key).lower() for word in _SECRET_HINT)
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = (
                _("; secrets go in environment variables, never in settings (see docs/publishing.md)")
                if secret
                else _("; did you mean {close!r}?", close=close[0])
                if close
                else ""
            )
            raise Invalid(
                _(
                    "unknown option {key} for {a_target}; expected {allowed}{hint}",
                    key=_show(key),
                    a_target=_(_A_TARGET[kind]),
                    allowed=", ".join(allowed[1:]),
                    hint=hint,
                )
            )
    where = {
        "remote": _("name the environment variable that holds it with 'token_env'"),
        "endpoint_url": _("set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment"),
    }
    for key, fix in where.items():
        if re.match(r"^[a-z][a-z0-9+.-]*://[^/@]*:[^/@]*@", str(value.get(key, ""))):
            raise Invalid(
                _("{key} holds a password or token; remove it from the address and {fix}", key=_show(key), fix=fix)
            )
    missing = [key for key in required if not value.get(key)]
    if missing:
        raise Invalid(
            _("{a_target} needs {missing}", a_target=_(_A_TARGET[kind]), missing=", ".join(repr(k) for k in missing))
        )
    for key, item in value.items():
        check = {
            "port": integer(1, 65535),
            "cache_control": mapping_of(None, text, "extension"),
            "private": boolean,
        }.get(key, text)
        try:
            check(item)
        except Invalid as exc:
            raise Invalid(f"{_show(key)}: {exc}") from None
    return dict(value)


def publish_targets(value: Any) -> dict:
    if not isinstance(value, Mapping):
        raise Invalid(_("expected a dict of target name -> options; received {value}", value=_show(value)))
    found = {}
    for name, options in value.items():
        try:
            found[name] = publish_target(options)
        except Invalid as exc:
            raise Invalid(_("target {name}: {exc}", name=_show(name), exc=exc)) from None
    return found


def board_id(value: Any) -> str:
    """A Pinterest board id: digits only (the API's PinCreate pattern ^\\d+$), as text."""
    text_value = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if isinstance(text_value, str) and text_value.isdigit():
        return text_value
    raise Invalid(
        _(
            "expected a board id made of digits, such as '1234567890123' (GET /v5/boards lists yours); "
            "received {value}",
            value=_show(value),
        )
    )


_HANDLE = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?")
_DID = re.compile(r"did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]")


def mention_dids(value: Any) -> dict[str, str]:
    """Bluesky handle -> DID, for mention facets; a handle is written without its '@', in any case."""
    if not isinstance(value, Mapping):
        raise Invalid(
            _(
                "expected a dict of handle -> DID such as {{'alice.bsky.social': 'did:plc:…'}}; received {value}",
                value=_show(value),
            )
        )
    found = {}
    for handle, did in value.items():
        key = handle.lower() if isinstance(handle, str) else handle
        if not isinstance(key, str) or not _HANDLE.fullmatch(key):
            raise Invalid(
                _("expected a handle such as 'alice.bsky.social' (without '@'); received {value}", value=_show(handle))
            )
        if not isinstance(did, str) or not _DID.fullmatch(did):
            raise Invalid(
                _(
                    "{handle}: expected a DID such as 'did:plc:z72i7hdynmk6r22z27h6tvur' (Bluesky shows it "
                    "in the profile's details); received {value}",
                    handle=handle,
                    value=_show(did),
                )
            )
        found[key] = did
    return found


def widths(value: Any) -> tuple[int, ...]:
    """Image widths in pixels, for resized variants (images)."""
    if isinstance(value, str) or not isinstance(value, (list, tuple)) or not value:
        raise Invalid(
            _("expected a list of widths in pixels such as (480, 960, 1600); received {value}", value=_show(value))
        )
    for item in value:
        if isinstance(item, bool) or not isinstance(item, int) or not 16 <= item <= 8192:
            raise Invalid(_("expected widths from 16 to 8192 pixels; received {item}", item=_show(item)))
    return tuple(sorted(set(value)))


# --- the settings, one section per capability ---


def setting(
    default: Any = None, parse: Callable[[Any], Any] = text, doc: str = "", *, factory: Callable[[], Any] | None = None
) -> Any:
    """One PodiumSettings field: its default, the parser that validates it and its line in the reference."""
    meta = {"parse": parse, "doc": doc}
    if factory is not None:
        return dataclasses.field(default_factory=factory, metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


@dataclasses.dataclass(frozen=True)
class PodiumSettings:
    """Every PODIUM_* setting, typed, with its default: the one place a default is written.

    A field ``cards_accent`` is the setting ``PODIUM_CARDS_ACCENT``. Built once
    per build by ``load``; code outside a build uses ``defaults()``.
    """

    # core
    now: datetime | None = setting(
        None, instant, "Time that counts as 'now' for embargo and schedule; None means the clock when the build starts."
    )
    preview: bool = setting(
        False,
        boolean,
        "Preview build: drafts and future posts are shown with a banner (podium serve). Never for production.",
    )
    strict: bool = setting(
        False, boolean, "Warnings fail the build (podium build --strict), like Pelican's --fatal warnings."
    )
    render_memo: bool = setting(
        True,
        boolean,
        "Pages whose inputs did not change since the last build are taken over, not rendered again. Turn it off "
        "for a theme that shows a post's text on a page that is not given that post.",
    )
    languages: tuple[str, ...] = setting(
        LANGUAGES, subset_of(LANGUAGES, "language"), "Languages a post may be written in."
    )
    networks: tuple[str, ...] = setting(
        registry.DEFAULT_KEYS,
        subset_of(NETWORKS, "network"),
        "Social networks podium writes for; the others of the networks registry (threads) may be added.",
    )
    workers: int = setting(
        0,
        integer(0, 256),
        "Processes that draw social cards in parallel: 0 means one per processor core, 1 draws them all in the build's own process.",
    )
    # the leader, shown on the home page and in cards
    leader_name: str = setting("", text, "The leader's name, as readers know it (home page and social cards).")
    leader_role: str = setting("", text, "Their role, one line.")
    leader_bio: str = setting("", text, "One-line bio on the home page.")
    leader_photo: str | None = setting(
        None, optional(text), "Path of the portrait under content/, e.g. 'images/portrait.jpg'."
    )
    social_profiles: dict[str, str] = setting(
        parse=mapping_of(None, url, "network"),
        factory=dict,
        doc="Profiles linked with rel=\"me\": {'linkedin': 'https://...'}.",
    )
    # listings
    listing_size: int = setting(
        10,
        integer(1, 1000),
        "Posts on the home, tag, category and author pages; older posts are in pages of this many, "
        "numbered from the oldest so that a new post leaves them unchanged. Replaces Pelican's DEFAULT_PAGINATION.",
    )
    # feeds
    feeds_formats: tuple[str, ...] = setting(
        ("atom", "rss"), subset_of(("atom", "rss"), "feed format"), "Feed formats written."
    )
    feeds_per: tuple[str, ...] = setting(
        ("category", "tag", "language"),
        subset_of(("category", "tag", "language"), "feed kind"),
        "Extra feeds besides the main one.",
    )
    feeds_limit: int = setting(
        10,
        integer(1, 10000),
        "Entries per feed: a feed is a window on the newest posts (a reader polling weekly misses none).",
    )
    feeds_full_content: tuple[str, ...] = setting(
        ("all",),
        subset_of(("all", "language", "category", "tag"), "feed kind"),
        "Feeds whose entries carry the whole post; the others carry the summary and the link (smaller uploads).",
    )
    # publish
    publish_targets: dict[str, dict[str, Any]] = setting(
        parse=publish_targets,
        factory=dict,
        doc="Where 'podium publish' deploys: {name: {'type': 'dir' | 'rsync' | 'git' | 's3', ...options}}; "
        "'private': True makes a target receive the comms room instead of the site (docs/publishing.md).",
    )
    publish_default_target: str | None = setting(
        None, optional(text), "Target used without --target; None: the only one defined."
    )
    publish_ledger: str = setting(
        "content/.podium/ledger.json",
        text,
        "The record of every share sent, relative to the project; CI commits it back.",
    )
    publish_catch_up_hours: int = setting(
        48,
        integer(0, 8760),
        "A share more than this late is not sent (it is listed as missed): a first run does not re-announce old posts.",
    )
    # the comms room: private pages and files for comms and legal, never part of the site
    comms_path: str = setting(
        "comms",
        text,
        "Folder of the comms room, relative to the project; never inside OUTPUT_PATH, never deployed with the site.",
    )
    # cards
    cards_enabled: bool = setting(
        True, boolean, "Make a 1200×630 social card for every post (og:image, twitter:image)."
    )
    cards_layout: str = setting(
        "classic",
        one_of(("classic", "split")),
        "Card layout: 'classic' (accent bar, title, leader in the footer) or 'split' (portrait fills the right third).",
    )
    cards_background: str = setting("#0f172a", colour, "Card background colour.")
    cards_foreground: str = setting("#ffffff", colour, "Card text colour.")
    cards_accent: str = setting("#f59e0b", colour, "Card accent colour: bars, panel, site name.")
    cards_logo: str | None = setting(
        None, optional(text), "Path of a logo under content/ (PNG with transparency is best), or None."
    )
    cards_portrait: bool = setting(True, boolean, "Show PODIUM_LEADER_PHOTO on cards.")
    cards_format: str = setting("png", one_of(("png", "jpeg")), "Card file format; either stays under 1 MB.")
    cards_cache_dir: str = setting(
        ".cache/podium/cards",
        text,
        "Where rendered cards are kept between builds, relative to the project; never inside the output.",
    )
    # images
    images_enabled: bool = setting(
        True,
        boolean,
        "Resize post images, add WebP, srcset, width/height and lazy loading (metadata is stripped either way).",
    )
    images_widths: tuple[int, ...] = setting(
        (480, 960, 1600), widths, "Widths of the resized variants; none is wider than the original."
    )
    images_sizes: str = setting(
        "(max-width: 46rem) 100vw, 46rem", text, "The sizes attribute: how wide images show in the theme."
    )
    images_quality: int = setting(82, integer(30, 100), "JPEG and WebP quality of published images.")
    images_max_pixels: int = setting(
        80_000_000,
        integer(1_000_000, 170_000_000),
        "Largest image accepted, in pixels; bigger files are refused as possible decompression bombs.",
    )
    images_cache_dir: str = setting(
        ".cache/podium/images",
        text,
        "Where resized images are kept between builds, relative to the project; never inside the output.",
    )
    # calendar
    calendar_path: str = setting(
        "calendar.yaml",
        text,
        "The editorial calendar, relative to the content folder (PATH); a missing file means no calendar.",
    )
    calendar_strict: bool = setting(
        False,
        boolean,
        "True: a post with no calendar entry (or no calendar file) is withheld; False: it goes out on its date.",
    )
    pinterest_board: str | None = setting(
        None,
        optional(board_id),
        "The Pinterest board pins are saved to (its id, digits); needed when pinterest is in PODIUM_NETWORKS.",
    )
    # conversations
    conversations_moderation: str = setting(
        "manual",
        one_of(("manual", "auto")),
        "'manual': a reply shows on the blog once approved; 'auto': at once, unless blocked or with a blocked word.",
    )
    conversations_close_after_days: int | None = setting(
        None,
        optional(integer(1, 36500)),
        "Close a post's discussion this many days after publication (replies are still collected); None: never.",
    )
    conversations_store: str = setting(
        "content/.podium/conversations",
        text,
        "Where collected replies and reactions are kept, one file per post, relative to the project; CI commits it.",
    )
    conversations_moderation_file: str = setting(
        "content/moderation.yaml",
        text,
        "The reviewed moderation file (approved, hidden, blocked, blocked_words), relative to the project.",
    )
    conversations_fetch_seconds: int = setting(
        120,
        integer(5, 3600),
        "Time budget for collecting conversations at the end of 'podium publish --live'; the oldest fetch goes first.",
    )
    # teasers
    teasers_enabled: bool = setting(
        True, boolean, "Write teasers for every published post (and the comms room's teasers.json and post pages)."
    )
    teasers_variants: int = setting(
        3, integer(2, 5), "Teasers written per network and post (at least 2 whenever the post has the material)."
    )
    teasers_mastodon_limit: int = setting(
        registry.get("mastodon").limit,
        integer(100, 100000),
        "Your Mastodon instance's limit in characters (500 on most instances).",
    )
    teasers_utm: bool = setting(
        True, boolean, "Add utm_source=<network>, utm_medium=social, utm_campaign=<campaign or slug> to teaser links."
    )
    teasers_thread_max: int = setting(
        5, integer(2, 25), "Most posts in an X thread (for posts with 'teaser_thread: true')."
    )
    bluesky_mentions: dict[str, str] = setting(
        parse=mention_dids,
        factory=dict,
        doc="Bluesky accounts a teaser may mention, handle -> DID: {'alice.bsky.social': 'did:plc:…'}; "
        "'@alice.bsky.social' becomes a mention, any other handle stays plain text.",
    )
    teasers_kit: bool = setting(
        True, boolean, "Show each post's teasers in the comms room with live counters and copy buttons."
    )


def _spec(f: dataclasses.Field) -> Spec:
    default = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
    return Spec(f"PODIUM_{f.name.upper()}", default, f.metadata["parse"], f.metadata["doc"])


#: The settings in the order of PodiumSettings, as (key, default, parser, doc): the reference.
SPECS: list[Spec] = [_spec(f) for f in dataclasses.fields(PodiumSettings)]


def where(source: str | None, key: str, root: str = "") -> dict:
    """``path`` and ``line`` of the assignment that gave ``key`` its value (see settings_lines), for BadInput."""
    return settings_lines.where(source, key, root)


def unknown_keys(raw: Mapping[str, Any]) -> list[tuple[str, str | None]]:
    known = {s.key for s in SPECS}
    found = []
    for key in raw:
        if key.startswith("PODIUM_") and key not in known:
            close = difflib.get_close_matches(key, known, n=1)
            found.append((key, close[0] if close else None))
    return found


def _together(values: dict, source: str | None, root: str) -> list[PodiumError]:
    """Settings that only make sense with another: a network that needs a setting of its own."""
    if (
        "pinterest" in (values.get("networks") or ())
        and "pinterest_board" in values
        and values["pinterest_board"] is None
    ):
        return [
            BadInput(
                _(
                    "PODIUM_NETWORKS: pinterest needs PODIUM_PINTEREST_BOARD, the id of the board pins go to; "
                    "set it, e.g. PODIUM_PINTEREST_BOARD = '1234567890123', or remove pinterest"
                ),
                **where(source, "PODIUM_NETWORKS", root),
            )
        ]
    return []


def load(raw: Mapping[str, Any], source: str | None = None, root: str = "") -> tuple[PodiumSettings, list[BadInput]]:
    """Validate the PODIUM_* keys of a Pelican settings mapping.

    ``source`` is the settings file read (publishconf.py or pelicanconf.py):
    each message points at the line, in it or in a file it star-imports,
    that set the value; paths are shown relative to ``root``.

    Returns ``(settings, warnings)``; raises ManyErrors listing every bad value.
    """
    errors: list[PodiumError] = []
    values: dict[str, Any] = {}
    for spec in SPECS:
        value = raw.get(spec.key, spec.default)
        try:
            values[spec.field] = spec.parse(value)
        except Invalid as exc:
            errors.append(BadInput(_("{key}: {exc}", key=spec.key, exc=exc), **where(source, spec.key, root)))
    errors.extend(_together(values, source, root))
    warnings: list[BadInput] = []
    for key, close in unknown_keys(raw):
        hint = _("did you mean {close}?", close=close) if close else _("remove it or check docs/reference/settings.md")
        warnings.append(
            BadInput(
                _("{key}: unknown podium setting, ignored; {hint}", key=key, hint=hint), **where(source, key, root)
            )
        )
    if errors:
        raise ManyErrors(errors)
    return PodiumSettings(**values), warnings


def defaults() -> PodiumSettings:
    """The settings with every default: for tests and for code run outside a build."""
    return load({})[0]
