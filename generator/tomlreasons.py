"""tomllib's errors in site.toml said in plain Vietnamese, at the line to fix."""
from __future__ import annotations

import re


_DUPLICATE = "khóa hoặc bảng được khai báo hai lần"
_TOML_REASONS = (  # tomllib's English reason -> what to fix; the first match wins
    (r"Illegal character '\\n'", "chuỗi chưa được đóng bằng dấu ngoặc kép trên cùng dòng"),
    (r"Illegal character", "có ký tự điều khiển vô hình trong chuỗi; hãy xóa nó"),
    (r"Expected '\]' at the end of a table declaration", "thiếu dấu “]” đóng tên bảng, ví dụ [feeds]"),
    (r"Expected '\]\]' at the end of an array declaration", "thiếu dấu “]]” đóng tên bảng, ví dụ [[…]]"),
    (r"Cannot overwrite a value|Cannot declare .* twice|Cannot redefine|Duplicate inline table key|"
     r"Cannot mutate immutable namespace", _DUPLICATE),
    (r"Invalid value \(at end of document", "tệp hết mà giá trị chưa xong: một danh sách [ hay bảng { chưa được đóng"),
    (r"Invalid value", "giá trị không hợp lệ: chuỗi phải nằm trong dấu ngoặc kép, ví dụ title = \"…\""),
    (r"Expected '=' after a key", "thiếu dấu “=” sau tên khóa"),
    (r"Unclosed array", "danh sách chưa được đóng bằng dấu “]”"),
    (r"Unclosed inline table", "bảng {…} chưa được đóng bằng dấu “}” (cả bảng {…} phải nằm trên một dòng)"),
    (r"Unterminated string", "chuỗi chưa được đóng bằng dấu ngoặc kép"),
    (r"Expected \"'", "chuỗi chưa được đóng bằng dấu ngoặc đơn '"),
    (r"Unescaped '\\'|Invalid hex value|Escaped character|Unicode scalar",
     "sau dấu “\\” trong chuỗi ngoặc kép là một mã không hợp lệ; hãy viết “\\\\” hoặc dùng ngoặc đơn '…'"),
    (r"Invalid date or datetime", "ngày giờ không hợp lệ (ví dụ đúng: 2024-05-19 hoặc 2024-05-19T08:00:00+07:00)"),
    (r"Expected newline or end of document",
     "còn chữ thừa sau giá trị trên cùng dòng: mỗi dòng chỉ một “khóa = giá trị”, và chuỗi phải nằm trọn trong "
     "dấu ngoặc kép"),
    (r"Invalid initial character for a key part|Found invalid character|Invalid statement",
     "tên khóa không hợp lệ: tên khóa chỉ gồm chữ không dấu, số, “_” và “-” (tên khác phải đặt trong dấu ngoặc "
     "kép); mỗi dòng phải có dạng khóa = giá trị hoặc [tên bảng]"),
)
_TOML_FALLBACK = ("dòng này viết sai cú pháp; mỗi dòng phải có dạng khóa = giá trị (chuỗi trong dấu ngoặc kép, "
                  "ví dụ title = \"…\") hoặc [tên bảng]")


def toml_reason(reason: str) -> str:
    """tomllib's English reason (with its "(at …)"), said in plain Vietnamese (never its English words)."""
    for pattern, text in _TOML_REASONS:
        if re.search(pattern, reason):
            return text
    return _TOML_FALLBACK


def toml_line(message: str, text: str) -> int | None:
    """The line of a tomllib error; at the end of the document (a string or list never closed), the
    line it was opened on as far as can be told: the last triple quote, else the last written line."""
    match = re.search(r"\(at line (\d+), column \d+\)", message)
    if match:
        return int(match.group(1))
    lines = text.split("\n")
    opened = [n for n, line in enumerate(lines) if '"""' in line or "'''" in line]
    if opened and re.match(r"Unterminated string|Expected \"'", message):
        return opened[-1] + 1
    written = [n for n, line in enumerate(lines) if line.strip()]
    return written[-1] + 1 if written else None


def deep_line(text: str, limit: int = 100) -> int:
    """The line where [ and { (outside strings and comments, roughly) first nest past limit."""
    depth = 0
    for number, line in enumerate(text.split("\n"), 1):
        line = re.sub(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'|#.*', "", line)
        for char in line:
            depth += (char in "[{") - (char in "]}")
            if depth > limit:
                return number
    return 1
