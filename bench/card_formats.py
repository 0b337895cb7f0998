"""Card encodings compared on the figures: encode time, bytes, and how far the pixels drift from the drawn card.

Draws cards for the first N titles of the benchmark corpus (bench/corpus.py),
with and without the sample blog's portrait, and encodes each in every
candidate format. Quality is the PSNR (dB) of the decoded card against the
card as drawn (lossless PNG is infinite); 40 dB and more is not visible on a
card, text edges included. Also writes one card per format to bench/results/
so they can be looked at side by side. Last, a flat card's whole cost
(drawing and encoding) as podium drew it before and as it composes it now.
Usage: python bench/card_formats.py [--cards 40]
"""

from __future__ import annotations

import argparse
import io
import math
import statistics
import sys
import time
from pathlib import Path

from PIL import Image, ImageChops, ImageStat

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
import corpus  # noqa: E402

from podium.plugins.cards import compose, design, renderer  # noqa: E402
from podium.plugins.cards.fonts import bundled  # noqa: E402
from podium.plugins.images import decode  # noqa: E402


def _png(level: int):
    return lambda image: _save(image, "PNG", compress_level=level)


def _palette(colours: int, method: Image.Quantize):
    def encode(image: Image.Image) -> bytes:
        return _save(image.quantize(colours, method=method, dither=Image.Dither.NONE), "PNG", compress_level=6)

    return encode


def _jpeg(quality: int, optimize: bool = True):
    return lambda image: _save(image, "JPEG", quality=quality, optimize=optimize, subsampling=0)


def _save(image: Image.Image, fmt: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


CANDIDATES = {
    "png (level 3, podium before)": _png(3),
    "png (level 1)": _png(1),
    "png (level 9, optimize)": lambda image: _save(image, "PNG", optimize=True),
    "png rle (compress_type 3)": lambda image: _save(image, "PNG", compress_level=3, compress_type=3),
    "png palette 256 median cut": _palette(256, Image.Quantize.MEDIANCUT),
    "png palette 64 median cut": _palette(64, Image.Quantize.MEDIANCUT),
    "png palette 256 fast octree": _palette(256, Image.Quantize.FASTOCTREE),
    "jpeg q90 4:4:4": _jpeg(90),
    "jpeg q90 4:4:4 not optimised": _jpeg(90, optimize=False),
    "jpeg q85 4:4:4": _jpeg(85),
    "png palette 256 fast octree, level 3": lambda image: _save(
        image.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE), "PNG", compress_level=3
    ),
    "podium now": lambda image: renderer.encode(image, "png"),
}


def psnr(drawn: Image.Image, data: bytes) -> float:
    back = Image.open(io.BytesIO(data)).convert("RGB")
    rms = ImageStat.Stat(ImageChops.difference(drawn, back)).rms
    mse = sum(r * r for r in rms) / len(rms)
    return math.inf if mse == 0 else 10 * math.log10(255 * 255 / mse)


def cards(n: int, portrait: Image.Image | None) -> list[Image.Image]:
    faces = renderer.Faces(bundled())
    pictures = renderer.Pictures(portrait)
    colours = design.Colours("#0f172a", "#ffffff", "#f59e0b")
    titles = [meta["title"] for _, meta, _ in corpus.posts(n)]
    return [
        renderer.render(
            renderer.Card(t, "Claire Morel", "Présidente-directrice générale", "bench.example", "classic", colours),
            faces,
            pictures,
        )
        for t in titles
    ]


def whole_against_composed(n: int) -> None:
    """Processor time per flat card, drawn and encoded: each card whole (then quantised) or composed (compose.py)."""
    faces = renderer.Faces(bundled())
    colours = design.Colours("#0f172a", "#ffffff", "#f59e0b")
    made = [
        renderer.Card(
            meta["title"], "Claire Morel", "Présidente-directrice générale", "bench.example", "classic", colours
        )
        for _, meta, _ in corpus.posts(n)
    ]
    start = time.process_time()
    whole = [_palette(256, Image.Quantize.FASTOCTREE)(renderer.render(card, faces)) for card in made]
    whole_ms = (time.process_time() - start) / n * 1000
    composer = compose.Cards(faces, renderer.Pictures())
    start = time.process_time()
    composed = [composer.encode(card, "png", flat=True) for card in made]
    composed_ms = (time.process_time() - start) / n * 1000
    drawn = [renderer.render(card, faces) for card in made]
    print(f"{'flat card, drawn and encoded':<45} {'ms':>6} {'mean kB':>8} {'min PSNR dB':>11}")
    for name, ms, datas in (
        ("whole, palette 256 fast octree (before)", whole_ms, whole),
        ("composed layers, palette ramps (podium now)", composed_ms, composed),
    ):
        kb = statistics.mean(len(d) for d in datas) / 1000
        print(f"{name:<45} {ms:>6.1f} {kb:>8.1f} {min(psnr(i, d) for i, d in zip(drawn, datas)):>11.1f}")


def measure(images: list[Image.Image], encode) -> dict:
    times, sizes, quality = [], [], []
    for image in images:
        start = time.process_time()
        data = encode(image)
        times.append(time.process_time() - start)
        sizes.append(len(data))
        quality.append(psnr(image, data))
    return {
        "ms": statistics.median(times) * 1000,
        "kb": statistics.mean(sizes) / 1000,
        "psnr": min(quality),
        "data": data,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=40)
    args = parser.parse_args()
    repo = BENCH.parent
    portrait = decode.upright(decode.decode((repo / "content" / "images" / "portrait.jpg").read_bytes(), 80_000_000))
    out = BENCH / "results"
    out.mkdir(exist_ok=True)
    start = time.process_time()
    drawn = {"text only": cards(args.cards, None), "with portrait": cards(args.cards, portrait)}
    draw_ms = (time.process_time() - start) / (2 * args.cards) * 1000
    print(f"{args.cards} cards per kind; drawing takes {draw_ms:.1f} ms of processor time per card")
    print(f"{'kind':<14} {'encoding':<30} {'encode ms':>9} {'mean kB':>8} {'min PSNR dB':>11}")
    for kind, images in drawn.items():
        for name, encode in CANDIDATES.items():
            m = measure(images, encode)
            print(f"{kind:<14} {name:<30} {m['ms']:>9.1f} {m['kb']:>8.1f} {m['psnr']:>11.1f}")
            ext = ".jpg" if m["data"][:2] == b"\xff\xd8" else ".png"
            slug = "".join(c if c.isalnum() else "-" for c in f"{kind}-{name}").strip("-")
            (out / f"card-{slug}{ext}").write_bytes(m["data"])
    whole_against_composed(args.cards)


if __name__ == "__main__":
    main()
