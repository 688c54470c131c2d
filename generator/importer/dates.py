"""Vietnamese date lines: "Thứ Hai, 19/09/2016 | 16:27" and everything pages print beside them.

A meta line is a short line made of a date and nothing else but labels ("Ngày đăng:",
"Cập nhật:"), a weekday, a clock time, a time zone, a view counter ("Lượt xem: 612"),
a byline ("Đình Minh 03/10/2024 14:22") or a category label ("Chính trị 21/03/2025").
Dates inside running text ("ngày 7-11-2006 của Bộ Chính trị") are never meta lines: what
is left once the date is taken out must be one of those things. A range
"(19/5/1890 - 19/5/2024)" is not a date line either.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from ..vietnamese import VN, normalize

FIRST_YEAR, LAST_YEAR = 1900, 2100  # the years a page we import can have been published in
_I = re.IGNORECASE
# Months in words as WordPress's Vietnamese locale prints them ("Tháng Ba", "Tháng Mười Hai"); "thg 3" is
# the short form of phones and browsers ("12 thg 3, 2024"). Lunar names (Giêng, Chạp) are no months here.
_VI_MONTHS = {"một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
              "mười": 10, "mười một": 11, "mười hai": 12}
_VI_MONTH = r"(\d{1,2}|mười\s+một|mười\s+hai|mười|một|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín)"
_LONG_DATE = re.compile(rf"(?:ngày\s+)?(?<!\d)(\d{{1,2}})\s+(?:tháng|thg|th)\.?\s*{_VI_MONTH}\s*(?:năm|,)?\s*(\d{{4}})(?!\d)",
                        _I)
_MONTH_FIRST = re.compile(rf"(?<!\w)tháng\s+{_VI_MONTH}\s+(\d{{1,2}}),\s*(\d{{4}})(?!\d)", _I)  # "Tháng Ba 12, 2024"
_NUM_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?\2\s?(\d{4})(?![\d/.-]*\d)")
# English month names, as WordPress and other themes print them: "March 5, 2024", "5 Mar 2024".
_MONTHS = {m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                           "nov", "dec"))}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|" \
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_EN_DATE = re.compile(rf"(?<!\w){_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)"
                      rf"|(?<![\w/.-])(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})(?!\d)", _I)
# A year in two digits, as some portals print the date line ("12/03/24 08:30"): 2000-2069, 1970-1999.
_SHORT_YEAR_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{2})(?![\d/.-]*\d)")
_ISO_DATE = re.compile(r"(?<![\d/.-])(\d{4})-(\d{2})-(\d{2})(?![\d/.-]*\d)")
# "14:53", "14h30", "8 giờ 15 phút", and the hour alone after "h"/"giờ" ("8 giờ sáng", "8h").
_TIME = re.compile(r"(?<![\d:])(\d{1,2})\s*(?::\s*(\d{2})|(?:h|giờ)(?:\s*(\d{2})(?:\s*phút)?)?)"
                   r"(?:\s*:\s*(\d{2}))?(?![\d:])\s*['’]?\s*(SA|CH|AM|PM|sáng|chiều|tối|trưa|đêm)?(?!\w)", _I)
_G_CLOCK = re.compile(r"(?<![\d\w])([01]?\d|2[0-3])g([0-5]\d)(?![\d\w])")
_ZONE = re.compile(r"[\[(]?\s*(?:GMT|UTC)\s*(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?\s*[\])]?", _I)
_WEEKDAY = re.compile(r"(?<!\w)(?:thứ\s*(hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|(chủ\s+nhật|CN)|T([2-7])|"
                      r"(mon|tues|wednes|thurs|fri|satur|sun)day)(?!\w)", _I)  # English: whole names only ("Thu" is a name)
_PUBLISHED = re.compile(r"(?<!\w)(?:ngày\s+đăng|đăng\s+ngày|đăng\s+lúc|đăng\s+tải|ngày\s+xuất\s+bản|xuất\s+bản|"
                        r"thời\s+gian\s+đăng|ngày\s+phát\s+hành|published|posted)(?!\w)", _I)
_UPDATED = re.compile(r"(?<!\w)(?:ngày\s+cập\s+nhật|cập\s+nhật|cập\s+nhập|chỉnh\s+sửa|sửa\s+đổi|sửa\s+ngày|sửa\s+lúc|"
                      r"updated|modified|edited)(?!\w)", _I)
# A clock, or when the page was printed or looked at ("Ngày in: 05/12/2026 20:15", "Truy cập ngày …"): the
# reader's day, never the article's
_TODAY = re.compile(r"(?<!\w)(?:hôm\s+nay|today|âm\s+lịch|ngày\s+in|in\s+(?:ngày|lúc|vào)|thời\s+gian\s+in|"
                    r"ngày\s+truy\s+cập|truy\s+cập\s+(?:ngày|lúc|vào)|printed(?:\s+on)?|accessed(?:\s+on)?)(?!\w)", _I)
_LABELS = re.compile(
    r"(?<!\w)(?:ngày|đăng|đăng\s+tải|xuất\s+bản|thời\s+gian|lúc|vào|cập\s+nhật|cập\s+nhập|chỉnh\s+sửa|sửa\s+đổi|sửa|"
    r"updated|published|posted|date|on|at)(?!\w)", _I)
_COUNTER = re.compile(
    r"(?<!\w)(?:(?:số\s+)?lượt\s+(?:xem|đọc|truy\s+cập)|views?|bình\s+luận|comments?)\s*[:(]?\s*\d[\d.,]*\s*\)?"
    r"|\d[\d.,]*\s*(?:lượt\s+(?:xem|đọc)|views?|bình\s+luận)(?!\w)", _I)
_TOOLS = re.compile(r"(?<!\w)(?:in\s+bài|in\s+trang|gửi\s+email|chia\s+sẻ(?:\s+(?:qua|lên))?|lưu\s+bài|"
                    # a share bar's networks beside the date ("10:20 Chia sẻ Facebook Zalo"): no byline
                    r"facebook|zalo|twitter|messenger|telegram|viber|linkedin|pinterest|whatsapp|lotus|e-?mail|"
                    r"sao\s+chép\s+(?:liên\s+kết|link|đường\s+dẫn)|copy\s+link|"
                    # a reading time beside the date ("21 thg 8, 2025 · 3 phút đọc", "Đọc trong 5 phút", "4 min read")
                    r"(?:khoảng\s+)?\d{1,3}\s*phút\s+đọc|(?:thời\s+gian\s+)?đọc\s*:?\s*(?:trong\s+|khoảng\s+)?\d{1,3}\s*phút|"
                    r"\d{1,3}\s*(?:min|mins|minutes?)\s+read)(?!\w)", _I)
_POSTER = re.compile(r"(?<!\w)(?:đăng\s+bởi|người\s+đăng|bởi|by)\s*:?\s*", _I)
_AUTHOR_LABEL = re.compile(r"(?<!\w)(?:tác\s+giả|người\s+viết|bài\s+và\s+ảnh|bài,\s*ảnh|bài|tin)\s*:\s*", _I)
_LEFTOVER = re.compile(r"[\s|,:;/·•\-–—'’()\[\]]*")
_STRONG_SPLIT = re.compile(r"\s*[|·•]\s*|\s{2,}")
_DASH_SPLIT = re.compile(r"\s+[-–—]\s+|^[-–—]\s+|\s+[-–—]$")
_WEEKDAY_WORDS = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5, "bẩy": 5}
MAX_META_LINE = 160
# The place-and-date line that opens or closes a Vietnamese document or letter: "<place>, ngày 08 tháng 02 năm 2024".
_PLACE_DATE = re.compile(r"^\s*([^\W\d][^\d,:|]{1,40}),\s*ngày\s+\d", _I)


@dataclass(frozen=True)
class Dateline:
    """A parsed date: an aware datetime in Vietnam time, and whether the page gave a clock time."""

    moment: datetime
    has_time: bool
    weekday: int | None  # 0 = Monday, as written on the line, or None
    seconds: bool = False  # "08:05:31": clocks print seconds, articles rarely do
    numeric: bool = False  # day and month printed as numbers ("03/05/2024"): read day first

    @property
    def weekday_matches(self) -> bool:
        return self.weekday is None or self.weekday == self.moment.weekday()

    def iso(self) -> str:
        return self.moment.isoformat()


@dataclass(frozen=True)
class MetaLine:
    """What a short meta line says: its date, and the words left beside it."""

    date: Dateline | None
    published: bool = False  # "Ngày đăng", "Xuất bản"
    updated: bool = False  # "Cập nhật" only
    today: bool = False  # "Hôm nay": a clock widget
    rest: str = ""  # what is left: a byline, a category label, or ""
    poster: bool = False  # the rest came after "Đăng bởi": whoever uploaded it, not the author
    labelled_author: bool = False  # the rest came after "Tác giả:"
    out_of_range: int | None = None  # the year, when it is no year a page could be published in
    place: str = ""  # a document's place-and-date line ("Tuy Hòa, ngày 08 tháng 02 năm 2024"): the place, never a byline


def _weekday_index(match: re.Match) -> int:
    word, sunday, short, english = match.group(1), match.group(2), match.group(3), match.group(4)
    if english:
        return ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun").index(english.lower())
    if sunday:
        return 6
    if short:
        return int(short) - 2
    word = normalize(word).lower()
    return int(word) - 2 if word.isdigit() else _WEEKDAY_WORDS[word]


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _month(written: str) -> int:
    return int(written) if written.isdigit() else _VI_MONTHS[re.sub(r"\s+", " ", normalize(written).lower())]


def _dates(text: str) -> list[tuple[int, int, tuple[int, int, int]]]:
    """(start, end, (year, month, day)) of every date expression, long forms first."""
    found = []
    for m in _LONG_DATE.finditer(text):
        found.append((m.start(), m.end(), (int(m.group(3)), _month(m.group(2)), int(m.group(1)))))
        text = _blank(text, m.start(), m.end())
    for m in _MONTH_FIRST.finditer(text):
        found.append((m.start(), m.end(), (int(m.group(3)), _month(m.group(1)), int(m.group(2)))))
        text = _blank(text, m.start(), m.end())
    for m in _EN_DATE.finditer(text):
        if "may" in (m.group(1), m.group(5)):
            continue  # the Vietnamese word "may" (may mặc), not the month "May"
        if m.group(1):
            ymd = (int(m.group(3)), _MONTHS[m.group(1)[:3].lower()], int(m.group(2)))
        else:
            ymd = (int(m.group(6)), _MONTHS[m.group(5)[:3].lower()], int(m.group(4)))
        found.append((m.start(), m.end(), ymd))
        text = _blank(text, m.start(), m.end())
    for m in _NUM_DATE.finditer(text):
        found.append((m.start(), m.end(), (int(m.group(4)), int(m.group(3)), int(m.group(1)))))
        text = _blank(text, m.start(), m.end())
    for m in _ISO_DATE.finditer(text):
        found.append((m.start(), m.end(), (int(m.group(1)), int(m.group(2)), int(m.group(3)))))
        text = _blank(text, m.start(), m.end())
    for m in _SHORT_YEAR_DATE.finditer(text):
        year = int(m.group(4))
        found.append((m.start(), m.end(), (year + (2000 if year < 70 else 1900), int(m.group(3)), int(m.group(1)))))
    return sorted(found)


# The lunar date a date line prints beside the day ("(18/10 Bính Ngọ)", "- 18 tháng 10 năm Bính Ngọ", "(ÂL: 18/10)",
# "(tức 18/10 âm lịch)"): marked by a year's name of the sixty-year cycle, "âm lịch", "ÂL" or "tức".
_CAN_CHI = (r"(?:Giáp|Ất|Bính|Đinh|Mậu|Kỷ|Canh|Tân|Nhâm|Quý)\s+(?:Tý|Sửu|Dần|Mão|Mẹo|Thìn|Tỵ|Tị|Ngọ|Mùi|Thân|Dậu|"
            r"Tuất|Hợi)")
_LUNAR_MARK = re.compile(rf"{_CAN_CHI}|âm\s+lịch|(?<!\w)ÂL(?!\w)|(?<!\w)tức(?!\w)", re.IGNORECASE)
_LUNAR = re.compile(
    rf"\s*(?:[(\[]|[-–—|,]\s*)?\s*(?:(?:tức|nhằm)\s+(?:ngày\s+)?|(?:ÂL|âm\s+lịch)\s*:?\s*(?:ngày\s+)?)?"
    rf"(?:\d{{1,2}}\s*/\s*\d{{1,2}}|(?:ngày\s+)?\d{{1,2}}\s+tháng\s+(?:\d{{1,2}}|giêng|chạp))"
    rf"(?:\s*(?:/|,)?\s*(?:năm\s+)?{_CAN_CHI}|\s*(?:/|,)?\s*(?:năm\s+)?(?:âm\s+lịch|ÂL)(?!\w))?\s*[)\]]?(?=\s*$|\s*[|]|\s+\d)",
    re.IGNORECASE)


def meta_line(line: str) -> MetaLine | None:
    """The meta line this line is, or None if it is anything else (running text, a headline...)."""
    text = normalize(line).replace("\u00a0", " ").strip()
    if not text or len(text) > MAX_META_LINE:
        return None
    text = _G_CLOCK.sub(r"\1:\2", text)  # "10g20", the southern papers' clock, is 10:20 (same length)
    if _LUNAR_MARK.search(text):
        text = _LUNAR.sub("", text).strip()  # "Thứ Hai, 07/12/2026 (18/10 Bính Ngọ)": the day, not a second date
    found = _dates(text)
    if not found:
        return None
    published = bool(_PUBLISHED.search(text))
    updated = bool(_UPDATED.search(text)) and not published
    today = bool(_TODAY.search(text))
    if len(found) > 1:
        chosen = _pick_labelled(text, found)
        if chosen is None:
            return None  # a range "(19/5/1890 - 19/5/2024)" or several dates in a sentence
    else:
        chosen = found[0]
    start, end, (year, month, day) = chosen
    rest = text
    for s, e, _ in found:
        rest = _blank(rest, s, e)
    out_of_range = None
    try:
        day_value = date(year, month, day)
    except ValueError:
        return None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        out_of_range = year

    # The zone first: "(GMT+07:00)" holds a clock's shape that is no time of the article.
    zone = VN
    for z in _ZONE.finditer(rest):
        zone = timezone.utc
        if z.group(1):
            offset = timedelta(hours=int(z.group(2)), minutes=int(z.group(3) or 0))
            if offset >= timedelta(hours=24):
                return None
            zone = timezone(-offset if z.group(1) == "-" else offset)
        rest = _blank(rest, z.start(), z.end())

    hour = minute = second = 0
    # An hour with no minutes is a clock only beside its date, after "lúc"/"vào" or with "sáng"/"chiều"…:
    # "Trong 12 giờ qua" counts hours.
    times = [t for t in _TIME.finditer(rest) if t.group(2) or t.group(3) or t.group(5)
             or re.search(r"(?<!\w)(?:lúc|vào)\s*$", text[:t.start()], _I)
             or re.match(r"\s*,?\s*(?:ngày\s*)?\d", text[t.end():], _I)]
    # The time that belongs to the chosen date: the nearest one within the date's own labelled part
    # ("Ngày đăng: 24/11/2024 | Cập nhật: 25/11/2024 07:10": the 07:10 is the update's).
    low, high = _own_part(text, found, chosen) if len(found) > 1 else (0, len(text))
    own = [m for m in times if low <= m.start() and m.end() <= high]
    t = min(own, key=lambda m: min(abs(m.start() - end), abs(start - m.end())), default=None)
    seconds = False
    if t is not None:
        hour, minute, second = int(t.group(1)), int(t.group(2) or t.group(3) or 0), int(t.group(4) or 0)
        seconds = t.group(4) is not None
        meridiem = (t.group(5) or "").upper()
        if (meridiem in ("CH", "PM", "CHIỀU", "TỐI") and hour < 12) or (meridiem == "TRƯA" and hour < 6) \
                or meridiem == "ĐÊM" and 7 <= hour < 12:  # "10 giờ đêm" is 22:00, "1 giờ đêm" 01:00
            hour += 12  # "2:30 chiều" is 14:30, "1:00 trưa" 13:00
        elif meridiem in ("SA", "AM") and hour == 12:
            hour = 0
        if hour > 23 or minute > 59 or second > 59:
            return None
    for m in times:
        rest = _blank(rest, m.start(), m.end())

    weekday = None
    for w in _WEEKDAY.finditer(rest):  # on a line of two dates, the weekday printed in the chosen date's part
        if weekday is None or low <= w.start() < high:  # ("Ngày đăng: Thứ năm, 21/8/25 | Cập nhật: Thứ sáu, …")
            weekday = _weekday_index(w)
    rest = _WEEKDAY.sub(" ", rest)
    rest = _COUNTER.sub(" ", rest)
    rest = _TOOLS.sub(" ", rest)
    rest = _TODAY.sub(" ", rest)
    poster = bool(_POSTER.search(rest))
    labelled_author = bool(_AUTHOR_LABEL.search(rest))
    rest = _POSTER.sub(" ", rest)
    rest = _AUTHOR_LABEL.sub(" ", rest)
    rest = _LABELS.sub(" ", rest)
    rest = _tidy(rest)
    if rest and not _short_label(rest):
        return None
    place = ""
    m = _PLACE_DATE.match(text)
    if rest and m and _tidy(m.group(1)) == rest:
        place, rest = rest, ""  # a letter's or decision's dateline names where it was signed, not who wrote it
    if out_of_range is not None:
        return MetaLine(None, published, updated, today, rest, poster, labelled_author, out_of_range)
    try:
        moment = datetime(day_value.year, day_value.month, day_value.day, hour, minute, second,
                          tzinfo=zone).astimezone(VN)
    except (OverflowError, ValueError):  # 31/12/9999 23:00 GMT is past the last datetime
        return MetaLine(None, published, updated, today, rest, poster, labelled_author, year)
    numeric = bool(_NUM_DATE.fullmatch(text[start:end]) or _SHORT_YEAR_DATE.fullmatch(text[start:end]))
    return MetaLine(Dateline(moment, t is not None, weekday, seconds, numeric), published, updated, today, rest,
                    poster, labelled_author, place=place)


def _pick_labelled(text: str, found) -> tuple | None:
    """In "Ngày đăng: 13/01/2023 | Cập nhật: 14/01/2023", the published one; in "18/05/2024 08:00 (Cập nhật
    20/05/2024 10:15)", the one that is not the update's; None for a range (no labels)."""
    labelled = []
    previous_end = 0
    for s, e, ymd in found:
        before = text[previous_end:s]
        kind = "published" if _PUBLISHED.search(before) else "updated" if _UPDATED.search(before) else "plain"
        labelled.append((kind, (s, e, ymd)))
        previous_end = e
    kinds = [kind for kind, _item in labelled]
    if "plain" in kinds and (kinds.count("plain") > 1 or "updated" not in kinds):
        return None
    for wanted in ("published", "plain"):
        for kind, item in labelled:
            if kind == wanted:
                return item
    return labelled[0][1]


def _own_part(text: str, found, chosen) -> tuple[int, int]:
    """The stretch of a two-date line that belongs to the chosen date: from its label to the next label."""
    labels = sorted(m.start() for rx in (_PUBLISHED, _UPDATED) for m in rx.finditer(text))
    start = chosen[0]
    first = chosen == found[0]  # nothing before it but its label: a time printed before it is its own
    low = 0 if first else max((p for p in labels if p <= start), default=0)
    high = min((p for p in labels if p > start), default=len(text))
    return low, high


def _tidy(rest: str) -> str:
    """What a date line holds beside its date, its separators taken out. A dash between two names stays:
    "Thu Phương - Phan Trâm • 08:00, 19/05/2024" is signed by two writers, not by "Thu Phương Phan Trâm"."""
    kept = []
    for part in _STRONG_SPLIT.split(rest):
        pieces = [_unpaired(p.strip(" |,:;/·•-–—'’()[]")) for p in _DASH_SPLIT.split(part)]
        part = " - ".join(p for p in pieces if p and not _LEFTOVER.fullmatch(p))
        if part:
            kept.append(part)
    return " ".join(kept).strip()


def _unpaired(piece: str) -> str:
    """A piece of a date line with its brackets stripped, the closing one of a bracket it opens given back:
    "Thanh Hà (TTXVN) - 12/05/2025" signs "Thanh Hà (TTXVN)", whose agency reads as the source."""
    for opening, closing in ("()", "[]"):
        if piece.count(opening) > piece.count(closing):
            piece += closing
    return piece


def _short_label(rest: str) -> bool:
    """What a meta line may hold beside its date: a name or a label of a few words, no sentence."""
    words = rest.split()
    return len(words) <= 7 and not re.search(r"\d", rest) and not re.search(r"[.!?…]\s*$", rest.rstrip(")"))


def parse_dateline(line: str) -> Dateline | None:
    """The date of a line that is nothing but a date expression (with labels), else None."""
    meta = meta_line(line)
    if meta is None or meta.rest or meta.date is None:
        return None
    return meta.date


# The lead's opening words before the date it starts with: "Ngày 5 tháng 3 năm 2024, …", "Sáng 14/5/2024, …".
_OPENING = re.compile(r"^\s*(?:(?:sáng|chiều|tối|trưa|đêm|hôm)\s+)?(?:ngày\s+)?", _I)


def opening_date(lead: str) -> date | None:
    """The date (with its year) a lead starts with, followed by a comma: the day of the event,
    which a page that prints no date line leaves as the only hint of when it was written."""
    for s, e, (year, month, day) in _dates(lead[:80]):
        if _OPENING.fullmatch(lead[:s]) and re.match(r"\s*,", lead[e:]):
            try:
                return date(year, month, day)
            except ValueError:
                return None
    return None


# A date in a page's address, as many CMSs write it: "/2024/05/19/", "-20240519.html", "/20240519/".
_URL_DATE = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?=/|$)"
                       r"|[/-]((?:19|20)\d{2})(\d{2})(\d{2})(?=[/.-]|$)")


def url_date(path: str) -> date | None:
    """The date written in a web address's path, or None (a number that is no date is none)."""
    for m in _URL_DATE.finditer(path):
        year, month, day = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            continue
    return None


def month_first_reading(dateline: Dateline, lead: str) -> date | None:
    """The date a numeric date line gives read month first ("03/05/2024" as 5 March), when the
    lead writes that date out in words ("Ngày 5 tháng 3 năm 2024") and not the day-first one."""
    moment = dateline.moment
    if not dateline.numeric or moment.day > 12 or moment.day == moment.month:
        return None
    swapped = date(moment.year, moment.day, moment.month)
    written = set()
    for s, e, ymd in _dates(lead):
        if _NUM_DATE.fullmatch(lead[s:e]) or _ISO_DATE.fullmatch(lead[s:e]) or _SHORT_YEAR_DATE.fullmatch(lead[s:e]):
            continue  # digits say nothing about the order
        try:
            written.add(date(*ymd))
        except ValueError:
            continue
    return swapped if swapped in written and moment.date() not in written else None


_YEAR_FIRST = re.compile(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?=$|[\sT])")


def loose_date(value: str) -> datetime | None:
    """A machine-readable date a CMS wrote in no ISO form: "2024/03/12 08:30:00", "Tue, 12 Mar 2024
    08:30:00 +0700", "12/03/2024 08:30" (day first, Vietnam time). None for anything else."""
    value = value.strip()
    m = _YEAR_FIRST.match(value)
    if m:
        iso = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}{value[m.end():]}"
        try:
            moment = datetime.fromisoformat(iso.replace(" ", "T", 1) if " " in iso else iso)
        except ValueError:
            moment = None
        if moment is not None:
            return moment.replace(tzinfo=VN) if moment.tzinfo is None else moment.astimezone(VN)
    if re.match(r"^[A-Za-z]{3},", value):
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        return moment.replace(tzinfo=VN) if moment.tzinfo is None else moment.astimezone(VN)
    line = parse_dateline(value)
    return line.moment if line is not None else None
