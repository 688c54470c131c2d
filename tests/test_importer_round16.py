"""Round 16 of the importer: a form's controls inside a paragraph, long-form pages credited to their photographer,
and text in the encodings an outside tester saves pages in."""
from __future__ import annotations

import unicodedata

from importing import import_page, lines
from importing import PAGE_LAST as _LAST, PAGE_LEAD as _LEAD, PAGE_TITLE as _TITLE
from importing import imported_controls as _control, saved_around as _saved


# -- a form's controls inside a paragraph (controls.py) ---------------------------------------------------------

def test_control_words_that_belong_to_the_sentence_stay_where_the_control_stood(registries):
    cases = {
        "<p>Chi bộ thôn Đồng Mai đã <button class='glossary'>nêu gương</button> trong việc hiến đất làm đường.</p>":
            "Chi bộ thôn Đồng Mai đã nêu gương trong việc hiến đất làm đường.",
        "<p>Mỗi đảng viên phải gương mẫu trong <button title='Nghị quyết số 21-NQ/TW'>Nghị quyết 21</button> về "
        "công tác đảng viên.</p>": "Mỗi đảng viên phải gương mẫu trong Nghị quyết 21 về công tác đảng viên.",
        "<p>Quà được trao cho <button>gia đình ông Lò Văn Pấng</button>.</p>":
            "Quà được trao cho gia đình ông Lò Văn Pấng.",
        "<p>Số tiền ủng hộ <input value='120 triệu đồng' readonly> đã được trao tận tay các gia đình.</p>":
            "Số tiền ủng hộ 120 triệu đồng đã được trao tận tay các gia đình.",
        "<p>Kinh phí làm đường là <select><option>10 tỷ đồng</option><option selected>12 tỷ đồng</option></select>"
        " do nhân dân đóng góp.</p>": "Kinh phí làm đường là 12 tỷ đồng do nhân dân đóng góp.",
    }
    for paragraph, expected in cases.items():
        kept, reported = _control(paragraph, registries)
        assert kept == [expected], paragraph  # was the sentence with a hole ("đã trong việc", "ủng hộ đã được")
        assert reported == [], paragraph


def test_a_control_s_furniture_in_a_paragraph_is_left_out_and_reported(registries):
    sentence = "Đồng chí Bí thư nhấn mạnh: mỗi đảng viên phải gương mẫu đi đầu."
    cases = {
        f"<p>{sentence} <button>Xem thêm</button></p>": [("khuôn trang (button)", "Xem thêm")],
        f"<p>{sentence} <button onclick='more()'>Đọc tiếp »</button></p>": [("khuôn trang (button)", "Đọc tiếp »")],
        f"<p>Nghe đọc bài <button>▶</button> {sentence}</p>": [("khuôn trang (button)", "Nghe đọc bài")],
        f"<p>{sentence} <textarea>Nhập ý kiến của bạn</textarea></p>":
            [("khuôn trang (textarea)", "Nhập ý kiến của bạn")],
        "<p>Đồng chí Bí thư nhấn mạnh: mỗi đảng viên phải <select><option>gương mẫu</option><option>đi đầu"
        "</option></select> trong mọi việc.</p>": [("khuôn trang (select)", "gương mẫu · đi đầu")],
    }
    for paragraph, expected in cases.items():
        kept, reported = _control(paragraph, registries)
        assert reported == expected, paragraph  # was nothing in the report
        assert not any(words in " ".join(kept) for _why, words in expected), paragraph
    kept, _reported = _control(f"<p>Nghe đọc bài <button>▶</button> {sentence}</p>", registries)
    assert kept == [sentence]  # was "Nghe đọc bài Đồng chí …"


def test_a_share_bar_of_buttons_is_still_one_bar(registries):
    kept, reported = _control("<p>Chia sẻ <button>Facebook</button><button>Zalo</button></p>", registries)
    assert kept == [] and reported == [("khuôn trang (share)", "Chia sẻ · Facebook · Zalo")]


# -- encodings (mojibake.py, decode.py) -------------------------------------------------------------------------

_PAGE = lines(_TITLE, "12/05/2025 08:30", _LEAD, _LAST, "Nguyễn Văn An")


def test_utf8_read_as_latin1_with_its_control_characters_is_put_back(registries):
    garbled = _PAGE.encode("utf-8").decode("latin-1")  # "Láº\xadp", "Ná»\x99i": bytes 0x80-0x9F as U+0080-U+009F
    assert "\x99" in garbled  # "bộ": a byte Windows-1252 reads as "™", here a control character
    for suffix, data in ((".txt", garbled.encode("utf-8")), (".html", _as_html(garbled))):
        result, meta, body = import_page(data, registries, suffix)
        assert meta["title"] == _TITLE, suffix  # was "Xã Tân Láº\xadp …", the line reported as garbled
        assert meta["author"] == "Nguyễn Văn An", suffix
        assert _LAST in body, suffix
        assert any(w.startswith("đã sửa lỗi mã chữ") for w in result.warnings), suffix
        assert not any("không sửa hết được" in w for w in result.warnings), suffix


def _as_html(text: str) -> bytes:
    parts = text.strip("\n").split("\n")
    return ("<html><head><meta charset='utf-8'></head><body><h1>" + parts[0] + "</h1>"
            + "".join(f"<p>{p}</p>" for p in parts[1:]) + "</body></html>").encode("utf-8")


def test_utf16_saved_without_a_byte_order_mark_is_read(registries):
    for codec in ("utf-16-le", "utf-16-be"):
        for suffix, text in ((".txt", _PAGE), (".html", _as_html(_PAGE).decode("utf-8"))):
            result, meta, body = import_page(text.encode(codec), registries, suffix)  # was "tệp nhị phân"
            assert meta["title"] == _TITLE and _LAST in body, (codec, suffix)
            assert result.encoding == "UTF-16 (không có BOM)", (codec, suffix)


def test_nfd_text_with_a_bom_and_a_lying_charset_is_read_as_nfc(registries):
    page = unicodedata.normalize("NFD", _as_html(_PAGE).decode("utf-8")).replace("charset='utf-8'",
                                                                                    "charset='windows-1252'")
    _result, meta, body = import_page(b"\xef\xbb\xbf" + page.encode("utf-8"), registries, ".html")
    assert meta["title"] == _TITLE and _LAST in body


# -- a long-form credited to its photographer (credits.photographer_byline, byline.LABEL, lines.CREDIT_ONLY) ------

_LONG = ("<html><head><meta charset='utf-8'><title>Những người giữ lửa ở bản Mông | Báo Lào Cai</title></head><body>"
         "<article class='emagazine'>{top}<h1>Những người giữ lửa ở bản Mông</h1>{under}<div class='time'>12/05/2025 "
         "08:30</div><p class='sapo'><strong>Giữa đại ngàn Hoàng Liên, có những người thầy vẫn ngày ngày lặng lẽ làm "
         "theo lời Bác, giữ lửa tri thức cho con em đồng bào Mông ở tỉnh Lào Cai.</strong></p>{after_lead}"
         "<figure><img src='/uploads/anh1.jpg'><figcaption>Thầy Giàng A Pao lên lớp sớm.</figcaption></figure>"
         "<p>Mỗi sáng, thầy Giàng A Pao dậy từ 5 giờ, vượt hơn 10 km đường đèo để tới điểm trường Sín Chải.</p>"
         "<p>Thầy kể, những năm đầu về bản, học sinh đến lớp thưa thớt, có hôm chỉ còn ba em ngồi học.</p>"
         "<figure><img src='/uploads/anh2.jpg'><figcaption>Giờ học của các em ở điểm trường.</figcaption></figure>"
         "<p>Đến nay, tỷ lệ học sinh đến lớp của điểm trường đạt 100%, không còn em nào bỏ học.</p>{end}"
         "</article></body></html>")
_PLACES = ("top", "under", "after_lead", "end")
_PHOTOGRAPHER_CHECK = "bài chỉ ghi tên người chụp ảnh, không ghi người viết; hãy kiểm tra tác giả"


def _long_form(credit: str, place: str, registries) -> tuple:
    page = _LONG.format(**{p: f"<p>{credit}</p>" if p == place else "" for p in _PLACES})
    result, meta, body = import_page(page, registries, ".html")
    return result, meta, body


def test_a_long_form_credited_only_to_its_photographer_is_signed_by_the_photographer(registries):
    for credit in ("Ảnh: Nguyễn Văn Hùng", "Ảnh: NGUYỄN VĂN HÙNG", "Ảnh: Nguyễn Văn Hùng - Thiết kế: Lê Lan",
                   "Ảnh: Nguyễn Văn Hùng (TTXVN)", "(Ảnh: Nguyễn Văn Hùng)", "Ảnh, video: Nguyễn Văn Hùng",
                   "Ảnh - Video: Nguyễn Văn Hùng", "ẢNH : NGUYỄN VĂN HÙNG", "Photo: Nguyễn Văn Hùng"):
        for place in _PLACES:
            result, meta, body = _long_form(credit, place, registries)
            assert meta["author"] == "Nguyễn Văn Hùng", (credit, place)  # was no author
            assert "Hùng" not in body and "HÙNG" not in body, (credit, place)
            assert any(w.startswith("trang chỉ ghi công người chụp ảnh") for w in result.warnings), (credit, place)
            assert "không tìm thấy tên tác giả trên trang" not in result.warnings
    text = _long_form("Ảnh: Nguyễn Văn Hùng", "end", registries)[0].text
    assert f'author: "Nguyễn Văn Hùng"  # kiểm tra lại: {_PHOTOGRAPHER_CHECK}' in text


def test_writer_and_photographer_credits_in_every_order_name_the_writer(registries):
    for credit in ("Ảnh - bài: Nguyễn Văn Hùng", "Bài - ảnh: Nguyễn Văn Hùng", "Nội dung & ảnh: Nguyễn Văn Hùng",
                   "Ảnh và nội dung: Nguyễn Văn Hùng", "Ảnh: Trần Minh - Bài: Nguyễn Văn Hùng",
                   "Ảnh: Trần Minh | Nội dung: Nguyễn Văn Hùng", "Ảnh và bài: Nguyễn Văn Hùng",
                   "Bài, ảnh: Nguyễn Văn Hùng", "Thực hiện: Nguyễn Văn Hùng"):
        for place in _PLACES:
            result, meta, body = _long_form(credit.replace("&", "&amp;"), place, registries)
            assert meta["author"] == "Nguyễn Văn Hùng", (credit, place)  # was none, the line in the body
            assert "Hùng" not in body and "Trần Minh" not in body, (credit, place)
            assert not any(w.startswith("trang chỉ ghi công người chụp ảnh") for w in result.warnings)


def test_a_photo_credit_signs_no_article_when_a_writer_or_two_photographers_are_named(registries):
    page = _LONG.format(top="", under="<p>Bài: Lê Minh Hải</p>", after_lead="", end="<p>Ảnh: Nguyễn Văn Hùng</p>")
    _result, meta, _body = import_page(page, registries, ".html")
    assert meta["author"] == "Lê Minh Hải"
    page = _LONG.format(top="", under="<p>Ảnh: Trần Minh</p>", after_lead="", end="<p>Ảnh: Nguyễn Văn Hùng</p>")
    _result, meta, _body = import_page(page, registries, ".html")
    assert "author" not in meta
    for credit in ("Ảnh: TTXVN", "Ảnh minh họa: Nguyễn Văn Hùng", "Ảnh tư liệu: Nguyễn Văn Hùng"):
        _result, meta, _body = _long_form(credit, "end", registries)
        assert "author" not in meta, credit


def test_a_lost_photo_s_credit_amid_the_text_signs_nothing(registries):
    page = lines(_TITLE, "12/05/2025 08:30", _LEAD, "Chi bộ thôn Đồng Mai đi đầu trong việc hiến đất làm đường.",
                 "Ảnh: Nguyễn Văn Hùng", _LAST)
    _result, meta, _body = import_page(page, registries)
    assert "author" not in meta
    paste = (_TITLE, "12/05/2025 08:30", _LEAD, _LAST)
    _result, meta, _body = import_page(lines(*paste, "Ảnh: Nguyễn Văn Hùng"), registries)
    assert "author" not in meta  # a paste whose photos were not copied: the last photo's credit
    _result, meta, body = import_page(lines(paste[0], "Ảnh: Nguyễn Văn Hùng", *paste[1:]), registries)
    assert meta["author"] == "Nguyễn Văn Hùng" and "Hùng" not in body  # over the lead: the whole article's credit


# -- a message's bold and a sender's label over the headline (clean.typed_bold, headline.clean_title) -------------

_MESSAGE = ("Chiều 3/11/2025, Hội Cựu chiến binh xã Đắk Mil (tỉnh Lâm Đồng) tổ chức sơ kết 5 năm thực hiện Kết luận "
            "01-KL/TW của Bộ Chính trị gắn với cuộc vận động “Cựu chiến binh gương mẫu”.",
            "Trong 5 năm, hội viên đã đóng góp hơn 300 ngày công, hiến 2.000 m2 đất làm đường.",
            "Tin: Nguyễn Hữu Phước - CCB xã Đắk Mil")
_HEADLINE = "Hội Cựu chiến binh xã Đắk Mil sơ kết 5 năm học tập và làm theo Bác"


def test_a_chat_s_bold_stars_are_marks_not_words(registries):
    result, meta, body = import_page(lines(f"*{_HEADLINE}*", "", *_MESSAGE), registries)
    assert meta["title"] == _HEADLINE  # was "*Hội Cựu chiến binh … Bác*"
    page = lines(_HEADLINE, "03/11/2025", _MESSAGE[0], "*PV:* Xin ông cho biết kết quả nổi bật?",
                 "*Ông Y Bih:* Hội viên đã hiến đất, góp ngày công làm đường.", *_MESSAGE[1:])
    _result, _meta, body = import_page(page, registries)
    assert "**PV:** Xin ông cho biết kết quả nổi bật?" in body  # was "*PV:* Xin …": the stars as written
    assert "**Ông Y Bih:** Hội viên đã hiến đất" in body
    for line in ("Tỉnh Sơn La có 12 xã đạt chuẩn (*).", "Diện tích 5*3 m được dành cho sân chơi của các cháu."):
        _result, _meta, body = import_page(lines(_HEADLINE, "03/11/2025", _MESSAGE[0], line, *_MESSAGE[1:]),
                                           registries)
        assert line.replace("*", "\\*") in body or line in body, line


def test_a_sender_s_label_before_the_headline_is_taken_off_and_said(registries):
    for label in ("TIN BÀI: ", "Tiêu đề: ", "Tít: ", "Tên bài viết: "):
        result, meta, _body = import_page(lines(label + _HEADLINE, "", *_MESSAGE), registries)
        assert meta["title"] == _HEADLINE, label  # was "TIN BÀI: Hội Cựu chiến binh …"
        assert f"đã bỏ nhãn “{label.strip()}” trước tiêu đề" in result.warnings, label
    _result, meta, _body = import_page(lines("Bài 2: " + _HEADLINE, "", *_MESSAGE), registries)
    assert meta["title"] == "Bài 2: " + _HEADLINE  # a series' part is no sender's label


# -- a poll outside any form (boxes.poll_box) --------------------------------------------------------------------

def test_a_poll_box_in_the_article_is_left_out_and_reported(registries):
    for names in ("class='poll'", "class='box-binhchon'", "id='khao-sat'", "class='widget survey'"):
        poll = (f"<div {names}><p>Bạn đánh giá thế nào về phong trào?</p><label><input type='radio' name='p'> Rất tốt"
                "</label><label><input type='radio' name='p'> Tốt</label><button>Bình chọn</button></div>")
        kept, reported = _control(poll, registries)
        assert kept == [], names  # was the question and "## Rất tốt Tốt", a heading
        assert reported == [("khuôn trang (thăm dò ý kiến)", "Bạn đánh giá thế nào về phong trào?"),
                            ("khuôn trang (thăm dò ý kiến)", "Rất tốt · Tốt")], names


# -- page furniture a phone's copy brings along (boilerplate.csv) ------------------------------------------------

_FURNITURE = {
    "Bài viết có hữu ích không?": "rating", "Bài viết này có hữu ích với bạn không?": "rating", "Có | Không": "rating",
    "Báo lỗi": "rating", "Báo lỗi bài viết": "rating", "Nghe đọc bài viết Dừng": "audio", "Nghe Dừng": "audio",
    "Nhấn để xem ảnh lớn": "nav", "Video đang được xử lý": "nav", "Scroll để tiếp tục đọc": "ads",
    "Gửi bài viết qua email": "share", "Hiển thị 1 - 10 trên 25 bình luận": "comment",
}
_YOUTH = ("Tuổi trẻ Điện Biên học tập và làm theo Bác", "12/05/2025 08:30",
          "Những năm qua, Đoàn Thanh niên tỉnh Điện Biên đã cụ thể hóa việc học tập và làm theo tư tưởng, đạo đức, "
          "phong cách Hồ Chí Minh bằng nhiều việc làm thiết thực.",
          "Năm 2025, các cơ sở Đoàn đã tổ chức 150 công trình, phần việc thanh niên, trao 500 suất quà cho học sinh.",
          "Thời gian tới, Tỉnh đoàn tiếp tục đẩy mạnh phong trào thanh niên tình nguyện gắn với làm theo Bác.")


def test_a_phone_copy_s_feedback_player_and_notice_lines_are_furniture(registries):
    for line, kind in _FURNITURE.items():
        for page in (lines(*_YOUTH[:3], line, *_YOUTH[3:], "Hà Linh"), lines(*_YOUTH, "Hà Linh", line)):
            result, meta, body = import_page(page, registries)
            assert line not in body, line  # was a paragraph of the text (or "Nghe Dừng" the author)
            assert meta["author"] == "Hà Linh", line
            assert (f"khuôn trang ({kind})", line) in [(why, text) for _n, why, text in result.dropped], line
    for sentence in ("Có không ít đoàn viên đã tình nguyện hiến máu nhiều lần trong năm.",
                     "Báo lỗi chính tả trong văn bản là việc của mỗi cán bộ văn phòng."):
        _result, _meta, body = import_page(lines(*_YOUTH[:3], sentence, *_YOUTH[3:], "Hà Linh"), registries)
        assert sentence in body


def test_mojibake_whose_no_break_space_or_undefined_byte_was_lost_is_put_back(registries):
    # "à" is C3 A0: its A0, a no-break space, became a plain space ("HÃ  Ná»™i", "lÃ m"); "Đ" is C4 90, and 0x90,
    # which Windows-1252 leaves undefined, was dropped ("Äáº¢NG").
    lead = ("Đảng bộ xã Tân Lập đã làm được 15 công trình thiết thực, được nhân dân đồng tình ủng hộ, góp phần xây dựng "
            "nông thôn mới.")
    garbled = lead.encode("utf-8").decode("cp1252", errors="ignore").replace("\xa0", " ")
    assert garbled.startswith("Äáº£ng bá»™ xÃ£ TÃ¢n Láº­p Ä‘Ã£ lÃ m")
    title = "Đảng bộ xã Tân Lập làm theo Bác"
    page = lines(title.encode("utf-8").decode("cp1252", errors="ignore").replace("\xa0", " "), "12/05/2025 08:30",
                 garbled, _LAST, "Nguyễn Văn An")
    result, meta, body = import_page(page, registries)
    assert meta["title"] == title  # was "Äáº£ng bá»™ xÃ£ …", kept as garbled
    assert meta["summary"] == lead  # was "Äáº£ng bá»™ xÃ£ … lÃ m …"
    assert not any("không sửa hết được" in w for w in result.warnings)
    # A letter whose last byte (0x81, 0x8D, 0x8F, 0x90 or 0x9D) was dropped is the one candidate that makes its word a
    # syllable: "há»c" is "học" (not "hềc", "hỏc", "hờc"), "Tá»T" in capitals "TỐT"; "Thá»" may be "Thọ", "Thỏ",
    # "Thờ", "Thề": said, not guessed.
    lead = "Hội nghị học tập chuyên đề năm 2025 của xã Tân Lập được tổ chức tốt, có nhiều đảng viên tham dự."
    garbled = lead.encode("utf-8").decode("cp1252", errors="ignore")
    result, meta, _body = import_page(lines("NGƯỜI TỐT VIỆC TỐT Ở XÃ TÂN LẬP".encode("utf-8").decode(
        "cp1252", errors="ignore"), "12/05/2025 08:30", garbled, _LAST), registries)
    assert meta["title"] == "NGƯỜI TỐT VIỆC TỐT Ở XÃ TÂN LẬP"  # was "NGÆ¯á»œI Tá»T …", reported as garbled
    assert meta["summary"].startswith("Hội nghị học tập chuyên đá» năm 2025")  # "đề": "đọ", "đỏ", "đờ" are words too
    assert "nhiều đảng viên" in meta["summary"] and "tổ chức tốt" in meta["summary"]
    assert [w for w in result.warnings if "không sửa hết được" in w] == [
        "dòng 3 có chữ bị lỗi mã (như “Ã¡”, “Ä‘”) không sửa hết được: đã giữ trong bài, hãy gõ lại theo bài gốc"]


def test_a_writer_in_the_page_s_metadata_beats_a_photographer_s_credit(registries):
    page = _LONG.format(top="", under="", after_lead="", end="<p>Ảnh: Nguyễn Văn Hùng</p>").replace(
        "</title>", "</title><meta name='author' content='Lê Minh Hải'>")
    result, meta, _body = import_page(page, registries, ".html")
    assert meta["author"] == "Lê Minh Hải"  # was the photographer
    assert not any(w.startswith("trang chỉ ghi công người chụp ảnh") for w in result.warnings)
    assert ("ghi chú ảnh không kèm ảnh", "Ảnh: Nguyễn Văn Hùng") in [(why, text) for _n, why, text in result.dropped]
    page = page.replace("Lê Minh Hải", "Báo Lào Cai")  # a paper's name is no writer: the photographer stays
    _result, meta, _body = import_page(page, registries, ".html")
    assert meta["author"] == "Nguyễn Văn Hùng"


def test_a_poll_section_s_article_is_no_poll_box(registries):
    page = _saved("<p>Chi bộ thôn Đồng Mai đi đầu trong việc hiến đất làm đường giao thông nông thôn.</p>").replace(
        "<article>", "<article class='binh-chon'>").replace("<body>", "<body class='page-poll'>")
    _result, meta, body = import_page(page, registries, ".html")
    assert meta["title"] == _TITLE and "Chi bộ thôn Đồng Mai đi đầu" in body


def test_a_sentence_naming_a_control_keeps_the_control_s_words(registries):
    for paragraph, expected in {
        "<p>Bấm <button>Tải về</button> để xem toàn văn Kế hoạch số 12-KH/ĐU của Đảng ủy xã.</p>":
            "Bấm Tải về để xem toàn văn Kế hoạch số 12-KH/ĐU của Đảng ủy xã.",
        "<p>Người dân chọn mục <button>Gửi ý kiến</button> để góp ý dự thảo văn kiện Đại hội.</p>":
            "Người dân chọn mục Gửi ý kiến để góp ý dự thảo văn kiện Đại hội.",
    }.items():
        kept, reported = _control(paragraph, registries)
        assert kept == [expected], paragraph  # was "Bấm để xem toàn văn …", "Tải về" reported as furniture
        assert reported == [], paragraph
    kept, reported = _control("<p>Đồng chí Bí thư phát biểu <button>Nghe</button> tại hội nghị sơ kết.</p>", registries)
    assert kept == ["Đồng chí Bí thư phát biểu tại hội nghị sơ kết."]
    assert reported == [("khuôn trang (button)", "Nghe")]
