"""One photo's resized copies (WebP, and its own format beside them), made with Pillow.

photos.py decides which photos need copies and where they are cached; this module makes
them, whole or not at all, and says in Vietnamese why a file could not be used.
"""
from __future__ import annotations

import json
import os
import shutil
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

FALLBACK = {"JPEG": ".jpg", "MPO": ".jpg", "PNG": ".png"}   # format of the copies beside WebP
WEBP_METHOD = 4                     # 0-6: 6 saves ~3 % more and takes twice as long
WEBP_MAX = 16383                    # the longest side a WebP file can have


@dataclass(frozen=True)
class Unusable:
    """Why a file named like a photo gets no copies. A broken one (not an image, damaged, too
    large to decode) is an error even when only an article's body shows it: readers would get a
    broken picture; a readable image of another kind (GIF, an animation) is published as it is."""
    reason: str
    broken: bool
    advice: str = "hãy thay bằng ảnh JPEG, PNG hay WebP đọc được, hoặc xóa tệp"


def make_copies(source: Path, target: Path, widths: tuple[int, ...], quality: int) -> dict | Unusable:
    """Resized copies of one photo in folder `target` (made whole or not at all) and their
    metadata; or, when the file is not a photo Pillow can read, why (in Vietnamese)."""
    with warnings.catch_warnings():
        # Pillow's own notes (an EXIF tag of odd length, a photo of 90-178 million pixels) were printed
        # into the build's output as Python warnings with its file paths; what matters is judged here.
        warnings.simplefilter("ignore")
        return _make_copies(source, target, widths, quality)


def _make_copies(source: Path, target: Path, widths: tuple[int, ...], quality: int) -> dict | Unusable:
    from PIL import Image, ImageOps, UnidentifiedImageError

    tmp = target.with_name(f"{target.name}.tmp-{os.getpid()}")
    try:
        with Image.open(source) as image:
            kind = image.format
            if kind not in ("JPEG", "MPO", "PNG", "WEBP"):
                return Unusable(f"không phải ảnh JPEG, PNG hay WebP (định dạng thật: {kind})", False)
            if getattr(image, "n_frames", 1) > 1 and kind != "MPO":
                return Unusable("là ảnh động, không dùng làm ảnh đại diện được", False)
            full = _upright_size(image)
            if any(round(full[1] * w / full[0]) > WEBP_MAX for w in _widths(full[0], widths)):
                # a long infographic: WebP cannot hold its copies; the page shows the original
                return Unusable(f"quá dài ({full[0]} × {full[1]} điểm ảnh: bản thu nhỏ sẽ cao hơn {WEBP_MAX} điểm "
                                f"ảnh, mức WebP cho phép), không dùng làm ảnh đại diện được; hãy cắt ảnh ngắn lại", False)
            largest = max(w for w in _widths(full[0], widths))
            if kind in ("JPEG", "MPO") and largest * 2 <= full[0]:
                # Decode at 1/2, 1/4 or 1/8 scale (never under the largest copy): much faster for camera photos.
                image.draft("RGB", _draft_box(image.size, full, largest))
            upright = ImageOps.exif_transpose(image)
            upright.load()
    except UnidentifiedImageError:
        return Unusable("không phải tệp ảnh đọc được (JPEG, PNG hay WebP)", True)
    except Image.DecompressionBombError:
        limit = 2 * (Image.MAX_IMAGE_PIXELS or 0) // 1_000_000
        return Unusable(f"quá lớn để xử lý (hơn {limit} triệu điểm ảnh)", True, "hãy thu nhỏ ảnh rồi đưa lên lại")
    except (OSError, SyntaxError, ValueError):
        return Unusable("bị hỏng hoặc không trọn vẹn, không đọc được", True)
    if upright.mode in ("I", "I;16", "I;16B", "I;16L"):  # 16-bit grey (PNG): convert() would clip it to white
        upright = upright.convert("I").point(lambda v: v * (1 / 257)).convert("L")
    if upright.mode not in ("RGB", "RGBA"):  # palette, grey, CMYK …: resized in RGB(A), not by nearest pixel
        alpha = "A" in upright.getbands() or "transparency" in upright.info
        upright = upright.convert("RGBA" if alpha else "RGB")
    width, height = full
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    variants = []
    for w in _widths(width, widths):
        h = max(1, round(height * w / width))
        same = w == width
        copy = upright if (w, h) == upright.size else upright.resize((w, h), Image.LANCZOS, reducing_gap=3.0)
        webp_name = fallback_name = ""
        if not (same and kind == "WEBP"):
            webp_name = f"{w}.webp"
            _save(copy, tmp / webp_name, "WEBP", quality)
        if not same and kind == "WEBP":
            fallback_name = webp_name
        elif not same:
            fallback_name = f"{w}{FALLBACK[kind]}"
            _save(copy, tmp / fallback_name, "PNG" if kind == "PNG" else "JPEG", quality)
        variants.append([w, h, webp_name, fallback_name])
    meta = {"width": width, "height": height, "format": kind, "variants": variants,
            "stamps": stamps_of(tmp, [name for variant in variants for name in set(variant[2:]) if name])}
    (tmp / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    try:
        os.rename(tmp, target)
    except OSError:  # made meanwhile by another build of the same site: theirs is the same
        shutil.rmtree(tmp, ignore_errors=True)
    return meta


def _widths(width: int, widths: tuple[int, ...]) -> list[int]:
    """The copies' widths: those asked for that are narrower than the photo, and the photo's own
    width when it is not wider than the widest asked for (never an enlargement)."""
    found = {w for w in widths if w < width}
    if width <= max(widths):
        found.add(width)
    return sorted(found)


def _upright_size(image) -> tuple[int, int]:
    """The size as shown: EXIF orientations 5-8 turn the photo a quarter."""
    try:
        orientation = image.getexif().get(0x0112, 1)
    except (OSError, ValueError, SyntaxError):
        orientation = 1
    width, height = image.size
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def _draft_box(stored: tuple[int, int], upright: tuple[int, int], largest: int) -> tuple[int, int]:
    """The smallest stored size whose upright width is still at least `largest`."""
    scale = largest / upright[0]
    return max(1, int(stored[0] * scale)), max(1, int(stored[1] * scale))


def _save(image, path: Path, kind: str, quality: int) -> None:
    if kind == "JPEG":
        if image.mode != "RGB":
            image = image.convert("RGB")
        image.save(path, "JPEG", quality=quality, optimize=True, progressive=True)
    elif kind == "WEBP":
        image.save(path, "WEBP", quality=quality, method=WEBP_METHOD)
    else:
        image.save(path, "PNG")


def stamps_of(folder: Path, names: Sequence[str]) -> dict[str, list[int]]:
    stamps = {}
    prefix = f"{folder}/"  # every build stats every copy: str paths, a third of Path's cost
    for name in names:
        info = os.stat(prefix + name)
        stamps[name] = [info.st_size, info.st_mtime_ns]
    return stamps
