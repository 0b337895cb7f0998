"""Preview teasers are production teasers: a local build counts them with publishconf.py's address."""

from __future__ import annotations

import shutil

from podium.publish.cli import main
from tests.conftest import SAMPLE_NOW, post

BODY = (
    "Nous avons réduit nos délais de 30 % sur vingt projets, en écoutant les riverains dès le premier jour "
    "et en publiant chaque étape.\n\n> La concertation n'est pas une étape : c'est la méthode.\n"
)
LOCAL = {"SITEURL": "", "RELATIVE_URLS": True}
PRODUCTION = "from pelicanconf import *  # noqa\nSITEURL = 'https://claire.example'\nRELATIVE_URLS = False\n"


def _site(make_site, publishconf: str | None = PRODUCTION):
    site = make_site(
        {
            "content/posts/concertation.md": post(
                "Concerter pour accélérer", slug="concertation", tags=["énergie"], body=BODY
            )
        },
        settings=LOCAL,
    )
    if publishconf is None:
        (site / "publishconf.py").unlink()
    else:
        (site / "publishconf.py").write_text(publishconf, encoding="utf-8")
    return site


def _build(site, capsys, *extra) -> tuple[int, str]:
    where = [] if "-o" in extra else ["-o", str(site / "output")]
    status = main(["build", "-C", str(site), "--now", SAMPLE_NOW, *where, *extra])
    return status, capsys.readouterr().err


def test_a_local_build_makes_byte_identical_teasers_to_production(make_site, capsys, tmp_path):
    site = _site(make_site)
    assert _build(site, capsys) == (0, "")
    local = (site / "comms" / "data" / "teasers.json").read_bytes()
    page = (site / "output" / "concertation.html").read_text(encoding="utf-8")
    shutil.rmtree(site / "comms")
    assert _build(site, capsys, "--prod", "-o", str(tmp_path / "prod")) == (0, "")
    assert (site / "comms" / "data" / "teasers.json").read_bytes() == local
    assert b"https://claire.example/concertation.html?utm_source=x" in local and b"127.0.0.1" not in local
    # the preview's pages still link locally
    assert "https://claire.example" not in page


def test_the_kit_page_names_the_production_address_and_links_to_the_preview(make_site, capsys):
    site = _site(make_site)
    assert _build(site, capsys) == (0, "")
    kit = (site / "comms" / "posts" / "concertation.html").read_text(encoding="utf-8")
    assert (
        '<p class="address" data-address>Les accroches utilisent l’adresse de production https://claire.example\u202f; '
        "les liens de cet aperçu mènent à http://127.0.0.1:8000.</p>"
    ) in kit
    assert '<a href="http://127.0.0.1:8000/concertation.html">Lire l’article</a>' in kit


def test_a_production_build_names_its_own_address_once(make_site, capsys, tmp_path):
    site = _site(make_site)
    assert _build(site, capsys, "--prod", "-o", str(tmp_path / "prod")) == (0, "")
    kit = (site / "comms" / "posts" / "concertation.html").read_text(encoding="utf-8")
    assert (
        '<p class="address" data-address>Les accroches utilisent l’adresse de production https://claire.example.</p>'
        in kit
    )
    assert '<a href="https://claire.example/concertation.html">Lire l’article</a>' in kit


def test_without_publishconf_the_kit_page_warns_that_counts_may_differ(make_site, capsys):
    site = _site(make_site, publishconf=None)
    assert _build(site, capsys) == (0, "")
    kit = (site / "comms" / "posts" / "concertation.html").read_text(encoding="utf-8")
    assert (
        '<p class="address unknown" data-address>Aucune adresse de production n’est connue (il n’y a pas de '
        "publishconf.py)\u00a0: les accroches utilisent l’adresse de cette version, http://127.0.0.1:8000, et "
        "peuvent être comptées autrement qu’en ligne. Indiquez SITEURL dans publishconf.py.</p>"
    ) in kit
    assert (
        b"http://127.0.0.1:8000/concertation.html?utm_source=x"
        in (site / "comms" / "data" / "teasers.json").read_bytes()
    )


def test_a_publishconf_without_a_public_address_is_said_in_english_too(make_site, capsys):
    site = _site(make_site, publishconf="from pelicanconf import *  # noqa\nSITEURL = 'http://localhost:8000'\n")
    (site / "pelicanconf.py").write_text((site / "pelicanconf.py").read_text() + "DEFAULT_LANG = 'en'\n")
    assert _build(site, capsys) == (0, "")
    kit = (site / "comms" / "posts" / "concertation.html").read_text(encoding="utf-8")
    assert (
        '<p class="address unknown" data-address>No production address is known (publishconf.py sets no public '
        "SITEURL): teasers use this build’s address, http://127.0.0.1:8000, and may count differently from what "
        "goes out. Set SITEURL in publishconf.py.</p>"
    ) in kit


def test_a_broken_publishconf_is_a_warning_of_the_local_build_not_a_failure(make_site, capsys):
    site = _site(make_site, publishconf="from pelicanconf import *  # noqa\nSITEURL = HOST + '/blog'\n")
    status, err = _build(site, capsys)
    assert status == 0
    assert (
        "warning: publishconf.py:2: the settings file fails when run (NameError: name 'HOST' is not defined); "
        "fix the line (until publishconf.py can be read, teasers use http://127.0.0.1:8000, not the production "
        "address)"
    ) in err
    kit = (site / "comms" / "posts" / "concertation.html").read_text(encoding="utf-8")
    assert "(publishconf.py échoue à la lecture\u202f; voyez les avertissements de la construction)" in kit
