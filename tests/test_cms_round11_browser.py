"""The web editor, round 11.

The first load of `lamtheobac serve --cms`, in a real browser: the site's preview and the editor opened
while the first build is still running, as an editor does who opens the address the server prints at once.
Neither may leave an error in the browser's console (a tester reads it): was "Failed to load resource: 404"
for the site's style.css, which the editor's preview pane linked before the build had written it, and 503
for the page shown while the preview is being built.
"""
from __future__ import annotations

import io
import re
import threading
from pathlib import Path

import pytest

from conftest import copy_project
import test_cms_browser
from test_cms_browser import LAO_CAI, PASTE, Editor, open_entry, wait_for_file

pytestmark = pytest.mark.browser
served_cms, cms_editor = test_cms_browser.served_cms, test_cms_browser.cms_editor  # the fixtures, here too

WAIT = 120


class GatedServer:
    """PreviewServer(cms=True) in a thread, whose first build waits for open() (the test's hand on the
    clock: the pages are loaded while it is running, however fast the machine builds)."""

    def __init__(self, root: Path):
        from generator.server import PreviewServer, full_rebuild

        self.out = io.StringIO()
        self.gate = threading.Event()
        self.built = threading.Event()
        self.server = PreviewServer(root, port=0, cms=True, stdout=self.out, stderr=self.out)
        self.server.listen()
        real = full_rebuild(root, self.server.preview, self.server.base_url, True, lambda _: None)

        def gated(changed):
            assert self.gate.wait(WAIT), "the test never let the first build run"
            try:
                return real(changed)
            finally:
                self.built.set()
        self.server._rebuild = gated
        self.url = self.server.base_url
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()

    def open(self) -> None:
        self.gate.set()

    def stop(self) -> None:
        self.gate.set()
        self.server.stop()
        self.thread.join(WAIT)


@pytest.fixture
def gated(tmp_path: Path):
    server = GatedServer(copy_project(tmp_path / "site"))
    yield server
    server.stop()


def console_errors(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(f"{m.text} ({m.location.get('url')})"))
    page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
    return errors


def test_the_first_load_of_the_preview_and_the_editor_leaves_no_console_error(chromium, gated):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    site = context.new_page()
    site_errors = console_errors(site)
    site.goto(gated.url)
    site.get_by_text("Đang dựng trang xem trước").first.wait_for()

    editor = Editor(context, "about:blank")
    editor_errors = console_errors(editor.page)
    editor.page.goto(gated.url + "admin/")
    editor.log_in()
    editor.page.goto(gated.url + "admin/#/collections/articles/new")
    frame = editor.page.frame_locator("#preview-pane")
    frame.locator("body").wait_for()
    assert not gated.built.is_set()  # all of this while the first build had not run

    gated.open()
    assert gated.built.wait(WAIT)
    # The preview shows the site by itself once built; the preview pane has the site's stylesheet.
    site.locator("header").first.wait_for(timeout=WAIT * 1000)
    editor.page.wait_for_function(
        "() => { const d = document.querySelector('#preview-pane').contentDocument;"
        " const l = d && d.querySelector('link[rel=stylesheet][href*=\"style\"]'); return !!(l && l.sheet); }",
        timeout=WAIT * 1000)
    site.wait_for_timeout(500)
    assert (site_errors, editor_errors + editor.errors) == ([], [])
    context.close()


def test_a_scheduled_article_is_marked_in_the_preview_pane_as_in_the_list(cms_editor, served_cms):
    """An article dated still to come is not on the site until then: the list said "hẹn đăng", but the
    preview pane showed it as any published one (only a draft had its badge). Now it has "Hẹn đăng" beside
    "Bản nháp"; an article of the past has neither."""
    root, server = served_cms
    article = root / "content" / "articles" / f"{LAO_CAI}.md"
    text = re.sub(r"\ndate: .*\n", "\ndate: 2031-01-02T08:00:00+07:00\n", article.read_text(encoding="utf-8"), count=1)
    article.write_text(text.replace("date_estimated: true\n", ""), encoding="utf-8")
    editor = cms_editor()
    entry = editor.page.get_by_text("Đảng bộ Khối các cơ quan tỉnh Lào Cai sau 4 năm").first
    entry.wait_for()
    assert entry.inner_text().endswith(" · 02/01/2031 · hẹn đăng")
    open_entry(editor, server, LAO_CAI)
    meta = editor.page.frame_locator("#preview-pane").locator(".article .meta")
    meta.locator(".badge").first.wait_for()
    assert meta.locator(".badge").all_text_contents() == ["Hẹn đăng"]
    editor.page.get_by_label("Bản nháp").click()
    editor.page.wait_for_function("() => document.querySelector('#preview-pane').contentDocument"
                                  ".querySelectorAll('.article .meta .badge').length === 2")
    assert meta.locator(".badge").all_text_contents() == ["Bản nháp", "Hẹn đăng"]
    editor.page.get_by_label("Ngày giờ đăng").fill("02/01/2021 08:00")
    editor.page.wait_for_function("() => document.querySelector('#preview-pane').contentDocument"
                                  ".querySelectorAll('.article .meta .badge').length === 1")
    assert meta.locator(".badge").all_text_contents() == ["Bản nháp"]
    assert editor.errors == []


UNNAMED = """() => [...document.querySelectorAll('button, [role=button], [role=switch]')].filter(b => {
    if (b.getAttribute('aria-label') || b.getAttribute('aria-labelledby') || b.title || b.textContent.trim()) return false;
    return !(b.id && document.querySelector('label[for="' + b.id + '"]'));
  }).map(b => b.outerHTML.slice(0, 120))"""


def test_every_button_of_the_form_has_a_name_and_the_photo_is_removed_by_its_own(cms_editor, served_cms):
    """The list items' bars (the photo's, a source's: fold, drag, remove), the body's menus and its Markdown
    switch were buttons with an icon and no name: a screen reader said "nút" and no more, and an editor who
    pressed "Gỡ bỏ hình" to take the photo away was refused ("Tệp ảnh bắt buộc nhập") with no word of the
    × that removes it. Now each has a Vietnamese name; the photo's "Bỏ mục “Ảnh đại diện” này" takes the
    photo, its description and caption out of the saved article."""
    root, server = served_cms
    slug = "nhan-rong-cac-mo-hinh-dien-hinh-lam-theo-loi-bac"
    article = root / "content" / "articles" / f"{slug}.md"
    assert "\nimage:\n" in article.read_text(encoding="utf-8")
    editor = cms_editor()
    page = editor.page
    open_entry(editor, server, slug)
    page.get_by_role("button", name="Thêm nguồn bài").click()
    page.get_by_label("Tên nguồn").wait_for()
    page.wait_for_timeout(300)
    assert page.evaluate(UNNAMED) == []
    page.get_by_role("button", name="Bỏ mục “Nguồn bài” này").click()
    page.get_by_role("button", name="Bỏ mục “Ảnh đại diện” này").click()
    assert page.get_by_label("Chú thích").count() == 0
    editor.publish()
    wait_for_file(article, page, containing="author:")
    page.wait_for_timeout(500)
    text = article.read_text(encoding="utf-8")
    assert "image:" not in text and "caption" not in text and "source" not in text
    assert editor.errors == []


WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><!--StartFragment-->
<p class=MsoNormal>Giá&nbsp;trị “trích dẫn” của&nbsp;Bác&nbsp;<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal><span style='mso-spacerun:yes'>   </span>Cuối <span style='font-weight:bold'>đậm&nbsp;</span><o:p></o:p></p>
<p>Dòng thơ một,<br>\ndòng <b>thơ<br>hai</b></p>
<!--EndFragment--></body></html>"""
WORD_PLAIN = "Giá\u00a0trị “trích dẫn” của\u00a0Bác\u00a0\r\n\u00a0\r\n   Cuối đậm\u00a0\r\n·\tMục một\r\n·\tMục hai\r\n"


def _pasted_body(cms_editor, served_cms, title: str, slug: str, data: list, rich: bool) -> str:
    root, server = served_cms
    editor = cms_editor(scripts=["localStorage.setItem('cms.md-mode', 'rich_text')"] if rich else ())
    page = editor.page
    page.get_by_role("link", name="Tạo bài thuộc loại bài viết").click()
    page.get_by_label("Tiêu đề").fill(title)
    page.locator("[data-slate-editor]").click()
    page.evaluate(PASTE, data)
    page.wait_for_timeout(500)
    editor.publish()
    article = root / "content" / "articles" / f"{slug}.md"
    wait_for_file(article, page)
    assert editor.errors == []
    return article.read_text(encoding="utf-8").split("---\n", 2)[2]


def test_no_break_spaces_and_empty_paragraphs_pasted_from_word_are_not_saved(cms_editor, served_cms):
    """Word writes no-break spaces between words, at a paragraph's end and alone in its empty paragraphs
    (<o:p>&nbsp;</o:p>), and indents with spaces (mso-spacerun): pasted into the rich-text body, the saved
    Markdown kept them ("Giá\\xa0trị", a paragraph of "\\xa0", " Cuối"). Now plain spaces, no blank paragraph.
    A line break (<br>: a poem's lines) was saved as a bare line end, which Markdown joins: the lines ran on
    as one on the site. Now short lines stay lines of their paragraph (test_cms_round12_browser)."""
    body = _pasted_body(cms_editor, served_cms, "Bài dán khoảng trắng", "bai-dan-khoang-trang",
                        [WORD_HTML, "x", False], rich=True)
    assert body == "\nGiá trị “trích dẫn” của Bác\n\nCuối **đậm**\n\nDòng thơ một,\\\ndòng **thơ**\\\n**hai**\n"


def test_word_pasted_into_the_markdown_body_keeps_its_paragraphs_and_lists(cms_editor, served_cms):
    """The body opens in Markdown, which takes the clipboard's plain text: Word's paragraphs (one a line) were
    one paragraph on the site, its bullets "·<tab>", its no-break spaces were saved. Now Markdown (see
    test_cms_paste); a copy of plain text alone (a Markdown file) is pasted as it is."""
    body = _pasted_body(cms_editor, served_cms, "Bài dán Markdown", "bai-dan-markdown",
                        [WORD_HTML, WORD_PLAIN, False], rich=False)
    assert body == "\nGiá trị “trích dẫn” của Bác\n\nCuối đậm\n\n- Mục một\n- Mục hai\n"
    body = _pasted_body(cms_editor, served_cms, "Bài dán chữ trơn", "bai-dan-chu-tron",
                        ["", "Dòng một\nnối dòng\u00a0hai", False], rich=False)
    assert body == "\nDòng một\nnối dòng\u00a0hai\n"


TABLE_HTML = """<table class=MsoTableGrid border=1><tr><td valign=top><p class=MsoNormal><b>Tỉnh</b><o:p></o:p></p></td>
<td><p class=MsoNormal><b>Số mô hình</b></p></td></tr><tr><td><p class=MsoNormal>Lào&nbsp;Cai</p></td><td><p>12</p></td></tr></table>"""


def test_a_table_pasted_into_the_rich_text_body_is_said_and_one_pasted_into_markdown_is_a_table(cms_editor, served_cms):
    """Decap's rich-text body has no tables: a table pasted from Word came out as a paragraph a cell, with no
    word. Now a notice says so and how to keep it: pasted into the Markdown body, the rows (tab-split cells
    in the clipboard's text) are a Markdown table, which the build makes a table."""
    root, server = served_cms
    editor = cms_editor(scripts=["localStorage.setItem('cms.md-mode', 'rich_text')"])
    page = editor.page
    page.get_by_role("link", name="Tạo bài thuộc loại bài viết").click()
    page.locator("[data-slate-editor]").click()
    page.evaluate(PASTE, [TABLE_HTML, "Tỉnh\tSố mô hình\nLào Cai\t12\n", False])
    notice = page.locator("#lamtheobac-bang-dan")
    notice.wait_for()
    assert "không giữ được dạng bảng ở chế độ soạn trực quan" in notice.inner_text()
    assert editor.errors == []
    body = _pasted_body(cms_editor, served_cms, "Bài dán bảng", "bai-dan-bang",
                        [TABLE_HTML, "Tỉnh\tSố mô hình\r\nLào\u00a0Cai\t12\r\n", False], rich=False)
    assert body == "\n| Tỉnh | Số mô hình |\n| --- | --- |\n| Lào Cai | 12 |\n"
