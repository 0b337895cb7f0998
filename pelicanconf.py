# Settings for the sample blog: `podium build` and `podium serve` read this file.
# Pelican's own settings first, then podium's PODIUM_* settings (see docs/reference/settings.md).

AUTHOR = "Claire Morel"
SITENAME = "Claire Morel"
SITESUBTITLE = "Énergie, industrie et leadership"
SITEURL = ""
RELATIVE_URLS = True  # the local build opens straight from disk; publishconf.py sets the real address

PATH = "content"
ARTICLE_PATHS = ["posts"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
IGNORE_FILES = [".#*", "calendar.yaml", ".podium"]

TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
DEFAULT_DATE_FORMAT = "%d %B %Y"

THEME = "themes/podium"
PLUGINS = ["podium.plugins"]

# podium writes the feeds itself, with feedgen (see PODIUM_FEEDS_*): Pelican's feed writer stays off.
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
TAG_FEED_ATOM = None
TAG_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# podium cuts the home, tag, category and author pages itself (PODIUM_LISTING_SIZE, 10 by default)
SUMMARY_MAX_LENGTH = 60

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {},
        "markdown.extensions.footnotes": {"BACKLINK_TEXT": "↩"},
        "markdown.extensions.smarty": {"smart_quotes": False},
    },
    "output_format": "html5",
}

# --- podium ---
PODIUM_LANGUAGES = ["fr", "en"]
PODIUM_NETWORKS = ["x", "linkedin", "mastodon", "bluesky"]
PODIUM_LEADER_NAME = "Claire Morel"
PODIUM_LEADER_ROLE = "Présidente-directrice générale, Hélio Énergie"
PODIUM_LEADER_BIO = "J'écris sur la transition énergétique, l'industrie et l'art de diriger sans crier."
PODIUM_LEADER_PHOTO = "images/portrait.jpg"
PODIUM_SOCIAL_PROFILES = {
    "linkedin": "https://www.linkedin.com/in/claire-morel-example",
    "mastodon": "https://mastodon.example/@clairemorel",
    "bluesky": "https://bsky.app/profile/clairemorel.example",
    "x": "https://x.com/clairemorel_ex",
}
