"""Round 17 of the importer: a button holding the article's own sentence, files mixing Windows-1258 and UTF-8 lines,
and what an outside tester found on provincial pages."""
from __future__ import annotations

from importing import import_page, paragraphs
from importing import PAGE_LAST as _LAST, PAGE_LEAD as _LEAD, PAGE_TITLE as _TITLE
from importing import imported_controls as _control, saved_around as _saved


# -- a button alone in its block holding the article's sentence (controls.py) -------------------------------------

def test_a_lone_button_holding_a_sentence_of_the_article_is_kept(registries):
    cases = {
        "<div><button class='accordion'>Đảng bộ xã đã vận động nhân dân hiến hơn 5.000 m² đất, góp 2 tỷ đồng làm "
        "đường.</button></div>": "Đảng bộ xã đã vận động nhân dân hiến hơn 5.000 m² đất, góp 2 tỷ đồng làm đường.",
        "<p><button type='button'>Vì sao xã Tân Lập được chọn làm điểm của tỉnh?</button></p>":
            "Vì sao xã Tân Lập được chọn làm điểm của tỉnh?",
        "<div><button><span>Chi bộ thôn Đồng Mai</span> đã hoàn thành xuất sắc <b>nhiệm vụ</b> năm 2024.</button>"
        "<button>“Mỗi đảng viên là một tấm gương sáng”, đồng chí Bí thư nói.</button></div>":
            "Chi bộ thôn Đồng Mai đã hoàn thành xuất sắc nhiệm vụ năm 2024. “Mỗi đảng viên là một tấm gương sáng”, "
            "đồng chí Bí thư nói.",
    }
    for paragraph, expected in cases.items():
        kept, reported = _control(paragraph, registries)
        assert kept == [expected], paragraph  # was left out, reported as "khuôn trang (button)"
        assert reported == [], paragraph


def test_a_lone_button_s_label_is_still_left_out_and_reported(registries):
    for label in ("Xem thêm", "Nghe đọc bài", "Câu 1.", "Đồng ý và tiếp tục.", "Chia sẻ bài viết này lên Facebook.",
                  "Xem thêm các bài viết khác cùng chuyên mục.", "Nhập nội dung cần tìm kiếm vào ô này...",
                  "Tải toàn văn Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX", "bấm vào đây để xem toàn bộ danh sách."):
        kept, reported = _control(f"<div><button>{label}</button></div>", registries)
        assert kept == [], label
        assert reported == [("khuôn trang (button)", label)], label


# -- Windows-1258 and UTF-8 in one file, even on one line (spliced.py, decode.py) -------------------------------

def _cp1258(text: str) -> bytes:
    from test_importer import to_cp1258
    return to_cp1258(text)


_LINES = [_TITLE, "Thứ Hai, 12/05/2025 - 08:30", _LEAD,
          "Chi bộ thôn Đồng Mai đã hoàn thành xuất sắc nhiệm vụ năm 2024, được Đảng ủy xã khen thưởng.", _LAST,
          "Nguyễn Văn An"]


def _mixed_file(utf8_lines: set[int]) -> bytes:
    return b"\r\n".join(line.encode("utf-8") if n in utf8_lines else _cp1258(line)
                        for n, line in enumerate(_LINES, 1)) + b"\r\n"


def test_a_short_windows_1258_line_in_a_utf8_file_is_read_not_the_whole_file_refused(registries):
    data = b"\n".join([_cp1258("Theo Báo Lào Cai") if n == 5 else line.encode("utf-8")
                       for n, line in enumerate(_LINES, 1)]) + b"\n"
    result, meta, body = import_page(data, registries)  # was refused: "không đọc được bảng mã: byte 0xE1 …"
    assert meta["title"] == _TITLE
    assert "tệp lẫn hai bảng mã: có dòng 5 lưu ở bảng mã cũ Windows-1258, đã đổi sang Unicode: hãy đọc lại các " \
           "dòng này" in result.warnings
    assert "Báo Lào Cai" in result.text


def test_a_utf8_line_in_a_windows_1258_file_is_read_as_utf8(registries):
    # "góp công, góp của": no byte Windows-1258 leaves undefined, so the whole file read as Windows-1258 before,
    # the pasted line as "NhĂ¢n dĂ¢n … gĂ³p cĂ´ng"
    lines = list(_LINES)
    lines[3] = "Nhân dân trong xã đã góp công, góp của, hiến đất."
    data = b"\r\n".join(line.encode("utf-8") if n == 4 else _cp1258(line) for n, line in enumerate(lines, 1))
    result, meta, body = import_page(data, registries)
    assert meta["title"] == _TITLE
    assert "Nhân dân trong xã đã góp công, góp của, hiến đất." in paragraphs(body)
    assert ("tệp lẫn hai bảng mã: lưu ở bảng mã cũ Windows-1258, có dòng 4 lưu ở UTF-8; đã đổi cả bài sang "
            "Unicode: hãy đọc lại bài") in result.warnings


def _one_line_page(utf8_paragraph: bool) -> bytes:
    """A page saved on one line: Windows-1258 with one paragraph pasted in UTF-8, or the reverse."""
    def enc(text: str, pasted: bool) -> bytes:
        return text.encode("utf-8") if pasted == utf8_paragraph else _cp1258(text)
    charset = b"utf-8" if not utf8_paragraph else b"windows-1258"
    parts = [b"<html><head><meta charset='" + charset + b"'></head><body><article><h1>", enc(_TITLE, False),
             b"</h1><p>", enc(_LINES[1], False), b"</p><p>", enc(_LEAD, False), b"</p><p>", enc(_LINES[3], True),
             b"</p><p>", enc(_LAST, False), b"</p><p>", enc("Nguyễn Văn An", False), b"</p></article></body></html>"]
    return b"".join(parts)


def test_a_page_on_one_line_mixing_windows_1258_and_utf8_is_read_piece_by_piece(registries):
    for utf8_paragraph, warning in (
            (True, "tệp lẫn hai bảng mã: lưu ở bảng mã cũ Windows-1258, có chữ ở dòng 1 lưu ở UTF-8; đã đổi cả bài "
                   "sang Unicode: hãy đọc lại bài"),
            (False, "tệp lẫn hai bảng mã: có chữ ở dòng 1 lưu ở bảng mã cũ Windows-1258, đã đổi sang Unicode: hãy "
                    "đọc lại các dòng này")):
        result, meta, body = import_page(_one_line_page(utf8_paragraph), registries, ".html")  # was refused
        assert meta["title"] == _TITLE
        assert _LINES[3] in paragraphs(body)
        assert _LAST in paragraphs(body)
        assert warning in result.warnings


def test_lines_no_encoding_reads_are_named_in_the_refusal():
    from generator.errors import ContentError
    from generator.importer import convert
    from generator.taxonomy import load_registries
    data = ("Học tập và làm theo Bác\nDòng hai đúng Unicode.\n".encode("utf-8")
            + "Le café où l'on a dîné, très près de la forêt\n".encode("latin-1") + "Dòng bốn.\n".encode("utf-8"))
    try:
        convert(data, ".txt", load_registries(None), "/images/", "bai.txt")
    except ContentError as exc:
        message = str(exc)
    assert message == ("bai.txt:3: không đọc được dòng 3: các dòng này không phải UTF-8 như phần còn lại của tệp, "
                       "cũng không phải tiếng Việt mã Windows-1258, TCVN3 (.VnTime), VNI (VNI-Times) hay VISCII (byte "
                       "0xE9 ở vị trí 63); hãy gõ lại các dòng này theo bài gốc")


def test_windows_1258_and_utf8_files_alone_are_read_as_before():
    from generator.importer.decode import decode_page
    assert decode_page(_mixed_file(set())).encoding == "Windows-1258"
    assert decode_page(_mixed_file(set(range(1, 7)))).encoding == "UTF-8"
    french = "Le café où l'on a dîné, très près de la forêt près de Hà Nội".encode("cp1258", errors="ignore")
    from generator.importer.spliced import read_spliced
    assert read_spliced("Học tập và làm theo Bác\n".encode("utf-8") + french) is None  # î, ô … : no Vietnamese


# -- the office's name in capitals pasted over the date line and the headline (headline.py) ----------------------

def test_an_office_s_name_in_capitals_over_a_pasted_headline_is_no_headline(registries):
    headline = "GƯƠNG SÁNG HỌC TẬP VÀ LÀM THEO BÁC: NGƯỜI “GIỮ LỬA” NƠI BIÊN CƯƠNG"
    lead = ("LSO - Hơn 20 năm gắn bó với bản làng vùng biên, chị Hoàng Thị Mai, Bí thư Chi bộ thôn Na Sầm, xã Đồng "
            "Đăng đã trở thành điểm tựa tin cậy của đồng bào.")
    for office in ("BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY LẠNG SƠN", "ỦY BAN NHÂN DÂN XÃ ĐỒNG ĐĂNG",
                   "ĐẢNG BỘ TỈNH LẠNG SƠN"):
        text = "\n".join([office, "Thứ Sáu, 04/12/2026 | 15:45 (GMT+7)", "", headline, "", lead, "",
                          "Chị Mai chia sẻ: “Làm theo Bác là từ những việc nhỏ hằng ngày”.", "",
                          "Năm 2026, chi bộ thôn Na Sầm được công nhận “Trong sạch, vững mạnh” tiêu biểu.", "",
                          "MINH THU"]) + "\n"
        result, meta, body = import_page(text, registries)
        assert meta["title"] == headline, office  # was the office's name, the headline left in the body
        assert meta["summary"] == lead, office
        assert headline not in body, office
        assert meta["date"].isoformat() == "2026-12-04T15:45:00+07:00", office


# -- a sentence naming the weather or the lunar calendar is no widget (lines.py) ----------------------------------

def test_a_sentence_naming_the_weather_or_the_lunar_calendar_stays_in_the_body(registries):
    for sentence in ("Thời tiết khắc nghiệt, xa đất liền, nhưng anh em luôn vững vàng.",
                     "Nhân dịp Tết âm lịch, Chi đoàn đã trao 50 suất quà cho các gia đình khó khăn.",
                     "<strong>Thiếu tá Nguyễn Văn Hải:</strong> Thời tiết khắc nghiệt nhưng anh em luôn vững vàng."):
        result, _meta, body = import_page(_saved(f"<p>{sentence}</p>"), registries, ".html")
        plain = sentence.replace("<strong>", "**").replace("</strong>", "**")
        assert plain in paragraphs(body), sentence  # was left out as "tiện ích của trang (thời tiết, đồng hồ)"
    for widget in ("Thời tiết: Hà Nội 28°C, độ ẩm 70%", "Âm lịch: 15/10 năm Bính Ngọ"):
        result, _meta, body = import_page(_saved(f"<p>{widget}</p>"), registries, ".html")
        assert widget not in body, widget
        assert (widget in [text for _line, why, text in result.dropped if why.startswith("tiện ích")]), widget


# -- a date line printing the lunar date beside the day (dates.py, lines.py) --------------------------------------

def test_a_date_line_with_the_lunar_date_beside_it_gives_the_day(registries):
    cases = {
        "Thứ Hai, 07/12/2026 (18/10 Bính Ngọ)": "2026-12-07T00:00:00+07:00",
        "Thứ Hai, 07/12/2026 08:30 (18/10 âm lịch)": "2026-12-07T08:30:00+07:00",
        "Thứ Hai, ngày 07/12/2026 - 18/10 năm Bính Ngọ": "2026-12-07T00:00:00+07:00",
        "Thứ Hai, 07/12/2026 | 18 tháng 10 năm Bính Ngọ": "2026-12-07T00:00:00+07:00",
        "07/12/2026 (tức 18/10 năm Bính Ngọ) 08:30": "2026-12-07T08:30:00+07:00",
        "Thứ Hai, 07/12/2026 (ÂL: 18/10)": "2026-12-07T00:00:00+07:00",
    }
    for line, expected in cases.items():
        html = (f"<html><head><meta charset='utf-8'></head><body><article><h1>{_TITLE}</h1><div>{line}</div>"
                f"<p>{_LEAD}</p><p>{_LAST}</p><p>Nguyễn Văn An</p></article></body></html>")
        for data, suffix in ((html, ".html"), ("\n\n".join([_TITLE, line, _LEAD, _LAST, "Nguyễn Văn An"]), ".txt")):
            result, meta, _body = import_page(data, registries, suffix)
            assert meta["date"].isoformat() == expected, (line, suffix)  # was a draft dated the day of the import
            assert "draft" not in meta, (line, suffix)


def test_a_lunar_calendar_widget_is_still_no_date():
    from generator.importer.dates import meta_line
    assert meta_line("Âm lịch: 15/10 năm Bính Ngọ") is None
    assert meta_line("18/10 Bính Ngọ") is None


def test_bytes_shaped_like_utf8_but_not_utf8_do_not_break_the_spliced_reading():
    from generator.importer.spliced import read_spliced
    assert read_spliced(b"\xed\xa0\x80 Ti\xeau") is None  # a surrogate's bytes: raised UnicodeDecodeError
    assert read_spliced(b"\xe0\x80\x80 \xc4\x91")[0] == "à€€ đ"  # an overlong form: Windows-1258's bytes


def test_a_lone_button_in_a_heading_is_the_heading(registries):
    kept, reported = _control("<div class='accordion'><h3><button aria-expanded='false'>Kết quả nổi bật năm 2024"
                              "</button></h3><div class='panel'><p>Toàn xã có 15 mô hình điển hình được nhân rộng.</p>"
                              "</div></div>", registries)
    assert kept == ["## Kết quả nổi bật năm 2024", "Toàn xã có 15 mô hình điển hình được nhân rộng."]  # was dropped
    assert reported == []
    kept, reported = _control("<h3><button>Xem thêm</button></h3>", registries)
    assert (kept, reported) == ([], [("khuôn trang (button)", "Xem thêm")])


def test_a_utf8_file_with_its_bom_and_a_windows_1258_line_is_read(registries):
    data = b"\xef\xbb\xbf" + b"\r\n".join(_cp1258(line) if n == 4 else line.encode("utf-8")
                                          for n, line in enumerate(_LINES, 1)) + b"\r\n"
    result, meta, body = import_page(data, registries)  # was refused: "tệp có dấu BOM UTF-8 nhưng nội dung …"
    assert meta["title"] == _TITLE
    assert _LINES[3] in paragraphs(body)
    assert "tệp lẫn hai bảng mã: có dòng 4 lưu ở bảng mã cũ Windows-1258, đã đổi sang Unicode: hãy đọc lại các " \
           "dòng này" in result.warnings
