"""Round 14 of the importer: an organisation's name as the site's name, a menu's links apart in the report, the
summary's "(n)" note marks, and pages of kinds no test had used."""
from __future__ import annotations

from importing import import_page

_ARTICLE = ("Yên Thế: Sơ kết 3 năm thực hiện Kết luận 01-KL/TW", "Thứ Năm, 15/05/2025 | 10:20",
            "Sáng 15/5, Ban Thường vụ Huyện ủy Yên Thế tổ chức hội nghị sơ kết 3 năm thực hiện Kết luận 01-KL/TW "
            "của Bộ Chính trị về tiếp tục thực hiện Chỉ thị 05-CT/TW.",
            "Theo báo cáo, 3 năm qua các cấp ủy trong huyện đã cụ thể hóa việc học tập và làm theo Bác bằng nhiều "
            "mô hình thiết thực, gắn với nhiệm vụ chính trị của từng địa phương, đơn vị.",
            "Hội nghị đã khen thưởng 15 tập thể và 20 cá nhân có thành tích tiêu biểu.", "Hoàng Hà")


def _reasons(result) -> dict[str, str]:
    return {text: why for _line, why, text in result.dropped}


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
