"""The headline of a page, chosen by scoring the candidate lines (its date: datechoice.py).

The headline is the line an editor would point at: headline-shaped (a few to forty words,
no final full stop), just above the lead paragraph or beside the date line, often repeated
in the page's own title (pagetitle.py); never a widget, a date line, a byline, a menu item or a
breadcrumb.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..vietnamese import term_key
from .clean import PICTOGRAPHS, is_headline_like, words
from .lines import LIST_NUMBER, Info, is_shouting
from .pagetitle import page_keys as _page_keys
from .tail import notes_start

# A trail of links; also one whose separators the page's style draws, copied as one line ("Trang chủ Chính trị Xây
# dựng Đảng").
_BREADCRUMB = re.compile(r"[›»>]|\s/\s|\s\|\s|^(?:Trang\s+chủ|Trang\s+nhất|Home)\s+[A-ZĐÀ-Ỹ]")
_OFFICE = re.compile(r"^(?:Trường|Học viện|Viện|Ban|Sở|Báo|Tạp chí|Đài|Đại học|Tỉnh ủy|Huyện ủy|Thành ủy|Đảng ủy|"
                     r"Phòng|Trung tâm|Bộ|Cục|Hội|UBND|Ủy ban|Công an|Cổng thông tin|Trang thông tin|Công đoàn|"
                     r"Đoàn|Chi bộ|Đảng bộ)\b", re.IGNORECASE)  # an office's name: "TRƯỜNG THPT …", "Cổng thông tin …"
SALUTATION = re.compile(r"^(?:kính\s+thưa|thưa|kính\s+gửi|kính\s+chào)\s", re.IGNORECASE)
# A lead paragraph printed without its full stop starts like a sentence: "Sáng 12/5, ...".
_SENTENCE_START = re.compile(r"^(?:Sáng|Chiều|Tối|Trưa|Đêm|Ngày|Hôm nay|Hôm qua|Vừa qua|Những năm qua|"
                             r"Thời gian qua|Năm \d{4}|Trong|Qua|Theo|Thực hiện|Nhằm|Nhân dịp)\b[^,]{0,30},")


@dataclass
class Choice:
    index: int | None = None
    sure: bool = False
    notes: list[str] = field(default_factory=list)


def find_lead(infos: list[Info]) -> int | None:
    """The first paragraph of running text: the lead, or the body's first paragraph."""
    for i, info in enumerate(infos):
        if info.paragraph and not info.widget and not info.name and not info.credit \
                and info.block.hint not in ("caption", "img") and not is_shouting(info.text):
            return i
    return None


def last_paragraph(infos: list[Info]) -> int | None:
    """The article's last paragraph, above the notes a rule or a "Chú thích:" line opens at its end."""
    for i in range(notes_start(infos) - 1, -1, -1):
        if infos[i].paragraph and not infos[i].credit:
            return i
    return None


def skippable(info: Info) -> bool:
    """Lines that may stand between a headline and its lead: date, byline, share buttons..."""
    return bool(info.meta or info.widget or info.name or info.credit_only or info.source or info.image
                or info.label or info.affiliation or info.n_words <= 4)


def _eligible(info: Info, relaxed: bool = False) -> bool:
    if info.image or info.meta or info.widget or info.name or info.credit or info.credit_only or info.source \
            or info.label or info.affiliation:
        return False
    if info.block.hint in ("caption", "img"):
        return False
    text = info.text
    if info.n_words < 2 or not any(ch.isalpha() for ch in text[:400]):
        return False
    if text.startswith("(") and text.endswith(")") or SALUTATION.match(text):
        return False  # "(Tham luận tại Hội nghị …)", "Kính thưa các đồng chí!": a note, a speech's opening
    if _paper_name(text):
        return False  # "Báo Tuyên Quang điện tử" over the page, "Báo Quảng Ngãi" under a phone's address bar
    if _HASHTAGS.match(text):
        return False  # "#TuoiTreKrongPac #LamTheoLoiBac": a post's tags (extract.py reads them)
    if relaxed:  # nothing headline-shaped: a very long headline, or one ending with a full stop
        return len(text) <= 400 and info.n_words <= 70
    return is_headline_like(text, 250) or (text.endswith(("?", "!")) and info.n_words <= 40)


_HASHTAGS = re.compile(r"^(?:#[^\W_]\w*[\s,;]*)+$")
_PAPER_WORD = re.compile(r"^(?:Báo|Tạp\s+chí|Đài)\s+(?=\S)")
_PAPER_END = re.compile(r"\s+(?:điện\s+tử|online|Online|Điện\s+tử)$")


def _paper_name(text: str) -> bool:
    """A paper's name alone ("Báo Quảng Ngãi", "Báo Tuyên Quang điện tử"), not a headline about a paper
    ("Báo Nhân Dân tròn 75 tuổi")."""
    m = _PAPER_WORD.match(text.strip())
    if not m or words(text) > 8:
        return False
    rest = _PAPER_END.sub("", text.strip()[m.end():]).split()
    return bool(rest) and all(w[:1].isupper() or w in ("và", "-", "–") for w in rest)


def _site_headings(infos: list[Info], candidates: list[int], paragraphs: list[int], site_keys: set[str]) -> set[int]:
    """<h1>s that are the site's name or logo, not the article's headline: equal to og:site_name,
    or an all-capitals or office-shaped name far from any lead while a later heading stands right
    above its own lead (a school's portal: "<h1>TRƯỜNG THPT …</h1>", menu, "<h2>headline</h2>")."""
    out = set()
    for i in candidates:
        info = infos[i]
        if info.block.hint != "h1":
            continue
        if info.key and info.key in site_keys:
            out.add(i)
            continue
        lead = _next_paragraph(paragraphs, i)
        if not (is_shouting(info.text) or _OFFICE.match(info.text)) or lead is None or _between(infos, i, lead) < 1:
            continue
        if any(infos[j].block.hint == "heading" and (_between(infos, j, lead) == 0 or _date_next(infos, j))
               for j in candidates if i < j < lead):
            out.add(i)
    return out


def _mastheads(infos: list[Info], candidates: list[int], paragraphs: list[int]) -> set[int]:
    """Lines naming the office that publishes, in capitals, over the headline (a paste from a portal: "BAN TUYÊN
    GIÁO VÀ DÂN VẬN TỈNH ỦY LẠNG SƠN", its date line, then the headline over its lead): an office's name while a
    later candidate stands right above the lead. The date line under the office's name is the page's, not a
    headline's."""
    out = set()
    for i in candidates:
        info = infos[i]
        if info.block.hint == "h1" or not (is_shouting(info.text) and _OFFICE.match(info.text)):
            continue
        lead = _next_paragraph(paragraphs, i)
        if lead is not None and _between(infos, i, lead) >= 1 and any(
                _between(infos, j, lead) == 0 for j in candidates if i < j < lead):
            out.add(i)
    return out


def headline_lines(infos: list[Info], page_titles: list[str] = ()) -> list[int]:
    """The headline-shaped lines before the third paragraph: the candidates for the headline. An <h1>
    that is the page's own title is one wherever it stands: notices of three paragraphs or more (a
    cache's banner, a cookie notice) may stand above it."""
    paragraphs = [i for i, info in enumerate(infos) if info.paragraph]
    end = paragraphs[2] if len(paragraphs) > 2 else min(len(infos), 80)
    page_keys = _page_keys(list(page_titles))
    return [i for i in range(len(infos)) if _eligible(infos[i]) and (
        i < end or infos[i].block.hint == "h1" and infos[i].key and infos[i].key in page_keys)]


def choose_title(infos: list[Info], lead: int | None, page_titles: list[str], site_names: list[str] = ()) -> Choice:
    """The headline: among the lines before the third paragraph (text copied above the headline
    may hold a paragraph or two), the best by shape, nearness to its lead and to a date line."""
    paragraphs = [i for i, info in enumerate(infos) if info.paragraph]
    candidates = headline_lines(infos, page_titles)
    if not candidates:
        candidates = [i for i in range(min(len(infos), (lead or 0) + 1, 15)) if _eligible(infos[i], relaxed=True)]
    if not candidates:
        return Choice(None, False, ["không tìm thấy dòng nào có dạng tiêu đề"])
    page_keys = _page_keys(page_titles)
    counts: dict[str, int] = {}
    for info in infos:
        if info.key:
            counts[info.key] = counts.get(info.key, 0) + 1
    site_keys = {term_key(n) for n in site_names if n}
    site = _site_headings(infos, candidates, paragraphs, site_keys)
    masts = _mastheads(infos, candidates, paragraphs) - site
    scored = sorted(((_score(infos, i, _next_paragraph(paragraphs, i), page_keys, counts, i in site)
                      - 1.5 * sum(1 for p in paragraphs if p < i) - 4 * (i in masts), i) for i in candidates),
                    key=lambda x: (-x[0], x[1]))
    best, index = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else best - 10
    info = infos[index]
    own_lead = _next_paragraph(paragraphs, index)
    strong = (info.block.hint == "h1" and index not in site) or info.key in page_keys or _date_next(infos, index) \
        or (own_lead is not None and _between(infos, index, own_lead) == 0)
    sure = best - runner_up >= 2 and strong
    notes = [] if sure else ["có nhiều dòng giống tiêu đề; hãy kiểm tra tiêu đề"]
    notes += [f"thẻ <h1> “{infos[i].text}” (dòng {infos[i].line}) là tên trang (logo), không phải tiêu đề bài"
              for i in sorted(site) if i != index]
    # An <h1> that is no logo, left above a line chosen over it ("THƯ CHÚC TẾT" over a bold greeting).
    notes += [f"thẻ <h1> “{infos[i].text}” (dòng {infos[i].line}) nằm trên dòng được chọn làm tiêu đề và đã bị bỏ: "
              "hãy xem tiêu đề nào đúng" for i in range(index) if infos[i].block.hint == "h1"
              and i not in site and infos[i].key not in site_keys and not infos[i].image]
    return Choice(index, sure, notes)


def other_articles(infos: list[Info], lead: int | None) -> list[int]:
    """Where further articles start on a list page: after the first article's lead, a headline-shaped
    line with a date line right below it and running text under that date line."""
    starts: list[int] = []
    if lead is None:
        return starts
    for i in range(lead + 1, len(infos)):
        info = infos[i]
        if info.paragraph or info.block.hint in ("li", "caption") or not _eligible(info) or not _date_next(infos, i):
            continue
        date = next(j for j in range(i + 1, len(infos)) if infos[j].meta)
        if any(infos[j].paragraph for j in range(date + 1, min(len(infos), date + 3))):
            starts.append(i)
    return starts


def _next_paragraph(paragraphs: list[int], i: int) -> int | None:
    return next((p for p in paragraphs if p > i), None)


def _between(infos: list[Info], i: int, lead: int) -> int:
    return sum(1 for j in range(i + 1, lead) if not skippable(infos[j]))


def _date_next(infos: list[Info], i: int) -> bool:
    for j in range(i + 1, min(len(infos), i + 4)):
        info = infos[j]
        if info.meta and info.meta.date and not info.meta.today:
            return True
        if not (info.name or info.affiliation or info.label or info.widget):
            return False  # a menu item above a date line printed over the headline does not own it
    return False


def _date_before(infos: list[Info], i: int) -> bool:
    for j in range(i - 1, max(-1, i - 3), -1):
        info = infos[j]
        if info.meta and info.meta.date and not info.meta.today and not info.meta.date.seconds:
            return True
        if info.n_words > 3:
            return False
    return False


def _menu_item_again(infos: list[Info], i: int) -> bool:
    """The line's only other copies stand above it, each in a run of menu items (two short lines
    before it), and none below: the section's name over the article, as its menu prints it."""
    key = infos[i].key
    copies = [j for j in range(len(infos)) if j != i and infos[j].key == key]
    return bool(copies) and all(j < i and j >= 2 and all(
        not infos[k].paragraph and 0 < infos[k].n_words <= 4 for k in (j - 2, j - 1)) for j in copies)


_DECORATED = re.compile(rf"^[{PICTOGRAPHS}]|[{PICTOGRAPHS}]\ufe0f?$")
_FRAMED = re.compile(rf"^[{PICTOGRAPHS}][\ufe0f\u200d{PICTOGRAPHS}]*\s*[^\W_].*[^\W_][”\"!?]?\s*[{PICTOGRAPHS}][\ufe0f\u200d{PICTOGRAPHS}]*$")


def _score(infos: list[Info], i: int, lead: int | None, page_keys: set[str], counts: dict[str, int],
           site: bool = False) -> float:
    info = infos[i]
    text = info.text
    n = info.n_words
    score = 0.0
    if n <= 2:
        score -= 4
    elif n <= 4:
        score -= 1.5
    elif n <= 35:
        score += 2
    else:
        score += 1
    if len(text) > 220:
        score -= 2
    if is_shouting(text):
        score -= 2.5
    if _FRAMED.match(text) or is_shouting(text) and _DECORATED.search(text):
        score += 3  # "🌸🌸 TUỔI TRẺ … 🌸🌸", "📢 TUỔI TRẺ …": a social post's title, over the page's name
    if _BREADCRUMB.search(text):
        score -= 3
    if text.rstrip().endswith(":"):
        score -= 3
    if text[:1].islower():
        score -= 3
    if info.block.hint == "li":
        score -= 1.5
    if _SENTENCE_START.match(text):
        score -= 2
    numbered = bool(LIST_NUMBER.match(text))
    if numbered:
        score -= 1
        if counts.get(info.key, 0) > 1:
            score -= 3  # "1. <headline>" in a list of most-read articles
    elif counts.get(info.key, 0) > 1:
        # the headline repeated by breadcrumbs, lists, the page's title; but a menu's item printed
        # again over the article is its section ("Học tập và làm theo Bác" above the date line)
        score += -3 if _menu_item_again(infos, i) else 1.5
    if lead is not None:
        score += {0: 3.0, 1: 1.5, 2: 0.5}.get(_between(infos, i, lead), 0.0)
    if _date_next(infos, i):
        score += 3
    elif _date_before(infos, i):
        score += 1
    if site:  # the site's name in an <h1>: its place in <title> and its tag say nothing of the article
        return score - 2
    if info.block.hint == "h1":
        score += 6
    elif info.block.hint == "heading":
        score += 1
    if info.key in page_keys:
        score += 5
    return score
