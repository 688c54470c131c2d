"""Round 11 of the importer: pages and copies of kinds no test had used (a site's own video player, an
Outlook e-mail saved as HTML, nested and consecutive lists, …)."""
from __future__ import annotations

from importing import import_page, left_out

_SAPO = ("Hơn 10 năm thực hiện Chỉ thị 05-CT/TW, tỉnh Thái Nguyên đã có hàng nghìn tập thể, cá nhân được khen "
         "thưởng vì có thành tích trong học tập và làm theo Bác.")
_TEXT = ["Ông Hoàng Văn Bảy, 72 tuổi, ở xã Phú Đình, huyện Định Hóa, hơn 20 năm nay tự nguyện giữ gìn và quét "
         "dọn khu di tích ATK. Ông nói, làm theo lời Bác là làm những việc nhỏ mỗi ngày cho tốt.",
         "Theo Ban Tuyên giáo Tỉnh ủy Thái Nguyên, việc thực hiện Kết luận 01-KL/TW của Bộ Chính trị đã đi vào "
         "chiều sâu; mỗi cơ quan, đơn vị đều đăng ký nội dung làm theo cụ thể."]


def _saved(between: str = "", inside: str = "") -> str:
    return (f"<html><body><h1>Thái Nguyên lan tỏa những tấm gương bình dị làm theo Bác</h1>"
            f"<div class=\"meta\">12/06/2024 19:40</div><h2 class=\"sapo\">{_SAPO}</h2>{between}"
            f"<div class=\"content\"><p>{_TEXT[0]}</p>{inside}<p>{_TEXT[1]}</p></div></body></html>")


def test_a_site_s_own_player_box_is_a_link_to_its_video_and_its_labels_are_reported(registries):
    boxes = {  # VTV / Dân trí (VCCorp), a class, JW Player; the address written without a scheme or with one
        '<div class="VCSortableInPreviewMode" type="VideoStream" data-vid="vod.example.vn/2024/6/12/tn.mp4">'
        '<div class="videoTitle">Phỏng vấn Bí thư Tỉnh ủy Thái Nguyên</div><span class="vjs-duration">03:15</span>'
        '<div class="VideoCMS_Caption"><p>Bản tin Thời sự 19h ngày 12/6/2024</p></div></div>':
            "https://vod.example.vn/2024/6/12/tn.mp4",
        '<div class="VideoStream" data-file="//cdn.example.vn/v/tn.m3u8"><div>0:00</div>'
        '<div>Phỏng vấn Bí thư Tỉnh ủy Thái Nguyên</div><div>01:42 / 03:15</div></div>':
            "https://cdn.example.vn/v/tn.m3u8",
        '<div id="p1" class="jwplayer jw-reset" data-video-src="https://media.example.vn/tn.mp4">'
        '<div class="jw-title">Phỏng vấn Bí thư Tỉnh ủy Thái Nguyên</div><div class="jw-text">03:15</div></div>':
            "https://media.example.vn/tn.mp4",
    }
    for box, url in boxes.items():
        for page in (_saved(between=box), _saved(inside=box)):
            result, meta, body = import_page(page, registries, ".html")
            assert f"Xem video: [Phỏng vấn Bí thư Tỉnh ủy Thái Nguyên]({url})" in body, box
            assert "03:15" not in body and "##" not in body and "Bản tin Thời sự" not in body, body
            assert all(t in body for t in _TEXT) and meta["summary"] == _SAPO
            assert "03:15" in " ".join(left_out(result, "khuôn trang (trình phát video)"))


def test_a_player_box_without_an_address_is_reported_not_written(registries):
    box = '<div class="VideoStream"><div>Phỏng vấn Bí thư Tỉnh ủy</div><div>03:15</div></div>'
    result, _meta, body = import_page(_saved(inside=box), registries, ".html")
    assert "Phỏng vấn" not in body and "03:15" not in body and "Xem video" not in body
    assert any("Phỏng vấn Bí thư Tỉnh ủy" in t for t in left_out(result, "khuôn trang (trình phát video)"))
    # a class that only contains the word ("video-player-list" of teasers) is no player box
    _result, _meta, body = import_page(_saved(inside='<p class="videostream-note">Dịp này, 42 tập thể được '
                                                     'tặng Bằng khen.</p>'), registries, ".html")
    assert "42 tập thể" in body


def test_a_list_inside_a_list_item_stays_nested_and_the_outer_list_goes_on(registries):
    lists = ('<p>Kế hoạch đề ra các yêu cầu:</p><ol><li>Học tập gắn với Kết luận 01-KL/TW;</li>'
             '<li>Mỗi đảng viên xây dựng kế hoạch làm theo:<ul><li>đăng ký việc làm cụ thể;</li>'
             '<li>báo cáo kết quả:<ol><li>giữa năm;</li><li>cuối năm.</li></ol></li></ul></li>'
             '<li>Gắn với phong trào thi đua.</li></ol>'
             '<ul><li>Thời gian: quý II/2024.</li><li>Hình thức: trực tiếp.</li></ul>')
    _result, _meta, body = import_page(_saved(inside=lists), registries, ".html")
    assert ("1. Học tập gắn với Kết luận 01-KL/TW;\n"
            "2. Mỗi đảng viên xây dựng kế hoạch làm theo:\n"
            "    - đăng ký việc làm cụ thể;\n"
            "    - báo cáo kết quả:\n"
            "        1. giữa năm;\n"
            "        2. cuối năm.\n"
            "3. Gắn với phong trào thi đua.\n\n"
            "- Thời gian: quý II/2024.\n"
            "- Hình thức: trực tiếp.\n\n") in body, body
    # bullets in bullets, and a numbered list after a nested one that starts again at 1: a new list
    lists = ('<ul><li>Cấp tỉnh:<ul><li>Ban Tuyên giáo;</li><li>Ban Dân vận.</li></ul></li><li>Cấp huyện.</li></ul>'
             '<ol><li>Quý I;</li></ol><ol><li>Quý II.</li></ol>')
    _result, _meta, body = import_page(_saved(inside=lists), registries, ".html")
    assert "- Cấp tỉnh:\n    - Ban Tuyên giáo;\n    - Ban Dân vận.\n- Cấp huyện.\n\n1. Quý I;\n\n<!-- -->\n\n1. Quý II." in body, body


_MAIL_TEXT = ["Ngày 17/3/2024, Đoàn Thanh niên xã Tân Phú, huyện Đồng Phú, tỉnh Bình Phước tổ chức ra quân “Ngày thứ "
              "Bảy tình nguyện” hưởng ứng Tháng Thanh niên năm 2024.",
              "Hơn 60 đoàn viên, thanh niên đã dọn vệ sinh tuyến đường liên ấp, trồng 500 cây xanh và tặng 20 suất "
              "quà cho hộ nghèo trong xã."]


def _mail_page(header: str) -> str:
    body = "".join(f"<p class=MsoNormal>{p}<o:p></o:p></p>" for p in _MAIL_TEXT)
    return ("<html><head><meta name=Generator content=\"Microsoft Word 15 (filtered medium)\">"
            "<title>Gửi bài: Đoàn xã Tân Phú ra quân tình nguyện</title></head><body><div class=WordSection1>"
            f"{header}<p class=MsoNormal>&nbsp;</p><p class=MsoNormal>Kính gửi Ban biên tập,</p>"
            "<p class=MsoNormal>Em xin gửi bài viết về hoạt động của Đoàn xã, mong Ban biên tập xem xét đăng tải ạ."
            f"</p>{body}<p class=MsoNormal>--</p><p class=MsoNormal>Nguyễn Thị Lan | Phó Bí thư Đoàn xã</p>"
            "</div></body></html>")


def test_an_e_mail_saved_as_a_page_loses_its_header_table_note_and_signature(registries):
    rows = (("From:", "Nguyễn Thị Lan &lt;lan@example.com&gt;"), ("Sent:", "Monday, March 18, 2024 9:12 PM"),
            ("To:", "bbt@lamtheobac.vn"), ("Subject:", "Gửi bài: Đoàn xã Tân Phú ra quân tình nguyện"))
    outlook = "<table class=MsoNormalTable>" + "".join(
        f"<tr><td><p class=MsoNormal><b>{k}</b></p></td><td><p class=MsoNormal>{v}</p></td></tr>" for k, v in rows) \
        + "</table>"
    thunderbird = "<table class=\"moz-email-headers-table\">" + "".join(
        f"<tr><th>{k} </th><td>{v}</td></tr>" for k, v in (("Tiêu đề:", rows[3][1]), ("Ngày:", "18/03/2024 21:12"),
                                                            ("Người gửi:", rows[0][1]), ("Người nhận:", rows[2][1]))) \
        + "</table>"
    # a message forwarded in Outlook: the header is one paragraph of lines under a rule
    forwarded = ('<div style="border:none;border-top:solid #E1E1E1 1.0pt"><p class=MsoNormal>' + "<br>".join(
        f"<b>{k}</b> {v}" for k, v in rows) + "<o:p></o:p></p></div>")
    for header in (outlook, thunderbird, forwarded):
        for suffix in (".htm", ".html"):
            result, meta, body = import_page(_mail_page(header), registries, suffix)
            assert meta["title"] == "Đoàn xã Tân Phú ra quân tình nguyện", header
            assert meta["summary"] == _MAIL_TEXT[0] and meta["draft"] is True
            assert "bbt@" not in body and "Kính gửi" not in body and "Em xin gửi" not in body
            assert "Phó Bí thư Đoàn xã" not in body and _MAIL_TEXT[1] in body
            assert any("lan@example.com" in t for t in left_out(result, "đầu thư điện tử (người gửi, người nhận, "
                                                                             "ngày gửi, chủ đề)"))
            assert any(w.startswith("văn bản chép từ thư điện tử") for w in result.warnings)


def test_a_table_of_dates_from_and_to_on_a_page_is_no_e_mail_header(registries):
    table = ("<table><tr><td>Từ:</td><td>ngày 01/3/2024</td></tr><tr><td>Đến:</td><td>ngày 31/3/2024</td></tr>"
             "</table>")
    result, _meta, body = import_page(_saved(inside=table), registries, ".html")
    assert "01/3/2024" in body and not any("thư điện tử" in w for w in result.warnings)


def test_a_byline_of_a_central_highlands_name_with_an_apostrophe_is_the_author(registries):
    from importing import lines
    for signed, author in (("H’Linh Niê", "H’Linh Niê"), ("H'HEN NIÊ", "H'Hen Niê"),
                           ("Bài và ảnh: KSOR H’BƠ KHĂP", "Ksor H’Bơ Khăp")):
        page = lines("Huyện ủy Krông Pắc học tập chuyên đề năm 2023", "12/04/2023 09:30",
                     "Ban Thường vụ Huyện ủy Krông Pắc vừa tổ chức hội nghị học tập, quán triệt chuyên đề năm 2023 "
                     "cho hơn 300 cán bộ chủ chốt của huyện.",
                     "Tại hội nghị, báo cáo viên đã truyền đạt những nội dung cơ bản của chuyên đề, gắn với việc "
                     "thực hiện Kết luận 01-KL/TW của Bộ Chính trị.", signed)
        _result, meta, body = import_page(page, registries)
        assert meta["author"] == author, signed
        assert signed not in body
    # an English possessive is no name
    _result, meta, _body = import_page(lines("Huyện ủy Krông Pắc học tập chuyên đề năm 2023", "12/04/2023 09:30",
                                             "Ban Thường vụ Huyện ủy Krông Pắc vừa tổ chức hội nghị học tập, quán "
                                             "triệt chuyên đề năm 2023 cho hơn 300 cán bộ chủ chốt.",
                                             "Uncle Ho's Words"), registries)
    assert meta.get("author") is None


_PASTE_TEXT = ["Trong 3 năm qua, Ban Thường vụ Huyện ủy đã ban hành nhiều văn bản lãnh đạo, chỉ đạo, đưa việc học tập "
               "và làm theo Bác thành nội dung sinh hoạt thường kỳ của chi bộ.",
               "Dịp này, Ban Thường vụ Huyện ủy khen thưởng 12 tập thể và 20 cá nhân có thành tích tiêu biểu trong "
               "học tập và làm theo Bác."]


def _paste(*middle: str) -> str:
    from importing import lines
    return lines("Huyện U Minh sơ kết 3 năm thực hiện Kết luận 01-KL/TW", "Ngày đăng: 08/07/2024 | 15:20",
                 "Sáng 8/7, Ban Thường vụ Huyện ủy U Minh tổ chức hội nghị sơ kết 3 năm thực hiện Kết luận số "
                 "01-KL/TW của Bộ Chính trị.", _PASTE_TEXT[0], *middle, _PASTE_TEXT[1], "Hồng Nhung")


def test_a_short_line_saying_who_attended_is_a_caption_not_a_paragraph(registries):
    for caption in ("Các đại biểu tham dự hội nghị.", "Đại biểu dự lễ chụp ảnh lưu niệm.",
                    "Lãnh đạo huyện tham dự hội nghị."):
        _result, _meta, body = import_page(_paste(caption), registries)
        assert f"*{caption}*" in body, body
    # a sentence of the text that says who attended and what they did is no caption
    sentence = ("Các đại biểu tham dự hội nghị đã thảo luận sôi nổi, đề xuất nhiều giải pháp nâng cao chất lượng "
                "sinh hoạt chi bộ trong thời gian tới")
    _result, _meta, body = import_page(_paste(sentence), registries)
    assert f"\n{sentence}\n" in body and f"*{sentence}" not in body


def test_a_photo_s_placeholder_in_a_copied_text_is_left_out_and_the_line_under_it_is_its_caption(registries):
    for mark in ("[Hình ảnh]", "(Ảnh)", "[image]", "Photo"):
        result, _meta, body = import_page(_paste(mark, "Hội nghị diễn ra tại hội trường Huyện ủy U Minh."),
                                          registries)
        assert "*Hội nghị diễn ra tại hội trường Huyện ủy U Minh.*" in body, mark
        assert mark not in body and mark in left_out(result, "chỗ ảnh trong văn bản chép (không có tệp ảnh)")
        assert all(t in body for t in _PASTE_TEXT)
    # a paragraph under the placeholder stays a paragraph
    long = ("Hội nghị diễn ra tại hội trường Huyện ủy U Minh. Các đại biểu đã thảo luận, đề xuất nhiều giải pháp "
            "nâng cao chất lượng sinh hoạt chi bộ, gắn việc làm theo Bác với phát triển kinh tế, giảm nghèo "
            "bền vững, xây dựng nông thôn mới và chăm lo đời sống nhân dân ở các ấp, khóm trên địa bàn huyện.")
    _result, _meta, body = import_page(_paste("[Hình ảnh]", long), registries)
    assert f"\n{long}\n" in body


def test_a_paragraph_under_a_photo_whose_alt_describes_it_is_text_not_its_caption(registries):
    going_on = ("Ông Chảo kể, những năm trước, rừng đầu nguồn bị chặt phá nhiều. Học theo lời Bác dạy “Mùa xuân "
                "là Tết trồng cây”, ông cùng các con trồng từng gốc pơ mu, sa mộc trên các sườn đồi.")
    for photo in ('<amp-img src="https://cdn.example.vn/2024/09/ong-chao.jpg" width="800" height="533" '
                  'alt="Ông Lý Seo Chảo kiểm tra rừng đầu nguồn."></amp-img>',
                  '<p><img src="/2024/09/ong-chao.jpg" alt="Ông Lý Seo Chảo kiểm tra rừng đầu nguồn."></p>'):
        _result, meta, body = import_page(_saved(inside=photo + f"<p>{going_on}</p>"), registries, ".html")
        assert f"\n{going_on}\n" in body, body
        assert meta["image"]["caption"] == "Ông Lý Seo Chảo kiểm tra rừng đầu nguồn."
    # a caption of one sentence in a plain <p> under the photo is still its caption
    caption = "Ông Lý Seo Chảo (bìa phải) cùng cán bộ kiểm lâm tuần tra rừng đầu nguồn xã Y Tý."
    _result, meta, body = import_page(_saved(inside=photo + f"<p>{caption}</p>"), registries, ".html")
    assert meta["image"]["caption"] == caption


def test_a_player_s_clock_copied_one_label_a_line_is_left_out_not_read_as_live_stamps(registries):
    for clock in (("0:00", "/", "03:15"), ("00:00", "01:42"), ("0:00 /", "1:02:15")):
        result, _meta, body = import_page(_paste(*clock), registries)
        assert "##" not in body and "0:00" not in body, body
        assert all(t in body for t in _PASTE_TEXT)
        assert list(clock) == left_out(result, "khuôn trang (audio)")


def test_a_note_s_mark_linked_to_its_note_is_written_in_brackets_not_glued_to_the_word(registries):
    text = ('<p>Phong trào “Dân vận khéo” đã có hàng trăm mô hình<sup><a href="#fn2" id="ref2">2</a></sup>, '
            'trên diện tích 120 m<sup>2</sup> mỗi điểm<sup id="r3"><a href="#note-3"><em>13</em></a></sup>.</p>'
            '<div class="footnotes"><hr><ol start="2"><li id="fn2">Báo cáo của Ban Dân vận Tỉnh ủy năm 2024. '
            '<a href="#ref2">↩</a></li></ol></div>')
    _result, _meta, body = import_page(_saved(inside=text), registries, ".html")
    assert "hàng trăm mô hình[2], trên diện tích 120 m² mỗi điểm[13]." in body, body
    assert "[2] Báo cáo của Ban Dân vận Tỉnh ủy năm 2024." in body  # the note keeps the same mark


def test_a_video_element_with_a_player_s_class_is_one_video_with_nothing_reported(registries):
    box = ('<video class="video-js vjs-default-skin" poster="/p/tn.jpg" src="https://media.example.vn/tn.mp4" '
           'title="Phỏng vấn Bí thư Tỉnh ủy">Trình duyệt không hỗ trợ video.</video>')
    result, _meta, body = import_page(_saved(inside=box), registries, ".html")
    assert body.count("Xem video: [Phỏng vấn Bí thư Tỉnh ủy](https://media.example.vn/tn.mp4)") == 1
    assert "Trình duyệt" not in body and result.dropped == []
