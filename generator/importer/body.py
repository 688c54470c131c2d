"""The body of an article from its lines: paragraphs, headings, sections, lists, quotes, tables,
figures with their captions, and footnotes (``Node``), for frontmatter.body_markdown."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..vietnamese import term_key
from .clean import EM_CLOSE, EM_OPEN, Block, is_headline_like, words
from .lines import CREDIT_ONLY, LIST_NUMBER, Info, image_name, is_shouting
from .sections import in_list, is_notes_label, is_section, subsection

# "·": Word's bullet in the Symbol font; emoji pointing or ticking ("👉", "✅", "📌", with or without the emoji
# variation selector): the bullets of portals and Facebook posts
_OL_ITEM = re.compile(r"^(\d{1,4})\. (\S.*)$")  # htmlsource.py's "1. " before an <ol>'s item
_OL_MARK = re.compile(r"^(\d{1,4}|[a-zA-Z]|[ivxIVX]{1,6})\. (\S.*)$")  # any marker it draws ("a. ", "IV. ")
_TYPED_MARK = re.compile(r"^(?:\d{1,3}|[a-zđA-ZĐ]|[ivxIVX]{1,6})\s*[.)]\s+\S")
LIST_ITEM = re.compile(r"^([-–+•*▪●◦○·■□◆►➢➤❖✓✔✅☑➡▶🔹🔸🔷🔶📌⭐🌟✳❇🔴🔵👉⏩💠])\ufe0f?\s+(\S.*)$")
SUB_BULLETS = ("+", "○", "◦")  # the second level of a list whose items have another bullet (Google Docs: ● then ○)
ORDERED = re.compile(r"^(\d{1,2})\s*[.)]\s+(\S.*)$")  # "1. …", "2) …": an item of a numbered list
_HEADING_MAX_WORDS = 12
SENTENCE = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[“\"(]?[A-ZÀ-ỸĐ0-9])")
_CAPTION_START = re.compile(
    r"^(?:Quang cảnh|Toàn cảnh|Các đại biểu|Đại biểu|Lãnh đạo|Đồng chí|Ông|Bà|Anh|Chị|Em|Cô|Thầy|Đại tá|Thượng tá|"
    r"Trung tá|Thiếu tá|Đại úy|Thượng úy|Trung úy|Thiếu úy|Cán bộ|Lực lượng|Đoàn viên|Đội viên|Các đội viên|Học sinh|"
    r"Hội viên|Người dân|Nhân dân|Bí thư|Chủ tịch|Phó|Giám đốc|Trưởng|Đảng viên|Cựu chiến binh|Chiến sĩ|Thanh niên|"
    r"Các tập thể|Tập thể|Ban Tổ chức|Thường trực|Đoàn công tác|Các em|Giáo viên|Bác sĩ|Tiết mục|Hình ảnh|Một góc)\b")
# Who said the quote above: "— Chủ tịch Hồ Chí Minh", "- Hồ Chí Minh", "(Bác Hồ)", "Hồ Chí Minh".
_ATTRIBUTION_DASH = re.compile(r"^[-–—―]\s*(?=\S)")
_QUOTED = re.compile(r"^[\"“„«'‘].{8,}[\"”»'’][.!?…]?$", re.DOTALL)
_SPEAKER_TITLE = re.compile(r"^(?:(?:Chủ tịch(?: nước)?|Bác|Đồng chí|Đ/c|Cố Tổng Bí thư|Tổng Bí thư|Cố Thủ tướng|"
                            r"Thủ tướng|Đại tướng|Nhà thơ|Nhà văn|Giáo sư|GS\.|Lãnh tụ|Cụ)\s+)+")
# A live page's time stamp over each entry ("09:40", "9h40", "09:40 18/5", "10:15 (GMT+7)"): with two or more
# in the body, each opens an entry, written as a heading with the entry's title when it has one.
_STAMP = re.compile(r"^(?:[01]?\d|2[0-3])\s*[:h]\s*[0-5]\d(?:\s*(?:,\s*)?\d{1,2}/\d{1,2}(?:/\d{4})?)?"
                    r"(?:\s*\(GMT\s*\+\s*7\))?$", re.IGNORECASE)
_ENTRY_TITLE_WORDS = 25
_BAC = {"Hồ Chí Minh", "Hồ Chủ tịch", "Nguyễn Ái Quốc", "Nguyễn Tất Thành"}  # "Hồ Chủ tịch": the Hán-Việt order
_NUMBERED_PHOTO = re.compile(r"^(?:ảnh|hình|hình ảnh|photo)\s*\d{1,2}\s*[:.–-]\s*\S", re.IGNORECASE)
_CAPTION_POSITION = re.compile(r"\((?:bìa|thứ|đứng|ngồi|giữa|bên|từ trái|từ phải|trái|phải|hàng)[^)]*\)", re.IGNORECASE)
_SCENE_VERB = re.compile(
    r"\b(?:phát biểu|trao|tặng|tham quan|giúp|biểu diễn|trao đổi|hướng dẫn|chụp ảnh|thăm|kiểm tra|động viên|"
    r"tham gia|được biểu dương|được khen thưởng|nhận|ra quân|bên|tại hội nghị|tại buổi|tại lễ|dâng hương|"
    r"chăm sóc|sửa|dọn|vệ sinh)\b", re.IGNORECASE)
_ATTENDING = re.compile(r"\b(?:tham dự|dự|chụp ảnh lưu niệm)\b", re.IGNORECASE)  # "Các đại biểu tham dự hội nghị."
_ATTENDING_WORDS = 16  # a longer line saying who attended is a sentence of the text
# Where a copied text had a photo: its alt or a word the page printed in its place ("[Hình ảnh]", "Ảnh").
_PLACEHOLDER = re.compile(r"^[\[(]?\s*(?:ảnh|hình|hình ảnh|ảnh minh họa|ảnh minh hoạ|image|photo|picture)\s*[\])]?$",
                          re.IGNORECASE)
PLACEHOLDER = "chỗ ảnh trong văn bản chép (không có tệp ảnh)"
_CHAPTER = re.compile(r"^(?:Chương|Phần|Kỳ|Kì|Mục)\s+(?:\d{1,2}|[IVX]{1,5}|cuối|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"
                      r"\s*[:.–—-]\s*\S", re.IGNORECASE)
_SAYS = re.compile(r"\w\s*:\s*[“\"«]\s*\w")  # "…, xúc động: “Nhờ …”": someone's words quoted
_CAPTION_WORDS = 40
_TEXT_AFTER_PHOTO = 25


@dataclass(frozen=True)
class Node:
    """One piece of the body: "p", "h", "figure", "caption", "li", "table" or "note" (a footnote,
    written as a paragraph; no evidence of what the article is about). A list item's or a note's
    ``src`` is its marker: "-", "+", or the number of a numbered item ("3.")."""

    kind: str
    text: str
    src: str = ""
    level: int = 0
    line: int = 0
    rows: tuple[tuple[str, ...], ...] = ()  # a table's cells, its first row the header
    quote: int = 0  # the number of the <blockquote> holding it (0: none)
    marked: str = ""  # the text with its emphasis marked (clean.EM_OPEN/EM_CLOSE), when it has some
    strong: bool = False  # a paragraph the page printed all in bold: an interview's question, a lead-in
    alt: str = ""  # a figure's description for readers who cannot see it, when the page gave one
    label: str = ""  # a speaker's label the page printed in bold before the turn ("PV:"), kept bold
    group: int = 0  # the saved page's list holding an item: two lists in a row stay two lists


def body_nodes(infos: list[Info], notes: set[int], saved_page: bool = False
               ) -> tuple[list[Node], list[tuple[Block, str]], list[str]]:
    """The body's nodes from its lines; with the lines left out (a caption printed twice) and the
    warnings. notes: ids of the blocks that are footnotes; saved_page: the lines come from HTML."""
    dropped: list[tuple[Block, str]] = []
    warnings: list[str] = []
    nodes: list[Node] = []
    in_section = False  # under a roman-numbered section ("I. …"): its numbered parts are one level lower
    # A saved page that marks its captions (<figcaption>) marks them all: text under a photo without one is text.
    marks_captions = saved_page and any(info.block.hint == "caption" for info in infos)
    live = sum(1 for info in infos if _STAMP.match(info.text)) >= 2
    turns = dialogue_turns(infos)
    i = 0
    while i < len(infos):
        info = infos[i]
        b = info.block
        if live and _STAMP.match(info.text):
            titled = i + 1 < len(infos) and _entry_title(infos[i + 1])
            text = f"{info.text} – {infos[i + 1].text}" if titled else info.text
            nodes.append(Node("h", text, level=3 if in_section else 2, line=b.line))
            i += 2 if titled else 1
            continue
        if b.hint == "table":
            nodes.append(Node("table", b.text, line=b.line, rows=b.extra["table"].rows))
            i += 1
            continue
        if _PLACEHOLDER.match(info.text) and b.hint is None:  # the photo is gone: the short line under it is its caption
            dropped.append((b, PLACEHOLDER))
            i += 1
            if i < len(infos) and infos[i].block.hint is None and _is_caption_after_image(infos[i]) \
                    and infos[i].n_words <= _CAPTION_WORDS and not infos[i].text.rstrip().endswith(":"):
                nodes.append(Node("caption", infos[i].text, line=infos[i].line))
                i += 1
            continue
        box = _box(infos, i)
        if box:  # "NHỮNG CON SỐ ẤN TƯỢNG" over its figures: a heading and a list
            nodes.append(Node("h", info.text, level=3 if in_section else 2, line=b.line))
            nodes += [Node("li", item.text, src="-", line=item.line) for item in infos[i + 1:i + 1 + box]]
            i += 1 + box
            continue
        numbered = ORDERED.match(info.text) if in_list(infos, i) else None
        if id(b) in notes and (b.hint == "heading" or b.extra.get("bold")) and is_notes_label(info.text):
            # "<h3>Tài liệu tham khảo</h3>" over the references: the page's heading stays a heading
            nodes.append(Node("h", info.text.rstrip(" :"), level=3 if in_section else 2, line=b.line))
            i += 1
            continue
        if id(b) in notes:  # a numbered reference list stays a numbered list
            nodes.append(Node("note", numbered.group(2) if numbered else b.text, line=b.line,
                              src=f"{numbered.group(1)}." if numbered else ""))
            i += 1
            continue
        if b.extra.get("quote"):
            # the quote's last line may name who said it ("<p class="source">Hồ Chủ tịch</p>" in a pull-quote box)
            last_line = i + 1 == len(infos) or infos[i + 1].block.extra.get("quote") != b.extra["quote"]
            said_by = _attribution(info, nodes[-1]) if last_line and nodes and nodes[-1].quote == b.extra["quote"] \
                else None
            nodes.append(Node("p", said_by, line=b.line, quote=b.extra["quote"]) if said_by else _quoted(info))
            i += 1
            continue
        verse = _verse(nodes)
        said_by = _attribution(info, nodes[-1] if nodes else None, quoted=verse > 0)
        if said_by is not None:  # the quote's source goes with it, never a heading or a list item
            quote = nodes[-1].quote or -b.line  # a pasted quote gets a number of its own
            for k in range(len(nodes) - max(verse, 1), len(nodes)):  # a verse's lines are one quote
                nodes[k] = replace(nodes[k], quote=quote)
            nodes.append(Node("p", said_by, line=b.line, quote=quote))
            i += 1
            continue
        if info.image:
            alt = b.extra.get("alt", "") if b.hint == "img" else ""
            alt = alt if _describes(alt, info.image) else ""
            caption = "" if b.extra.get("poster") else alt  # a poster's alt says what it is, no caption
            j = i + 1
            video = None
            if j + 1 < len(infos) and infos[j].block.hint == "video" and infos[j + 1].block.hint == "caption":
                video, j = infos[j], j + 1  # a <video> in a <figure>: the caption is its poster's, the link follows
            chapter = bool(alt and _CHAPTER.match(alt) and any(n.kind in ("p", "figure") for n in nodes))
            # under a chapter's title drawn in a picture, the paragraph opens the chapter: no caption
            below = j < len(infos) and not (chapter and infos[j].block.hint != "caption")
            if below and _is_caption_after_image(infos[j]) and not (
                    (marks_captions or b.extra.get("lead_below") or saved_page and alt and _running_text(infos[j]))
                    and infos[j].block.hint != "caption" and not infos[j].credit and not _italic(infos[j].block)):
                # "Ảnh: Minh Đức" under a photo with a description: the credit goes after it, not instead
                caption = (alt if alt.endswith((".", "!", "?", "…")) else alt + ".") + " " + infos[j].text \
                    if alt and CREDIT_ONLY.match(infos[j].text) else infos[j].text
                j += 1
                while j < len(infos) and infos[j].key and infos[j].key == term_key(caption):
                    dropped.append((infos[j].block, "chú thích ảnh in hai lần"))
                    j += 1
                if j < len(infos) and CREDIT_ONLY.match(infos[j].text):
                    caption = f"{caption} {infos[j].text}"
                    j += 1
            if chapter and caption == alt:
                # an eMagazine's chapter title drawn in a picture (not the page's first): a heading readers and the
                # outline see, the picture after it without the same words again under it
                nodes.append(Node("h", alt, level=2, line=b.line))
                caption = ""
            nodes.append(Node("figure", caption, src=info.image, line=b.line, alt=alt))
            if video is not None:
                nodes.append(Node("p", video.text, line=video.block.line))
            i = j
            continue
        text = info.text
        drawn = _OL_MARK.match(text) if b.hint == "li" else None
        if drawn and _TYPED_MARK.match(drawn.group(2)):
            text = drawn.group(2)  # "<ol style="list-style:none"><li>1. …": the page typed its numbers, drew none
        twice = i + 1 < len(infos) and info.key and infos[i + 1].key == info.key
        if twice:
            dropped.append((infos[i + 1].block, "chú thích ảnh in hai lần"))
        item = LIST_ITEM.match(text)
        if i in turns:  # "- Thưa ông, …?": a turn, never a list item
            nodes.append(Node("p", text, line=b.line, marked=_marked(b, text), strong=bool(b.extra.get("bold")),
                              label=_label(b, text)))
        elif b.hint == "li" and _OL_ITEM.match(text):  # an <ol>'s item with the number the page draws
            number, rest = _OL_ITEM.match(text).groups()
            nodes.append(Node("li", rest, src=f"{number}.", level=_depth(b, nodes), line=b.line,
                              marked=_marked(b, rest), group=b.extra.get("list", 0)))
        elif b.hint == "li" or item:
            body = item.group(2) if item else text
            marker = item.group(1) if item else "-"
            nested = marker in SUB_BULLETS and bool(nodes) and nodes[-1].kind == "li" and \
                (nodes[-1].level == 1 and nodes[-1].src == marker or nodes[-1].level == 0 and nodes[-1].src != marker)
            nodes.append(Node("li", body, src=marker, level=max(int(nested), _depth(b, nodes)), line=b.line,
                              marked=_marked(b, body), group=b.extra.get("list", 0) if b.hint == "li" else 0))
        elif numbered:  # its number written as it stands, never a heading or a paragraph "1\\. …"
            nodes.append(Node("li", numbered.group(2), src=f"{numbered.group(1)}.", line=b.line))
        elif b.hint == "caption" or info.credit or twice or _looks_like_caption(infos, i, saved_page):
            nodes.append(Node("caption", text, line=b.line))
            if _NUMBERED_PHOTO.match(text):
                warnings.append(f"dòng {b.line} “{text[:50]}” có lẽ là chú thích của một ảnh không có trong tệp: "
                                    "hãy chép ảnh vào bài hoặc xóa dòng này")
        elif is_section(info):
            in_section = True
            nodes.append(Node("h", text, level=2, line=b.line))
        elif subsection(infos, i, in_section):
            nodes.append(Node("h", text, level=3 if in_section else 2, line=b.line))
        elif b.hint == "heading" and not info.paragraph or (b.hint is None and _looks_like_heading(infos, i)
                                                                  and not in_list(infos, i)):
            nodes.append(Node("h", text, level=3 if in_section and LIST_NUMBER.match(text) else 2, line=b.line))
        else:  # "<p><strong>Thưa ông, …?</strong></p>": the question stays told apart from the answer
            nodes.append(Node("p", text, line=b.line, marked=_marked(b, text), strong=bool(b.extra.get("bold")),
                              label=_label(b, text)))
        i += 2 if twice else 1
    return nodes, dropped, warnings


_TURN = re.compile(r"^[-–—]\s+\S")


def _depth(b: Block, nodes: list[Node]) -> int:
    """How deep an HTML list item is nested (a <ul> inside an <li>): at most one level below the item above."""
    depth = b.extra.get("depth", 0) if b.hint == "li" else 0
    above = nodes[-1].level + 1 if nodes and nodes[-1].kind == "li" else 0
    return min(depth, above)


# An answer ends a sentence ("."/"!"/"…", a closing quote or bracket after it); a list's item ends with ";", ",",
# ":" or nothing.
_SENTENCE_DONE = re.compile(r"[.!…][\"”’)*_]*$")
_ANSWER_WORDS = 6  # "- Vâng." answers too, but a list's last item ("- Giúp đỡ hộ nghèo.") is as short


def dialogue_turns(infos: list[Info]) -> set[int]:
    """The indexes of the lines that are turns of an interview printed as dialogue, each opening with a dash
    ("- Thưa ông, …?", "- Chúng tôi …"): written as paragraphs with their dash, never as a list.

    A dialogue needs a question answered: a dash line ending with "?" right above a dash line of prose (a sentence
    of six words or more ending with "." "!" "…"), or a lone dash question right above a paragraph of running
    text, not announced by a line ending with ":". One answered question makes the interview (a one-question
    interview, a Q&A box in a report); two questions and three dash lines do too when a question is followed by a
    short reply ("- Vâng."). Then every run of dash lines is turns but a list announced by ":" (its items end with
    ";" or nothing). Dash lines that only ask ("Các câu hỏi đặt ra: - Làm sao …? - Ai …?"), with no answer among
    them, are a list of the questions the article poses."""
    dashed = [i for i, info in enumerate(infos) if info.block.hint != "li" and _TURN.match(info.text)]
    runs: list[list[int]] = []
    for i in dashed:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    answered = [run for run in runs if any(_answered(infos, i, run) for i in run)]
    if not answered and sum(1 for i in dashed if _question(infos[i])) >= 2 and len(dashed) >= 3:
        answered = [run for run in runs if any(_replied(infos, i, run) for i in run)]
    if not answered:
        return set()
    turns: set[int] = set()
    for run in runs:
        if run in answered or not _announced(infos, run[0]) or any(_answered(infos, i, run, True) for i in run):
            turns.update(run)
    return turns


def _question(info: Info) -> bool:
    return info.text.rstrip(" *_”\"’)").endswith("?")


# A line announcing an interview ("Phóng viên đã có cuộc trao đổi với ông A:"), not a list
_INTERVIEW = re.compile(r"\b(?:phỏng\s+vấn|trao\s+đổi|trò\s+chuyện|PV|phóng\s+viên)\b", re.IGNORECASE)


def _announced(infos: list[Info], i: int) -> bool:
    """The line above line i announces a list ("Các câu hỏi đặt ra:", "Xã đề ra ba nhiệm vụ:"), not an interview."""
    above = infos[i - 1].text.rstrip(" *_") if i > 0 else ""
    return above.endswith(":") and not _INTERVIEW.search(above)


def _answered(infos: list[Info], i: int, run: list[int], announced: bool = False) -> bool:
    """Line i is a dash question with its answer right under it. ``announced``: a question after a line ending
    with ":" ("Phóng viên trao đổi với ông A:") answered by a paragraph without a dash counts too."""
    if not _question(infos[i]) or i + 1 >= len(infos):
        return False
    after = infos[i + 1]
    if after.block.hint in ("li", "heading", "h1", "img", "caption", "table") or after.image or _question(after):
        return False
    if i + 1 in run:  # "- Chúng tôi đã …": a dash answer, prose
        return bool(_SENTENCE_DONE.search(after.text.rstrip())) and after.n_words >= _ANSWER_WORDS
    # "Chúng tôi đã …" without a dash under a question standing alone; a question announced by ":" is a list's
    return len(run) == 1 and (announced or not _announced(infos, i)) and after.paragraph and not after.meta


def _replied(infos: list[Info], i: int, run: list[int]) -> bool:
    """Line i is a dash question with a dash reply under it that is no list's item ("- Vâng.", not "- …;")."""
    return _question(infos[i]) and i + 1 in run and not _question(infos[i + 1]) \
        and bool(_SENTENCE_DONE.search(infos[i + 1].text.rstrip()))


def _entry_title(info: Info) -> bool:
    """The line under a live page's time stamp is its entry's title: a heading, or a short line in bold or
    without a sentence's end."""
    b = info.block
    if info.image or b.hint in ("img", "li", "table", "caption", "video") or b.extra.get("quote") \
            or _STAMP.match(info.text) or info.n_words > _ENTRY_TITLE_WORDS:
        return False
    return b.hint in ("heading", "h1") or bool(b.extra.get("bold")) or not info.text.rstrip().endswith((".", "…", ":"))


_VERSE_LINES, _VERSE_WORDS = 12, 14
_OPENS_QUOTE = re.compile(r"^[*_]*[\"“„«]")
_CLOSES_QUOTE = re.compile(r"[\"”»][.!?…]?[*_]*$")


def _verse(nodes: list[Node]) -> int:
    """How many paragraphs at the end of ``nodes`` are one quotation printed a line a paragraph (a verse of
    Bác's: “Không có việc gì khó / … / Quyết chí ắt làm nên”): the first opens a quotation mark the last
    closes, no line between does either, each line short. 0 when they are not."""
    if not nodes or nodes[-1].kind != "p" or nodes[-1].quote or not _CLOSES_QUOTE.search(nodes[-1].text):
        return 0
    for k in range(len(nodes) - 1, max(-1, len(nodes) - 1 - _VERSE_LINES), -1):
        node = nodes[k]
        if node.kind != "p" or node.quote or len(node.text.split()) > _VERSE_WORDS:
            return 0
        if _OPENS_QUOTE.match(node.text):
            count = len(nodes) - k
            return count if count >= 2 and not any(_CLOSES_QUOTE.search(n.text) for n in nodes[k:-1]) else 0
        if k < len(nodes) - 1 and _CLOSES_QUOTE.search(node.text):
            return 0
    return 0


def _attribution(info: Info, previous: Node | None, quoted: bool = False) -> str | None:
    """The line as the source of the quote just above it ("— Chủ tịch Hồ Chí Minh"), or None: a short
    line after a <blockquote>, a paragraph all in quotation marks or a verse (``quoted``), opening with a dash, in brackets,
    or naming a speaker (with a title, or printed in italics or bold)."""
    b = info.block
    if previous is None or b.hint in ("heading", "h1", "li", "img", "caption", "table") or info.image:
        return None
    if not (previous.quote or quoted or previous.kind == "p" and _QUOTED.match(previous.text)):
        return None
    text = info.text.strip()
    if info.n_words > 14 or len(text) > 120 or text.endswith(":") or info.meta:
        return None
    if re.search(r"[.!?…,;]$", text) and not re.search(r"\b\w\.$", text):
        return None  # "- Tôi khỏe, cảm ơn anh.": a turn of a dialogue, not who said it
    dash = _ATTRIBUTION_DASH.match(text)
    if dash:
        rest = text[dash.end():]
        return "— " + rest if rest[:1].isupper() or rest[:1] == "(" else None
    if text.startswith("(") and text.endswith(")") and text[1:2].isupper():
        return text
    titled = _SPEAKER_TITLE.match(text)
    name = text[titled.end():] if titled else text
    if name in _BAC:
        return "— " + text
    parts = name.split()
    if not 1 <= len(parts) <= 5 or not all(w[:1].isupper() for w in parts):
        return None
    if titled or _italic(b) or b.extra.get("bold") and len(parts) >= 2:
        return "— " + text
    return None


def _marked(block: Block, text: str) -> str:
    """The block's emphasised text when the node shows the block's text unchanged."""
    marked = block.extra.get("marked", "")
    return marked if marked and block.text == text else ""


def _label(block: Block, text: str) -> str:
    """The speaker's label in bold opening the block (``extra["bold_label"]``), when the node shows the block's text."""
    label = block.extra.get("bold_label", "")
    return label if label and block.text == text and text.startswith(label) else ""


def _quoted(info: Info) -> Node:
    """A line of a <blockquote>: a paragraph (or list item) of the quote, never a heading or caption."""
    b = info.block
    kind = "li" if b.hint == "li" else "p"
    return Node(kind, b.text, src="-" if kind == "li" else "", line=b.line, quote=b.extra["quote"],
                marked=_marked(b, b.text), group=b.extra.get("list", 0) if kind == "li" else 0)


_GENERIC_ALT = re.compile(r"^(?:ảnh|hình|hình ảnh|ảnh minh họa|ảnh minh hoạ|image|img|photo|picture|thumbnail|"
                          r"avatar|banner|logo)(?:\s*\d+)?$", re.IGNORECASE)


def _describes(alt: str, src: str) -> bool:
    """An <img alt> that describes the picture: words, not a file name, "ảnh" or the headline's slug."""
    return (words(alt) >= 2 and not _GENERIC_ALT.match(alt.strip()) and image_name(alt) is None
            and alt.strip().lower() != src.rsplit(".", 1)[0].lower())


def _is_caption_after_image(info: Info) -> bool:
    b = info.block
    if b.hint == "caption":
        return True
    if b.hint in ("img", "heading", "h1", "li", "table", "video") or b.extra.get("quote") or info.image:
        return False
    return len(b.text) <= 300 or info.credit


def _running_text(info: Info) -> bool:
    """A paragraph of two sentences or more and 25 words: under a photo whose alt already says what it shows
    (an AMP page, a page without <figcaption>), it is the article going on, not a caption."""
    return info.n_words >= _TEXT_AFTER_PHOTO and bool(SENTENCE.search(info.text.rstrip(". ")))


def _looks_like_caption(infos: list[Info], i: int, saved_page: bool = False) -> bool:
    """A caption printed without "Ảnh:": a short scene description standing between paragraphs. A
    saved page keeps its pictures: there a scene is a caption only beside one, or in italics."""
    text = infos[i].text
    n = infos[i].n_words
    if _NUMBERED_PHOTO.match(text) and n <= 40:
        return True  # "Ảnh 1: Bác sĩ … thăm khám", left where the photo was
    if not 2 <= n <= 32 or text.rstrip().endswith(":") or SENTENCE.search(text.rstrip(". ")) or _SAYS.search(text):
        return False  # "Bà Lệ, một hộ được giúp đỡ, xúc động: “…”": a photo's caption quotes no one
    before = infos[i - 1] if i > 0 else None
    after = infos[i + 1] if i + 1 < len(infos) else None
    if after is not None and not (after.paragraph or after.image):
        return False
    if before is not None and not (before.paragraph or before.image):
        return False
    if before is None and after is None:
        return False
    if re.match(r"^(?:Quang cảnh|Toàn cảnh|Một góc)\b", text) or _CAPTION_POSITION.search(text):
        return True
    if saved_page and not ((before and before.image) or (after and after.image) or _italic(infos[i].block)):
        return False  # "Chị Hạnh, công nhân …, đề xuất cải tiến giúp tiết kiệm …": a sentence of the text
    return bool(_CAPTION_START.match(text) and (_SCENE_VERB.search(text)
                                                or n <= _ATTENDING_WORDS and _ATTENDING.search(text)))


def _italic(block: Block) -> bool:
    marked = block.extra.get("marked") or ""
    return marked.startswith(EM_OPEN) and marked.endswith(EM_CLOSE) and marked.count(EM_OPEN) == 1


def _looks_like_heading(infos: list[Info], i: int) -> bool:
    text = infos[i].text
    if not (is_headline_like(text, 120) and words(text) <= _HEADING_MAX_WORDS):
        return False
    if text.endswith(("?", "!")) or not (text[0].isupper() or text[0].isdigit()):
        return False
    if i + 1 >= len(infos):
        return False
    nxt = infos[i + 1]
    if nxt.block.hint in ("img", "heading") or nxt.image:
        return False
    return nxt.paragraph or LIST_ITEM.match(nxt.text) is not None


def _box(infos: list[Info], i: int) -> int:
    """How many short lines stand under a box's title in capitals ("NHỮNG CON SỐ ẤN TƯỢNG" over
    "100% xã đạt chuẩn …"): its items, or 0 when the line is no such title."""
    info = infos[i]
    if info.block.hint is not None or not is_shouting(info.text) or not is_headline_like(info.text, 100) \
            or words(info.text) > _HEADING_MAX_WORDS:
        return 0
    count = 0
    for item in infos[i + 1:]:
        b = item.block
        if b.hint is not None or b.extra.get("quote") or item.image or item.paragraph or item.meta \
                or not is_headline_like(item.text, 120) or words(item.text) > 15 or is_shouting(item.text):
            break
        count += 1
    return count if count >= 2 else 0
