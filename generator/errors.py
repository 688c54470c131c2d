"""One error hierarchy: every problem an editor can cause carries a file and a line.

The CLI prints each error once as ``path:line: message`` and exits 1.
"""
from __future__ import annotations

import difflib
import errno
import re
from collections.abc import Iterable

# C0 and C1 controls, line and paragraph separators: a message must stay on one line whatever
# a file name or a pasted value holds (a newline in a file name split the message line). Bidi
# embeddings, overrides and isolates too: quoted in a message (the one refusing them), U+202E
# turned the rest of the line around in the terminal.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

# What begins a warning's message (check, build's notes of moved articles): a warning is a
# SiteError that never fails a build or a check.
WARNING = "cảnh báo: "


def printable(text: str) -> str:
    """text with control characters written as escapes (\\n, \\x07 …), so it stays one line."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], text)


def case_only(missing: str, present: str, aside: str = "") -> str:
    """The problem of a name that differs from a file's only in case (linkcheck, photos): Macs and
    Windows find "Anh.JPG" as "anh.jpg", so the editor's own preview showed it; the web host does not."""
    return (f"không có tệp {missing}, chỉ có {present} khác chữ hoa, chữ thường; máy chủ web phân biệt chữ hoa, "
            f"chữ thường trong tên tệp{aside}, hãy viết tên đúng như tên tệp")


class SiteError(Exception):
    """A problem with the site's input, located in a file (and a line when known)."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __reduce__(self):
        # Errors cross from build workers to the main process: keep path and line.
        return (self.__class__, (self.message, self.path, self.line))

    def __str__(self) -> str:
        message = printable(self.message)
        if self.path is None:
            return message
        if self.line is None:
            return f"{printable(self.path)}: {message}"
        return f"{printable(self.path)}:{self.line}: {message}"

    def sort_key(self) -> tuple[str, int, str]:
        return (self.path or "", self.line or 0, self.message)


class ConfigError(SiteError):
    """site.toml is unreadable or invalid."""


class ContentError(SiteError):
    """An article, page or data file is invalid."""


class TemplateError(SiteError):
    """A theme or site template fails to compile or render."""


class OutputError(SiteError):
    """The output directory is unsafe or cannot be written."""


class BuildFailed(Exception):
    """Raised with every problem found in one run; the previous output is untouched."""

    def __init__(self, errors: Iterable[SiteError]):
        # One message per cause: a name written twice on one line (directives: [X, X]) was reported twice.
        unique = {(e.path, e.line, e.message): e for e in reversed(list(errors))}
        self.errors = sorted(unique.values(), key=SiteError.sort_key)
        super().__init__("\n".join(str(e) for e in self.errors))


_OS_REASONS = {
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EDQUOT: "đã hết hạn mức dung lượng đĩa",
    errno.EROFS: "ổ đĩa chỉ cho phép đọc",
    errno.ENOENT: "không tìm thấy (tệp vừa bị xóa hoặc là liên kết hỏng)",
    errno.EISDIR: "đây là một thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.ENAMETOOLONG: "tên quá dài",
    errno.ELOOP: "liên kết tượng trưng lặp vòng",
    errno.EIO: "lỗi đọc ghi của ổ đĩa",
    errno.EMFILE: "mở quá nhiều tệp cùng lúc",
    errno.EBUSY: "tệp đang bị chương trình khác dùng",
    errno.EEXIST: "đã có một tệp trùng tên ở chỗ thư mục",
    errno.ENOTEMPTY: "thư mục không trống",
}


def outside_link(target: object) -> str:
    """The message for a symbolic link leading out of the project, wherever the build would read
    through it (content, data files, templates and themes)."""
    return f"liên kết tượng trưng trỏ ra ngoài dự án (tới {target}), không được dùng; hãy chép tệp vào dự án"


def os_reason(exc: OSError, writing: bool = False) -> str:
    """Why a file or folder could not be read (or written), in the editor's words."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"không có quyền {'ghi' if writing else 'đọc'}; hãy kiểm tra quyền truy cập"
    reason = _OS_REASONS.get(exc.errno or 0)
    if reason is not None:
        return reason
    return f"lỗi hệ thống {errno.errorcode.get(exc.errno, exc.errno)}" if exc.errno else str(exc)


def suggest(word: str, choices: Iterable[str], fold=lambda s: s.lower(), n: int = 3) -> str:
    """A ' (bạn có muốn viết: …?)' hint with the closest choices, or '' if none is close."""
    by_key: dict[str, str] = {}
    for choice in choices:
        by_key.setdefault(fold(choice), choice)
    close = difflib.get_close_matches(fold(word), list(by_key), n=n, cutoff=0.6)
    if not close:
        return ""
    names = ", ".join(f"“{by_key[c]}”" for c in close)
    return f" (có phải ý bạn là: {names}?)"
