"""One error hierarchy: every problem an editor can cause carries a file and a line.

The CLI prints each error once as ``path:line: message`` and exits 1.
"""
from __future__ import annotations

import difflib
import errno
from collections.abc import Iterable


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
        if self.path is None:
            return self.message
        if self.line is None:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}: {self.message}"

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
        self.errors = sorted(errors, key=SiteError.sort_key)
        super().__init__("\n".join(str(e) for e in self.errors))


_OS_REASONS = {
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EDQUOT: "đã hết hạn mức dung lượng đĩa",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không được phép",
    errno.EROFS: "ổ đĩa chỉ cho phép đọc",
    errno.ENOENT: "không tìm thấy",
    errno.EISDIR: "đây là một thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.ELOOP: "liên kết tượng trưng lặp vòng",
    errno.EIO: "lỗi đọc ghi của ổ đĩa",
    errno.EMFILE: "mở quá nhiều tệp cùng lúc",
    errno.EBUSY: "tệp đang bị chương trình khác dùng",
    errno.EEXIST: "đã có sẵn",
    errno.ENOTEMPTY: "thư mục không trống",
}


def os_reason(exc: OSError) -> str:
    """An operating-system error in plain Vietnamese (the English text only when unknown)."""
    return _OS_REASONS.get(exc.errno or 0) or f"lỗi hệ thống: {exc.strerror or exc}"


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
