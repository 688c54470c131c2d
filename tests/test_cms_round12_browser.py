"""The web editor, round 12: what a careful outside tester found in the editor's rich-text body."""
from __future__ import annotations

import pytest

import test_cms_browser
from test_cms_browser import open_entry, wait_for_file
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


# 230 letters: its address of all its words would pass the build's limit (MAX_SLUG, 200).
TITLE_230 = ("Ứng dụng chuyển đổi số trong việc học tập và làm theo tư tưởng, đạo đức, phong cách của Chủ tịch Hồ Chí "
             "Minh ở Thừa Thiên Huế: Người Ngườngiêngnghiêngnghiêngnghiêngnghiêngnghiêngnghiêng đẹp nhất có tên Bác "
             "Hồ, tháp Mười đẹp nhất bông sen")
ADDRESS_230 = ("ung-dung-chuyen-doi-so-trong-viec-hoc-tap-va-lam-theo-tu-tuong-dao-duc-phong-cach-cua-chu-tich-ho-chi-"
               "minh-o-thua-thien-hue-nguoi-nguongiengnghieng")


def test_a_new_article_with_a_very_long_title_is_saved_under_its_first_words(cms_editor, served_cms):
    """A new article whose title made an address over 200 letters could not be saved ("tiêu đề bài mới quá dài
    để làm địa chỉ bài … Hãy rút gọn tiêu đề"). Now its file name is made of the title's first 150 letters;
    the title is saved whole; a second article of the same title gets "-1", not the first one's file."""
    root, server = served_cms
    articles = root / "content" / "articles"
    for n, name in enumerate((ADDRESS_230, ADDRESS_230 + "-1")):
        editor = cms_editor()
        page = editor.page
        page.get_by_role("link", name="Tạo bài thuộc loại bài viết").click()
        page.get_by_label("Tiêu đề").fill(TITLE_230)
        page.locator("[data-slate-editor]").click()
        page.keyboard.type(f"Thân bài {n}.")
        editor.publish()
        wait_for_file(articles / f"{name}.md", page)
        text = (articles / f"{name}.md").read_text(encoding="utf-8")
        assert f'\ntitle: "{TITLE_230}"\n' in text and text.endswith(f"\nThân bài {n}.\n")
        assert editor.errors == []
    assert len(ADDRESS_230) <= 150


def test_a_province_not_in_the_registry_is_shown_said_and_taken_out(cms_editor, served_cms):
    """A hand-written article naming a province the registry does not have ("Xứ Sở Lạ") opened with no chip
    for it: the form showed only the known one, and a save was refused for a name the editor could neither
    see nor take out. Now it is a chip marked "không có trong danh mục", the field says why it cannot be
    saved, and once the chip is taken out the save keeps the known province by its registry name."""
    root, server = served_cms
    slug = "nhan-rong-cac-mo-hinh-dien-hinh-lam-theo-loi-bac"
    article = root / "content" / "articles" / f"{slug}.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace('province: ["Đắk Nông"]', 'province: ["Xứ Sở Lạ", "Hoà Bình"]'), encoding="utf-8")
    editor = cms_editor()
    open_entry(editor, server, slug)
    page = editor.page
    chip = page.get_by_text("Xứ Sở Lạ (không có trong danh mục)")
    chip.wait_for()
    assert page.get_by_text("Hòa Bình (từ 2025 thuộc Phú Thọ)").count() == 1
    page.get_by_label("Tiêu đề").fill("Nhân rộng các mô hình điển hình")
    page.get_by_role("button", name="Công bố").click()
    page.get_by_text("Công bố ngay").click()
    page.get_by_role("listitem").filter(has_text="“Xứ Sở Lạ” không có trong danh mục: hãy bỏ đi (nút × trên tên "
                                                  "đó) và chọn lại tên đúng trong danh sách").wait_for()
    assert 'province: ["Xứ Sở Lạ", "Hoà Bình"]' in article.read_text(encoding="utf-8")
    page.get_by_role("button", name="Bỏ Xứ Sở Lạ (không có trong danh mục)").click()
    editor.publish()
    wait_for_file(article, page, containing='title: "Nhân rộng các mô hình điển hình"\n')
    assert 'province: ["Hòa Bình"]' in article.read_text(encoding="utf-8")
    assert editor.errors == []
