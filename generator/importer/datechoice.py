"""The article's date line, chosen by its place relative to the headline (split out of headline.py).

Between the headline and the lead first, then right above the headline, then at the end beside the
byline. A clock far above the headline ("Thứ Tư, ngày 24 tháng 04 năm 2024", "Hôm nay: ...") is never
the date.
"""
from __future__ import annotations

from .headline import Choice
from .lines import Info, post_stamp


def choose_date(infos: list[Info], title: int, lead: int | None, last: int | None) -> Choice:
    """The date line of the article, by its place relative to the headline."""
    best: tuple[float, int] | None = None
    for i, info in enumerate(infos):
        meta = info.meta
        if meta is None or meta.today or info.widget or (meta.date is None and meta.out_of_range is None):
            continue
        score = _date_place(infos, i, title, lead, last)
        if score <= 0:
            continue
        if meta.date is not None:
            score += 1 if meta.date.has_time else 0
            score -= 1 if meta.date.seconds else 0
            score -= 0.5 if not meta.date.weekday_matches else 0
        score += 1 if meta.published else 0
        score -= 0.5 if meta.updated else 0
        if meta.poster or meta.labelled_author or (meta.rest and info.name is None and not post_stamp(info.text)):
            score -= 0.25
        if best is None or score > best[0]:
            best = (score, i)
    if best is None:
        return Choice(None, False, [])
    score, index = best
    return Choice(index, score >= 7, [])


def _date_place(infos: list[Info], i: int, title: int, lead: int | None, last: int | None) -> float:
    if i > title:
        if lead is None or i < lead:
            return 10 - 0.5 * (i - title - 1)
        if i == lead + 1:
            return 6  # right after the lead
        if last is not None and i > last:
            return 5 if i - last <= 6 else 2
        return 0  # a date line inside the body
    bylines = [j for j in range(i + 1, title) if infos[j].name or infos[j].affiliation]
    between = [j for j in range(i + 1, title) if j not in bylines and (infos[j].n_words > 3 or infos[j].meta)]
    if between or title - i - len(bylines) > 2:
        return 0  # further up, past menu items: the page's clock; one category label may stand between
    date = infos[i].meta.date
    # no time: perhaps a clock right above the headline, unless it is a social post's stamp ("… · 🌏")
    return 7 if date is None or date.has_time or post_stamp(infos[i].text) else 6
    # A byline printed between the date and the headline ("Bài, ảnh: MINH TÂM") does not part them.
