"""An official document (Kế hoạch, Hướng dẫn, Quyết định, Thông báo …) as a party committee or an
office issues it, pasted or saved (a Word file saved as a web page, a portal's copy).

Its head is the issuer ("HUYỆN ỦY HƯƠNG KHÊ", "BAN TUYÊN GIÁO"), the motto ("ĐẢNG CỘNG SẢN VIỆT NAM",
"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"), its number ("Số 45-KH/BTGHU")
and a place-and-date line; then its kind in capitals ("KẾ HOẠCH") over its subject ("tổ chức Hội thi
…", "Về việc …"). The headline is the kind and the subject read as one ("Kế hoạch tổ chức Hội thi …"),
never the motto. Its end is the list of recipients ("Nơi nhận:" and its "- …;" lines) and the
signature ("TM. BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN", "PHÓ BÍ THƯ", "(Đã ký)", the signer's name): both
left out, each line reported, and the signer named in a warning (a signer is no author).
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..vietnamese import normalize
from .byline import person_name
from .clean import Block, words
from .dates import meta_line
from .lines import is_paragraph
from .wrapped import Unwrapped

_KINDS = ("kế hoạch", "hướng dẫn", "quyết định", "chỉ thị", "thông báo", "báo cáo", "nghị quyết", "kết luận",
          "công văn", "tờ trình", "chương trình", "đề án", "quy chế", "quy định", "thông tri", "công điện",
          "lời kêu gọi", "thư kêu gọi", "đề cương", "hướng dẫn tuyên truyền", "đề cương tuyên truyền")
_KIND = re.compile(r"^(?:" + "|".join(k.replace(" ", r"\s+") for k in sorted(_KINDS, key=len, reverse=True))
                   + r")$", re.IGNORECASE)
_SUBJECT_START = re.compile(r"^(?:về|v/v|về\s+việc)\b", re.IGNORECASE)
_RULE = re.compile(r"^[\s_\-–—=*.~·o0]{1,}$")  # "-----", "*", "---o0o---" under the head or the subject
_RECIPIENTS = re.compile(r"^nơi\s+nhận\s*:?\s*", re.IGNORECASE)
_RECIPIENT = re.compile(r"^\s*[-–+•*]\s*\S.{0,150}$")
# "TM. BAN THƯỜNG VỤ", "T/M", "KT. CHỦ TỊCH", "K/T TRƯỞNG BAN", "Q. GIÁM ĐỐC", "TL.", "TUQ.", "PHÓ BÍ THƯ".
_SIGNS_FOR = re.compile(r"^(?:TM|T/M|T\.M|KT|K/T|K\.T|Q|TL|T/L|TUQ|TM\s*\.?\s*BCH)\s*[./]?\s+\S", re.IGNORECASE)
_POSTS = re.compile(r"^(?:PHÓ\s+)?(?:BÍ\s+THƯ|TRƯỞNG\s+BAN|CHỦ\s+TỊCH|GIÁM\s+ĐỐC|CHÁNH\s+VĂN\s+PHÒNG|"
                    r"THƯỜNG\s+TRỰC|HIỆU\s+TRƯỞNG|TRƯỞNG\s+PHÒNG|TỔNG\s+BIÊN\s+TẬP)\b[^a-zà-ỹđ]*$")
_SIGNED = re.compile(r"^\(?\s*(?:đã\s+ký|ký\s+tên(?:,\s*đóng\s+dấu)?|đã\s+ký\s+và\s+đóng\s+dấu|đóng\s+dấu)\s*\)?$",
                     re.IGNORECASE)
HEAD = "đầu văn bản (cơ quan ban hành, quốc hiệu, số, nơi và ngày ký, đường kẻ)"
RECIPIENTS = "nơi nhận của văn bản"
SIGNATURE = "chữ ký của văn bản"
_LOOK = 30  # the kind line stands within the first lines of the page


def _subject(text: str) -> bool:
    if meta_line(text) or not 2 <= words(text) <= 60 or text.rstrip().endswith((".", ":")):
        return False
    return text[:1].islower() or bool(_SUBJECT_START.match(text)) or text.isupper()


# What only a document's head holds: its motto, its number, its place and date.
_MARKED_HEAD = re.compile(r"^(?:ĐẢNG\s+CỘNG\s+SẢN|CỘNG\s+HÒA|CỘNG\s+HOÀ|Số\b|.{2,40},\s+ngày\s+\d)", re.IGNORECASE)


def _typed_subject(text: str) -> bool:
    """A subject typed with a capital first letter, as Word pages print it under the kind ("Tổ chức học tập
    chuyên đề năm 2024 …"): a phrase in sentence case, believed only under a document's head."""
    parts = text.split()
    return (not meta_line(text) and 4 <= len(parts) <= 60 and not text.rstrip().endswith((".", ":"))
            and text[:1].isupper() and parts[1][:1].islower())


def official_document(blocks: list[Block]) -> Unwrapped:
    """The blocks with a document's kind and subject joined into its headline and its recipients
    and signature left out; unchanged when the page is no official document."""
    printed, blocks = blocks, _kind_apart(blocks)
    h1 = next((i for i, b in enumerate(blocks) if b.hint == "h1"), None)
    k = next((i for i, b in enumerate(blocks[:(h1 or 0) + _LOOK]) if i > (h1 if h1 is not None else -1)
              and b.hint in (None, "heading") and _KIND.match(normalize(b.text).strip())), None)
    subject = k is not None and k + 1 < len(blocks) and (
        blocks[k + 1].extra.get("subject") or _subject(blocks[k + 1].text)
        or _typed_subject(blocks[k + 1].text) and any(_head_line(b.text) and _MARKED_HEAD.match(b.text)
                                                     for b in blocks[:k]))
    if not subject \
            or any(is_paragraph(b.text) for b in blocks[:k]):  # an article's text above: its part, no document
        return _signed_only(printed)
    kind = normalize(blocks[k].text).strip()
    kind = kind[:1].upper() + kind[1:].lower()
    subject = blocks[k + 1].text.strip()
    if _typed_subject(subject) and not _CAPITALISED.match(subject):
        subject = subject[:1].lower() + subject[1:]  # "HƯỚNG DẪN" / "Tổ chức học tập …": one headline in sentence case
    shout = subject.isupper()
    title = f"{kind.upper() if shout else kind} {subject}"
    left: list[tuple[Block, str]] = []
    if h1 is None:
        out = blocks[:k] + [replace(blocks[k], text=title, hint="h1")]
    else:  # a portal's page with its own headline over the document: the document's head is left out
        top = k
        while top > h1 + 1 and _head_line(blocks[top - 1].text):
            top -= 1
        left += [(b, HEAD) for b in blocks[top:k]]
        out = blocks[:top]  # the kind and subject: the document's own headline, the page's is the <h1>
        left += [(b, HEAD) for b in blocks[k:k + 2]]
    j = k + 2
    while j < len(blocks) and _RULE.match(blocks[j].text):
        left.append((blocks[j], HEAD))
        j += 1
    rest, end_left, signer = _end(blocks[j:])
    notes = [] if h1 is not None else [
        f"trang là một văn bản ({kind.lower()}): tiêu đề ghép từ tên loại văn bản và trích yếu (dòng "
        + (f"{blocks[k].line}–{blocks[k + 1].line}" if blocks[k].line != blocks[k + 1].line else f"{blocks[k].line}")
        + "); hãy kiểm tra"]
    if signer:
        notes.append(f"văn bản do “{signer}” ký: người ký không phải tác giả bài viết, trường author để trống")
    return Unwrapped(out + rest, left + end_left, notes)


_KIND_FIRST = [re.compile(r"^(" + k.replace(" ", r"\s+") + r")\s+([^\W\d_].*)$", re.IGNORECASE)
               for k in sorted(_KINDS, key=len, reverse=True)]


# Words Vietnamese writes with a capital wherever they stand: "Đảng bộ xã …", "Bác Hồ", "Ủy ban nhân dân …".
_CAPITALISED = re.compile(r"^(?:Đảng|Bác|Quốc hội|Chính phủ|Nhà nước|Mặt trận|Ủy ban|Uỷ ban|Trung ương)\b")


def _kind_and_subject(text: str) -> tuple[str, str] | None:
    """("HƯỚNG DẪN", "tuyên truyền …") for "HƯỚNG DẪN Tuyên truyền …": a kind in capitals and its subject,
    not in capitals, on one line. The subject's first word loses the capital the line gave it unless a
    name starts there (the next word has one too: "Đảng bộ", "Hồ Chí Minh")."""
    text = normalize(text).strip()
    for pattern in _KIND_FIRST:
        m = pattern.match(text)
        # A document's subject is long ("Tuyên truyền kỷ niệm 134 năm …"); a menu's "THÔNG BÁO Lịch tiếp dân" is not.
        if m and m.group(1).isupper() and not m.group(2).isupper() and 4 <= words(m.group(2)) <= 60 \
                and not m.group(2).rstrip().endswith((".", ":")):
            subject = m.group(2)
            second = subject.split()[1:2]
            if second and second[0][:1].islower() and not _CAPITALISED.match(subject):
                subject = subject[:1].lower() + subject[1:]
            return m.group(1), subject
    return None


def _kind_apart(blocks: list[Block]) -> list[Block]:
    """The first line among the first ones that holds a kind and its subject, as two lines (the kind over
    its subject) the way documents print them; a page's <h1> is put in sentence case where it stands."""
    for i, b in enumerate(blocks[:_LOOK]):
        if b.hint not in (None, "heading", "h1") or is_paragraph(b.text):
            continue
        parts = _kind_and_subject(b.text)
        if parts is None:
            continue
        kind = parts[0][:1] + parts[0][1:].lower()
        if b.hint == "h1":
            return blocks[:i] + [replace(b, text=f"{kind} {parts[1]}")] + blocks[i + 1:]
        subject = replace(b, text=parts[1], extra={**b.extra, "subject": True})  # though it opens with "Đảng"
        return blocks[:i] + [replace(b, text=parts[0]), subject] + blocks[i + 1:]
    return blocks


_MOTTO = re.compile(r"^(?:đảng\s+cộng\s+sản\s+việt\s+nam|cộng\s+hòa\s+xã\s+hội\s+chủ\s+nghĩa\s+việt\s+nam|"
                    r"độc\s+lập\s*[-–]\s*tự\s+do\s*[-–]\s*hạnh\s+phúc)$", re.IGNORECASE)
_NUMBER = re.compile(r"^số\s*:?\s*\d+[\w/.-]*$", re.IGNORECASE)  # "Số 86-KH/HU"


def _head_line(text: str) -> bool:
    """A line of a document's head: its issuer in capitals, the motto, its number, the place and date."""
    text = normalize(text).strip()
    meta = meta_line(text)
    return bool(_MOTTO.match(text) or _NUMBER.match(text) or _RULE.match(text) or meta and meta.place
                or text.isupper() and words(text) <= 12)


def _signed_only(blocks: list[Block]) -> Unwrapped:
    """A document whose head this module cannot read ("KẾ HOẠCH Tổ chức …" on one line): still, a
    "Nơi nhận:" list and a signature for an office ("TM. BAN THƯỜNG VỤ") after its text are no article's."""
    last = max((i for i, b in enumerate(blocks) if is_paragraph(b.text)), default=-1)
    after = blocks[last + 1:]
    if not (any(_RECIPIENTS.match(b.text) for b in after) and any(_SIGNS_FOR.match(b.text) for b in after)):
        return Unwrapped(blocks, [], [])
    rest, left, signer = _end(blocks)
    notes = [f"văn bản do “{signer}” ký: người ký không phải tác giả bài viết, trường author để trống"] if signer else []
    return Unwrapped(rest, left, notes)


def _end(blocks: list[Block]) -> tuple[list[Block], list[tuple[Block, str]], str | None]:
    """The text without its recipients and signature (wherever they stand after the last
    paragraph), the lines left out, and the signer's name."""
    last = max((i for i, b in enumerate(blocks) if is_paragraph(b.text) and not _RECIPIENTS.match(b.text)),
               default=-1)
    start = next((i for i, b in enumerate(blocks) if i > last and (_RECIPIENTS.match(b.text)
                  or _SIGNS_FOR.match(b.text) or _POSTS.match(b.text))), None)
    if start is None:
        return blocks, [], None
    kept, left, signer = list(blocks[:start]), [], None
    signing = False
    for b in blocks[start:]:
        text = b.text.strip()
        if _RECIPIENTS.match(text):
            signing = False
            left.append((b, RECIPIENTS))
            if _RECIPIENTS.sub("", text):
                continue
        elif _SIGNS_FOR.match(text) or _POSTS.match(text) or _SIGNED.match(text) or _RULE.match(text):
            signing = True
            left.append((b, SIGNATURE))
        elif signing and signer is None and person_name(text):
            signer = person_name(text)
            left.append((b, SIGNATURE))
        elif not signing and left and left[-1][1] == RECIPIENTS and _RECIPIENT.match(text):
            left.append((b, RECIPIENTS))
        else:
            kept.append(b)
    return kept, left, signer
