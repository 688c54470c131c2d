"""Pixel sizes of the site's images, read from their headers (no image library needed).

Pages give every local <img> its width and height, so a phone on a slow
connection lays the article out once instead of moving the text down as each
photo arrives (layout shift). Formats: JPEG, PNG, GIF, WebP, and SVG with
width and height in pixels. Anything unreadable simply gets no size.
"""
from __future__ import annotations

import html
import re
import struct
from pathlib import Path
from urllib.parse import unquote

from markupsafe import Markup

from .templatechecks import check_hashed

HEAD = 256 * 1024  # JPEG's size marker follows EXIF data, which can be long

_SVG_SIZE = re.compile(rb"<svg\b[^>]*>", re.S)
_ATTR = {name: re.compile(rb"\s" + name + rb"""\s*=\s*["']\s*([0-9.]+)(?:px)?\s*["']""")
         for name in (b"width", b"height")}
_IMG = re.compile(r'<img src="([^"]*)"(?![^>]*\swidth=)')


def image_size(path: Path) -> tuple[int, int] | None:
    """(width, height) in pixels, or None when the file is not an image we can read."""
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD)
    except OSError:
        return None
    try:
        size = _size(head)
    except (struct.error, IndexError, ValueError):
        return None  # a truncated or odd header: the page just shows the image without a size
    if size is None or size[0] <= 0 or size[1] <= 0:
        return None
    return size


def image_kind(data: bytes) -> str | None:
    """The kind of picture the bytes start as ("JPEG", "PNG", "GIF", "WebP", "AVIF"), or None."""
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP"
    if data[4:8] == b"ftyp" and data[8:12] in (b"avif", b"avis"):
        return "AVIF"
    return None


def _size(data: bytes) -> tuple[int, int] | None:
    kind = image_kind(data)
    if kind == "PNG" and data[12:16] == b"IHDR":
        return struct.unpack(">II", data[16:24])
    if kind == "GIF":
        return struct.unpack("<HH", data[6:10])
    if kind == "WebP":
        return _webp(data)
    if kind == "JPEG":
        return _jpeg(data)
    if b"<svg" in data[:4096]:
        return _svg(data)
    return None


def _jpeg(data: bytes) -> tuple[int, int] | None:
    at = 2
    while at + 9 < len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length
            at += 2
            continue
        length = struct.unpack(">H", data[at + 2:at + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):  # start of frame
            height, width = struct.unpack(">HH", data[at + 5:at + 9])
            return width, height
        at += 2 + length
    return None


def _webp(data: bytes) -> tuple[int, int] | None:
    kind = data[12:16]
    if kind == b"VP8 ":
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if kind == b"VP8L":
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if kind == b"VP8X":
        return int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1
    return None


def _svg(data: bytes) -> tuple[int, int] | None:
    tag = _SVG_SIZE.search(data)
    if tag is None:
        return None
    found = {name: pattern.search(tag.group()) for name, pattern in _ATTR.items()}
    # Only an explicit size: with a viewBox alone the browser's own default (300 wide) applies,
    # and the viewBox numbers as pixels would shrink an inline image.
    if found[b"width"] and found[b"height"]:
        return round(float(found[b"width"][1])), round(float(found[b"height"][1]))
    return None


def by_src(table: dict, src: str):
    """table's entry for a local image as an article's HTML names it: Markdown percent-encodes
    "sơ-đồ.svg" as "s%C6%A1-…", so the decoded name is tried too."""
    return table.get(src) or table.get(unquote(src))


def with_sizes(body: str, sizes: dict[str, tuple[int, int]]) -> Markup:
    """Article HTML with width and height on every <img> of a known local image that has none."""
    if not sizes or "<img" not in body:
        return Markup(body)

    def add(match: re.Match) -> str:
        src = html.unescape(match[1])
        size = by_src(sizes, src)
        return match[0] if size is None else f'{match[0]} width="{size[0]}" height="{size[1]}"'

    return Markup(_IMG.sub(add, body))


def size_attributes(src: str, sizes: dict[str, tuple[int, int]]) -> Markup:
    """' width="W" height="H"' for a known local image, else nothing."""
    if type(src) is not str:  # a template's value, hashed by the look-up: a tuple of tuples is weighed first
        check_hashed("size_attrs", src)
    size = sizes.get(src)
    return Markup(f' width="{size[0]}" height="{size[1]}"') if size else Markup("")
