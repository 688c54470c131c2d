"""Importer, round 4: a page an ASP.NET portal wraps in one <form>.
Each test failed before its fix. Fixtures: tests/fixtures/importer/r4-*."""
from __future__ import annotations

from importing import import_fixture as fixture
from importing import import_page, left_out


# -- a <form> holding the page (htmlsource.py) ----------------------------------------------------

def test_a_page_wrapped_in_one_form_is_imported_with_its_text(registries):
    result, meta, body = fixture("r4-aspnet-form.html", registries)
    assert meta["title"] == "Thanh Hóa biểu dương 150 điển hình tiên tiến học tập và làm theo Bác"
    assert meta["date"].isoformat() == "2024-06-05T16:20:00+07:00"
    assert meta["summary"].startswith("Sáng 5/6, Ban Thường vụ Tỉnh ủy Thanh Hóa tổ chức hội nghị")
    assert meta["author"] == "Hồng Nhung" and meta["province"] == ["Thanh Hóa"]
    assert "Qua 3 năm thực hiện Kết luận số 01-KL/TW" in body
    assert "tặng Bằng khen cho 50 tập thể và 100 cá nhân" in body
    assert result.images == ["hoi-nghi-bieu-duong.jpg"]


def test_a_form_of_fields_and_labels_is_left_out_and_each_line_reported(registries):
    page = ("<html><head><title>Tuổi trẻ Bến Tre làm theo lời Bác</title></head><body>"
            "<form action='/tim-kiem'><label>Tìm kiếm bài viết</label><input name='q'></form>"
            "<article><h1>Tuổi trẻ Bến Tre làm theo lời Bác</h1><p>12/05/2024 09:00</p>"
            "<p>Tỉnh đoàn Bến Tre vừa tổng kết 5 năm thực hiện Chỉ thị 05-CT/TW trong đoàn viên, thanh niên "
            "với hơn 300 công trình thanh niên được trao tặng cho địa phương.</p>"
            "<p>Nhiều mô hình hay như nhà nhân ái, tuyến đường thanh niên đã được nhân rộng ở các xã.</p>"
            "<form class='poll'><p>Bạn biết đến phong trào qua kênh nào?</p><label>Báo chí</label>"
            "<label>Mạng xã hội</label><button>Bình chọn</button></form></article></body></html>")
    result, meta, body = import_page(page, registries, ".html")
    assert meta["title"] == "Tuổi trẻ Bến Tre làm theo lời Bác"
    assert "Nhiều mô hình hay như nhà nhân ái" in body
    assert "Tìm kiếm" not in body and "Bình chọn" not in body and "kênh nào" not in body
    assert sorted(left_out(result, "khuôn trang (form)")) == ["Báo chí - Mạng xã hội",
                                                              "Bạn biết đến phong trào qua kênh nào?",
                                                              "Tìm kiếm bài viết"]

