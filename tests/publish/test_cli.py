"""The podium command as people run it: real subprocesses, exact messages, exit statuses."""

import subprocess
import sys

import pytest

from tests.conftest import post

PODIUM = [sys.executable, "-m", "podium.publish.cli"]


def podium(*args, cwd):
    return subprocess.run([*PODIUM, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_build_prints_where_the_site_is(make_site):
    site = make_site({"content/posts/a.md": post("Bonjour", slug="a")})
    res = podium("build", "--now", "2026-11-28T12:00+01:00", cwd=site)
    assert res.returncode == 0, res.stderr
    assert f"Open {site / 'output' / 'index.html'}" in res.stdout
    assert (site / "output" / "a.html").exists()


@pytest.mark.parametrize(
    "meta,expected",
    [
        (
            {"title": ""},
            "content/posts/bad.md:2: the post has no title; add a line 'title: Your title' to the front matter",
        ),
        (
            {"date": "le 3 mars"},
            "content/posts/bad.md:3: the date 'le 3 mars' cannot be read; write it as 2026-09-14 or 2026-09-14 08:30",
        ),
        ({"lang": "de"}, "content/posts/bad.md:4: unknown language 'de'; write 'lang: fr' or 'lang: en'"),
    ],
)
def test_bad_post_exits_2_with_location_and_leaves_output_alone(make_site, meta, expected):
    good = {"content/posts/good.md": post("Bon", slug="good")}
    site = make_site(good)
    assert podium("build", cwd=site).returncode == 0
    before = sorted(p.relative_to(site) for p in (site / "output").rglob("*"))
    fields = {"title": "Mauvais", "date": "2026-01-10 09:00", "lang": "fr", **meta}
    text = "---\n" + "".join(f"{k}: {v!r}\n" if v else f"{k}:\n" for k, v in fields.items()) + "---\n\nCorps.\n"
    (site / "content/posts/bad.md").write_text(text, encoding="utf-8")
    res = podium("build", cwd=site)
    assert res.returncode == 2
    assert expected in res.stderr.splitlines()
    assert sorted(p.relative_to(site) for p in (site / "output").rglob("*")) == before
    assert [p.name for p in site.iterdir() if p.name.startswith(".output")] == []


def test_unparsable_now_is_bad_input(make_site):
    site = make_site({})
    res = podium("build", "--now", "tomorrow", cwd=site)
    assert res.returncode == 2
    assert (
        res.stderr.strip()
        == "podium: --now: expected an ISO 8601 time such as '2027-03-02T09:00+01:00'; received 'tomorrow'"
    )


def test_broken_settings_file_points_at_its_line(make_site):
    site = make_site({})
    conf = site / "pelicanconf.py"
    conf.write_text(conf.read_text() + "PODIUM_LEADER_NAME = 'oops\n")
    res = podium("build", cwd=site)
    assert res.returncode == 2
    line = len(conf.read_text().splitlines())
    assert res.stderr.startswith(f"pelicanconf.py:{line}: the settings file is not valid Python (")


def test_wrong_podium_setting_names_setting_and_allowed_values(make_site):
    site = make_site({}, settings={"PODIUM_NETWORKS": ["x", "twitter"]})
    res = podium("build", cwd=site)
    assert res.returncode == 2
    line = next(
        i
        for i, l in enumerate((site / "pelicanconf.py").read_text().splitlines(), 1)
        if l.startswith("PODIUM_NETWORKS")
    )
    assert res.stderr.strip() == (
        f"pelicanconf.py:{line}: PODIUM_NETWORKS: unknown network 'twitter'; expected x, "
        "linkedin, mastodon, bluesky, threads, instagram, facebook, pinterest"
    )


def test_unknown_setting_warns_with_a_suggestion(make_site):
    site = make_site({}, settings={"PODIUM_LEADER_NAM": "x"})
    res = podium("build", cwd=site)
    assert res.returncode == 0
    assert "PODIUM_LEADER_NAM: unknown podium setting, ignored; did you mean PODIUM_LEADER_NAME?" in res.stderr
    assert podium("build", "--strict", cwd=site).returncode == 2


def test_new_creates_a_draft_in_the_posts_folder(make_site):
    site = make_site({})
    res = podium("new", "Ce que l’été nous a appris", "--lang", "fr", "--now", "2026-11-28T10:05+01:00", cwd=site)
    assert res.returncode == 0, res.stderr
    path = site / "content/posts/ce-que-lete-nous-a-appris.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        '---\ntitle: "Ce que l’été nous a appris"\ndate: 2026-11-28 10:05\nlang: fr\nslug: ce-que-lete-nous-a-appris\nstatus: draft\n'
    )
    again = podium("new", "Ce que l’été nous a appris", cwd=site)
    assert again.returncode == 2
    assert "a post with this slug already exists" in again.stderr
    assert podium("new", "Title", "--lang", "de", cwd=site).returncode == 2
    # the new draft builds and stays out of the site
    assert podium("build", cwd=site).returncode == 0
    assert not list((site / "output").rglob("ce-que-lete*"))


def test_init_makes_a_site_that_builds_at_once(tmp_path):
    res = podium("init", "blog", "--name", "Ada Martin", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    site = tmp_path / "blog"
    assert (site / "content/calendar.yaml").exists()
    built = podium("build", cwd=site)
    assert built.returncode == 0, built.stderr
    assert (site / "output/bienvenue.html").exists()
    assert "Ada Martin" in (site / "output/index.html").read_text(encoding="utf-8")
    assert podium("init", "blog", cwd=tmp_path).returncode == 2


def test_check_reports_without_writing(make_site):
    site = make_site({"content/posts/a.md": post("A", slug="a")})
    res = podium("check", cwd=site)
    assert res.returncode == 0, res.stderr
    assert not (site / "output").exists()


def test_check_finds_a_link_to_a_page_that_does_not_exist(make_site):
    site = make_site({"content/posts/a.md": post("A", slug="a", body="Voir [la suite](https://blog.test/suite.html).")})
    res = podium("check", "--prod", cwd=site)
    assert res.returncode == 2
    assert (
        "podium: a.html: link to https://blog.test/suite.html leads nowhere; fix the link or restore the page"
        in res.stderr.splitlines()
    )


def test_new_adds_a_draft_entry_to_the_calendar_keeping_its_comments(make_site):
    calendar = "# Notre calendrier\ntimezone: Europe/Paris\nposts:\n  # rien encore\n"
    site = make_site({"content/calendar.yaml": calendar})
    res = podium("new", "Bilan de l’année", "--now", "2026-12-01T09:00+01:00", cwd=site)
    assert res.returncode == 0, res.stderr
    text = (site / "content/calendar.yaml").read_text(encoding="utf-8")
    kept = [line for line in text.splitlines() if line in calendar.splitlines()]
    assert kept == calendar.splitlines()
    assert "  bilan-de-lannee:\n    status: draft\n    publish_at: 2026-12-01 09:00\n" in text
    assert "Added 'bilan-de-lannee' to content/calendar.yaml as a draft" in res.stdout
    assert podium("calendar", "check", cwd=site).returncode == 0


def test_new_with_a_broken_calendar_writes_nothing(make_site):
    site = make_site({"content/calendar.yaml": "timezone: Europe/Paris\nposts: [\n"})
    res = podium("new", "Titre", cwd=site)
    assert res.returncode == 2
    assert res.stderr.startswith("content/calendar.yaml:")
    assert list((site / "content/posts").iterdir()) == []
