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

The JavaScript twin is ``themes/default/static/search.js`` (``fold``,
``toneKey``, ``tokenize``); tests/test_search.py runs both on the same cases.
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
def tone_key(token: str) -> str:
    """Lowercase letters with their shape marks, the tone moved to the end as a digit."""
    if token.isascii():
        return token.lower()
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
    return "".join(out) + tone


def has_diacritics(token: str) -> bool:
    """True when the token carries any mark or đ: then its exact spelling matters for ranking."""
    return tone_key(token) != fold(token)


def html_to_text(markup: str) -> str:
    """Visible text of sanitised article HTML; every tag becomes a space (runs of spaces remain)."""
    return html.unescape(_TAG.sub(" ", markup))


def squeeze(text: str) -> str:
    """Runs of whitespace as one space, none at the ends (str.split's whitespace is regex \\s:
    the same characters, 3x faster than a regex on Vietnamese text)."""
    return " ".join(text.split())
