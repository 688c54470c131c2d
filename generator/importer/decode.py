"""Bytes of a raw article to clean NFC text: BOMs, UTF-8, UTF-16, Windows-1258, and the legacy
TCVN3, VNI and VISCII (legacy.py).

Windows-1258 is detected, not guessed: it is tried only when the bytes are not
valid UTF-8, and accepted only when the result reads as Vietnamese (its tone marks
sit on vowels and the text has the letters and marks typical of Vietnamese). A legacy
encoding is accepted on the same terms (its words become Vietnamese syllables); when both
read, the one with more Vietnamese syllables wins.
Anything else is refused with the offset of the first byte that is not UTF-8.

Then, before any rule reads the text: a paste's HTML entities ("&nbsp;", "v&agrave;",
"H&#7843;i") are decoded (a saved page's are decoded by its parser), and lines of UTF-8 once
read as Windows-1252 are put back (mojibake.py), and so are lines typed in a legacy encoding
and pasted as Windows-1252 (legacy.py); what was done is told in ``Decoded.notes``.
"""
from __future__ import annotations

import codecs
import html
import re
import unicodedata
from dataclasses import dataclass

from ..vietnamese import normalize
from . import legacy
from .mojibake import WINDOWS_1252, repair
from .spliced import read_spliced


class DecodeError(ValueError):
    """The bytes are not text this importer can read; the message is for editors, ``line`` the file's first line
    that could not be read when there is one."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_VOWELS = set("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_VIET_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ")
# Spaces and invisible characters that copy-and-paste brings along. Tabs stay: they separate
# the cells of a table copied from a browser (clean.text_to_blocks).
_SPACE_LIKE = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\f\v]")
# Bidi embeddings, overrides and isolates too: a page's title with U+202E was written into the
# article ("đã ghi"), which the build then refused. One rule for every text the importer takes.
INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069]")
_INVISIBLE = INVISIBLE
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# "&ntilde;", "&#241;": a Latin-1 letter or sign, which a legacy font's text is made of.
_LATIN1_ENTITY = re.compile(r"&(?:#[0-9]{3}|#[xX][0-9a-fA-F]{2}|[A-Za-z]{2,8});")
# "&nbsp;", "&quot;", "&#8220;", "&#x1EA3;": references html.unescape knows (a bare "&" is text).
_ENTITY = re.compile(r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31});")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    notes: tuple[str, ...] = ()  # for the editor: what was repaired, what could not be


def decode_page(data: bytes, paste: bool = False) -> Decoded:
    """The text of a raw page, with a paste's entities decoded and mojibake lines put back.
    ``paste``: the page is pasted text (.txt), not a saved web page."""
    text, encoding = _decode(data)
    text = _line_ends(text)
    notes = []
    if encoding.startswith("UTF-8, "):  # a UTF-8 file with lines in a legacy encoding's bytes
        notes.append(f"tệp lẫn hai bảng mã: {encoding[len('UTF-8, '):]}, đã đổi sang Unicode: hãy đọc lại các dòng này")
    elif encoding.startswith("Windows-1258, "):  # an old page with lines pasted from a Unicode one
        notes.append(f"tệp lẫn hai bảng mã: lưu ở bảng mã cũ Windows-1258, {encoding[len('Windows-1258, '):]}; "
                     "đã đổi cả bài sang Unicode: hãy đọc lại bài")
    if paste and _ENTITY.search(text):
        text, count = _unescape(text)
        notes.append(f"đã đổi {count} mã HTML (như &nbsp;, &quot;, &#8220;) trong văn bản dán thành ký tự")
    fixed = repair(text)
    text, retyped = fixed.text, ()
    if encoding in legacy.BY_NAME:  # the whole file was read through its table
        notes.append(f"tệp lưu ở bảng mã cũ {encoding}, không phải Unicode: đã đổi cả bài sang Unicode, hãy đọc lại bài"
                     + (" (chữ in hoa có dấu gõ bằng phông .VnTimeH giữa câu có thể thành chữ thường)"
                        if legacy.BY_NAME[encoding].capitals_missing else ""))
    else:
        text, retyped = _legacy_lines(text, fixed.repaired, notes)
    whole = tuple(n for n in fixed.repaired if n not in fixed.garbled)
    if whole:
        notes.append("đã sửa lỗi mã chữ (UTF-8 bị đọc nhầm thành Windows-1252) ở dòng "
                     + _numbers(whole) + ": hãy đọc lại các dòng này")
    garbled = tuple(n for n in fixed.garbled if n not in retyped)  # VISCII's "ð°" looks like mojibake
    if garbled:
        notes.append("dòng " + _numbers(garbled) + " có chữ bị lỗi mã (như “Ã¡”, “Ä‘”) không sửa hết được: "
                     "đã giữ trong bài, hãy gõ lại theo bài gốc")
    return Decoded(_clean(text), encoding, tuple(notes))


def _legacy_lines(text: str, skip: tuple[int, ...], notes: list[str]) -> tuple[str, tuple[int, ...]]:
    """(text with its lines typed in TCVN3, VNI or VISCII put back, those lines); each told in notes.
    A saved page's Latin-1 entities are read first ("&Ntilde;a&ucirc;ng" is VNI's "Ñaûng"), on the
    lines rewritten only."""
    source = text.split("\n")
    old = legacy.repair("\n".join(_LATIN1_ENTITY.sub(_latin1, line) if "&" in line else line for line in source),
                        skip)
    done = {n for lines in old.lines.values() for n in lines}
    if "&" in text:
        text = "\n".join(line if number in done else source[number - 1]
                         for number, line in enumerate(old.text.split("\n"), 1))
    else:
        text = old.text
    for name, lines in old.lines.items():
        notes.append(f"đã đổi chữ gõ bằng bảng mã cũ {name} sang Unicode ở dòng {_numbers(lines)}: "
                     "hãy đọc lại các dòng này")
    if old.shouting:
        notes.append(f"dòng {_numbers(old.shouting)} gõ bằng phông chữ hoa .VnTimeH (TCVN3): đã viết lại bằng chữ "
                     "in hoa có dấu")
    return text, tuple(sorted(done))


def _latin1(match: re.Match) -> str:
    char = html.unescape(match.group())
    return char if len(char) == 1 and "\xa0" <= char <= "\xff" else match.group()


def _numbers(lines: tuple[int, ...]) -> str:
    return ", ".join(str(n) for n in lines[:8]) + (f" và {len(lines) - 8} dòng khác" if len(lines) > 8 else "")


def _unescape(text: str) -> tuple[str, int]:
    """Entities decoded line by line; one that stands for a line break is a space, so that line
    numbers stay those of the file."""
    count = len(_ENTITY.findall(text))
    lines = [_line_ends(html.unescape(line)).replace("\n", " ") if "&" in line else line
             for line in text.split("\n")]
    return "\n".join(lines), count


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(NFC text with LF line ends and plain spaces, name of the encoding found)."""
    text, encoding = _decode(data)
    return _clean(text), encoding


def legacy_encoding(data: bytes) -> str | None:
    """The name of the legacy encoding (Windows-1258, TCVN3, VNI, VISCII) bytes that are not
    UTF-8 clearly read as, or None: for an error message that tells the editor what to convert."""
    try:
        encoding = _decode(data)[1]
    except DecodeError:
        return None
    if encoding.startswith("Windows-1258, "):  # "Windows-1258, có dòng 2 lưu ở UTF-8"
        return "Windows-1258"
    return None if encoding.startswith("UTF") else encoding


def bom_encoding(data: bytes) -> str | None:
    """The encoding its byte order mark says bytes are in ("UTF-8", "UTF-16", "UTF-32"), or None."""
    return next((label for bom, _, label in _BOMS if data.startswith(bom)), None)


def _decode(data: bytes) -> tuple[str, str]:
    """(the text as read, line ends as in the file; name of the encoding found)."""
    if not data.strip():
        raise DecodeError("tệp rỗng, không có nội dung để nhập")
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                text = body.decode(codec)
            except UnicodeDecodeError as exc:
                offset = exc.start + len(bom)
                # Notepad's UTF-8 with its BOM, lines of an old page pasted in as bytes: read them as without the BOM
                mixed = (read_spliced(body) or _mixed(body)) if label == "UTF-8" else None
                if mixed is not None and mixed[1].startswith("UTF-8, "):
                    return mixed
                raise DecodeError(f"tệp có dấu BOM {label} nhưng nội dung không đọc được theo {label}: "
                                  f"lỗi ở byte thứ {offset}", body.count(b"\n", 0, exc.start) + 1) from None
            return text, label + (" (có BOM)" if label == "UTF-8" else "")
    nul = data.find(b"\x00")
    unmarked = _utf16_unmarked(data) if nul >= 0 else None
    if unmarked is not None:
        return unmarked, "UTF-16 (không có BOM)"
    if nul >= 0:
        raise DecodeError(f"tệp nhị phân, không phải văn bản (có byte 0 ở vị trí {nul})")
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    spliced = read_spliced(data)  # Windows-1258 and UTF-8 side by side, maybe on one line
    if spliced is not None:
        return spliced
    found = _old_bytes(data) or _mixed(data)
    if found is None:
        line = data.count(b"\n", 0, first_bad) + 1
        bad = _bad_lines(data)
        if bad is not None:  # a UTF-8 file with lines in bytes no reader knows: say which
            raise DecodeError(
                f"không đọc được dòng {_numbers(bad)}: các dòng này không phải UTF-8 như phần còn lại của tệp, cũng "
                f"không phải tiếng Việt mã Windows-1258, TCVN3 (.VnTime), VNI (VNI-Times) hay VISCII (byte "
                f"0x{data[first_bad]:02X} ở vị trí {first_bad}); hãy gõ lại các dòng này theo bài gốc", line)
        raise DecodeError(
            f"không đọc được bảng mã: byte 0x{data[first_bad]:02X} ở vị trí {first_bad} không hợp lệ "
            f"trong UTF-8, và nội dung cũng không phải tiếng Việt mã Windows-1258, TCVN3 (.VnTime), "
            f"VNI (VNI-Times) hay VISCII", line)
    return found


def _bad_lines(data: bytes) -> tuple[int, ...] | None:
    """The 1-based lines of a UTF-8 file that are not UTF-8, or None when no other line is UTF-8 beyond ASCII
    (nothing says the file is UTF-8)."""
    bad, utf8 = [], False
    for number, line in enumerate(data.split(b"\n"), 1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(number)
            continue
        utf8 = utf8 or not line.isascii()
    return tuple(bad) if utf8 else None


def _utf16_unmarked(data: bytes) -> str | None:
    """The text of UTF-16 saved without a byte order mark (some exports and older tools do), or None: every
    character's pair of bytes has its zero on the same side (ASCII letters, spaces and tags), at least half of
    them, and no zero on the other side; the text read has no control characters. A binary file fails."""
    if len(data) % 2 or len(data) < 8:
        return None
    even, odd = data[0::2], data[1::2]
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high.count(0) * 2 >= len(high) and 0 not in low:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if not _CONTROL.search(text):
                return text
    return None


def _old_bytes(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) of bytes that read as Vietnamese in Windows-1258 or a legacy encoding (the
    one with more Vietnamese syllables when both do), or None."""
    text = _try_cp1258(data)
    label = _META_CHARSET.search(data[:4096])
    old = legacy.decode_file(_line_ends(data.decode("latin-1").translate(WINDOWS_1252)),
                             label.group(1).decode("ascii") if label else "")
    if old is not None and (text is None or legacy.vietnamese_score(old[0]) > legacy.vietnamese_score(text)):
        return old[0], old[1].name
    return (text, "Windows-1258") if text is not None else None


def _mixed(data: bytes) -> tuple[str, str] | None:
    """A UTF-8 file with lines pasted in a legacy encoding's bytes: (text, encoding), or None.
    Its lines that are not UTF-8 must read as Vietnamese together, in one encoding."""
    lines = [line.rstrip(b"\r") for line in data.split(b"\n")]
    bad = []
    for number, line in enumerate(lines):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(number)
    if not any(not line.isascii() for number, line in enumerate(lines) if number not in bad):
        return None  # no line of it is UTF-8 beyond ASCII: nothing says the file is UTF-8
    found = _old_bytes(b"\n".join(lines[n] for n in bad))
    if found is None:
        return None
    text = [line if number in bad else line.decode("utf-8") for number, line in enumerate(lines)]
    for number, line in zip(bad, found[0].split("\n")):
        text[number] = line
    return "\n".join(text), f"UTF-8, có dòng {_numbers(tuple(n + 1 for n in bad))} lưu ở bảng mã cũ {found[1]}"


def _try_cp1258(data: bytes) -> str | None:
    """The text if the bytes read as Vietnamese in Windows-1258, else None."""
    try:
        raw = data.decode("cp1258")
    except UnicodeDecodeError:
        return None
    if _CONTROL.search(raw):
        return None
    tones = 0
    for i, ch in enumerate(raw):
        if ch in _TONES:
            # In Windows-1258 a tone mark follows the vowel it sits on.
            if i == 0 or raw[i - 1] not in _VOWELS:
                return None
            tones += 1
    text = unicodedata.normalize("NFC", raw)
    letters = sum(1 for ch in text if ch.isalpha())
    marked = tones + sum(1 for ch in text if ch in _VIET_LETTERS)
    if letters == 0 or marked < 3 or marked < letters * 0.02:
        return None
    return text


def _line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")


def _clean(text: str) -> str:
    """NFC, LF line ends, non-breaking and odd spaces as plain spaces (tabs kept)."""
    text = _line_ends(text)
    text = _INVISIBLE.sub("", _SPACE_LIKE.sub(" ", text))
    if _CONTROL.search(text):
        bad = _CONTROL.search(text)
        raise DecodeError(f"tệp nhị phân, không phải văn bản (có ký tự điều khiển ở ký tự thứ {bad.start()})")
    text = normalize(text)
    if not text.strip():
        raise DecodeError("tệp rỗng, không có nội dung để nhập")
    return text
