"""The LinkedIn client against a local server following the Posts API contract (POST /rest/posts)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.publish.channels import MissingCredential, PermanentError
from podium.publish.channels.linkedin import LinkedInChannel
from podium.publish.channels.richtext import escape_little
from tests.publish.fakes.linkedin_api import render_little


def test_linkedin_client_against_local_posts_api_contract_server_sends_versioned_article_post(make_network, make_share):
    li = make_network("linkedin")
    with li.client() as client:
        posted = client.post(make_share(text="La rentrée (2027) : #Éducation"))
    request = li.server.requests[0]
    assert (request.method, request.path) == ("POST", "/rest/posts")
    assert request.header("Authorization") == "Bearer li-token-0987654321"
    assert request.header("LinkedIn-Version") == "202609"
    assert request.header("X-Restli-Protocol-Version") == "2.0.0"
    assert request.json() == {
        "author": "urn:li:person:AbC123",
        "commentary": "La rentrée \\(2027\\) : {hashtag|#|Éducation}",
        "visibility": "PUBLIC",
        "distribution": {"feedDistribution": "MAIN_FEED", "targetEntities": [], "thirdPartyDistributionChannels": []},
        "content": {
            "article": {
                "source": "https://blog.example.org/rentree-2027/",
                "title": "La rentrée 2027",
                "description": "Trois priorités pour l'année.",
            }
        },
        "lifecycleState": "PUBLISHED",
        "isReshareDisabledByAuthor": False,
    }
    assert posted.remote_id == "urn:li:share:7300000000000000001"
    assert posted.url == "https://www.linkedin.com/feed/update/urn:li:share:7300000000000000001/"


def test_linkedin_client_against_local_posts_api_contract_server_keeps_reserved_characters_whole(
    make_network, make_share
):
    text = "Budget [v2] : 50 % *hors* taxes_ ~ <brouillon> | a\\b @équipe {x} (voir) https://ex.org/a_(b)"
    li = make_network("linkedin")
    with li.client() as client:
        posted = client.post(make_share(text=text))
    assert li.server.posts[posted.remote_id]["rendered"] == text


def test_linkedin_unescaped_commentary_is_cut_by_the_contract_server():
    """What happens without escaping, as LinkedIn documents it: the post is silently cut."""
    assert render_little("Budget (v2) adopté") == "Budget "


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_linkedin_little_escaping_round_trips_any_text(text):
    assert render_little(escape_little(text)) == text


def test_linkedin_client_against_local_posts_api_contract_server_reports_a_retired_version(make_network, make_share):
    li = make_network("linkedin", versions=("202611",))
    with li.client() as client, pytest.raises(PermanentError) as info:
        client.post(make_share())
    assert str(info.value) == (
        "LinkedIn refused the post (HTTP 426: Requested version 202609 is not active); "
        "LinkedIn no longer serves API version 202609: set PODIUM_LINKEDIN_VERSION to a "
        "current YYYYMM version"
    )


def test_linkedin_version_comes_from_the_environment(make_network, make_share):
    li = make_network("linkedin", versions=("202611",))
    environ = dict(li.environ, PODIUM_LINKEDIN_VERSION="202611")
    with LinkedInChannel.from_env(environ, base_url=li.server.base_url, sleep=li.clock.sleep) as client:
        client.post(make_share())
    assert li.server.requests[0].header("LinkedIn-Version") == "202611"


def test_linkedin_client_against_local_posts_api_contract_server_refuses_posting_as_someone_else(
    make_network, make_share
):
    li = make_network("linkedin")
    environ = dict(li.environ, PODIUM_LINKEDIN_AUTHOR="urn:li:organization:12345")
    with (
        LinkedInChannel.from_env(environ, base_url=li.server.base_url, sleep=li.clock.sleep) as client,
        pytest.raises(PermanentError) as info,
    ):
        client.post(make_share())
    assert info.value.status == 403 and info.value.code == "ACCESS_DENIED"
    assert "w_member_social" in str(info.value)


def test_linkedin_client_against_local_posts_api_contract_server_honours_retry_after_on_daily_limit(
    make_network, make_share
):
    li = make_network("linkedin")
    li.server.queue(429, {"status": 429, "message": "Resource level throttle MEMBER DAY limit"}, {"Retry-After": "120"})
    with li.client() as client:
        client.post(make_share())
    assert li.clock.sleeps == [120.0]


def test_linkedin_author_must_be_a_urn():
    with pytest.raises(MissingCredential) as info:
        LinkedInChannel.from_env({"PODIUM_LINKEDIN_ACCESS_TOKEN": "t", "PODIUM_LINKEDIN_AUTHOR": "leader"})
    assert str(info.value) == (
        "PODIUM_LINKEDIN_AUTHOR must be a URN like urn:li:person:AbC123 or urn:li:organization:12345; received 'leader'"
    )
