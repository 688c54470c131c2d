"""A chosen headline's text cleaned of what a sender typed around it (split out of headline.py)."""
from __future__ import annotations

import re
import unicodedata

from .syllables import is_syllable

_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
# What a sender (a message, an e-mail, a form) writes before the headline it sends: "TIN BÀI:", "Tiêu đề:", "Tít:".
_SUBMISSION_LABEL = re.compile(r"^(?:tiêu\s+đề|tít|tên\s+bài(?:\s+viết)?|tin\s+bài|bài\s+viết|bài\s+gửi|tin\s+gửi|"
                               r"title)\s*:\s*", re.IGNORECASE)


def clean_title(title: str) -> tuple[str, list[str]]:
    """HTML tags typed into a pasted title ("<b>mạnh mẽ</b>") and emoji ("📌") out, with a note
    for each kind removed."""
    notes = []
    tags = _HTML_TAG.findall(title)
    if tags:
        title = _HTML_TAG.sub("", title)
        notes.append("đã bỏ thẻ HTML trong tiêu đề: " + " ".join(tags))
    symbols = [ch for ch in title if unicodedata.category(ch) == "So" or ch in "\ufe0f\u200d"]
    if symbols:
        title = "".join(ch for ch in title if ch not in symbols)
        notes.append("đã bỏ biểu tượng (emoji) trong tiêu đề: " + "".join(symbols))
    title = re.sub(r"\s+", " ", title).strip(" -–—|:") if tags or symbols else title
    label = _SUBMISSION_LABEL.match(title)
    if label and title[label.end():].strip():  # "TIN BÀI: …", "Tiêu đề: …": a sender's label, no words of the headline
        title = title[label.end():].strip()
        notes.append(f"đã bỏ nhãn “{label.group().strip()}” trước tiêu đề")
    if re.search(r"[^\W\d]{2}[”\"’]?\.$", title):  # "… làm theo Bác.": a headline has no full stop ("TP.HCM" keeps its)
        title = title[:-1]
        notes.append("đã bỏ dấu chấm cuối tiêu đề")
    return title, notes


def _mixed(word: str) -> bool:
    """A capital after a small letter inside a word of letters opening with a capital ("HọC", "ĐOàN")."""
    return word.isalpha() and word[:1].isupper() and any(a.islower() and b.isupper() for a, b in zip(word, word[1:]))


def mixed_case_words(title: str) -> list[str]:
    """The Vietnamese words of a headline typed with a small letter among capitals ("HọC", "CƯơNG", "ĐOàN"): a
    slip of the editor's keyboard, named for the editor and never changed. Names spelt so ("TikTok", "ThS",
    "VnExpress") are no Vietnamese syllables and are not named."""
    out = []
    for raw in title.split():
        word = raw.strip("“”\"‘’'()[]{},.;:!?…-–—/")
        if _mixed(word) and is_syllable(word.lower()):
            out.append(word)
    return out


def in_capitals_but(title: str, mixed: list[str]) -> bool:
    """A headline in capitals but for the small letters of its mistyped words ("BIÊN CƯơNG VỮNG CHẮC …")."""
    letters = [c for c in " ".join(w.upper() if w.strip("“”\"‘’'()[]{},.;:!?…-–—/") in mixed else w
                                   for w in title.split()) if c.isalpha()]
    return bool(mixed) and len(letters) > 3 and all(c.isupper() for c in letters)


CAPITALS_CHECK = "tiêu đề viết toàn chữ in hoa: hãy viết lại chữ thường, chỉ viết hoa chữ đầu và tên riêng"


def mistyped_case_check(title: str) -> str | None:
    """The front matter's note on a headline with words mistyped in case, the headline left as written."""
    mixed = mixed_case_words(title)
    if not mixed:
        return None
    typed = "có từ gõ lẫn chữ hoa và chữ thường (" + ", ".join(f"“{w}”" for w in mixed) + "): hãy sửa lỗi gõ"
    return f"{CAPITALS_CHECK}; {typed}" if in_capitals_but(title, mixed) else f"tiêu đề {typed}"
