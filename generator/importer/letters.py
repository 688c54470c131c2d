"""Pages that are no news article: a letter, a greeting, a congratulation ("Thư chúc Tết", "Thư
khen", "Điện mừng"). They are imported like an article, since the site may publish them, but the
editor is warned: their headline is a salutation, their signature an office and their date the
day the letter was signed.

Signs: a heading or the page's title that opens like a letter, or a document's place-and-date
line ("Tuy Hòa, ngày 08 tháng 02 năm 2024") after the text, where an article never has one.
"""
from __future__ import annotations

import re

from .lines import Info

_LETTER = re.compile(r"^\s*(?:thư|lời|điện|thiệp|bức\s+thư)\s+(?:chúc|khen|cảm\s+ơn|ngỏ|gửi|kêu\s+gọi|chia\s+buồn|"
                     r"thăm\s+hỏi|mừng|chào\s+mừng|động\s+viên)", re.IGNORECASE)


def letter_warning(infos: list[Info], page_titles: list[str]) -> str | None:
    """A warning for a page that reads as a letter or a greeting, or None for an article.
    infos: the page's lines in order (headings keep their HTML hint)."""
    signs: list[str] = []
    heading = next((i.text for i in infos if i.block.hint in ("h1", "heading") and _LETTER.match(i.text)), None)
    heading = heading or next((t for t in page_titles if _LETTER.match(t)), None)
    if heading:
        signs.append(f"tiêu đề “{heading}”")
    paragraphs = [k for k, i in enumerate(infos) if i.paragraph]
    place = next((i for i in infos[paragraphs[-1] + 1:] if i.meta and i.meta.place), None) if paragraphs else None
    if place is not None:
        signs.append(f"dòng nơi và ngày ký “{place.text}” (dòng {place.line}) cuối trang")
    if not signs:
        return None
    return ("trang có vẻ là thư hoặc lời chúc, không phải bài tin (" + "; ".join(signs) + "): hãy xem có nên "
            "đăng như một bài không; nếu đăng, hãy đặt lại tiêu đề, ngày và tác giả")
