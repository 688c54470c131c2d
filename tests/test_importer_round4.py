"""Importer, round 4: a page an ASP.NET portal wraps in one <form>, a paste copied out of a chat.
Each test failed before its fix. Fixtures: tests/fixtures/importer/r4-*."""
from __future__ import annotations

from importing import import_fixture as fixture
from importing import import_page, left_out, lines, paragraphs


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


# -- a paste copied out of a chat (chat.py) ------------------------------------------------------

def test_a_chat_forward_loses_its_stamps_and_the_other_senders_messages(registries):
    result, meta, body = fixture("r4-zalo-forward.txt", registries)
    assert meta["title"] == "Xã Đông Xuân làm theo Bác bằng những con đường nông thôn mới"
    assert meta["summary"].startswith("Thực hiện Chỉ thị 05-CT/TW, những năm qua Đảng ủy xã Đông Xuân")
    assert meta["author"] == "Minh Quân"
    assert paragraphs(body)[0].startswith("Năm 2023, bà con trong xã đã hiến hơn 5.000 m² đất")
    assert "[08:" not in body and "Phạm Thị Lan" not in body
    assert "Ok em" not in body
    assert left_out(result, "tin nhắn của người khác trong cuộc trò chuyện") == ["Ok em, anh nhận rồi 👍"]
    stamps = left_out(result, "giờ gửi và người gửi tin nhắn")
    assert len(stamps) == 8 and stamps[1] == "[08:13, 20/3/2024] Phạm Thị Lan (Ban Tuyên giáo):"
    assert meta["draft"] is True  # the day a message was sent is no publication date
    assert any("tin nhắn" in w for w in result.warnings)


def test_an_exported_chat_with_dashes_is_read_the_same_way(registries):
    text = lines("20/03/2024, 08:13 - Lan: Xã Đông Xuân làm theo Bác bằng những con đường nông thôn mới",
                 "20/03/2024, 08:13 - Lan: Thực hiện Chỉ thị 05-CT/TW, những năm qua Đảng ủy xã Đông Xuân, "
                 "huyện Quốc Oai, Hà Nội đã vận động nhân dân chung sức xây dựng nông thôn mới.",
                 "20/03/2024, 08:14 - Lan: Năm 2023, bà con trong xã đã hiến hơn 5.000 m² đất để làm đường.",
                 "Đến nay, xã có 8/8 thôn đạt chuẩn thôn văn hóa.")
    result, meta, body = import_page(text, registries)
    assert meta["title"] == "Xã Đông Xuân làm theo Bác bằng những con đường nông thôn mới"
    assert "Lan:" not in body and "Đến nay, xã có 8/8 thôn" in body  # a message's second line stays


def test_one_quoted_message_in_an_article_is_left_as_written(registries):
    text = lines("Zalo của tổ dân phố: kênh kết nối cán bộ với người dân",
                 "Nhóm Zalo của tổ dân phố số 3, phường Tân Phong đã trở thành kênh kết nối hiệu quả giữa cán bộ "
                 "với người dân, góp phần thực hiện Chỉ thị 05-CT/TW ở thành phố Lai Châu.",
                 "[07:30, 2/4/2024] Tổ trưởng: Sáng mai tổng vệ sinh đường phố, mời bà con tham gia.",
                 "Chỉ sau một tin nhắn, hơn 60 hộ dân đã có mặt.")
    _result, _meta, body = import_page(text, registries)
    assert "[07:30, 2/4/2024] Tổ trưởng: Sáng mai tổng vệ sinh" in body
