"""A deterministic corpus of N French posts for benchmarks: same seed, same bytes.

Each post has accents, headings, a list, footnotes, an image with a caption,
a pull quote, tags and a category. It is written twice: with podium's YAML
front matter, and with Pelican's own ``Key: value`` header for vanilla Pelican.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

WORDS = (
    "énergie transition éolien solaire réseau stockage équipe métier apprentissage "
    "sûreté qualité chantier région électricité hydrogène sobriété économie industrie "
    "territoire élu confiance décision écoute responsabilité avenir été hiver données "
    "matériel fiabilité coût émission carbone forêt rivière côte île vent lumière"
).split()
TAGS = ["énergie", "leadership", "éolien", "solaire", "talents", "résultats", "réseau", "climat", "industrie", "région"]
CATEGORIES = ["Transition", "Leadership", "Talents", "Résultats"]
IMAGES = 8


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
    return (" ".join(words)).capitalize() + rng.choice([".", ".", " !", " ?"])


def _paragraph(rng: random.Random, n: int = 4) -> str:
    return " ".join(_sentence(rng) for _ in range(n))


def body(rng: random.Random, index: int) -> str:
    parts = [_paragraph(rng), "## Ce que nous avons appris", _paragraph(rng)]
    parts.append("\n".join(f"- {_sentence(rng)}" for _ in range(4)))
    parts.append(
        f'![Vue du chantier numéro {index}]({{static}}/images/bench-{index % IMAGES}.jpg "Le chantier, au petit matin")'
    )
    parts.append(
        f"Nous avons réduit nos émissions de {rng.randint(5, 60)} % en trois ans[^1], et recruté {rng.randint(10, 400)} personnes[^2]."
    )
    parts.append(f"> {_sentence(rng)}\n>\n> — Claire Morel")
    parts.append("### Et maintenant ?")
    parts.append(_paragraph(rng, 6))
    parts.append(
        f"[^1]: Rapport annuel {2020 + index % 6}, page {rng.randint(1, 90)}.\n[^2]: Bilan social, {rng.choice(TAGS)}."
    )
    return "\n\n".join(parts) + "\n"


def posts(n: int, seed: int = 20261128):
    """Yield (slug, metadata dict, body) for n posts, all dated in the past."""
    rng = random.Random(seed)
    start = datetime(2020, 1, 1, 8, 0)
    for i in range(n):
        meta = {
            "title": f"Billet {i} : {_sentence(rng)[:-1].lower()}",
            "date": (start + timedelta(hours=37 * i)).strftime("%Y-%m-%d %H:%M"),
            "lang": "fr",
            "slug": f"billet-{i}",
            "category": rng.choice(CATEGORIES),
            "tags": sorted(set(rng.sample(TAGS, 3))),
            "summary": _sentence(rng),
        }
        yield meta["slug"], meta, body(rng, i)


def _yaml_header(meta: dict) -> str:
    import yaml

    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=None) + "---\n\n"


def _pelican_header(meta: dict) -> str:
    lines = [f"{k.capitalize()}: {', '.join(v) if isinstance(v, list) else v}" for k, v in meta.items()]
    return "\n".join(lines) + "\n\n"


def images(folder: Path) -> None:
    from PIL import Image, ImageDraw

    folder.mkdir(parents=True, exist_ok=True)
    for i in range(IMAGES):
        img = Image.new("RGB", (1600, 900), (20 + 25 * i, 80, 140))
        draw = ImageDraw.Draw(img)
        for k in range(12):
            draw.ellipse((100 * k, 40 * k, 100 * k + 300, 40 * k + 300), fill=(200, 120 + 10 * k, 60))
        img.save(folder / f"bench-{i}.jpg", quality=85)


def write(root: Path, n: int, style: str) -> Path:
    """Write the corpus under root/content; style is 'yaml' (podium) or 'pelican' (vanilla)."""
    content = root / "content"
    (content / "posts").mkdir(parents=True, exist_ok=True)
    header = _yaml_header if style == "yaml" else _pelican_header
    for slug, meta, text in posts(n):
        (content / "posts" / f"{slug}.md").write_text(header(meta) + text, encoding="utf-8")
    images(content / "images")
    return content


HUGO_CONFIG = """baseURL = "https://bench.example/"
languageCode = "fr"
title = "Bench"
[markup.goldmark.renderer]
unsafe = true
"""
HUGO_LAYOUTS = {
    "_default/baseof.html": '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{{ .Title }}</title>'
    '{{ range .AlternativeOutputFormats }}<link rel="{{ .Rel }}" type="{{ .MediaType.Type }}" href="{{ .Permalink }}">{{ end }}'
    '</head><body>{{ block "main" . }}{{ end }}</body></html>\n',
    "_default/single.html": '{{ define "main" }}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "2006-01-02" }}</time>'
    "{{ .Content }}<ul>{{ range .Params.tags }}<li>{{ . }}</li>{{ end }}</ul></article>{{ end }}\n",
    "_default/list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>'
    " {{ .Summary }}</li>{{ end }}</ul>{{ end }}\n",
}


def write_hugo(root: Path, n: int) -> Path:
    """The same posts as a minimal Hugo site: single pages, lists, tag and category pages, RSS (Hugo's own)."""
    import yaml

    (root / "content" / "posts").mkdir(parents=True, exist_ok=True)
    (root / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for rel, text in HUGO_LAYOUTS.items():
        (root / "layouts" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "layouts" / rel).write_text(text, encoding="utf-8")
    for slug, meta, text in posts(n):
        front = dict(
            meta,
            date=datetime.strptime(meta["date"], "%Y-%m-%d %H:%M").strftime("%Y-%m-%dT%H:%M:00+01:00"),
            categories=[meta.pop("category")],
        )
        header = (
            "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, default_flow_style=None) + "---\n\n"
        )
        (root / "content" / "posts" / f"{slug}.md").write_text(header + text.replace("{static}", ""), encoding="utf-8")
    images(root / "static" / "images")
    return root
