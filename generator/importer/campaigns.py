"""The campaign's names read as directives, when they are named as a campaign or a document.

The wording alone ("học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh") is the
site's subject and names no document: only a wording introduced by "Cuộc vận động" or by an
unnumbered "Chỉ thị / Kết luận (của Bộ Chính trị) về …" counts.

- 2006 wording ("… tấm gương đạo đức Hồ Chí Minh"): "Cuộc vận động …" is the campaign that
  06-CT/TW organised, whatever the article's date. "Chỉ thị … về tiếp tục …" is 03-CT/TW (2011);
  an unnumbered "Chỉ thị … về …" without "tiếp tục" is 06-CT/TW before 2011-05-14, 03-CT/TW after.
- 2016 wording ("… tư tưởng, đạo đức, phong cách Hồ Chí Minh"): "Chỉ thị" is 05-CT/TW and
  "Kết luận" 01-KL/TW; "Cuộc vận động …" is decided by the article's date: from 2021-05-18
  01-KL/TW (which continues 05-CT/TW), from 2016-05-15 05-CT/TW, before that none. Without a
  date, none, with a warning.
- "Cuộc vận động" alone names no directive (many campaigns share the word).
"""
from __future__ import annotations

import re
from datetime import date

_OPEN = r"[\s\"“”'‘’«»(]*"
_DOC = r"(?:(?P<doc>Chỉ thị|Kết luận)(?:\s+của\s+(?:Bộ Chính trị|Ban Bí thư|Trung ương))?\s+về)"
_CAMPAIGN = r"(?P<campaign>Cuộc vận động)"
_LEAD = rf"(?<!\w)(?:{_DOC}|{_CAMPAIGN}){_OPEN}(?P<more>(?:tiếp tục\s+)?(?:đẩy mạnh\s+)?(?:việc\s+)?)"
_WORDING_2006 = r"học tập và làm theo tấm gương đạo đức,?\s+Hồ Chí Minh"
_WORDING_2016 = r"học tập và làm theo tư tưởng,?\s+đạo đức,?\s+phong cách\s+Hồ Chí Minh"
_NAME = re.compile(rf"{_LEAD}(?:(?P<w2006>{_WORDING_2006})|(?P<w2016>{_WORDING_2016}))(?!\w)".replace(" ", r"\s+"),
                   re.IGNORECASE)  # any run of spaces or a line break between words

_KL01 = date(2021, 5, 18)   # Kết luận 01-KL/TW, which continues Chỉ thị 05
_CT05 = date(2016, 5, 15)
_CT03 = date(2011, 5, 14)


def campaign_directives(text: str, published=None) -> tuple[list[tuple[int, str]], list[str]]:
    """(position, symbol) of every campaign name read as a directive, and warnings."""
    day = published.date() if published is not None else None
    found, warnings = [], []
    for m in _NAME.finditer(text):
        symbol = _symbol(m, day)
        if symbol:
            found.append((m.start(), symbol))
        elif day is None and m.group("campaign") and m.group("w2016"):
            message = (f"“{' '.join(m.group(0).split())}” ứng với Chỉ thị 05-CT/TW (2016) hoặc Kết luận 01-KL/TW "
                       "(từ 18/5/2021) tùy ngày đăng; bài không có ngày nên chưa ghi văn bản")
            if message not in warnings:
                warnings.append(message)
    return found, warnings


def _symbol(m: re.Match, day: date | None) -> str | None:
    doc = (m.group("doc") or "").lower()
    again = "tiếp tục" in " ".join(m.group("more").lower().split())
    if m.group("w2006"):
        if m.group("campaign"):
            return "06-CT/TW"
        if doc != "chỉ thị":
            return None
        if again:
            return "03-CT/TW"
        if day is None:
            return None
        return "03-CT/TW" if day >= _CT03 else "06-CT/TW"
    if doc == "chỉ thị":
        return "05-CT/TW"
    if doc == "kết luận":
        return "01-KL/TW"
    if day is None or day < _CT05:
        return None
    return "01-KL/TW" if day >= _KL01 else "05-CT/TW"
