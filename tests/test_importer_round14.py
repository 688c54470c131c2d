"""Round 14 of the importer: an organisation's name as the site's name, a menu's links apart in the report, the
summary's "(n)" note marks, and pages of kinds no test had used."""
from __future__ import annotations

from importing import import_fixture, import_page, lines

from test_importer_round13 import _ARTICLE, _LEAD, _NOTED, _NOTES, _reasons

from generator.importer.sources import copyright_owner, organisation_name, portal_name


# -- an organisation's name over the page (sources.organisation_name, siteinfo._portal_line) ---------------------

_ORGANISATIONS = {
    "ĐẢNG BỘ TỈNH HÀ GIANG": "Đảng bộ tỉnh Hà Giang",
    "BAN TUYÊN GIÁO TỈNH ỦY QUẢNG NAM": "Ban Tuyên giáo Tỉnh ủy Quảng Nam",
    "BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY LÀO CAI": "Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai",
    "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH BẮC NINH": "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bắc Ninh",
    "TỈNH ĐOÀN THANH HÓA": "Tỉnh đoàn Thanh Hóa",
    "HUYỆN ỦY YÊN THẾ": "Huyện ủy Yên Thế",
    "UBND XÃ TÂN SƠN": "UBND xã Tân Sơn",
    "ĐẢNG ỦY PHƯỜNG BA ĐÌNH": "Đảng ủy phường Ba Đình",
    "BAN TUYÊN GIÁO TỈNH UỶ NGHỆ AN": "Ban Tuyên giáo Tỉnh ủy Nghệ An",  # the old tone style
    "HỘI LIÊN HIỆP PHỤ NỮ TỈNH NGHỆ AN": "Hội Liên hiệp Phụ nữ tỉnh Nghệ An",
    "Đảng bộ tỉnh Hà Giang": "Đảng bộ tỉnh Hà Giang",
    "ĐẢNG BỘ TỈNH HÀ GIANG - TIẾNG NÓI CỦA ĐẢNG BỘ VÀ NHÂN DÂN": "Đảng bộ tỉnh Hà Giang",
}


def test_an_organisation_s_name_alone_is_read_with_its_capitals():
    for line, name in _ORGANISATIONS.items():
        assert organisation_name(line) == name, line
    for line in ("Ban Tuyên giáo", "ĐẢNG BỘ TỈNH", "Đảng bộ tỉnh nhà", "Ban Tuyên giáo tổ chức hội nghị",
                 "Tỉnh ủy Hà Giang họp", "Huyện ủy, UBND huyện Yên Thế", "Đảng bộ tỉnh Hà Giang: 95 năm xây dựng"):
        assert organisation_name(line) is None, line


def test_an_organisation_s_name_over_the_headline_is_the_source(registries):
    for top, name in _ORGANISATIONS.items():
        result, meta, _body = import_page(lines(top, *_ARTICLE), registries)
        assert meta["source"] == {"name": name}, top  # was no source at all
        assert any(w.startswith(f"nguồn lấy từ dòng tên cơ quan “{top}” (dòng 1)") for w in result.warnings), top
        assert meta["title"] == _ARTICLE[0]


def test_a_portal_s_name_wins_over_the_organisation_s_and_a_menu_names_no_site(registries):
    _result, meta, _body = import_page(lines("ĐẢNG BỘ TỈNH HÀ GIANG", "TRANG THÔNG TIN ĐIỆN TỬ TỈNH ỦY HÀ GIANG",
                                             *_ARTICLE), registries)
    assert meta["source"] == {"name": "Trang thông tin điện tử Tỉnh ủy Hà Giang"}
    page = ("<html><body><nav><ul><li><a href='/'>Trang chủ</a></li><li><a href='/tu'>Tỉnh ủy Hà Giang</a></li>"
            "</ul></nav><main><h1>" + _ARTICLE[0] + "</h1><p>" + _ARTICLE[1] + "</p><p>" + _ARTICLE[2] + "</p><p>"
            + _ARTICLE[3] + "</p><p>" + _ARTICLE[4] + "</p><p>Hoàng Hà</p></main></body></html>")
    _result, meta, _body = import_page(page, registries, ".html")
    assert "source" not in meta  # a menu links to offices: none of them is the site


def test_a_saved_page_s_header_or_copyright_line_names_the_organisation(registries):
    body = ("<main><h1>Hà Giang: Đảng viên người Mông làm theo Bác</h1><div class='meta'>Thứ Sáu, 23/05/2025 | 07:10"
            "</div><p>Ở huyện vùng cao Đồng Văn, nhiều đảng viên người Mông đã trở thành điển hình trong học tập và "
            "làm theo Bác.</p><p>Anh Vàng Mí Dính, đảng viên Chi bộ thôn Lũng Cú, là một ví dụ.</p>"
            "<p><strong>QUANG HƯNG</strong></p></main>")
    header = "<header><div class='logo'><a href='/'>ĐẢNG BỘ TỈNH HÀ GIANG</a></div></header>"
    footer = ("<footer><a href='/gt'>Giới thiệu</a><a href='/lh'>Liên hệ</a>"
              "<span>© 2025 Bản quyền thuộc Đảng bộ tỉnh Hà Giang</span></footer>")
    for page in (header + body, body + footer):
        _result, meta, _body = import_page(f"<html><body>{page}</body></html>", registries, ".html")
        assert meta["source"] == {"name": "Đảng bộ tỉnh Hà Giang"}, page
        assert meta["author"] == "Quang Hưng"


def test_an_official_document_s_head_names_its_issuer_not_a_site(registries):
    _result, meta, _body = import_fixture("r6-document-huongdan.txt", registries)
    assert "source" not in meta  # "ĐẢNG BỘ TỈNH TUYÊN QUANG" over "BAN TUYÊN GIÁO", "Số 12-HD/BTGTU"
    _result, meta, _body = import_page(lines("HUYỆN ỦY HƯƠNG KHÊ", "BAN TUYÊN GIÁO", "*", "Số 45-KH/BTGHU",
                                             *_ARTICLE), registries)
    assert "source" not in meta


def test_a_copyright_line_names_its_owner_after_the_year_or_before_a_notice():
    assert copyright_owner("© 2025 Bản quyền thuộc Đảng bộ tỉnh Hà Giang") == "Đảng bộ tỉnh Hà Giang"
    assert copyright_owner("Copyright (c) 2023 by UBND xã Tân Sơn") == "UBND xã Tân Sơn"
    assert copyright_owner("Đảng bộ tỉnh Hà Giang") is None  # no copyright line
    assert portal_name("© 2025 Bản quyền thuộc Báo Hà Giang") == "Báo Hà Giang"  # was None: the year first
    assert portal_name("Copyright © 2024 Báo Bắc Giang. All rights reserved") == "Báo Bắc Giang"  # was "…. All …"
    assert portal_name("© 2025 Báo Hà Giang. Ghi rõ nguồn khi phát hành lại thông tin từ website này.") == \
        "Báo Hà Giang"
    assert portal_name("Cổng TTĐT TP. Hồ Chí Minh") == "Cổng TTĐT TP. Hồ Chí Minh"


# -- a menu's links apart in the report (htmlsource.furniture_line, report.shown) ---------------------------------

_STORY = ("<main><h1>Hà Giang: Đảng viên người Mông làm theo Bác</h1><div class='meta'>Thứ Sáu, 23/05/2025 | 07:10"
          "</div><p>Ở huyện vùng cao Đồng Văn, nhiều đảng viên người Mông đã trở thành điển hình trong học tập và làm "
          "theo Bác.</p><p>Anh Vàng Mí Dính, đảng viên Chi bộ thôn Lũng Cú, là một ví dụ.</p><p>QUANG HƯNG</p></main>")


def test_a_dropped_menu_s_links_are_items_apart_in_the_report(registries):
    page = ("<html><body><header><nav><a href='/'>Trang chủ</a><a href='/gt'>Giới thiệu</a><a href='/tt'>Tin tức</a>"
            "</nav></header>" + _STORY + "<footer><div><a href='/gt'>Giới thiệu</a> | <a href='/lh'>Liên hệ</a></div>"
            "<p><span>Thiết kế bởi VNPT</span><span>Ghi rõ nguồn khi phát hành lại</span></p></footer></body></html>")
    result, _meta, _body = import_page(page, registries, ".html")
    reasons = _reasons(result)
    assert reasons["Trang chủ · Giới thiệu · Tin tức"] == "khuôn trang (header)"  # was "Trang chủGiới thiệuTin tức"
    assert reasons["Giới thiệu · Liên hệ"] == "khuôn trang (footer)"  # a bare "|" is no item
    assert reasons["Thiết kế bởi VNPT · Ghi rõ nguồn khi phát hành lại"] == "khuôn trang (footer)"


def test_a_word_split_by_formatting_in_a_menu_stays_one_word(registries):
    page = ("<html><body><nav><a href='/'><b>Trang</b> chủ</a><a href='/cn'>Chuyên mục nghi<i>ệp</i> vụ</a></nav>"
            + _STORY + "</body></html>")
    result, _meta, _body = import_page(page, registries, ".html")
    assert _reasons(result)["Trang chủ · Chuyên mục nghiệp vụ"] == "khuôn trang (nav)"


def test_a_block_of_links_over_the_article_is_shown_with_its_links_apart(registries):
    page = ("<html><body><div class='top'><a href='/'>Trang chủ</a><a href='/gt'>Giới thiệu</a><a href='/tt'>Tin tức"
            "</a></div>" + _STORY + "</body></html>")
    result, _meta, _body = import_page(page, registries, ".html")
    assert "Trang chủ · Giới thiệu · Tin tức" in _reasons(result)  # was "Trang chủ - Giới thiệu Tin tức"
    page = ("<html><body><div class='top'>Xem thêm <a href='/a'>bài trước</a> và <a href='/b'>bài sau</a></div>"
            + _STORY + "</body></html>")
    result, _meta, _body = import_page(page, registries, ".html")
    assert "Xem thêm bài trước và bài sau" in _reasons(result)  # a sentence with links stays as it reads


# -- "(n)" note marks in the summary (extract._summary_marks) and superscript notes (tail.notes_start) -----------

# (round 13's article with two notes: _LEAD, _NOTED, _NOTES)


def _noted(one: str, two: str, notes=_NOTES) -> str:
    return lines("Tư tưởng Hồ Chí Minh về cán bộ nêu gương", "12/05/2025 09:00", _LEAD.replace("{1}", one),
                 _NOTED.replace("{2}", two), "Năm 2024, toàn tỉnh có 120 tập thể, cá nhân được khen thưởng.",
                 "Nguyễn Văn An", *(n.replace("{1}", one).replace("{2}", two) for n in notes))


def test_a_bracketed_mark_in_the_summary_stays_while_its_note_is_kept(registries):
    _result, meta, body = import_page(_noted("(1)", "(2)"), registries)
    assert meta["summary"] == _LEAD.replace("{1}", "(1)")
    assert body.rstrip().endswith(_NOTES[0].replace("{1}", "(1)") + "\n\n" + _NOTES[1].replace("{1}", "(2)")
                                  .replace("{2}", "(2)"))


def test_a_bracketed_mark_in_the_summary_without_its_note_is_taken_out(registries):
    _result, meta, _body = import_page(_noted("(1)", "(2)", notes=()), registries)
    assert meta["summary"] == _LEAD.replace("{1}", "")  # was "…tuyên truyền”(1). …": a mark pointing nowhere


def test_an_enumeration_in_the_summary_is_no_note_mark(registries):
    lead = ("Hội nghị thống nhất ba nhiệm vụ trọng tâm: (1) nâng cao nhận thức của cán bộ, đảng viên; (2) xây dựng "
            "các mô hình học tập và làm theo Bác; (3) biểu dương điển hình tiên tiến ở tỉnh Hà Tĩnh.")
    _result, meta, _body = import_page(lines("Hà Tĩnh thống nhất ba nhiệm vụ làm theo Bác", "12/05/2025 09:00", lead,
                                             _NOTED.replace("{2}", ""), "Nguyễn Văn An"), registries)
    assert meta["summary"] == lead


def test_superscript_notes_under_the_signature_are_notes_and_the_signature_the_author(registries):
    result, meta, body = import_page(_noted("¹", "²"), registries)
    assert meta["author"] == "Nguyễn Văn An"  # was a "## Nguyễn Văn An" heading over the notes
    assert "## Nguyễn Văn An" not in body and meta["summary"] == _LEAD.replace("{1}", "¹")
    assert body.rstrip().endswith("¹ Hồ Chí Minh: Toàn tập, Nxb Chính trị quốc gia, Hà Nội, 2011, t.1, tr.284.\n\n"
                                  "² Quy định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương.")


# -- pages of kinds no test had used ------------------------------------------------------------------------------

def test_a_cookie_notice_over_the_article_is_furniture_with_its_buttons(registries):
    notices = (("Trang web sử dụng cookie để cải thiện trải nghiệm của bạn. Bằng việc tiếp tục truy cập, bạn đồng ý "
                "với chính sách cookie.", "Tìm hiểu thêm"),
               ("Chúng tôi sử dụng cookie để nâng cao trải nghiệm. Chấp nhận Từ chối",),
               ("This website uses cookies to improve your experience.", "Accept all", "Learn more"))
    for notice in notices:
        result, meta, body = import_page(lines(*notice, *_ARTICLE), registries)
        assert [_reasons(result)[line] for line in notice] == ["khuôn trang (cookie)"] * len(notice), notice
        assert not [w for w in result.warnings if "phía trên dòng tiêu đề" in w]  # was "đã bỏ 1 đoạn văn phía trên …"
        assert meta["title"] == _ARTICLE[0] and "cookie" not in body


def test_a_title_that_puts_the_site_s_name_first_names_the_source(registries):
    page = ("<html><head><title>Báo Cà Mau - Cà Mau: Nhân rộng gương điển hình làm theo Bác</title></head><body>"
            "<h2 class='title'>Cà Mau: Nhân rộng gương điển hình làm theo Bác</h2><p class='date'>Ngày 15/07/2025 - 10:05"
            "</p><p><b>Sáng 14/7, Ban Thường vụ Tỉnh ủy Cà Mau tổ chức hội nghị biểu dương điển hình tiên tiến trong học "
            "tập và làm theo Bác năm 2025.</b></p><p>Hội nghị đã khen thưởng 30 tập thể, 45 cá nhân tiêu biểu.</p>"
            "<p align='right'><b>Trần Nguyên</b></p></body></html>")
    _result, meta, _body = import_page(page, registries, ".html")
    assert meta["source"] == {"name": "Báo Cà Mau"} and meta["title"] == "Cà Mau: Nhân rộng gương điển hình làm theo Bác"
    _result, meta, _body = import_page(page.replace("Báo Cà Mau - ", "Hà Giang - "), registries, ".html")
    assert "source" not in meta  # a place before a dash is no site


def test_a_line_quoting_someone_s_words_is_no_photo_caption(registries):
    said = ("Bà Trần Thị Lệ, một hộ được giúp đỡ, xúc động: “Nhờ các anh chị đảng viên mà gia đình tôi có mái nhà kiên "
            "cố”.")
    _result, meta, body = import_page(lines(
        "Chi bộ khu phố 3 “cầm tay chỉ việc” giúp hộ nghèo", "15/8/2025 10:20",
        "Phường Tân Định (TP. Hồ Chí Minh) - Chi bộ khu phố 3 vừa hoàn thành việc hỗ trợ 5 hộ nghèo sửa nhà, tạo sinh "
        "kế theo tinh thần học tập và làm theo Bác.",
        "Mỗi đảng viên trong chi bộ nhận giúp đỡ một hộ, thường xuyên đến thăm, hướng dẫn cách làm ăn.", said,
        "Chi bộ sẽ tiếp tục nhân rộng cách làm này trong năm 2026.", "Lê Hoàng"), registries)
    assert f"\n\n{said}\n\n" in body  # was "*Bà Trần Thị Lệ …*", a caption without its photo
    assert meta["author"] == "Lê Hoàng"


def test_a_date_line_with_the_reading_time_beside_it_is_the_date(registries):
    for line, moment in (("21 thg 8, 2025 · 3 phút đọc", "2025-08-21T00:00:00+07:00"),
                         ("Thứ Năm, 21/08/2025 | 09:12 | Đọc trong 5 phút", "2025-08-21T09:12:00+07:00"),
                         ("21/08/2025 09:12 · 4 min read", "2025-08-21T09:12:00+07:00")):
        _result, meta, _body = import_page(lines("baothanhhoa.vn", "Thanh Hóa: 135 mô hình “Dân vận khéo” làm theo Bác",
                                                 line, *_ARTICLE[2:]), registries)
        assert meta["title"] == "Thanh Hóa: 135 mô hình “Dân vận khéo” làm theo Bác", line  # was the date line
        assert meta["date"].isoformat() == moment and "draft" not in meta, line


def test_on_a_line_of_two_dates_the_published_date_s_weekday_is_checked(registries):
    for line in ("Ngày đăng: Thứ năm, 21/8/25 | Cập nhật: Thứ sáu, 22/8/25 08:15",
                 "Cập nhật: Thứ sáu, 22/08/2025 08:15 | Ngày đăng: Thứ năm, 21/08/2025"):
        result, meta, _body = import_page(lines(_ARTICLE[0], line, *_ARTICLE[2:]), registries)
        assert meta["date"].isoformat() == "2025-08-21T00:00:00+07:00", line
        assert not [w for w in result.warnings if "không khớp" in w], line  # "Thứ năm" is right for 21/8/2025
    result, meta, _body = import_page(lines(_ARTICLE[0], "Ngày đăng: Thứ sáu, 21/8/25 | Cập nhật: Thứ sáu, 22/8/25",
                                            *_ARTICLE[2:]), registries)
    assert [w for w in result.warnings if "không khớp" in w]  # the published day's own weekday is wrong


_LONGFORM = ("<html><head><meta charset='utf-8'><title>Người giữ lửa ở Côn Đảo | Báo Bà Rịa - Vũng Tàu</title></head><body>"
             "<div class='emagazine'><div class='cover'>{picture}<h1>Người giữ lửa ở Côn Đảo</h1></div>"
             "<p>27/07/2025 05:00</p><p class='sapo'>Hơn 20 năm làm thuyết minh viên tại Khu di tích Côn Đảo, chị Nguyễn "
             "Thị Hồng đã kể cho hàng vạn du khách nghe về những người chiến sĩ cách mạng, như một cách làm theo lời Bác."
             "</p><p>Mỗi buổi sáng, chị Hồng có mặt ở Nghĩa trang Hàng Dương từ rất sớm.</p><img src='chuong1.jpg' "
             "alt='Phần 1: Duyên nợ với Côn Đảo'><p>Chị Hồng sinh ra ở Vũng Tàu, năm 2003 chị ra Côn Đảo làm việc.</p>"
             "<p>Nội dung: QUANG VŨ</p></div></body></html>")


def test_a_long_form_s_cover_photo_over_its_headline_is_the_featured_image(registries):
    result, meta, body = import_page(_LONGFORM.format(picture="<img src='https://cdn.example.vn/em/cover.jpg' alt='cover'>"),
                                     registries, ".html")
    assert meta["image"] == {"src": "/images/cover.jpg"}  # was chuong1.jpg, the cover dropped as "trên tiêu đề"
    assert body.lstrip().startswith("![](/images/cover.jpg)\n\nMỗi buổi sáng, chị Hồng có mặt")  # no caption taken
    assert "cover.jpg" not in _reasons(result)
    for logo in ("<img src='/static/logo-baobrvt.png' alt='Báo Bà Rịa - Vũng Tàu'>", "<img src='/img/top-banner.jpg'>"):
        _result, meta, _body = import_page(_LONGFORM.format(picture=logo), registries, ".html")
        assert meta["image"] == {"src": "/images/chuong1.jpg", "alt": "Phần 1: Duyên nợ với Côn Đảo"}, logo


_TEACHER = ("Hơn 20 năm gắn bó với điểm trường Tà Xùa, thầy giáo Giàng A Páo đã trở thành tấm gương sáng về học tập và "
            "làm theo Bác ở huyện Bắc Yên, tỉnh Sơn La{mark}.")


def _teacher(mark: str, *notes: str) -> str:
    return lines("Người thầy giữa đại ngàn", "15/05/2025 09:00", _TEACHER.format(mark=mark),
                 "Mỗi sáng, thầy lội bộ hơn 5 km để đến điểm trường, dạy 25 học sinh người Mông.", "Lò Văn Hùng", *notes)


def test_a_star_mark_in_the_summary_follows_its_note(registries):
    _result, meta, body = import_page(_teacher("(*)", "(*) Bài dự thi Giải báo chí về học tập và làm theo Bác năm 2025."),
                                      registries)
    assert meta["summary"] == _TEACHER.format(mark="(*)") and "(\\*) Bài dự thi" in body
    for mark in ("(*)", " (*)"):
        _result, meta, _body = import_page(_teacher(mark), registries)
        assert meta["summary"] == _TEACHER.format(mark=""), mark  # was "… Sơn La(*).": a mark pointing nowhere


def test_notes_numbered_1_dot_under_the_signature_are_notes_when_the_text_marks_them(registries):
    note = "1. Theo Báo cáo số 12-BC/HU của Huyện ủy Bắc Yên."
    _result, meta, body = import_page(_teacher("(1)", note), registries)
    assert meta["author"] == "Lò Văn Hùng"  # was a "## Lò Văn Hùng" heading over the note
    assert meta["summary"] == _TEACHER.format(mark="(1)")  # the mark was taken out: its note was not found
    assert body.rstrip().endswith("1\\. Theo Báo cáo số 12-BC/HU của Huyện ủy Bắc Yên.") and "## " not in body
    _result, meta, body = import_page(lines(
        "Ba nhiệm vụ trọng tâm làm theo Bác năm 2025", "15/05/2025 09:00", _TEACHER.format(mark=""),
        "Ban Thường vụ Huyện ủy đề ra các nhiệm vụ sau:", "1. Nâng cao nhận thức của cán bộ, đảng viên.",
        "2. Xây dựng mô hình điển hình ở mỗi xã."), registries)
    assert "1. Nâng cao nhận thức của cán bộ, đảng viên.\n2. Xây dựng mô hình điển hình ở mỗi xã." in body  # a list


def test_a_signature_with_a_role_in_brackets_or_a_member_s_post_in_lower_case_is_the_author(registries):
    for signature, author in (("Thanh Bình (tổng hợp)", "Thanh Bình"), ("Tam Nông (sưu tầm)", "Tam Nông"),
                              ("Phan Thị Mai, giáo viên Trường THCS Phồn Xương", "Phan Thị Mai"),
                              ("Lò Văn Hùng, đảng viên Chi bộ bản Pá Khôm", "Lò Văn Hùng")):
        result, meta, body = import_page(lines(*_ARTICLE[:-1], signature), registries)
        assert meta["author"] == author, signature  # a district's name in brackets, or the post, kept it in the text
        assert signature not in body, signature
    _result, meta, body = import_page(lines(*_ARTICLE[:-1], "Hoàng Hà", "Lê Văn Tám, cán bộ xã, cho biết như vậy."),
                                      registries)
    assert "Lê Văn Tám, cán bộ xã, cho biết như vậy." in body  # a sentence is no signature


def test_a_date_written_with_dots_or_a_clock_written_10g20_is_the_date(registries):
    for line, moment in (("15.05.2025", "2025-05-15T00:00:00+07:00"), ("15/05/2025 10g20", "2025-05-15T10:20:00+07:00"),
                         ("Thứ Năm, 15.05.2025 - 10g20", "2025-05-15T10:20:00+07:00")):
        result, meta, _body = import_page(lines(_ARTICLE[0], line, *_ARTICLE[2:]), registries)
        assert meta["date"].isoformat() == moment and "draft" not in meta, line  # "15.05.2025" was a view counter
        assert line not in _reasons(result) or _reasons(result)[line] != "khuôn trang (counter)"
    result, _meta, _body = import_page(lines(*_ARTICLE, "1.234"), registries)
    assert _reasons(result)["1.234"] == "khuôn trang (counter)"


def test_a_national_paper_s_masthead_over_the_page_is_the_source(registries):
    for top, name in (("QUÂN ĐỘI NHÂN DÂN", "Quân đội nhân dân"), ("Nhân Dân", "Nhân Dân"), ("TTXVN", "TTXVN")):
        result, meta, _body = import_page(lines(top, "Chính trị", *_ARTICLE), registries)
        assert meta["source"] == {"name": name}, top  # was no source
        assert any(w.startswith(f"nguồn lấy từ dòng tên báo “{top}”") for w in result.warnings), top
    _result, meta, _body = import_page(lines("Chính trị", *_ARTICLE), registries)
    assert "source" not in meta


def test_an_office_signing_the_text_alone_is_the_source(registries):
    qa = ("Hỏi - đáp về Chỉ thị 05-CT/TW của Bộ Chính trị", "Thứ Hai, 19/05/2025 - 08:00",
          "Nhằm giúp cán bộ, đảng viên tỉnh Hà Nam nắm vững nội dung Chỉ thị 05-CT/TW, Ban Tuyên giáo Tỉnh ủy biên soạn "
          "một số câu hỏi - đáp sau.", "Hỏi: Chỉ thị 05-CT/TW được ban hành khi nào?",
          "Đáp: Chỉ thị 05-CT/TW được Bộ Chính trị ban hành ngày 15/5/2016.")
    _result, meta, _body = import_page(lines(*qa, "Ban Tuyên giáo Tỉnh ủy Hà Nam"), registries)
    assert meta["source"] == {"name": "Ban Tuyên giáo Tỉnh ủy Hà Nam"} and "author" not in meta  # was no source
    _result, meta, _body = import_page(lines(*qa, "Thu Hà", "Ban Tuyên giáo Tỉnh ủy Hà Nam"), registries)
    assert meta["author"] == "Thu Hà" and "source" not in meta  # the writer's unit is no source


def test_the_lines_left_out_of_a_page_written_on_one_line_are_reported_in_the_page_s_order(registries):
    page = ("<html><body><header><div>ĐẢNG ỦY - HĐND - UBND XÃ TÂN LẬP</div></header><div class='menu'><a href='/'>Trang "
            "chủ</a></div><div>Dịch vụ công</div><div>Giới thiệu</div>" + _STORY + "<div class='related'><h3>Tin cùng "
            "chuyên mục</h3><ul><li><a href='/a'>Xã Tân Lập ra mắt Trung tâm Phục vụ hành chính công</a></li><li>"
            "<a href='/b'>Hội nghị Ban Chấp hành Đảng bộ xã lần thứ nhất</a></li></ul></div><footer><p>Điện thoại: "
            "0210.3123.456</p><p>Cơ quan chủ quản: UBND xã Tân Lập</p></footer></body></html>")
    result, _meta, _body = import_page(page, registries, ".html")
    assert [text for _line, _why, text in result.dropped] == [
        "ĐẢNG ỦY - HĐND - UBND XÃ TÂN LẬP", "Trang chủ", "Dịch vụ công", "Giới thiệu", "Tin cùng chuyên mục",
        "Xã Tân Lập ra mắt Trung tâm Phục vụ hành chính công", "Hội nghị Ban Chấp hành Đảng bộ xã lần thứ nhất",
        "Điện thoại: 0210.3123.456", "Cơ quan chủ quản: UBND xã Tân Lập"]  # were sorted by reason, then text
