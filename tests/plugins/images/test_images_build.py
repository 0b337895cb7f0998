"""Post images on real Pelican builds: responsive markup, every file present, no metadata anywhere."""

import io
import re
from pathlib import Path

import pytest
from PIL import Image

from podium.plugins.errors import PodiumError
from podium.publish.build import build
from tests.conftest import SAMPLE_NOW, post

from .helpers import SVG, bomb_png, leaks, phone_jpeg, plain_png, png_with_metadata, truncated_jpeg

SITEURL = "https://blog.test"
# post(title, slug=...) writes 6 front matter lines and a blank one: the body's first line is line 8
BODY = 8


def body_line(n: int) -> int:
    return BODY + n - 1


def errors_of(site: Path, **kw) -> list[str]:
    with pytest.raises(PodiumError) as caught:
        build(site, now=SAMPLE_NOW, output=site / "output", **kw)
    return str(caught.value).splitlines()


def local(out: Path, url: str) -> Path:
    """The output file an absolute ({static} links) or root-relative (/images/...) URL points to."""
    assert url.startswith((SITEURL + "/", "/")), url
    return out / url.removeprefix(SITEURL).lstrip("/").replace("%20", " ")


@pytest.fixture
def photo_site(make_site):
    return make_site(
        {
            "content/posts/visite.md": post(
                "Visite",
                slug="visite",
                body="""
            Intro.

            ![Une centrale au matin]({static}/images/centrale.jpg)

            Suite.

            ![Schéma du réseau](/images/schema.png)
            """,
            ),
            "content/images/centrale.jpg": phone_jpeg(2000, 1000),
            "content/images/schema.png": png_with_metadata(1200, 600),
            "content/images/unused.jpg": phone_jpeg(300, 200),
        }
    )


def test_post_images_get_picture_srcset_sizes_dimensions_and_lazy_loading(photo_site):
    result = build(photo_site, prod=True, now=SAMPLE_NOW, output=photo_site / "output")
    out = result.output
    html = (out / "visite.html").read_text(encoding="utf-8")
    pictures = re.findall(r"<picture>.*?</picture>", html, re.S)
    assert len(pictures) == 2
    first, second = pictures
    assert 'width="2000" height="1000"' in first and 'loading="lazy"' not in first
    assert 'width="1200" height="600"' in second and 'loading="lazy"' in second
    assert 'type="image/webp"' in first and 'sizes="(max-width: 46rem) 100vw, 46rem"' in first
    urls = set()
    for srcset in re.findall(r'srcset="([^"]+)"', html):
        for candidate in srcset.split(", "):
            url, width = candidate.rsplit(" ", 1)
            image = Image.open(local(out, url))
            assert f"{image.width}w" == width, url
            urls.add(url)
    assert len(urls) == 8 + 6  # centrale: 3 widths × 2 formats + full WebP + original; schéma: 2 × 2 + 2
    for src in re.findall(r'<img src="([^"]+)"', html):
        assert local(out, src).exists()


def test_no_published_image_keeps_metadata_and_photos_stay_upright(photo_site):
    out = build(photo_site, prod=True, now=SAMPLE_NOW, output=photo_site / "output").output
    published = [p for p in out.rglob("*") if p.suffix.lower() in (".jpg", ".png", ".webp")]
    assert len(published) >= 16
    for path in published:
        assert leaks(path.read_bytes()) == [], path
    for path in (out / "images").glob("centrale*"):
        image = Image.open(path).convert("RGB")
        assert image.width == 2 * image.height, path  # landscape: the orientation was applied
        red, green, blue = image.getpixel((image.width // 20, image.height // 20))
        assert red > 200 and green < 60 and blue < 60, path
    unused = Image.open(out / "images" / "unused.jpg")
    assert unused.size == (300, 200)  # an image no post shows is still stripped and turned upright
    # the author's files are left exactly as they were
    assert leaks((photo_site / "content/images/centrale.jpg").read_bytes())


def test_second_build_reuses_every_processed_image(photo_site):
    first = build(photo_site, now=SAMPLE_NOW, output=photo_site / "output")
    assert first.ctx.images.library.made == 2
    second = build(photo_site, now=SAMPLE_NOW, output=photo_site / "output")
    library = second.ctx.images.library
    assert (library.made, library.reused) == (0, 2)
    assert list(second.output.glob("images/centrale-480w.webp"))


def test_image_without_alt_fails_the_build_with_its_line(make_site):
    site = make_site(
        {
            "content/posts/a.md": post("A", slug="a", body="Texte.\n\n![](/images/a.png)\n"),
            "content/images/a.png": plain_png(),
        }
    )
    expected = [
        f"content/posts/a.md:{body_line(3)}: image '/images/a.png' has no alt text; describe it in the brackets "
        "of ![...](...), or list it under 'decorative_images:' in the front matter if it is only decoration"
    ]
    assert errors_of(site, prod=True) == expected


def test_decorative_image_needs_no_alt_and_gets_an_empty_one(make_site, run_build):
    site = make_site(
        {
            "content/posts/a.md": post("A", slug="a", decorative_images=["images/a.png"], body="![](/images/a.png)\n"),
            "content/images/a.png": plain_png(),
        }
    )
    out = run_build(site, prod=True)
    assert re.search(r'<img src="[^"]*/images/a.png"[^>]* alt=""', (out / "a.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize("kind", ["preview", "local"])
def test_preview_and_local_builds_show_a_missing_alt_as_a_warning(make_site, kind):
    site = make_site(
        {
            "content/posts/a.md": post("A", slug="a", body="![](/images/a.png)\n"),
            "content/images/a.png": plain_png(),
        }
    )
    result = build(site, now=SAMPLE_NOW, output=site / "output", preview=kind == "preview")
    assert any("has no alt text" in str(w) for w in result.warnings)


def test_every_bad_image_is_reported_with_its_post_and_line(make_site, tmp_path):
    outside = tmp_path / "secret.jpg"
    outside.write_bytes(phone_jpeg())
    site = make_site(
        {
            "content/posts/bad.md": post(
                "Bad",
                slug="bad",
                body="""
            ![Absente]({static}/images/absente.jpg)
            ![Tronquée]({static}/images/tronquee.jpg)
            ![Bombe]({static}/images/bombe.png)
            ![Dessin]({static}/images/dessin.jpg)
            ![Fuite](../../secret.jpg)
            ![Lien](/images/lien.jpg)
            """,
            ),
            "content/images/tronquee.jpg": truncated_jpeg(),
            "content/images/bombe.png": bomb_png(),
            "content/images/dessin.jpg": SVG,
        }
    )
    (site / "content/images/lien.jpg").symlink_to(outside)
    errors = errors_of(site)
    where = "content/posts/bad.md"
    assert (
        f"{where}:{body_line(1)}: image '{{static}}/images/absente.jpg' not found (looked for content/images/absente.jpg); check the file name or add the file"
        in errors
    )
    assert any(
        e.startswith(f"{where}:{body_line(2)}: image '{{static}}/images/tronquee.jpg' is truncated or corrupt (")
        for e in errors
    )
    assert (
        f"{where}:{body_line(3)}: image '{{static}}/images/bombe.png' is 400 megapixels, over the limit of 80 megapixels; "
        "resize it before publishing (or raise PODIUM_IMAGES_MAX_PIXELS)"
    ) in errors
    assert (
        f"{where}:{body_line(4)}: image '{{static}}/images/dessin.jpg' is an SVG drawing where a raster image is needed; "
        "export it as PNG or use JPEG, PNG, WebP, GIF"
    ) in errors
    assert (
        f"{where}:{body_line(5)}: image '../../secret.jpg' points outside content/; use a path under content/, "
        "such as {static}/images/photo.jpg"
    ) in errors
    assert (
        f"{where}:{body_line(6)}: image '/images/lien.jpg' points outside content/; use a path under content/, "
        "such as {static}/images/photo.jpg"
    ) in errors
    assert not (site / "output").exists()  # a failed build leaves nothing half-written


def test_images_can_be_turned_off_but_are_still_stripped(make_site, run_build):
    site = make_site(
        {
            "content/posts/a.md": post("A", slug="a", body="![Photo](/images/p.jpg)\n"),
            "content/images/p.jpg": phone_jpeg(1200, 600),
        },
        settings={"PODIUM_IMAGES_ENABLED": False},
    )
    out = run_build(site)
    assert "srcset" not in (out / "a.html").read_text(encoding="utf-8")
    data = (out / "images/p.jpg").read_bytes()
    assert leaks(data) == [] and Image.open(io.BytesIO(data)).size == (1200, 600)


def test_a_decorative_image_passes_a_strict_build(make_site, run_build):
    site = make_site(
        {
            "content/posts/a.md": post(
                "A", slug="a", decorative_images=["filet.png"], body="Texte.\n\n![](/images/filet.png)\n"
            ),
            "content/images/filet.png": plain_png(),
        }
    )
    out = run_build(site, prod=True, strict=True)
    assert (out / "a.html").exists()
