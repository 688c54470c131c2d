"""What `lamtheobac import` prints: per file, the fields found and, with --report (or on a
terminal), where each came from and whether to check it; at the end, what was written,
left unchanged and skipped, and why.

Output goes through ``Output``: when the reader goes away (``import ... | head``) the
rest of the report is dropped and the import goes on, instead of a traceback.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..sources import display_path
from .frontmatter import CHECK as CHECK_COMMENT
from .elements import ITEM_SEPARATOR

if TYPE_CHECKING:
    from .command import Converted

NONE = "(không có)"
SURE, CHECK = "✓", "? " + CHECK_COMMENT


class Output:
    """Lines to a stream that may close early (a pipe into `head`)."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.closed = False

    def print(self, text: str = "") -> None:
        if self.closed:
            return
        try:
            print(text, file=self.stream)
        except BrokenPipeError:
            self.closed = True


_BETWEEN_LINKS = re.compile(r"[\s|/•·»>,;–-]*")  # what a menu prints between its links


def shown(block) -> str:
    """A left-out block as the report shows it: a line made of links only (a menu, a breadcrumb the page printed
    over the article) with its links apart, "Trang chủ · Giới thiệu · Tin tức", not "Trang chủ - Giới thiệu Tin
    tức" as the glued words read; any other block as it reads."""
    links = [words for words, _href in block.extra.get("links", ())] if block.extra else []
    if len(links) < 2:
        return block.text
    at = 0
    for words in links:
        gap = _BETWEEN_LINKS.match(block.text, at)
        found = block.text.find(words, at)
        if found < 0 or found > gap.end() and block.text[gap.end():found].strip(" -"):
            return block.text  # words that are no link's: the block is a sentence with links in it
        at = found + len(words)
    if _BETWEEN_LINKS.fullmatch(block.text, at) is None:
        return block.text
    return ITEM_SEPARATOR.join(links)


def in_page_order(blocks: list, left_blocks: list, others: list[tuple[int, str, str]], after: list = ()
                  ) -> list[tuple[int, str, str]]:
    """The lines left out as (line, reason, text shown), in the page's order: by line, and on one line (a saved page
    written on one line, as many sites serve them) in the order of the page's blocks, "Tin cùng chuyên mục" before
    its headlines, not sorted by reason and text. ``after``: for the first of ``others`` (what the parser left out
    itself: its header, menus, footer, frames), the block read last before each, which it follows."""
    position = {id(b): k for k, b in enumerate(blocks)}
    end = len(position)
    keyed = [((b.line, position.get(id(b), end), 0, 0), (b.line, reason, shown(b))) for b, reason in left_blocks]
    for n, entry in enumerate(others):
        prev = after[n] if n < len(after) else None
        at = -1 if prev is None and n < len(after) else position.get(id(prev), end)
        keyed.append(((entry[0], at, 1, n), entry))
    return [entry for _key, entry in sorted(keyed, key=lambda pair: pair[0])]


def _where(value) -> str:
    if value is None or value == "":
        return ""
    return f"dòng {value}" if isinstance(value, int) else str(value)


def _images(r: "Converted") -> str:
    if not r.images:
        return NONE
    outside = [name for name in r.images if name not in r.files]
    if not outside:
        return ", ".join(r.images) + " (ảnh có sẵn trong tệp trang, ghi thẳng vào thư mục ảnh)"
    if len(outside) == len(r.images):
        return ", ".join(r.images) + " (hãy chép các tệp ảnh này vào thư mục ảnh của trang)"
    return (", ".join(r.images) + " (có trong tệp trang: " + ", ".join(n for n in r.images if n in r.files)
            + "; hãy chép các tệp còn lại vào thư mục ảnh của trang)")


def reached(path: Path) -> str:
    """A path as the editor reaches it from the folder the command runs in: content/articles/a.md, not
    /home/…/content/articles/a.md (the articles folder comes from site.toml as an absolute path)."""
    return display_path(path, Path.cwd())


def print_file_report(out: Output, display: str, target: Path, status: str, r: "Converted", ok: bool,
                      detailed: bool) -> None:
    m = r.meta
    out.print(f"{'' if ok else 'LỖI '}{display} → {reached(target)}: {status}")
    date = m.date.isoformat() if m.date else NONE
    if m.draft:
        date = f"{NONE} trên trang; ghi tạm {date}, bài để nháp"
    rows = [
        ("title", "tiêu đề", m.title),
        ("date", "ngày", date),
        ("province", "tỉnh", ", ".join(m.provinces) or NONE),
        ("directives", "văn bản", ", ".join(m.directives) or NONE),
        ("tags", "chủ đề", ", ".join(m.tags) or NONE),
        ("author", "tác giả", m.author or NONE),
        ("summary", "sapo", (m.summary if detailed else "có") if m.summary else NONE),
        ("image", "ảnh", _images(r)),
        ("encoding", "bảng mã", r.encoding),
    ]
    if r.captions:
        rows.append(("captions", "chú thích ảnh không kèm ảnh", str(r.captions)))
    if m.source_name or m.source_url:
        rows.append(("source", "nguồn", " ".join(x for x in (m.source_name, m.source_url) if x)))
    width = max(len(label) for _key, label, _value in rows)
    for key, label, value in rows:
        if not detailed:
            out.print(f"  {label}: {value}")
            continue
        shown = value if len(value) <= 90 or key == "image" else value[:87] + "…"  # every image, in full
        where = _where(r.lines.get(key))
        mark = ""
        if key in r.lines:
            mark = CHECK if key in m.checks or value.startswith(NONE) else SURE
        out.print(f"  {label:<{width}}  {shown}" + (f"  [{where}]" if where else "") + (f"  {mark}" if mark else ""))
    if detailed and r.dropped:
        out.print(f"  đã bỏ {len(r.dropped)} dòng không thuộc bài:")
        for line, reason, text in r.dropped:
            out.print(f"    dòng {line} ({reason}): {text if len(text) <= 70 else text[:67] + '…'}")
    for warning in r.warnings:
        out.print(f"  cảnh báo: {warning}")


def print_summary(out: Output, tally: dict, reasons: list[str], dry_run: bool) -> None:
    written, unchanged, failed = tally["written"], tally["unchanged"], tally["failed"]
    total = written + unchanged + failed
    verb = "sẽ ghi" if dry_run else "đã ghi"
    parts = [f"{verb} {written}/{total} tệp"]
    if unchanged:
        parts.append(f"{unchanged} tệp không đổi (đã có bài giống hệt)")
    if failed:
        parts.append(f"bỏ qua {failed} tệp có lỗi")
    line = "Xong" + (" (chạy thử, không ghi gì)" if dry_run else "") + ": " + ", ".join(parts) + "."
    if tally["drafts"]:
        line += f" {tally['drafts']} bài lưu dạng nháp vì trang gốc không ghi ngày đăng: hãy sửa ngày rồi bỏ dòng draft."
    out.print(line)
    if failed:
        out.print("Các tệp bị bỏ qua:")
        for reason in reasons:
            out.print(f"  {reason}")
