"""Who wrote the article: the byline among the page's lines (over the headline, under the lead, after the
text), chosen by where it stands and how it is labelled; the unit printed under it. Split from extract.py."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..vietnamese import term_key
from .body import LIST_ITEM
from .byline import EDITOR_LABEL, INITIALS, person_name
from .clean import words
from .lines import LIST_NUMBER, Info
from .sources import portal_name
from .tail import is_footnote

if TYPE_CHECKING:
    from .extract import Extracted


def _bold_signature(infos: list[Info], last: int | None, i: int) -> str | None:
    """A saved page's line all in bold right under the text's last paragraph, which reads as a name only
    when places are not ruled out: the writer's signature, flagged for the editor to check."""
    info = infos[i]
    if last is None or i != last + 1 or not info.block.extra.get("bold") or info.meta or info.n_words > 4:
        return None
    return person_name(info.text)


def find_author(infos: list[Info], t: int, lead: int | None, sapo: int | None, last: int | None, used: dict,
                out: Extracted) -> None:
    """The author (``out.author``, its line and how sure), the line marked "tác giả" in ``used``, a warning
    when the page names someone else too."""
    found: list[tuple[float, int, str, bool]] = []  # (priority, index, name, sure)
    top_end = lead if lead is not None else t + 6
    for i in range(t - 1, max(-1, t - 3), -1):  # "Bài, ảnh: MINH TÂM" printed over the headline
        if infos[i].name and infos[i].labelled and infos[i].n_words <= 12:
            found.append((3.8, i, infos[i].name, True))
        elif not infos[i].meta:
            break
    for i, info in enumerate(infos):
        if i <= t:
            continue
        meta = info.meta
        if meta is not None and meta.rest and not meta.poster and (i < top_end + 3 or (last and i > last)):
            name = person_name(meta.rest)
            if name:
                found.append((3.5 if meta.labelled_author else 3.0, i, name, True))
            continue
        if info.block.extra.get("quote"):
            continue  # "<blockquote>… <p>Hồ Chí Minh</p></blockquote>": who said the quote, no byline
        if not info.name:
            signed = _bold_signature(infos, last, i)
            if signed:  # "<b>Thanh Ba</b>" under the text: a writer though a district has that name
                found.append((2.0, i, signed, False))
            continue
        initials_only = all(INITIALS.match(w) for w in info.name.split()) and not info.labelled
        near_top = i < top_end or (sapo is not None and i == sapo + 1)
        at_tail = last is not None and i > last and _tail_distance(infos, last, i) <= 4
        if info.labelled and info.n_words <= 12:  # "Biên tập:" names the editor: the author when no one else is
            found.append((3.4 if EDITOR_LABEL.match(info.text) else 4.0, i, info.name, True))
        elif initials_only:
            continue
        elif near_top:
            found.append((3.0, i, info.name, True))
        elif at_tail:
            found.append((2.0, i, info.name, _tail_distance(infos, last, i) <= 2))
    if not found:
        out.warnings.append("không tìm thấy tên tác giả trên trang")
        return
    priority, index, name, sure = max(found, key=lambda f: (f[0], -f[1]))
    out.author, out.author_line, out.author_sure = name, infos[index].line, sure
    meta = infos[index].meta
    out.author_text = meta.rest if meta is not None and meta.rest else infos[index].text  # the date line's byline
    others = {n: infos[j].line for _p, j, n, _s in sorted(found, key=lambda f: f[1])
              if j != index and not _same_person(n, name)}
    if others:  # "Bài và ảnh: Lê Minh Hải" above, "Hoàng Anh" under the text: say so, the editor knows who wrote it
        out.warnings.append("trang còn ghi tên " + ", ".join(f"“{n}” (dòng {line})" for n, line in others.items())
                            + f", khác tác giả đã chọn “{name}” (dòng {infos[index].line}): hãy xem ai là tác giả")
    if index < t or index not in used:
        used[index] = "tác giả"
    # The unit printed under a byline: "Trường Chính trị tỉnh Hưng Yên", "(Huyện ủy Đà Bắc)".
    for j in range(index + 1, min(len(infos), index + 3)):
        if j in used or infos[j].credit_only or infos[j].meta:
            break
        if is_footnote(infos[j].text) or portal_name(infos[j].text):
            break  # "(1) Hồ Chí Minh: Toàn tập, …", the footer's "Cổng thông tin điện tử …": no writer's office
        if infos[j].org or infos[j].affiliation or (infos[j].text.startswith("(") and words(infos[j].text) <= 10):
            used[j] = "đơn vị của tác giả"
        else:
            break


def _same_person(a: str, b: str) -> bool:
    """One name written twice, perhaps in capitals or with a rank ("LÊ MINH HẢI", "Đại úy Lê Minh Hải")."""
    a, b = term_key(a), term_key(b)
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def _tail_distance(infos: list[Info], last: int, i: int) -> int:
    """Lines between the last paragraph and line i, not counting sources, dates, credits and the text's own
    list items (a list ending the article leaves its signature as near as a paragraph would)."""
    return sum(1 for j in range(last + 1, i) if not (infos[j].source or infos[j].meta or infos[j].credit_only
                                                     or list_item(infos[j])))


def list_item(info: Info) -> bool:
    return info.block.hint == "li" or bool(LIST_ITEM.match(info.text) or LIST_NUMBER.match(info.text))
