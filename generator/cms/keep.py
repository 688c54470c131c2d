"""What a save from the CMS keeps of the article it replaces.

The CMS writes a whole file from its form: the front matter in one style (every text quoted, keys
in the form's order, comments gone) and the body as its editor gives it back. Saved over an
article written by hand or by the importer, that rewrote lines nobody edited. Here the saved
text is merged into the file on disk: a key whose value means the same keeps its original lines
(quoting, comments, date format), keys the form does not know stay where they were, the body
stays byte for byte when its text is the same, and a file with a BOM or CRLF lines keeps them.
"""
from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from ..fields import ARTICLE_FIELDS, FALSE, TRUE, flag_word  # the words the build reads as true and false
from ..errors import ContentError
from ..frontmatter import decode, split
from ..vietnamese import VN, in_zone

# A top-level key line: what the build's locator (frontmatter._TOP_KEY) takes for one.
_TOP_KEY = re.compile(r"""^(?:"([^"]+)"|'([^']+)'|([^\s#:\-'"][^:]*?))\s*:(?:\s|$)""")
# Tables the build also reads written as one text (fields.source_of, fields.image_of): the part it is.
_SHORT = {"source": "name", "image": "src"}
_DATES = ("date", "updated")  # the keys the build reads as moments (source's "date" too)
_FLAGS = ("draft", "date_estimated")  # the keys the build reads as true or false (fields.Checker.flag)
# Lists the build also reads written as their one item (content.read_article's allow_single): a
# "directives: 05-CT/TW" or "tags: x" is an error there, which the CMS's list mends.
_SINGLE = ("province",)


def _blocks(fm_text: str) -> list[tuple[str | None, list[str]]]:
    """The front matter as (key, lines) blocks in order; comments and blank lines between keys are
    blocks of their own (key None), so they stay where they were written. A comment inside a key's
    value (between its indented lines) is part of the key's block."""
    out: list[tuple[str | None, list[str]]] = []
    pending: list[str] = []  # comment and blank lines whose block is not known yet
    for line in fm_text.split("\n"):
        match = _TOP_KEY.match(line)
        if match:
            out += [(None, [text]) for text in pending]
            pending = []
            out.append((next(g for g in match.groups() if g is not None).strip(), [line]))
        elif out and out[-1][0] is not None and line[:1] in (" ", "\t", "-") and line.strip():
            out[-1][1].extend(pending + [line])  # the key's value goes on: an indented line or a "- item"
            pending = []
        else:
            pending.append(line)
    return out + [(None, [text]) for text in pending]


class _Missing:
    """A key the block parser found that the YAML reader did not (never the same as anything)."""

    def __eq__(self, other: object) -> bool:
        return False

    __hash__ = None  # type: ignore[assignment]


def _moment(text: str) -> tuple[datetime, bool] | None:
    try:
        return in_zone(datetime.fromisoformat(text.strip()), VN), bool(re.search(r"\d[T ]\d", text))
    except (ValueError, OverflowError, TypeError):
        return None


def same_meaning(old: Any, new: Any, key: str = "") -> bool:
    """The build reads old and new alike (key: the one old and new are the value of): equal text, the
    same moment written in two ways (2024-05-19 16:27 and 2024-05-19T16:27:00+07:00), a flag's true and
    yes, a source or image written as its name or address and as a table of that one part, a province
    as its name and as a list of it, a table's empty key and none, a list's blank item and none."""
    if old == new:
        return True
    if key in _SHORT and isinstance(old, str) and isinstance(new, dict) and list(new) == [_SHORT[key]]:
        return same_meaning(old, new[_SHORT[key]])
    if key in _SINGLE and isinstance(old, str) and isinstance(new, list) and len(new) == 1:
        return same_meaning(old, new[0])
    if isinstance(old, list) and isinstance(new, list):  # a blank item is none (fields.Checker.texts)
        old, new = ([item for item in items if not (isinstance(item, str) and not item.strip())]
                    for items in (old, new))
        return len(old) == len(new) and all(same_meaning(a, b) for a, b in zip(old, new))
    if isinstance(old, dict) and isinstance(new, dict):  # "name:" in a table is no name (fields.Checker.get)
        old, new = ({k: v for k, v in table.items() if v != ""} for table in (old, new))
        return old.keys() == new.keys() and all(same_meaning(old[k], new[k], k) for k in old)
    if not (isinstance(old, str) and isinstance(new, str)):
        return False
    a, b = old.strip(), new.strip()
    if a == b:
        return True
    if key in _FLAGS and flag_word(a) in TRUE + FALSE and flag_word(b) in TRUE + FALSE:
        return (flag_word(a) in TRUE) == (flag_word(b) in TRUE)
    if key not in _DATES:
        return False
    moments = _moment(a), _moment(b)
    return None not in moments and moments[0] == moments[1]


def _empty(key: str, value: Any) -> bool:
    """A value the build reads as no value: the CMS leaves such keys out of what it writes
    (date_estimated only when it is false, the default)."""
    if key not in ARTICLE_FIELDS:  # a key the build does not know is refused even empty: the save mends it
        return False
    if key == "date_estimated" and isinstance(value, str):
        return flag_word(value) in FALSE
    return value is None or value in ("", [], {}) or (isinstance(value, str) and not value.strip())


def _comments(lines: list[str], value: Any) -> list[str]:
    """The comment lines inside a key's block (between its value's lines), kept when the value is
    re-written or cleared (on lines of their own before it): a line starting with "#", or an indented
    one in a table or list (inside a block scalar "|" an indented "# …" is text)."""
    return [line.lstrip() for line in lines[1:] if line.startswith("#")
            or (isinstance(value, (dict, list)) and line.lstrip().startswith("#"))]


def merged(original: bytes, saved: str, path: str) -> bytes:
    """The bytes to write for a save of `saved` over an article whose file is `original`.

    Falls back to the saved text as it is when either side has no front matter the build reads
    (the backend refuses to save over an unreadable article before this)."""
    try:
        old = split(decode(original, path), path)
        new = split(saved.replace("\r\n", "\n"), path)
    except ContentError:
        return saved.encode("utf-8")
    old_text = decode(original, path)
    head = old_text[:len(old_text) - len(old.body)]   # the front matter, its closing line and blank lines
    closing = head.rstrip("\n").rsplit("\n", 1)[-1]
    blank = len(head) - len(head.rstrip("\n")) - 1  # blank lines between the closing line and the body
    gap = "\n" * (blank if old.body.strip() else max(1, blank))  # a body right after "---" stays there
    new_blocks = {key: lines for key, lines in _blocks("\n".join(new.fm_lines)) if key is not None}
    out: list[str] = []
    for key, lines in _blocks("\n".join(old.fm_lines).rstrip("\n")):
        if key is None:
            out += lines
        elif key in new_blocks:
            replaced = new_blocks.pop(key)
            same = same_meaning(old.meta.get(key, _Missing()), new.meta.get(key, _Missing()), key)
            out += lines if same else _comments(lines, old.meta.get(key)) + replaced
        elif _empty(key, old.meta.get(key, _Missing())):
            out += lines  # the form leaves empty values out: the build reads both alike
        else:
            out += _comments(lines, old.meta.get(key))  # a cleared key's notes stay
    for lines in new_blocks.values():  # keys the editor filled in
        out += lines
    body = old.body if old.body.rstrip() == new.body.rstrip() else new.body
    text = "---\n" + "\n".join(out).rstrip("\n") + "\n" + closing + "\n" + (gap + body if body.strip() else "")
    if not _reads_as(text, new.meta, path):  # front matter this merge cannot follow: the save as sent
        text = saved.replace("\r\n", "\n")
    if b"\r\n" in original and b"\n" not in original.replace(b"\r\n", b""):
        text = text.replace("\n", "\r\n")  # a CRLF file stays one
    return (b"\xef\xbb\xbf" if original.startswith(b"\xef\xbb\xbf") else b"") + text.encode("utf-8")


def _reads_as(text: str, meta: dict, path: str) -> bool:
    """The build reads text's front matter as meta: the values the editor saved, and kept keys empty."""
    try:
        got = split(text, path).meta
    except ContentError:
        return False
    return (all(key in got and same_meaning(got[key], value, key) for key, value in meta.items())
            and all(key in meta or _empty(key, value) for key, value in got.items()))


# Markdown the CMS's rich-text editor cannot hold and drops when it re-writes a body. Every repeat is
# bounded and stops at a line's end: a 2 MB line of "<a<a<a…" is read in linear time.
_FRAGILE = (
    ("căn lề cột của bảng", re.compile(r"^(?=[^\n]{0,2000}:) {0,3}\|? *+:?-++:? *+(?:\| *+:?-++:? *+)*+\|? *+$",
                                      re.MULTILINE)),
    ("ảnh có tiêu đề", re.compile(r"!\[[^\[\]\n]{0,500}+\]\([^()\s]{1,2000}+\s++(?:\"[^\"\n]{0,500}+\"|'[^'\n]{0,500}+')\)")),
    ("chú thích cuối trang", re.compile(r"\[\^[^\[\]\s]{1,100}+\]")),
    ("mã HTML", re.compile(r"<(?:[A-Za-z][A-Za-z0-9-]{0,50}+(?:[\s/][^<>\n]{0,2000}+)?|/[A-Za-z][A-Za-z0-9-]{0,50}+\s*+)>")),
    ("ghi chú HTML", re.compile(r"<!--")),
    ("ký tự thoát", re.compile(r"\\[!-/:-@\[-`{-~]")),
    ("ngắt dòng", re.compile(r"(?:(?<=  )|(?<=\\))\n(?=[^\n])")),
)

_WORDS = re.compile(r"\w+")


def lost_markup(old: str, new: str) -> list[str]:
    """What a re-written body dropped: the kinds of fragile Markdown (_FRAGILE) of which new has fewer
    than old, when new also re-writes lines with their words unchanged (a serializer at work, not an
    editor deleting a paragraph). [] when nothing was lost."""
    new_lines = set(new.split("\n"))
    words_of_new = {tuple(_WORDS.findall(line)) for line in new_lines}
    rewritten = sum(1 for line in old.split("\n") if line.strip() and line not in new_lines
                    and _WORDS.search(line) and tuple(_WORDS.findall(line)) in words_of_new)
    if rewritten < 2:
        return []
    return [what for what, pattern in _FRAGILE if len(pattern.findall(new)) < len(pattern.findall(old))]


def lost_in_save(original: bytes, saved: str, path: str) -> list[str]:
    """lost_markup of the bodies of the article on disk and of its save ([] if either does not read)."""
    try:
        old = split(decode(original, path), path).body
        new = split(saved.replace("\r\n", "\n"), path).body
    except ContentError:
        return []
    return lost_markup(old, new)
