"""A footnote's marks in an article's lead, and notes printed over it: the summary keeps the marks of the notes
the article keeps (extract.py)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lines import Info
from .tail import is_footnote

if TYPE_CHECKING:
    from .extract import Extracted

# A footnote's mark glued to the word or quote it explains: "…tuyên truyền”[1].", "người đứng đầu(2),"; not an
# enumeration's "(1) nâng cao …" (a space before it) nor a clause's number ("khoản 5(2)"). A star is a note's
# mark wherever it stands ("… tỉnh Sơn La (*).").
# A raised number glued to a word or a quote ("…tuyên truyền”¹.", "người đứng đầu²,") is a mark too, save a unit's
# exponent ("500 m²", "2.000m²", "30 m³": the letters before it are a unit of length) or a number's power ("10²").
_NOTE_MARK = re.compile(r"(?:(?<=[^\s\d(\[])[\[(](\d{1,3})[\])]|\s?\((\*{1,3})\)|"
                        r"(?<=[^\s\d⁰¹²³⁴⁵⁶⁷⁸⁹])([¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]{0,2}))(?=[\s.,;:!?…”\"’)]|$)")
_EXPONENT_OF = re.compile(r"(?:^|[^\w]|\d)[kcdmµ]?m$")  # "m", "km", "cm", "dm", "mm": a unit's exponent
_NOTE_OPENING = re.compile(r"^\s*(?:([\[(])(\d{1,3}|\*{1,3})[\])]|()(\d{1,3})[.)]\s|()([¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]{0,2})\s)")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def notes_last(kept: list[Info], sapo: int | None, infos: list[Info], out: Extracted) -> list[Info]:
    """A note printed between the headline and the lead ("(*) Tham luận tại Hội thảo …", the note of the
    headline's "(*)") moved to the end of the text with the other notes: the summary is printed over the
    body, so the note would open the body under the lead, away from its mark."""
    if sapo is None:
        return kept
    top = {id(info.block) for info in infos[:sapo] if is_footnote(info.text)}
    moved = [info for info in kept if id(info.block) in top]
    if not moved:
        return kept
    out.notes |= top
    rest = [info for info in kept if id(info.block) not in top]
    notes = next((k for k, info in enumerate(rest) if id(info.block) in out.notes), len(rest))
    return rest[:notes] + moved + rest[notes:]  # before the notes at the end, as "(*)" comes before "(1)"


def summary_marks(summary: str | None, kept: list[Info], notes: set[int]) -> str | None:
    """The lead's note marks: "…tuyên truyền”[1].", "…”(1)." or "… (*)." keeps its mark when the article keeps note
    1 or (*) (the summary is the sapo printed over the body, the note's only reference), and loses it when no such
    note is left. A "[1] …" line is a note wherever it stands; "(1) …", "1. …" and "(*) …" lines only among the
    notes (tail.py), since an enumeration's item opens the same way."""
    if not summary:
        return summary
    kept_marks = {(m.group(2) or m.group(4) or m.group(6)).translate(_SUPERSCRIPTS) for info in kept
                  if (m := _NOTE_OPENING.match(info.text)) and (m.group(1) == "[" or id(info.block) in notes)}

    def mark(m: re.Match) -> str:
        if m.group(3) and _EXPONENT_OF.search(summary, 0, m.start()):
            return m.group()  # "500 m²": a unit's exponent, no note's mark
        number = m.group(1) or m.group(2) or m.group(3).translate(_SUPERSCRIPTS)
        return m.group() if number in kept_marks else ""

    return _NOTE_MARK.sub(mark, summary)
