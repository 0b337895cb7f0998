from datetime import datetime
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from podium.plugins.sitemap.urls import Doc, Url, escape_url, is_private, plan, pretty, sections

PARIS = ZoneInfo("Europe/Paris")
ROOT = "https://blog.test/"
JULY = datetime(2026, 7, 21, 9, tzinfo=PARIS)


def test_every_html_file_is_listed_by_its_address_and_other_files_are_not():
    files = ["index.html", "archives.html", "series/transition/index.html", "feeds/all.atom.xml", "images/a.jpg"]
    assert [u.loc for u in plan(files, [], set(), ROOT)] == [
        "https://blog.test/",
        "https://blog.test/archives.html",
        "https://blog.test/series/transition/",
    ]


def test_known_documents_give_their_own_url_and_date():
    docs = [Doc("posts/rentree/index.html", "https://blog.test/posts/rentree/", "fr", JULY)]
    assert plan(["posts/rentree/index.html"], docs, set(), ROOT) == [Url("https://blog.test/posts/rentree/", JULY, ())]


def test_private_pages_404_drafts_and_withheld_paths_are_left_out():
    files = [
        "social/rentree.html",
        "social/x/index.html",
        "404.html",
        "fr/404.html",
        "drafts/brouillon.html",
        "futur.html",
        "tag/secret.html",
        ".podium/tmp.html",
        "a-propos.html",
    ]
    urls = plan(files, [], {"futur.html", "tag/secret.html"}, ROOT)
    assert [u.loc for u in urls] == ["https://blog.test/a-propos.html"]


def test_a_translation_pair_lists_both_versions_on_each_entry():
    docs = [
        Doc("lettre.html", "https://blog.test/lettre.html", "fr", JULY, group="lettre.html"),
        Doc("lettre-en.html", "https://blog.test/lettre-en.html", "en", JULY, group="lettre.html"),
        Doc("seul.html", "https://blog.test/seul.html", "fr", JULY, group=""),
    ]
    urls = {u.loc: u.alternates for u in plan(["lettre.html", "lettre-en.html", "seul.html"], docs, set(), ROOT)}
    pair = (("en", "https://blog.test/lettre-en.html"), ("fr", "https://blog.test/lettre.html"))
    assert urls == {
        "https://blog.test/lettre.html": pair,
        "https://blog.test/lettre-en.html": pair,
        "https://blog.test/seul.html": (),
    }


def test_a_withheld_translation_is_never_named_as_an_alternate():
    docs = [
        Doc("lettre.html", "https://blog.test/lettre.html", "fr", JULY, group="g"),
        Doc("lettre-en.html", "https://blog.test/lettre-en.html", "en", JULY, group="g"),
    ]
    urls = plan(["lettre.html", "lettre-en.html"], docs, {"lettre-en.html"}, ROOT)
    assert urls == [Url("https://blog.test/lettre.html", JULY, ())]


def test_addresses_are_percent_encoded():
    assert (
        escape_url("https://blog.test/tag/été 2026.html?a=1&b=2")
        == "https://blog.test/tag/%C3%A9t%C3%A9%202026.html?a=1&b=2"
    )
    assert escape_url("https://blog.test/a%20b.html") == "https://blog.test/a%20b.html"
    assert [u.loc for u in plan(["tag/été.html"], [], set(), ROOT)] == ["https://blog.test/tag/%C3%A9t%C3%A9.html"]


def test_pretty_addresses_and_private_paths():
    assert (pretty("index.html"), pretty("a/index.html"), pretty("a.html")) == ("", "a/", "a.html")
    assert is_private("social/a.html") and is_private("404.html") and is_private("en/404.html")
    assert not is_private("socialisme.html") and not is_private("posts/social/a.html")


@settings(max_examples=50, deadline=None)
@given(
    st.sets(
        st.from_regex(r"(social/|drafts/|tag/|)[a-z0-9é]{1,8}(\.html|/index\.html|\.xml)", fullmatch=True), max_size=20
    ),
    st.data(),
)
def test_the_sitemap_is_exactly_the_public_html_files(files, data):
    withheld = data.draw(st.sets(st.sampled_from(sorted(files)) if files else st.nothing()))
    urls = plan(sorted(files), [], withheld, ROOT)
    expected = {f for f in files if f.endswith(".html") and f not in withheld and not is_private(f)}
    assert [u.loc for u in urls] == sorted(escape_url(ROOT + pretty(f)) for f in expected)


def test_sections_put_listings_and_pages_first_then_years_newest_first():
    docs = [
        Doc("a.html", "https://b.test/a.html", section="2024"),
        Doc("b.html", "https://b.test/b.html", section="2026"),
        Doc("index.html", "https://b.test/", section="listings"),
    ]
    urls = plan(["a.html", "b.html", "index.html", "page/1.html"], docs, set(), "https://b.test/")
    assert {name: [u.loc for u in members] for name, members in sections(urls).items()} == {
        "listings": ["https://b.test/"],
        "pages": ["https://b.test/page/1.html"],
        "2026": ["https://b.test/b.html"],
        "2024": ["https://b.test/a.html"],
    }
