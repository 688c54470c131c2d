"""An article body's words as plain text: for its summary (the first paragraph), shortened at a
word for cards and descriptions."""
from __future__ import annotations

import html
import re


_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)


_TAG = re.compile(r"<[^>]+>")
# Tags inside a line of text: taken away without a space, or a summary read "trang này ." and "Bác ," where
# a link or bold words met the punctuation after them. Others (<br>, blocks) part words: a space.
_NOTE_REF = re.compile(r'<sup\b[^>]*>\s*<a href="#fn[-:][^"]*"[^>]*>[^<]*</a>\s*</sup>')  # a note's number: not text
_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|cite|code|del|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|u|var)\b[^>]*>")
_SPACE = re.compile(r"\s+")


def plain_text(fragment: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", _INLINE_TAG.sub("", _NOTE_REF.sub("", fragment))))).strip()


def first_paragraph(body_html: str) -> str:
    """The text of the first paragraph that has any (figures have no <p>). A paragraph with a photo
    is the photo and its caption line ("![…](…)" then "*Ảnh: …*"), not the article's opening."""
    for match in _PARAGRAPH.finditer(body_html):
        if "<img" in match.group(1):
            continue
        text = plain_text(match.group(1))
        if text:
            return text
    return ""


def shorten(text: str, limit: int) -> str:
    """At most limit characters, cut at a word boundary, with an ellipsis if cut."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return cut + "…"
