"""Vietnamese typed in the legacy 8-bit encodings TCVN3 (ABC, fonts .VnTime/.VnTimeH), VNI-Windows
(fonts VNI-Times) and VISCII, put back into Unicode.

Such text reaches the importer in two ways: a file saved in those bytes (not UTF-8), or text
already read as Windows-1252 (a Word document set in .VnTime pasted into a UTF-8 box:
"Häc tËp vµ lµm theo B¸c" for "Học tập và làm theo Bác"; VNI-Times: "Hoïc taäp vaø laøm theo
Baùc"). Both are handled on the Windows-1252 reading: a file's bytes are read that way first.

Nothing is guessed. A line is rewritten only when a run of it (words between words in Unicode)
holds at least two different words that are no Vietnamese as they stand and become Vietnamese
syllables (syllables.py), at most a third as many words break, and the line has no more words of
another language ("category", "piso") than such proof; one-letter words, signs and units ("µ",
"·", "m²") prove nothing. One word of proof is enough on a line with no word in Unicode when other
lines of the text are surely in that encoding ("Tin tøc" under a .VnTime paragraph), when the text
names one of its fonts (<font face=".VnTime">) or when a saved page names the encoding in
<meta charset>. Within a line, words in Unicode ("Hội", "Đảng") stay, and an ambiguous word ("cá":
TCVN3 for "cỏ") goes with its nearest sure neighbour. Text that is right (Vietnamese, French
"naïve", "5 µm") stays as it is. A file that is not UTF-8 is read through the one encoding with
the most proof over all its lines.

TCVN3 has no capitals with a tone: .VnTimeH fonts draw the lower-case codes as capitals. A word
whose Latin letters are all capitals (two at least, or one on a line with no lower-case Latin
letter) is therefore given in capitals ("HäC TËP" -> "HỌC TẬP"), and a word opening a line or a
sentence gets its first letter capitalised, and so does a word opening with a toned vowel between
two capitalised words ("Lê Thị ¸nh Tuyết": a name). Other capitals with a tone (a name inside a sentence
set in .VnTimeH letter by letter) cannot be told apart and come out in lower case.

Tables: transcribed from the VnConv tables of UniKey (Pham Kim Long; github.com/vn-input/ibus-unikey,
ukengine/data.cpp: SingleByteTables "TCVN3" and "VISCII", DoubleByteTables "VNI-WIN") and
cross-checked against a second source each: TCVN3 against github.com/cmpitg/bogoengine
src/charset.hpp (utf8ToTCVN3) and glibc iconv's TCVN5712-1 (its lower-case letters; its capitals
in 0x01-0x17 and 0x80-0x9F are the full VN1 set, which the .VnTime fonts never had, so those
bytes stay Windows-1252 here as in UniKey); VNI against github.com/lamdao/xvnkb vni.h; VISCII
against glibc iconv's VISCII (RFC 1456). tests/test_importer_legacy.py encodes and decodes every
vowel with every tone and đ, lower case and capital, with each table.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .mojibake import WINDOWS_1252
from .syllables import is_syllable

# The order every table below follows: 12 vowels x (no tone, sắc, huyền, hỏi, ngã, nặng).
VOWELS = "aăâeêioôơuưy"
_TONE_MARKS = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")


def letters() -> list[str]:
    """The 72 lower-case vowels with their tones in table order, then đ."""
    return [unicodedata.normalize("NFC", v + t) for v in VOWELS for t in _TONE_MARKS] + ["đ"]


# TCVN3 (ABC): the byte of each lower-case letter, in the order of letters(); capitals with a tone
# have no code (.VnTimeH draws these same bytes as capitals).
_TCVN3_LOWER = ("a\xb8\xb5\xb6\xb7\xb9" "\xa8\xbe\xbb\xbc\xbd\xc6" "\xa9\xca\xc7\xc8\xc9\xcb"
                "e\xd0\xcc\xce\xcf\xd1" "\xaa\xd5\xd2\xd3\xd4\xd6" "i\xdd\xd7\xd8\xdc\xde"
                "o\xe3\xdf\xe1\xe2\xe4" "\xab\xe8\xe5\xe6\xe7\xe9" "\xac\xed\xea\xeb\xec\xee"
                "u\xf3\xef\xf1\xf2\xf4" "\xad\xf8\xf5\xf6\xf7\xf9" "y\xfd\xfa\xfb\xfc\xfe" "\xae")
_TCVN3_CAPITALS = {"\xa1": "Ă", "\xa2": "Â", "\xa3": "Ê", "\xa4": "Ô", "\xa5": "Ơ", "\xa6": "Ư", "\xa7": "Đ"}

# VISCII (RFC 1456): (capital, lower-case) byte of each letter of letters(); 0x02, 0x05, 0x06,
# 0x14, 0x19, 0x1E are capitals a file keeps and a paste loses.
_VISCII = ("Aa\xc1\xe1\xc0\xe0\xc4\xe4\xc3\xe3\x80\xd5" "\xc5\xe5\x81\xa1\x82\xa2\x02\xc6\x05\xc7\x83\xa3"
           "\xc2\xe2\x84\xa4\x85\xa5\x86\xa6\x06\xe7\x87\xa7" "Ee\xc9\xe9\xc8\xe8\xcb\xeb\x88\xa8\x89\xa9"
           "\xca\xea\x8a\xaa\x8b\xab\x8c\xac\x8d\xad\x8e\xae" "Ii\xcd\xed\xcc\xec\x9b\xef\xce\xee\x98\xb8"
           "Oo\xd3\xf3\xd2\xf2\x99\xf6\xa0\xf5\x9a\xf7" "\xd4\xf4\x8f\xaf\x90\xb0\x91\xb1\x92\xb2\x93\xb5"
           "\xb4\xbd\x95\xbe\x96\xb6\x97\xb7\xb3\xde\x94\xfe" "Uu\xda\xfa\xd9\xf9\x9c\xfc\x9d\xfb\x9e\xf8"
           "\xbf\xdf\xba\xd1\xbb\xd7\xbc\xd8\xff\xe6\xb9\xf1" "Yy\xdd\xfd\x9f\xcf\x14\xd6\x19\xdb\x1e\xdc"
           "\xd0\xf0")

# VNI-Windows: a vowel is its base letter and one mark character; i, ỵ, ơ, ư and đ have their own.
_VNI_TONES = ("", "ùøûõï")  # sắc huyền hỏi ngã nặng, lower case (capitals: upper())
_VNI_SHAPED = {"ă": ("a", "êéèúüë"), "â": ("a", "âáàåãä"), "ê": ("e", "âáàåãä"), "ô": ("o", "âáàåãä")}
_VNI_BASE = {"ơ": "ô", "ư": "ö"}
_VNI_I = "iíìæóò"
_VNI_OWN = {"ỵ": "î", "đ": "ñ"}


@dataclass(frozen=True)
class Charset:
    name: str  # for editors
    single: dict  # one Windows-1252 character -> the letter
    pairs: dict  # two characters (VNI base + mark) -> the letter
    tokens: re.Pattern  # a word as this encoding's text holds it
    capitals_missing: bool = False  # TCVN3: capitals with a tone are drawn from lower-case codes


def _char(byte: str) -> str:
    """The character a Windows-1252 reading gives for a byte (Latin-1 where 1252 has none)."""
    return WINDOWS_1252.get(ord(byte), byte)


def _tcvn3() -> dict:
    table = {_char(code): letter for code, letter in zip(_TCVN3_LOWER, letters()) if code != letter}
    table.update({_char(code): letter for code, letter in _TCVN3_CAPITALS.items()})
    return table


def _viscii() -> dict:
    table = {}
    for pair, letter in zip(re.findall("..", _VISCII, re.S), letters()):
        for code, shown in zip(pair, (letter.upper(), letter)):
            if code != shown:
                table[_char(code)] = shown
    return table


def _vni() -> tuple[dict, dict]:
    single, pairs = {}, {}
    for letter in letters():
        base, tone = _split(letter)
        if letter in _VNI_OWN:
            code = _VNI_OWN[letter]
        elif base == "i":
            code = _VNI_I[tone]
        elif base in _VNI_SHAPED:
            code = _VNI_SHAPED[base][0] + _VNI_SHAPED[base][1][tone]
        else:
            code = _VNI_BASE.get(base, base) + (_VNI_TONES[1][tone - 1] if tone else "")
        if len(code) == 1:
            if code != letter:
                single[code] = letter
                single[code.upper()] = letter.upper()
        else:
            # Capitals are typed with capital marks; a mark of the other case is read the same.
            b, m = code
            pairs[b + m], pairs[b.upper() + m.upper()] = letter, letter.upper()
            pairs.setdefault(b + m.upper(), letter)
            pairs.setdefault(b.upper() + m, letter.upper())
    return single, pairs


def _split(letter: str) -> tuple[str, int]:
    """(the letter without its tone, the tone's place in _TONE_MARKS)."""
    parts = unicodedata.normalize("NFD", letter)
    tone = next((_TONE_MARKS.index(c) for c in parts if c in _TONE_MARKS[1:]), 0)
    return unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS[1:])), tone


def _token_pattern(chars) -> re.Pattern:
    extra = "".join(sorted(c for c in chars if not c.isalpha()))
    return re.compile(r"(?:[^\W\d_]" + (f"|[{re.escape(extra)}]" if extra else "") + ")+")


def _charsets() -> tuple[Charset, ...]:
    tcvn3, viscii = _tcvn3(), _viscii()
    vni_single, vni_pairs = _vni()
    return (
        Charset("TCVN3 (ABC, phông .VnTime)", tcvn3, {}, _token_pattern(tcvn3), capitals_missing=True),
        Charset("VNI-Windows (phông VNI-Times)", vni_single, vni_pairs, _token_pattern(vni_single)),
        Charset("VISCII", viscii, {}, _token_pattern(viscii)),
    )


CHARSETS = _charsets()
BY_NAME = {c.name: c for c in CHARSETS}
_TRANSLATE = {c.name: str.maketrans(c.single) for c in CHARSETS}
_CODES = {c.name: re.compile("|".join(re.escape(code) for code in (*c.pairs, *c.single))) for c in CHARSETS if c.pairs}
# Names pages gave these encodings in <meta charset>: IANA's VISCII, the x-viet-* of old browsers.
LABELS = {"viscii": CHARSETS[2], "csviscii": CHARSETS[2], "x-viet-vni": CHARSETS[1], "vni": CHARSETS[1],
          "vni-win": CHARSETS[1], "x-viet-tcvn5712": CHARSETS[0], "x-viet-tcvn": CHARSETS[0], "tcvn": CHARSETS[0],
          "tcvn3": CHARSETS[0], "tcvn-5712": CHARSETS[0], "tcvn5712-1": CHARSETS[0], "abc": CHARSETS[0]}
_FONTS = {CHARSETS[0].name: re.compile(r"\.Vn[A-Z][A-Za-z]+"), CHARSETS[1].name: re.compile(r"\bVNI[- ][A-Z][a-z]+")}
# Characters a legacy text read as Windows-1252 can hold: anything else is Unicode typed right.
_MISREAD = frozenset(_char(chr(b)) for b in range(0x100))
_ETH = str.maketrans("Ðð", "Đđ")
_TAG = re.compile(r"<[^<>]*>")
_UNIT = re.compile(r"^[A-Za-z]{1,2}[¹²³°ºª]$")  # m², cm³, nº: signs that follow letters in any text
_SENTENCE_END = re.compile(r"(?:[.!?…]['\"”’)\]]*\s+|>\s*)$")  # a sentence's end, or an HTML tag's


def decode_text(text: str, charset: Charset) -> str:
    """text read back through charset's table: every code it holds becomes its letter."""
    if not charset.pairs:
        return text.translate(_TRANSLATE[charset.name])
    # One pass, pairs first: "oï" is ọ, and the "ó" a pair gives is not read again as VNI's ĩ.
    return _CODES[charset.name].sub(lambda m: charset.pairs.get(m.group()) or charset.single[m.group()], text)


def encode_text(text: str, charset: Charset) -> str:
    """The Windows-1252 reading of text typed in charset (tests, and editors' examples)."""
    back: dict[str, str] = {}
    for table in (charset.single, charset.pairs):
        for code, letter in table.items():
            back.setdefault(letter, code)  # the first code is the table's own (capital marks)
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch not in back and charset.capitals_missing and ch.isupper() and not ch.isascii():
            ch = ch.lower()  # .VnTimeH: a capital with a tone is its lower-case code
        out.append(back.get(ch, ch))
    return "".join(out)


# -- evidence --------------------------------------------------------------------------------------

_SURE, _UNICODE, _MAYBE = "legacy", "unicode", "maybe"
MIN_WORDS = 2  # words that only the legacy reading makes Vietnamese, for a line on its own


@dataclass(frozen=True)
class Reading:
    """One line as charset would read it."""

    text: str  # the line rewritten (unchanged where its words are Unicode typed right)
    evidence: int  # different words that become Vietnamese and were not, in one run without Unicode
    broken: int  # words that the reading leaves no Vietnamese syllable
    unicode: int = 0  # words typed in Unicode, which no legacy text holds
    foreign: int = 0  # words in plain Latin letters that are no Vietnamese syllable


def read_line(line: str, charset: Charset, whole: bool = False) -> Reading:
    """line read through charset. whole: the line is known to be in charset (a file's bytes)."""
    words = list(charset.tokens.finditer(line))
    kinds: list[str | None] = []
    new: list[str] = []
    proof: set[str] = set()  # of the run of words since the last word in Unicode
    evidence = broken = foreign = 0
    tags = [m.span() for m in _TAG.finditer(line)] if "<" in line else []
    tag = 0  # the first tag not ended before the word: words and tags both come in order
    for match in words:
        kind, read, foreign_word, broken_word = _word(match.group(), charset.name, whole)
        kinds.append(kind)
        new.append(read)
        broken += broken_word
        # markup ("class", "font") is no foreign text
        while tag < len(tags) and tags[tag][1] <= match.start():
            tag += 1
        foreign += foreign_word and not (tag < len(tags) and tags[tag][0] <= match.start())
        if kind == _UNICODE:
            proof = set()  # a pasted run is one piece: "m² … thể … m³" is no run of VISCII
        elif kind == _SURE:
            proof.add(read.lower())  # "où où où" is one word of proof
            evidence = max(evidence, len(proof))
    unicode = kinds.count(_UNICODE)
    if not evidence and not whole:
        return Reading(line, 0, broken, unicode, foreign)
    out, end = [], 0
    sides = _sides(kinds) if unicode else [_SURE] * len(kinds)
    shouting = _shouting(line)
    first = len(line) - len(line.lstrip())  # where the line's text starts
    for k, match in enumerate(words):
        kind = kinds[k]
        if kind is None or kind == _UNICODE or (kind == _MAYBE and sides[k] == _UNICODE):
            continue
        read = new[k]
        if charset.capitals_missing:
            start = match.start()
            opening = start <= first or bool(_SENTENCE_END.search(line, max(0, start - 12), start))
            read = _capitals(match.group(), read, shouting, opening or _inside_name(line, words, new, k))
        out.append(line[end:match.start()] + read)
        end = match.end()
    return Reading("".join(out) + line[end:], evidence, broken, unicode, foreign)


@lru_cache(maxsize=65536)  # words repeat: a text has a few thousand different ones
def _word(word: str, name: str, whole: bool) -> tuple[str | None, str, bool, bool]:
    """(kind, reading, a foreign word, a broken word) of one word under the encoding named."""
    charset = BY_NAME[name]
    if word.isascii() and word.isalpha():
        # No code of any table is a Latin letter alone. "category", "piso": a word of another
        # language (an abbreviation like "UBND" is not).
        return None, word, len(word) > 1 and not word.isupper() and not is_syllable(word), False
    if not whole and not all(ch in _MISREAD for ch in word):
        return _UNICODE, word, False, False  # "Hội", "đá": typed in Unicode, whatever else they hold
    read = decode_text(word, charset)
    if read == word and charset.capitals_missing and not word.isascii() and _capitals_word(word):
        read = word.upper()  # "TýN": ý is its own code, drawn as Ý by .VnTimeH
    if read == word or read == word.translate(_ETH):
        # Ð for Đ is a look-alike of Unicode pages (vietnamese.normalize), not VISCII. "ça",
        # "Müller": a word this encoding cannot have written, so the line is no such text.
        return None, read, False, not word.isascii() and not is_syllable(word)
    if len(read) < 2 or not any(ch.isalpha() for ch in word) or _UNIT.search(word):
        return _MAYBE, read, False, False  # a sign, one letter or a unit ("·", "µ", "ï", "m²") proves nothing
    if is_syllable(read) and not is_syllable(word):
        return _SURE, read, False, False
    # An abbreviation ("QĐ", "TƯ") is no syllable and no sign of a wrong reading either.
    return _MAYBE, read, False, not is_syllable(read) and not (read.isupper() and len(read) <= 4)


def _sides(kinds: list) -> list[str]:
    """The side each unsure word takes: that of its nearest sure neighbour (the left one on a tie),
    the legacy one when no word is sure."""
    left: list[tuple[int, str] | None] = []
    last = None
    for k, kind in enumerate(kinds):
        left.append(last)
        if kind in (_SURE, _UNICODE):
            last = (k, kind)
    sides = [_SURE] * len(kinds)
    last = None
    for k in range(len(kinds) - 1, -1, -1):
        before = left[k]
        if before is not None and (last is None or k - before[0] <= last[0] - k):
            sides[k] = before[1]
        elif last is not None:
            sides[k] = last[1]
        if kinds[k] in (_SURE, _UNICODE):
            last = (k, kinds[k])
    return sides


_ENTITY = re.compile(r"&#?\w+;")


def _shouting(line: str) -> bool:
    """The line's text is in capitals (a saved page's tags and entities, "<span style=…>", "&nbsp;", aside)."""
    text = _ENTITY.sub(" ", _TAG.sub(" ", line)) if "<" in line or "&" in line else line
    latin = [ch for ch in text if ch.isascii() and ch.isalpha()]
    return len(latin) >= 2 and not any(ch.islower() for ch in latin)


def _capitals_word(word: str, shouting: bool = False) -> bool:
    """The word's Latin letters are capitals: two at least, or one (or none) on a line in capitals."""
    latin = [ch for ch in word if ch.isascii() and ch.isalpha()]
    return not any(ch.islower() for ch in latin) and (len(latin) >= 2 or shouting)


_TONED = set("áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
_NEVER_NAME = {"ủy", "uỷ"}  # "Tỉnh ủy Quảng Nam": an office's word, in lower case between capitals


def _inside_name(line: str, words: list, reads: list[str], k: int) -> bool:
    """A word opening with a toned vowel (which TCVN3 has no capital code for) between two
    capitalised words, each a space away: a name's syllable typed in .VnTimeH ("Lê Thị ¸nh
    Tuyết" is "Lê Thị Ánh Tuyết")."""
    if not reads[k][:1] in _TONED or reads[k].lower() in _NEVER_NAME or not 0 < k < len(words) - 1:
        return False
    before, after = words[k - 1], words[k + 1]
    return (line[before.end():words[k].start()] == " " and line[words[k].end():after.start()] == " "
            and reads[k - 1][:1].isupper() and reads[k + 1][:1].isupper())


def _capitals(word: str, read: str, shouting: bool, opening: bool) -> str:
    """TCVN3's missing capitals: a word set in .VnTimeH is given in capitals; a word opening a
    line or a sentence gets a capital first letter."""
    if _capitals_word(word, shouting):
        return read.upper()
    return read[:1].upper() + read[1:] if opening else read


def plausible(reading: Reading, strong: bool = True) -> bool:
    """The reading is to be trusted: enough words become Vietnamese and few break. Without
    strong (the text holds other lines surely in this encoding, or names it), one word will do
    on a line with no word in Unicode, and as many may break ("Sè 15/Q§-UBND")."""
    if reading.foreign > reading.evidence:
        return False  # a line of English or French with a word or two that happen to read as Vietnamese
    if strong:
        return reading.evidence >= MIN_WORDS and reading.broken * 3 <= reading.evidence
    return reading.evidence >= 1 and reading.broken <= reading.evidence and not reading.unicode


def vietnamese_score(text: str) -> int:
    """Words with a Vietnamese letter or tone that are syllables, less those that are not:
    how much a reading of unknown bytes looks like Vietnamese."""
    score = 0
    for word in re.findall(r"[^\W\d_]+", text):
        if word.isascii():
            continue
        score += 1 if is_syllable(word) else -1
    return score


# -- repair ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Repair:
    text: str
    lines: dict  # charset name -> 1-based lines rewritten
    shouting: tuple[int, ...] = ()  # lines of TCVN3 capitals (.VnTimeH) given in capitals


def repair(text: str, skip: tuple[int, ...] = ()) -> Repair:
    """Lines of text typed in a legacy encoding, read back into Unicode. skip: lines (1-based)
    another repair has already rewritten."""
    if not _HIGH.search(text):
        return Repair(text, {})
    lines = text.split("\n")
    found: dict[int, list[tuple[Charset, Reading]]] = {}
    for number, line in enumerate(lines, 1):
        if number not in skip and _HIGH.search(line):
            found[number] = [(cs, r) for cs in CHARSETS
                             if plausible(r := read_line(line, cs)) or plausible(r, strong=False)]
    sure: dict[int, tuple[Charset, Reading]] = {}
    for number, readings in found.items():
        strong = [f for f in readings if plausible(f[1])]
        if strong:
            sure[number] = max(strong, key=lambda f: f[1].evidence - f[1].broken)
    # A line with one word of proof is read only in an encoding other lines are surely in, or
    # whose font the text names (<font face=".VnTime">, a style's font-family: VNI-Times).
    votes = Counter(cs.name for cs, _r in sure.values())
    votes.update(name for name, font in _FONTS.items() if font.search(text))
    for number, readings in found.items():
        weak = [f for f in readings if votes[f[0].name] and plausible(f[1], strong=False)]
        if number not in sure and weak:
            sure[number] = max(weak, key=lambda f: (votes[f[0].name], f[1].evidence - f[1].broken))
    done: dict[str, list[int]] = {}
    shouting = []
    for number, (cs, reading) in sorted(sure.items()):
        if reading.text != lines[number - 1]:
            if cs.capitals_missing and _shouting(lines[number - 1]):
                shouting.append(number)
            lines[number - 1] = reading.text
            done.setdefault(cs.name, []).append(number)
    return Repair("\n".join(lines), {k: tuple(v) for k, v in done.items()}, tuple(shouting))


def decode_file(view: str, label: str = "") -> tuple[str, Charset] | None:
    """A whole file's Windows-1252 reading read back through the legacy encoding it is clearly in,
    or None. Every line is read through that one encoding. label: the charset a page names
    (<meta charset="VISCII">); its encoding needs one word of proof only."""
    named = LABELS.get(label.strip().lower())
    totals = []
    for cs in CHARSETS:
        evidence = broken = 0
        for line in view.split("\n"):
            r = read_line(line, cs)
            evidence, broken = evidence + r.evidence, broken + r.broken
        # Words in Latin letters are not weighed here: a page's scripts and styles are full of them.
        if plausible(Reading("", evidence, broken), strong=cs is not named):
            totals.append((cs is named, evidence - broken, evidence, cs))
    if not totals:
        return None
    cs = max(totals, key=lambda t: t[:3])[3]
    return "\n".join(read_line(line, cs, whole=True).text for line in view.split("\n")), cs


_HIGH = re.compile(r"[^\x00-\x7f]")
