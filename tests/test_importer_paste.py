"""Importer, pasted text: lines broken at a fixed width (Google Docs, a PDF copy), numbered
lists, a box of key figures, an interview's last question, an article with no body. Each test
failed before its fix. Fixtures: tests/fixtures/importer/paste-*."""
from __future__ import annotations

from importing import import_fixture as fixture
from importing import left_out, paragraphs


# -- lines wrapped at a width (wrapped.py) --------------------------------------------------------

def test_soft_line_breaks_are_joined_into_paragraphs_and_parts_are_headings(registries):
    result, meta, body = fixture("paste-softbreaks.txt", registries)
    assert meta["summary"] == ("Sáu năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị, Huyện đoàn Cao Lộc, tỉnh "
                               "Lạng Sơn đã đưa việc học tập và làm theo Bác vào sinh hoạt chi đoàn, gắn với giữ "
                               "gìn an ninh biên giới và giúp bà con phát triển kinh tế.")
    parts = paragraphs(body)
    assert parts[0] == "## Phần 1: Những việc làm cụ thể"
    assert parts[1].startswith("Mỗi chi đoàn đăng ký") and "xã Thụy Hùng tự nguyện" in parts[1]
    assert parts[1].endswith("ngay ở bản mình”.")
    assert parts[2] == "## Phần 2: Lan tỏa trong thanh niên"
    assert len(parts) == 4 and not result.dropped
    assert meta["author"] == "Nông Thị Thu Hà" and meta["date"].day == 12
    assert any("ngắt dòng cố định" in w for w in result.warnings)


def test_a_pdf_copy_loses_its_running_header_and_page_numbers_and_its_cut_words(registries):
    result, meta, body = fixture("paste-pdf.txt", registries)
    assert left_out(result, "đầu trang in lặp lại (bản PDF)") == ["TẠP CHÍ LÝ LUẬN CHÍNH TRỊ - SỐ 7/2024"] * 3
    assert left_out(result, "số trang (bản PDF)") == ["21", "22", "23"]
    assert "TẠP CHÍ" not in body and "\n21\n" not in body
    assert "Tại Công ty Petro Việt Nam, lãnh đạo" in body  # "Pe-" / "tro": one word cut
    assert "tỉnh Bà Rịa-Vũng Tàu, qua đó" in meta["summary"]  # before a capital the hyphen stays
    # a paragraph goes on over a page break; a sentence ending short of the width ends one
    assert "Tại các xã ven biển, cán bộ chủ chốt trực tiếp xuống từng khu dân cư để nắm tình hình" in body
    assert "## 1. Mở đầu" in body and "## 2. Kết quả" in body


def test_a_headline_in_capitals_over_three_lines_is_one_title_over_its_author(registries):
    result, meta, _body = fixture("paste-pdf.txt", registries)
    assert meta["title"] == "NÊU GƯƠNG NGƯỜI ĐỨNG ĐẦU TRONG HỌC TẬP VÀ LÀM THEO BÁC ở tỉnh Bà Rịa - Vũng Tàu"
    assert "title" in result.meta.checks  # capitals: an editor writes it in sentence case
    assert meta["author"] == "TS. Nguyễn Thị Minh Thư"
    assert meta["summary"].startswith("Bài viết làm rõ vai trò nêu gương")  # "Tóm tắt:" is a label


# -- numbered lists (body.py, frontmatter.py) ----------------------------------------------------

def test_consecutive_numbered_lines_are_a_markdown_ordered_list_with_their_numbers(registries):
    _result, _meta, body = fixture("paste-numbered-list.txt", registries)
    assert ("3. Ông Rơ Chăm H’Nhiu, làng Kép 1, huyện Ia Grai\n"
            "4. Ông Ksor H’Bleo, buôn Chư Ma, huyện Krông Pa\n"
            "5. Bà Siu H’Mai, làng Plei Ring, huyện Chư Păh\n"
            "6. Ông Đinh Văn Blôk, làng Kon Sơ Lăl, huyện Kbang") in paragraphs(body)
    assert "\\." not in body and "##" not in body


def test_a_numbered_reference_list_stays_numbered(registries):
    _result, _meta, body = fixture("paste-pdf.txt", registries)
    assert ("1. Hồ Chí Minh: Toàn tập, Nxb. Chính trị quốc gia, Hà Nội, 2011, t.12.\n"
            "2. Tỉnh ủy Bà Rịa - Vũng Tàu: Báo cáo sơ kết Chỉ thị số 05-CT/TW, 2021.") in paragraphs(body)


def test_an_ordered_list_renders_from_its_first_number_in_both_engines():
    from generator.importer.body import Node
    from generator.importer.frontmatter import body_markdown
    from generator.markdown import Renderer
    nodes = [Node("li", "Ông A", src="3."), Node("li", "Bà B", src="4."), Node("li", "Ông C", src="4.")]
    text = body_markdown(nodes, "/images/")
    assert text == "3. Ông A\n4. Bà B\n\n<!-- -->\n\n4. Ông C\n"  # a number out of order starts a new list
    for engine in ("cmark-gfm", "python-markdown"):
        html = str(Renderer(engine=engine).render(text))
        assert '<ol start="3">' in html and html.count("<ol") == 2  # two lists, not one of three items


# -- a box of key figures, an interview's last turn, an empty body --------------------------------

def test_a_box_title_in_capitals_over_short_lines_is_a_heading_over_a_list(registries):
    _result, _meta, body = fixture("paste-figures-box.txt", registries)
    assert ("## KẾT QUẢ NỔI BẬT\n\n- 312 mô hình được biểu dương\n- 95% đảng viên đăng ký làm theo\n"
            "- 100% xã đạt chuẩn nông thôn mới\n\nThời gian tới") in body


def test_the_interviewers_closing_turn_is_text_not_a_signature(registries):
    result, meta, body = fixture("paste-interview.txt", registries)
    assert "PV: Xin cảm ơn ông!" in body
    assert not left_out(result, "ký tên cuối bài (đơn vị, nhóm phóng viên)")
    assert meta["author"] == "Thu Hằng"


def test_an_article_with_nothing_under_its_lead_is_named_in_a_warning(registries):
    result, meta, body = fixture("paste-stub.txt", registries)
    assert meta["summary"].startswith("Sáng 19/5/2024") and not body.strip()
    assert any(w.startswith("bài không có nội dung") for w in result.warnings)
