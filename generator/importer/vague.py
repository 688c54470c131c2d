"""Date lines that name no day: relative to the moment the page was looked at ("2 giờ trước",
"Hôm qua", "12 giờ · 🌏", "3 days ago"), or a day and month without the year ("Sáng 12/3").

Such a line is page furniture, never a heading or the lead, and the article stays a draft with a
warning saying why no date was read; a single-file page (.mhtml) records when it was saved, and a
relative date then counts back from that moment (flagged: "2 giờ trước" is close, not exact).
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta

from ..vietnamese import VN, normalize
from .dates import (_I, _LABELS, _PUBLISHED, _TIME, _UPDATED, _WEEKDAY, _ZONE, Dateline, _blank, _dates,
                    _tidy)

# A date line no day can be read from: relative to the moment the page was looked at ("2 giờ trước",
# "Hôm qua", "3 days ago"), or a day and month without the year ("Sáng 12/3", "Thứ Ba, 12/3 | 08:30").
_RELATIVE = re.compile(
    r"(?<!\w)(?:\d+\s*(?:giây|phút|giờ|tiếng|ngày|tuần|tháng|năm)\s+trước|hôm\s+qua|hôm\s+kia|vừa\s+xong|vừa\s+đăng|"
    r"\d+\s*(?:seconds?|minutes?|mins?|hours?|days?|weeks?|months?)\s+ago|yesterday|just\s+now|"
    r"\d+\s*(?:giây|phút|giờ|ngày|tuần)(?=\s*·))(?!\w)", _I)  # "12 giờ · 🌏": a post's age, as Facebook prints it
_SYMBOLS = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]")
_DAY_MONTH = re.compile(r"(?<![\d/.-])(\d{1,2})\s?([/-])\s?(\d{1,2})(?![\d/.-]*\d)")
# "15 tháng 4 lúc 09:15 · 🌏", "12 thg 3": Facebook's and phones' day and month in words, this year's (no year).
_DAY_MONTH_WORDS = re.compile(r"(?<![\d/.-])(\d{1,2})\s+(?:tháng|thg)\s+(\d{1,2})(?![\d/.-]*\d)(?!\s*[,/.-]?\s*\d)", _I)
_PART_OF_DAY = re.compile(r"(?<!\w)(?:sáng|chiều|tối|trưa|đêm|rạng\s+sáng)(?!\w)", _I)


def vague_date(line: str) -> str | None:
    """What a short line that can only be a date line, yet gives no day, says (for the editor's
    warning): "tương đối" for a relative date, "không ghi năm" for a day without its year; else None."""
    text = normalize(line).replace("\u00a0", " ").strip()
    if not text or len(text) > 60 or _dates(text):
        return None
    rest = _RELATIVE.sub(" ", text)
    kind = "tương đối" if rest != text else None
    if kind is None:
        days = list(_DAY_MONTH.finditer(text)) or list(_DAY_MONTH_WORDS.finditer(text))
        if len(days) != 1 or not (1 <= int(days[0].group(1)) <= 31 and 1 <= int(days[0].group(days[0].lastindex)) <= 12):
            return None
        rest, kind = _blank(text, days[0].start(), days[0].end()), "không ghi năm"
        if not _tidy(rest):
            return None  # "12/3" alone may be a page count or a score: a date line says more ("Sáng 12/3")
    for rx in (_TIME, _ZONE, _WEEKDAY, _PART_OF_DAY, _PUBLISHED, _UPDATED, _LABELS, _SYMBOLS):
        rest = rx.sub(" ", rest)
    return kind if not _tidy(rest) else None


_AGO = re.compile(r"(?<!\w)(\d+)\s*(giây|phút|giờ|tiếng|ngày|tuần|seconds?|minutes?|mins?|hours?|days?|weeks?)"
                  r"(?:\s+(?:trước|ago)|(?=\s*·))(?!\w)", _I)
_DAYS_BACK = re.compile(r"(?<!\w)(hôm\s+qua|yesterday|hôm\s+kia|vừa\s+xong|vừa\s+đăng|just\s+now)(?!\w)", _I)
_UNIT_SECONDS = {"giây": 1, "second": 1, "phút": 60, "minute": 60, "min": 60, "giờ": 3600, "tiếng": 3600,
                 "hour": 3600, "ngày": 86400, "day": 86400, "tuần": 604800, "week": 604800}


def relative_moment(line: str, seen: datetime) -> Dateline | None:
    """The moment a relative date line ("2 giờ trước", "Hôm qua lúc 14:20", "12 giờ · 🌏") names,
    counted back from ``seen``, when the page was looked at (a single-file page's save time); None
    for anything else, and for months and years ago, which name no day."""
    text = normalize(line)
    if vague_date(text) != "tương đối":
        return None
    seen = seen.astimezone(VN)
    m = _AGO.search(text)
    if m:
        unit = normalize(m.group(2)).lower().rstrip("s") if m.group(2).isascii() else normalize(m.group(2)).lower()
        seconds = int(m.group(1)) * _UNIT_SECONDS[unit]
        moment = seen - timedelta(seconds=seconds)
        if seconds >= 86400:  # "3 ngày trước": a day, not a time
            return Dateline(moment.replace(hour=0, minute=0, second=0, microsecond=0), False, None)
        return Dateline(moment.replace(second=0, microsecond=0), True, None)
    m = _DAYS_BACK.search(text)
    if m is None:
        return None
    word = re.sub(r"\s+", " ", normalize(m.group(1)).lower())
    back = {"hôm qua": 1, "yesterday": 1, "hôm kia": 2}.get(word, 0)
    if back == 0:
        return Dateline(seen.replace(second=0, microsecond=0), True, None)
    day = (seen - timedelta(days=back)).replace(hour=0, minute=0, second=0, microsecond=0)
    t = _TIME.search(text)
    if t and (t.group(2) or t.group(3)):
        return Dateline(day.replace(hour=int(t.group(1)) % 24, minute=int(t.group(2) or t.group(3))), True, None)
    return Dateline(day, False, None)
