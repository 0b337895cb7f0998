"""The social networks podium knows: one frozen record per network, read by every piece.

Settings (which keys PODIUM_NETWORKS accepts and its default), the teasers
(limit, unit, counting rule, UTM source, hashtags), the social kit page and
its kit.js counters, the calendar and its exports (names, colours), the
"Discuss on ..." back-links, the theme's profile links and the network
clients in ``podium.publish.channels`` all read this table instead of keeping
their own copy, so the facts cannot drift apart.

Adding a network is a one-place change: append a ``Network(...)`` to
``_TABLE`` below.

- ``counter`` names a counting rule that both ``teasers/networks.py`` (Python)
  and ``plugins/comms/static/kit.js`` implement; pick an existing one
  (see ``COUNTERS``) or add the rule to both.
- ``client`` is ``"module:Class"`` of its client in ``podium.publish.channels``
  (a string, because the build never imports the publishing half), or ``None``
  when podium only writes teasers and a schedule for it.
- ``environment`` lists every environment variable the client reads; the
  client names each one with ``Network.variable("ACCESS_TOKEN")``, which
  refuses a variable missing from this list.
- The calendar page takes its colours from ``colour`` and ``ink`` (checked
  for contrast in the tests).
"""

from __future__ import annotations

from dataclasses import dataclass

#: The counting rules, by name (kit.js has one function per name).
COUNTERS = ("weighted", "utf16", "mastodon", "graphemes", "emoji_bytes", "code_points")


@dataclass(frozen=True)
class Network:
    key: str  # as in PODIUM_NETWORKS, share ids and the ledger
    name: str  # as the network writes its own name
    limit: int  # characters (in ``unit``) per post
    unit: str  # shown in messages: "297/280 (weighted)"
    counter: str  # one of COUNTERS
    utm_source: str
    hashtags: int  # most hashtags in a teaser
    colour: str  # calendar badge background
    ink: str  # calendar badge text
    discuss_rank: int  # order of the "Discuss on ..." links under an article (lowest first)
    default: bool = False  # in PODIUM_NETWORKS when the settings do not say
    max_bytes: int | None = None  # a second limit, in bytes of UTF-8
    client: str | None = None
    environment: tuple[str, ...] = ()

    def variable(self, suffix: str) -> str:
        """``PODIUM_<KEY>_<SUFFIX>``, which must be one of this network's declared variables."""
        name = f"PODIUM_{self.key.upper()}_{suffix}"
        if name not in self.environment:
            raise KeyError(f"{name} is not declared in the {self.name} record of podium.plugins.networks")
        return name


_TABLE = (
    Network(
        "x",
        "X",
        280,
        "weighted",
        "weighted",
        "x",
        hashtags=2,
        colour="#000000",
        ink="#ffffff",
        discuss_rank=1,
        default=True,
        client="podium.publish.channels.x:XChannel",
        environment=(
            "PODIUM_X_ACCESS_TOKEN",
            "PODIUM_X_ACCESS_TOKEN_SECRET",
            "PODIUM_X_API_KEY",
            "PODIUM_X_API_SECRET",
        ),
    ),
    Network(
        "linkedin",
        "LinkedIn",
        3000,
        "characters",
        "utf16",
        "linkedin",
        hashtags=5,
        colour="#0a66c2",
        ink="#ffffff",
        discuss_rank=0,
        default=True,
        client="podium.publish.channels.linkedin:LinkedInChannel",
        environment=("PODIUM_LINKEDIN_ACCESS_TOKEN", "PODIUM_LINKEDIN_AUTHOR", "PODIUM_LINKEDIN_VERSION"),
    ),
    Network(
        "mastodon",
        "Mastodon",
        500,
        "characters",
        "mastodon",
        "mastodon",
        hashtags=4,
        colour="#563acc",
        ink="#ffffff",
        discuss_rank=2,
        default=True,
        client="podium.publish.channels.mastodon:MastodonChannel",
        environment=("PODIUM_MASTODON_INSTANCE", "PODIUM_MASTODON_ACCESS_TOKEN"),
    ),
    Network(
        "bluesky",
        "Bluesky",
        300,
        "graphemes",
        "graphemes",
        "bluesky",
        hashtags=2,
        colour="#d6e9ff",
        ink="#003a7a",
        discuss_rank=3,
        default=True,
        max_bytes=3000,
        client="podium.publish.channels.bluesky:BlueskyChannel",
        environment=(
            "PODIUM_BLUESKY_HANDLE",
            "PODIUM_BLUESKY_APP_PASSWORD",
            "PODIUM_BLUESKY_PDS",
            "PODIUM_BLUESKY_APPVIEW",
        ),
    ),  # the AppView conversations are read from
    Network(
        "threads",
        "Threads",
        500,
        "characters",
        "emoji_bytes",
        "threads",
        hashtags=1,
        colour="#e6e6e6",
        ink="#111111",
        discuss_rank=4,
        client="podium.publish.channels.threads:ThreadsChannel",
        environment=("PODIUM_THREADS_ACCESS_TOKEN", "PODIUM_THREADS_USER_ID"),
    ),
    # the image networks: each post is shared with a picture made for the network (plugins/cards/formats.py)
    Network(
        "instagram",
        "Instagram",
        2200,
        "characters",
        "utf16",
        "instagram",
        hashtags=5,
        colour="#c13584",
        ink="#ffffff",
        discuss_rank=5,
        client="podium.publish.channels.instagram:InstagramChannel",
        environment=("PODIUM_INSTAGRAM_ACCESS_TOKEN", "PODIUM_INSTAGRAM_USER_ID", "PODIUM_INSTAGRAM_GRAPH_VERSION"),
    ),
    Network(
        "facebook",
        "Facebook",
        63206,
        "characters",
        "utf16",
        "facebook",
        hashtags=2,
        colour="#0b5ed7",
        ink="#ffffff",
        discuss_rank=6,
        client="podium.publish.channels.facebook:FacebookChannel",
        environment=("PODIUM_FACEBOOK_PAGE_ID", "PODIUM_FACEBOOK_PAGE_TOKEN", "PODIUM_FACEBOOK_GRAPH_VERSION"),
    ),
    Network(
        "pinterest",
        "Pinterest",
        800,
        "characters",
        "code_points",
        "pinterest",
        hashtags=0,
        colour="#bd081c",
        ink="#ffffff",
        discuss_rank=7,
        client="podium.publish.channels.pinterest:PinterestChannel",
        environment=("PODIUM_PINTEREST_ACCESS_TOKEN", "PODIUM_PINTEREST_API"),
    ),
)

#: key -> record, in the order networks are listed everywhere (settings, teasers, calendar)
NETWORKS: dict[str, Network] = {n.key: n for n in _TABLE}
KEYS: tuple[str, ...] = tuple(NETWORKS)
DEFAULT_KEYS: tuple[str, ...] = tuple(n.key for n in _TABLE if n.default)


def get(key: str) -> Network:
    """The record of ``key``; ValueError naming the known keys otherwise."""
    try:
        return NETWORKS[key]
    except KeyError:
        raise ValueError(f"unknown network {key!r}; expected {', '.join(KEYS)}") from None


def name_of(key: str) -> str:
    """How a network writes its name; a key podium does not know is shown as written."""
    known = NETWORKS.get(key)
    return known.name if known else key


def order(key: str) -> int:
    """Position of ``key`` in the table, unknown keys last: for sorting by network."""
    return KEYS.index(key) if key in NETWORKS else len(KEYS)
