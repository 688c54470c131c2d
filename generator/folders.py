"""Two file-system steps of publishing a site (write.Staging): folders exchanged in one step, and
the published folder's time set to the one its build recorded.
"""
from __future__ import annotations

import ctypes
import errno
import os
import time
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
try:
    _renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
except (OSError, AttributeError):  # not Linux, or a C library without renameat2 (glibc < 2.28)
    _renameat2 = None
# The file system or kernel cannot exchange: the caller renames twice.
_UNSUPPORTED = (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV)


def exchange(one: Path, other: Path) -> bool:
    """one and other (both existing) swap names in one step (Linux renameat2 RENAME_EXCHANGE), so
    that there is no moment without either; False when this system cannot, nothing changed."""
    if _renameat2 is None:
        return False
    done = _renameat2(_AT_FDCWD, os.fsencode(one), _AT_FDCWD, os.fsencode(other), _RENAME_EXCHANGE)
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(other))


def new_stamp(folder: Path) -> int:
    """A modification time (ns) the folder does not have now: set by stamp() once a patch is in,
    it tells a patched folder from the same folder before the patch."""
    stamp = time.time_ns()
    return stamp + 1 if stamp == folder.stat().st_mtime_ns else stamp


def stamp(folder: Path, mtime_ns: int | None) -> None:
    """The folder's modification time set to mtime_ns (its atime kept). Not the folder's owner (a
    shared folder writable by a group): left as it is; the build then records the folder's own
    time (commit.publish), and only a build stopped in between starts again from scratch."""
    if mtime_ns is None:
        return
    try:
        os.utime(folder, ns=(folder.stat().st_atime_ns, mtime_ns))
    except PermissionError:
        return
