"""Images made for the tests: camera-style metadata, hostile files, a decompression bomb."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import ExifTags, Image, ImageDraw
from PIL.PngImagePlugin import PngInfo

#: A GPS position (Paris, Pont Neuf) written into test photos; it must never reach the output.
LATITUDE = (48.0, 51.0, 24.0)
LONGITUDE = (2.0, 20.0, 27.0)
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="48,51.4N"/></rdf:RDF></x:xmpmeta>'
)


def upright_picture(width: int = 400, height: int = 200) -> Image.Image:
    """A landscape picture with a red block in its top-left corner, to see which way it turned."""
    image = Image.new("RGB", (width, height), (40, 120, 200))
    ImageDraw.Draw(image).rectangle((0, 0, width // 5, height // 5), fill=(255, 0, 0))
    return image


def camera_exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PodiumCam"
    exif[ExifTags.Base.Model] = "Phone 12"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.DateTime] = "2026:03:01 08:15:00"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = LATITUDE
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = LONGITUDE
    return exif


def phone_jpeg(width: int = 400, height: int = 200, sideways: bool = True) -> bytes:
    """A JPEG as a phone writes it: pixels stored turned a quarter, Orientation = 6, GPS, XMP and a comment."""
    picture = upright_picture(width, height)
    stored = picture.transpose(Image.Transpose.ROTATE_90) if sideways else picture
    out = io.BytesIO()
    stored.save(
        out, "JPEG", quality=95, exif=camera_exif(6 if sideways else 1).tobytes(), comment=b"taken at home", xmp=XMP
    )
    return out.getvalue()


def png_with_metadata(width: int = 300, height: int = 150, mode: str = "RGBA", transparent: bool = False) -> bytes:
    image = upright_picture(width, height).convert(mode)
    if transparent:  # the bottom-right quarter is see-through
        ImageDraw.Draw(image).rectangle((width // 2, height // 2, width, height), fill=(0, 0, 0, 0))
    info = PngInfo()
    info.add_text("Comment", "GPS 48.85N 2.34E")
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    out = io.BytesIO()
    image.save(out, "PNG", pnginfo=info, exif=camera_exif(1).tobytes())
    return out.getvalue()


def plain_png(width: int = 64, height: int = 64, colour=(10, 200, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "PNG")
    return out.getvalue()


def truncated_jpeg() -> bytes:
    data = phone_jpeg(800, 600, sideways=False)
    return data[: len(data) * 6 // 10]


SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n'


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def bomb_png(side: int = 20_000) -> bytes:
    """A real, valid 20,000 × 20,000 black-and-white PNG: about 50 KB on disk, 400 megapixels once decoded."""
    row = b"\x00" + bytes((side + 7) // 8)
    packer = zlib.compressobj(9)
    body = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", body) + _chunk(b"IEND", b"")


def leaks(data: bytes) -> list[str]:
    """Traces of metadata left in a file's bytes, by any name."""
    found = []
    for marker in (b"Exif", b"GPS", b"PodiumCam", b"xmpmeta", b"taken at home", b"48.85N", b"2026:03:01"):
        if marker in data:
            found.append(marker.decode())
    image = Image.open(io.BytesIO(data))
    if len(image.getexif()):
        found.append("exif tags")
    for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment", "Comment", "icc_profile"):
        if key in image.info:
            found.append(f"info[{key}]")
    return found
