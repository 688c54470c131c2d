"""Text pasted into the web editor's Markdown body from Word, Google Docs or a web page (lamtheobac-cms.js
pastedMarkdown, under node): the clipboard's plain text made Markdown by rules."""
from __future__ import annotations

import pytest

from test_cms import run_js


def pasted(text: str) -> str:
    (result,) = run_js([{"op": "pastedMarkdown", "text": text}])
    assert "ok" in result, result
    return result["ok"]


WORD_TEXT = ("Học tập và làm theo Bác\u00a0\r\n\u00a0\r\nĐoạn\u00a0hai của  bài.\r\n"
             "·\tMục một\r\n·\tMục\u00a0hai\r\no\tÝ nhỏ\r\n1.\tBước một\r\n2.\tBước hai\r\n"
             "Tỉnh\tSố mô hình\r\nLào Cai\t12\r\nYên | Bái\t7\r\n   Đoạn cuối\t\r\n")
WORD_MARKDOWN = ("Học tập và làm theo Bác\n\nĐoạn hai của bài.\n\n"
                 "- Mục một\n- Mục hai\n- Ý nhỏ\n1. Bước một\n2. Bước hai\n\n"
                 "| Tỉnh | Số mô hình |\n| --- | --- |\n| Lào Cai | 12 |\n| Yên \\| Bái | 7 |\n\nĐoạn cuối")


def test_word_text_pasted_into_the_markdown_body_is_markdown():
    """Word's plain text pasted into the body (its Markdown mode, the one it opens in) was saved as it came:
    its paragraphs, one a line, made one paragraph on the site; no-break spaces stayed between words and
    alone on lines; bullets "·<tab>" and a table's tab-split cells stayed. Now a blank line parts the
    paragraphs, items are "- " and "1. ", the rows a table, spaces plain."""
    assert pasted(WORD_TEXT) == WORD_MARKDOWN


@pytest.mark.parametrize("text, expected", [
    ("Một dòng", "Một dòng"),
    ("Chữ\tcách tab một dòng", "Chữ cách tab một dòng"),            # one line with a tab: words, no table
    ("A\tB\nC\tD\tE", "A B\n\nC D E"),                                # rows of unlike widths: no table
    ("\u2022\tGạch\n\u2022\tĐầu dòng", "- Gạch\n- Đầu dòng"),        # Google Docs' and web pages' bullet
    ("Giá 1.\tkhông phải số", "Giá 1. không phải số"),                # a number not at the line's start
])
def test_pasted_text_rules(text: str, expected: str):
    assert pasted(text) == expected


def test_a_line_separator_in_the_body_is_saved_as_a_markdown_line_break():
    """A paste keeps a poem's lines in their paragraph as line separators (U+2028, test_cms_round12_browser):
    saved as they came, the build ran them on as one line; now "\\" ends each, as Shift+Enter is saved."""
    from test_cms import written
    text = written({"title": "Thơ", "body": "Tháp Mười đẹp nhất bông sen, \u2028Việt Nam đẹp nhất có tên Bác Hồ.\n\nHết"})
    assert text.split("---\n", 2)[2] == "\nTháp Mười đẹp nhất bông sen,\\\nViệt Nam đẹp nhất có tên Bác Hồ.\n\nHết\n"


@pytest.mark.parametrize("text, expected", [
    # Word's Shift+Enter (a vertical tab in its plain text): the lines of one paragraph, a Markdown line break
    ("Tháp Mười đẹp nhất bông sen, \u000bViệt Nam đẹp nhất có tên Bác Hồ.\r\nĐoạn sau.\r\n",
     "Tháp Mười đẹp nhất bông sen,\\\nViệt Nam đẹp nhất có tên Bác Hồ.\n\nĐoạn sau."),
    ("Dòng một\u2028dòng hai", "Dòng một\\\ndòng hai"),                  # a line separator, the same
    ("·\tMục\u000bmột\r\n", "- Mục một"),                               # in a list item: a space
])
def test_a_line_break_inside_a_pasted_paragraph_is_a_markdown_line_break(text: str, expected: str):
    """Word writes a line break inside a paragraph (Shift+Enter: a poem's lines, an address) as a vertical tab
    in its plain text: pasted into the Markdown body it was saved as that control character, and the site ran
    the lines on as one. Now it is a Markdown line break ("\\" at the line's end)."""
    assert pasted(text) == expected
