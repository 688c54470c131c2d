"""The lines after an article's last paragraph: what of them is the article and what is not.

Conservative: the article's own lines stay (list items continuing its list, footnotes and a
"Chú thích:" / "Tài liệu tham khảo:" section, a quoted slogan, labelled lines such as
"Ngày nhận: …"). Left out, each with its reason: sources, the byline and the office under it,
dates, a signature that is an office or a team, contact lines of the page, and other articles'
links - a line with a link's shape, two or more headline-shaped lines in a row, or one printed
below the article's signature. A single headline-shaped line right after the text is kept and
named in a warning: losing a sentence is worse than showing a link.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .byline import LABEL, MAKER_ROLE, person_name, place_credit
from .clean import PICTOGRAPHS, is_headline_like, words
from .lines import Info
from .links import is_document
from .sections import is_notes_label
from .sources import portal_name

LINK = "liên kết cuối bài"
_LIST_MARK = re.compile(r"^\s*(?:(\d{1,3})\s*[.)]|([a-zđ])\s*\)|([-–+•*▪●◦○·■□◆►➢➤❖✓✔]))\s+\S")
_FOOTNOTE = re.compile(r"^\s*(?:\(\d{1,3}\)|\(\*{1,3}\)\s*\S|\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d{1,3}\s*[.)]\s+(?:Sđd|Tlđd|Ibid|Nt)\b)")
_RULE = re.compile(r"^[\s_\-–—=*.~·]{3,}$")  # a line drawn under the text, above the notes
_QUOTED = re.compile(r"^\s*[“\"«‘'].{2,}[”\"»’'][.!?…]?\s*$")
# "Ngày nhận: …", "Phóng viên: …": a label in lower case after its first letter; a place label
# ("Nghệ An: Tuyên dương …") heads another article's headline.
_LABELLED = re.compile(r"^([^\W\d_]+(?:\s+[^\W\d_]+){0,4})\s*:\s*\S")
_CONTACT = re.compile(r"(?:^|[.;|]\s*)(?:địa chỉ|điện thoại|đt|fax|email|e-mail|hotline|website)\s*:", re.IGNORECASE)
# "Video: Toàn cảnh lễ tuyên dương": a video's caption; with a name after it, it is a byline, read above.
_VIDEO_CAPTION = re.compile(r"^(?:bài\s*(?:và|,|&|\+|/)?\s*)?(?:video|clip)\s*:", re.IGNORECASE)
PLACE_CREDIT = "nơi quay video ghi cuối bài (không phải tên người viết)"
_SIGNATURE = re.compile(r"^(?:nhóm\s+(?:pv|phóng\s+viên|tác\s+giả|thực\s+hiện)|pv|ptv|btv|ctv)\b", re.IGNORECASE)
_LINK_SHAPE = re.compile(r"https?://|www\.|^\s*(?:>>|»|›)|\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)\s*$", re.IGNORECASE)
_PAGES = re.compile(r"^[\d\s.…|<>«»›‹-]*(?:trang\s+(?:sau|trước|tiếp|cuối|đầu)|next|previous|[«»›‹])[\s»›>]*$|"
                    r"^\s*(?:trang|page)?\s*:?\s*\d{1,3}(?:\s*[|,…]?\s*\d{1,3})+\s*(?:[»›>]+|tiếp|sau|cuối|next)?\s*$|"
                    r"^\s*trang\s+\d{1,3}\s*/\s*\d{1,3}\s*$",  # "Trang 1 2 3", "1 | 2 | 3 »", "Trang 2/3"
                    re.IGNORECASE)
# "Địa chỉ bài viết: https://…", "URL: …": the page's own address, printed by a print view.
ADDRESS_LINE = re.compile(r"^[^\W\d_]+(?:\s+[^\W\d_]+){0,4}\s*:\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
PRINTED_ADDRESS = "địa chỉ của trang (bản in)"
SIGNATURE = "ký tên cuối bài (đơn vị, nhóm phóng viên)"
SITE_NAME = "tên trang (báo, cổng thông tin điện tử)"
# Reasons of lines that close an article: a headline below one of them is another article's.
_SIGNED = {"tác giả", "đơn vị của tác giả", "nguồn", "đơn vị đưa tin", "tên, ngày cuối bài", SIGNATURE, SITE_NAME}
# A turn of an interview: "PV: …", "Phóng viên: …", "Ông Nguyễn Văn A: …" at the start of a line.
_TURN = re.compile(r"^((?:PV|P\.V|Phóng viên|[A-ZĐ][^\W\d_]*)(?:\s+[A-ZĐ][^\W\d_]*){0,4})\s*:\s*\S")
# A speech's or a letter's closing words: "Xin trân trọng cảm ơn!", "Chúc Hội nghị thành công tốt đẹp!".
_CLOSING = re.compile(r"^(?:xin\s+)?(?:(?:trân\s+trọng|chân\s+thành|kính)\s+)*(?:cảm\s+ơn|chúc\s+(?:hội\s+nghị|đại\s+hội|"
                      r"các\s+đồng\s+chí|quý\s+vị|toàn\s+thể))\b", re.IGNORECASE)
_SPEECH = re.compile(r"\w\s*:\s*[“\"]\s*\w")  # "… chia sẻ: “…"
# The rest of a long-form page's credits ("Thiết kế: HOÀNG LONG", "Đồ họa: …"): who made it, not who wrote it.
_MAKERS = re.compile(rf"^{MAKER_ROLE}\s*:\s*(.+)$", re.IGNORECASE)
MAKERS = "ghi công người thực hiện (thiết kế, đồ họa, kỹ thuật)"
_CLAUSE = re.compile(r"\w,\s+[a-zà-ỹđ]+\s+[a-zà-ỹđ]")  # a comma, then a clause in lower case
# A line that points to the photos below it ("Một số hình ảnh tại buổi lễ:", "Dưới đây là một số hình ảnh:"), kept
# only when a photo follows: text pasted from a post or a page comes without them.
_PHOTO_POINTER = re.compile(rf"^(?:[-–•*{PICTOGRAPHS}][\ufe0f\u200d]*\s*)?(?:(?:dưới|sau)\s+đây\s+là\s+|mời\s+(?:bạn\s+đọc|quý\s+vị|các\s+bạn)\s+"
                            r"(?:cùng\s+)?(?:xem|điểm\s+qua)\s+|cùng\s+(?:xem|điểm\s+qua)\s+)?(?:một\s+(?:số|vài)\s+)?"
                            r"(?:hình\s+ảnh|ảnh|clip|video)\b[^.!?:]{0,80}:\s*$", re.IGNORECASE)
PHOTO_POINTER = "lời dẫn tới ảnh không có trong bài"


def is_footnote(text: str) -> bool:
    return bool(_FOOTNOTE.match(text))


def notes_start(infos: list[Info]) -> int:
    """Where the notes at the page's end start: a rule ("______") or a "Chú thích:" line with only
    footnotes ("(1) Hồ Chí Minh: Toàn tập…") under it; len(infos) when there are none."""
    end = len(infos)
    while end > 0 and is_footnote(infos[end - 1].text):
        end -= 1
    if end < len(infos) and end > 0 and (_RULE.match(infos[end - 1].text) or is_notes_label(infos[end - 1].text)):
        return end - 1
    if end < len(infos) and _numbered(infos[end:]) and (_marked_above(infos, end) or _signed(infos[end - 1])):
        return end  # "(1) …", "(2) …" ending the page, marked in the text or under the signature: notes, no rule
    end = len(infos)
    while end > 0 and len(infos) - end < _MOST_NOTES and _LISTED_NOTE.match(infos[end - 1].text):
        end -= 1
    if end < len(infos) and end > 0 and _numbered(infos[end:]) and _marked_above(infos, end) \
            and not _list_continues(infos, end):
        return end  # "1. Theo Báo cáo …" under the signature, the text marking "(1)": notes, not a list
    return len(infos)


_LISTED_NOTE = re.compile(r"^\s*\d{1,3}[.)]\s+\S")


def _list_continues(infos: list[Info], end: int) -> bool:
    """The numbered lines go on a list of the text above ("1. …" under "Nhiệm vụ:" or after the list's own items)."""
    above = infos[end - 1].text.rstrip()
    return above.endswith(":") or bool(_LISTED_NOTE.match(above))


_MOST_NOTES = 300
_MARK_NUMBER = re.compile(r"^\s*(?:[(\[](\d{1,3}|\*{1,3})[)\]]|([¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})\s|(\d{1,3})[.)]\s+\S)")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUPERSCRIPT_OF = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _marks(notes: list[Info]) -> list[str] | None:
    """The notes' marks when they are "(*)", "(**)" then 1, 2, … in brackets ("(*) Bài dự thi …", "(1) …",
    "[2] …"), else None."""
    if len(notes) > _MOST_NOTES:
        return None  # a run of thousands of "(n)" lines is no article's notes (and each would be searched for)
    marks = [(m.group(1) or m.group(3) or m.group(2).translate(_SUPERSCRIPTS)) if (m := _MARK_NUMBER.match(info.text))
             else None for info in notes]  # "¹ Hồ Chí Minh: Toàn tập …" and "1. Theo …" are note 1
    numbers = [k for k in marks if k is None or not k.startswith("*")]
    stars = marks[:len(marks) - len(numbers)]
    ok = numbers == [str(n) for n in range(1, len(numbers) + 1)] and stars == ["*" * n for n in range(1, len(stars) + 1)]
    return marks if ok and marks else None


def _numbered(notes: list[Info]) -> bool:
    return _marks(notes) is not None


def _marked_above(infos: list[Info], end: int) -> bool:
    """Each note's mark from ``end`` on stands in the text above them, a number glued to a word or a quote
    ("…tuyên truyền”(1)", "người đứng đầu[2]", "đầu²"), a star anywhere ("Người thầy giữa đại ngàn (*)"): the notes."""
    above = " ".join(info.text for info in infos[:end])
    return all(re.search(rf"\({re.escape(k)}\)" if k.startswith("*") else
                         rf"(?<=[^\s(\[])(?:[(\[]{k}[)\]]|{k.translate(_SUPERSCRIPT_OF)}(?![⁰¹²³⁴⁵⁶⁷⁸⁹]))", above)
               for k in _marks(infos[end:]) or ())


def _signed(info: Info) -> bool:
    """A writer's name alone on its line ("Nguyễn Văn An", "TS. Lê Minh Hải"): the text ends above it."""
    return bool(info.name) and not info.paragraph and info.n_words <= 8


def _list_mark(text: str) -> tuple[str, int] | None:
    """("1", 3) for "3. …", ("a", 2) for "b) …", ("•", 0) for a bullet."""
    m = _LIST_MARK.match(text)
    if m is None:
        return None
    if m.group(1):
        return "1", int(m.group(1))
    if m.group(2):
        return "a", ord(m.group(2)) - ord("a") + 1
    return "•", 0  # every bullet: "+" under "-" is the same list, one level down


def _continues(previous: tuple[str, int] | None, mark: tuple[str, int]) -> bool:
    """The item goes on the list above it: the next number or letter, or the same bullet."""
    if previous is None:
        return mark[1] == 1
    return previous[0] == mark[0] and (mark[1] == previous[1] + 1 or mark[1] == 0)


def _list_before(infos: list[Info], last: int) -> tuple[str, int] | None:
    """The marker of the list item nearest above the last paragraph's end, if the text ends in a list."""
    for j in range(last, max(-1, last - 40), -1):
        mark = _list_mark(infos[j].text)
        if mark is not None or infos[j].block.hint == "li":
            return mark
    return None


def _labelled(text: str) -> bool:
    m = _LABELLED.match(text)
    return bool(m) and not _SPEECH.search(text) and all(w[0].islower() for w in m.group(1).split()[1:])


def is_sentence(text: str) -> bool:
    """A sentence printed without its full stop, not another article's headline: reported speech
    ("…, ông Hòa chỉ cười: “Bác Hồ dạy rồi…”") or a clause continued after a comma in lower case."""
    text = text.rstrip()
    speech = _SPEECH.search(text)
    if speech:  # a speaker's clause before the colon, not a place label ("Hà Giang: “Dân vận khéo”…")
        speaker = text[:speech.start() + 1].split()
        if len(speaker) >= 3 and any(w[:1].islower() for w in speaker):
            return True
    return words(text) >= 12 and bool(_CLAUSE.search(text))


@dataclass(frozen=True)
class Tail:
    source: str | None  # the first source line ("Theo …")
    warnings: tuple[str, ...]
    notes: frozenset[int]  # the article's notes (footnotes): kept, but no evidence of its subject


def tail(infos: list[Info], last: int, used: dict[int, str], keep, places: frozenset[str] = frozenset()) -> Tail:
    """Mark in ``used`` the lines after ``last`` that are not the article, with their reasons.
    ``keep(i)``: the line is a picture's, a caption or a credit and stays."""
    source, warnings, note_lines = None, [], set()
    notes: bool | str = False  # inside the article's notes ("Chú thích:", footnotes); "box": a saved page's box
    listed = _list_before(infos, last)
    first_note = notes_start(infos)  # "1. Theo …" lines the text marks "(1)" are notes too
    candidates: list[int] = []  # headline-shaped lines, each maybe another article's link
    turns = _turns(infos, last)
    for i in range(last + 1, len(infos)):
        info = infos[i]
        text = info.text
        if i in used:
            continue
        mark = _list_mark(text)
        boxed = bool(info.block.extra.get("notes_box"))
        if notes == "box" and not boxed:
            notes = False  # a saved page's box of notes ends where its element does (tags, comments follow)
        if is_notes_label(text) or is_footnote(text) or i >= first_note and not _RULE.match(text):
            notes = "box" if boxed else True
            note_lines.add(i)
            continue
        if _RULE.match(text):
            used[i] = "đường kẻ ngang"
            continue
        if notes and not _LINK_SHAPE.search(text):
            note_lines.add(i)
            continue
        if mark is not None and _continues(listed, mark):
            listed = mark
            continue
        listed = None
        if _PHOTO_POINTER.match(text) and not any(infos[j].image or infos[j].block.hint in ("img", "caption")
                                                   for j in range(i + 1, len(infos))):
            used[i] = PHOTO_POINTER  # "Một số hình ảnh tại buổi lễ:" at the end of a post pasted without its photos
            warnings.append(f"đã bỏ dòng “{text}” (dòng {info.line}): dòng này dẫn tới ảnh nhưng bài không có ảnh "
                            "theo sau; hãy thêm ảnh nếu cần")
            continue
        if place_credit(text, places):  # (under a video's poster too: it is no caption)
            used[i] = PLACE_CREDIT
            continue
        if keep(i) or _QUOTED.match(text) or info.block.extra.get("quote") or any(  # a quote's source stays with it
                is_document(words_, href) for words_, href in info.block.extra.get("links", ())):
            continue  # "Tải về" over the document's file: the article's content, kept as a link
        if info.source:
            used[i] = "nguồn"
            source = source or text
        elif _CONTACT.search(text) and len(text) <= 220:
            used[i] = "chân trang (địa chỉ, liên hệ)"
        elif portal_name(text):  # "CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN SI MA CAI" in the footer: command.py's source
            used[i] = SITE_NAME
        elif info.org and is_headline_like(text) and info.block.hint != "li" and not _MAKERS.match(text):  # "<li>Tổ chức học tập …</li>": an item
            used[i] = "đơn vị đưa tin"
        elif info.name or info.meta:
            used[i] = "tên, ngày cuối bài"
        elif _turn(text) in turns or (_CLOSING.match(text) and words(text) <= 20):
            continue  # "PV: Xin cảm ơn ông!": the interview's last turn, not a signature
        elif (LABEL.match(text) and not _VIDEO_CAPTION.match(text) or _SIGNATURE.match(text)) and words(text) <= 12 \
                and not text.rstrip(" ”\"").endswith("?"):  # "PV: Xin ông cho biết …?": a question, no signature
            used[i] = SIGNATURE
        elif _MAKERS.match(text) and person_name(_MAKERS.match(text).group(1)):
            used[i] = MAKERS
        elif _PAGES.match(text):
            used[i] = "phân trang của trang web"
        elif ADDRESS_LINE.match(text):
            used[i] = PRINTED_ADDRESS
        elif _labelled(text):
            continue  # "Ngày nhận: …", "Phóng viên: …": the article's own line
        elif info.n_words <= 3 and mark is None and info.block.hint != "li":
            used[i] = "nhãn cuối bài"
        elif _LINK_SHAPE.search(text) and len(text) <= 250:
            used[i] = LINK
        elif is_headline_like(text, 200) and mark is None and info.block.hint != "li" and not is_sentence(text):
            candidates.append(i)
    _links(infos, candidates, last, used, warnings)
    return Tail(source, tuple(warnings), frozenset(note_lines))


def _turn(text: str) -> str | None:
    m = _TURN.match(text)
    return m.group(1).lower() if m else None


def _turns(infos: list[Info], last: int) -> set[str]:
    """The speakers' labels of an interview: each opens a line of the text (up to ``last``) and another line
    (a short interview's one question and its "PV: Xin cảm ơn ông!" after the last paragraph)."""
    seen: dict[str, int] = {}
    for info in infos:
        label = _turn(info.text)
        if label is not None and not info.name:
            seen[label] = seen.get(label, 0) + 1
    return {label for label in (_turn(info.text) for info in infos[:last + 1]) if seen.get(label, 0) >= 2}


def _links(infos: list[Info], candidates: list[int], last: int, used: dict, warnings: list[str]) -> None:
    """Headline-shaped lines: links when two or more stand together or when the signature is above
    them; one alone right after the text stays, named in a warning."""
    runs: list[list[int]] = []
    for i in candidates:
        if runs and all(j in used for j in range(runs[-1][-1] + 1, i)):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        below_signature = any(used.get(j) in _SIGNED for j in range(last + 1, run[0]))
        if len(run) >= 2 or below_signature:
            for i in run:
                used[i] = LINK
        else:
            info = infos[run[0]]
            warnings.append(f"dòng {info.line} sau đoạn cuối (“{info.text[:60]}”) giống tiêu đề một bài khác: "
                            "đã giữ trong bài; nếu không thuộc bài, hãy xóa")
