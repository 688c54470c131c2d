"""What each line of a page is, by its shape alone: a date line, a widget, a byline, a credit...

The extractor decides by position what the page means; this module only says what a line
looks like, once per line, so the rules that weigh lines against each other stay short.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..vietnamese import slugify, term_key
from .byline import MAKER_LINE, MAKER_ROLE, POST_START, has_label, is_staff, person_name
from .clean import EMOJI_TAIL, PICTOGRAPHS, Block, is_headline_like, words
from .dates import MetaLine, meta_line
from .offices import joint_offices
from .vague import vague_date

IMAGE_EXT = r"(?:jpe?g|png|gif|webp|bmp|svg|avif)"
_IMAGE_LINE = re.compile(rf"^(?:https?://\S+/)?([\w.\-()%+~@]+?(?: [\w.\-()%+~@]+){{0,5}}?\.{IMAGE_EXT})(?:\.{IMAGE_EXT})*"
                         r"(?:[?#]\S*)?$", re.IGNORECASE)
_SAFE_NAME = re.compile(r"^[A-Za-z0-9._-]+$")
# The photographer's agency or paper in brackets after the name: "Ảnh: Minh Hùng (TTXVN)", "Ảnh: Thu Hà (Báo Lào Cai)".
_AGENCY = r"(?:\s*\([^\W\d_]{2,12}(?:[\s/-][^\W\d_]{2,12}){0,3}\))?"
_AND_VIDEO = r"(?:\s*(?:,|và|&|\+|/|-|–)\s*(?:video|clip))?"  # "Ảnh, video: …", "Ảnh - Video: …": a multimedia credit
CREDIT = re.compile(
    r"(?:^|[\s.(\[–—-])\(?\s*(?:ảnh|ảnh minh họa|ảnh minh hoạ|ảnh tư liệu|ảnh chụp màn hình|nguồn ảnh|photo)"
    rf"{_AND_VIDEO}"
    rf"\s*:\s*[^():]{{1,40}}?{_AGENCY}\s*\)?\s*\.?$", re.IGNORECASE)
# "Ảnh: Quang Huy"; a long-form's "Ảnh: Nguyễn Văn A - Thiết kế: Trần B" credits its makers after the photographer.
CREDIT_ONLY = re.compile(
    rf"^\(?\s*(?:ảnh|ảnh minh họa|ảnh minh hoạ|ảnh tư liệu|nguồn ảnh|photo){_AND_VIDEO}\s*:\s*[^():]{{1,40}}?"
    rf"{_AGENCY}(?:\s*[-–—,;|]\s*{MAKER_ROLE}\s*:\s*[^():]{{1,40}}?)*\s*\)?\s*\.?$", re.IGNORECASE)
# "✍️ Hoàng Hà", "✍ Bài, ảnh: Minh Anh", "📝 Thu Hà": a phone's or a social post's signature opens with a pictograph.
_SIGNING_MARK = re.compile(rf"^(?:[{PICTOGRAPHS}][\ufe0f\u200d]*)+\s*")
# Widgets: weather, hotlines, log-in links, counters of visitors. Never a headline or a date.
_WIDGET_WORDS = (r"\d\s*°|°\s*[CF]\b|\bđộ\s+C\b|thời\s+tiết|độ\s+ẩm|\bhotline\b|đường\s+dây\s+nóng|đang\s+truy\s+cập|"
                 r"lượt\s+truy\s+cập|tổng\s+truy\s+cập|\bonline\s*:|giá\s+vàng|tỷ\s+giá")
_WIDGET = re.compile(_WIDGET_WORDS + r"|âm\s+lịch", re.IGNORECASE)
# A date line printing the lunar date beside the day ("Thứ Hai, 07/12/2026 (18/10 âm lịch)") is the article's date.
_WIDGET_DATED = re.compile(_WIDGET_WORDS, re.IGNORECASE)
# "(Theo Báo Đồng Khởi)", "Nguồn: TTXVN", "Theo baolamdong.vn": a name, or a web address.
# "Theo TTXVN", "Nguồn: baohatinh.vn", "Xem chi tiết tại: https://baohatinh.vn/…-post123.html" (a post's original).
SOURCE_LABEL = r"(?:theo(?!\s+dõi(?!\w))|nguồn|xem\s+chi\s+tiết\s+tại|chi\s+tiết\s+xem\s+tại|đọc\s+bài\s+gốc\s+tại|bài\s+gốc)"
_SOURCE = re.compile(r"^\(?\s*" + SOURCE_LABEL + r"\s*[:\s]\s*(?:[^.]{2,80}?|(?:https?://)?[\w-]+(?:\.[\w-]+)+"
                     r"(?:/[^\s()]*)?)\)?\s*\.?$", re.IGNORECASE)
_ORG = re.compile(
    r"^(?:Trường|Học viện|Viện|Ban|Sở|Báo|Tạp chí|Đài|Đại học|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Huyện uỷ|Thành ủy|"
    r"Thành uỷ|Đảng ủy|Đảng uỷ|Phòng|Trung tâm|Bộ|Cục|Khoa|Hội|Văn phòng|UBND|Ủy ban|Uỷ ban|Công an|"
    r"Bộ Chỉ huy|Bộ CHQS|Trang thông tin|Cổng thông tin|Cổng TTĐT|TTVH|Đoàn|Thành đoàn|Tổ)\b")
# "Đăng bởi: Quản trị viên", "Từ khóa: ...": labelled page furniture, never a headline.
_META_LABEL = re.compile(
    r"^(?:đăng bởi|người đăng|biên tập viên|biên tập|nguồn|từ khóa|từ khoá|tags?|chuyên mục|danh mục|"
    r"lượt xem|lượt đọc|ngày đăng|cập nhật|chia sẻ|tin liên quan)\s*:", re.IGNORECASE)
def _said(text: str, n: int) -> bool:
    """A sentence of eight words or more, ended: the article's words, not a widget's."""
    return n >= 8 and bool(_SENTENCE_END.search(text.rstrip()))


_SENTENCE_END = re.compile(r"[.!?…]['\"”’)]*" + EMOJI_TAIL + r"|[.!?…]\s*\)?" + EMOJI_TAIL)
LIST_NUMBER = re.compile(r"^\s*\d{1,2}\s*[.)]\s+")
# "I. NHỮNG KẾT QUẢ ĐẠT ĐƯỢC": a section's number, never a byline's initial.
ROMAN = re.compile(r"^(?=[IVX])(?:X{0,3})(?:IX|IV|V?I{0,3})\s*[.):/–-]\s+\S")
_SHOUT = re.compile(r"[^\W\d_]")


@dataclass
class Info:
    """One block and what it looks like."""

    block: Block
    meta: MetaLine | None = None
    widget: bool = False
    name: str | None = None  # a byline on its own line
    labelled: bool = False  # "Bài và ảnh: ...", "Tác giả: ..."
    credit_only: bool = False  # "(Ảnh minh họa: HT)."
    credit: bool = False  # a caption ending with "Ảnh: X"
    source: bool = False  # "(Theo Báo Đồng Khởi)", "Nguồn: ..."
    org: bool = False  # a short line naming an office: an affiliation or a credit
    label: bool = False  # "Đăng bởi: ...", "Từ khóa: ..."
    affiliation: bool = False  # the office printed under a byline
    image: str | None = None
    paragraph: bool = False  # running text
    key: str = ""  # term key of a line short enough to be repeated (headlines, captions); "" otherwise
    n_words: int = 0

    @property
    def text(self) -> str:
        return self.block.text

    @property
    def line(self) -> int:
        return self.block.line


def image_name(text: str) -> str | None:
    """The cleaned file name if the line is an image file name ("hcm1.jpg.jpg" -> "hcm1.jpg")."""
    m = _IMAGE_LINE.match(text.strip())
    if not m:
        return None
    name = m.group(1)
    if _SAFE_NAME.match(name):
        return name
    stem, _, ext = name.rpartition(".")
    return f"{slugify(stem) or 'anh'}.{ext.lower()}"


def has_credit(text: str) -> bool:
    return bool(CREDIT.search(text))


def is_shouting(text: str) -> bool:
    if len(text) > 300:
        return False
    letters = _SHOUT.findall(text)
    return len(letters) > 3 and all(ch.isupper() for ch in letters)


def unnumbered(text: str) -> str:
    return LIST_NUMBER.sub("", text)


def is_paragraph(text: str, n: int | None = None) -> bool:
    """Running text: at least a dozen words ending like a sentence, or long."""
    n = words(text) if n is None else n
    return (n >= 12 and bool(_SENTENCE_END.search(text.rstrip()))) or n >= 40


def classify(blocks: list[Block], places: frozenset[str]) -> list[Info]:
    infos = []
    for b in blocks:
        text = b.text
        info = Info(b, key=term_key(unnumbered(text)) if len(text) <= 400 else "", n_words=words(text))
        if b.hint == "img":
            info.image = b.extra.get("src")
            infos.append(info)
            continue
        info.image = image_name(text)
        if info.image:
            infos.append(info)
            continue
        info.meta = meta_line(text)
        # a date line that names no day ("2 giờ trước", "Sáng 12/3") is furniture, never a heading
        # a sentence naming the weather or the lunar calendar ("Thời tiết khắc nghiệt, xa đất liền, nhưng …") is no widget
        widget = _WIDGET_DATED if info.meta is not None and info.meta.date is not None else _WIDGET
        info.widget = len(text) <= 120 and bool(widget.search(text)) and not _said(text, info.n_words) \
            or not info.meta and vague_date(text) is not None
        info.credit_only = bool(CREDIT_ONLY.match(text))
        info.credit = not info.credit_only and has_credit(text) and len(text) <= 400
        # Several offices signing together ("Ban Tuyên giáo Tỉnh ủy - Sở Văn hóa, Thể thao và Du lịch"): the source,
        # save under a writer's name, where they are the writer's units.
        info.source = len(text) <= 100 and bool(_SOURCE.match(text)) or \
            joint_offices(text) is not None and not (infos and infos[-1].name)
        # A byline is short, unless a label opens it: "Tác giả: Nguyễn Thị Mai Hương – Giáo viên Trường THCS …, …"
        if (len(text) <= 70 or len(text) <= 180 and has_label(text)) and not info.meta and not info.credit_only \
                and not info.source and not ROMAN.match(text):
            info.name = person_name(_SIGNING_MARK.sub("", text), places)
            info.labelled = info.name is not None and has_label(text)
            if info.name and is_staff(info.name):
                info.labelled = True
        info.org = (not info.name and info.n_words <= 16 and bool(_ORG.match(text))
                    and is_headline_like(text, 140))
        # a long-form's makers ("Thiết kế: Thu Trang", "Chỉ đạo nội dung: …"), like a label: never a headline or lead
        info.label = len(text) <= 120 and bool(_META_LABEL.match(text) or MAKER_LINE.match(text))
        info.affiliation = bool(infos and infos[-1].name and not info.name and len(text) <= 120
                                and (info.org or (text.startswith("(") and text.endswith(")"))
                                     or (POST_START.match(text) and is_headline_like(text, 120))))
        info.paragraph = b.hint not in ("h1", "li") and not info.meta and not info.credit_only \
            and is_paragraph(text, info.n_words)
        infos.append(info)
    _posters(infos)
    return infos


# A social post's stamp: its date or age, then "·" and the audience's icon ("15 tháng 4, 2024 · 🌏", "12 giờ ·").
_POST_STAMP = re.compile(r"·\s*(?:[\U0001F30D-\U0001F310\U0001F464\U0001F465\U0001F512\u2699]\ufe0f?)?\s*$")


def post_stamp(text: str) -> bool:
    """A date line ending as a social post's stamp does ("15 tháng 4, 2024 · 🌏"): the post's date, not a clock."""
    return bool(_POST_STAMP.search(text))


def _posters(infos: list[Info]) -> None:
    """The name over a social post's stamp is who posted it (a fan page, a person), never the headline:
    page furniture, as the stamp is."""
    for info, stamp in zip(infos, infos[1:]):
        if (stamp.meta or stamp.widget) and post_stamp(stamp.text) and not info.paragraph \
                and info.n_words <= 10 and not info.meta and not info.image:
            info.widget = True


def is_office(text: str) -> bool:
    """A line opening with an office's word ("Trường …", "Ban …", "Báo …")."""
    return bool(_ORG.match(text))


def furniture(info: Info) -> bool:
    """A line that is page furniture wherever it stands: widget, date line, counter."""
    return info.widget or (info.meta is not None)
