"""A form's controls inside a paragraph of a saved page: a <button>, a <select>, a <textarea>, an <input> with a
value ("Chi bộ đã <button class="glossary">nêu gương</button> trong …", "… gương mẫu. <button>Xem thêm</button>").

The page parser (htmlsource.py) leaves a control's words out of the text and keeps them aside, with where the
control stood (structure.py). When the block is no share bar, each control is read here:
- a control's words that belong to the sentence stay where the control stood: words that are no control's
  furniture, standing between the sentence's words (the words before it do not end a sentence, something
  follows it and does not open a new one), or the option a <select> marks ``selected``;
- a <button> alone in its block whose words read as the article's own sentence (an accordion's or a "read more"
  box's paragraph written as a button): six words or more, opening in a capital and ending a sentence, no control's
  label nor opening with a control's verb ("Xem thêm các bài cùng chuyên mục.", "Chia sẻ bài viết này lên Facebook.");
  alone in a heading, two words or more read as the heading (an accordion's title);
- the rest is the control's furniture ("Xem thêm", "Đọc tiếp", "Nghe đọc bài", a play sign, a text box's
  prompt, the choices of a <select>), left out and listed in the report as ``khuôn trang (button)`` …; a
  furniture label printed before it at the block's start ("Nghe đọc bài <button>▶</button> …") goes with it.
"""
from __future__ import annotations

import re

from ..vietnamese import normalize
from .inline import EDGE
from .clean import EM_CLOSE, EM_OPEN

# Where one option of a <select> ends and the next begins, among the words kept aside.
OPTION = "\ue005"
# A control's own words: what it does, not what the article says.
_FURNITURE = re.compile(
    r"^(?:xem\s+(?:thêm|tiếp|chi\s+tiết|ngay|video|ảnh)|đọc\s+(?:tiếp|thêm|bài(?:\s+viết)?|ngay|toàn\s+văn)|"
    r"nghe(?:\s+đọc)?(?:\s+bài(?:\s+viết)?)?|nghe\s+(?:tin|audio)|thu\s+gọn|rút\s+gọn|mở\s+rộng|ẩn(?:\s+bớt)?|hiện\s+thêm|"
    r"phát|dừng|tạm\s+dừng|chia\s+sẻ|bình\s+chọn|biểu\s+quyết|xem\s+kết\s+quả|trả\s+lời|in(?:\s+bài)?|gửi(?:\s+bài|\s+ý\s+kiến|\s+bình\s+luận)?|bình\s+luận|thích|"
    r"lưu(?:\s+bài|\s+lại)?|sao\s+chép(?:\s+liên\s+kết)?|tải\s+(?:về|xuống)|đóng|tìm(?:\s+kiếm)?|đăng\s+nhập|"
    r"đăng\s+ký|chọn|phóng\s+to|thu\s+nhỏ|cỡ\s+chữ|quay\s+lại|trở\s+về|lên\s+đầu(?:\s+trang)?|"
    r"A[+-]?|more|read\s+more|share|print|close|play|pause|listen|copy|search|submit|send|ok)"
    r"(?:\s*[(\[]?\d*[)\]]?)?\s*[.…:»>›+]*$", re.IGNORECASE)
# Words that name the control they stand before: "Bấm", "nhấn vào", "chọn mục", "nút".
_NAMING = re.compile(r"(?:^|\s)(?:bấm|nhấn|nhấp|chọn|click|kích|chạm)(?:\s+(?:vào|chuột))?(?:\s+(?:nút|mục|ô|biểu\s+tượng))?$|"
                     r"(?:^|\s)(?:nút|mục|biểu\s+tượng)$", re.IGNORECASE)
# A control's verb opening its words: "Xem thêm các bài viết cùng chuyên mục.", "Chia sẻ bài này lên Facebook.",
# "Nhập nội dung cần tìm…": a label however long, never the article's sentence.
_CONTROL_OPENING = re.compile(
    r"^(?:xem|đọc\s+(?:tiếp|thêm|bài|toàn)|nghe|chia\s+sẻ|tải|gửi|bình\s+(?:luận|chọn)|đăng\s+(?:nhập|ký|xuất)|bấm|nhấn|nhấp|"
    r"click|kích|chạm|in\s+bài|lưu|sao\s+chép|quay\s+(?:lại|về)|trở\s+(?:lại|về)|đóng|mở|thu\s+gọn|ẩn|hiện|tìm|nhập|"
    r"chọn|đồng\s+ý|từ\s+chối|chấp\s+nhận|tiếp\s+tục|bỏ\s+qua|theo\s+dõi|thích|like|share|read|click|tap)\b", re.IGNORECASE)
_SENTENCE_WORDS = 6  # the fewest words of a sentence a lone button holds: "Câu 1.", "Đồng ý và tiếp tục." are labels
_SENTENCE_END = re.compile(r"[.!?…]['\"”’)]*$")
_MARKS = re.compile(f"[{EDGE}{EM_OPEN}{EM_CLOSE}]")
_SPACE = re.compile(r"\s+")


def _plain(text: str) -> str:
    return normalize(_SPACE.sub(" ", _MARKS.sub(" ", text))).strip()


def _words(text: str) -> bool:
    return bool(re.search(r"[^\W_]", text))


def _belongs(before: str, after: str) -> bool:
    """The control stands inside the sentence: words before it that end no sentence, and after it words or signs
    that go on the sentence (no capital opening a new one). A control closing its block is a form's button."""
    if not before or _SENTENCE_END.search(before) or not after:
        return False
    return not after[0].isupper()


def _own_sentence(words: str) -> bool:
    """A lone button's words read as the article's: a sentence of six words or more, opening in a capital (or a
    digit, a quote), ending in a full stop, a question or an exclamation; no control's label or verb."""
    opening = words.lstrip("\"“‘'(«")
    if len(re.findall(r"[^\W_]+", words)) < _SENTENCE_WORDS or not _SENTENCE_END.search(words):
        return False
    return (opening[:1].isupper() or opening[:1].isdigit()) and not _FURNITURE.match(words) \
        and not _CONTROL_OPENING.match(opening)


def _own_heading(words: str) -> bool:
    """A lone button's words in a heading read as the heading (an accordion's "<h3><button>Kết quả nổi bật năm
    2024</button></h3>"): two words or more opening in a capital or a digit; no control's label or verb."""
    opening = words.lstrip("\"“‘'(«")
    return len(re.findall(r"[^\W_]+", words)) >= 2 and (opening[:1].isupper() or opening[:1].isdigit()) \
        and not _FURNITURE.match(words) and not _CONTROL_OPENING.match(opening)


def inline_controls(buffer: list[str], controls: list[list], heading: bool = False) -> tuple[list[str], list[tuple[str, str]]]:
    """(the block's pieces with the controls' words that belong to it put back where they stood, the rest as
    (kind, words) to report). ``controls``: [where in buffer, words, kind, selected option or None] each;
    ``heading``: the block is a heading."""
    pieces = list(buffer)
    left: list[tuple[str, str]] = []
    first = min(c[0] for c in controls) if controls else 0
    alone = not _words(_plain("".join(buffer)))  # the block holds nothing but its controls
    for at, raw, kind, selected in sorted(controls, key=lambda c: c[0], reverse=True):
        options = [_plain(o) for o in raw.split(OPTION)]
        words = " · ".join(o for o in options if _words(o)) if kind == "select" else _plain(raw)
        before, after = _plain("".join(pieces[:at])), _plain("".join(pieces[at:]))
        shown = _plain(selected) if kind == "select" and selected is not None else None
        if alone and kind == "button":  # "<div><button class='accordion'>Đảng bộ xã đã vận động …</button></div>"
            keep = f" {words} " if _own_sentence(words) or heading and _own_heading(words) else None  # two: two sentences
        elif kind == "select":
            keep = shown if shown and _belongs(before, after) else None
        elif kind == "textarea":
            keep = None  # a text box's prompt or what a reader typed in it
        else:  # "Bấm <button>Tải về</button> để xem …": a sentence naming the control keeps its words
            keep = words if _words(words) and (not _FURNITURE.match(words) or _NAMING.search(before)) \
                and _belongs(before, after) else None
        if keep:
            pieces.insert(at, keep)
            continue
        if _words(words):
            left.append((kind, words))
        if at == first and before and _FURNITURE.match(before) and after:  # "Nghe đọc bài <button>▶</button> Đồng chí …"
            left.append((kind, before))
            pieces = [EDGE] + pieces[at:]
    left.reverse()
    return pieces, left
