"""OAuth 1.0a signing against the worked example of X's "Creating a signature" page."""

from podium.publish.channels import oauth1

# docs.x.com/fundamentals/authentication/oauth-1-0a/creating-a-signature
KEYS = oauth1.Keys(
    "xvz1evFS4wEEPTGEFPHBog",
    "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
    "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
    "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
)
NONCE, TIMESTAMP = "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", 1318622958
# The page now names api.x.com, but its signature was computed when the host was api.twitter.com (the base
# string holds the host): with api.x.com the same inputs sign differently, as they must.
URL = "https://api.twitter.com/1.1/statuses/update.json?include_entities=true"
FORM = [("status", "Hello Ladies + Gentlemen, a signed OAuth request!")]


def test_the_signature_of_xs_worked_example():
    header = oauth1.authorization("POST", URL, KEYS, NONCE, TIMESTAMP, FORM)
    assert 'oauth_signature="hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D"' in header


def test_the_header_carries_every_oauth_field_percent_encoded_and_sorted():
    header = oauth1.authorization("POST", URL, KEYS, NONCE, TIMESTAMP, FORM)
    assert header == (
        'OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", oauth_nonce="kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", '
        'oauth_signature="hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D", oauth_signature_method="HMAC-SHA1", '
        'oauth_timestamp="1318622958", oauth_token="370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", '
        'oauth_version="1.0"'
    )


def test_percent_encoding_is_rfc_3986():
    assert (
        oauth1.percent("Ladies + Gentlemen, a signed OAuth request!")
        == "Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21"
    )
    assert oauth1.percent("é~-._") == "%C3%A9~-._"
