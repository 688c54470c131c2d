"""A paste whose lines were broken at a fixed width (a PDF, a word processor's print view, an
e-mail): the lines joined back into paragraphs, before any rule reads them.

Every other rule reads one line as one paragraph; on wrapped text that splits words across
paragraphs, loses the lead and takes halves of sentences for headlines. The text counts as
wrapped when many lines stand near one width, end without a sentence's punctuation and go on
in the next line (in lower case, or with a word cut by a hyphen). Then:

- a line repeated at regular places with the page's number beside it (a printed running
  header) and the page numbers are page furniture, left out with that reason;
- a line near the width joins the next unless a blank line stands between them; a line that
  ends a sentence joins the next only when that goes on in lower case or when the writer marks
  paragraphs by blank lines; list items, date lines, "Phần 1: …" headings and the line after a
  short line are never joined;
- a word cut at the line end ("nư-" / "ớc") is one word again when its second half starts in
  lower case; before a capital ("Bà Rịa-" / "Vũng Tàu") the hyphen stays;
- a headline printed in capitals over two or three lines is one line.

Pastes that are not wrapped are returned as they are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .byline import person_name
from .clean import Block, is_headline_like, words
from .dates import meta_line
from .lines import ROMAN, is_office, is_shouting

RUNNING_HEADER = "đầu trang in lặp lại (bản PDF)"
PAGE_NUMBER = "số trang (bản PDF)"
_END = re.compile(r"[.!?…:;][\"”’»)\]]*$")
# A page's number on its own line: "12", "- 12 -", "12/40"; labelled, "Trang 12", "Trang 12/40", "Page 12 of 40".
_PAGE = re.compile(r"^(?:[-–—]\s*(?P<dashed>\d{1,4})\s*[-–—]|(?P<bare>\d{1,4})(?:\s*/\s*\d{1,4})?|"
                   r"(?:Trang|Tr\.|Page)\s*(?P<labelled>\d{1,4})(?:\s*(?:/|of|trên)\s*\d{1,4})?)$", re.IGNORECASE)
_NUMBERED = re.compile(r"^(?:(?P<lead>\d{1,4})\s+(?P<rest>\S.*)|(?P<head>.*\S)\s+(?P<tail>\d{1,4}))$")  # "TẠP CHÍ … 45"
_CUT = re.compile(r"(?<=[^\W\d_])-$")  # a letter, then the hyphen: a word cut at the line's end
_ITEM = re.compile(r"^(?:\d{1,2}\s*[.)]|[a-zđ]\)|[-–+•*▪●◦○·■□◆►➢➤❖✓✔])\s+\S")
_DASH_ON = re.compile(r"^[-–]\s+\S")
_PART = re.compile(r"^(?:Phần|Kỳ|Chương|Mục)\s+(?:\d{1,2}|[IVX]{1,5})\s*[:.–-]\s*\S")
_MIN_WIDTH, _MAX_WIDTH = 40, 140
_FULL = 0.75  # a line this near the width was broken by the layout, not by the writer


@dataclass(frozen=True)
class Unwrapped:
    blocks: list[Block]
    left_out: list[tuple[Block, str]]  # running headers and page numbers, with the reason
    notes: list[str]  # for the report


def unwrap(blocks: list[Block]) -> Unwrapped:
    """The paste's blocks with wrapped lines joined; unchanged when the text is not wrapped."""
    lines = [b for b in blocks if b.hint is None]
    width = _width(lines)
    if width is None:
        return Unwrapped(blocks, [], [])
    furniture = _page_furniture(blocks)
    if not _wrapped(blocks, furniture, width):
        return Unwrapped(blocks, [], [])
    left_out = [(b, reason) for b in blocks if (reason := furniture.get(id(b)))]
    removed_lines = {b.line for b, _reason in left_out}
    kept = [b for b in blocks if id(b) not in furniture]
    out: list[Block] = []
    joined = cuts = 0
    spaced = _spaced(kept, width, removed_lines)
    for b in kept:
        prev = out[-1] if out else None
        if prev is not None and _joins(prev, b, width, removed_lines, spaced):
            text, cut = _join(prev.text, b.text, blocks)
            out[-1] = Block(text, prev.line, None, {**prev.extra, "end": b.line, "last": b.text})
            joined += 1
            cuts += cut
        else:
            out.append(b)
    out, title = _title(out)
    notes = [f"văn bản bị ngắt dòng cố định (chép từ PDF hay bản in): đã nối {joined + title} dòng thành đoạn văn"
             + (f", bỏ dấu gạch nối ở {cuts} chữ bị cắt cuối dòng" if cuts else "")
             + (f", bỏ {len(left_out)} dòng đầu trang và số trang" if left_out else "")
             + "; hãy đọc lại bài"]
    return Unwrapped(out, left_out, notes)


def _width(lines: list[Block]) -> int | None:
    """The width the text was broken at: the length most full lines reach."""
    lengths = sorted(len(b.text) for b in lines if len(b.text) >= _MIN_WIDTH)
    if len(lengths) < 4:
        return None
    width = lengths[int(len(lengths) * 0.9) - 1] if len(lengths) >= 10 else lengths[-2]
    return width if _MIN_WIDTH <= width <= _MAX_WIDTH else None


def _wrapped(blocks: list[Block], furniture: dict, width: int) -> bool:
    lines = [b for b in blocks if b.hint is None and id(b) not in furniture]
    full = [i for i, b in enumerate(lines) if len(b.text) >= _FULL * width]
    longer = sum(1 for b in lines if len(b.text) > width * 1.15)
    going_on = sum(1 for i in full if i + 1 < len(lines) and lines[i + 1].line == _end(lines[i]) + 1
                   and not _END.search(lines[i].text)
                   and (_CUT.search(lines[i].text) or lines[i + 1].text[:1].islower()))
    return going_on >= 3 and going_on >= 0.3 * len(full) and longer <= 0.1 * len(lines)


def _end(b: Block) -> int:
    return b.extra.get("end", b.line)


def _page_furniture(blocks: list[Block]) -> dict[int, str]:
    """Block id -> reason for the running headers and the page numbers of a printed copy."""
    found: dict[int, str] = {}
    numbers = [i for i, b in enumerate(blocks) if b.hint is None and _PAGE.match(b.text)]
    by_text: dict[str, list[int]] = {}
    for i, b in enumerate(blocks):
        if b.hint is None and len(b.text) <= 100 and not _PAGE.match(b.text):
            by_text.setdefault(b.text, []).append(i)
    for places in _numbered_headers(blocks, by_text):
        found.update((id(blocks[i]), RUNNING_HEADER) for i in places)
    for places in by_text.values():
        if len(places) < 2 or min(b - a for a, b in zip(places, places[1:])) < 5:
            continue  # printed once, or twice in a row (a caption kept once)
        gaps = [b - a for a, b in zip(places, places[1:])]
        paged = all(any(abs(n - i) <= 2 for n in numbers) for i in places[1:])
        regular = len(places) >= 3 and max(gaps) <= 1.5 * min(gaps)
        if paged or regular:
            found.update((id(blocks[i]), RUNNING_HEADER) for i in places)
    # Page numbers: numbers counting up by one (34, 35, 36), labelled ("Trang 3"), or beside a running header.
    values = [_page_number(blocks[i].text) for i in numbers]
    counting = len(values) >= 2 and all(b == a + 1 for a, b in zip(values, values[1:]))
    for i in numbers:
        near = range(max(0, i - 2), min(len(blocks), i + 3))
        if counting or _PAGE.match(blocks[i].text)["labelled"] or any(found.get(id(blocks[j])) for j in near):
            found[id(blocks[i])] = PAGE_NUMBER
    return found


def _page_number(text: str) -> int:
    m = _PAGE.match(text)
    return int(m["dashed"] or m["bare"] or m["labelled"])


def _numbered_headers(blocks: list[Block], by_text: dict[str, list[int]]) -> list[list[int]]:
    """Running headers with the page's number on their own line ("TẠP CHÍ TUYÊN GIÁO Số 9 - 2024 45",
    "46 Tạp chí Cộng sản"), each group with the same line printed without a number (its first page)."""
    bases: dict[str, list[tuple[int, str]]] = {}
    for i, b in enumerate(blocks):
        m = _NUMBERED.match(b.text) if b.hint is None and len(b.text) <= 100 else None
        if m:
            base = m["rest"] or m["head"]
            bases.setdefault(base, []).append((i, m["lead"] or m["tail"]))
    groups = []
    for base, places in bases.items():
        numbers = {number for _i, number in places}
        spread = min((b - a for (a, _x), (b, _y) in zip(places, places[1:])), default=0)
        # Three words at least: "Điều 5" / "Điều 6" or "Bước 1" are a document's headings, not a header.
        if len(numbers) == len(places) >= 2 and spread >= 5 and words(base) >= 3:
            groups.append(sorted([i for i, _n in places] + by_text.get(base, [])))
    return groups


def _standalone(text: str) -> bool:
    """A line that is never part of a paragraph: a list item, a date line, a numbered heading."""
    return bool(_ITEM.match(text) or ROMAN.match(text) or _PART.match(text) or meta_line(text))


def _blank_between(prev: Block, nxt: Block, removed: set[int]) -> bool:
    """A blank line between the two; page furniture between them is a page break, not a blank."""
    between = range(_end(prev) + 1, nxt.line)
    return any(n not in removed for n in between) and not any(n in removed for n in between)


def _spaced(lines: list[Block], width: int, removed: set[int]) -> bool:
    """The writer put blank lines between paragraphs: most lines ending a sentence short of the
    width have a blank line (or the end) after them, so a line break without one is the layout's."""
    ends = [i for i, b in enumerate(lines) if _END.search(b.text) and len(b.text) < 0.9 * width
            and not _standalone(b.text)]
    blank = sum(1 for i in ends if i + 1 == len(lines) or _blank_between(lines[i], lines[i + 1], removed))
    return len(ends) >= 2 and blank > len(ends) / 2


def _joins(prev: Block, nxt: Block, width: int, removed: set[int], spaced: bool) -> bool:
    if prev.hint is not None or nxt.hint is not None or _blank_between(prev, nxt, removed):
        return False
    text = prev.extra.get("last", prev.text)  # the line above, not the paragraph joined so far
    if _DASH_ON.match(nxt.text) and len(text) >= _FULL * width and not _END.search(text) and not _ITEM.match(prev.text):
        return True  # "… ở tỉnh Bà Rịa" / "- Vũng Tàu đã …": a dash the layout put first, no list item
    if _standalone(nxt.text):
        return False
    if _CUT.search(text) and nxt.text[:1].isalpha():
        return True
    if len(text) < _FULL * width:
        return False  # a short line ends its paragraph: a headline, a byline, a last line
    if not _END.search(text):
        return True
    # A full line ending a sentence: the paragraph goes on when the next line goes on in lower case,
    # or when paragraphs are marked by blank lines; in a PDF copy without them it may end here.
    return nxt.text[:1].islower() or spaced


def _join(text: str, nxt: str, blocks: list[Block]) -> tuple[str, int]:
    """The two lines as one, and 1 when a word cut by a hyphen was put together."""
    if _CUT.search(text) and nxt[:1].islower():
        head, tail = text.rsplit(None, 1)[-1], nxt.split(None, 1)[0]
        hyphenated = f"{head}{tail}"  # the cut word with its hyphen, as a writer might type it
        written = any(hyphenated in b.text for b in blocks)
        return (text + nxt, 0) if written else (text[:-1] + nxt, 1)
    if _CUT.search(text):
        return text + nxt, 0  # "Bà Rịa-" + "Vũng Tàu": two words joined by a hyphen
    return f"{text} {nxt}", 0


def _title(blocks: list[Block]) -> tuple[list[Block], int]:
    """A headline in capitals over two or three lines near the top, as one line; with the number
    of lines joined."""
    for k, b in enumerate(blocks[:8]):
        if words(b.text) >= 40:
            break  # the text has started
        if not (is_shouting(b.text) and _title_part(b.text)) or meta_line(b.text):
            continue
        run = [b]  # its first line may read as a name in capitals ("NÊU GƯƠNG NGƯỜI ĐỨNG ĐẦU"): what follows says
        for nxt in blocks[k + 1:k + 3]:
            if nxt.line != _end(run[-1]) + 1 or not _title_part(nxt.text) or _standalone(nxt.text):
                break
            if person_name(nxt.text) or not (is_shouting(nxt.text) or nxt.text[:1].islower() and words(nxt.text) <= 8):
                break
            run.append(nxt)
        if run[-1].text.endswith(","):
            run = run[:-1]  # a headline ends with no comma: the run's last line was no part of it
        if len(run) < 2 or (person_name(b.text) and is_office(run[1].text.capitalize())):
            continue  # a byline in capitals over its office
        title = Block(" ".join(r.text for r in run), b.line, None, {"end": _end(run[-1]), "capitals": True})
        return blocks[:k] + [title] + blocks[k + len(run):], len(run) - 1
    return blocks, 0


def _title_part(text: str) -> bool:
    """A line of a headline broken over lines: headline-shaped, or broken after a comma
    ("… CỦA CÁN BỘ," / "ĐẢNG VIÊN Ở …")."""
    return is_headline_like(text[:-1] if text.endswith(",") else text, 120)
