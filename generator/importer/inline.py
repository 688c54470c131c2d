"""Inline elements in a saved page's block: where they start and end (EDGE, put in by htmlsource.py while
it reads a block) and the emphasis they carry (clean.EM_OPEN/EM_CLOSE), turned into the block's text; and
a line a <br> broke off mid-sentence, joined back to its block."""
from __future__ import annotations

import re

from ..vietnamese import normalize
from .clean import EM_CLOSE, EM_OPEN, Block
from .syllables import is_syllable

EDGE = "\ue002"  # where an inline element starts or ends, in a block's text until separated() reads it
_PART_KICKER = re.compile(r"^\s*(?:Bài|Kỳ|Kì|Phần|Chương)\s+\d{1,2}$")
_SPACE = re.compile(r"\s+")


def separated(raw: str) -> str:
    """The text with its inline elements' edges taken out. Where an element ends a word and the next
    text starts a new one in capitals with nothing between (``<span class="location-stamp">Hậu
    Giang</span>Hơn 20 năm``), a separator is put in: " - " after a short label opening the block (a
    place stamp before the lead), else a space. A single letter ("<b>Đ</b>ây", a drop cap) is no word.
    One pass: a block of thousands of inline elements costs no more than its length."""
    if EDGE not in raw:
        return raw
    marks = (EDGE, EM_OPEN, EM_CLOSE)
    following = [""] * (len(raw) + 1)  # the first character after each position that is no mark
    place = [len(raw)] * (len(raw) + 1)  # and where it stands
    for k in range(len(raw) - 1, -1, -1):
        following[k], place[k] = (following[k + 1], place[k + 1]) if raw[k] in marks else (raw[k], k)
    out: list[str] = []
    text = _TextSoFar()
    for k, ch in enumerate(raw):
        if ch != EDGE:
            out.append(ch)
            if ch not in marks:
                text.add(ch)
            continue
        if not following[k + 1].isupper():
            if following[k + 1].isalpha() and _glued(text, _word_at(raw, k + 1, following, place)):
                out.append(" ")
                text.add(" ")
            continue
        separator = ""
        if text.tokens <= 2 and _PART_KICKER.search("".join(text.plain)):
            separator = ": "  # "<span>Bài 2</span><span>Những người…</span>": a series part's number
        elif len(text.word) >= 2 and not text.word.isdigit():
            separator = " - " if text.tokens <= 4 and not text.punctuated else " "
        for c in separator:
            out.append(c)
            text.add(c)
    return "".join(out)


_CLOSING = "”),;:!?…"  # after one of these a word starts a new one ("“Thắp sáng ước mơ”</span>cho"); not ’: H’Mông
_WORD_CHARS = 8  # no Vietnamese syllable is longer


def _word_at(raw: str, k: int, following: list[str], place: list[int]) -> str:
    """The letters from k on, marks skipped (at most a syllable's length and one more: each step is one jump)."""
    out = []
    while following[k].isalpha() and len(out) <= _WORD_CHARS:
        out.append(following[k])
        k = place[k] + 1
    return "".join(out)


def _glued(text: "_TextSoFar", nxt: str) -> bool:
    """Two words an inline element's edge glues in lower case, a writer's slip a browser shows as typed
    ("<b>Thanh niên</b>tình nguyện", "<span>thông</span><span>thoáng</span>", "”</span>cho"): a closing mark
    before a letter, or two syllables whose join is no syllable. A word split by its formatting
    ("<b>Đ</b>ây", "nghi<b>ệp</b>") joins as a syllable and stays whole."""
    if not text.word:
        return text.plain_last in _CLOSING and bool(text.plain_last)
    return is_syllable(text.word) and is_syllable(nxt) and not is_syllable(text.word + nxt)


class _TextSoFar:
    """What separated() needs of the text before an edge: its last word, its number of words, whether
    it has punctuation, and the text itself while it is short enough to be a label."""

    def __init__(self) -> None:
        self.plain: list[str] = []
        self.word = ""
        self.plain_last = ""  # the last character, no mark
        self.tokens = 0
        self.punctuated = False
        self._in_token = False

    def add(self, ch: str) -> None:
        self.plain_last = ch
        self.word = self.word + ch if ch.isalnum() or ch == "_" else ""
        if ch.isspace():
            self._in_token = False
        elif not self._in_token:
            self._in_token, self.tokens = True, self.tokens + 1
        self.punctuated = self.punctuated or ch in ".!?…:;,"
        if self.tokens <= 4:
            self.plain.append(ch)


def emphasis(raw: str) -> tuple[str, str | None]:
    """(the block's text, the same text with its emphasis marked, or None). Spaces are moved
    out of the marks, so that taking the marks away gives the text exactly."""
    text = normalize(_SPACE.sub(" ", raw.replace(EM_OPEN, "").replace(EM_CLOSE, "")).strip())
    if EM_OPEN not in raw:
        return text, None
    marked = _SPACE.sub(" ", raw)
    marked = re.sub(EM_OPEN + r"(\s+)", r"\1" + EM_OPEN, marked)
    marked = re.sub(r"(\s+)" + EM_CLOSE, EM_CLOSE + r"\1", marked)
    marked = normalize(_SPACE.sub(" ", marked.replace(EM_OPEN + EM_CLOSE, "")).strip())
    if EM_OPEN not in marked or marked.replace(EM_OPEN, "").replace(EM_CLOSE, "") != text:
        return text, None
    return text, marked


_VERSE_WORDS = 8
_LINE_DONE = re.compile(r"[.!?…:;][\"”’)»]*$")


def goes_on(last: Block, text: str, hint: str | None) -> bool:
    """The line after a <br> goes on the sentence above: it opens in lower case and the line above ends no
    sentence (a page or a pasted e-mail that broke its lines at a width). A verse stays a line: in a quote, or
    of at most 8 words (lục bát's longest line)."""
    return hint == last.hint and text[:1].islower() and not _LINE_DONE.search(last.text) and last.hint != "img" \
        and not last.extra.get("quote") and len(last.text.split()) > _VERSE_WORDS


def joined(last: Block, text: str, extra: dict) -> Block:
    """One block of a line and the line a <br> broke off it, with their marks and links."""
    merged = dict(last.extra)
    if "marked" in last.extra or "marked" in extra:
        merged["marked"] = f"{last.extra.get('marked', last.text)} {extra.get('marked', text)}"
    if extra.get("links"):
        merged["links"] = list(last.extra.get("links", [])) + extra["links"]
    if not extra.get("bold"):
        merged.pop("bold", None)  # bold only when both lines were
    return Block(f"{last.text} {text}", last.line, last.hint, merged)
