"""Attachments: content/files holds what an article offers to download (a directive's text as
PDF or DOCX, a table of results), published as it is at /files/. Only documents are allowed
there, and each must be what its name says: a page saved as `.pdf`, a program or an SVG would
otherwise be handed out from the portal's own address. Photos belong in content/images, where
they get their sizes. A link to a missing attachment is a broken link (`lamtheobac check`).
"""
from __future__ import annotations

import html
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote

from .errors import ContentError, SiteError, os_reason
from .config import SiteConfig
from .filelinks import linked_files
from .sources import FILES, ImageFile, Sources, display_path
from .themes import template_dirs
from .vietnamese import normalize

_PDF = (b"%PDF-",)
_ZIP = (b"PK\x03\x04",)  # Office Open XML and OpenDocument files are ZIP archives
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)  # Word, Excel, PowerPoint 97-2003
_RTF = (b"{\\rtf",)
TEXT = ()  # plain text: UTF-8 (a BOM allowed), no NUL byte

# suffix -> (the kind readers know it as, how its bytes start)
KINDS: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("PDF", _PDF),
    ".doc": ("Word (.doc)", _OLE), ".docx": ("Word (.docx)", _ZIP), ".odt": ("OpenDocument (.odt)", _ZIP),
    ".rtf": ("RTF", _RTF), ".txt": ("văn bản thuần (.txt)", TEXT),
    ".xls": ("Excel (.xls)", _OLE), ".xlsx": ("Excel (.xlsx)", _ZIP), ".ods": ("OpenDocument (.ods)", _ZIP),
    ".csv": ("bảng CSV", TEXT),
    ".ppt": ("PowerPoint (.ppt)", _OLE), ".pptx": ("PowerPoint (.pptx)", _ZIP), ".odp": ("OpenDocument (.odp)", _ZIP),
}
ALLOWED = "PDF, DOC, DOCX, ODT, RTF, TXT, XLS, XLSX, ODS, CSV, PPT, PPTX, ODP"
_PHOTOS = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg", ".avif", ".heic", ".tif", ".tiff", ".bmp"})


def is_attachment(file: ImageFile) -> bool:
    return file.output.startswith(FILES + "/")


def check_attachments(files: Sequence[ImageFile], root: Path, folder: str) -> list[SiteError]:
    """An error at each file of content/files (folder, as shown) that is no allowed document or
    is not what its name says."""
    errors: list[SiteError] = []
    for file in files:
        if not is_attachment(file):
            continue
        shown = display_path(file.path, root)
        mark = next((m for m in "#?" if m in file.output), None)
        if mark is not None:  # a link to it would name another file: "/files/a#b.pdf" is /files/a
            cut = "/" + file.output.split(mark, 1)[0]
            errors.append(ContentError(f"tên tệp có dấu “{mark}”, mà trong một địa chỉ, phần từ dấu “{mark}” trở đi "
                                       f"không thuộc tên tệp (liên kết tới tệp này sẽ dẫn tới “{cut}”); hãy đổi tên "
                                       f"tệp, bỏ dấu “{mark}”", shown, 1))
            continue
        suffix = file.path.suffix.lower()
        if suffix not in KINDS:
            errors.append(ContentError(not_allowed(suffix, folder), shown, 1))
            continue
        try:
            with file.path.open("rb") as handle:
                head = handle.read(HEAD)
        except OSError as exc:
            errors.append(ContentError(f"không đọc được tệp: {os_reason(exc)}", shown, 1))
            continue
        wrong = misnamed(suffix, head)
        if wrong:
            errors.append(ContentError(wrong, shown, 1))
    return errors


HEAD = 4096  # the bytes misnamed reads


def not_allowed(suffix: str, folder: str) -> str:
    """Why a file ending in suffix (lower case, "" for none) may not be in the attachments folder."""
    what = f"tệp {suffix}" if suffix else "tệp không có đuôi"
    advice = ("ảnh hãy đặt trong thư mục ảnh (content/images)" if suffix in _PHOTOS else
              "hãy xóa tệp này hoặc chuyển nó ra khỏi thư mục")
    return (f"{what} không được đặt trong thư mục văn bản đính kèm {folder}: thư mục này chỉ nhận văn bản "
            f"({ALLOWED}) và xuất bản chúng nguyên dạng cho bạn đọc tải về; {advice}")


def misnamed(suffix: str, head: bytes) -> str:
    """Why a document ending in suffix (one of KINDS) whose first HEAD bytes are head is not what its
    name says; "" when it is. The build and the CMS's uploads ask the same."""
    kind = KINDS[suffix]
    if _looks_like(head, kind[1]):
        return ""
    return (f"tệp có đuôi {suffix} nhưng nội dung không phải {kind[0]} (có lẽ đã đổi tên một tệp khác): bạn đọc "
            f"tải về sẽ không mở được; hãy lưu lại văn bản đúng dạng {kind[0]}, hoặc đặt lại đuôi tên tệp cho đúng")


def _looks_like(head: bytes, starts: tuple[bytes, ...]) -> bool:
    if starts:
        return head.startswith(starts)
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:  # a character cut at the 4096th byte is still text
        return exc.start >= len(head) - 3 and exc.reason == "unexpected end of data"
    return True


def linked_only(sources: Sources, shown: Sequence, pages: Sequence, config: SiteConfig) -> tuple[Sources, list[ImageFile]]:
    """sources without the attachments no shown article (Article.attachments) or visible page links to,
    and those left out. A document uploaded in the editor and never linked (its article not saved, or
    saved without the link), or linked only from a draft or a scheduled article, is not handed out:
    it is published with the first published page that links to it."""
    files = sources.images
    if not any(is_attachment(file) for file in files):
        return sources, []
    used = {name for article in shown for name in article.attachments}
    used.update(name for page in pages if config.drafts or not page.draft
                for name in linked_files(page.body, config.base_path))
    left = [file for file in files if is_attachment(file) and file.output not in used]
    if left:  # the site's own templates, site.toml and data files may link some (a footer link)
        named = site_named(config)
        left = [file for file in left if file.output not in named]
    if not left:
        return sources, []
    gone = {file.output for file in left}
    return replace(sources, images=tuple(file for file in files if file.output not in gone)), left


# "files/<name>" in a template or data file: in a link ("/files/a.pdf", "{{ url('files/a.pdf') }}",
# "{{ base }}files/a.pdf", "https://…/hoc-tap/files/a.pdf"); not "profiles/…" nor "x.files/…".
_NAMED = re.compile(r"(?<![\w.-])" + FILES + r"/([^\s\"'<>()\[\]{}|\\^`]+)")
_END = ".,;:!?"  # a sentence's end after a name written in plain text
_MAX_READ = 1024 * 1024  # a template or data file larger is no hand-written one: not read for names


def site_named(config: SiteConfig) -> set[str]:
    """The attachments ("files/ke-hoach.pdf") named in the site's templates (its own and its theme's),
    site.toml and data files: a footer link in templates/ or a link in a data file a template shows is on
    every page, yet no article's body has it. Read only when some attachment no body links to (a few
    small files, once per build)."""
    named: set[str] = set()
    for path in _named_sources(config):
        try:
            with path.open("rb") as handle:
                text = handle.read(_MAX_READ).decode("utf-8", errors="replace")
        except OSError:
            continue  # an unreadable template is reported by Templates.check, a data file by its reader
        if FILES + "/" not in text:
            continue
        for found in _NAMED.findall(text):
            name = normalize(unquote(html.unescape(found)).split("?", 1)[0].split("#", 1)[0])
            named.update((f"{FILES}/{name}", f"{FILES}/{name.rstrip(_END)}"))
    return named


def _named_sources(config: SiteConfig) -> Iterator[Path]:
    yield config.root / "site.toml"
    for folder in (*template_dirs(config), config.path(config.data_dir)):
        for place, _, names in os.walk(folder):
            for name in names:
                yield Path(place, name)


def unlinked_notes(files: Sequence[ImageFile], root: Path, prefix: str) -> list[SiteError]:
    """Each attachment left unpublished (unlinked) said where the editor sees it, with what to do: the
    example link is one to copy (in <…> when the name has a space, as Markdown needs it)."""
    def link(output: str) -> str:
        return f"</{output}>" if any(c.isspace() for c in output) else f"/{output}"
    return [SiteError(prefix + f"chưa bài nào được đăng có liên kết tới văn bản “{file.path.name}”, nên văn bản này "
                      f"chưa được đăng lên trang (bạn đọc chưa tải về được); văn bản sẽ được đăng khi một bài được "
                      f"đăng có liên kết tới nó, ví dụ [Tải văn bản]({link(file.output)}); nếu đã tải lên nhầm hay "
                      f"không dùng nữa, hãy xóa tệp này (trên giao diện biên tập: trong thư viện ảnh)",
                      display_path(file.path, root), None) for file in files]
