"""Responsive photos: the resized copies of the site's photos, made once and cached.

Every JPEG, PNG and WebP file under images_dir gets WebP copies and copies in its own
format at the widths of [images] in site.toml that are smaller than the photo (and one at
the photo's own width, when that is under the largest), written beside it in the output:
"images/a.jpg" -> "images/a.640.webp", "images/a.640.jpg". Pages offer them through
<picture> with srcset and sizes (gallery.py), so a phone downloads a photo at the size it shows it.

Copies are made once per content (a digest of the file's bytes and the settings) into
.cache/lamtheobac/photos/<digest>/ and hard-linked into every build from there; a photo
whose size and modification time are those of the last build is not even read again.
Pillow is imported only when a photo has to be made.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .config import SiteConfig
from .content import Article
from .errors import ContentError, SiteError, case_only, os_reason
from .frontmatter import decode, split
from .sources import ImageFile, SourceFile, display_path
from .incremental import UNREADABLE, dump_cache_file
from .parallel import chunks, fork_map
from .resize import WEBP_METHOD, Unusable, make_copies, stamps_of

VERSION = "2"                       # part of every digest: change it when the copies change
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
FOLDER = "photos"                   # under the cache folder
INDEX = "index.pickle"              # source path -> (stamp, digest): unchanged files are not hashed


@dataclass(frozen=True)
class Variant:
    width: int
    height: int
    webp: str        # output path: "images/a.640.webp"
    fallback: str    # output path in the photo's own format ("images/a.640.jpg"; the original at its width)


@dataclass(frozen=True)
class Photo:
    width: int
    height: int
    variants: tuple[Variant, ...]   # narrowest first


@dataclass
class Prepared:
    """What prepare() found: the photos, the files to publish, the problems, the work done."""
    photos: dict[str, Photo] = field(default_factory=dict)       # output path of the original -> its copies
    files: list[tuple[str, Path]] = field(default_factory=list)   # (output path, cached copy)
    errors: list[SiteError] = field(default_factory=list)
    made: int = 0                                                 # photos resized by this build
    damaged: set[str] = field(default_factory=set)               # output files of photos whose cache was changed




def prepare(config: SiteConfig, images: Sequence[tuple[Path, str, tuple[int, int]]], articles: Sequence[Article],
            cache: Path, workers: int = 1) -> Prepared:
    """The copies of every photo in `images` ((file, output path, (mtime_ns, size)) as discovered),
    made now only for content not seen before; an article whose `image` names a missing or
    unreadable local file is an error at the line of its `image` key."""
    folder = cache / FOLDER
    settings = repr((VERSION, config.images.widths, config.images.quality, WEBP_METHOD))
    index = _load_index(folder / INDEX)
    fresh_index: dict[str, tuple[tuple[int, int], str]] = {}
    result = Prepared()
    todo: list[tuple[Path, str, str]] = []  # (file, output path, digest) with no copies yet
    metas: dict[str, dict] = {}
    unreadable: dict[str, Unusable] = {}
    for path, out, stamp in images:
        if not out.startswith("images/") or not out.lower().endswith(PHOTO_SUFFIXES):
            continue  # an attachment of content/files (sources.FILES), or no photo: published as it is
        known = index.get(out)
        if known is not None and known[0] == stamp:
            key = known[1]
        else:
            try:
                key = _digest(path, settings)
            except OSError as exc:
                unreadable[out] = Unusable(f"không đọc được tệp ({os_reason(exc)})", True)
                continue
        fresh_index[out] = (stamp, key)
        meta = _read_meta(folder / key)
        if meta is not None and not _intact(folder / key, meta):
            # A published copy is a hard link to the cached one: a copy changed in output/ (an
            # optimiser writing in place, a truncation) changed the cache too. Made again, and
            # the photo's files published again.
            shutil.rmtree(folder / key, ignore_errors=True)
            result.damaged.add(out)
            meta = None
        if meta is None:
            todo.append((path, out, key))
        else:
            metas[out] = meta
    if todo:
        made = _make_all(todo, folder, config.images.widths, config.images.quality, workers)
        for (path, out, key), outcome in zip(todo, made):
            if isinstance(outcome, Unusable):
                unreadable[out] = outcome
                fresh_index.pop(out, None)
            else:
                metas[out] = outcome
                result.made += 1
    copy_of: dict[str, str] = {}  # a copy's output path -> its photo's
    for out, meta in metas.items():
        key = fresh_index[out][1]
        photo, files = _photo(out, meta, folder / key)
        if out in result.damaged:
            result.damaged.update(copy for copy, _ in files)
        result.photos[out] = photo
        result.files += files
        copy_of.update((copy, out) for copy, _ in files if copy != out)
    if fresh_index != index:
        folder.mkdir(parents=True, exist_ok=True)
        dump_cache_file(folder / INDEX, fresh_index)
        _prune(folder, {key for _, key in fresh_index.values()})
    result.errors = _article_errors(articles, {out for _, out, _ in images if out.startswith("images/")},
                                    unreadable, config.images_dir)
    named = {a.image.src[1:].split("?", 1)[0].split("#", 1)[0] for a in articles if a.image is not None}
    for path, out, _ in images:  # a file named as a copy of another photo ("a.240.jpg", saved from the site)
        if out in copy_of:
            photo = copy_of[out].removeprefix("images/")
            stem, _, suffix = out.removeprefix("images/").rpartition(".")
            result.errors.append(ContentError(
                f"tên tệp này trùng với tên bản thu nhỏ mà cổng tự tạo cho ảnh {config.images_dir}/{photo}; "
                f"hãy đổi tên tệp, ví dụ “{stem.replace('.', '-')}.{suffix}”", display_path(path, config.root), 1))
    for path, out, _ in images:  # broken files no `image` key names: reported at the file
        problem = unreadable.get(out)
        if problem is not None and problem.broken and out not in named:
            result.errors.append(ContentError(f"ảnh {problem.reason}; {problem.advice}",
                                              display_path(path, config.root), 1))
    return result


def publish(staging, files: list[tuple[str, Path]], output_dir: Path) -> None:
    """Put the copies into the new site: the live file when it is the cached copy itself (a hard
    link made by an earlier build: in patch mode it just stays), else a link to the cached copy."""
    for out, cached in files:
        live = output_dir / out
        try:
            same = os.path.samestat(live.stat(), cached.stat())
        except OSError:
            same = False
        staging.link_or_copy(out, live if same else cached, origin=out)


def _article_errors(articles: Sequence[Article], present: set[str], unreadable: dict[str, str],
                    images_dir: str) -> list[SiteError]:
    errors: list[SiteError] = []
    folded: dict[str, str] | None = None  # made for the first missing photo
    for article in articles:
        image = article.image
        if image is None or not image.src.startswith("/") or image.src.startswith("//"):
            continue  # an address on another site: not ours to check
        out = image.src[1:].split("?", 1)[0].split("#", 1)[0]
        line = image.line or None
        if out in present and out in unreadable:
            errors.append(ContentError(f"ảnh “{image.src}” (khóa “image”) {unreadable[out].reason}", article.path,
                                       line))
        elif out not in present and out.startswith("images/"):
            if folded is None:
                folded = {name.casefold(): name for name in present}
            errors.append(_missing(image.src, out, images_dir, article.path, line, present, folded))
        elif out not in present:
            errors.append(ContentError(f"ảnh “{image.src}” (khóa “image”) phải là một tệp trong thư mục {images_dir}, "
                                       f"ghi dạng “/images/tên-tệp.jpg”", article.path, line))
    return errors


def _missing(src: str, out: str, images_dir: str, path: str, line: int | None,
             present: set[str] = frozenset(), folded: dict[str, str] | None = None) -> ContentError:
    """folded: the present files by their casefold() name."""
    whole = src[1:]
    if whole != out and whole in present:  # "a#b.jpg": in an address, what follows # or ? is not the name
        mark = "#" if "#" in whole and ("?" not in whole or whole.index("#") < whole.index("?")) else "?"
        return ContentError(f"ảnh “{src}” (khóa “image”): tên tệp có dấu “{mark}”, mà trong một địa chỉ, phần từ "
                            f"dấu “{mark}” trở đi không thuộc tên tệp (trình duyệt sẽ tìm “/{out}”); hãy đổi tên tệp "
                            f"{images_dir}/{whole.removeprefix('images/')}, bỏ dấu “{mark}”", path, line)
    other = (folded or {}).get(out.casefold())
    if other is not None:
        return ContentError(f"không tìm thấy ảnh “{src}” (khóa “image”): "
                            + case_only(f"{images_dir}/{out.removeprefix('images/')}",
                                        f"{images_dir}/{other.removeprefix('images/')}"), path, line)
    return ContentError(f"không tìm thấy ảnh “{src}” (khóa “image”): không có tệp "
                        f"{images_dir}/{out.removeprefix('images/')}", path, line)


def unread_images(sources: Sequence[SourceFile], images: Sequence[ImageFile], images_dir: str,
                  reported: set[tuple[str, int | None]]) -> list[SiteError]:
    """The photo (key "image") of each article that could not be read, looked for as a read one's
    is: a file's problems all in one run, not its missing photo only once the rest is mended.
    reported: (file, line) of the problems found already (a path the read refused is not looked for)."""
    present = {image.output for image in images}
    folded = {name.casefold(): name for name in present}
    errors: list[SiteError] = []
    for source in sources:
        try:
            parsed = split(decode(source.path.read_bytes(), source.shown), source.shown)
        except (ContentError, OSError):
            continue  # reported by the read already: there is no front matter to look in
        image = parsed.meta.get("image")
        src = image if isinstance(image, str) else image.get("src") if isinstance(image, dict) else None
        if not isinstance(src, str) or not src.startswith("/images/"):
            continue  # another site's address, or a form the read reports
        out = src[1:].split("?", 1)[0].split("#", 1)[0]
        line = parsed.line_of_item("image", src)
        if out not in present and (source.shown, line) not in reported:
            errors.append(_missing(src, out, images_dir, source.shown, line, present, folded))
    return errors


# --- the cache ----------------------------------------------------------------------------------

def _digest(path: Path, settings: str) -> str:
    h = hashlib.blake2b(settings.encode(), digest_size=16)
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _load_index(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            value = pickle.load(handle)
        return value if isinstance(value, dict) else {}
    except UNREADABLE:
        return {}  # missing or damaged: it only costs hashing the photos again


def _read_meta(folder: Path) -> dict | None:
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) and "variants" in meta else None


def _intact(folder: Path, meta: dict) -> bool:
    """Every copy as it was made (size and modification time; copies made before the stamps
    were recorded are taken as they are)."""
    stamps = meta.get("stamps")
    if not isinstance(stamps, dict):
        return True
    try:
        return stamps_of(folder, list(stamps)) == stamps
    except OSError:
        return False


def _prune(folder: Path, live: set[str]) -> None:
    """Copies of photos no longer in the site: removed (published sites keep their own links).
    A folder still being made by another build at the same time (".tmp-<pid>") is left alone
    unless it is an hour old (a build that was killed)."""
    for entry in os.scandir(folder):
        name = entry.name
        if not entry.is_dir() or name in live or not re.fullmatch(r"[0-9a-f]{32}(\.tmp-\d+)?", name):
            continue
        if ".tmp-" in name and time.time() - entry.stat().st_mtime < 3600:
            continue
        shutil.rmtree(entry.path, ignore_errors=True)


def _photo(out: str, meta: dict, folder: Path) -> tuple[Photo, list[tuple[str, Path]]]:
    """The Photo of output path `out` from its cached copies, and the files to publish."""
    stem, dot, suffix = out.rpartition(".")
    stem, suffix = (stem, "." + suffix) if dot else (out, "")
    files: list[tuple[str, Path]] = []
    variants = []
    for width, height, webp_name, fallback_name in meta["variants"]:
        # "": the original itself; a WebP photo's narrower copies are their own fallback
        webp = out if webp_name == "" else f"{stem}.{width}.webp"
        fallback = out if fallback_name == "" else webp if fallback_name == webp_name else f"{stem}.{width}{suffix}"
        if webp_name:
            files.append((webp, folder / webp_name))
        if fallback_name and fallback_name != webp_name:
            files.append((fallback, folder / fallback_name))
        variants.append(Variant(width, height, webp, fallback))
    return Photo(meta["width"], meta["height"], tuple(variants)), files


def _make_all(todo: list[tuple[Path, str, str]], folder: Path, widths: tuple[int, ...], quality: int,
              workers: int) -> list[dict | Unusable]:
    """Each photo's metadata, or why it could not be read; in forked workers when several."""
    task = {"folder": folder, "widths": widths, "quality": quality}
    parts = chunks([(str(path), key) for path, _, key in todo], 1)
    return [outcome for part in fork_map(_make_part, parts, task, workers if len(todo) > 1 else 1)
            for outcome in part]


def _make_part(task: dict, part: Sequence[tuple[str, str]]) -> list[dict | Unusable]:
    return [make_copies(Path(path), task["folder"] / key, task["widths"], task["quality"]) for path, key in part]


__all__ = ["Photo", "Prepared", "Variant", "prepare", "publish", "unread_images"]
