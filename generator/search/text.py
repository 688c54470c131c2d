"""Search text rules: tokens, folding and tone keys, mirrored exactly in search.js.

Both sides apply the same steps, so a word typed in the browser meets the word
indexed at build time:

1. ``prepare``: NFC, and the eth look-alikes Ð/ð (U+00D0/U+00F0) read as Đ/đ.
2. ``tokenize``: maximal runs of letters and digits (Unicode L* and N*
   categories); everything else separates. "05-CT/TW" gives 05, ct, tw.
3. ``fold``: lowercase, NFD, nonspacing marks (category Mn) removed, đ -> d.
   "Bác", "bạc", "BAC" all fold to "bac". Keys of the index are folded.
4. ``tone_key``: lowercase letters keeping their shape marks (ă â ê ô ơ ư, đ)
   with the syllable's tone moved to the end as a digit (the CLDR order used by
   vietnamese.term_key: 1 huyền, 2 hỏi, 3 ngã, 4 sắc, 5 nặng). "khoá" and "khóa"
   both give "khoa4"; "Bác" gives "bac4", "bạc" "bac5". It tells the exact
   spelling within one folded key, independent of the tone-mark placement style.
5. ``key_hash``, ``mix``, ``prefix_code``: a key's place in the index, which
   search.js computes to find the shard holding a key.

The JavaScript twin is ``themes/default/static/search.js`` (``fold``,
``toneKey``, ``tokenize``, ``keyHash``, ``mix``, ``place``); tests/test_search.py
runs both on the same cases.
"""
from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

# Tone marks, in the order vietnamese.TONES ranks them.
TONES = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}
SHAPES = frozenset("\u0306\u0302\u031b")  # breve, circumflex, horn: part of the letter
_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})
_TOKEN = re.compile(r"[^\W_]+")
_TAG = re.compile(r"<[^>]*>")


def prepare(text: str) -> str:
    """NFC with Ð/ð read as Đ/đ: the same first step as vietnamese.normalize."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFC", text)
    if "\u00d0" in text or "\u00f0" in text:  # rare: str.translate is slow on long text
        text = text.translate(_LOOKALIKES)
    return text


def tokenize(text: str) -> list[str]:
    """Tokens as written (NFC), in order."""
    return _TOKEN.findall(prepare(text))


def iter_tokens(text: str):
    """(token, start, end) over prepared text: for snippets and highlighting."""
    for match in _TOKEN.finditer(text):
        yield match.group(), match.start(), match.end()


@lru_cache(maxsize=65536)
def fold(token: str) -> str:
    """Lowercase, no diacritics, đ -> d: what a reader types without accents."""
    if token.isascii():
        return token.lower()
    decomposed = unicodedata.normalize("NFD", prepare(token).lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").replace("đ", "d")


@lru_cache(maxsize=65536)
def tone_parts(token: str) -> tuple[str, int]:
    """The tone key's two parts: the lowercase letters with their shape marks, and the tone (0-5)."""
    if token.isascii():
        return token.lower(), 0
    out: list[str] = []
    tone = ""
    for ch in prepare(token).lower():
        decomposed = unicodedata.normalize("NFD", ch)
        base, shape = decomposed[0], ""
        for mark in decomposed[1:]:
            if mark in TONES:
                tone = TONES[mark]
            elif mark in SHAPES:
                shape += mark
        out.append(unicodedata.normalize("NFC", base + shape))
    return "".join(out), int(tone or 0)


def tone_key(token: str) -> str:
    """Lowercase letters with their shape marks, the tone moved to the end as a digit."""
    shaped, tone = tone_parts(token)
    return shaped + str(tone) if tone else shaped


def has_diacritics(token: str) -> bool:
    """True when the token carries any mark or đ: then its exact spelling matters for ranking."""
    return tone_key(token) != fold(token)


# ---- Key hashes ----
#
# Keys travel through the build as 64-bit numbers: a polynomial over the UTF-16 code units of
# the folded key, computed for whole batches of tokens at once by maker.py (numpy, wrapping
# arithmetic) and for single keys here; search.js computes the same (BigInt) to find a key's
# shard. The order of the index (see format.py) is by kind, the first three code units of the
# key and mix(hash); the exact spelling of a token is told by entries.word_spelling.

MASK = (1 << 64) - 1
P = 0x9E3779B97F4A7C15       # odd: powers of P are invertible modulo 2**64
TONE_STEP = 0xD6E8FEB86659FD93  # a spelling's tone, added to the hash of its shaped letters


def units(text: str) -> list[int]:
    """UTF-16 code units, as JavaScript strings hold them."""
    data = text.encode("utf-16-le")
    return [data[i] | data[i + 1] << 8 for i in range(0, len(data), 2)]


def key_hash(key: str) -> int:
    """Sum of unit * P**i over the key's UTF-16 code units, modulo 2**64."""
    h, power = 0, 1
    for unit in units(key):
        h = (h + unit * power) & MASK
        power = power * P & MASK
    return h


def mix(h: int) -> int:
    """splitmix64's finaliser: spreads a key hash over all 64 bits (shards are ranges of it)."""
    h = (h ^ h >> 30) * 0xBF58476D1CE4E5B9 & MASK
    h = (h ^ h >> 27) * 0x94D049BB133111EB & MASK
    return h ^ h >> 31


def prefix_code(key: str) -> int:
    """The first three UTF-16 code units of a key as one number (0 for missing ones)."""
    head = (units(key) + [0, 0, 0])[:3]
    return head[0] << 32 | head[1] << 16 | head[2]


def html_to_text(markup: str) -> str:
    """Visible text of sanitised article HTML; every tag becomes a space (runs of spaces remain)."""
    return html.unescape(_TAG.sub(" ", markup))


# The edge of a block (paragraph, heading, list item, cell, line break …): no pair of words or
# name of the index crosses it ("… Hồ Chí Minh.</p><p>Để …" holds no "minh de"). The scan of
# _kernels.c (block_tag) reads the same tags.
BREAK = "\u2029"
# Per token, the bits of Tokens.brk: a block's edge (or a sentence's end) before it, and a first
# unit that is no small letter (a province's name counts only in capitals: names.Names.fits).
EDGE, CAPITAL = 1, 2
_BLOCK = re.compile(r"</?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|br|hr|tr|td|th|table|thead|tbody|tfoot|caption|"
                    r"figure|figcaption|section|article|aside|header|footer|nav|pre)(?:[ \t\n\r\f/]|$)", re.I | re.A)


def html_blocks(markup: str) -> str:
    """html_to_text, with BREAK for the tags that open or close a block (a text holding BREAK
    itself, or a reference to it, has an edge there too) and at the ends of sentences."""
    return sentences(html.unescape(_TAG.sub(lambda m: BREAK if _BLOCK.match(m.group(0)[:-1]) else " ", markup)))


# The end of a sentence is an edge too: between two tokens, a ! ? ; or … ("… vững mạnh! Đảng …"
# holds no "manh dang"), or a full stop after a word starting with a small letter ("vững mạnh.
# Đảng"), not after a capital or a digit ("TP. Hồ Chí Minh", "TP.HCM", "1.000", "4.0"). Commas
# join ("tư tưởng, đạo đức"). The scan of _kernels.c reads the same rule (its letters' table
# says which are small: vocab.LOWER).
SENTENCE_ENDS = "!?;\u2026"
_SENTENCE = re.compile(r"(?<![^\W_])([^\W_])[^\W_]*(?:(?![.!?;\u2026])[\W_])*[.!?;\u2026][\W_]*(?=[^\W_])")


def sentences(text: str) -> str:
    """The text with BREAK after each gap between tokens that ends a sentence."""
    def edge(m: re.Match) -> str:
        gap = m.group(0)
        if m.group(1).islower() or any(c in SENTENCE_ENDS for c in gap):
            return gap + BREAK
        return gap
    return _SENTENCE.sub(edge, text)


def squeeze(text: str) -> str:
    """Runs of whitespace as one space, none at the ends (str.split's whitespace is regex \\s:
    the same characters, 3x faster than a regex on Vietnamese text)."""
    return " ".join(text.split())
