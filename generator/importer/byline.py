"""Bylines: who wrote the article, in the shapes Vietnamese pages print it.

"XUÂN THƯỞNG", "Bài và ảnh: LÊ HÀ", "Bài, ảnh: Hồng Nhung", "TS. NGUYỄN THỊ THANH HƯƠNG",
"Thượng úy VÀNG SEO HỒ", "Thanh Hải (TTXVN)", "Tú Anh - TTVH huyện", "QUỐC THANH - NGỌC ÁNH",
"PV", "Nhóm PV", "PV Minh Anh", "Phóng viên Thu Hà". A newspaper, a portal, an office or "Quản trị viên" is not a byline.
"""
from __future__ import annotations

import re

from ..vietnamese import normalize, term_key
from .outlets import is_outlet

LABEL = re.compile(
    r"^(?:(?:bài\s*(?:và|,|&|\+|/|[-–])?\s*ảnh|ảnh\s*(?:và|,|&|\+|/|[-–])\s*(?:bài|nội\s+dung)|"
    r"nội\s+dung\s*(?:và|,|&|\+|/|[-–])\s*ảnh|tin\s*(?:và|,|&|\+|/)?\s*ảnh|bài\s+viết|bài|tin|"
    r"(?:bài\s*(?:và|,|&|\+|/)?\s*)?(?:video|clip)|"  # a video page's credit: "Video: Phạm Hà/VOV"
    r"tác\s+giả|người\s+viết|nhóm\s+phóng\s+viên|phóng\s+viên|nhóm\s+PV|PV|P\.V|nhóm\s+thực\s+hiện|thực\s+hiện|"
    r"biên\s+tập|ghi\s+chép|nội\s+dung)\s*:\s*|ghi\s+chép\s+của\s+)",  # "Nội dung:": an eMagazine's writer
    re.IGNORECASE)
# A video's credit ("Video: …", "Clip: …") names where it was filmed as often as who filmed it: "Video: Hà
# Nội/VOV" is a place, and a place after this label is no person (unlike "Tác giả: Thanh Bình").
# The photographer credited first, the writer after: "Ảnh: Trần Minh - Bài: Nguyễn Văn Hùng" is signed by the writer.
_PHOTO_FIRST = re.compile(r"^\(?\s*ảnh\s*:\s*[^:]{1,60}?\s*[-–—,;|]\s*(?=(?:bài(?:\s+viết)?|tin|nội\s+dung|thực\s+hiện|"
                          r"tác\s+giả|người\s+viết)\s*:)", re.IGNORECASE)
_MEDIA_LABEL = re.compile(r"^(?:video|clip)\s*:", re.IGNORECASE)
EDITOR_LABEL = re.compile(r"^biên\s+tập\s*:", re.IGNORECASE)  # the editor: the author only when no one else is named
# Who else made a long-form ("eMagazine") piece, credited after its writer or its photos: "Thiết kế: …", "Đồ họa: …".
MAKER_ROLE = (r"(?:thiết\s+kế(?:\s+đồ\s+h[oọ]a)?|đồ\s+h[oọ]a|trình\s+bày|k[ỹĩ]\s+thuật|dựng(?:\s+(?:phim|video|hình))?|"
              r"quay\s+phim|(?:tổ\s+chức\s+)?sản\s+xuất|ý\s+tưởng|chỉ\s+đạo(?:\s+(?:nội\s+dung|sản\s+xuất|thực\s+hiện))?|"
              r"minh\s+h[oọ]a|infographic|âm\s+thanh|lồng\s+tiếng|flycam)")
MAKER_LINE = re.compile(rf"^{MAKER_ROLE}\s*:\s*\S", re.IGNORECASE)  # "Thiết kế: Thu Trang"
PHOTO_PART = re.compile(rf"\s*[-–—,;|]\s*(?:ảnh|video|clip|{MAKER_ROLE})\s*:.*$", re.IGNORECASE)
_TITLES = (r"PGS\.?\s*,?\s*TS(?:\.|(?!\w))|GS\.?\s*,?\s*TS(?:\.|(?!\w))|GS\.|PGS\.|TS(?:\.|(?!\w))|ThS(?:\.|(?!\w))|"
           r"NCS\.|CN\.|BS\.|Nhà\s+báo|"
           r"Đại\s+tướng|Thượng\s+tướng|Trung\s+tướng|Thiếu\s+tướng|Đại\s+tá|Thượng\s+tá|Trung\s+tá|Thiếu\s+tá|"
           r"Đại\s+úy|Thượng\s+úy|Trung\s+úy|Thiếu\s+úy|Đại\s+uý|Thượng\s+uý|Trung\s+uý|Thiếu\s+uý|"
           r"Chuẩn\s+úy|Thượng\s+sĩ|Trung\s+sĩ|Hạ\s+sĩ|Luật\s+sư|Bác\s+sĩ|Nhà\s+giáo|Cô\s+giáo|Thầy\s+giáo|"
           r"Đồng\s+chí|Đ/c")
TITLE_PREFIX = re.compile(rf"^((?:(?:{_TITLES})\s*,?\s*)+)", re.IGNORECASE)  # "Thượng tá, ThS …"
# "PV Minh Anh", "Phóng viên Thu Hà", "Nhóm PV Hồng Nhung": the staff word with no colon before a name.
_STAFF_PREFIX = re.compile(r"^(?:nhóm\s+)?(?:PV|P\.V\.?|phóng\s+viên|CTV|cộng\s+tác\s+viên)\s+(?=[^\W\d_])",
                           re.IGNORECASE)
_STAFF = re.compile(r"^(?:nhóm\s+)?(?:PV|P\.V|PV\.|CTV|BTV|phóng\s+viên|cộng\s+tác\s+viên|biên\s+tập\s+viên)"
                    r"(?:\s*\+\s*(?:CTV|cộng\s+tác\s+viên))?$", re.IGNORECASE)
# A newsroom's abbreviations spelled out for readers: "Nhóm PV" is shown as "Nhóm phóng viên".
_STAFF_WORDS = {"pv": "phóng viên", "p.v": "phóng viên", "pv.": "phóng viên", "ctv": "cộng tác viên",
                "btv": "biên tập viên"}
# "H’" opens a woman's given name among the Ê Đê, Jrai and Ba Na ("H’Linh", "H'Hen"), "K’" a man's among the Cơ Ho
# and Mạ ("K’Thương", "K'Brông"): one word, a whole name.
_WOMAN_PREFIX = re.compile(r"^[A-ZĐ]{1,2}['’][A-ZĐÀ-Ỹ][^\W\d_]+$")
_WORD = re.compile(r"^(?:[^\W\d_]{1,2}['’](?=[^\W\d_]))?[^\W\d_]+$")  # "H’Linh", "H'Hen": Ê Đê, Jrai names
INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.)+[^\W\d_]{0,8}$")  # "H.D", "T.HIẾU", "X.T"
_VOWELS = set("aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
# Words that start organisations, places and page furniture, never a person's name.
_NOT_NAMES = {
    "báo", "tạp", "cổng", "trang", "ban", "đài", "sở", "phòng", "ubnd", "ủy", "uỷ", "tỉnh", "huyện", "xã",
    "phường", "thị", "hội", "trường", "cục", "viện", "học", "đảng", "quản", "admin", "ttxvn", "vna", "theo",
    "nguồn", "tin", "bài", "các", "những", "xem", "liên", "chia", "in", "gửi", "đọc", "mới", "khác", "video",
    "ảnh", "tags", "từ", "chủ", "tìm", "trở", "về", "lượt", "cơ", "kế", "hướng", "quy", "nghị", "chỉ", "kết",
    "quyết", "lịch", "sự", "kinh", "xây", "dịch", "điện", "bản", "tổng", "số", "click", "đơn", "ngày", "thứ",
    "giới", "bộ", "vov",  # "VOV Tây Nguyên": the broadcaster's desk, spelt with a vowel unlike VTV or TTXVN
}
_NOT_NAME_PHRASES = re.compile(
    r"\b(?:Thành|Tỉnh|Huyện|Quận|Thị) Đoàn\b|\bTrung tâm\b|\bCông (?:an|ty|đoàn)\b|\bChi (?:bộ|đoàn|hội)\b|"
    r"\bVăn phòng\b|\bThông tin\b|\bThành phố\b|\bĐoàn Thanh niên\b|^Nhân Dân$", re.IGNORECASE)  # the paper
# A section's or a document's name in capitals ("THÔNG BÁO", "THỜI SỰ"): two words a name could hold, no name.
_SECTION_WORDS = re.compile(
    r"^(?:Thông báo|Thông cáo|Thời sự|Văn hóa|Văn hoá|Giáo dục|Pháp luật|Thể thao|Quốc phòng|An ninh|Đời sống|Du lịch|"
    r"Nông nghiệp|Nông thôn|Môi trường|Y tế|Chính trị|Thế giới|Tuyên truyền|Tư liệu|Tiêu điểm|Nổi bật|Góc nhìn|"
    r"Bạn đọc|Phóng sự|Chuyên đề|Chuyên mục|Tư tưởng|Đối ngoại|Pháp lý)$", re.IGNORECASE)
_UNIT_START = re.compile(
    r"^(?:Tổ|Khoa|Phòng|Ban|Trường|Chi bộ|Chi đoàn|Đoàn|Hội|Trung tâm|Văn phòng|Bộ phận|Nhóm|Đội|Câu lạc bộ|CLB|"
    r"Báo|Đài|Tạp chí|Cổng|Trang|Sở|Phòng|UBND|Huyện|Tỉnh|Xã|Phường|Đảng)\b", re.IGNORECASE)
_PARENS = re.compile(r"\s*\([^()]*\)\s*\.?\s*$")  # "Thanh Hải (TTXVN).": a full stop after it too
_UNIT_AFTER_SLASH = re.compile(r"\s*/\s*[^\W\d_].*$")  # "Minh Anh/VOV-Tây Bắc", "Thu Hằng/Báo Hà Giang"
# A writer's post or office: "Phó Trưởng Ban Tuyên giáo Huyện ủy", "Giám đốc Học viện Chính trị khu vực I".
_POST = (r"(?:Phó|Trưởng|Bí thư|Chủ tịch|Giám đốc|Giảng viên|Nguyên|Ủy viên|Uỷ viên|Chánh|Hiệu trưởng|Chuyên viên|"
         r"Cán bộ|Giáo viên|Học viên|Nghiên cứu sinh|Sinh viên|Tổ trưởng|Đội trưởng|Chỉ huy|Chính trị viên|"
         r"Tổ|Khoa|Ban|Trường|Học viện|Viện|Đại học|Trung tâm|Văn phòng|Sở|Phòng|Báo|Đài|Tạp chí|Cục|Bộ|Hội|"
         r"Đảng ủy|Đảng uỷ|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Huyện uỷ|UBND|Công an|Bộ Chỉ huy)\b")
POST_START = re.compile("^" + _POST)
# The posts that sign a piece with their name after a colon ("Tổng phụ trách Đội: …", "Giáo viên: …"); a
# committee's members ("Trưởng ban: …", "Phó Bí thư: …") listed in the text are not signatures.
_POST_LABEL = re.compile(r"^(?:Tổng phụ trách|TPT|Giáo viên|Giảng viên|Cán bộ|Chuyên viên|Học viên|Sinh viên|"
                         r"Nghiên cứu sinh|Cộng tác viên|Thông tin viên|Tuyên truyền viên|Báo cáo viên)\b[^:]{0,60}:\s+(?=\S)")
_POST_AFTER_COMMA = re.compile(r",\s+(?:" + _POST + r"|(?:giáo|giảng|học|sinh|chuyên|cộng\s+tác|hội|đảng|đoàn)\s+viên\b"
                               r"|cán\s+bộ\b|nghiên\s+cứu\s+sinh\b)[^.!?]*$")
# "Nguyễn Văn A, Phó Trưởng Ban Tuyên giáo Huyện ủy"; "Phan Thị Mai, giáo viên Trường THCS Phồn Xương": a member's
# post in lower case too, the line no sentence
# A role in brackets after the name says the line is a signature ("Thanh Bình (tổng hợp)", "Minh Hà (thực hiện)"),
# though the name is also a district's.
_ROLE_PARENS = re.compile(r"\s*\((?:thực\s+hiện|tổng\s+hợp|ghi|lược\s+ghi|ghi\s+lại|biên\s+soạn|sưu\s+tầm|st|"
                          r"lược\s+dịch|dịch|ctv|cộng\s+tác\s+viên|pv|phóng\s+viên)\)\s*\.?$", re.IGNORECASE)
_SOURCE_AFTER = re.compile(r"\s*[,–—-]\s*(?i:(?:tổng\s+hợp\s+)?theo)\s+(?:Báo|Tạp\s+chí|Đài|TTXVN|VOV|VTV|Thông\s+tấn|"
                           r"Cổng|Trang|Nhân\s+Dân|QĐND|(?:www\.)?[a-z0-9-]+\.(?:vn|com))\b.*$")
_UNIT_AFTER_DASH = re.compile(r"\s+[-–—]\s+(.+)$")
_ROLE_AFTER = re.compile(r"\s+(?:thực\s+hiện|ghi|lược\s+ghi|ghi\s+lại)\s*\.?$", re.IGNORECASE)


def _title_case(word: str) -> str:
    if "." in word:
        return word if not word.replace(".", "").isupper() or len(word.replace(".", "")) <= 3 else \
            ".".join(p[:1] + p[1:].lower() for p in word.split("."))
    head, mark, rest = word.rpartition("’") if "’" in word else word.rpartition("'")
    if mark and len(head) <= 2:  # "H’LINH" -> "H’Linh"
        return head[:1].upper() + head[1:].lower() + mark + rest[:1].upper() + rest[1:].lower()
    return word[:1] + word[1:].lower()


def _name_words(text: str) -> list[str] | None:
    words = text.split()
    if not 1 <= len(words) <= 6 or len(text) > 50:
        return None
    for w in words:
        if INITIALS.match(w):
            continue
        if not _WORD.match(w) or not w[0].isupper() or not w.replace("’", "'").split("'")[-1][:1].isupper():
            return None  # "H’Linh" is a name, "Ho's" is no Vietnamese word
        if not (set(w.lower()) & _VOWELS):
            return None  # "SGGP", "TTXVN": tags, not syllables
    if words[0].lower() in _NOT_NAMES or _NOT_NAME_PHRASES.search(text) or _SECTION_WORDS.match(" ".join(words)):
        return None
    if len(words) == 1 and not INITIALS.match(words[0]) and not _WOMAN_PREFIX.match(words[0]):
        return None  # one word is a label or a tag far more often than a name ("H’Linh" is a name)
    return words


def _one_name(text: str) -> str | None:
    words = _name_words(text)
    if words is None:
        return None
    letters = "".join(w for w in words if not INITIALS.match(w))
    shout = letters.isupper() and len(letters) > 3
    if shout or any(w.isupper() and len(w) > 1 and not INITIALS.match(w) for w in words):
        words = [w if INITIALS.match(w) and len(w.replace(".", "")) <= 3 else _title_case(w) for w in words]
    return " ".join(words)


def person_name(text: str, places: frozenset[str] = frozenset()) -> str | None:
    """A byline as a display name ("XUÂN THƯỞNG" -> "Xuân Thưởng"), or None if it is not one.

    ``places``: term keys of province and district names, which are never bylines alone: a label
    ("Bài, ảnh:") or the writer's unit after a dash makes such a name a person's."""
    text = _PHOTO_FIRST.sub("", normalize(text).strip())
    signed = has_label(text) and not _MEDIA_LABEL.match(text)  # "Tác giả: Thanh Bình": a person, though a district
    text = LABEL.sub("", text).strip()
    post = _POST_LABEL.match(text)  # "Tổng phụ trách Đội: Trần Thị Thu Hương": the writer's post as the label
    if post and _split_names(text[post.end():].strip()):
        text, signed = text[post.end():].strip(), True
    staff = _STAFF_PREFIX.match(text)
    if staff and _staff_name(text[staff.end():]):
        text = text[staff.end():].strip()
    text = PHOTO_PART.sub("", text).strip()
    text = _SOURCE_AFTER.sub("", text).strip()  # "Hoàng Hà, theo Báo Nhân Dân": the writer, then the paper
    signed = signed or bool(_ROLE_PARENS.search(text))
    office = _PARENS.search(text)  # "Thanh Hà (Ban Tuyên giáo …)": the writer's unit signs a name a district also has
    signed = signed or bool(office and _UNIT_START.match(office.group(0).strip(" ().")))
    # "Thanh Hà (TTXVN)", "Thanh Hà/VOV", "Thanh Hà - TTXVN": an outlet after a name signs it too, unless the name is
    # a province's ("Hà Nội (TTXVN)", "Hà Nội/VOV" are datelines, the place the piece comes from)
    by_outlet = bool(office and is_outlet(office.group(0).strip(" ().")))
    text = _PARENS.sub("", text).strip()  # "Thu Hà (Báo Lai Châu)", "Thanh Hải (TTXVN)"
    role = _ROLE_AFTER.search(text)
    if role and (_split_names(text[:role.start()].strip()) or _STAFF.match(text[:role.start()].strip())):
        # "NGỌC ÁNH thực hiện": an interview's maker; "Nhóm PV thực hiện": the newsroom's
        text = text[:role.start()].strip()
    unit = _UNIT_AFTER_SLASH.search(text) or _POST_AFTER_COMMA.search(text)
    head = _PARENS.sub("", text[:unit.start()]).strip() if unit else ""  # "Văn Thành (TTXVN)/Vietnam+"
    if unit and not text.endswith(":") and (_split_names(head) or _STAFF.match(head)):  # "…, Bí thư Tỉnh ủy:" speaks
        slash = _UNIT_AFTER_SLASH.search(text)
        by_outlet = by_outlet or bool(slash and is_outlet(slash.group(0).strip(" /")))
        text = head  # "PV/VOV-Trường Sa": a newsroom's signature too
        # "Minh Anh/VOV" is signed by the paper; "Hà Nội/VOV" is the place the paper reports from
        signed = signed or term_key(TITLE_PREFIX.sub("", text)) not in places
    text = text.rstrip(" .,;:").strip() if not re.search(r"\b\w\.$", text) else text
    if not text:
        return None
    if _STAFF.match(text):
        return staff_signature(text)
    prefix = ""
    m = TITLE_PREFIX.match(text)
    if m:
        prefix = re.sub(r"\s+", " ", m.group(1)).strip() + " "
        text = text[m.end():].strip()
    names = _split_names(text)
    if names is None:
        return None
    dash = _UNIT_AFTER_DASH.search(text)
    signed = signed or bool(len(names) == 1 and dash and _UNIT_START.match(dash.group(1)))  # "… - Trung tâm VH huyện"
    by_outlet = by_outlet or bool(len(names) == 1 and dash and is_outlet(dash.group(1)))
    provinces = getattr(places, "provinces", places)  # a plain set of keys: every place taken as a province
    signed = signed or by_outlet and not any(term_key(n) in provinces for n in names)
    if len(names) == 2 and term_key(names[1]) in places and term_key(names[0]) not in places:
        names = names[:1]  # "Lò Văn Pấng - Hà Giang": the writer and where the piece comes from
    if not signed and any(term_key(n) in places for n in names):
        return None
    return prefix + " - ".join(names)


def place_credit(text: str, places: frozenset[str]) -> bool:
    """A video's credit that names only where it was filmed ("Video: Hà Nội/VOV", "Clip: Thanh Hóa")."""
    label = _MEDIA_LABEL.match(normalize(text).strip())
    if not label:
        return False
    rest = _UNIT_AFTER_SLASH.sub("", normalize(text).strip()[label.end():]).strip(" .")
    return bool(rest) and term_key(rest) in places


def _split_names(text: str) -> list[str] | None:
    """"QUỐC THANH - NGỌC ÁNH" -> two names; "Tú Anh - TTVH huyện" -> one (the unit dropped)."""
    whole = _one_name(text)
    if whole:
        return [whole]
    dash = _UNIT_AFTER_DASH.search(text)
    if dash:
        head = text[:dash.start()].strip()
        first = _one_name(head)
        if first is None:
            # "Tổ Ngữ văn - Nguyễn Thị Hoa": the unit first, then the person who wrote it
            second = _one_name(dash.group(1).strip()) if _UNIT_START.match(head) else None
            return [second] if second else None
        second = _one_name(dash.group(1).strip())
        return [first, second] if second else [first]
    parts = [p.strip() for p in re.split(r"\s*,\s*|\s+và\s+", text) if p.strip()]
    if len(parts) > 1:
        names = [_one_name(p) for p in parts]
        if all(names):
            return names
    return None


def staff_signature(text: str) -> str:
    """"Nhóm PV" -> "Nhóm phóng viên", "PV + CTV" -> "Phóng viên + cộng tác viên": a signature of the
    newsroom, no person, written in words readers know."""
    spelled = re.sub(r"[^\s+]+", lambda m: _STAFF_WORDS.get(m.group(0).lower(), m.group(0).lower()), text)
    spelled = re.sub(r"\s*\+\s*", " + ", re.sub(r"\s+", " ", spelled.strip()))
    return spelled[:1].upper() + spelled[1:]


def is_staff(text: str) -> bool:
    return bool(_STAFF.match(text.strip()))


def has_label(text: str) -> bool:
    """A byline's label ("Bài, ảnh:", "Tác giả:") or a staff word before a name ("PV Minh Anh")."""
    text = _PHOTO_FIRST.sub("", normalize(text).strip())
    staff = _STAFF_PREFIX.match(text)
    return bool(LABEL.match(text)) or bool(staff and _staff_name(text[staff.end():]))


def _staff_name(rest: str) -> bool:
    """What follows a staff word is a name ("Minh Anh", "Minh Anh (thực hiện)", "Thu Hà - Minh Anh")."""
    return bool(_split_names(_PARENS.sub("", PHOTO_PART.sub("", rest).strip()).strip()))
