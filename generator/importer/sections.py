"""Numbered sections of long articles: "I. NHỮNG KẾT QUẢ ĐẠT ĐƯỢC" over "1. Về nội dung …".

A line opening with a roman numeral that is in capitals, marked as a heading or short enough
for one is a section (Markdown level 2); under it, a numbered line shaped like a heading (short,
no final full stop, bold on a saved page, not followed by the next number as a list item is) is
a subsection (level 3). Without a roman section above, such a numbered line in bold or marked
as a heading is a level-2 heading. Numbered sentences stay list items or paragraphs.
"""
from __future__ import annotations

import re

from .clean import is_headline_like, words
from .lines import ROMAN, Info, is_shouting

_NOTES = re.compile(r"^\s*(?:chú\s+thích|chú\s+giải|ghi\s+chú|tài\s+liệu\s+tham\s+khảo|tham\s+khảo|notes?|"
                    r"references?)\s*:?\s*$", re.IGNORECASE)
_NUMBER = re.compile(r"^(\d{1,2})\s*[.)]\s+\S")
_MAX_WORDS = 20


def _heading_shaped(text: str) -> bool:
    return is_headline_like(text, 160) and words(text) <= _MAX_WORDS and not text.endswith(("?", "!"))


def is_section(info: Info) -> bool:
    """"I. Những quan điểm cơ bản …", "II. HẠN CHẾ VÀ NGUYÊN NHÂN"."""
    text = info.text
    if not ROMAN.match(text) or info.block.hint == "li":
        return False
    return _heading_shaped(text) and (info.block.hint == "heading" or is_shouting(text) or words(text) <= 14
                                      or bool(info.block.extra.get("bold")))


def subsection(infos: list[Info], i: int, in_section: bool) -> bool:
    """A numbered line that heads a part of the text, not an item of a list."""
    info = infos[i]
    m = _NUMBER.match(info.text)
    if m is None or info.block.hint == "li" or not _heading_shaped(info.text):
        return False
    nxt = infos[i + 1] if i + 1 < len(infos) else None
    if nxt is None:
        return False
    if in_list(infos, i):
        return False
    marked = info.block.hint == "heading" or bool(info.block.extra.get("bold"))
    return marked or in_section


def in_list(infos: list[Info], i: int) -> bool:
    """"1. …" right above "2. …": items of a list, not headings."""
    m = _NUMBER.match(infos[i].text)
    if m is None:
        return False
    n = int(m.group(1))
    before = _NUMBER.match(infos[i - 1].text) if i > 0 else None
    after = _NUMBER.match(infos[i + 1].text) if i + 1 < len(infos) else None
    return bool((before and int(before.group(1)) == n - 1) or (after and int(after.group(1)) == n + 1))


def is_notes_label(text: str) -> bool:
    """A label over the notes at the end: "Chú thích:", "Tài liệu tham khảo", "References"."""
    return bool(_NOTES.match(text))
