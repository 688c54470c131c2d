"""The parts of an article in its blocks: headline, date, lead (sapo), byline, body.

Works on the blocks left after boilerplate removal, by shape and position (lines.py says
what each line looks like, headline.py scores headline and date candidates). Nothing is
dropped silently: every block left out of the article is kept in ``dropped`` with the
reason, for the import report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..vietnamese import format_date, term_key, weekday
from .authors import find_author
from .body import LIST_ITEM, SENTENCE, Node, body_nodes
from .byline import person_name
from .clean import EMOJI_TAIL, PICTOGRAPHS, Block, without_link_words, words
from .credits import credit_name, photographer_byline, story_credit
from .dates import Dateline
from .datechoice import choose_date
from .headline import choose_title, find_lead, headline_lines, last_paragraph, other_articles, skippable
from .letters import letter_warning
from .lines import Info, classify, has_credit, image_name
from .series import OTHER_PART, other_parts
from .notemarks import notes_last, summary_marks
from .pagetitle import label_before_page_title, page_title_headline
from .sources import byline_paper
from .tail import is_footnote
from .titletext import clean_title
from .topandtail import HASHTAGS, speech_opening, top_and_tail

__all__ = ["Extracted", "Node", "extract", "image_name", "person_name", "has_credit", "cap_summary", "HASHTAGS"]

_FIELDS = ("sapo", "tác giả", "dòng ngày đăng")  # lines made into fields, not left out
SUMMARY_LIMIT = 300
SUMMARY_SLACK = 40
_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-ZĐ]{1,4}|[A-ZĐ][a-zđ]{1,2}[A-ZĐ]?|[A-ZĐ][a-zđ]?|v\.v|St|Tp|tr|Th\.S)\.$")
OTHER_ARTICLE = "bài khác trên cùng trang (trang danh sách)"
_ABSTRACT = re.compile(r"^(?:tóm\s+tắt|tóm\s+lược|abstract)\s*:\s*(?=\S)", re.IGNORECASE)  # a paper's label
# "📅 Sáng 9/6, …": a post's emoji before its lead, no words of the summary (a page's description)
_PICTOGRAPHS = re.compile(rf"^[{PICTOGRAPHS}][\ufe0f\u200d{PICTOGRAPHS}]*\s+")


@dataclass
class Extracted:
    title: str | None = None
    title_capitals: bool = False  # printed in capitals (over several lines), to be written in sentence case
    title_stand_in: bool = False  # no headline printed: the first sentence stands in for one
    title_line: int | None = None
    title_sure: bool = False
    date: Dateline | None = None
    date_line: int | None = None
    date_sure: bool = False
    date_signed: bool = False  # from a document's place-and-date line: the day it was signed
    date_updated: bool = False  # the line says only when the article was changed ("Cập nhật lúc 10:20, …")
    out_of_range: tuple[int, int, str] | None = None  # (year, line, text) of an impossible date line
    summary: str | None = None
    summary_line: int | None = None
    author: str | None = None
    author_line: int | None = None
    author_text: str | None = None  # the author's line as printed: a saved page's lines may share one line number
    author_sure: bool = False
    author_check: str | None = None  # why the editor should check the author (the front matter's comment)
    source_name: str | None = None
    source_url: str | None = None  # the article's address a print view prints ("Địa chỉ bài viết: https://…")
    body: list[Node] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dropped: list[tuple[Block, str]] = field(default_factory=list)
    notes: set[int] = field(default_factory=set)  # ids of the blocks that are the article's footnotes

    @property
    def figures(self) -> list[Node]:
        return [n for n in self.body if n.kind == "figure"]


def cap_summary(text: str, limit: int = SUMMARY_LIMIT) -> tuple[str, str | None]:
    """(summary, what stays in the body): whole sentences up to about ``limit`` characters.

    A lead that fits is the summary and leaves nothing. A longer one gives its first
    sentences and leaves the rest of the paragraph to the body; a first sentence far too
    long is cut at a word and ends with "…", and the whole paragraph stays in the body."""
    if len(text) <= limit + SUMMARY_SLACK:
        return text, None
    taken = ""
    for m in SENTENCE.finditer(text):
        head = text[:m.start()].rstrip()
        if _ABBREVIATION.search(head):
            continue
        if len(head) > limit + SUMMARY_SLACK:
            break
        taken = text[:m.end()]
    if taken.strip():
        return taken.strip(), text[len(taken):].strip()
    cut = text[:limit]
    clause = max(cut.rfind("; "), cut.rfind(", "))
    cut = cut[:clause] if clause > limit * 2 // 3 else cut[:cut.rfind(" ")] if " " in cut else cut
    return cut.rstrip(" ,;:–-") + "…", text


def extract(blocks: list[Block], places: frozenset[str] = frozenset(), page_titles: list[str] = (),
            site_names: list[str] = (), saved_page: bool = False) -> Extracted:
    out = Extracted()
    blocks, cut = without_link_words(blocks)
    out.dropped += [(b, "chữ của đường dẫn cuối đoạn") for b in cut]
    out.warnings += [f"đoạn ở dòng {b.line} bị trang rút gọn (“{b.text}”): trang chỉ hiện phần đầu bài; hãy mở hết "
                     "bài trên trang gốc rồi chép lại" for b in cut if b.extra.get("shortened")]
    tables = [(i, b) for i, b in enumerate(blocks) if b.hint == "table"]  # body structure, not lines to weigh
    order = {id(b): i for i, b in enumerate(blocks)}
    blocks = [b for b in blocks if b.hint != "table"]
    infos = classify(blocks, places)
    lead = find_lead(infos)
    if saved_page and lead is not None and not headline_lines(infos, list(page_titles)):
        blocks, infos, lead = _headline_from_page_title(blocks, infos, lead, page_titles, site_names, places, out)
        order.update({id(b): order[id(blocks[j + 1])] - 0.5 for j, b in enumerate(blocks) if id(b) not in order})
    chosen = choose_title(infos, lead, list(page_titles), list(site_names))
    if chosen.index is not None and infos[chosen.index].paragraph and _ENDS_SENTENCE.search(infos[chosen.index].text) \
            and not headline_lines(infos, list(page_titles)):
        # No headline printed (a social post): its first sentence stands in, the paragraph stays the lead
        blocks, infos = _headline_from_first_sentence(blocks, infos, chosen.index, places, out)
        order.update({id(b): order[id(blocks[j + 1])] - 0.5 for j, b in enumerate(blocks) if id(b) not in order})
        lead = find_lead(infos)
        chosen = choose_title(infos, lead, list(page_titles), list(site_names))
        chosen = replace(chosen, sure=False)
    if chosen.index is None:
        out.warnings.append("không tìm thấy tiêu đề")
        return out
    t = chosen.index
    after = find_lead(infos[t + 1:])
    lead = t + 1 + after if after is not None else None  # the first paragraph under the headline
    starts = other_articles(infos, lead)
    if starts:  # a list page: the first article is imported, the others reported, none merged into it
        cut = order[id(infos[starts[0]].block)]
        out.dropped += [(info.block, OTHER_ARTICLE) for info in infos[starts[0]:]]
        out.dropped += [(b, OTHER_ARTICLE) for i, b in tables if i > cut]
        tables = [(i, b) for i, b in tables if i < cut]
        out.warnings.append(f"trang có vẻ chứa nhiều bài (trang danh sách): chỉ nhập bài đầu; {len(starts)} bài sau "
                            "để ra ngoài (" + "; ".join(f"“{infos[i].text}”, dòng {infos[i].line}" for i in starts[:3])
                            + ("; …" if len(starts) > 3 else "") + "): hãy nhập từng bài riêng")
        infos = infos[:starts[0]]
    out.title, out.title_line, out.title_sure = infos[t].text.rstrip(), infos[t].line, chosen.sure
    out.title_capitals = bool(infos[t].block.extra.get("capitals"))
    out.title_stand_in = bool(infos[t].block.extra.get("stand_in"))
    out.warnings += chosen.notes
    letter = letter_warning(infos, list(page_titles))
    if letter:
        out.warnings.append(letter)
    labelled = label_before_page_title(out.title, list(page_titles))
    if labelled is not None:
        out.title = labelled[0]
        out.dropped.append((Block(labelled[1], infos[t].line), "nhãn chuyên mục trước tiêu đề"))
    out.title, notes = clean_title(out.title)
    out.warnings += notes
    if not out.title:  # nothing but tags or symbols: no headline
        out.title = None
        return out
    used: dict[int, str] = {}
    for i in range(t):
        used[i] = "trên tiêu đề"
    text_above = [infos[i] for i in range(t) if infos[i].paragraph]
    if text_above:
        out.warnings.append(f"đã bỏ {len(text_above)} đoạn văn phía trên dòng tiêu đề (dòng "
                            + ", ".join(str(i.line) for i in text_above[:5]) + "): hãy xem đó có phải nội dung bài không")
    title_key = term_key(out.title)
    for i in range(t + 1, len(infos)):
        if infos[i].key == title_key or (len(infos[i].text) <= 2 * len(title_key) + 20
                                         and term_key(infos[i].text) == title_key):
            used[i] = "tiêu đề lặp lại"
    for i in other_parts(infos, t, out.title):
        used[i] = OTHER_PART
    last = last_paragraph(infos)
    last = last if last is not None and last > t else None
    _date(infos, t, lead, last, used, out)
    sapo, rest = _summary(infos, t, used, out)
    find_author(infos, t, lead, sapo, last, used, out)
    top_and_tail(infos, t, sapo, last, used, out, places)
    if out.author is None:  # "Ảnh: Nguyễn Văn A" alone under a long-form: the photographer signs it
        photographer_byline(infos, t, sapo, last, used, out)
    if out.source_name is None and out.author_text is not None:
        out.source_name = byline_paper(out.author_text)
    for i, reason in sorted(used.items()):
        if reason not in _FIELDS:
            out.dropped.append((infos[i].block, reason))
    kept = [info for i, info in enumerate(infos) if i > t and i not in used]
    if saved_page and _cover(infos, t):  # an eMagazine's cover photo right over its headline: the featured image
        kept.insert(0, infos[t - 1])
        infos[t - 1].block.extra["lead_below"] = True  # the paragraph now under it is the text, no caption
        out.dropped = [(b, why) for b, why in out.dropped if b is not infos[t - 1].block]
    if sapo is not None and sapo > 0 and infos[sapo - 1].image:
        # A photo over the lead (a featured image): the paragraph after the lead, now next to it, is no caption.
        infos[sapo - 1].block.extra["lead_below"] = True
    if rest is not None and sapo is not None:
        position = sum(1 for i, _info in enumerate(infos) if t < i < sapo and i not in used)
        rest_block = Block(rest, infos[sapo].line)
        order[id(rest_block)] = order[id(infos[sapo].block)]
        kept.insert(position, Info(rest_block, paragraph=True, n_words=words(rest)))
    kept = _with_tables(kept, tables, order, order[id(infos[t].block)], out)
    credit = story_credit(kept)
    if credit is not None:  # "Ảnh: ĐỨC THỤY" after a photo story: its author, not the last caption
        line = kept.pop(credit)
        name = credit_name(line.text)
        if out.author is None and name:
            out.author, out.author_line, out.author_sure = name, line.line, True
            out.warnings = [w for w in out.warnings if not w.startswith("không tìm thấy tên tác giả")]
        else:
            out.dropped.append((line.block, "ghi công ảnh của cả bài (phóng sự ảnh)"))
    out.summary = summary_marks(out.summary, kept, out.notes)
    kept = notes_last(kept, sapo, infos, out)
    out.body, dropped, warnings = body_nodes(kept, out.notes, saved_page)
    out.dropped += dropped
    out.warnings += warnings
    if not out.body:  # a paste cut short: said, never written silently
        out.warnings.append("bài không có nội dung ngoài tiêu đề" + (" và sapo" if out.summary else "")
                            + ": hãy kiểm tra đã chép đủ bài chưa")
    return out


def _headline_from_page_title(blocks: list[Block], infos: list[Info], lead: int, page_titles, site_names,
                              places: frozenset[str], out: Extracted) -> tuple[list[Block], list[Info], int | None]:
    """A saved page that prints no headline in its text (only a date line over its lead) has it in
    <title>: that headline is put above the date lines over the lead, and the editor told."""
    title = page_title_headline(list(page_titles), list(site_names))
    if title is None:
        return blocks, infos, lead
    k = lead
    while k > 0 and skippable(infos[k - 1]) and not infos[k - 1].paragraph:
        k -= 1
    at = next(j for j, b in enumerate(blocks) if b is infos[k].block)
    blocks = blocks[:at] + [Block(title, infos[k].line, "h1")] + blocks[at:]
    out.warnings.append(f"trang không in tiêu đề trong bài: tiêu đề lấy từ thẻ <title> của trang (“{title}”); "
                        "hãy kiểm tra")
    infos = classify(blocks, places)
    return blocks, infos, find_lead(infos)


_TITLE_WORDS = 20  # a first sentence longer than this is cut at a word for the stand-in headline
_ENDS_SENTENCE = re.compile(r"[.!?…][\"”’)\]]*" + EMOJI_TAIL)  # running text, not a long headline


def _headline_from_first_sentence(blocks: list[Block], infos: list[Info], k: int, places: frozenset[str],
                                  out: Extracted) -> tuple[list[Block], list[Info]]:
    """A text that prints no headline, only running text: its first sentence put above it as the headline
    (cut at a word when long), the editor told to write one."""
    text = infos[k].text
    first = next((m for m in SENTENCE.finditer(text) if not _ABBREVIATION.search(text[:m.start()].rstrip())), None)
    sentence = (text[:m.start()] if (m := first) else text).strip().rstrip(".…:; ")
    pieces = sentence.split()
    if len(pieces) > _TITLE_WORDS:
        sentence = " ".join(pieces[:_TITLE_WORDS - 5]).rstrip(",;:–-") + "…"
    at = next(j for j, b in enumerate(blocks) if b is infos[k].block)
    blocks = blocks[:at] + [Block(sentence, infos[k].line, "h1", {"stand_in": True})] + blocks[at:]
    out.warnings.append(f"trang không có dòng tiêu đề (dòng {infos[k].line} đã là đoạn văn): tiêu đề tạm lấy từ câu "
                        f"đầu bài (“{sentence}”); hãy viết tiêu đề cho bài")
    return blocks, classify(blocks, places)


def _with_tables(kept: list[Info], tables: list[tuple[int, Block]], order: dict, title: int,
                 out: Extracted) -> list[Info]:
    """The body's lines with the tables back in their places; a table above the headline is left out."""
    merged: list[Info] = []
    pending = [(i, b) for i, b in tables if i > title]
    out.dropped += [(b, "trên tiêu đề") for i, b in tables if i < title]
    for info in kept:
        place = order.get(id(info.block), -1)
        while pending and pending[0][0] < place:
            merged.append(Info(pending.pop(0)[1]))
        merged.append(info)
    merged += [Info(b) for _i, b in pending]
    return merged


def _date(infos: list[Info], t: int, lead: int | None, last: int | None, used: dict, out: Extracted) -> None:
    choice = choose_date(infos, t, lead, last)
    top_end = (lead + 3) if lead is not None else t + 6
    for i, info in enumerate(infos):
        if info.meta is not None and i > t and (i < top_end or (last is not None and i > last)):
            used.setdefault(i, "dòng ngày tháng")
    if choice.index is None:
        out.warnings.append("không tìm thấy ngày đăng trên trang")
        return
    info = infos[choice.index]
    used[choice.index] = "dòng ngày đăng"
    if info.meta.date is None:
        out.out_of_range = (info.meta.out_of_range, info.line, info.text)
        return
    out.date, out.date_line, out.date_sure = info.meta.date, info.line, choice.sure
    if not out.date.weekday_matches:
        out.date_sure = False
        out.warnings.append(f"thứ ghi trên dòng ngày “{info.text}” không khớp: "
                            f"{format_date(out.date.moment)} là {weekday(out.date.moment)}")
    out.date_signed = bool(info.meta.place)
    out.date_updated = info.meta.updated and not info.meta.published
    if info.meta.place and not choice.sure:  # "Hà Nội, ngày 12 tháng 3 năm 2024": a document's dateline, no clock
        out.warnings.append(f"ngày lấy từ dòng địa danh, ngày tháng của văn bản “{info.text}” (dòng {info.line}): đó là "
                            "ngày ký văn bản, có thể khác ngày đăng trên trang; hãy kiểm tra")
    elif not choice.sure and info.block.extra.get("breadcrumb"):
        out.warnings.append(f"ngày lấy từ cuối dòng đường dẫn của trang (breadcrumb) “{info.text}” (dòng {info.line}): "
                            "trang không in ngày ở chỗ khác; hãy kiểm tra đó là ngày đăng")
    elif not choice.sure and choice.index < t:
        out.warnings.append(f"ngày lấy từ dòng “{info.text}” (dòng {info.line}) nằm trên tiêu đề, không ghi giờ: có thể "
                            "là đồng hồ của trang, không phải ngày đăng; hãy kiểm tra")
    elif not choice.sure:
        out.warnings.append(f"ngày đăng lấy từ dòng “{info.text}” (dòng {info.line}) ở xa tiêu đề: hãy kiểm tra")


def _summary(infos: list[Info], t: int, used: dict, out: Extracted) -> tuple[int | None, str | None]:
    """The lead's index, and what of it stays in the body when the summary is cut short."""
    for i in range(t + 1, len(infos)):
        info = infos[i]
        if i in used or skippable(info) or info.credit or info.block.hint in ("caption", "img", "subtitle", "video"):
            continue  # Word's Subtitle under its Title: a second headline over the lead, kept in the body
        if info.block.hint in ("li", "h1") or LIST_ITEM.match(info.text):
            break
        if speech_opening(info):
            continue  # "(Trích bài phát biểu …)", "Kính thưa …!": a speech's note and opening, kept in the body
        if is_footnote(info.text):
            continue  # "(*) Tham luận tại Hội thảo …" under the headline: a note, which goes to the end of the text
        if info.paragraph or info.n_words > 20:
            text = _PICTOGRAPHS.sub("", _ABSTRACT.sub("", info.text))
            bold = info.block.extra.get("bold_lead", "")
            if bold and text.endswith(info.text[len(bold):]) and words(bold) >= 8:
                # "<b>Sapo.</b> Body…": the lead is the bold sentences, the rest of the paragraph opens the body
                tail = info.text[len(bold):].strip()
                out.summary, rest = cap_summary(text[:len(text) - len(tail)].strip())
                rest = f"{rest} {tail}" if rest else tail
            else:
                out.summary, rest = cap_summary(text)
            out.summary_line = info.line
            used[i] = "sapo"
            return i, rest
        break
    out.warnings.append("không tìm thấy đoạn mở đầu (sapo) ngay sau tiêu đề; để trống summary")
    return None, None


# A site's own pictures over an article: its logo, banner, icons, the reporter's avatar, an advert.
_FURNITURE_PICTURE = re.compile(r"logo|banner|icon|avatar|header|\bads?\b|quang-?cao|\bqc\b|sprite|bg[-_.]|"
                                r"background|placeholder|blank|spacer|pixel|loading", re.IGNORECASE)


def _cover(infos: list[Info], t: int) -> bool:
    """The line right over the headline is a photo of the article's own (an eMagazine's or a long-form's cover,
    printed over its title), not the site's logo or banner: nothing but the photo stands between the page's
    furniture and the headline."""
    if t == 0 or not infos[t - 1].image or infos[t - 1].block.hint != "img":
        return False
    src = infos[t - 1].block.extra.get("src") or infos[t - 1].image
    return not _FURNITURE_PICTURE.search(src) and not _FURNITURE_PICTURE.search(infos[t - 1].block.extra.get("alt") or "")
