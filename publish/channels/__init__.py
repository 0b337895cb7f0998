"""Clients for the social networks podium shares to: one class per network, same interface.

``CHANNELS[name].from_env(os.environ)`` builds a client from environment
variables (MissingCredential names the one missing); ``client.post(share)``
returns ``Posted(remote_id, url)`` or raises PermanentError / TransientError.
Which networks have a client, and the variables each reads, come from the
``client`` and ``environment`` fields of ``podium.plugins.networks``.
"""

from __future__ import annotations

import importlib

from podium.plugins.networks import NETWORKS

from .base import Channel, ChannelError, LimitReached, MissingCredential, PermanentError, Posted, Share, TransientError
from .bluesky import BlueskyChannel
from .facebook import FacebookChannel
from .instagram import InstagramChannel
from .linkedin import LinkedInChannel
from .mastodon import MastodonChannel
from .pinterest import PinterestChannel
from .retry import RetryPolicy
from .threads import ThreadsChannel
from .x import XChannel


def _client(reference: str) -> type[Channel]:
    module, _, name = reference.partition(":")
    return getattr(importlib.import_module(module), name)


#: network name (as in PODIUM_NETWORKS) -> client class
CHANNELS: dict[str, type[Channel]] = {key: _client(net.client) for key, net in NETWORKS.items() if net.client}

#: every environment variable a client reads, per network (docs/publishing.md, CI secrets)
ENVIRONMENT: dict[str, tuple[str, ...]] = {key: NETWORKS[key].environment for key in CHANNELS}

__all__ = [
    "CHANNELS",
    "ENVIRONMENT",
    "Channel",
    "ChannelError",
    "LimitReached",
    "MissingCredential",
    "PermanentError",
    "Posted",
    "RetryPolicy",
    "Share",
    "TransientError",
    "BlueskyChannel",
    "FacebookChannel",
    "InstagramChannel",
    "LinkedInChannel",
    "MastodonChannel",
    "PinterestChannel",
    "ThreadsChannel",
    "XChannel",
]
