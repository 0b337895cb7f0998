"""A published blog with shares in its ledger, and images hostile and friendly for avatars."""

from __future__ import annotations

import functools
import io
import struct
import zlib
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image

from podium.publish import ledger as ledger_mod
from tests.conftest import post

NOW = "2026-11-28T12:00:00+01:00"


def png(width: int = 200, height: int = 200, colour: str = "teal") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "PNG")
    return out.getvalue()


@functools.lru_cache(maxsize=1)
def huge_png(side: int = 20_000) -> bytes:
    """A real 20,000×20,000 one-bit PNG (a few tens of KB, 400 megapixels once decoded)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\0" * (1 + side // 8)
    packer = zlib.compressobj(9)
    body = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="5"/></svg>'


def site_with_shares(
    make_site, records: list[tuple[str, str, str]], extra_posts: dict | None = None, settings: dict | None = None
) -> Path:
    """A site with the post 'rentree' and the ledger records (share id, network, remote id)."""
    files = {
        "content/posts/rentree.md": post("La rentrée", slug="rentree", date="2026-11-20 09:00"),
        **(extra_posts or {}),
    }
    site = make_site(files, settings)
    moment = datetime(2026, 11, 20, 9, 5, tzinfo=UTC)
    book = ledger_mod.Ledger()
    for share_id, network, remote in records:
        slug = share_id.split("/")[0]
        book = book.with_record(
            ledger_mod.Record(
                share_id, network, remote, f"https://social.example/{remote}", moment, f"https://blog.test/{slug}.html"
            )
        )
    ledger_mod.save(site / "content" / ".podium" / "ledger.json", book)
    return site


def fetch_direct(site: Path, options: dict, env: dict, now: str = NOW):
    """The collecting step as publish runs it, with readers pointed at the local servers and a fake sleep."""
    from podium.publish.build import build
    from podium.publish.conversations.run import fetch_after_build
    from tests.publish.fakes import FakeClock

    result = build(site, prod=True, now=now, output=site / "built")
    clock = FakeClock()
    return fetch_after_build(
        result, site, env, reader_options={"*": {"sleep": clock.sleep, "clock": clock.now}, **options}
    )
