"""A line naming several offices together as the text's source: "Ban Tuyên giáo Tỉnh ủy - Sở Văn hóa, Thể thao
và Du lịch", "Theo Báo Nhân Dân và Cổng TTĐT tỉnh", "ĐẢNG ỦY - HĐND - UBND XÃ TÂN LẬP". Offices that write a text
together sign it with one line, their names joined by a dash, a semicolon, "&" or "và" (before the next office's
first word only: "Sở Văn hóa, Thể thao và Du lịch" is one office). The line is read whole as the source; its parts
are no writer and no place stamp. A headline that opens with an office ("Sở Y tế tổ chức hội nghị …") is no such
line: an office's name has no run of three words in lower case ("tế tổ chức hội nghị"), save its place words."""
from __future__ import annotations

import re

# The first words of an office's, a paper's or a portal's name.
_HEAD = (r"(?:Ban|Sở|Văn phòng|Báo|Tạp chí|Đài|Cổng|Trang|Tỉnh [uủ][yỷ]|Huyện [uủ][yỷ]|Thành [uủ][yỷ]|Quận [uủ][yỷ]|"
         r"Thị [uủ][yỷ]|Đảng [uủ][yỷ]|Đảng bộ|Chi bộ|UBND|HĐND|Ủy ban|Uỷ ban|Hội|Hội đồng|Tỉnh đoàn|Huyện đoàn|"
         r"Thành đoàn|Đoàn|Liên đoàn|Mặt trận|MTTQ|Trung tâm|Phòng|Bộ|Cục|Chi cục|Công an|Viện|Trường|Học viện|"
         r"BTG|BTGDV|BTG&DV|TTXVN|Thông tấn xã|VOV|VTV|Bộ Chỉ huy|Bộ CHQS|Bộ đội|Quân khu|Tòa án|Toà án|"
         r"Kho bạc|Ngân hàng|Cơ quan|Ủy ban Kiểm tra|Nhà văn hóa|Bảo tàng|Khu di tích)(?![^\W\d_])")
_HEAD_AT = re.compile(_HEAD)
_HEAD_AT_CAPS = re.compile(_HEAD, re.IGNORECASE)
_LABEL = re.compile(r"^\(?\s*(?:tác\s+giả|nguồn|theo|thực\s+hiện|bài(?:\s+và\s+ảnh)?|tin(?:\s*(?:,|và)\s*ảnh)?)"
                    r"(?:\s*:\s*|\s+(?=\S))", re.IGNORECASE)
# Where one office's name ends and the next one's begins.
_JOIN = rf"\s+[-–—|]\s+|\s*;\s*|\s+&\s+|,\s+(?={_HEAD})|\s+và\s+(?={_HEAD})"
_JOINS = re.compile(_JOIN)
_JOINS_CAPS = re.compile(_JOIN, re.IGNORECASE)
_JOINS_KEPT = re.compile(f"({_JOIN})", re.IGNORECASE)
# Lower-case words of an office's name that are no words of a sentence: its place, "nhân dân", "và".
_NAME_WORDS = {"và", "tỉnh", "huyện", "xã", "phường", "quận", "thành", "phố", "thị", "trấn", "đặc", "khu", "nhân",
               "dân", "tp.", "tp", "của", "việt", "nam"}
_NOT_NAME = re.compile(r"[!?:“”\"«»]|\d{1,2}/\d{1,2}|https?://")


def joint_offices(text: str) -> str | None:
    """The offices a line names together ("Ban Tuyên giáo Tỉnh ủy - Sở Văn hóa, Thể thao và Du lịch"), the line
    without its label ("Tác giả:", "Nguồn:", "Theo") or brackets, else None."""
    text = text.strip()
    if len(text) > 200:
        return None
    name = _LABEL.sub("", text, count=1).strip().rstrip(".").strip()
    if name.startswith("(") or text.startswith("("):
        name = name.strip("() ")
    if not name or _NOT_NAME.search(name):
        return None
    letters = [c for c in name if c.isalpha()]
    caps = bool(letters) and all(c.isupper() for c in letters)
    parts = (_JOINS_CAPS if caps else _JOINS).split(name)
    if len(parts) < 2 or not all(_office(part, caps) for part in parts):
        return None
    return name


def _office(part: str, caps: bool) -> bool:
    words = part.split()
    head = (_HEAD_AT_CAPS if caps else _HEAD_AT).match(part)
    if not 1 <= len(words) <= 14 or head is None:
        return False
    if caps:
        return True
    rest = part[head.end():].split()
    if rest and not any(word[:1].isupper() for word in rest) and not all(word in _NAME_WORDS for word in rest):
        return False  # "Hội nghị", "Đoàn viên": a common noun, no office's name
    run = 0
    for word in words[1:]:
        word = word.strip(",.()")
        if word in _NAME_WORDS:
            continue
        run = run + 1 if word[:1].islower() else 0
        if run >= 3:
            return False  # "Sở Y tế tổ chức hội nghị": a sentence
    return True


def recased(name: str, recase) -> str:
    """A line of offices in capitals ("ĐẢNG ỦY - HĐND - UBND XÃ TÂN LẬP") with each office's name in the capitals
    Vietnamese writes it with (recase: sources._recase), the joins as printed."""
    pieces = _JOINS_KEPT.split(name)
    return "".join(piece if k % 2 else recase(piece) for k, piece in enumerate(pieces))
