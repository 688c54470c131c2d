"""Vietnamese datelines: "Thứ Hai, 19/09/2016 | 16:27" and the other forms news pages use.

A dateline is a line that holds a date and nothing else but labels ("Cập nhật ngày:"),
a weekday, a clock time and a time zone. Dates inside running text ("ngày 7-11-2006")
are never datelines: the whole line must be used up by the date expression.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from ..vietnamese import VN, normalize

_I = re.IGNORECASE
_LONG_DATE = re.compile(r"(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:năm|,)\s*(\d{4})", _I)
_NUM_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/.-])")
_TIME = re.compile(r"(?<![\d:])(\d{1,2})\s*(?::|h)\s*(\d{2})(?::(\d{2}))?(?![\d:])\s*(SA|CH|AM|PM)?", _I)
_ZONE = re.compile(r"[\[(]?\s*(?:GMT|UTC)\s*(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?\s*[\])]?", _I)
_WEEKDAY = re.compile(r"(?<!\w)(?:thứ\s*(hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|(chủ\s+nhật|CN)|T([2-7]))(?!\w)", _I)
_LABELS = re.compile(
    r"(?<!\w)(?:ngày|cập\s+nhật|cập\s+nhập|đăng|đăng\s+tải|xuất\s+bản|thời\s+gian|lúc|vào|"
    r"updated|published|posted|date|on|at)(?!\w)", _I)
_LEFTOVER = re.compile(r"[\s|,:;/·•\-–—]*")
_WEEKDAY_WORDS = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5, "bẩy": 5}


@dataclass(frozen=True)
class Dateline:
    """A parsed dateline: an aware datetime in Vietnam time, and whether it had a clock."""

    moment: datetime
    has_time: bool
    weekday: int | None  # 0 = Monday, as written on the line, or None

    @property
    def weekday_matches(self) -> bool:
        return self.weekday is None or self.weekday == self.moment.weekday()

    def iso(self) -> str:
        return self.moment.isoformat()


def _weekday_index(match: re.Match) -> int:
    word, sunday, short = match.group(1), match.group(2), match.group(3)
    if sunday:
        return 6
    if short:
        return int(short) - 2
    word = normalize(word).lower()
    return int(word) - 2 if word.isdigit() else _WEEKDAY_WORDS[word]


def parse_dateline(line: str) -> Dateline | None:
    """The date of a line that is nothing but a date expression, else None."""
    text = normalize(line).replace("\u00a0", " ").strip()
    if not text or len(text) > 80:
        return None
    found = list(_LONG_DATE.finditer(text))
    if found:
        numeric = False
    else:
        found = list(_NUM_DATE.finditer(text))
        numeric = True
    if len(found) != 1:
        return None
    m = found[0]
    day, month, year = (int(m.group(1)), int(m.group(3)), int(m.group(4))) if numeric else \
        (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    try:
        day_value = date(year, month, day)
    except ValueError:
        return None
    rest = text[:m.start()] + " " + text[m.end():]

    hour = minute = second = 0
    times = list(_TIME.finditer(rest))
    if len(times) > 1:
        return None
    if times:
        t = times[0]
        hour, minute, second = int(t.group(1)), int(t.group(2)), int(t.group(3) or 0)
        meridiem = (t.group(4) or "").upper()
        if meridiem in ("CH", "PM") and hour < 12:
            hour += 12
        elif meridiem in ("SA", "AM") and hour == 12:
            hour = 0
        if hour > 23 or minute > 59 or second > 59:
            return None
        rest = rest[:t.start()] + " " + rest[t.end():]

    zone = VN
    zones = list(_ZONE.finditer(rest))
    for z in zones:
        zone = timezone.utc
        if z.group(1):
            offset = timedelta(hours=int(z.group(2)), minutes=int(z.group(3) or 0))
            zone = timezone(-offset if z.group(1) == "-" else offset)
        rest = rest[:z.start()] + " " * (z.end() - z.start()) + rest[z.end():]

    weekday = None
    for w in _WEEKDAY.finditer(rest):
        weekday = _weekday_index(w)
    rest = _WEEKDAY.sub(" ", rest)
    rest = _LABELS.sub(" ", rest)
    if not _LEFTOVER.fullmatch(rest):
        return None
    moment = datetime(day_value.year, day_value.month, day_value.day, hour, minute, second, tzinfo=zone)
    return Dateline(moment.astimezone(VN), bool(times), weekday)
