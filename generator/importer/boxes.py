"""Boxes of a saved page known by their class, id or style though they are plain <div>s: an advertisement
(left out), the post's own <header> (kept), a box of notes, whose numbered items are the article's notes,
a quote set apart by its class or a rule down its left side; and where the box a block opens ends (a
"Tin liên quan" heading takes its whole box, summaries and all)."""
from __future__ import annotations

import re

# A box of the article's notes (WordPress's "wp-block-footnotes", "footnotes", "endnotes", "references",
# "chu-thich"): the items of a numbered list in it are notes, written "[1] …" as a page that prints its numbers.
_NOTES_BOX = re.compile(r"(?:^|[\s_-])(?:wp-block-footnotes|foot-?notes?|end-?notes?|references|chu-?thich|"
                        r"ghi-?chu|tai-?lieu-?tham-?khao)(?=$|[\s_-])", re.IGNORECASE)
# A quote written as a styled box: a class naming it ("quote", "wp-block-quote", "pullquote", "trich-dan", "loi-bac"),
# or a rule down its left side (style "border-left: 3px solid …"). A class going on ("quote-author") names a part.
_QUOTE_BOX = re.compile(r"(?:^|[\s_-])(?:quote|blockquote|pull-?quote|trich-?dan|trichdan|loi-?bac)(?=$|\s)",
                        re.IGNORECASE)
_LEFT_RULE = re.compile(r"border-left\s*:\s*(?:[^;]*\s)?(?:[1-9]\d*(?:\.\d+)?|0?\.\d+)(?:px|pt|em|rem)?"
                        r"\s+(?:solid|double)", re.IGNORECASE)


# An advertisement's box, by its class or id ("ads", "adsbygoogle", "box-quangcao", "sponsored"): its words
# ("Mua bảo hiểm ngay…") are no article's. "banner" is left alone: an article's own picture may carry it.
_ADVERT = re.compile(r"(?:^|[\s_-])(?<!no-)(?<!no_)(?:ads?|adverts?|advertisement|adsbygoogle|quangcao|quang-cao|qc|"
                     r"sponsors?|sponsored|taitro|tai-tro)(?=$|[\s_-])(?![-_]free)", re.IGNORECASE)
ADVERT_KIND = "quảng cáo"  # the report's name for them
_POLL = re.compile(r"(?:^|[\s_-])(?:polls?|survey|votes?|voting|binh-?chon|khao-?sat|tham-?do(?:-?y-?kien)?)(?=$|[\s_-])",
                   re.IGNORECASE)
POLL_KIND = "thăm dò ý kiến"  # the report's name for them
# A <header> named for the post ("entry-header", "post-header", "detail-header") holds the headline and date
# of an article the theme did not wrap in <article>; the page's own header is "site-header", "masthead"…
_POST_HEADER = re.compile(r"entry|post|article|detail|story|single", re.IGNORECASE)


# A box of links to other articles, by its class, id or type ("box-related", "tinlienquan", VCCorp's
# type="RelatedNewsBox"): left out whole, even with no "Tin liên quan" heading to open it.
_RELATED = re.compile(r"(?:^|[\s_-])(?:related(?:-?(?:news|posts?|articles?|links?|stories))?(?:-?box)?|"
                      r"tin-?lien-?quan|lien-?quan|bai-?lien-?quan)(?=$|[\s_-])", re.IGNORECASE)
RELATED_KIND = "tin liên quan"  # the report's name for them


def related_box(names: str) -> bool:
    """An element's class, id or type name a box of related articles."""
    return bool(_RELATED.search(names))


def advert_box(names: str) -> bool:
    """An element's class and id name an advertisement."""
    return bool(_ADVERT.search(names))


def poll_box(names: str) -> bool:
    """An element's class and id name a poll or a survey ("box-poll", "binhchon", "khao-sat"): its question, its
    choices and its button are no text of the article, though no <form> holds them."""
    return bool(_POLL.search(names))


def post_header(names: str) -> bool:
    """A <header>'s class and id name the post's own header, not the page's."""
    return bool(_POST_HEADER.search(names))


def notes_box(names: str) -> bool:
    """An element's class and id name a box of notes."""
    return bool(_NOTES_BOX.search(names))


def quote_box(tag: str, attrs: dict) -> bool:
    """A <div>, <p> or <section> that a page shows as a quote (its paragraphs are one quote)."""
    return tag in ("div", "p", "section") and bool(
        _QUOTE_BOX.search(attrs.get("class", "")) or _LEFT_RULE.search(attrs.get("style", "")))


class BoxEnds:
    """For each open element, the extra of the first block read inside it; when the element closes, that
    block learns where its box ends: ``extra["box_end"]``, the ``extra["seq"]`` of the first block after it.
    Each element is given its first block once, so the page is read in linear time however deep it nests."""

    def __init__(self) -> None:
        self._firsts: list[dict | None] = []
        self._seq = 0

    def open(self) -> None:
        self._firsts.append(None)

    def close(self) -> None:
        first = self._firsts.pop() if self._firsts else None
        if first is not None:
            first["box_end"] = self._seq

    def number(self, extra: dict) -> None:
        """A new block's place in reading order; it is the first block of the open elements that had none
        (from the innermost out, stopping at one that has its first block: every element around it has one)."""
        extra["seq"] = self._seq
        self._seq += 1
        k = len(self._firsts) - 1
        while k >= 0 and self._firsts[k] is None:
            self._firsts[k] = extra
            k -= 1


class ListMarks:
    """How an open list numbers its items, as a browser draws them: an <ol>'s "1. ", "2. " (from its start, or
    an item's value), "a. ", "A. ", "i. ", "I. " by its type; a box of notes' "[1] "; nothing for a <ul>."""

    def __init__(self, tag: str, attrs: dict, notes: bool) -> None:
        start = attrs.get("start", "").strip()
        self.next = int(start) if start.isdigit() else 1
        self.kind = "" if tag == "ul" else "note" if notes else (attrs.get("type") or "1").strip()[:1] or "1"

    def marker(self, item: dict) -> str:
        value = item.get("value", "").strip()
        if not self.kind:
            return ""
        n = int(value) if value.isdigit() else self.next
        self.next = n + 1
        if self.kind == "note":
            return f"[{n}] "
        return f"{_counter(n, self.kind)}. "


def _counter(n: int, kind: str) -> str:
    if kind in "aA" and 1 <= n <= 26:
        letter = chr(ord("a") + n - 1)
        return letter.upper() if kind == "A" else letter
    if kind in "iI" and 1 <= n <= 39:
        roman = _roman(n)
        return roman.lower() if kind == "i" else roman
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out
