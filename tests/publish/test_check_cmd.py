"""`podium check` tells the truth: what production refuses fails the check too, withheld posts included."""

import subprocess
import sys

from tests.conftest import post
from tests.plugins.images.helpers import plain_png

PODIUM = [sys.executable, "-m", "podium.publish.cli"]
NOW = "2026-11-28T12:00:00+01:00"
NO_ALT = "Un schéma.\n\n![]({static}/images/schema.png)\n"
ALT_ERROR = (
    "content/posts/a.md:10: image '{static}/images/schema.png' has no alt text; describe it in the "
    "brackets of ![...](...), or list it under 'decorative_images:' in the front matter if it is only decoration"
)


def podium(*args, cwd):
    return subprocess.run([*PODIUM, *args, "--now", NOW], cwd=cwd, capture_output=True, text=True, timeout=180)


def test_plain_check_fails_where_the_production_build_fails(make_site):
    site = make_site({"content/posts/a.md": post("A", slug="a", body=NO_ALT), "content/images/schema.png": plain_png()})
    plain, prod = podium("check", cwd=site), podium("check", "--prod", cwd=site)
    assert (plain.returncode, prod.returncode) == (2, 2)
    assert plain.stderr == prod.stderr
    assert ALT_ERROR in plain.stderr.splitlines()
    assert subprocess.run([*PODIUM, "build", "--prod", "--now", NOW], cwd=site, capture_output=True).returncode == 2


def test_check_reads_drafts_and_says_they_are_withheld(make_site):
    long_x = "x" * 300 + " {link}"
    site = make_site(
        {
            "content/posts/a.md": post("A", slug="a"),
            "content/posts/b.md": post("B", slug="b", status="draft", body=NO_ALT),
            "content/posts/c.md": post("C", slug="c", date="2027-05-01 09:00", teasers={"x": long_x}),
            "content/images/schema.png": plain_png(),
        }
    )
    res = podium("check", cwd=site)
    assert res.returncode == 2
    lines = res.stderr.splitlines()
    assert (
        ALT_ERROR.replace("a.md:10", "b.md:11") + " (this post is withheld: draft; it will fail when it goes out)"
        in lines
    )
    (x_line,) = [line for line in lines if "c.md" in line]
    assert x_line.startswith("content/posts/c.md:")
    assert x_line.endswith(
        "the X teaser is 324/280 (weighted); shorten it by 44 (this post is withheld: "
        "scheduled for 2027-05-01T09:00:00+02:00; it will fail when it goes out)"
    )


def test_check_says_how_many_withheld_posts_it_read(make_site):
    site = make_site(
        {"content/posts/a.md": post("A", slug="a"), "content/posts/b.md": post("B", slug="b", status="draft")}
    )
    res = podium("check", cwd=site)
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines()[-1] == (
        "OK: 1 posts and 0 pages checked, and 1 withheld (drafts, future and "
        "unapproved posts) checked as they will be when they go out."
    )
