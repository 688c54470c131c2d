"""Vietnamese text handling: normalise, fold, collate, slugs and dates.

Everything that compares, sorts or displays Vietnamese words goes through here,
so the rules (NFC, two tone-mark placement styles, CLDR "vi" order) live in one place.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache

from slugify import slugify as _slugify

# Tone marks in CLDR "vi" secondary order: ngang < huyền < hỏi < ngã < sắc < nặng.
TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Marks that change the letter itself (ă â ê ô ơ ư), not the tone.
SHAPES = {"\u0306", "\u0302", "\u031b"}

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {ch: i + 20 for i, ch in enumerate(ALPHABET)}  # digits take 10..19
_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})  # Ð/ð (eth) -> Đ/đ
_DASHES = re.compile(r"\s*[\u2010-\u2015\u2212-]\s*")
_SPACES = re.compile(r"\s+")
# Invisible characters text pasted from web pages and Word carries (zero-width space, joiners, word
# joiner, BOM, soft hyphen): never part of a Vietnamese word, and a tag "nêu gương" + U+200B was another
# tag (with the same address) than "nêu gương". The importer takes them out of what it imports.
INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")

VN = timezone(timedelta(hours=7), "+07:00")
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
MONTHS = tuple(f"tháng {i}" for i in range(1, 13))


def normalize(text: str) -> str:
    """NFC, with the eth look-alike (Ð) that real pages use for Đ corrected."""
    if text.isascii():
        return text
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "\u00d0" in text or "\u00f0" in text:  # translate() is slow on long text: only when needed
        text = text.translate(_LOOKALIKES)
    return text


@lru_cache(maxsize=4096)
def _split_char(ch: str) -> tuple[str, int]:
    """A character as (lowercase letter with its shape marks, tone rank)."""
    decomposed = unicodedata.normalize("NFD", ch.lower())
    base, tone, shape = decomposed[0], 0, ""
    for mark in decomposed[1:]:
        if mark in TONES:
            tone = TONES[mark]
        elif mark in SHAPES:
            shape += mark
    return unicodedata.normalize("NFC", base + shape), tone


@lru_cache(maxsize=65536)  # pure; tags, provinces and names repeat in every article
def term_key(text: str) -> str:
    """Identity of a term: case, tone-mark placement and dash style ignored.

    "Hoà Bình" and "Hòa Bình", "khoá XII" and "khóa XII", "Bà Rịa – Vũng Tàu" and
    "Bà Rịa-Vũng Tàu" give one key; invisible characters (INVISIBLE) are ignored. The tone
    of each syllable is moved to its end, which is what makes the two placement styles equal.
    """
    text = _DASHES.sub("-", _SPACES.sub(" ", INVISIBLE.sub("", normalize(text)).strip()))
    out: list[str] = []
    for syllable in re.split(r"(\W+)", text):
        if not syllable or not syllable[0].isalnum():
            out.append(syllable)
            continue
        tone = 0
        for ch in syllable:
            letter, t = _split_char(ch)
            out.append(letter)
            tone = t or tone
        if tone:
            out.append(str(tone))
    return "".join(out)


@lru_cache(maxsize=65536)  # pure; tags, provinces and names repeat in every article
def fold(text: str) -> str:
    """Diacritics, case and đ removed: what a reader types without accents."""
    decomposed = unicodedata.normalize("NFD", normalize(text).lower())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("đ", "d")


@lru_cache(maxsize=65536)  # pure; tags, provinces and names repeat in every article
def sort_key(text: str) -> tuple:
    """CLDR "vi" order: letters a ă â b … đ …, then tones (secondary), then case; numbers by their
    value, as ICU's numeric collation (kn) orders them: "chủ đề 2" before "chủ đề 10"."""
    primary: list[int] = []
    tones: list[int] = []
    case: list[int] = []
    for syllable in re.split(r"(\W+)", normalize(text).strip()):
        if not syllable:
            continue
        if not syllable[0].isalnum():
            primary.append(1)  # separators sort before any letter or digit
            continue
        tone = 0
        for run in _DIGITS.split(syllable):
            if run[:1] in _ASCII_DIGITS:
                # A number: its count of significant digits first (10..19, before any letter), then
                # its digits; "05" sorts as 5.
                value = run.lstrip("0") or "0"
                primary.append(10 + min(len(value), 9))
                primary.extend(10 + int(digit) for digit in value)
                case.extend(0 for _ in run)
                continue
            for ch in run:
                letter, t = _split_char(ch)
                tone = t or tone
                primary.append(19 if letter.isdigit() else _RANK.get(letter, 60 + ord(letter[0])))
                case.append(0 if ch.islower() or not ch.isalpha() else 1)
        tones.append(tone)
    return (tuple(primary), tuple(tones), tuple(case))


_ASCII_DIGITS = frozenset("0123456789")
_DIGITS = re.compile(r"([0-9]+)")


def sorted_vi(items, key=lambda x: x):
    """Items in Vietnamese alphabetical order of key(item)."""
    return sorted(items, key=lambda item: sort_key(key(item)))


# A slug names a folder (bai-viet/<slug>/) or a file (<slug>.md): at most 255 bytes on every
# common file system, and URL patterns may add to it.
MAX_SLUG = 200
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@lru_cache(maxsize=65536)  # pure; tags, provinces and names repeat in every article
def slugify(text: str) -> str:
    """ASCII slug: "Đắk Nông" -> "dak-nong"; NFC and NFD give the same slug."""
    if _SLUG.fullmatch(text):  # already one (most articles' file names): python-slugify gives it back, in ~8 us
        return text
    # One transliteration table whatever is installed: the default backend ("auto") takes the
    # Unidecode package where some other tool installed it, and the site's addresses changed with it;
    # it also tried `import unidecode` on every call (~60 us: a failed import is not cached).
    return _slugify(normalize(text).replace("đ", "d").replace("Đ", "D"), backend="text-unidecode")


def to_vn(moment: datetime, zone: tzinfo = VN) -> datetime:
    """An aware datetime in the site's zone; a naive one is taken as already local."""
    return in_zone(moment, zone)


_MINUTE = timedelta(minutes=1)


def in_zone(moment: datetime, zone: tzinfo) -> datetime:
    """moment in zone (a naive one taken as local time there), with a whole-minute offset.

    Before standard time zones the tz database gives local mean time: Asia/Ho_Chi_Minh is
    +07:06:30 before 1911, which HTML, JSON-LD, Atom and sitemaps cannot write. Such dates
    (1890-05-19, Bác's birthday) take the zone's standard offset instead (+07:00).
    """
    local = moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)
    offset = local.utcoffset()
    if offset is None or not offset % _MINUTE:
        return local
    fixed = standard_zone(zone)
    return moment.replace(tzinfo=fixed) if moment.tzinfo is None else moment.astimezone(fixed)


@lru_cache(maxsize=16)
def standard_zone(zone: tzinfo) -> timezone:
    """The zone's offset in winter 2000 as a fixed zone (whole minutes: +07:00 for Việt Nam)."""
    offset = zone.utcoffset(datetime(2000, 1, 1)) or timedelta(0)
    minutes = round(offset / _MINUTE)
    return timezone(timedelta(minutes=minutes), offset_name(minutes))


def offset_name(minutes: int) -> str:
    """"+07:00" for 420 minutes."""
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def weekday(moment: datetime) -> str:
    return WEEKDAYS[moment.weekday()]


def format_date(moment: datetime) -> str:
    """"Thứ Hai, 19/09/2016"."""
    return f"{WEEKDAYS[moment.weekday()]}, {short_date(moment)}"


# A date as readers see it, its words that belong together tied by no-break spaces: the weekday's two
# ("Thứ Hai", "Chủ Nhật") and "tháng" with its number ("Khoảng tháng 5/2021"); a card's line broke
# "Thứ / Hai" and "Khoảng tháng / 5/2021". Messages to editors keep plain spaces (format_date).
TIED_WEEKDAYS = tuple(day.replace(" ", "\u00a0") for day in WEEKDAYS)


def shown_date(moment: datetime, with_time: bool = False) -> str:
    """"Thứ Hai, 19/09/2016" (with_time: "… | 16:27"), the weekday tied and the time tied to its date
    (a 320 px line left "| 16:27" alone under its date): a line breaks only after the comma. As cheap
    as format_date."""
    text = f"{TIED_WEEKDAYS[moment.weekday()]}, {short_date(moment)}"
    return f"{text}\u00a0|\u00a0{moment.hour:02d}:{moment.minute:02d}" if with_time else text


def shown_month(moment: date) -> str:
    """A date known only roughly (the source printed none): "Khoảng tháng 5/2021", "tháng" tied to
    its number."""
    return f"Khoảng tháng\u00a0{moment.month}/{moment.year}"


def short_date(moment: date) -> str:
    """"19/09/2016" (by hand: strftime takes four times as long, and a build shows ~40,000 dates)."""
    return f"{moment.day:02d}/{moment.month:02d}/{moment.year:04d}"


def format_datetime(moment: datetime) -> str:
    """"Thứ Hai, 19/09/2016 | 16:27"."""
    return f"{format_date(moment)} | {moment.hour:02d}:{moment.minute:02d}"


def format_long_date(moment: datetime, space: str = " ") -> str:
    """"ngày 19 tháng 9 năm 2016"; space ties each word to its number (readers see "ngày\u00a019
    tháng\u00a09 năm\u00a02016": no line ends on "tháng" and starts with "9")."""
    return f"ngày{space}{moment.day} tháng{space}{moment.month} năm{space}{moment.year}"


# A number joined by hyphens to numbers or letters: a directive's symbol ("05-CT/TW", "04-NQ/TW"), a
# range of years ("2016-2026"), a date ("19-5-2025"). Browsers may break a line after its hyphen
# ("Chỉ thị số 05-" / "CT/TW", "giai đoạn 2016-" / "2026"); filters.whole keeps it in one piece. At most
# 12 characters, so that a piece always fits a 320 px line, even at twice the text size.
_HYPHENED = re.compile(r"(?<![\w/-])\d+(?:-\w+)+(?:/\w+)*(?![\w/-])")


def hyphened_pieces(text: str) -> list[tuple[int, int]]:
    """Where text holds a number joined by a hyphen that a line must not split (start, end)."""
    if "-" not in text:
        return []
    return [m.span() for m in _HYPHENED.finditer(text) if m.end() - m.start() <= 12]


# A straight double quote opens at the start, after a space or an opening bracket, dash or quote, and
# closes anywhere else: "tự diễn biến", ("Dân vận khéo") -> “tự diễn biến”, (“Dân vận khéo”).
_OPENING_QUOTE = re.compile(r'(?:(?<=^)|(?<=[\s(\[{\u2013\u2014\u201c\u2018/-]))"')


def curly_quotes(text: str) -> str:
    """Vietnamese typography's quotes “…” for the straight ones a spreadsheet or a keyboard types
    (a registry's titles and descriptions, which readers see as written)."""
    if '"' not in text:
        return text
    return _OPENING_QUOTE.sub("\u201c", text).replace('"', "\u201d")


# Marks drawn above a letter: a capital with two of them (Ấ Ẳ Ễ Ỗ: a circumflex or breve and a tone)
# stands 1.13-1.23em above the line, against 0.95-1.02em for a small ễ or ẳ.
_ABOVE = frozenset("\u0300\u0301\u0302\u0303\u0306\u0309")
# The precomposed capitals with two marks above (search.js's STACKED holds the same): a headline is
# tested on every page that shows it, ~30,000 times in a 10,000-article build.
_STACKED = frozenset(chr(c) for c in range(0x80, 0x2000) if chr(c).isupper()
                     and sum(m in _ABOVE for m in unicodedata.normalize("NFD", chr(c))) >= 2)


def stacked_capital(text: str) -> bool:
    """Whether a headline has a capital with stacked marks (Ấn Độ, Ễ, Ắ) after its first word: on a
    wrapped line its marks would meet the dots and descenders of the line above (ộ, g), so the theme
    gives such a headline more line height. The first word always stands on the first line."""
    if text.isascii():
        return False
    words = text.split(None, 1)
    if len(words) < 2:
        return False
    rest = words[1] if unicodedata.is_normalized("NFC", words[1]) else unicodedata.normalize("NFC", words[1])
    return not _STACKED.isdisjoint(rest)


_SCRIPTS = {"CYRILLIC": "Kirin (tiếng Nga…)", "GREEK": "Hy Lạp"}
_LETTERS = re.compile(r"[^\W\d_]+")
_OTHER_SCRIPT = re.compile("[\u0370-\u03ff\u0400-\u052f\u1c80-\u1c8f\u1f00-\u1fff\u2de0-\u2dff\ua640-\ua69f]")


def look_alike(text: str) -> tuple[str, str] | None:
    """(letter, script name in Vietnamese) of the first Cyrillic or Greek letter written in a run of
    Latin letters ("Bа́c" with a Cyrillic "а"): it looks like a Vietnamese letter, but search, sorting
    and slugs take it as another. None when every word keeps to one script."""
    if _OTHER_SCRIPT.search(text) is None:  # nearly every text: one search
        return None
    for word in _LETTERS.findall(text):  # "α-Thalassemia" is two words, each of one script
        latin, other = False, None
        for char in word:
            if not char.isalpha():
                continue
            script = unicodedata.name(char, "").partition(" ")[0]
            if script == "LATIN":
                latin = True
            elif script in _SCRIPTS and other is None:
                other = (char, _SCRIPTS[script])
        if latin and other is not None:
            return other
    return None


# Names Windows keeps for devices, with any extension ("con.md", "aux/"): a file or folder so named
# cannot be checked out, copied or opened there (git: "invalid path"), so an editor on Windows lost
# the article, and an output folder "con/" could not be uploaded from Windows.
_WINDOWS_DEVICES = frozenset({"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)),
                              *(f"lpt{n}" for n in range(10))})


WINDOWS_DEVICES_SHOWN = "CON, PRN, AUX, NUL, COM1…, LPT1…"  # the names as messages list them


def windows_device(slug: str) -> bool:
    """Whether a slug, as a file or folder name, is one Windows keeps for a device."""
    return slug.split(".", 1)[0].rstrip(" ").lower() in _WINDOWS_DEVICES

