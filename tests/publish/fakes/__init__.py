"""Local HTTP servers that follow each social network's published API contract, for the client tests."""

from .bluesky_api import BlueskyAPI
from .clock import FakeClock
from .linkedin_api import LinkedInAPI
from .mastodon_api import MastodonAPI
from .meta_api import FacebookAPI, InstagramAPI, ThreadsAPI
from .pinterest_api import PinterestAPI
from .server import ContractServer, Hang, Reply, Request
from .x_api import XAPI

__all__ = [
    "BlueskyAPI",
    "ContractServer",
    "FacebookAPI",
    "FakeClock",
    "Hang",
    "InstagramAPI",
    "LinkedInAPI",
    "MastodonAPI",
    "PinterestAPI",
    "Reply",
    "Request",
    "ThreadsAPI",
    "XAPI",
]
