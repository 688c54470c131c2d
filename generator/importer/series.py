"""Parts of a series. An article that is one part of a series ("Bài 2: …", "Kỳ 3: …", "Phần 2 - …")
prints the titles of the other parts above its text or under it ("Bài 1: …", "Bài cuối: …",
"Kỳ tới: …"): links to other articles, never a heading or a paragraph of this one."""
from __future__ import annotations

import re

from .clean import is_headline_like, words
from .lines import Info

OTHER_PART = "tên bài khác trong loạt bài"
_PART = re.compile(r"^\s*(bài|kỳ|kì|phần)\s+(\d{1,2}|[IVX]{1,4}|cuối(?:\s+cùng)?|tiếp(?:\s+theo)?|tới|sau|trước)"
                   r"\s*[:.\-–—]\s*\S", re.IGNORECASE)
_SAME_WORD = {"kì": "kỳ"}


def part(text: str) -> tuple[str, str] | None:
    """("bài", "2") for "Bài 2: …", ("kỳ", "tới") for "Kỳ tới: …"; None for any other line."""
    m = _PART.match(text)
    if m is None:
        return None
    word = m.group(1).lower()
    return _SAME_WORD.get(word, word), re.sub(r"\s+", " ", m.group(2).lower())


def other_parts(infos: list[Info], t: int, title: str) -> list[int]:
    """The lines under the headline that name another part of the series the headline is part of."""
    own = part(title)
    if own is None:
        return []
    found = []
    for i in range(t + 1, len(infos)):
        info = infos[i]
        other = part(info.text)
        if other is None or other[0] != own[0] or other[1] == own[1]:
            continue
        if info.paragraph or words(info.text) > 30 or not is_headline_like(info.text.strip("*_ "), 250):
            continue  # "Bài 1 đã nêu …": a sentence of this part
        found.append(i)
    return found
