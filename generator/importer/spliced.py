"""Bytes mixing UTF-8 and Windows-1258 in one file, even inside one line (decode.py).

An editor pastes a paragraph copied from a Unicode page into an old page saved in Windows-1258, or types a line
in an old editor into a page saved in UTF-8; a page saved on one line (a CMS's export) holds both on that line.
Each run of bytes beyond ASCII is read here piece by piece: a UTF-8 sequence that gives a character a Vietnamese
text holds (a letter, a tone mark, typographic punctuation) is read as UTF-8, every other byte as Windows-1258.

The reading is accepted only when both encodings are there and each reads as Vietnamese: the UTF-8 part holds a
letter no Windows-1258 byte pair can fake (ă, đ, ơ, ư, ạ … ỹ), the Windows-1258 part has its tone marks after vowels
and no letter of another language (Ñ, ß, ø …), and no byte is one Windows-1258 leaves undefined. A file in one
encoding, or in TCVN3, VNI, VISCII (whose bytes break these rules), is left to the other readers.
"""
from __future__ import annotations

import re
import unicodedata

_HIGH = re.compile(rb"[\x80-\xff]+")
_UTF8 = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_VOWELS = set("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")
# Letters of Windows-1258 no Vietnamese word holds: a byte of another encoding.
_FOREIGN = set("ÄÅÆÇËÎÏÑÖØÛÜßäåæçëîïñöøûüÿ×÷")
# Characters only UTF-8 gives (Windows-1258 writes them as a letter and a tone mark, or has none of them).
_VIETNAMESE_ONLY = set("ăĂđĐĩĨũŨơƠưƯ") | {chr(c) for c in range(0x1EA0, 0x1EFA)}


def _fits(ch: str) -> bool:
    """A character a UTF-8 sequence in a Vietnamese text gives."""
    c = ord(ch)
    return (0xA0 <= c <= 0xFF or ch in _VIETNAMESE_ONLY or ch in _TONES or 0x1EA0 <= c <= 0x1EF9
            or 0x2010 <= c <= 0x203A or ch in "₫€™№" or 0x1F000 <= c <= 0x1FAFF)


def read_spliced(data: bytes) -> tuple[str, str] | None:
    """(the text, the encoding's label naming the lines in the encoding less of the text is in), or None when the
    bytes are not both encodings read as Vietnamese."""
    pieces: list[str] = []
    old_lines: set[int] = set()
    new_lines: set[int] = set()
    foreign = vietnamese = old_chars = new_chars = 0
    start, line = 0, 1
    for run in _HIGH.finditer(data):
        line += data.count(b"\n", start, run.start())
        pieces.append(data[start:run.start()].decode("ascii"))
        start = run.end()
        raw, j = run.group(), 0
        while j < len(raw):
            m = _UTF8.match(raw, j)
            try:
                ch = m.group().decode("utf-8") if m else ""
            except UnicodeDecodeError:  # an overlong form or a surrogate: no UTF-8 at all
                ch = ""
            if ch and _fits(ch):
                pieces.append(ch)
                vietnamese += ch in _VIETNAMESE_ONLY
                new_lines.add(line)
                new_chars += 1
                j = m.end()
                continue
            try:
                ch = raw[j:j + 1].decode("cp1258")
            except UnicodeDecodeError:
                return None  # a byte Windows-1258 leaves undefined: another encoding
            before = pieces[-1][-1:] if pieces and pieces[-1] else ""
            if ch in _TONES and before not in _VOWELS:
                return None  # in Windows-1258 a tone mark follows its vowel
            foreign += ch in _FOREIGN
            pieces.append(ch)
            old_lines.add(line)
            old_chars += ch not in _TONES
            j += 1
    if not old_lines or not vietnamese or foreign:
        return None
    pieces.append(data[start:].decode("ascii"))
    text = unicodedata.normalize("NFC", "".join(pieces))
    if new_chars >= old_chars:
        return text, f"UTF-8, {_where(old_lines, new_lines)} lưu ở bảng mã cũ Windows-1258"
    return text, f"Windows-1258, {_where(new_lines, old_lines)} lưu ở UTF-8"


def _where(lines: set[int], other: set[int]) -> str:
    """"có dòng 4", "có dòng 4, 7 và 3 dòng khác"; "có chữ ở dòng 1" when the other encoding is on those lines too
    (a page saved on one line)."""
    numbers = sorted(lines)
    shown = ", ".join(str(n) for n in numbers[:8]) + (f" và {len(numbers) - 8} dòng khác" if len(numbers) > 8 else "")
    return f"có chữ ở dòng {shown}" if lines & other else f"có dòng {shown}"
