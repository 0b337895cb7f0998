"""Instagram, Facebook Page and Threads clients against local servers following Meta's published contracts."""

from __future__ import annotations

import pytest

from podium.plugins.errors import BadInput
from podium.publish.channels import LimitReached, MissingCredential, PermanentError, TransientError
from podium.publish.channels.facebook import FacebookChannel
from tests.publish.fakes.images import sample

from .conftest import FACEBOOK_PAGE, FACEBOOK_TOKEN, IMAGES, INSTAGRAM_TOKEN, INSTAGRAM_USER, THREADS_USER


def test_instagram_client_against_local_graph_api_publishes_in_two_steps(make_network, make_share):
    ig = make_network("instagram", processing_polls=2)
    with ig.client() as client:
        posted = client.post(make_share(network="instagram", text="La rentrée 2027 : trois priorités.\n\n#Rentrée"))
    calls = [(r.method, r.path) for r in ig.server.requests]
    container, media = next(iter(ig.server.containers)), next(iter(ig.server.published))
    assert calls == [
        ("GET", f"/v25.0/{INSTAGRAM_USER}/content_publishing_limit"),
        ("POST", f"/v25.0/{INSTAGRAM_USER}/media"),
        ("GET", f"/v25.0/{container}"),
        ("GET", f"/v25.0/{container}"),
        ("GET", f"/v25.0/{container}"),
        ("POST", f"/v25.0/{INSTAGRAM_USER}/media_publish"),
        ("GET", f"/v25.0/{media}"),
    ]
    create = ig.server.requests[1]
    assert create.header("Content-Type") == "application/x-www-form-urlencoded"
    assert create.form() == {
        "image_url": IMAGES["instagram"][0],
        "access_token": INSTAGRAM_TOKEN,
        "caption": "La rentrée 2027 : trois priorités.\n\n#Rentrée",
        "alt_text": "La rentrée 2027 — Claire Morel",
    }
    assert ig.server.requests[2].query == {"fields": "status_code"}
    assert ig.server.requests[0].bearer() == INSTAGRAM_TOKEN and "access_token" not in ig.server.requests[0].query
    assert ig.server.requests[5].form()["creation_id"] == container
    assert ig.clock.sleeps == [60.0, 60.0], "status polled once a minute, as Meta asks"
    assert posted.remote_id == media and posted.url == f"https://www.instagram.com/p/{media}/"


def test_instagram_client_against_local_graph_api_waits_when_the_daily_limit_is_used(make_network, make_share):
    ig = make_network("instagram")
    ig.server.quota_used = 50
    with ig.client() as client, pytest.raises(LimitReached) as info:
        client.post(make_share(network="instagram"))
    assert str(info.value) == (
        "Instagram allows 50 posts per 24 hours through its API and 50 are used; the share waits for a later run"
    )
    assert ig.server.containers == {}, "nothing is created once the limit is known"


def test_instagram_client_against_local_graph_api_reads_the_limit_refusal_at_publish_time(make_network, make_share):
    ig = make_network("instagram")
    ig.server.quota_total = 1
    ig.server.queue(200, {"data": [{"quota_usage": 0, "config": {"quota_total": 1}}]})  # stale quota answer
    ig.server.quota_used = 1
    with ig.client() as client, pytest.raises(LimitReached) as info:
        client.post(make_share(network="instagram"))
    assert "daily publishing limit is reached (You reached maximum number of posts" in str(info.value)
    assert ig.server.published == {}


def test_instagram_client_against_local_graph_api_reports_an_image_it_cannot_take(make_network, make_share):
    ig = make_network("instagram")
    ig.server.fetch = lambda url: sample(1080, 1920)  # 9:16 is outside Instagram's feed ratios
    with ig.client() as client, pytest.raises(PermanentError) as info:
        client.post(make_share(network="instagram"))
    assert str(info.value) == (
        "Instagram refused the media container (HTTP 400: The submitted image with aspect ratio cannot be published. "
        "Please submit an image with a valid aspect ratio. (code 36003/2207009)); fix the share or the account "
        "settings; podium will not retry it"
    )


def test_instagram_client_refuses_an_image_outside_the_site_before_any_call(make_network, make_share):
    ig = make_network("instagram")
    with ig.client() as client:
        for address, why in (
            ("/cards/fr/x.jpg", "needs the image's absolute address"),
            ("https://cdn.example.com/x.jpg", "is not under SITEURL (https://blog.example.org)"),
        ):
            with pytest.raises(PermanentError) as info:
                client.post(make_share(network="instagram", image_url=address))
            assert why in str(info.value)
    assert ig.server.requests == []


def test_instagram_client_against_local_graph_api_explains_an_expired_token(make_network, make_share):
    ig = make_network("instagram")
    ig.server.expired.add(INSTAGRAM_TOKEN)
    with ig.client() as client, pytest.raises(PermanentError) as info:
        client.post(make_share(network="instagram"))
    assert str(info.value) == (
        "Instagram refused the publishing limit (HTTP 400: Error validating access token: Session has expired. "
        "(code 190/463)); "
        "PODIUM_INSTAGRAM_ACCESS_TOKEN is expired or was revoked (Meta tokens expire; a password change revokes "
        "them): make a new long-lived token and update the variable"
    )


def test_instagram_client_against_local_graph_api_reports_rate_limiting_with_the_time_to_wait(make_network, make_share):
    ig = make_network("instagram")
    ig.server.throttled = True
    with ig.client() as client, pytest.raises(TransientError) as info:
        client.post(make_share(network="instagram"))
    assert str(info.value) == (
        "Instagram is rate limiting this account (There have been too many calls to this Instagram account. Wait a "
        "bit and try again. (code 80002)); access returns in about 42 minutes, so the share stays due and a later "
        "run sends it"
    )


def test_instagram_client_never_publishes_twice_when_the_publish_answer_is_lost(make_network, make_share):
    ig = make_network("instagram")
    ig.server.hang(5.0, path=f"/v25.0/{INSTAGRAM_USER}/media_publish")
    with ig.client(timeout=0.5) as client, pytest.raises(TransientError) as info:
        client.post(make_share(network="instagram"))
    assert info.value.uncertain
    assert len(ig.server.requests_to(f"/v25.0/{INSTAGRAM_USER}/media_publish")) == 1


def test_instagram_client_against_local_graph_api_gives_up_on_a_container_still_processing(make_network, make_share):
    ig = make_network("instagram", processing_polls=99)
    with ig.client() as client, pytest.raises(TransientError) as info:
        client.post(make_share(network="instagram"))
    assert ig.clock.sleeps == [60.0] * 5 and ig.server.published == {}
    assert "still preparing the image after 5 minutes; nothing was published" in str(info.value)


def test_instagram_user_id_and_graph_version_come_from_the_environment():
    with pytest.raises(MissingCredential) as info:
        from podium.publish.channels.instagram import InstagramChannel

        InstagramChannel.from_env({"PODIUM_INSTAGRAM_ACCESS_TOKEN": "t", "PODIUM_INSTAGRAM_USER_ID": "claire"})
    assert (
        str(info.value) == "PODIUM_INSTAGRAM_USER_ID must be the account's numeric Instagram user id; received 'claire'"
    )
    with pytest.raises(MissingCredential) as info:
        InstagramChannel.from_env(
            {
                "PODIUM_INSTAGRAM_ACCESS_TOKEN": "t",
                "PODIUM_INSTAGRAM_USER_ID": "1",
                "PODIUM_INSTAGRAM_GRAPH_VERSION": "25",
            }
        )
    assert str(info.value) == "PODIUM_INSTAGRAM_GRAPH_VERSION must look like v25.0; received '25'"


def test_facebook_client_against_local_graph_api_posts_message_and_link_to_the_page_feed(make_network, make_share):
    fb = make_network("facebook")
    with fb.client() as client:
        client.preflight()
        posted = client.post(make_share(network="facebook"))
    request = fb.server.requests[-1]
    assert (request.method, request.path) == ("POST", f"/v25.0/{FACEBOOK_PAGE}/feed")
    assert request.form() == {
        "message": make_share().text,
        "link": "https://blog.example.org/rentree-2027/",
        "access_token": FACEBOOK_TOKEN,
    }
    assert posted.url == f"https://www.facebook.com/{posted.remote_id}" and posted.remote_id.startswith(
        FACEBOOK_PAGE + "_"
    )


def test_facebook_preflight_against_local_graph_api_refuses_a_user_token(make_network):
    fb = make_network("facebook")
    fb.server.tokens["EAAB-user-token"] = "555000111"
    client = FacebookChannel.from_env(
        {"PODIUM_FACEBOOK_PAGE_ID": FACEBOOK_PAGE, "PODIUM_FACEBOOK_PAGE_TOKEN": "EAAB-user-token"},
        base_url=fb.server.base_url,
        sleep=fb.clock.sleep,
        clock=fb.clock.now,
    )
    with client, pytest.raises(BadInput) as info:
        client.preflight()
    assert str(info.value) == (
        f"PODIUM_FACEBOOK_PAGE_TOKEN is not a Page access token for Page {FACEBOOK_PAGE} (it belongs to 555000111); "
        "get the Page's token from GET /me/accounts with pages_manage_posts and set PODIUM_FACEBOOK_PAGE_TOKEN to it"
    )


def test_facebook_client_against_local_graph_api_says_to_complete_page_publishing_authorization(
    make_network, make_share
):
    fb = make_network("facebook", ppa_required=True)
    with fb.client() as client, pytest.raises(PermanentError) as info:
        client.post(make_share(network="facebook"))
    assert str(info.value) == (
        "Facebook refused the post (HTTP 403: (#200) This Page requires Page Publishing Authorization before it can "
        "publish (code 200)); the token lacks a permission (a Page access token with pages_manage_posts and "
        "pages_read_engagement, by someone who may create content on the Page); if the Page asks for Page "
        "Publishing Authorization, complete it in the Page's settings, then try again"
    )


def test_threads_client_against_local_threads_api_publishes_an_image_post_in_two_steps(make_network, make_share):
    th = make_network("threads")
    with th.client() as client:
        posted = client.post(make_share(network="threads"))
    paths = [(r.method, r.path) for r in th.server.requests]
    container = next(iter(th.server.containers))
    assert paths == [
        ("GET", f"/v1.0/{THREADS_USER}/threads_publishing_limit"),
        ("POST", f"/v1.0/{THREADS_USER}/threads"),
        ("GET", f"/v1.0/{container}"),
        ("POST", f"/v1.0/{THREADS_USER}/threads_publish"),
        ("GET", f"/v1.0/{posted.remote_id}"),
    ]
    form = th.server.requests[1].form()
    assert {k: form[k] for k in ("media_type", "image_url", "text", "alt_text")} == {
        "media_type": "IMAGE",
        "image_url": IMAGES["threads"][0],
        "text": make_share().text,
        "alt_text": "La rentrée 2027 — Claire Morel",
    }
    assert th.server.requests[2].query == {"fields": "status,error_message"}
    assert posted.url == f"https://www.threads.com/@leader/post/{posted.remote_id}"


def test_threads_client_against_local_threads_api_reports_the_link_limit(make_network, make_share):
    th = make_network("threads")
    text = " ".join(f"https://site{i}.example/" for i in range(6))
    with th.client() as client, pytest.raises(PermanentError) as info:
        client.post(make_share(network="threads", text=text))
    assert "THREADS_API__LINK_LIMIT_EXCEEDED" in str(info.value)
    assert str(info.value).endswith("Threads takes at most 5 links in a post: remove links from the Threads teaser")


def test_threads_client_against_local_threads_api_waits_past_250_posts_a_day(make_network, make_share):
    th = make_network("threads")
    th.server.quota_used = 250
    with th.client() as client, pytest.raises(LimitReached):
        client.post(make_share(network="threads"))
