"""The images of one build: each made once, kept in the cache, then copied into the output.

An image is processed the first time a build meets it; its files go into the
cache under a key made of its bytes and every setting that shapes them, so the
next build only hashes it. Problems come back as ``ImageProblem`` sentences.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import PIL

from ..cards.cache import Store, digest, key
from ..files import copy_atomic
from . import process
from .decode import ImageProblem
from .variants import EXTENSIONS, Variant


@dataclass(frozen=True)
class Entry:
    """A processed image: where its files are in the cache, and what they are."""

    key: str
    width: int
    height: int
    format: str
    variants: tuple[Variant, ...]

    def filename(self, variant: Variant) -> str:
        return "original" + EXTENSIONS.get(variant.format, "") if variant.original else variant.suffix.lstrip("-")


class Library:
    def __init__(self, cache_dir: str, widths: tuple[int, ...], quality: int, max_pixels: int):
        self.store = Store(cache_dir)
        self.widths = widths
        self.quality = quality
        self.max_pixels = max_pixels
        self.made = 0  # processed in this build (cache misses)
        self.reused = 0  # found in the cache
        self._seen: dict[str, Entry] = {}

    def entry(self, data: bytes) -> Entry:
        """The processed form of an image's bytes, from the cache or made now."""
        name = key("image", process.VERSION, PIL.__version__, self.widths, self.quality, digest(data))
        if name in self._seen:
            return self._seen[name]
        manifest = self.store.manifest(name)
        if manifest is None:
            manifest = self._make(name, data)
            self.made += 1
        else:
            self.reused += 1
        found = Entry(
            name,
            manifest["width"],
            manifest["height"],
            manifest["format"],
            tuple(Variant(**v) for v in manifest["variants"]),
        )
        self._seen[name] = found
        return found

    def _make(self, name: str, data: bytes) -> dict:
        result = process.process(data, self.widths, self.quality, self.max_pixels)
        variants = [o.variant for o in result.outputs]
        probe = Entry(name, result.width, result.height, result.format, tuple(variants))
        files = {probe.filename(o.variant): o.data for o in result.outputs}
        manifest = {
            "width": result.width,
            "height": result.height,
            "format": result.format,
            "variants": [vars(v) for v in variants],
        }
        self.store.put(name, files, manifest)
        return manifest

    def publish(self, found: Entry, output: str, original_rel: str) -> list[str]:
        """Copy an entry's files beside ``original_rel`` in ``output``; returns the paths written."""
        written = []
        for variant in found.variants:
            target = os.path.join(output, variant.name(original_rel))
            copy_atomic(self.store.file(found.key, found.filename(variant)), target)
            written.append(os.path.normpath(target))
        return written

    def stripped(self, data: bytes) -> bytes | None:
        """``data`` without metadata (cached), or None when it carries none."""
        if not process.needs_strip(data, self.max_pixels):
            return None  # decided from the header alone: most files (cards, theme images) end here
        name = key("strip", process.VERSION, PIL.__version__, self.quality, digest(data))
        if self.store.manifest(name) is not None:
            return self.store.file(name, "image").read_bytes()
        clean = process.strip(data, self.max_pixels, self.quality)
        if clean is not None:
            self.store.put(name, {"image": clean}, {"bytes": len(clean)})
        return clean


__all__ = ["Library", "Entry", "ImageProblem"]
