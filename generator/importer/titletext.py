"""A chosen headline's text cleaned of what a sender typed around it (split out of headline.py)."""
from __future__ import annotations

import re
import unicodedata

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
