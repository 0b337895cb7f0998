import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.plugins.feeds.model import Site, Source, Taxon, discovery, entry_for, feed_path, is_publishable, plan
from podium.plugins.post import PostView

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 11, 28, 12, tzinfo=PARIS)
SITE = Site(url="https://blog.test", name="Claire Morel", author="Claire Morel", subtitle="Énergie & industrie")
# RFC 4151: tag:authority,date:specific
TAG_URI = re.compile(r"^tag:[a-z0-9.-]+,\d{4}-\d{2}-\d{2}:[A-Za-z0-9/\-._~%]+$")


def view(slug="rentree", lang="fr", day=1, **kw):
    base = dict(
        slug=slug,
        lang=lang,
        title=f"Titre {slug}",
        url=f"https://blog.test/{slug}-{lang}.html",
        date=datetime(2026, 9, day, 9, tzinfo=PARIS),
        summary="Résumé.",
        content_html="<p>Texte</p>",
    )
    return PostView(**{**base, **kw})


def source(slug="rentree", lang="fr", day=1, category="Stratégie", tags=("énergie",), **kw):
    extra = {k: kw.pop(k) for k in ("modified", "authors", "card", "card_length") if k in kw}
    return Source(
        post=view(slug, lang, day, **kw),
        category=Taxon(category, category.lower().replace("é", "e"), f"https://blog.test/category/{category}.html"),
        tags=tuple(Taxon(t, t.replace("é", "e"), f"https://blog.test/tag/{t}.html") for t in tags),
        **extra,
    )


def by_path(feeds, fmt="atom"):
    return {f.path(fmt): f for f in feeds}


def test_entry_id_is_a_tag_uri_from_host_first_publication_day_language_and_slug():
    entry = entry_for(source(), SITE)
    assert entry.id == "tag:blog.test,2026-09-01:fr/rentree"
    assert TAG_URI.match(entry.id)


def test_entry_id_does_not_change_with_the_url_pattern_the_scheme_or_an_edit():
    a = entry_for(source(), SITE)
    moved = entry_for(
        source(url="https://blog.test/2026/09/rentree/", modified=NOW, content_html="<p>Corrigé</p>"),
        Site(url="http://blog.test:8080/blog", name="x"),
    )
    assert a.id == moved.id


def test_translations_share_a_slug_but_not_an_id():
    assert entry_for(source(lang="fr"), SITE).id != entry_for(source(lang="en"), SITE).id


def test_non_ascii_slugs_are_percent_encoded_in_the_id():
    entry = entry_for(source(slug="été-2026"), SITE)
    assert entry.id == "tag:blog.test,2026-09-01:fr/%C3%A9t%C3%A9-2026"
    assert TAG_URI.match(entry.id)


def test_updated_is_the_modified_date_when_later_else_the_publication_date():
    later = datetime(2026, 10, 2, 8, tzinfo=PARIS)
    assert entry_for(source(modified=later), SITE).updated == later
    assert entry_for(source(modified=datetime(2026, 1, 1, tzinfo=PARIS)), SITE).updated == datetime(
        2026, 9, 1, 9, tzinfo=PARIS
    )
    assert entry_for(source(), SITE).updated == datetime(2026, 9, 1, 9, tzinfo=PARIS)


def test_entry_carries_title_accents_authors_categories_and_absolute_content():
    entry = entry_for(
        source(
            title="L'été à Hélio & co <2030>",
            content_html='<img src="/i/a.jpg" alt="">',
            authors=("Claire Morel", "Léa Dubois"),
            tags=("énergie", "Stratégie"),
        ),
        SITE,
    )
    assert entry.title == "L'été à Hélio & co <2030>"
    assert entry.authors == ("Claire Morel", "Léa Dubois")
    assert entry.categories == ("Stratégie", "énergie")  # category first, then tags, each once
    assert entry.content_html == '<img src="https://blog.test/i/a.jpg" alt="">'


def test_the_site_author_stands_in_for_posts_without_one():
    assert entry_for(source(), SITE).authors == ("Claire Morel",)


def test_card_becomes_an_absolute_enclosure_with_type_and_length():
    card = {"url": "/social/rentree.png", "width": 1200, "height": 630, "alt": "Carte"}
    enclosure = entry_for(source(card=card, card_length=48213), SITE).enclosure
    assert (enclosure.url, enclosure.type, enclosure.length, enclosure.title) == (
        "https://blog.test/social/rentree.png",
        "image/png",
        48213,
        "Carte",
    )
    assert entry_for(source(card={**card, "url": "c.JPG"}), SITE).enclosure.type == "image/jpeg"
    assert entry_for(source(card=card), SITE).enclosure.length is None
    assert entry_for(source(card={"url": ""}), SITE).enclosure is None
    given = entry_for(source(card={"url": "/c/x", "type": "image/webp", "length": 99}), SITE).enclosure
    assert (given.type, given.length) == ("image/webp", 99)


def test_naive_dates_are_refused_at_the_edge():
    with pytest.raises(ValueError, match="date 2026-09-01T09:00:00 has no time zone"):
        Source(post=view(date=datetime(2026, 9, 1, 9)))
    with pytest.raises(ValueError, match="modified 2026-09-02T00:00:00 has no time zone"):
        Source(post=view(), modified=datetime(2026, 9, 2))


def test_only_published_past_unembargoed_posts_are_publishable():
    assert is_publishable(view(), NOW)
    assert not is_publishable(view(status="draft"), NOW)
    assert not is_publishable(view(status="hidden"), NOW)
    assert not is_publishable(view(date=NOW + timedelta(seconds=1)), NOW)
    assert is_publishable(view(date=NOW), NOW)
    assert not is_publishable(view(), NOW, {"rentree": "quiet period"})


def test_plan_makes_the_main_feed_and_one_per_language_category_and_tag():
    sources = [
        source("a", "fr", 1, "Stratégie", ("énergie", "climat")),
        source("a", "en", 2, "Strategy", ("energy",)),
        source("b", "fr", 3, "Résultats", ("climat",)),
    ]
    feeds = by_path(plan(sources, SITE, now=NOW))
    assert sorted(feeds) == sorted(
        [
            "feeds/all.atom.xml",
            "feeds/fr.atom.xml",
            "feeds/en.atom.xml",
            "feeds/category/strategie.atom.xml",
            "feeds/category/strategy.atom.xml",
            "feeds/category/resultats.atom.xml",
            "feeds/tag/energie.atom.xml",
            "feeds/tag/climat.atom.xml",
            "feeds/tag/energy.atom.xml",
        ]
    )
    assert [e.link for e in feeds["feeds/all.atom.xml"].entries] == [
        "https://blog.test/b-fr.html",
        "https://blog.test/a-en.html",
        "https://blog.test/a-fr.html",
    ]
    assert [e.link for e in feeds["feeds/tag/climat.atom.xml"].entries] == [
        "https://blog.test/b-fr.html",
        "https://blog.test/a-fr.html",
    ]
    assert [e.lang for e in feeds["feeds/en.atom.xml"].entries] == ["en"]
    assert feeds["feeds/en.atom.xml"].lang == "en" and feeds["feeds/all.atom.xml"].lang == ""
    assert feeds["feeds/fr.atom.xml"].title == "Claire Morel — français"
    assert feeds["feeds/en.atom.xml"].title == "Claire Morel — English"
    assert feeds["feeds/tag/energie.atom.xml"].title == "Claire Morel — #énergie"
    assert feeds["feeds/category/resultats.atom.xml"].home == "https://blog.test/category/Résultats.html"


def test_feeds_hold_no_draft_no_future_and_no_embargoed_post():
    sources = [
        source("ok", day=1),
        source("brouillon", day=2, status="draft"),
        source("futur", date=NOW + timedelta(days=1)),
        source("secret", day=3, tags=("secret",)),
    ]
    feeds = plan(sources, SITE, now=NOW, embargoed={"secret": "quiet period"})
    assert {e.link for f in feeds for e in f.entries} == {"https://blog.test/ok-fr.html"}
    assert "feeds/tag/secret.atom.xml" not in by_path(feeds)


def test_limit_keeps_the_newest_posts_and_per_setting_chooses_the_extra_feeds():
    sources = [source(f"p{day}", day=day) for day in range(1, 8)]
    site = Site(url="https://blog.test", name="C", limit=3, per=("language",))
    feeds = by_path(plan(sources, site, now=NOW))
    assert sorted(feeds) == ["feeds/all.atom.xml", "feeds/fr.atom.xml"]
    assert [e.link for e in feeds["feeds/all.atom.xml"].entries] == [
        f"https://blog.test/p{d}-fr.html" for d in (7, 6, 5)
    ]


def test_feed_updated_is_its_newest_entry_not_the_build_time():
    later = datetime(2026, 11, 1, tzinfo=PARIS)
    feeds = by_path(plan([source("a", day=1, modified=later), source("b", day=5)], SITE, now=NOW))
    assert feeds["feeds/all.atom.xml"].updated == later


def test_a_site_without_posts_still_has_its_main_feed():
    feeds = plan([], SITE, now=NOW)
    assert [(f.kind, f.entries, f.updated) for f in feeds] == [("all", (), NOW)]


def test_one_entry_object_is_shared_by_every_feed_holding_the_post():
    feeds = plan([source()], SITE, now=NOW)
    assert len({id(f.entries[0]) for f in feeds}) == 1


def test_paths_are_the_documented_ones():
    assert feed_path("all", "", "rss") == "feeds/all.rss.xml"
    assert feed_path("language", "en", "atom") == "feeds/en.atom.xml"
    assert feed_path("category", "resultats", "rss") == "feeds/category/resultats.rss.xml"
    assert feed_path("tag", "climat", "atom") == "feeds/tag/climat.atom.xml"


def test_discovery_gives_the_theme_global_and_per_page_links():
    main, by = discovery(plan([source(tags=("énergie",))], SITE, now=NOW), SITE)
    assert main == [
        {
            "title": "Claire Morel (Atom)",
            "href": "https://blog.test/feeds/all.atom.xml",
            "type": "application/atom+xml",
            "path": "feeds/all.atom.xml",
            "lang": "fr",
        },
        {
            "title": "Claire Morel (RSS)",
            "href": "https://blog.test/feeds/all.rss.xml",
            "type": "application/rss+xml",
            "path": "feeds/all.rss.xml",
            "lang": "fr",
        },
    ]
    assert [link["href"] for link in by["tag"]["energie"]] == [
        "https://blog.test/feeds/tag/energie.atom.xml",
        "https://blog.test/feeds/tag/energie.rss.xml",
    ]
    assert [link["path"] for link in by["language"]["fr"]] == ["feeds/fr.atom.xml", "feeds/fr.rss.xml"]
    assert list(by["category"]) == ["strategie"]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 400), st.sampled_from(["fr", "en"]), st.booleans()), max_size=25),
    st.integers(1, 10),
)
def test_every_feed_is_newest_first_within_its_limit_and_holds_only_publishable_posts(posts, limit):
    start = datetime(2026, 1, 1, tzinfo=UTC)
    sources = [
        Source(post=view(f"p{i}", lang, date=start + timedelta(days=days), status="published" if ok else "draft"))
        for i, (days, lang, ok) in enumerate(posts)
    ]
    now = start + timedelta(days=200)
    feeds = plan(sources, Site(url="https://blog.test", name="C", limit=limit), now=now)
    allowed = {s.post.url for s in sources if is_publishable(s.post, now)}
    for feed in feeds:
        dates = [e.published for e in feed.entries]
        assert dates == sorted(dates, reverse=True)
        assert len(feed.entries) <= limit
        assert {e.link for e in feed.entries} <= allowed
    main = feeds[0]
    assert len(main.entries) == min(limit, len(allowed))
