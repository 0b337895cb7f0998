"""OAuth 1.0a request signing (HMAC-SHA1), as X documents it for user-context requests.

X's OAuth 1.0a access tokens do not expire (they last until the user revokes
the app), so an hourly CI job can post with four secrets set once, where an
OAuth 2.0 access token lasts two hours. Pure functions: the nonce and the time
are passed in. A JSON body is not part of the signature (only query and
form parameters are, RFC 5849 section 3.4.1.3).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, urlsplit, urlunsplit


@dataclass(frozen=True)
class Keys:
    consumer_key: str  # the app's "API key"
    consumer_secret: str  # the app's "API key secret"
    token: str  # the posting account's access token
    token_secret: str


def percent(value: str) -> str:
    """RFC 3986 percent-encoding: everything but unreserved characters, in UTF-8."""
    return quote(value, safe="-._~")


def base_url(url: str) -> str:
    """The URL without query or fragment, scheme and host in lowercase (RFC 5849 3.4.1.2)."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", "", ""))


def base_string(method: str, url: str, params: list[tuple[str, str]]) -> str:
    """METHOD&url&parameters, each percent-encoded; parameters sorted after encoding."""
    encoded = sorted((percent(k), percent(v)) for k, v in params)
    joined = "&".join(f"{k}={v}" for k, v in encoded)
    return "&".join((method.upper(), percent(base_url(url)), percent(joined)))


def sign(base: str, consumer_secret: str, token_secret: str) -> str:
    key = f"{percent(consumer_secret)}&{percent(token_secret)}".encode("ascii")
    return base64.b64encode(hmac.new(key, base.encode("ascii"), hashlib.sha1).digest()).decode("ascii")


def authorization(
    method: str, url: str, keys: Keys, nonce: str, timestamp: int, form: list[tuple[str, str]] = ()
) -> str:
    """The ``Authorization: OAuth ...`` header value for one request."""
    oauth = [
        ("oauth_consumer_key", keys.consumer_key),
        ("oauth_nonce", nonce),
        ("oauth_signature_method", "HMAC-SHA1"),
        ("oauth_timestamp", str(timestamp)),
        ("oauth_token", keys.token),
        ("oauth_version", "1.0"),
    ]
    query = parse_qsl(urlsplit(url).query, keep_blank_values=True)
    signature = sign(base_string(method, url, oauth + query + list(form)), keys.consumer_secret, keys.token_secret)
    fields = sorted(oauth + [("oauth_signature", signature)])
    return "OAuth " + ", ".join(f'{percent(k)}="{percent(v)}"' for k, v in fields)
