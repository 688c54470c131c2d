"""Reading the registries' CSV data files: rows with their line numbers, and every problem an
editor can make in one (an unclosed quote, an invisible character, a missing column, a file too
large to be a registry) as a ContentError at its line, in plain Vietnamese."""
from __future__ import annotations

import csv
import io
import re

from .errors import ContentError
from .frontmatter import bidi_control, bidi_said, invisible, utf8
from .vietnamese import normalize

# A data file's bounds: each row costs ~0.1 ms (its slug, its lookup keys), so a million rows (a whole
# spreadsheet pasted into tags.csv) held every build, preview and save for minutes. The registries a
# portal needs have hundreds of rows (3,321 wards of the 2025 reform the most).
MAX_ROWS = 50_000
MAX_BYTES = 16 * 1024 * 1024
# Line breaks other than "\n" (a quote left open, said apart): NEL, line and paragraph separators.
_LINE_SEPARATOR = re.compile("[\x85\u2028\u2029]")


def too_many(what: str) -> str:
    return (f"tệp dữ liệu {what}; danh mục tỉnh, văn bản, chủ đề, đơn vị không cần nhiều như vậy (có phải đã dán "
            "nhầm cả một bảng tính?), và đọc nó làm mỗi lần dựng trang chậm hàng phút: hãy bớt dòng")


def read_csv(raw: bytes, display: str, required: tuple[str, ...], errors: list) -> list[tuple[int, dict]]:
    """Rows of a CSV data file with their line numbers; problems go to errors."""
    try:
        text = utf8(raw, display)
    except ContentError as exc:
        errors.append(exc)
        return []
    text = normalize(text.replace("\r\n", "\n").replace("\r", "\n"))
    reader = csv.reader(io.StringIO(text))
    rows = []
    line = 1  # where the row being read starts: a quoted cell may span lines
    try:
        header = next(reader, [])
        missing = [c for c in required if c not in header]
        if missing:
            errors.append(ContentError(f"thiếu cột {', '.join(missing)} ở dòng tiêu đề", display, 1))
            return []
        line = reader.line_num + 1
        for count, cells in enumerate(reader, 1):
            start, line = line, reader.line_num + 1
            if count > MAX_ROWS:
                errors.append(ContentError(too_many(f"có quá {MAX_ROWS:,} dòng (dòng này là dòng thứ {count:,} sau "
                                                     "dòng tiêu đề)".replace(",", ".")), display, start))
                return []
            if not cells:  # a blank line
                continue
            row: dict = dict(zip(header, cells))
            if len(cells) > len(header):
                row[None] = cells[len(header):]
            problem = _row_problem(row, required)
            if problem:
                errors.append(ContentError(problem, display, start))
                continue
            rows.append((start, {k: (v or "").strip() for k, v in row.items() if k}))
    except csv.Error as exc:
        errors.append(ContentError(_csv_reason(str(exc)), display, line))
    return rows


def _row_problem(row: dict, required: tuple[str, ...]) -> str:
    """What is wrong with a row of a data file ("" if nothing)."""
    for column, value in row.items():
        if isinstance(value, list):  # cells past the header's columns
            value = ",".join(value)
        if value and "\n" in value:  # a quote opened and closed lines later, or never
            return (f"dấu ngoặc kép mở ở cột “{column}” không được đóng trên cùng dòng; "
                    f"hãy thêm dấu \" đóng ô, hoặc viết \"\" cho một dấu ngoặc kép trong ô")
        breaks = _LINE_SEPARATOR.search(value or "")
        if breaks is not None:  # was: a name broken in two on every page and feed listing it
            return (f"cột “{column}” có ký tự xuống dòng U+{ord(breaks.group()):04X} (thường do chép từ Word hay "
                    f"trang web); mỗi ô là một dòng: hãy xóa ký tự đó hoặc thay bằng dấu cách")
        bad = invisible(value or "")
        if bad is not None:
            return (f"cột “{column}” có ký tự điều khiển vô hình U+{ord(bad):04X}; hãy xóa nó "
                    f"(nó làm hỏng các tệp tin Atom)")
        turned = bidi_control(value or "")
        if turned is not None:  # was: a name shown reversed on every page listing it
            return f"cột “{column}” {bidi_said(turned)}"
    blank = [c for c in required[:2] if not (row.get(c) or "").strip()]
    if blank:
        return f"cột “{blank[0]}” đang để trống"
    return ""


def _csv_reason(reason: str) -> str:
    """The csv module's English reason in the editor's words."""
    if "field larger than field limit" in reason:
        return (f"có ô dài quá {csv.field_size_limit() // 1024} KB; thường là do một dấu ngoặc kép mở mà "
                f"không đóng ở dòng này")
    if "NUL" in reason:
        return "có byte 0x00: đây không phải tệp văn bản CSV"
    return f"tệp CSV không hợp lệ ({reason})"
