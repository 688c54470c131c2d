"""Where the CMS's local backend may read and write: paths confined to the articles and images folders.

Every path a request names is checked here before anything is read or written: relative to the
project, inside one of the folders, no "..", no absolute path, no symbolic link leading out, and
new files only with safe names. Refusals are Refused errors with a message in Vietnamese.
"""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

ARTICLE_EXTENSIONS = (".md",)
IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif")  # no SVG: it can carry scripts
# One path segment: lower-case ASCII letters, digits and "-" (what the CMS's slugs are made of), "_" and
# "." inside; never starting with "." or "_" (the build skips such files) or "-".
_SEGMENT = re.compile(r"[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9_-]+)*")


class Refused(Exception):
    """A request the backend will not carry out: (HTTP status, message for the editor)."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Area:
    """A folder the CMS may use: files with these extensions, up to max_size bytes."""
    name: str                  # project-relative POSIX path, e.g. "content/articles"
    extensions: tuple[str, ...]
    max_size: int
    what: str                  # for messages: "bài viết", "ảnh"


class Confined:
    """The path checks of LocalBackend (root: the project, resolved; areas: the folders it may use)."""
    root: Path
    areas: tuple[Area, ...]

    def _area_of(self, path: PurePosixPath) -> Area | None:
        for area in self.areas:
            if path == PurePosixPath(area.name) or PurePosixPath(area.name) in path.parents:
                return area
        return None

    def _checked(self, raw: Any, kind: str = "file") -> tuple[Path, Area]:
        """The real path of a project-relative path inside one of the areas, or Refused.

        kind "file": a file of a type the area accepts (a new one also needs a safe name);
        "folder": the area or a folder inside it.
        """
        if not isinstance(raw, str) or not raw:
            raise Refused(422, "đường dẫn tệp không hợp lệ")
        text = raw  # as the listing gave it (a name on disk may be NFD); new names must be ASCII anyway
        if "\\" in text or "\x00" in text or text.startswith("/") or re.match(r"^[A-Za-z]:", text):
            raise Refused(403, f"đường dẫn “{raw}” không hợp lệ: phải là đường dẫn tương đối trong dự án")
        path = PurePosixPath(text)
        if any(part in ("..", ".") for part in path.parts):
            raise Refused(403, f"đường dẫn “{raw}” không được chứa “..”")
        area = self._area_of(path)
        if area is None:
            allowed = " và ".join(a.name + "/" for a in self.areas)
            raise Refused(403, f"chỉ được đọc, ghi tệp trong {allowed}, không phải “{raw}”")
        inner = path.relative_to(area.name).parts
        full = self.root.joinpath(*path.parts)
        if kind == "file":
            if not inner or not inner[-1].lower().endswith(area.extensions):
                raise Refused(422, f"tệp {area.what} phải có đuôi {', '.join(area.extensions)}, không phải “{raw}”")
            if full.is_dir() and not full.is_symlink():  # a folder named "a.jpg": not a file to read, write or delete
                raise Refused(422, f"“{raw}” là một thư mục, không phải tệp {area.what}")
            # Files made here get safe names; existing ones (named by hand) can still be read, edited, deleted.
            if not os.path.lexists(full) and not all(_SEGMENT.fullmatch(part) for part in inner):
                raise Refused(422, f"tên tệp mới “{raw}” chỉ được gồm chữ thường không dấu a-z, số 0-9 và dấu "
                                   f"“-” (ví dụ anh-hoi-nghi.jpg)")
        area_dir = self.root / area.name
        base = area_dir.resolve()
        # The deepest existing part of the path must resolve inside the area: no symbolic link leads out.
        existing = full
        while not os.path.lexists(existing) and existing != area_dir:
            existing = existing.parent
        if os.path.lexists(existing) and not existing.resolve().is_relative_to(base):
            raise Refused(403, f"“{raw}” dẫn ra ngoài thư mục {area.name}/ (liên kết tượng trưng)")
        if full.is_symlink():
            raise Refused(403, f"“{raw}” là liên kết tượng trưng; giao diện biên tập không sửa tệp loại này")
        return full, area

    def _not_read_only(self, full: Path, raw: Any, doing: str) -> None:
        """A file no one may write (its owner made it read-only, to keep an archived article as it
        is) is not replaced: the rename the save ends with ignored the mark, for root or not."""
        try:
            mode = full.stat().st_mode
        except FileNotFoundError:
            return
        if not mode & 0o222:
            raise Refused(409, f"không {doing} “{raw}”: tệp đang được đặt chỉ đọc (read-only), có lẽ để giữ bài như "
                               f"hiện nay; muốn {doing.split()[0]}, hãy bỏ thuộc tính chỉ đọc của tệp trước")

    def _no_case_twin(self, full: Path, raw: Any) -> None:
        """A new file (or folder on its way) may not differ from an existing one only in upper and
        lower case ("anh.jpg" beside "ANH.JPG"): on Windows and a Mac they are one file, and the build
        refuses the pair (sources.case_clashes), so the upload would stop the preview."""
        part = full
        while not os.path.lexists(part) and part != self.root:
            try:
                names = os.listdir(part.parent)
            except OSError:  # the folder does not exist yet: its own name is checked next
                names = []
            folded = unicodedata.normalize("NFC", part.name).casefold()
            twin = next((n for n in names if unicodedata.normalize("NFC", n).casefold() == folded), None)
            if twin is not None:
                shown = self._relative(part.with_name(twin))
                raise Refused(409, f"đã có “{shown}”, chỉ khác “{raw}” ở chữ hoa, chữ thường: trên Windows và máy Mac "
                                   f"hai tên này là một tệp, và trang sẽ không dựng được; hãy đổi tên tệp rồi lưu lại")
            part = part.parent

    def _relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def _list(self, folder: Path, area: Area, extension: str, depth: int) -> list[Path]:
        """Files under folder, up to depth levels (decap-server's listFiles), inside the area only."""
        if depth <= 0 or not folder.is_dir():
            return []
        with os.scandir(folder) as found:
            entries = sorted(found, key=lambda e: e.name)
        out: list[Path] = []
        for entry in entries:
            if entry.name.startswith(".") or entry.is_symlink():  # hidden files; links are never followed
                continue
            path = Path(entry.path)
            if entry.is_dir():
                out += self._list(path, area, extension, depth - 1)
            elif entry.is_file() and entry.name.endswith(extension):
                out.append(path)
        return out


def base_ids(params: dict) -> dict | None:
    """The ids (sha256) of the files as the editor's tab read them, sent by lamtheobac-cms.js; None from
    other clients (decap-server's protocol has none)."""
    base = params.get("baseIds")
    if base is not None and not (isinstance(base, dict) and all(isinstance(v, str) for v in base.values())):
        raise Refused(422, "yêu cầu không hợp lệ: “baseIds” phải là bảng đường dẫn → mã tệp")
    return base


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
