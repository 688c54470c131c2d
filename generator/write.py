"""Writing the site: into a staging folder, then swapped in whole.

A failed or killed build leaves the previous site as it was; no path derived
from content can leave the staging folder; two builds of one project never
write at once. Which output folder may be replaced: outputdir.py; a patch's moves under
its journal, and what a killed build left: journal.py.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path, PurePosixPath

from .errors import OutputError, os_reason
from .folders import exchange as _exchange, new_stamp, stamp
from .journal import apply_plan, check_writable, leftovers, recover, remove_tree, undo
from .outputdir import MARKER, MARKER_TEXT

LOCK_NAME = ".lamtheobac.lock"
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC


def write_file(path: str, data: bytes) -> None:
    """data into the file at path (its folder exists). Plain os calls on a str: Path.write_bytes
    spends far more Python per file around the same system calls (docs/benchmarks.md)."""
    fd = os.open(path, _CREATE, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def published_files(folder: Path) -> set[str]:
    """Every file under a published folder, as output paths ("bai-viet/x/index.html")."""
    found: set[str] = set()
    pending = [(str(folder), "")]
    while pending:
        path, prefix = pending.pop()
        try:
            entries = os.scandir(path)
        except (FileNotFoundError, NotADirectoryError):
            continue
        with entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((entry.path, prefix + entry.name + "/"))
                else:
                    found.add(prefix + entry.name)
    return found


# Segments that can't be "", "." or ".." (none starts with a dot), no control character or backslash.
_PLAIN = re.compile(r"(?:[^\x00-\x1f\\/.][^\x00-\x1f\\/]*/)*[^\x00-\x1f\\/.][^\x00-\x1f\\/]*\Z")


def safe_relative(path: str) -> PurePosixPath:
    """A relative output path that stays inside the output folder, or an OutputError."""
    why = ("đường dẫn đầu ra {!r} không hợp lệ: phải là đường dẫn tương đối, "
           "không chứa “..”, “\\” hay ký tự điều khiển")
    if not path or "\\" in path or any(ord(c) < 32 for c in path):
        raise OutputError(why.format(path))
    pure = PurePosixPath(path)
    if pure.is_absolute() or any(part in ("..", ".", "") for part in pure.parts):
        raise OutputError(why.format(path))
    return pure


# What a page job's key (pages.py) is, in an editor's words: "tag:hoa-binh:1" -> trang chủ đề “hoa-binh”.
_PAGE_KINDS = {"article": "bài viết", "page": "trang", "tag": "trang chủ đề", "province": "trang tỉnh",
               "directive": "trang văn bản", "unit": "trang đơn vị 2025", "year": "trang năm", "home": "trang chủ"}
_PAGE_NAMES = {"tags": "danh sách chủ đề", "provinces": "danh sách tỉnh", "directives": "danh sách văn bản",
               "units": "danh sách đơn vị 2025", "years": "danh sách năm", "search": "trang tìm kiếm",
               "feed": "tin Atom của cổng", "404": "trang 404", "robots": "robots.txt", "sitemap": "sitemap.xml",
               "manifest": "site.webmanifest",
               "[cms]": "giao diện biên tập (/admin/)"}


def _page_label(origin: str) -> str | None:
    """A page job's key in words, or None when origin is not one (a file, an asset)."""
    if origin in _PAGE_NAMES:
        return _PAGE_NAMES[origin]
    kind, _, rest = origin.partition(":")
    slug = rest.split(":", 1)[0]
    if kind.endswith("-feed") and kind[:-5] in _PAGE_KINDS and slug:
        return f"tin Atom của {_PAGE_KINDS[kind[:-5]]} “{slug}”"
    if kind in _PAGE_KINDS and slug and "/" not in origin:
        return f"{_PAGE_KINDS[kind]} “{slug}”"
    return None


class Lock:
    """An advisory lock on the project: a second build waits for nobody, it stops."""

    def __init__(self, root: Path):
        self.path = root / LOCK_NAME
        self.handle = None

    def __enter__(self) -> "Lock":
        try:
            self.handle = open(self.path, "a+")
        except IsADirectoryError:
            raise OutputError(f"“{LOCK_NAME}” là một thư mục; tệp khóa của lamtheobac phải là một tệp: hãy xóa "
                              "thư mục đó rồi chạy lại", LOCK_NAME) from None
        except OSError as exc:
            raise OutputError(f"không tạo được tệp khóa “{LOCK_NAME}”: {os_reason(exc)}", LOCK_NAME) from None
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            self.handle.close()
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                raise OutputError("một lần dựng trang khác đang chạy trên dự án này; "
                                  "hãy đợi nó xong rồi chạy lại") from None
            raise
        return self

    def __exit__(self, *exc) -> None:
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()


def _move_tree(source: Path, target: Path) -> None:
    """Every file under source moved to the same place under target (folders made as needed):
    a folder target lacks is renamed at once; across file systems, files are copied."""
    if not target.exists():
        try:
            os.rename(source, target)
            return
        except OSError:  # another file system: folder by folder, file by file
            target.mkdir(parents=True)
    with os.scandir(source) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                _move_tree(Path(entry.path), target / entry.name)
                continue
            try:
                os.rename(entry.path, target / entry.name)
            except OSError:
                shutil.copyfile(entry.path, target / entry.name)


class Staging:
    """The new site, written beside the old one, then published whole.

    Two ways to publish, chosen by the build:
    - swap (the default): the staging folder holds the complete new site and
      replaces the old folder by two renames;
    - patch (an incremental build that changes few files): the staging folder
      holds only the changed files; a journal listing them is written, then each
      is moved into the live folder and vanished files are removed. Every folder
      it touches is checked to be writable first; the live files it replaces are
      kept aside until the end, so a failure half way puts them back. A build
      killed while patching is completed by the next one (roll forward), so the
      site is never left half old, half new.
    Either way nothing in the live folder changes before every page rendered.
    """

    def __init__(self, target: Path, patch: bool = False, previous: frozenset[str] = frozenset()):
        self.target = target.resolve()
        self.parent = self.target.parent
        self.dir, self.old, self.journal, self.aside = leftovers(self.target)
        self.patch = patch
        self.previous = previous             # files of the live site, for patch mode
        self.written: dict[str, str] = {}    # output path -> what wrote it (kept files included)
        self.changed: list[str] = []         # in patch mode: files to move into the live site
        self.stamp: int | None = None        # in patch mode: the live folder's time once patched (expected_id)
        self.published = False               # the new site is in (set by publish, before its clean-up)

    def open(self) -> "Staging":
        self.parent.mkdir(parents=True, exist_ok=True)
        recover(self.target)
        if self.dir.exists():  # a killed build's leftovers: only we (holding the lock) may touch it
            remove_tree(self.dir)
        self.dir.mkdir()
        if not self.patch:
            (self.dir / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        return self

    def file(self, path: str, origin: str = "") -> Path:
        """Where to write output path, its folder made; see claim()."""
        full = Path(self.claim(path, origin))
        full.parent.mkdir(parents=True, exist_ok=True)
        return full

    def claim(self, path: str, origin: str = "") -> str:
        """Where output path goes (a str: render workers write with os calls); two writers of one
        path is an error naming both.

        Claiming happens in the main process, so render workers only write files.
        """
        key = self._register(path, origin)
        if self.patch:
            self.changed.append(key)
        return f"{self.dir}/{key}"

    def _register(self, path: str, origin: str) -> str:
        if _PLAIN.match(path):  # the usual case, checked without building a path object
            key = path
        else:
            try:
                key = safe_relative(path).as_posix()
            except OutputError as exc:
                raise OutputError(exc.message, origin or None) from None
        if key in self.written:
            first, second = _page_label(self.written[key]), _page_label(origin or "?")
            if first and second:  # two pages the build makes: only [urls] can put them in one place
                raise OutputError(f"{first} và {second} cùng được ghi ra “{key}”: [urls] đặt hai loại trang vào "
                                  f"cùng một chỗ; hãy sửa [urls] (hoặc đổi tên một trong hai)", "site.toml")
            raise OutputError(f"hai nguồn cùng ghi ra “{key}”: {self.written[key]} và {origin or '?'}", origin or None)
        self.written[key] = origin or key
        return key

    def keep(self, path: str, origin: str = "") -> None:
        """In patch mode: the live file stays as it is (claimed, so collisions still show)."""
        self._register(path, origin)

    def write(self, path: str, data: bytes | str, origin: str = "", same: bool | None = None) -> None:
        """Write a file of the new site. In patch mode the live file stays when it holds the same
        bytes: `same` says whether it does from the last build's record (this folder is the one
        it published); when None, the live file is read and compared."""
        data = data.encode("utf-8") if isinstance(data, str) else data
        if self.patch and path in self.previous and same:
            self.keep(path, origin)
            return
        if self.patch and path in self.previous and same is None:
            live = self.target / path
            try:
                same = live.stat().st_size == len(data) and live.read_bytes() == data
            except OSError:
                same = False
            if same:
                self.keep(path, origin)
                return
        self.file(path, origin).write_bytes(data)

    def adopt(self, folder: Path, paths: Sequence[str], origin: str = "") -> None:
        """Swap mode: files of the new site already written under folder (which holds nothing
        else) moved in, a whole folder by one rename where the staging folder has none of its
        name (the search index: ~2,000 files)."""
        assert not self.patch
        for path in paths:
            self.claim(path, origin)
        _move_tree(folder, self.dir)

    def link_or_copy(self, path: str, source: Path, origin: str = "") -> None:
        """Put an existing file into the new site: hard link when possible (no copy)."""
        if self.patch and path in self.previous and source == self.target / path:
            self.keep(path, origin)
            return
        full = self.file(path, origin)
        try:
            os.link(source, full)
        except OSError:
            shutil.copyfile(source, full)

    def expected_id(self) -> tuple[int, int]:
        """(inode, mtime_ns) the output folder will have once published (incremental.folder_id);
        call when every file is written. Swap: the staging folder's, which a rename keeps; patch:
        the live folder's inode and a new time, set once the patch is in (also by a build that
        completes it), so that a patched folder is told from the same folder before."""
        if not self.patch:
            st = self.dir.stat()
            return st.st_ino, st.st_mtime_ns
        self.stamp = new_stamp(self.target)
        return self.target.stat().st_ino, self.stamp

    def publish(self, committed: Callable[[], None] = lambda: None) -> None:
        """The new site in place of the old; committed() is called as soon as it is, before
        what is left of the old one is removed (a build stopped in that clean-up has published)."""
        if not self.patch:
            if self.target.exists() and _exchange(self.dir, self.target):  # never a moment without a site
                os.rename(self.dir, self.old)
            else:
                if self.target.exists():
                    os.rename(self.target, self.old)
                os.rename(self.dir, self.target)
            self.published = True
            committed()
            if self.old.exists():
                remove_tree(self.old)
            return
        plan = {"moves": self.changed, "deletes": sorted(self.previous - self.written.keys()), "stamp": self.stamp}
        check_writable(self.target, plan)
        tmp = self.journal.with_suffix(".tmp")
        tmp.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.journal)  # from here on the new site is committed
        done: list[tuple[str, str]] = []
        try:
            apply_plan(self.target, self.dir, self.aside, plan, done)
        except OSError as exc:
            undo(self.target, self.aside, done)
            self.journal.unlink()
            raise OutputError(f"không chép được trang mới vào “{self.target.name}” ({exc.filename or ''}): "
                              f"{os_reason(exc)}; trang đã xuất bản được giữ nguyên như trước") from None
        stamp(self.target, self.stamp)
        self.published = True
        committed()
        self.journal.unlink()
        remove_tree(self.aside)

    def discard(self) -> None:
        """The staging folder removed, unless a committed journal still needs its files (a publish
        interrupted by Ctrl-C: the next build completes it)."""
        if self.dir.exists() and not self.journal.exists():
            remove_tree(self.dir)
