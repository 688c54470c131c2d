"""The parts of an article in its blocks: headline, dateline, lead, byline, body.

Works on the blocks left after boilerplate removal. Text files give no markup, so
the rules go by shape and position: the headline is a short line at the top (the
one just above the dateline when there is one), the dateline stands alone on its
line near the headline, the lead (sapo) is the first paragraph after them, the
byline is a short name line at the end.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..vietnamese import format_date, slugify, term_key, weekday
from .clean import Block, is_headline_like, is_paragraph, words
from .dates import Dateline, parse_dateline

IMAGE_EXT = r"(?:jpe?g|png|gif|webp|bmp|svg|avif)"
_IMAGE_LINE = re.compile(rf"^(?:https?://\S+/)?([\w.\-()%+~]+?(?: [\w.\-()%+~]+){{0,5}}?\.{IMAGE_EXT})(?:\.{IMAGE_EXT})*(?:[?#]\S*)?$",
                         re.IGNORECASE)
_SAFE_NAME = re.compile(r"^[A-Za-z0-9._-]+$")
_CREDIT = re.compile(
    r"(?:^|[\s.(\[–—-])\(?\s*(?:ảnh|ảnh minh họa|ảnh minh hoạ|ảnh tư liệu|ảnh chụp màn hình|nguồn ảnh|nguồn|photo)"
    r"\s*:\s*[^():]{1,40}?\s*\)?\s*\.?$", re.IGNORECASE)
_CREDIT_ONLY = re.compile(
    r"^\(?\s*(?:ảnh|ảnh minh họa|ảnh minh hoạ|ảnh tư liệu|nguồn ảnh|photo)\s*:\s*[^():]{1,40}?\s*\)?\s*\.?$",
    re.IGNORECASE)
_LIST_ITEM = re.compile(r"^([-–+•*])\s+(\S.*)$")
_BYLINE_LABEL = re.compile(
    r"^(?:bài\s*(?:và|,|&|\+)?\s*ảnh|tin\s*(?:và|,|&|\+)?\s*ảnh|bài|tin|tác giả|người viết|nhóm phóng viên)\s*:\s*",
    re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[^\W\d_][^\W\d_]*|[^\W\d_](?:\.[^\W\d_])+\.?|[^\W\d_]\.)$")
_HEADING_MAX_WORDS = 12


@dataclass
class Node:
    """One piece of the body: "p", "h", "figure", "caption" or "li"."""

    kind: str
    text: str
    src: str = ""
    level: int = 0


@dataclass
class Extracted:
    title: str | None = None
    date: Dateline | None = None
    summary: str | None = None
    author: str | None = None
    body: list[Node] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dropped: list[Block] = field(default_factory=list)  # labels, repeated headlines, clocks

    @property
    def figures(self) -> list[Node]:
        return [n for n in self.body if n.kind == "figure"]


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
    return bool(_CREDIT.search(text))


def person_name(text: str) -> str | None:
    """A byline as a display name ("XUÂN THƯỞNG" -> "Xuân Thưởng"), or None if it is not one."""
    text = _BYLINE_LABEL.sub("", text.strip()).strip()
    text = re.sub(r"\s*\([^()]*\)\s*$", "", text).strip()  # "Thu Hà (Báo Lai Châu)"
    text = text.rstrip(".").strip() if not re.search(r"\b\w\.$", text) else text
    parts = text.split()
    if not 1 <= len(parts) <= 6 or len(text) > 50:
        return None
    if not all(_NAME_WORD.match(p) and p[0].isupper() for p in parts):
        return None
    if len(parts) == 1 and "." not in parts[0] and len(parts[0]) < 2:
        return None
    shout = text.replace(".", "").replace(" ", "").isupper() and len(text.replace(".", "").replace(" ", "")) > 3
    if shout:
        parts = [p if "." in p else p[0] + p[1:].lower() for p in parts]
    return " ".join(parts)


def extract(blocks: list[Block]) -> Extracted:
    out = Extracted()
    blocks = list(blocks)
    dates = {i: parse_dateline(b.text) for i, b in enumerate(blocks)}
    dates = {i: d for i, d in dates.items() if d is not None}

    title_idx = _find_title(blocks, dates, out)
    used: set[int] = set()
    if title_idx is None:
        out.warnings.append("không tìm thấy tiêu đề")
    else:
        out.title = blocks[title_idx].text.rstrip()
        used.add(title_idx)
        key = term_key(out.title)
        for i, b in enumerate(blocks):
            if i != title_idx and term_key(b.text) == key:
                used.add(i)
                out.dropped.append(b)
    start = (title_idx or 0)

    _find_date(blocks, dates, start, used, out)
    _find_author(blocks, dates, used, out)
    _find_summary(blocks, dates, start, used, out)
    out.body = _body([b for i, b in enumerate(blocks) if i not in used and i > (title_idx if title_idx is not None else -1)])
    return out


def _find_title(blocks: list[Block], dates: dict, out: Extracted) -> int | None:
    for i, b in enumerate(blocks):
        if b.hint == "h1":
            for j in range(i):  # whatever sits above an <h1> is page furniture
                out.dropped.append(blocks[j])
            return i
    run: list[int] = []
    for i, b in enumerate(blocks):
        if i in dates or b.hint == "caption":
            continue
        if b.hint in ("img",) or image_name(b.text) or not is_headline_like(b.text):
            break
        run.append(i)
    # A sapo without final punctuation can look like a headline: long lines are not.
    while len(run) > 1 and words(blocks[run[-1]].text) > 30:
        run.pop()
    if not run:
        return None
    if len(run) == 1:
        return run[0]
    # The line just above the first dateline that follows a headline candidate.
    for i in sorted(dates):
        if i > run[0] and i - 1 in run:
            chosen = i - 1
            break
    else:
        first_key = term_key(blocks[run[0]].text)
        repeats = [i for i in run[1:] if term_key(blocks[i].text) == first_key]
        if repeats:
            chosen = run[0]
            for i in run[1:repeats[0]]:
                out.dropped.append(blocks[i])  # breadcrumbs between a headline and its repeat
            return chosen
        chosen = max(run, key=lambda i: (len(blocks[i].text), -i))
        others = [blocks[i].text for i in run if i != chosen and i < chosen]
        if others:
            out.warnings.append("có nhiều dòng giống tiêu đề ở đầu bài; đã chọn dòng dài nhất, bỏ: "
                                + "; ".join(f"“{t}”" for t in others))
    for i in run:
        if i < chosen:
            out.dropped.append(blocks[i])
    return chosen


def _find_date(blocks, dates: dict, title_idx: int, used: set, out: Extracted) -> None:
    # Near the headline: before the first paragraph after it, or right after that one (the lead).
    paragraphs = [i for i in range(title_idx + 1, len(blocks)) if i not in dates and i not in used
                  and is_paragraph(blocks[i].text)]
    limit = paragraphs[1] if len(paragraphs) > 1 else len(blocks)
    after = [i for i in sorted(dates) if title_idx < i < min(limit, title_idx + 6)]
    before = [i for i in sorted(dates) if i < title_idx]
    last = paragraphs[-1] if paragraphs else title_idx  # at the end: only a byline may follow
    tail = [i for i in sorted(dates) if i > last and i not in after]
    chosen = None
    if after:
        chosen = after[0]
    elif tail:
        chosen = tail[-1]
    elif before:
        chosen = before[-1]
        out.warnings.append(f"ngày lấy từ dòng “{blocks[chosen].text}” nằm trên tiêu đề: có thể là đồng hồ "
                            "của trang, không phải ngày đăng; hãy kiểm tra")
    for i in before + after + tail:
        used.add(i)
        if i != chosen:
            out.dropped.append(blocks[i])
    if chosen is None:
        out.warnings.append("không tìm thấy ngày đăng (dòng ngày tháng gần tiêu đề); đã bỏ trống trường date")
        return
    out.date = dates[chosen]
    if not out.date.weekday_matches:
        out.warnings.append(f"thứ ghi trên dòng ngày “{blocks[chosen].text}” không khớp: "
                            f"{format_date(out.date.moment)} là {weekday(out.date.moment)}")


def _find_author(blocks, dates: dict, used: set, out: Extracted) -> None:
    for i in range(len(blocks) - 1, max(-1, len(blocks) - 4), -1):
        if i in used or i in dates:
            continue
        text = blocks[i].text
        if _CREDIT_ONLY.match(text):
            continue  # a photo credit is not the author
        name = person_name(text)
        if name and (len(blocks) - i <= 2 or _BYLINE_LABEL.match(text)):
            out.author = name
            used.add(i)
            return
        break
    out.warnings.append("không tìm thấy tác giả (dòng tên ở cuối bài)")


def _find_summary(blocks, dates: dict, title_idx: int, used: set, out: Extracted) -> None:
    for i in range(title_idx + 1, len(blocks)):
        if i in used or i in dates:
            continue
        b = blocks[i]
        text = b.text
        if b.hint in ("img", "caption", "heading", "li") or image_name(text) or has_credit(text) \
                or _LIST_ITEM.match(text):
            break
        if is_paragraph(text) or words(text) > 20:
            out.summary = text
            used.add(i)
            return
        break
    out.warnings.append("không tìm thấy đoạn mở đầu (sapo) ngay sau tiêu đề; để trống summary")


def _body(blocks: list[Block]) -> list[Node]:
    nodes: list[Node] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        name = b.extra.get("src") if b.hint == "img" else image_name(b.text)
        if name:
            caption = b.extra.get("alt", "") if b.hint == "img" else ""
            j = i + 1
            if j < len(blocks) and _is_caption_after_image(blocks[j]):
                caption = blocks[j].text
                j += 1
                if j < len(blocks) and _CREDIT_ONLY.match(blocks[j].text):
                    caption = f"{caption} {blocks[j].text}"
                    j += 1
            nodes.append(Node("figure", caption, src=name))
            i = j
            continue
        text = b.text
        item = _LIST_ITEM.match(text)
        if b.hint == "li" or item:
            body = item.group(2) if item else text
            marker = item.group(1) if item else "-"
            nested = marker == "+" and nodes and nodes[-1].kind == "li" and nodes[-1].level == 0 \
                and nodes[-1].src != "+"
            nodes.append(Node("li", body, src=marker, level=1 if nested else 0))
        elif b.hint == "caption" or (has_credit(text) and len(text) <= 400):
            nodes.append(Node("caption", text))
        elif b.hint == "heading" or (b.hint is None and _looks_like_heading(blocks, i)):
            nodes.append(Node("h", text))
        else:
            nodes.append(Node("p", text))
        i += 1
    return nodes


def _is_caption_after_image(block: Block) -> bool:
    if block.hint == "caption":
        return True
    if block.hint in ("img", "heading", "h1", "li") or image_name(block.text):
        return False
    return len(block.text) <= 300 or has_credit(block.text)


def _looks_like_heading(blocks: list[Block], i: int) -> bool:
    text = blocks[i].text
    if not (is_headline_like(text, 120) and words(text) <= _HEADING_MAX_WORDS):
        return False
    if text.endswith(("?", "!")) or not (text[0].isupper() or text[0].isdigit()):
        return False
    if i + 1 >= len(blocks):
        return False
    nxt = blocks[i + 1]
    if nxt.hint in ("img", "heading") or image_name(nxt.text):
        return False
    return is_paragraph(nxt.text) or _LIST_ITEM.match(nxt.text) is not None
