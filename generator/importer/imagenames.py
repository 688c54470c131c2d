"""Image names an import can use: a photo whose file name is already taken in the site's images
folder by another picture would show that picture on the built page. Such a photo gets a free name
made from the article's slug, and the report says so (the editor copies the photo under it).

The photo is the same one (no new name) only when the saved page's own copy is found beside it
(the page's folder or its "…_files" folder), or inside it (a single-file .mhtml page), with the
same bytes.
"""
from __future__ import annotations

from pathlib import Path

from ..sources import display_path


def _local_copy(name: str, page_dir: Path | None) -> Path | None:
    if page_dir is None:
        return None
    for folder in [page_dir, *sorted(p for p in page_dir.glob("*_files") if p.is_dir())]:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def _same(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def _same_bytes(data: bytes, path: Path) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def free_names(names: list[str], slug: str, images_dir: Path | None, page_dir: Path | None,
               embedded: dict[str, bytes] | None = None) -> tuple[dict[str, str], list[str]]:
    """({taken name: new name}, warnings) for the article's image names; ``embedded``: the
    pictures a single-file page holds, by name."""
    renamed: dict[str, str] = {}
    warnings: list[str] = []
    if images_dir is None or not images_dir.is_dir():
        return renamed, warnings
    chosen: set[str] = set()
    for name in dict.fromkeys(names):
        taken = images_dir / name
        if not taken.exists():
            continue
        inside = (embedded or {}).get(name)
        local = None if inside is not None else _local_copy(name, page_dir)

        def very_photo(path: Path) -> bool:
            return _same_bytes(inside, path) if inside is not None else local is not None and _same(local, path)

        if very_photo(taken):
            continue  # the very photo, imported before
        stem, dot, ext = name.rpartition(".")
        base = f"{slug}-{stem}" if dot else f"{slug}-{name}"
        new, n = f"{base}{dot}{ext}", 2
        while new in chosen or new in names or (images_dir / new).exists() and not very_photo(images_dir / new):
            new, n = f"{base}-{n}{dot}{ext}", n + 1
        chosen.add(new)
        renamed[name] = new
        if (images_dir / new).exists():
            continue  # renamed by an earlier import of this page, which said so
        why = "có nội dung khác" if local is not None or inside is not None else \
            "không so được vì không tìm thấy tệp ảnh của trang"
        todo = "ảnh nằm trong tệp trang, sẽ được ghi với tên này" if inside is not None else \
            "hãy chép ảnh của bài vào thư mục ảnh với tên này"
        warnings.append(f"ảnh “{name}”: thư mục ảnh đã có một ảnh khác cùng tên ({display_path(taken, Path.cwd())}, {why}); "
                        f"bài dùng tên mới “{new}”: {todo}")
    return renamed, warnings
