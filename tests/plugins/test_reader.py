"""The Markdown reader: one converter reused for every post gives the pages a fresh converter per post gives."""

import shutil

from markdown import Markdown

from podium.plugins.reader import PodiumMarkdownReader
from podium.publish.build import build
from tests.conftest import SAMPLE_NOW, post
from tests.plugins.test_pool import tree

BODY = """
## Ce que nous avons appris

Un chiffre[^1] et une abréviation : la PME.

*[PME]: petite et moyenne entreprise

## Ce que nous avons appris

[^1]: Selon notre rapport : « annuel ».
"""


def test_a_reused_converter_gives_the_same_site_as_a_fresh_one_per_post(make_site, monkeypatch):
    files = {
        f"content/posts/p{i}.md": post(
            f"Billet {i}",
            slug=f"p{i}",
            lang="fr" if i % 2 else "en",
            date=f"2026-01-{i + 1:02d} 09:00",
            body=BODY if i % 3 else "Rien à signaler ; vraiment ?",
            # a summary resets the converter too: most posts have none
            **({"summary": f"Résumé *{i}* : court[^9] !"} if i == 4 else {}),
        )
        for i in range(6)
    }
    site = make_site(files)
    reused = build(site, now=SAMPLE_NOW, output=site / "reused")
    shutil.rmtree(site / ".cache")
    made = []

    def fresh(self):
        md = Markdown(**self.settings["MARKDOWN"])
        made.append(md)
        return md

    monkeypatch.setattr(PodiumMarkdownReader, "_markdown", fresh)
    fresh_each = build(site, now=SAMPLE_NOW, output=site / "fresh")
    assert len(made) == 6
    assert reused.ctx.report.errors == fresh_each.ctx.report.errors == []
    assert tree(site / "reused") == tree(site / "fresh")
