"""Writing the site: into a staging folder, then swapped in whole.

A failed or killed build leaves the previous site as it was; no path derived
from content can leave the staging folder; two builds of one project never
write at once.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import shutil
from pathlib import Path, PurePosixPath

from .errors import OutputError

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


def check_output_dir(target: Path, root: Path, content: Path, keep: tuple[Path, ...] = ()) -> None:
    """Refuse an output folder whose replacement would destroy something else.

    keep: further folders of the project (templates, themes, data, cache) that the
    output may neither be nor contain.
    """
    target, root = target.resolve(), root.resolve()
    home = Path.home().resolve()
    forbidden = {root: "thư mục dự án", content.resolve(): "thư mục nội dung", home: "thư mục nhà",
                 Path(target.anchor): "thư mục gốc của ổ đĩa"}
    if target in forbidden:
        raise OutputError(f"không thể dùng {forbidden[target]} ({target}) làm thư mục đầu ra", "site.toml")
    if root.is_relative_to(target):
        raise OutputError(f"thư mục đầu ra {target} chứa cả dự án; hãy chọn một thư mục con như “output”",
                          "site.toml")
    if target.is_relative_to(content.resolve()):
        raise OutputError(f"thư mục đầu ra {target} nằm trong thư mục nội dung", "site.toml")
    for folder in keep:
        folder = folder.resolve()
        if target == folder or folder.is_relative_to(target) or target.is_relative_to(folder):
            raise OutputError(f"thư mục đầu ra {target} trùng hoặc chồng lên thư mục {folder} của dự án; "
                              "hãy chọn một thư mục riêng như “output”", "site.toml")


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


class Lock:
    """An advisory lock on the project: a second build waits for nobody, it stops."""

    def __init__(self, root: Path):
        self.path = root / LOCK_NAME
        self.handle = None

    def __enter__(self) -> "Lock":
        self.handle = open(self.path, "a+")
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


class Staging:
    """The new site, written beside the old one, then published whole.

    Two ways to publish, chosen by the build:
    - swap (the default): the staging folder holds the complete new site and
      replaces the old folder by two renames;
    - patch (an incremental build that changes few files): the staging folder
      holds only the changed files; a journal listing them is written, then each
      is moved into the live folder with os.replace and vanished files are
      removed. A build killed while patching is completed by the next one
      (roll forward), so the site is never left half old, half new.
    Either way nothing in the live folder changes before every page rendered.
    """

    def __init__(self, target: Path, patch: bool = False, previous: frozenset[str] = frozenset()):
        self.target = target.resolve()
        self.parent = self.target.parent
        self.dir = self.parent / f".{self.target.name}.new"
        self.old = self.parent / f".{self.target.name}.old"
        self.journal = self.parent / f".{self.target.name}.journal"
        self.patch = patch
        self.previous = previous             # files of the live site, for patch mode
        self.written: dict[str, str] = {}    # output path -> what wrote it (kept files included)
        self.changed: list[str] = []         # in patch mode: files to move into the live site

    def open(self) -> "Staging":
        self.parent.mkdir(parents=True, exist_ok=True)
        self.recover()
        if self.dir.exists():  # a killed build's leftovers: only we (holding the lock) may touch it
            shutil.rmtree(self.dir)
        self.dir.mkdir()
        return self

    def recover(self) -> None:
        """Finish what a killed build's publish() started; drop what it had not."""
        if self.journal.exists():
            self._apply(json.loads(self.journal.read_text(encoding="utf-8")))
            self.journal.unlink()
        if self.old.exists():
            if not self.target.exists():
                self.old.rename(self.target)
            else:
                shutil.rmtree(self.old)

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

    def publish(self) -> None:
        if not self.patch:
            if self.target.exists():
                self.target.rename(self.old)
            self.dir.rename(self.target)
            if self.old.exists():
                shutil.rmtree(self.old)
            return
        plan = {"moves": self.changed, "deletes": sorted(self.previous - self.written.keys())}
        tmp = self.journal.with_suffix(".tmp")
        tmp.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.journal)  # from here on the new site is committed
        self._apply(plan)
        self.journal.unlink()

    def _apply(self, plan: dict) -> None:
        """Move staged files into the live site and remove vanished ones (idempotent)."""
        made: set[Path] = set()
        for path in plan["moves"]:
            source = self.dir / path
            if not source.exists():  # moved before the previous build was killed
                continue
            target = self.target / path
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            os.replace(source, target)
        for path in plan["deletes"]:
            target = self.target / path
            target.unlink(missing_ok=True)
            folder = target.parent
            while folder != self.target and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent

    def discard(self) -> None:
        if self.dir.exists():
            shutil.rmtree(self.dir)
