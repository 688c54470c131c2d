"""Text that was UTF-8 but was read once as Windows-1252 (or Latin-1) before it was pasted:
"Äáº¡i tÃ¡" for "Đại tá". Such runs are put back, line by line.

Each character of a suspect run is turned back into the byte it came from (Windows-1252, or
Latin-1 for the five bytes Windows-1252 leaves undefined, which pastes keep as control
characters U+0081, U+008D, U+008F, U+0090, U+009D) and the bytes are read as UTF-8. A run is
replaced only when it reads as UTF-8 and gives letters or punctuation a Vietnamese text can
hold, so a real "Ô" or "Â" standing before a quotation mark is never touched. A line that
still looks garbled afterwards (bytes lost on the way) is kept as it is and reported.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .syllables import is_syllable

# Windows-1252's characters for the bytes 0x80-0x9F; the five it leaves undefined stay as Latin-1
# has them (U+0080+n, which pastes keep). Every other byte reads as in Latin-1. A str.translate
# table for text read as Latin-1; legacy.py and decode.py read through it too.
WINDOWS_1252 = {b: bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xA0)}
_BYTE = {ch: b for b, ch in WINDOWS_1252.items()}
_BYTE.update({chr(b): b for b in range(0xA0, 0x100)})
# Text read as Latin-1 proper (a database or a script's conversion, not a browser) keeps every byte 0x80-0x9F as the
# control character U+0080+n: "Ná»\x99i" for "Nội". Each goes back to its byte too (a control character is no text).
for _b in range(0x80, 0xA0):
    _BYTE.setdefault(chr(_b), _b)
# A lead byte's character and a continuation byte's character side by side: the mark of mojibake.
_CONTINUATION = "".join(ch for ch, b in _BYTE.items() if 0x80 <= b <= 0xBF)
SIGN = re.compile("[\u00c2-\u00f4][" + re.escape(_CONTINUATION) + "]")
# Left after a repair when a byte was lost: a lead character no Vietnamese word holds before a letter.
_LEFT_OVER = re.compile(r"[ÄÅÆ](?=\w)|Ã(?=[^\x00-\x7f\s])")


@dataclass(frozen=True)
class Repair:
    text: str
    repaired: tuple[int, ...]  # 1-based lines put back
    garbled: tuple[int, ...]  # 1-based lines that still look garbled


_VIETNAMESE_EXTRA = set("ĂăĐđĨĩŨũƠơƯư\u0300\u0301\u0303\u0309\u0323")


def _plausible(ch: str) -> bool:
    """A character a Vietnamese text holds: its letters, Latin-1 letters and signs, punctuation."""
    code = ord(ch)
    return (0xA1 <= code <= 0xFF or 0x1EA0 <= code <= 0x1EF9 or 0x2010 <= code <= 0x206F
            or 0x20AC == code or ch in _VIETNAMESE_EXTRA)


def _run_length(lead: int) -> int:
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0


def repair_line(line: str) -> str:
    """The line with every run of mojibake that reads back as UTF-8 put back (when there are at
    least two such runs)."""
    return _repair(line)[0]


def _repair(line: str) -> tuple[str, bool]:
    """(repair_line's line, whether a letter whose last byte was lost could not be told)."""
    if not SIGN.search(line):
        return line, False
    out: list[str] = []
    runs = 0
    i = 0
    while i < len(line):
        lead = _BYTE.get(line[i])
        size = _run_length(lead) if lead is not None else 0
        chunk = line[i:i + size]
        data = [_BYTE.get(ch) for ch in chunk]
        if size and len(chunk) == size and all(b is not None and 0x80 <= b <= 0xBF for b in data[1:]):
            try:
                fixed = bytes(data).decode("utf-8")
            except UnicodeDecodeError:
                fixed = ""
            if fixed and all(_plausible(ch) for ch in fixed):
                out.append(fixed)
                runs += 1
                i += size
                continue
        if line[i] == "Ã" and (i + 1 == len(line) or line[i + 1] == " "):
            # "HÃ  Ná»™i", "lÃ m": "à" is C3 A0, and A0 (a no-break space) became a plain space on the way: the space
            # after "Ã" is that byte. In a line read wrongly a real "Ã" is itself two characters ("Ãƒ").
            out.append("à")
            i += 2
            continue
        lost = _LOST.get(line[i:i + 2] if line[i] == "á" else line[i])
        if lost and not (0x80 <= _BYTE.get(line[i + len(lost[0]):i + len(lost[0]) + 1], 0) <= 0xBF):
            out.append(_Lost(lost[0], lost[1]))  # "há»c": which letter is read from the word (_guess_lost)
            i += len(lost[0])
            continue
        if line[i] == "Ä" and not (0x80 <= _BYTE.get(line[i + 1:i + 2], 0) <= 0xBF):
            # "Äáº¢NG": "Đ" is C4 90, and 0x90, which Windows-1252 leaves undefined, was dropped on the way; no
            # other letter a Vietnamese text holds opens with C4 and lacks its second byte.
            out.append("Đ")
            i += 1
            continue
        out.append(line[i])
        i += 1
    # One pair alone may be real text ("NGÃ”" in quotes); a garbled line has many.
    return _guess_lost(out) if runs >= 2 else (line, False)


class _Lost(str):
    """The characters of a letter whose last byte was lost (a str: joined as they were when no guess holds), and
    the letters it may have been."""

    def __new__(cls, text: str, letters: str) -> "_Lost":
        made = super().__new__(cls, text)
        made.letters = letters
        return made


# A letter's UTF-8 read as Windows-1252 whose last byte is one of the five Windows-1252 leaves undefined (0x81, 0x8D,
# 0x8F, 0x90, 0x9D), which a copy often drops: the letters a Vietnamese text may have had there. "Ã" before a space
# and "Ä" are read on their own (repair_line).
_LOST = {"á»": ("á»", "ềọỏờỐ"), "Ã": ("Ã", "ÁÍÝ")}


def _guess_lost(out: list[str]) -> tuple[str, bool]:
    """The line, each letter whose last byte was lost put back when exactly one of the letters it may have been makes
    its word a Vietnamese syllable ("há»c" -> "học", "Ä‘Æ°á»ng" -> "đường"); otherwise left as it was (and the line
    reported as still garbled: "Thá»" is "Thọ", "Thỏ" or "Thờ"). Also whether one was left."""
    left = False
    for k, piece in enumerate(out):
        if not isinstance(piece, _Lost):
            continue
        start = k
        while start > 0 and not isinstance(out[start - 1], _Lost) and out[start - 1][-1:].isalpha():
            start -= 1
        end = k + 1
        while end < len(out) and not isinstance(out[end], _Lost) and out[end][:1].isalpha():
            end += 1
        before, after = "".join(out[start:k]), "".join(out[k + 1:end])
        capitals = (before + after).isupper()  # "Tá»T" is "TỐT": a capital in a word of capitals, else small
        fits = [ch for ch in piece.letters if ch.isupper() == capitals and is_syllable((before + ch + after).lower())]
        if len(fits) == 1:
            out[k] = fits[0]
        else:
            left = True
    return "".join(out), left


def repair(text: str) -> Repair:
    """The text with its mojibake lines put back, and which lines were and which still look garbled."""
    if not SIGN.search(text):
        return Repair(text, (), ())
    lines = text.split("\n")
    repaired, garbled = [], []
    for number, line in enumerate(lines, 1):
        if not SIGN.search(line):
            continue
        fixed, unresolved = _repair(line)
        if fixed != line:
            lines[number - 1] = fixed
            repaired.append(number)
        if unresolved or looks_garbled(fixed):
            garbled.append(number)
    return Repair("\n".join(lines), tuple(repaired), tuple(garbled))


# A small letter a Vietnamese word ends with ("nhà", "chè", "khó") before a quotation mark, a dash or
# "…" ("Ngôi nhà”"): ordinary text. Read as bytes it is a three- or four-byte lead before 0x85, 0x91-0x97,
# which no Vietnamese letter's or sign's UTF-8 holds after such a lead (theirs: 0xBA, 0xBB, 0x80).
_WORD_END = re.compile("[àáâãèéêìíòóôõ][“”‘’…–—]")


def looks_garbled(text: str) -> bool:
    """Mojibake is still there: a lead byte's character before a continuation byte's, or one
    left over before a letter."""
    return bool(SIGN.search(_WORD_END.sub(" ", text)) or _LEFT_OVER.search(text))
