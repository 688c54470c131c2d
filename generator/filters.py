"""The template filters of dates and headlines that are not methods of render.Templates: dates as
Vietnamese readers see them (date_vi, dateline …), headlines whose numbers a line does not split
(whole, and whole_text for plain text), and pluck.
"""
from __future__ import annotations

import functools

from markupsafe import Markup, escape

from .templatechecks import shown_text
from .vietnamese import format_long_date, hyphened_pieces, short_date, shown_date, shown_month


def pluck(items, attribute: str) -> list:
    """Each item's attribute, as a list: `map(attribute=…)|list` without Jinja's filter machinery
    for each of the two (its async wrappers, attribute parsing), ~3x as fast."""
    return [getattr(item, attribute) for item in items]


_last_iso: tuple = (None, "")  # the last moment iso() wrote, and its text (one tuple: set at once)


def iso(moment) -> str:
    """moment.isoformat(), the last one kept: an article page writes its date three or four times
    (meta, JSON-LD, dateline), and an aware datetime's isoformat costs ~3 us."""
    global _last_iso
    last = _last_iso
    if moment is last[0]:
        return last[1]
    text = moment.isoformat()
    _last_iso = (moment, text)
    return text


def date_vi(moment, style: str = "") -> str:
    """A date (or datetime) as readers see it: "Thứ Hai, 19/09/2016"; style "short": "19/09/2016",
    "long": "ngày 19 tháng 9 năm 2016", "time": "Thứ Hai, 19/09/2016 | 16:27"; the weekday's words, the
    time and the long form's numbers tied by no-break spaces (vietnamese.shown_date): every date readers
    see goes through here or dateline."""
    if style == "short":
        return short_date(moment)
    if style == "long":
        return format_long_date(moment, "\u00a0")
    return shown_date(moment, style == "time")


def whole(text) -> Markup:
    """The `whole` filter: a headline escaped, each number joined by a hyphen ("05-CT/TW", "2016-2026")
    in a <span class="nw"> that a line does not split (vietnamese.hyphened_pieces). A title is shown
    about four times a build (its card, its page, its neighbours' links): made once."""
    text = text if type(text) is str else shown_text(text)
    if "-" not in text:
        return escape(text)
    return _whole(text)


@functools.lru_cache(maxsize=65536)
def _whole(text: str) -> Markup:
    pieces = hyphened_pieces(text)
    if not pieces:
        return escape(text)
    out, last = [], 0
    for start, end in pieces:
        out.append(f'{escape(text[last:start])}<span class="nw">{escape(text[start:end])}</span>')
        last = end
    out.append(str(escape(text[last:])))
    return Markup("".join(out))


def whole_text(text) -> str:
    """The `whole_text` filter: `whole` for text that can hold no markup (a feed's titles and summaries,
    which a reader's app wraps as it likes): the hyphens of each hyphened number become U+2011, the
    non-breaking hyphen ("05\u2011CT/TW"), which the system fonts of phones and desktops draw as a
    hyphen. Only there: a word's hyphen, an address ("https://a.vn/x-2016-2026", after "/"), a
    category's label and the article's HTML keep theirs."""
    text = text if type(text) is str else shown_text(text)
    if "-" not in text:
        return text
    return _whole_text(text)


@functools.lru_cache(maxsize=16384)
def _whole_text(text: str) -> str:
    pieces = hyphened_pieces(text)
    if not pieces:
        return text
    out, last = [], 0
    for start, end in pieces:
        out.append(text[last:start] + text[start:end].replace("-", "\u2011"))
        last = end
    out.append(text[last:])
    return "".join(out)


def datetime_vi(moment) -> str:
    """The `datetime_vi` filter: date_vi's "time" style (it had the plain spaces of editors' messages)."""
    return date_vi(moment, "time")


def long_date(moment) -> str:
    """The `long_date` filter: date_vi's "long" style."""
    return date_vi(moment, "long")


def dateline(article, with_time: bool = False) -> Markup:
    """An article's date in a <time> element, as precise as it is known: no "| 00:00" for a date
    written without a time, only the month for an estimated date ("Khoảng tháng 5/2021"). The
    weekday's two words and "tháng" with its number are tied (vietnamese.shown_date, shown_month)."""
    moment = article.date
    if article.date_estimated:
        text = shown_month(moment)
        return Markup(f'<time datetime="{moment.year:04d}-{moment.month:02d}">{text}</time>')
    if not article.timed:
        text = shown_date(moment)
        return Markup(f'<time datetime="{moment.year:04d}-{moment.month:02d}-{moment.day:02d}">{text}</time>')
    text = shown_date(moment, with_time)
    return Markup(f'<time datetime="{iso(moment)}">{text}</time>')
