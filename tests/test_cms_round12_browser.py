"""The web editor, round 12: what a careful outside tester found in the editor's rich-text body."""
from __future__ import annotations

import pytest

import test_cms_browser
from test_cms_round11_browser import _pasted_body

pytestmark = pytest.mark.browser
served_cms, cms_editor = test_cms_browser.served_cms, test_cms_browser.cms_editor  # the fixtures, here too

# A message copied from Zalo or an e-mail: its paragraphs one a line (<br>), then a poem's stanza and a
# signature block, parted by blank lines (<br><br>).
MESSAGE_HTML = ("<div>Chiều 6/12, Tỉnh ủy Lào Cai tổ chức hội nghị sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW của Bộ "
                "Chính trị.<br>Dự hội nghị có đồng chí Bí thư Tỉnh ủy và các đồng chí trong Ban Thường vụ.<br><br>"
                "Tháp Mười đẹp nhất bông sen, <br>\nViệt Nam đẹp nhất có tên <b>Bác Hồ</b>.<br><br>"
                "TM. BAN THƯỜNG VỤ<br>BÍ THƯ<br>Nguyễn Văn A</div>")


def test_a_pasted_poem_keeps_its_lines_and_pasted_prose_its_paragraphs(cms_editor, served_cms):
    """Every pasted <br> made a paragraph: a poem's lines, an address or a signature block were parted like
    paragraphs (before, a bare line end ran them on as one). Now a run of lines between blank lines whose
    lines are all short (60 characters at most) stays one paragraph with its lines broken ("\\" at a line's
    end, as Shift+Enter is saved); a run with a longer line (prose, a paragraph a line) is a paragraph a line."""
    body = _pasted_body(cms_editor, served_cms, "Bài dán tin nhắn", "bai-dan-tin-nhan",
                        [MESSAGE_HTML, "x", False], rich=True)
    assert body == ("\nChiều 6/12, Tỉnh ủy Lào Cai tổ chức hội nghị sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW của Bộ "
                    "Chính trị.\n\nDự hội nghị có đồng chí Bí thư Tỉnh ủy và các đồng chí trong Ban Thường vụ.\n\n"
                    "Tháp Mười đẹp nhất bông sen,\\\nViệt Nam đẹp nhất có tên **Bác Hồ**.\n\n"
                    "TM. BAN THƯỜNG VỤ\\\nBÍ THƯ\\\nNguyễn Văn A\n")


# A title of one unbroken word (stacked diacritics), then words.
LONG_TITLE = ("ỨngdụngchuyểnđổisốtrongviệchọctậpvàlàmtheotưtưởngđạođứcphongcáchcủaChủtịchHồChíMinh ở Thừa Thiên "
              "Huế " + "Ngườngiêngnghiêng" * 3)


@pytest.mark.parametrize("width", [375, 1280])
def test_a_long_unbroken_title_is_read_whole_in_the_list(cms_editor, served_cms, width: int):
    """The list of articles hid what of a title did not fit its row: a title of one long word lost its end and
    the article's date (" · 19/05/2024") on a phone. Now the title breaks inside the word."""
    root, server = served_cms
    (root / "content" / "articles" / "bai-tieu-de-dai.md").write_text(
        f'---\ntitle: "{LONG_TITLE}"\ndate: 2024-05-19T08:00:00+07:00\n---\n\nThân bài.\n', encoding="utf-8")
    editor = cms_editor(width=width, height=800)
    title = editor.page.locator("[class*=-ListCardTitle]", has_text="Ngườngiêngnghiêng").first
    title.wait_for()
    assert title.inner_text().endswith(" · 19/05/2024")
    sizes = title.evaluate("e => [e.scrollWidth, e.clientWidth, e.closest('li').scrollWidth, e.closest('li').clientWidth]")
    assert sizes[0] <= sizes[1] and sizes[2] <= sizes[3], sizes
    assert editor.errors == []
