"""Hostile and careless inputs, round 14: line breaks in one-line fields, Range requests to the
preview server, the web editor's admin/ path while [cms] is off."""
from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from bad.kit import errors_of, make_site
from generator.fields import list_item
from generator.frontmatter import one_line

# Every line break Unicode and YAML know that is not "\n" itself: NEL, LS, PS, VT, FF, CR.
BREAKS = ("\u0085", "\u2028", "\u2029", "\x0b", "\x0c", "\r")

SEPARATED = '''---
title: "Dòng một\\u2028dòng hai\\u0085ba\\nbốn\\Pnăm"
date: 2021-05-20
province: "Hà\\u2029Nội"
tags: ["nêu\\u2028gương", "học\\vtập"]
author: "Nguyễn\\LVăn B"
summary: "Tóm\\u2029tắt\\fmột\\r\\nhai"
image: {src: /images/anh.jpg, alt: "Ảnh\\u2028hội nghị", caption: "Chú\\u2028thích"}
source: {name: "Báo\\u2028Nhân Dân", url: "https://nhandan.vn/a"}
---

Nội dung.
'''

TITLE = "Dòng một dòng hai ba bốn năm"


@pytest.mark.parametrize("text, folded", [
    ("a\u2028b", "a b"), ("a \u2029 b", "a b"), ("a\u0085b", "a b"), ("a\n\n  b", "a b"),
    ("a\r\nb", "a b"), ("a\x0bb\x0cc", "a b c"), ("không đổi", "không đổi"), ("a\u00a0b", "a\u00a0b"),
])
def test_one_line_folds_every_line_break_and_its_spaces(text, folded):
    assert one_line(text) == folded


def test_list_items_are_one_line():
    assert list_item("nêu\u2028gương") == "nêu gương"


@pytest.fixture(scope="module")
def separated_site(tmp_path_factory) -> Path:
    root = make_site(tmp_path_factory.mktemp("separated"), {"tach-dong.md": SEPARATED})
    assert errors_of(root) == []
    return root / "output"


def _texts(output: Path):
    for path in sorted(output.rglob("*")):
        if not path.is_file() or path.suffix in (".jpg", ".png", ".woff2", ".avif", ".webp"):
            continue
        raw = path.read_bytes()
        if raw[:2] == b"\x1f\x8b":  # the search index's parts
            raw = gzip.decompress(raw)
        yield path.relative_to(output).as_posix(), raw.decode("utf-8", "replace")


def test_line_breaks_in_one_line_fields_reach_no_output(separated_site):
    """Was: U+2028, U+2029, U+0085 of a title, summary, author, caption or tag in <title>, the cards
    of every list, feed.xml, JSON-LD and the search index (a line broken in the middle of a title)."""
    found = []
    for name, text in _texts(separated_site):
        for mark in ("\u0085", "\u2028", "\u2029", "\\u2028", "\\u2029", "\\u0085"):
            if mark in text:
                found.append((name, mark))
    assert found == []


def test_each_output_carries_the_folded_fields(separated_site):
    page = (separated_site / "bai-viet" / "tach-dong" / "index.html").read_text(encoding="utf-8")
    assert f"<title>{TITLE} – Học tập và làm theo Bác</title>" in page
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert ld["headline"] == TITLE
    assert ld["author"]["name"] == "Nguyễn Văn B"
    assert ld["description"] == "Tóm tắt một hai"
    assert ld["keywords"] == ["Hà Nội", "nêu gương", "học tập"]
    assert "Chú thích" in page and 'alt="Ảnh hội nghị"' in page and "Báo Nhân Dân" in page
    feed = (separated_site / "feed.xml").read_text(encoding="utf-8")
    assert f"<title>{TITLE}</title>" in feed
    index = "".join(text for name, text in _texts(separated_site) if name.startswith("tim-kiem/du-lieu/"))
    assert TITLE in index
    for mark in BREAKS:
        assert f"Dòng một{mark}" not in index


@pytest.mark.parametrize("mark", ["\u2028", "\u2029", "\u0085"])
def test_a_line_separator_in_a_data_file_is_reported_at_its_line(tmp_path, mark):
    """Was: a tag alias "gương\u2028mẫu" in content/data/tags.csv built, its name broken on every page."""
    root = make_site(tmp_path)
    data = root / "content" / "data"
    data.mkdir(parents=True, exist_ok=True)
    (data / "tags.csv").write_text("name,description,aliases\nkể chuyện,Kể chuyện về Bác,\n"
                                   f"gương sáng,Gương người tốt,gương{mark}mẫu\n", encoding="utf-8")
    assert errors_of(root) == [
        f"content/data/tags.csv:3: cột “aliases” có ký tự xuống dòng U+{ord(mark):04X} (thường do chép từ Word "
        "hay trang web); mỗi ô là một dòng: hãy xóa ký tự đó hoặc thay bằng dấu cách"]
    assert not (root / "output").exists()
