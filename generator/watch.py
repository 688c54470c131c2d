"""Noticing saved source files, for the preview server.

On Linux the kernel tells us (inotify, through ctypes: no extra dependency and
no cost while nothing changes, however many articles); elsewhere the tree
is polled for changed modification times. Both hand back the set of paths that
changed, after the burst of writes an editor makes on save has settled.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import select
import struct
import sys
import time
from pathlib import Path

# Editor swap, backup and lock files never change the site.
IGNORED_SUFFIXES = ("~", ".swp", ".swx", ".swo", ".tmp", ".part", ".crdownload")
SETTLE = 0.03        # seconds of quiet after the last event before reporting
MAX_SETTLE = 0.5     # a file written continuously is still reported this often
POLL_INTERVAL = 0.5  # the fallback watcher's scan interval


def ignored(name: str) -> bool:
    return name.startswith((".", "#")) or name.endswith(IGNORED_SUFFIXES)


class PollingWatcher:
    """Portable fallback: compare (mtime, size) snapshots of the watched trees."""

    def __init__(self, dirs: list[Path], files: list[Path]):
        self.dirs = dirs
        self.files = files
        self.snapshot = self._scan()

    def _scan(self) -> dict[Path, tuple[int, int]]:
        found: dict[Path, tuple[int, int]] = {}
        for path in self.files:
            try:
                st = path.stat()
            except OSError:
                continue  # not there (yet): its appearance is a change
            found[path] = (st.st_mtime_ns, st.st_size)
        stack = [d for d in self.dirs if d.is_dir()]
        while stack:
            folder = stack.pop()
            try:
                entries = list(os.scandir(folder))
            except OSError:
                continue  # removed while scanning: the next scan sees it gone
            for entry in entries:
                if ignored(entry.name):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                    continue
                try:
                    st = entry.stat()
                except OSError:
                    continue
                found[Path(entry.path)] = (st.st_mtime_ns, st.st_size)
        return found

    def wait(self, timeout: float) -> set[Path]:
        deadline = time.monotonic() + timeout
        while True:
            current = self._scan()
            old, self.snapshot = self.snapshot, current
            changed = {p for p in old.keys() | current.keys() if old.get(p) != current.get(p)}
            if changed or time.monotonic() >= deadline:
                return changed
            time.sleep(min(POLL_INTERVAL, max(0.0, deadline - time.monotonic())))

    def close(self) -> None:
        """Nothing to release."""


_IN_ATTRIB, _IN_CLOSE_WRITE, _IN_MOVED_FROM, _IN_MOVED_TO = 0x4, 0x8, 0x40, 0x80
_IN_CREATE, _IN_DELETE, _IN_DELETE_SELF, _IN_MOVE_SELF = 0x100, 0x200, 0x400, 0x800
_IN_Q_OVERFLOW, _IN_IGNORED, _IN_ISDIR = 0x4000, 0x8000, 0x40000000
_MASK = (_IN_ATTRIB | _IN_CLOSE_WRITE | _IN_MOVED_FROM | _IN_MOVED_TO | _IN_CREATE | _IN_DELETE
         | _IN_DELETE_SELF | _IN_MOVE_SELF)
_EVENT = struct.Struct("iIII")


class InotifyWatcher:
    """Linux: one kernel watch per folder; events name the file that changed."""

    def __init__(self, dirs: list[Path], files: list[Path]):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        self._add = libc.inotify_add_watch
        self._add.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32]
        self.fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")
        self.dirs = dirs
        self.files = set(files)
        self.folders: dict[int, Path] = {}
        self.recursive: set[int] = set()
        # A watched file is seen through its folder; a missing watched folder is
        # noticed when it appears in its parent.
        for parent in {f.parent for f in files} | {d.parent for d in dirs}:
            self._watch(parent, recursive=False)
        for folder in dirs:
            if folder.is_dir():
                self._watch_tree(folder)

    def _watch(self, folder: Path, recursive: bool) -> None:
        wd = self._add(self.fd, os.fsencode(folder), _MASK)
        if wd < 0:
            code = ctypes.get_errno()
            if code in (errno.ENOENT, errno.ENOTDIR):
                return  # gone already: its parent's event reports it
            raise OSError(code, f"inotify_add_watch {folder}")
        self.folders[wd] = folder
        if recursive:
            self.recursive.add(wd)

    def _watch_tree(self, top: Path) -> set[Path]:
        """Watch top and every folder in it; the files found count as changed."""
        found: set[Path] = set()
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames[:] = [d for d in dirnames if not ignored(d)]
            self._watch(Path(dirpath), recursive=True)
            found.update(Path(dirpath, f) for f in filenames if not ignored(f))
        return found

    def _relevant(self, wd: int, path: Path) -> bool:
        return wd in self.recursive or path in self.files or path in self.dirs

    def _read(self) -> tuple[set[Path], bool]:
        changed: set[Path] = set()
        try:
            data = os.read(self.fd, 1 << 16)
        except BlockingIOError:
            return changed, False
        overflow = False
        offset = 0
        while offset < len(data):
            wd, mask, _cookie, length = _EVENT.unpack_from(data, offset)
            raw = data[offset + _EVENT.size: offset + _EVENT.size + length].rstrip(b"\0")
            offset += _EVENT.size + length
            if mask & _IN_Q_OVERFLOW:
                overflow = True
                continue
            if mask & _IN_IGNORED:
                self.folders.pop(wd, None)
                self.recursive.discard(wd)
                continue
            folder = self.folders.get(wd)
            if folder is None or not raw:
                continue
            name = os.fsdecode(raw)
            path = folder / name
            if ignored(name) or not self._relevant(wd, path):
                continue
            if mask & _IN_ISDIR:
                if mask & (_IN_CREATE | _IN_MOVED_TO) and path.is_dir():
                    changed |= self._watch_tree(path)
                changed.add(path)
            elif not mask & _IN_CREATE:  # a new file is reported when its writer closes it
                changed.add(path)
        return changed, overflow

    def wait(self, timeout: float) -> set[Path]:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return set()
        changed: set[Path] = set()
        overflow = False
        started = time.monotonic()
        while True:
            more, lost = self._read()
            changed |= more
            overflow |= lost
            if time.monotonic() - started > MAX_SETTLE:
                break
            ready, _, _ = select.select([self.fd], [], [], SETTLE)
            if not ready:
                break
        if overflow:  # the kernel dropped events: say everything may have changed
            changed |= set(self.dirs) | self.files
        return changed

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def make_watcher(dirs: list[Path], files: list[Path]) -> InotifyWatcher | PollingWatcher:
    """The kernel's notifications where available, else polling."""
    if sys.platform.startswith("linux"):
        try:
            return InotifyWatcher(dirs, files)
        except (OSError, AttributeError) as exc:  # no inotify, or out of watches
            print(f"Không theo dõi được thay đổi bằng inotify ({exc}); chuyển sang dò định kỳ.", file=sys.stderr)
    return PollingWatcher(dirs, files)
