"""A paste copied out of an e-mail: an article a commune's or a school's correspondent sent to the
editors, with the message's header ("Từ: …", "Đã gửi: …", "Đến: …", "Chủ đề: Gửi bài: …"), a note to
the editors ("Kính gửi Ban biên tập, …") and the sender's signature under "--".

Left as it is, the header gives the headline ("Đến: bbt@…") and the date, and the note the lead. When
two or more header lines, one of them naming the sender, stand together, the paste is an e-mail: its
header lines are left out (the day it was sent is not the day the article was published), its subject
without "Fwd:", "Gửi bài:" … stays as a headline candidate when the text does not print it, the note
that opens with a salutation and runs to the first blank line is left out, and so is everything under
a signature's "--". Each is reported.

An e-mail saved as a page (Outlook's or Thunderbird's "Save as" .htm, ``MsoNormal`` paragraphs) prints
its header as a table of two cells a row ("From:" | "Nguyễn Thị Lan …"): the table's rows are read as
header lines. A page's paragraphs carry no blank lines, so there the note is the salutation and the short
lines after it that speak to the editors ("Em xin gửi bài …, mong Ban biên tập xem xét đăng tải").
"""
from __future__ import annotations

import re

from ..vietnamese import term_key
from .clean import Block
from .wrapped import Unwrapped

HEADER = "đầu thư điện tử (người gửi, người nhận, ngày gửi, chủ đề)"
NOTE = "lời nhắn của người gửi thư"
SIGNATURE = "chữ ký thư điện tử"
_FIELD = re.compile(r"^(?P<name>Từ|From|Người gửi|Đã gửi|Gửi lúc|Ngày gửi|Ngày|Sent|Date|Đến|To|Tới|Người nhận|Cc|Bcc|"
                    r"Chủ đề|Tiêu đề|Subject|Trả lời|Reply-To)\s*:\s*(?P<value>\S.*)$", re.IGNORECASE)
_SENDER = {"từ", "from", "người gửi"}
_SUBJECT = {"chủ đề", "tiêu đề", "subject"}
_FORWARDED = re.compile(r"^-{2,}\s*(?:Forwarded message|Thư đã chuyển tiếp|Tin nhắn đã chuyển tiếp|Original Message|"
                        r"Thư gốc)\s*-{2,}$", re.IGNORECASE)
_PREFIXES = re.compile(r"^(?:(?:Fwd?|FW|TV|Re|Trả lời|Chuyển tiếp|Gửi bài|Bài gửi|Gửi tin|Tin bài|V/v|Vv)\s*:\s*)+",
                       re.IGNORECASE)
_SALUTATION = re.compile(r"^(?:Kính gửi|Kính thưa|Thân gửi|Gửi Ban biên tập|Xin chào|Chào|Dear|Hi|Hello)\b",
                         re.IGNORECASE)
_SIGN_OFF = re.compile(r"^--\s*$")
_LOOK = 12  # the header stands among the first lines (after a forwarder's note perhaps)
_NOTE_LINES = 4
_TEXT_WORDS = 20  # a line this long is running text: a header stands above it
_TO_EDITORS = re.compile(r"\b(?:ban biên tập|bbt|tòa soạn|quý báo|xin gửi|gửi bài|gửi tin|gửi kèm|đăng tải|xem xét|"
                         r"trân trọng|xin cảm ơn|cảm ơn)\b", re.IGNORECASE)
_NOTE_WORDS = 40  # a line of the note is no longer than this


def unmail(blocks: list[Block], saved: bool = False) -> Unwrapped:
    """The e-mail's article without its header, note and signature; the paste as it is when no header
    is found. ``saved``: blocks of a saved page (its header may be a table, its note has no blank line)."""
    blocks = _header_table(blocks) if saved else blocks
    fields = _header(blocks)
    names = {_FIELD.match(blocks[i].text)["name"].lower() for i in fields}
    if len(fields) < 2 or not names & _SENDER:
        return Unwrapped(blocks, [], [])
    last = fields[-1]
    header = [i for i in range(fields[0], last + 1) if _FIELD.match(blocks[i].text) or _FORWARDED.match(blocks[i].text)
              or not blocks[i].text.strip()]
    if fields[0] > 0 and _FORWARDED.match(blocks[fields[0] - 1].text):
        header.insert(0, fields[0] - 1)
    left_out = [(blocks[i], HEADER) for i in header]
    rest = [b for i, b in enumerate(blocks) if i > last or (i < header[0])]
    subject = next((_PREFIXES.sub("", m["value"]).strip() for i in fields
                    if (m := _FIELD.match(blocks[i].text))["name"].lower() in _SUBJECT), "")
    out: list[Block] = []
    if len(subject.split()) >= 4 and not any(term_key(b.text) == term_key(subject) for b in rest):
        out.append(Block(subject, blocks[fields[0]].line))  # the headline the text does not print
    rest, note = _without_note(rest, header[0], saved)
    left_out += [(b, NOTE) for b in note]
    for k, b in enumerate(rest):
        if _SIGN_OFF.match(b.text):
            left_out += [(s, SIGNATURE) for s in rest[k:]]
            rest = rest[:k]
            break
    notes = ["văn bản chép từ thư điện tử: đã bỏ đầu thư (người gửi, người nhận, ngày gửi, chủ đề)"
             + (", lời nhắn gửi Ban biên tập" if note else "")
             + "; ngày gửi thư không phải ngày đăng bài, hãy kiểm tra"]
    return Unwrapped(out + rest, left_out, notes)


def _header(blocks: list[Block]) -> list[int]:
    """The header's field lines: the first run of them, one after another, before any running text."""
    fields: list[int] = []
    for i, b in enumerate(blocks[:_LOOK]):
        if b.hint is None and _FIELD.match(b.text):
            if fields and i != fields[-1] + 1:
                break
            fields.append(i)
        elif fields or len(b.text.split()) >= _TEXT_WORDS:
            break  # the run ended, or the article started before any header
    return fields


def subject(title: str) -> str:
    """A subject line without "Fwd:", "Gửi bài:" …: the headline it names."""
    return _PREFIXES.sub("", title).strip()


def _header_table(blocks: list[Block]) -> list[Block]:
    """The blocks with a header table among the first ones read as its field lines ("From: …")."""
    for k, b in enumerate(blocks[:_LOOK]):
        table = b.extra.get("table") if b.hint == "table" else None
        if table is None:
            continue
        cells = [[c.strip() for c in row if c.strip()] for row in table.rows]
        # "From:" | "…" in every row, three rows or more: a table of dates ("Từ" | "1/3", "Đến" | "31/3") is none
        lines = [f"{row[0].rstrip(':').strip()}: {' '.join(row[1:])}" for row in cells
                 if len(row) >= 2 and row[0].endswith(":")]
        if len(lines) == len(cells) >= 3 and all(_FIELD.match(line) for line in lines):
            return blocks[:k] + [Block(line, b.line) for line in lines] + blocks[k + 1:]
    return blocks


def _without_note(rest: list[Block], first: int, saved: bool = False) -> tuple[list[Block], list[Block]]:
    """The blocks after the header without the sender's note to the editors: a salutation and the lines
    after it up to the first blank line (at most four); on a saved page, the short lines after it that
    speak to the editors."""
    if first >= len(rest) or not _SALUTATION.match(rest[first].text):  # rest[first]: the first block under the header
        return rest, []
    start = end = first
    if saved:
        while end + 1 < len(rest) and end + 1 - start < _NOTE_LINES and _TO_EDITORS.search(rest[end + 1].text) \
                and len(rest[end + 1].text.split()) <= _NOTE_WORDS:
            end += 1
        return rest[:start] + rest[end + 1:], rest[start:end + 1]
    while end + 1 < len(rest) and end + 1 - start < _NOTE_LINES and rest[end + 1].line == rest[end].line + 1:
        end += 1
    if end + 1 < len(rest) and rest[end + 1].line == rest[end].line + 1:
        return rest, []  # no blank line after it: the note runs into the text, which is kept whole
    return rest[:start] + rest[end + 1:], rest[start:end + 1]
