"""Importer fields, round 4: defects an outside probe found on unseen pages (a site's logo as
<h1>, English and month/day/year date lines, list pages, unlabelled bylines, text without
Vietnamese marks). Each test failed before its fix."""
from __future__ import annotations

import pytest

from importing import FIXTURES, fixture_paragraphs as fixture, import_paragraphs as imported, left_out as dropped, lines
from generator.importer.dates import meta_line


# -- English date lines ---------------------------------------------------------------------

@pytest.mark.parametrize("line,iso", [
    ("March 5, 2024", "2024-03-05T00:00:00+07:00"),
    ("5 March 2024", "2024-03-05T00:00:00+07:00"),
    ("Posted on Mar 5th, 2024 by admin", "2024-03-05T00:00:00+07:00"),
    ("Updated: Tuesday, March 5, 2024 4:15 PM", "2024-03-05T16:15:00+07:00"),
])
def test_english_month_names_make_a_date_line(line, iso):
    meta = meta_line(line)
    assert meta is not None and meta.date.iso() == iso


def test_english_posted_line_is_the_date_not_the_headline(registries):
    result, meta, _b = fixture("fields2-english-date.txt", registries)
    assert meta["title"] == "Công nhân khu công nghiệp học tập chuyên đề về tấm gương đạo đức của Bác"
    assert meta["date"].isoformat() == "2024-03-05T00:00:00+07:00" and "draft" not in meta
    assert meta["author"] == "Lan Anh"  # "by admin" uploaded it
    # English weekdays are read whole: "Thu Hà" on a date line stays a byline, not Thursday.
    assert meta_line("Thu Hà 03/10/2024 14:22").rest == "Thu Hà"


def test_no_date_line_takes_the_leads_date_as_a_flagged_draft(registries):
    page = lines("Công nhân học tập chuyên đề về tấm gương đạo đức của Bác",
                 "Ngày 5 tháng 3 năm 2024, Công đoàn khu công nghiệp tổ chức hội nghị học tập chuyên đề năm 2024 "
                 "cho hơn 300 đoàn viên là công nhân lao động.",
                 "Tại hội nghị, báo cáo viên đã nêu những tấm gương công nhân tiêu biểu trong làm theo Bác.")
    result, meta, _b = imported(page, registries)
    assert meta["date"].isoformat() == "2024-03-05T00:00:00+07:00"
    assert meta["draft"] is True and "câu mở đầu" in result.meta.checks["date"]
    assert any("ngày tạm lấy từ câu mở đầu" in w for w in result.warnings)


# -- month/day/year, and the page's metadata ------------------------------------------------

def test_numeric_date_contradicted_by_the_lead_is_flagged(registries):
    page = lines("Đoàn Khối các cơ quan tỉnh ra quân “Ngày thứ bảy tình nguyện”", "03/05/2024 4:15 PM",
                 "Ngày 5 tháng 3 năm 2024, Đoàn Khối các cơ quan tỉnh Bình Dương ra quân “Ngày thứ bảy tình "
                 "nguyện” đợt 1 năm 2024, hưởng ứng Tháng Thanh niên.",
                 "Hơn 200 đoàn viên đã dọn vệ sinh, trồng 500 cây xanh tại phường Phú Lợi.")
    result, meta, _b = imported(page, registries)
    assert meta["date"].isoformat() == "2024-05-03T16:15:00+07:00"  # day first stays the rule; 4:15 PM = 16:15
    assert "tháng/ngày" in result.meta.checks["date"]
    assert any("kiểu Mỹ" in w for w in result.warnings)


def test_metadata_hour_differing_from_the_printed_hour_is_flagged(registries):
    result, meta, _b = fixture("fields2-meta-hour.html", registries)
    assert meta["date"].isoformat() == "2024-05-19T19:30:00+07:00"
    assert "thẻ meta" in result.meta.checks["date"]
    assert any("12:30" in w and "19:30" in w for w in result.warnings)


# -- bylines --------------------------------------------------------------------------------

@pytest.mark.parametrize("byline,author", [
    ("Phóng viên: Thu Hằng - Minh Quân", "Thu Hằng - Minh Quân"),
    ("PV: Lan Anh", "Lan Anh"),
    ("Ghi chép của Hoàng Nam", "Hoàng Nam"),
    ("Tổ Ngữ văn - Nguyễn Thị Hoa", "Nguyễn Thị Hoa"),  # a unit, a dash, then the person
])
def test_byline_labels_and_a_unit_before_the_name(byline, author, registries):
    page = lines("Chi bộ nhà trường học tập chuyên đề năm 2024 về tư tưởng của Bác", "15/05/2024 10:25",
                 "Sáng 14/5, Chi bộ nhà trường tổ chức sinh hoạt chuyên đề học tập và làm theo tư tưởng, đạo đức, "
                 "phong cách Hồ Chí Minh cho toàn thể đảng viên.",
                 "Các đảng viên đã liên hệ với nhiệm vụ dạy học và giáo dục học sinh của nhà trường.", byline)
    _r, meta, body = imported(page, registries)
    assert meta["author"] == author and all(byline not in p for p in body)


def test_reporter_label_beats_the_editor_label(registries):
    result, meta, _b = fixture("fields2-meta-hour.html", registries)
    assert meta["author"] == "Thu Hằng - Minh Quân"
    page = lines("Chi bộ nhà trường học tập chuyên đề năm 2024 về tư tưởng của Bác", "15/05/2024 10:25",
                 "Sáng 14/5, Chi bộ nhà trường tổ chức sinh hoạt chuyên đề học tập và làm theo tư tưởng, đạo đức, "
                 "phong cách Hồ Chí Minh cho toàn thể đảng viên.", "Biên tập: Thu Hà", "Thực hiện: Hoàng Nam")
    _r, meta, _b = imported(page, registries)
    assert meta["author"] == "Hoàng Nam"


# -- the site's name in an <h1> -------------------------------------------------------------

def test_logo_h1_does_not_beat_the_h2_headline_above_the_lead(registries):
    result, meta, body = fixture("fields2-logo-h1.html", registries)
    assert meta["title"] == "Chi bộ nhà trường sinh hoạt chuyên đề học tập và làm theo Bác năm 2024"
    assert meta["summary"].startswith("Sáng 14/5/2024, Chi bộ Trường THCS Lê Lợi")
    assert not any("Học để làm người" in p or "Giới thiệu" in p for p in body)
    assert "TRƯỜNG THCS LÊ LỢI" in dropped(result, "trên tiêu đề")
    assert any("tên trang (logo)" in w for w in result.warnings)
    assert meta["author"] == "Lê Thị Mai"


def test_h1_equal_to_the_site_name_is_not_the_headline(registries):
    page = (FIXTURES / "fields2-logo-h1.html").read_text(encoding="utf-8")
    site = "Góc nhỏ học tập và làm theo Bác của thầy trò xứ Thanh"  # neither capitals nor an office's name
    page = page.replace('<h1 class="logo">TRƯỜNG THCS LÊ LỢI</h1>', f"<h1>{site}</h1>") \
        .replace("<title>Trường THCS Lê Lợi - Thanh Hóa</title>",
                 f'<title>{site}</title><meta property="og:site_name" content="{site}">')
    _r, meta, _b = imported(page, registries, ".html")
    assert meta["title"] == "Chi bộ nhà trường sinh hoạt chuyên đề học tập và làm theo Bác năm 2024"


# -- list pages -----------------------------------------------------------------------------

def test_list_page_imports_the_first_article_and_reports_the_others(registries):
    result, meta, body = fixture("fields2-list-page.txt", registries)
    assert meta["title"] == "Hơn 1.200 mô hình làm theo Bác được nhân rộng trong toàn tỉnh"
    assert meta["date"].isoformat() == "2024-05-20T09:10:00+07:00"
    assert body == ["Tại hội nghị biểu dương điển hình do Tỉnh ủy tổ chức sáng 19/5, 50 tập thể và 89 cá nhân "
                    "được khen thưởng."]  # no date line as "##", no second article merged in
    others = dropped(result, "bài khác trên cùng trang (trang danh sách)")
    assert "Đảng viên tiên phong hiến đất làm đường giao thông nông thôn" in others
    assert "Thứ Sáu, 17/05/2024 | 08:00" in others
    assert any("nhiều bài" in w and "2 bài" in w for w in result.warnings)


# -- text without Vietnamese marks ----------------------------------------------------------

def test_text_without_marks_is_flagged_and_read_for_places_and_documents(registries):
    result, meta, body = fixture("fields2-unmarked.txt", registries)
    assert any(w.startswith("bài không có dấu tiếng Việt") for w in result.warnings)
    assert "không có dấu" in result.meta.checks["title"]
    assert meta["province"] == ["Nghệ An"] and "không dấu" in result.meta.checks["province"]
    assert meta["directives"] == ["01-KL/TW", "05-CT/TW"] and "không dấu" in result.meta.checks["directives"]
    assert body == ["dong chi bi thu dang uy xa de nghi cac chi bo tiep tuc dua chi thi 05 vao sinh hoat chi bo "
                    "hang thang."]  # the article's text stays as it was typed
