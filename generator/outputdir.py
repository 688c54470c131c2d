"""The output folder checked before a build may replace it: never the project, its content or
another of its folders, nor a link, a file or a folder the build did not make (MARKER).
"""
from __future__ import annotations

from pathlib import Path

from .errors import OutputError, os_reason


# Written into every folder the build publishes: only such a folder (or an empty one) is ever replaced.
MARKER = ".lamtheobac-output"
MARKER_TEXT = ("Thư mục này do lamtheobac dựng ra; lần dựng sau sẽ thay thế toàn bộ nó.\n"
               "This folder was built by lamtheobac; the next build replaces all of it.\n")


def check_output_dir(target: Path, root: Path, content: Path, keep: tuple[Path, ...] = (),
                     shown: str = "") -> None:
    """Refuse an output folder whose replacement would destroy something else.

    keep: further folders of the project (templates, themes, data, cache) that the
    output may neither be nor contain. Only a folder the build made (it holds the
    MARKER file) or an empty one is ever replaced; a symbolic link, a file, or any
    other folder is refused. shown: the output folder as the user named it.
    """
    shown = shown or str(target)
    if target.is_symlink():
        raise OutputError(f"thư mục đầu ra “{shown}” là một liên kết tượng trưng (tới {target.resolve()}); "
                          "lamtheobac không thay thế thư mục qua liên kết, hãy chọn một thư mục thật", "site.toml")
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
    check_owned(target, shown)


def check_owned(target: Path, shown: str) -> None:
    """The output folder may be replaced: absent, empty, or made by an earlier build."""
    try:
        if not target.exists():
            return
        if not target.is_dir():
            raise OutputError(f"“{shown}” đã có và là một tệp, không phải thư mục; lamtheobac không ghi đè tệp "
                              "này: hãy xóa hoặc đổi tên nó, hoặc chọn thư mục đầu ra khác (--output)", "site.toml")
        if (target / MARKER).is_file() or not any(target.iterdir()):
            return
    except PermissionError as exc:
        raise OutputError(f"không đọc được thư mục đầu ra “{shown}”: {os_reason(exc)}", "site.toml") from None
    raise OutputError(f"thư mục đầu ra “{shown}” đã có nội dung nhưng không phải do lamtheobac dựng ra (không có "
                      f"tệp {MARKER}); để không làm mất dữ liệu, lamtheobac không thay thế nó: hãy chọn thư mục "
                      "khác (--output) hoặc tự xóa thư mục này", "site.toml")
