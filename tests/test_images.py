"""Image sizes from file headers, and width/height on the pages' <img> tags."""
from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from generator.images import image_size, size_attributes, with_sizes


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + b"\x00" * width * 3 for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def jpeg(width: int, height: int, sof: int = 0xC0, exif: int = 0) -> bytes:
    """SOI, an APP1 (EXIF) segment of `exif` bytes, a DQT, then the frame header."""
    app1 = b"\xff\xe1" + struct.pack(">H", exif + 2) + b"E" * exif if exif else b""
    dqt = b"\xff\xdb" + struct.pack(">H", 67) + b"\x00" + b"\x01" * 64
    frame = bytes([0xFF, sof]) + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app1 + dqt + frame + b"\xff\xd9"


def webp(kind: bytes, body: bytes) -> bytes:
    chunk = kind + struct.pack("<I", len(body)) + body
    return b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk


CASES = {
    "a.png": (png(3, 2), (3, 2)),
    "a.gif": (b"GIF89a" + struct.pack("<HH", 320, 200) + b"\x00" * 20, (320, 200)),
    "a.jpg": (jpeg(640, 400), (640, 400)),
    "exif.jpg": (jpeg(4000, 3000, exif=60_000), (4000, 3000)),      # size marker after a long EXIF block
    "progressive.jpg": (jpeg(800, 533, sof=0xC2), (800, 533)),
    "lossy.webp": (webp(b"VP8 ", b"\x00" * 3 + b"\x9d\x01\x2a" + struct.pack("<HH", 1200, 675) + b"\x00" * 8),
                   (1200, 675)),
    "lossless.webp": (webp(b"VP8L", b"\x2f" + ((1023 - 1) | (767 - 1) << 14).to_bytes(4, "little") + b"\x00" * 4),
                      (1023, 767)),
    "extended.webp": (webp(b"VP8X", b"\x00" * 4 + (1919).to_bytes(3, "little") + (1079).to_bytes(3, "little")),
                      (1920, 1080)),
    "sized.svg": (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80px">'
                  b"</svg>", (120, 80)),
    "viewbox.svg": (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 10"/>', None),  # browser default
    "text.jpg": (b"not an image at all", None),
    "truncated.png": (png(3, 2)[:20], None),
    "truncated.jpg": (jpeg(640, 400)[:30], None),
    "empty.gif": (b"", None),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_image_size_from_headers(name: str, tmp_path: Path):
    data, size = CASES[name]
    path = tmp_path / name
    path.write_bytes(data)
    assert image_size(path) == size


def test_missing_file_has_no_size(tmp_path: Path):
    assert image_size(tmp_path / "gone.jpg") is None


def test_sizes_are_added_to_known_local_images_only():
    sizes = {"/images/a.jpg": (640, 400), "/images/b&c.jpg": (10, 20)}
    body = ('<p><img src="/images/a.jpg" alt="A" loading="lazy"></p>'
            '<img src="/images/b&amp;c.jpg" alt="">'
            '<img src="https://example.org/x.jpg" alt="">'
            '<img src="/images/a.jpg" width="1" height="1" alt="">')
    assert with_sizes(body, sizes) == (
        '<p><img src="/images/a.jpg" width="640" height="400" alt="A" loading="lazy"></p>'
        '<img src="/images/b&amp;c.jpg" width="10" height="20" alt="">'
        '<img src="https://example.org/x.jpg" alt="">'
        '<img src="/images/a.jpg" width="1" height="1" alt="">')
    assert size_attributes("/images/a.jpg", sizes) == ' width="640" height="400"'
    assert size_attributes("/images/zzz.jpg", sizes) == ""


def test_an_image_with_a_vietnamese_name_gets_its_size():
    """Markdown writes ![](/images/sơ-đồ.svg) percent-encoded: the image got no width and height."""
    sizes = {"/images/sơ-đồ.svg": (160, 100)}
    body = '<img src="/images/s%C6%A1-%C4%91%E1%BB%93.svg" alt="">'
    assert with_sizes(body, sizes) == '<img src="/images/s%C6%A1-%C4%91%E1%BB%93.svg" width="160" height="100" alt="">'
