"""The main kinds of error in English and in French: the same path:line: prefix and exit status, the words translated."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PODIUM = [sys.executable, "-m", "podium.publish.cli"]
NBSP, NNBSP = "\u00a0", "\u202f"


def podium(*args, cwd, **env):
    environ = {**os.environ, **env}
    return subprocess.run([*PODIUM, *args], cwd=cwd, capture_output=True, text=True, timeout=300, env=environ)


def french(text: str) -> str:
    """Expected French texts are written with plain spaces here; podium writes the no-break ones."""
    return text.replace(" :", NBSP + ":").replace(" ;", NNBSP + ";").replace(" ?", NNBSP + "?")


LANGUAGES = {
    "en": {"PODIUM_UI_LANG": "en", "LANG": "fr_FR.UTF-8"},
    "fr": {"LANG": "fr_FR.UTF-8", "PODIUM_UI_LANG": ""},
    "fr-by-setting": {"PODIUM_UI_LANG": "fr", "LANG": "C.UTF-8"},
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_settings_errors_keep_their_location_and_exit_2(make_site, lang):
    site = make_site({})
    conf = site / "pelicanconf.py"
    lines = len(conf.read_text().splitlines())
    conf.write_text(conf.read_text() + "PODIUM_NETWORKS = ['twitter']\nPODIUM_FEEDS_LIMIT = 0\n")
    res = podium("check", cwd=site, **LANGUAGES[lang])
    assert res.returncode == 2
    expected = {
        "en": [
            f"pelicanconf.py:{lines + 1}: PODIUM_NETWORKS: unknown network 'twitter'; expected x, linkedin, mastodon, bluesky, threads, "
            "instagram, facebook, pinterest",
            f"pelicanconf.py:{lines + 2}: PODIUM_FEEDS_LIMIT: expected a whole number from 1 to 10000; received 0",
        ],
        "fr": [
            french(
                f"pelicanconf.py:{lines + 1}: PODIUM_NETWORKS : réseau 'twitter' : valeur inconnue ; "
                "valeurs possibles : x, linkedin, mastodon, bluesky, threads, instagram, facebook, pinterest"
            ),
            french(
                f"pelicanconf.py:{lines + 2}: PODIUM_FEEDS_LIMIT : un nombre entier de 1 à 10000 attendu ; reçu : 0"
            ),
        ],
    }[lang[:2]]
    assert [line for line in res.stderr.splitlines() if line.startswith("pelicanconf.py:")] == expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_usage_error_is_explained_in_the_language_and_exits_2(tmp_path, lang):
    res = podium("count", cwd=tmp_path, **LANGUAGES[lang])
    assert res.returncode == 2
    assert (
        res.stderr.splitlines()[-1]
        == {
            "en": "podium count: error: the following arguments are required: --network/-n",
            "fr": french("podium count : erreur : ces arguments sont obligatoires : --network/-n"),
        }[lang[:2]]
    )


def test_help_is_in_french(tmp_path):
    res = podium("build", "--help", cwd=tmp_path, LANG="fr_FR.UTF-8", PODIUM_UI_LANG="")
    assert res.returncode == 0
    assert res.stdout.startswith(french("utilisation : podium build"))
    assert "Construire le site dans output/ (--prod pour la production)." in res.stdout
    assert "afficher cette aide et quitter" in res.stdout


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_bad_post_keeps_its_location_and_exits_2(make_site, lang):
    site = make_site({"content/posts/bad.md": "---\ntitle: Mauvais\ndate: 2026-01-10 09:00\nlang: de\n---\n\nCorps.\n"})
    res = podium("build", cwd=site, **LANGUAGES[lang])
    assert res.returncode == 2
    assert {
        "en": "content/posts/bad.md:4: unknown language 'de'; write 'lang: fr' or 'lang: en'",
        "fr": french("content/posts/bad.md:4: langue inconnue 'de' ; écrivez 'lang: fr' ou 'lang: en'"),
    }[lang[:2]] in res.stderr.splitlines()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_failing_deploy_keeps_its_target_and_exits_1(make_site, tmp_path, lang):
    remote = tmp_path / "no-such-remote.git"
    site = make_site(
        {"content/posts/a.md": "---\ntitle: Bonjour\ndate: 2026-01-10 09:00\nlang: fr\nslug: a\n---\n\nCorps.\n"},
        {"PODIUM_PUBLISH_TARGETS": {"pages": {"type": "git", "remote": str(remote)}}},
    )
    res = podium("publish", "--live", "--now", "2026-11-28T12:00+01:00", cwd=site, **LANGUAGES[lang])
    assert res.returncode == 1
    start = {
        "en": f"git target 'pages' (file://{remote} gh-pages): git ",
        "fr": french(f"cible git 'pages' (file://{remote} gh-pages) : git "),
    }
    failed = [line for line in res.stderr.splitlines() if line.startswith(start[lang[:2]])]
    assert len(failed) == 1
    assert failed[0].endswith(
        {
            "en": "; check the remote, the branch and the token (token_env), then publish again",
            "fr": french(" ; vérifiez le dépôt distant, la branche et le jeton (token_env), puis publiez de nouveau"),
        }[lang[:2]]
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_calendar_error_keeps_its_line_and_column_and_exits_2(make_site, lang):
    site = make_site(
        {
            "content/posts/a.md": "---\ntitle: Bonjour\ndate: 2026-01-10 09:00\nlang: fr\nslug: rentree\n---\n\nCorps.\n",
            "content/calendar.yaml": "timezone: Europe/Paris\nposts:\n  rentre:\n    status: approved\n",
        }
    )
    res = podium("check", cwd=site, **LANGUAGES[lang])
    assert res.returncode == 2
    assert {
        "en": "content/calendar.yaml:3:3: no post has the slug 'rentre'; did you mean 'rentree'?",
        "fr": french("content/calendar.yaml:3:3: aucun billet n’a le slug 'rentre' ; vouliez-vous dire 'rentree' ?"),
    }[lang[:2]] in res.stderr.splitlines()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_withheld_reasons_are_said_in_the_readers_language(make_site, lang):
    site = make_site(
        {
            "content/posts/a.md": "---\ntitle: Bonjour\ndate: 2026-01-10 09:00\nlang: fr\nslug: a\nstatus: draft\n---\n\nCorps.\n",
            "content/posts/b.md": "---\ntitle: Plus tard\ndate: 2030-01-10 09:00\nlang: fr\nslug: b\n---\n\nCorps.\n",
        }
    )
    res = podium("build", "--now", "2026-11-28T12:00+01:00", cwd=site, **LANGUAGES[lang])
    assert res.returncode == 0, res.stderr
    assert {
        "en": "Withheld 2: a (draft), b (scheduled for 2030-01-10T09:00:00+01:00)",
        "fr": french("Retenus (2) : a (brouillon), b (programmé pour le 2030-01-10T09:00:00+01:00)"),
    }[lang[:2]] in res.stdout.splitlines()
