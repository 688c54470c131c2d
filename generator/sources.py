"""Discover: the site's source files, each with the (mtime, size) its folder listing gave.

Hidden files (".x", "_x", "#x#", "x~") are skipped; symbolic links that lead
outside the project are refused. Paths are shown relative to the project, NFC.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from .config import SiteConfig
from .errors import ContentError, SiteError
from .vietnamese import normalize

SKIP_PREFIXES = (".", "_", "#")
Stamp = tuple[int, int]  # (mtime_ns, size): a file whose stamp is unchanged is taken as unchanged


class SourceFile(NamedTuple):
    path: Path
    shown: str             # as shown in messages: relative to the project root
    stamp: Stamp | None    # None when not stat'ed (no earlier build to compare with)


class ImageFile(NamedTuple):
    path: Path
    output: str            # where it is published: "images/a.jpg"
    stamp: Stamp


@dataclass(frozen=True)
class Sources:
    articles: tuple[SourceFile, ...]
    pages: tuple[SourceFile, ...]
    images: tuple[ImageFile, ...]


def display_path(path: Path | str, root: Path) -> str:
    text, prefix = str(path), str(root)
    if text.startswith(prefix) and text[len(prefix):len(prefix) + 1] == os.sep:  # fast: no PurePath work
        return normalize(text[len(prefix) + 1:].replace(os.sep, "/"))
    try:
        return normalize(Path(path).relative_to(root).as_posix())
    except ValueError:
        return normalize(Path(path).as_posix())


def _walk(folder: Path, root: Path, errors: list[SiteError], stamps: bool = True) -> list[SourceFile]:
    """Files under folder, sorted, with their stamps unless not `stamps` (shown: the full path
    as text; callers make it relative)."""
    found: list[SourceFile] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda e: normalize(e.name))
        # Path objects as pathlib makes them for a listing are cheaper than Path(entry.path);
        # scandir's entries know their type without a stat.
        paths = {path.name: path for path in folder.iterdir()}
    except (FileNotFoundError, NotADirectoryError):
        return found
    for entry in entries:
        name = entry.name
        if name.startswith(SKIP_PREFIXES) or name.endswith("~"):
            continue
        path = paths.get(name) or Path(entry.path)  # made between the two listings: the slow way
        if entry.is_symlink() and not path.resolve().is_relative_to(root):
            errors.append(ContentError(f"liên kết tượng trưng trỏ ra ngoài dự án (tới {path.resolve()}), "
                                       "không được dùng; hãy chép tệp vào dự án", display_path(path, root), 1))
            continue
        if entry.is_dir():  # a link is followed only when it stays inside the project
            found += _walk(path, root, errors, stamps)
        elif entry.is_file() and not stamps:
            found.append(SourceFile(path, entry.path, None))
        elif entry.is_file():
            try:
                st = entry.stat()
            except FileNotFoundError:  # deleted since the listing: not there
                continue
            found.append(SourceFile(path, entry.path, (st.st_mtime_ns, st.st_size)))
    return found


def discover(config: SiteConfig, stamps: bool = True) -> tuple[Sources, list[SiteError]]:
    """The source files; without `stamps` (no last build to compare with) articles and pages are
    not stat'ed here: the workers that read them do."""
    root = config.root
    content = config.path(config.content_dir)
    errors: list[SiteError] = []
    if not content.is_dir():
        errors.append(ContentError(f"không tìm thấy thư mục nội dung “{config.content_dir}”", "site.toml"))

    def markdown(folder: Path) -> tuple[SourceFile, ...]:
        return tuple(SourceFile(f.path, display_path(f.shown, root), f.stamp)
                     for f in _walk(folder, root, errors, stamps) if f.shown.lower().endswith(".md"))

    articles, pages = markdown(content / "articles"), markdown(content / "pages")
    images_dir = config.path(config.images_dir)
    images = tuple(ImageFile(f.path, "images/" + normalize(f.path.relative_to(images_dir).as_posix()), f.stamp)
                   for f in _walk(images_dir, root, errors))
    return Sources(articles, pages, images), errors
