"""Clients for the social networks podium shares to: one class per network, same interface.

``CHANNELS[name].from_env(os.environ)`` builds a client from environment
variables (MissingCredential names the one missing); ``client.post(share)``
returns ``Posted(remote_id, url)`` or raises PermanentError / TransientError.
"""

from __future__ import annotations

from .base import (Channel, ChannelError, MissingCredential, PermanentError, Posted, Share,
                   TransientError)
from .bluesky import BlueskyChannel
from .linkedin import LinkedInChannel
from .mastodon import MastodonChannel
from .retry import RetryPolicy
from .x import XChannel

#: network name (as in PODIUM_NETWORKS) -> client class
CHANNELS: dict[str, type[Channel]] = {
    "x": XChannel,
    "linkedin": LinkedInChannel,
    "mastodon": MastodonChannel,
    "bluesky": BlueskyChannel,
}

#: every environment variable a client reads, per network (README, CI secrets)
ENVIRONMENT: dict[str, tuple[str, ...]] = {
    "x": ("PODIUM_X_ACCESS_TOKEN",),
    "linkedin": ("PODIUM_LINKEDIN_ACCESS_TOKEN", "PODIUM_LINKEDIN_AUTHOR", "PODIUM_LINKEDIN_VERSION"),
    "mastodon": ("PODIUM_MASTODON_INSTANCE", "PODIUM_MASTODON_ACCESS_TOKEN"),
    "bluesky": ("PODIUM_BLUESKY_HANDLE", "PODIUM_BLUESKY_APP_PASSWORD", "PODIUM_BLUESKY_PDS"),
}

__all__ = ["CHANNELS", "ENVIRONMENT", "Channel", "ChannelError", "MissingCredential", "PermanentError",
           "Posted", "RetryPolicy", "Share", "TransientError", "BlueskyChannel", "LinkedInChannel",
           "MastodonChannel", "XChannel"]
