"""The comms room's templates speak the page's language through the catalogue, and the catalogue finds their words."""

from __future__ import annotations

import jinja2
from babel.messages.extract import extract_from_dir

from podium.plugins.comms import templating
from tools import i18n_update

PAGE = (
    '<p>{{ _("Copy") }} · {{ ngettext("{count} post", "{count} posts", n, count=n) }} · '
    '{{ _("Open {path}", path="<b>") }}</p>'
)


def _render(monkeypatch, **values) -> str:
    env = jinja2.Environment(loader=jinja2.DictLoader({"page.html": PAGE}), autoescape=True)
    monkeypatch.setattr(templating, "environment", lambda: env)
    return templating.render("page.html", **values).decode("utf-8")


def test_a_template_says_its_words_in_the_pages_language_whatever_the_terminal_speaks(monkeypatch):
    monkeypatch.setenv("PODIUM_UI_LANG", "en")
    assert _render(monkeypatch, lang="fr", n=2) == "<p>Copier · 2 billets · Ouvrez &lt;b&gt;</p>"
    assert _render(monkeypatch, lang="fr_FR", n=1) == "<p>Copier · 1 billet · Ouvrez &lt;b&gt;</p>"
    monkeypatch.setenv("PODIUM_UI_LANG", "fr")
    assert _render(monkeypatch, lang="en", n=1) == "<p>Copy · 1 post · Open &lt;b&gt;</p>"


def test_the_catalogue_tool_extracts_the_words_of_the_comms_templates(tmp_path):
    (tmp_path / "comms" / "templates").mkdir(parents=True)
    (tmp_path / "comms" / "templates" / "page.html").write_text(PAGE, encoding="utf-8")
    found = {m[2] for m in extract_from_dir(tmp_path, i18n_update.METHODS, keywords=i18n_update.keywords())}
    assert found == {"Copy", ("{count} post", "{count} posts"), "Open {path}"}
