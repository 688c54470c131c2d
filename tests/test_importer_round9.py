"""Importer round 9: a PDF's running header with the page number on its line, a capitals headline
broken after a comma, and the pages of round 9's corpus."""
from __future__ import annotations

from importing import import_page, left_out, lines

# A text copied out of a magazine's PDF: lines broken at one width.
_WRAPPED = [
    "Nêu gương là một phương thức lãnh đạo quan trọng của Đảng, được Chủ tịch Hồ Chí Minh",
    "thường xuyên nhắc nhở. Thực hiện Quy định của Ban Chấp hành Trung ương, Tỉnh ủy đã ban hành",
    "kế hoạch, xác định rõ trách nhiệm nêu gương của người đứng đầu cấp ủy các cấp ở cơ sở.",
    "Thứ nhất, công tác quán triệt được tiến hành nghiêm túc, gắn với thực hiện Chỉ thị số",
    "05-CT/TW của Bộ Chính trị và các nghị quyết của Tỉnh ủy về xây dựng Đảng ở địa phương.",
    "Thứ hai, nhiều người đứng đầu đã gương mẫu đi trước, tiên phong trong các nhiệm vụ khó như",
    "giải phóng mặt bằng, chuyển đổi số, cải cách thủ tục hành chính ở các huyện trong tỉnh.",
    "Thứ ba, công tác kiểm tra, giám sát việc nêu gương được chú trọng; những trường hợp vi phạm",
    "được xử lý kịp thời, nghiêm minh, góp phần củng cố niềm tin của nhân dân đối với Đảng ta.",
]


def _pdf(header_first: str, header: str, title: list[str]) -> str:
    body = _WRAPPED[:3] + [header.format(n=45)] + _WRAPPED[3:] + [header.format(n=46)]  # page 46's foot
    return lines(header_first, *title, "ThS. TRẦN THỊ MAI ANH", "Tóm tắt: Bài viết phân tích kết quả thực hiện "
                 "trách nhiệm nêu gương của cán bộ, đảng viên ở Bắc Ninh giai đoạn 2019 - 2024.", *body)


def test_a_running_header_with_the_page_number_on_its_line_is_left_out(registries):
    for first, header in (("TẠP CHÍ TUYÊN GIÁO Số 9 - 2024", "TẠP CHÍ TUYÊN GIÁO Số 9 - 2024 {n}"),
                          ("Tạp chí Cộng sản số 1.050", "{n} Tạp chí Cộng sản số 1.050")):
        result, meta, body = import_page(_pdf(first, header, ["NÊU GƯƠNG NGƯỜI ĐỨNG ĐẦU Ở BẮC NINH"]), registries)
        assert len(left_out(result, "đầu trang in lặp lại (bản PDF)")) == 3, header
        assert "45" not in body and "46" not in body and first not in body
        assert meta["title"] == "NÊU GƯƠNG NGƯỜI ĐỨNG ĐẦU Ở BẮC NINH"
        # the paragraph goes on over the page break
        assert "các cấp ở cơ sở. Thứ nhất" in body or "các cấp ở cơ sở.\n\nThứ nhất" in body


def test_numbered_headings_of_a_document_are_no_running_header(registries):
    page = _pdf("TẠP CHÍ TUYÊN GIÁO", "Điều {n}", ["NÊU GƯƠNG NGƯỜI ĐỨNG ĐẦU Ở BẮC NINH"])
    result, _meta, body = import_page(page, registries)
    assert not left_out(result, "đầu trang in lặp lại (bản PDF)")
    assert "Điều 45" in body


def test_a_capitals_headline_broken_after_a_comma_is_one_title(registries):
    page = _pdf("TẠP CHÍ TUYÊN GIÁO Số 9 - 2024", "TẠP CHÍ TUYÊN GIÁO Số 9 - 2024 {n}",
                ["PHÁT HUY VAI TRÒ NÊU GƯƠNG CỦA CÁN BỘ,", "ĐẢNG VIÊN Ở BẮC NINH"])
    result, meta, body = import_page(page, registries)
    assert meta["title"] == "PHÁT HUY VAI TRÒ NÊU GƯƠNG CỦA CÁN BỘ, ĐẢNG VIÊN Ở BẮC NINH"
    assert meta["author"] == "ThS. Trần Thị Mai Anh"
    assert meta["summary"].startswith("Bài viết phân tích")
    assert "CÁN BỘ," not in body


# -- a word's last letter before a quotation mark is no mojibake (mojibake.py) -------------------------

def test_a_toned_letter_before_a_closing_quote_is_not_reported_as_garbled(registries):
    page = lines("Xã Hòa Phú khánh thành “Ngôi nhà văn hóa”", "12/05/2025 08:15",
                 "Sáng 12/5, xã Hòa Phú (Đà Nẵng) khánh thành công trình “Ngôi nhà” của thanh niên, thực hiện "
                 "Chỉ thị 05 của Bộ Chính trị.",
                 "Mô hình “Tổ tự quản đường chè” và “Chợ quê không có cá”— nay đã thành nếp, như lời Bác: "
                 "“việc gì có lợi cho dân thì làm, dù khó…”.")
    result, _meta, body = import_page(page, registries)
    assert not [w for w in result.warnings if "lỗi mã" in w]
    assert "đường chè”" in body


def test_a_line_still_garbled_is_still_reported(registries):
    page = lines("Xã Hòa Phú khánh thành nhà văn hóa", "12/05/2025 08:15",
                 "Sáng 12/5, xã Hòa Phú (Đà Nẵng) khánh thành công trình của thanh niên, thực hiện Chỉ thị 05.",
                 "Äáº¡i tÃ¡ Nguyá»n VÄn An phÃ¡t biá»u táº¡i buổi lễ “Ngôi nhà”.")
    result, _meta, _body = import_page(page, registries)
    assert any("lỗi mã" in w for w in result.warnings)


# -- a table that lays out the page: the article in one cell (tables.py) ------------------------------

_ARTICLE_CELL = (
    "<font size='4'><b>Liên đội THCS Nguyễn Du thi kể chuyện về Bác Hồ</b></font><br><i>Đăng ngày: 19/05/2024</i>"
    "<p><b>Nhân kỷ niệm Ngày sinh Chủ tịch Hồ Chí Minh, Liên đội Trường THCS Nguyễn Du, thành phố Bảo Lộc "
    "(Lâm Đồng) tổ chức hội thi kể chuyện về Bác cho 24 đội viên đại diện các chi đội.</b></p>"
    "<p>Các câu chuyện được chọn kể đều gần gũi: Bác Hồ với thiếu nhi, Bác Hồ tiết kiệm, Bác Hồ trồng cây. "
    "Nhiều em kết hợp kể chuyện với hát, đọc thơ, làm cho phần thi thêm sinh động.</p>"
    "<p>Hội thi là hoạt động thiết thực thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị trong nhà trường, giúp "
    "các em hiểu hơn về tấm gương đạo đức của Bác.</p>")


def test_a_cell_holding_paragraphs_beside_a_menu_is_layout_not_a_data_table(registries):
    page = ("<html><head><meta charset='utf-8'><title>Trường THCS Nguyễn Du - Tin tức</title></head><body>"
            "<table><tr><td colspan='2'><b>TRƯỜNG THCS NGUYỄN DU</b></td></tr>"
            "<tr><td><a href='a.htm'>Tin hoạt động</a><br><a href='b.htm'>Đoàn - Đội</a></td><td>" + _ARTICLE_CELL
            + "</td></tr></table></body></html>")
    _result, meta, body = import_page(page, registries, ".html")
    assert meta["title"] == "Liên đội THCS Nguyễn Du thi kể chuyện về Bác Hồ"
    assert meta["summary"].startswith("Nhân kỷ niệm Ngày sinh")
    assert "|" not in body and "Bác Hồ trồng cây." in body
    assert "source" not in meta  # "Tin tức" closing the <title> is a section, not the site


def test_a_data_table_with_long_cells_stays_a_table(registries):
    row = ("<tr><td>{n}</td><td>Chi bộ thôn {n} tổ chức sinh hoạt chuyên đề về học tập và làm theo Bác, mỗi đảng "
           "viên đăng ký một việc làm cụ thể gắn với nhiệm vụ được giao ở khu dân cư trong năm 2024.</td></tr>")
    page = ("<html><head><meta charset='utf-8'></head><body><h1>Kết quả học tập chuyên đề ở xã Tân Lập</h1>"
            "<p>12/05/2024 08:00</p><p>Năm 2024, Đảng ủy xã Tân Lập (Phú Thọ) chỉ đạo các chi bộ thực hiện chuyên đề "
            "học tập và làm theo Bác với nhiều cách làm hay.</p><table><tr><th>TT</th><th>Nội dung</th></tr>"
            + row.format(n=1) + row.format(n=2) + "</table></body></html>")
    _result, _meta, body = import_page(page, registries, ".html")
    assert "| TT | Nội dung |" in body


# -- a video kept as a link is named among the warnings, not among the lines left out ------------------

def test_a_kept_video_is_not_listed_as_left_out(registries):
    page = ("<html><head><meta charset='utf-8'></head><body><article><h1>Thanh niên Thủ đô tình nguyện vì cộng đồng"
            "</h1><p>15/07/2024 06:30</p><p>Hàng nghìn đoàn viên thanh niên Hà Nội ra quân chiến dịch tình nguyện hè, "
            "học tập và làm theo tấm gương đạo đức Hồ Chí Minh.</p><iframe src='https://www.youtube.com/embed/"
            "dQw4w9WgXcQ' title='Ra quân tình nguyện hè'></iframe><p>Chiến dịch năm nay tập trung vào các vùng ven "
            "của Thủ đô.</p></article></body></html>")
    result, _meta, body = import_page(page, registries, ".html")
    assert "Xem video: [Ra quân tình nguyện hè](https://www.youtube.com/watch?v=dQw4w9WgXcQ)" in body
    assert not [why for _line, why, _text in result.dropped if "video" in why]
    assert [w for w in result.warnings if w.startswith("đã giữ 1 video") and "watch?v=dQw4w9WgXcQ" in w]


# -- a quote written as a styled box (htmlsource.py) --------------------------------------------------

_QUOTE = "“Thủ đô phải là nơi gương mẫu về mọi mặt, xứng đáng là trái tim của cả nước”."


def _boxed(box: str) -> str:
    return ("<html><head><meta charset='utf-8'></head><body><article><h1>Phường Hàng Bạc giữ gìn nếp sống thanh lịch"
            "</h1><p>10/10/2024 09:30</p><p>Đảng ủy phường Hàng Bạc, quận Hoàn Kiếm (Hà Nội) phát động phong trào "
            "“Người Hà Nội thanh lịch, văn minh” gắn với học tập và làm theo Bác.</p><p>Tại lễ phát động, các tổ "
            "dân phố đã ký cam kết giữ gìn trật tự, vệ sinh tuyến phố cổ.</p>" + box
            + "<p>Đảng ủy phường xác định đây là việc làm thường xuyên ở khu dân cư.</p></article></body></html>")


def test_a_quote_written_as_a_styled_div_stays_a_quote(registries):
    for box in (f'<div class="quote"><p>{_QUOTE}</p></div>',
                f'<div class="box-trich-dan">{_QUOTE}</div>',
                f'<div class="wp-block-pullquote"><p>{_QUOTE}</p></div>',
                f'<div style="padding-left:10px;border-left:3px solid #c00"><p>{_QUOTE}</p></div>',
                f'<p style="border-left: 4px solid red">{_QUOTE}</p>'):
        _result, _meta, body = import_page(_boxed(box), registries, ".html")
        assert f"> {_QUOTE}" in body, box
        assert "> Đảng ủy phường" not in body and "> Tại lễ" not in body


def test_a_quote_box_keeps_its_speaker_in_the_same_quote(registries):
    box = f'<div class="quote"><p>{_QUOTE}</p><p class="quote-author">Chủ tịch Hồ Chí Minh</p></div>'
    _result, _meta, body = import_page(_boxed(box), registries, ".html")
    assert f"> {_QUOTE}\n>\n> — Chủ tịch Hồ Chí Minh" in body


def test_a_box_without_a_left_rule_or_a_quote_class_is_no_quote(registries):
    for box in (f'<div class="quote-author"><p>{_QUOTE}</p></div>',
                f'<div style="border-left:0 solid #fff"><p>{_QUOTE}</p></div>',
                f'<div style="border-left:none"><p>{_QUOTE}</p></div>'):
        _result, _meta, body = import_page(_boxed(box), registries, ".html")
        assert f"> {_QUOTE}" not in body and _QUOTE in body, box


# -- words glued across inline elements (inline.py) ----------------------------------------------------

def _sentence(inner: str) -> str:
    return ("<html><head><meta charset='utf-8'></head><body><article><h1>Thanh niên Hà Nội tình nguyện vì cộng đồng"
            "</h1><p>15/07/2024 06:30</p><p>Hàng nghìn đoàn viên thanh niên Hà Nội ra quân chiến dịch tình nguyện hè, "
            "học tập và làm theo tấm gương đạo đức Hồ Chí Minh.</p><p>Buổi sinh hoạt về " + inner
            + " cùng nhau làm theo gương Bác.</p></article></body></html>")


def test_two_syllables_glued_across_inline_elements_are_two_words(registries):
    for inner, shown in (("<span>học</span><span>tập</span>", "về học tập cùng"),
                         ("<b>Thanh niên</b>tình nguyện", "về Thanh niên tình nguyện cùng"),
                         ("<i>phong</i>trào", "về phong trào cùng"),
                         ("<span class='c2'>“Thắp sáng ước mơ”</span><span class='c0'>cho em", "mơ” cho em"),
                         ("<b>kết quả:</b>tốt", "kết quả: tốt")):
        _result, _meta, body = import_page(_sentence(inner), registries, ".html")
        assert shown in body.replace("*", ""), inner


def test_a_word_split_by_its_formatting_stays_one_word(registries):
    for inner, shown in (("nghề <b>nghi</b>ệp", "nghề nghiệp"), ("<b>Đ</b>ây", "Đây"),
                         ("<span>Face</span>book", "Facebook"), ("<span>H’</span>Mông", "H’Mông"),
                         ("<span>tr</span>ường", "trường"), ("<i>2024</i>năm", "2024năm")):
        _result, _meta, body = import_page(_sentence(inner), registries, ".html")
        assert shown in body.replace("*", ""), inner


# -- a post copied from a Facebook page (lines.py, vague.py, boilerplate.csv) ---------------------------

def _post(stamp: str) -> str:
    return lines("Đoàn Thanh niên xã Hòa Phú", stamp,
                 "🇻🇳 HÒA PHÚ: 100 ĐOÀN VIÊN RA QUÂN “NGÀY CHỦ NHẬT XANH” LÀM THEO LỜI BÁC 🇻🇳",
                 "Sáng 14/4, Đoàn Thanh niên xã Hòa Phú, huyện Hòa Vang phối hợp với Hội Liên hiệp Thanh niên thành phố "
                 "Đà Nẵng ra quân “Ngày Chủ nhật xanh”, thu gom hơn 2 tấn rác thải. 💪",
                 "Hưởng ứng Chỉ thị 05 của Bộ Chính trị, các chi đoàn thôn đã nhận chăm sóc 5 tuyến đường hoa và trồng "
                 "mới 300 cây xanh tại các khu dân cư. 🌳",
                 "#HocTapVaLamTheoBac #ChuNhatXanh", "Xem bản dịch",
                 "Có thể là hình ảnh về 8 người, cây và văn bản",
                 "👍❤️ Bạn, Nguyễn Văn Thành và 234 người khác", "12 bình luận", "18 lượt chia sẻ")


def test_the_name_over_a_posts_stamp_is_the_poster_not_the_headline(registries):
    for stamp in ("15 tháng 4, 2024 · 🌏", "15 tháng 4, 2024 ·", "15/04/2024 lúc 09:15 · 👥"):
        result, meta, body = import_page(_post(stamp), registries)
        assert meta["title"] == "HÒA PHÚ: 100 ĐOÀN VIÊN RA QUÂN “NGÀY CHỦ NHẬT XANH” LÀM THEO LỜI BÁC", stamp
        assert (meta["date"].year, meta["date"].month, meta["date"].day) == (2024, 4, 15)
        assert "date" not in result.meta.checks  # a post's stamp above its text is no page clock
        assert meta["summary"].startswith("Sáng 14/4") and "Đoàn Thanh niên xã Hòa Phú\n" not in body


def test_a_posts_day_and_month_in_words_without_a_year_is_no_headline(registries):
    for stamp in ("15 tháng 4 lúc 09:15 · 🌏", "15 thg 4 lúc 09:15 ·"):
        result, meta, _body = import_page(_post(stamp), registries)
        assert meta["title"].startswith("HÒA PHÚ: 100 ĐOÀN VIÊN"), stamp
        assert meta["draft"] is True
        assert any("không ghi năm" in w for w in result.warnings)


def test_facebooks_reactions_and_photo_descriptions_are_left_out(registries):
    result, _meta, body = import_page(_post("15 tháng 4, 2024 · 🌏"), registries)
    assert "Có thể là hình ảnh" not in body and "người khác" not in body
    assert left_out(result, "khuôn trang (alt)") == ["Có thể là hình ảnh về 8 người, cây và văn bản"]
    for line in ("Minh Anh and 1,2K others", "👍 Nguyễn Thị Hoa và 12 người khác"):
        page = _post("15 tháng 4, 2024 · 🌏").replace("👍❤️ Bạn, Nguyễn Văn Thành và 234 người khác", line)
        result, _meta, body = import_page(page, registries)
        assert "others" not in body and "người khác" not in body, line


# -- a related box whose items carry their summaries (htmlsource.py, clean.py) ------------------------

_ITEM = ("<div class='item'><h4><a href='/{n}.html'>{title}</a></h4><div class='meta'>0{n}/06/2024</div>"
         "<p>{summary}</p></div>")
_OTHER = [("Chư Păh nhân rộng mô hình “Dân vận khéo” ở vùng đồng bào",
           "Năm 2023, huyện Chư Păh có 46 mô hình “Dân vận khéo” được công nhận, trong đó nhiều mô hình ở vùng đồng "
           "bào dân tộc thiểu số mang lại hiệu quả thiết thực."),
          ("Ia Grai biểu dương 50 điển hình học tập và làm theo Bác",
           "Sáng 31/5, Huyện ủy Ia Grai tổ chức hội nghị biểu dương 50 tập thể, cá nhân điển hình trong học tập và làm "
           "theo tư tưởng, đạo đức, phong cách Hồ Chí Minh giai đoạn 2021 - 2024.")]


def _related_page(box: str, after: str = "") -> str:
    return ("<html><head><meta charset='utf-8'></head><body><main><h1>Chi bộ làng Đê Kôn học Bác từ những việc nhỏ</h1>"
            "<p>07/06/2024 15:40</p><p>Chi bộ làng Đê Kôn (xã Ia Pa, huyện Chư Păh, Gia Lai) đưa việc học tập và làm "
            "theo Bác vào từng việc nhỏ: giữ sạch đường làng, giúp nhau giống lúa, vận động con em đến trường.</p>"
            "<p>Làng Đê Kôn có 214 hộ, phần lớn là đồng bào Jrai; mỗi đảng viên trong chi bộ nhận phụ trách từ 5 đến 7 "
            "hộ, hằng tháng đến thăm hỏi và hướng dẫn bà con cách làm ăn.</p>" + box + after + "</main></body></html>")


def test_a_related_box_goes_whole_with_its_items_summaries(registries):
    items = "".join(_ITEM.format(n=k + 5, title=t, summary=s) for k, (t, s) in enumerate(_OTHER))
    for box in (f"<div class='related-news'><h3>Tin liên quan</h3>{items}</div>",
                f"<section><div class='box-title'>Cùng chuyên mục</div><div class='list'>{items}</div></section>"):
        result, _meta, body = import_page(_related_page(box), registries, ".html")
        assert "Chư Păh có 46 mô hình" not in body and "Huyện ủy Ia Grai" not in body, box
        assert not [w for w in result.warnings if "trang danh sách" in w]
        assert "cách làm ăn." in body


def test_a_related_line_amid_the_text_takes_no_paragraphs_after_it(registries):
    rest = ("<p>Năm 2023, làng không còn học sinh bỏ học, 30 hộ thoát nghèo; chi bộ được Huyện ủy Chư Păh khen là "
            "chi bộ trong sạch, vững mạnh tiêu biểu.</p><p>Ông Rơ Châm Khăm chia sẻ: “Đảng viên làm trước thì dân làm "
            "theo, việc gì khó mấy cũng xong”, đó là cách chi bộ học Bác mỗi ngày.</p>")
    box = "<div><p><b>Tin liên quan</b></p><p><a href='/1.html'>Chư Păh nhân rộng mô hình “Dân vận khéo”</a></p>" + rest
    _result, _meta, body = import_page(_related_page(box + "</div>"), registries, ".html")
    assert "30 hộ thoát nghèo" in body and "Ông Rơ Châm Khăm chia sẻ" in body


# -- a video's poster: its alt says what it is (pictures.py, body.py) ---------------------------------

def test_a_posters_alt_says_it_is_a_still_of_the_video_and_is_no_caption(registries):
    for attrs, alt in (('title="Ra quân tình nguyện hè"', "Ảnh từ video “Ra quân tình nguyện hè”"), ("", "Ảnh từ video")):
        player = f'<video controls poster="/uploads/ra-quan.jpg" src="/uploads/ra-quan.mp4" {attrs}></video>'
        page = ("<html><head><meta charset='utf-8'></head><body><article><h1>Thanh niên Thủ đô tình nguyện vì cộng "
                "đồng</h1><p>15/07/2024 06:30</p><p>Hàng nghìn đoàn viên thanh niên Hà Nội ra quân chiến dịch tình "
                "nguyện hè, học tập và làm theo tấm gương đạo đức Hồ Chí Minh.</p>" + player + "<p>Chiến dịch năm nay "
                "tập trung vào các vùng ven của Thủ đô.</p></article></body></html>")
        _result, meta, body = import_page(page, registries, ".html")
        assert f"![{alt}](/images/ra-quan.jpg)\n" in body, attrs
        assert meta["image"] == {"src": "/images/ra-quan.jpg", "alt": alt}  # no caption made of the alt


# -- a post that prints no headline (headline.py, extract.py) -------------------------------------------

_UNTITLED = ["Huyện đoàn Krông Pắc", "3 tháng 5, 2024 ·",
             "Sáng nay, Huyện đoàn Krông Pắc (Đắk Lắk) tổ chức Lễ ra quân Tháng Thanh niên, trao 50 suất quà cho thiếu "
             "nhi có hoàn cảnh khó khăn tại xã Ea Kly. 🇻🇳",
             "Đây là hoạt động thiết thực thực hiện Chỉ thị 05 của Bộ Chính trị, giúp đoàn viên rèn luyện đạo đức, "
             "lối sống theo gương Bác.",
             "#TuoiTreKrongPac #LamTheoLoiBac", "45", "3 bình luận"]


def test_a_post_without_a_headline_keeps_its_text_and_takes_its_first_sentence_for_title(registries):
    result, meta, body = import_page(lines(*_UNTITLED), registries)
    assert meta["title"] == "Sáng nay, Huyện đoàn Krông Pắc (Đắk Lắk) tổ chức Lễ ra quân Tháng Thanh…"
    assert "title" in result.meta.checks and "viết tiêu đề" in result.meta.checks["title"]
    assert meta["summary"].startswith("Sáng nay, Huyện đoàn Krông Pắc (Đắk Lắk) tổ chức Lễ ra quân")
    assert "Đây là hoạt động thiết thực" in body and "#" not in meta["title"]
    assert meta["province"] == ["Đắk Lắk"] and meta["directives"] == ["05-CT/TW"]


def test_a_short_first_sentence_is_the_stand_in_title_whole(registries):
    page = lines(*_UNTITLED[:2], "Tuổi trẻ Krông Pắc ra quân Tháng Thanh niên năm 2024. Sáng nay, Huyện đoàn Krông Pắc "
                 "(Đắk Lắk) trao 50 suất quà cho thiếu nhi có hoàn cảnh khó khăn tại xã Ea Kly.", *_UNTITLED[3:])
    _result, meta, _body = import_page(page, registries)
    assert meta["title"] == "Tuổi trẻ Krông Pắc ra quân Tháng Thanh niên năm 2024"



def test_a_pdfs_page_labels_are_left_out(registries):
    for label in ("Trang {n}", "- {n} -", "{n}/12", "Trang {n}/12", "Page {n} of 12"):
        body = _WRAPPED[:3] + [label.format(n=3)] + _WRAPPED[3:] + [label.format(n=4)]
        page = lines("Tạp chí Cộng sản", "NÊU GƯƠNG NGƯỜI ĐỨNG ĐẦU Ở BẮC NINH", "ThS. TRẦN THỊ MAI ANH", *body)
        result, _meta, body_text = import_page(page, registries)
        assert left_out(result, "số trang (bản PDF)") == [label.format(n=3), label.format(n=4)], label
        assert label.format(n=3) not in body_text


def test_a_lone_fraction_or_label_in_a_wrapped_text_needs_its_pages(registries):
    # one "3/12" (a score, a date) without a next page is no page number
    body = _WRAPPED[:3] + ["3/12"] + _WRAPPED[3:]
    page = lines("Tạp chí Cộng sản", "NÊU GƯƠNG NGƯỜI ĐỨNG ĐẦU Ở BẮC NINH", "ThS. TRẦN THỊ MAI ANH", *body)
    result, _meta, _body = import_page(page, registries)
    assert not left_out(result, "số trang (bản PDF)")


# -- a Word page typed in TCVN3: a .VnTimeH line inside its tags (legacy.py) ---------------------------

def test_a_vntimeh_headline_inside_a_saved_pages_tags_comes_out_in_capitals(registries):
    from generator.importer import legacy
    tcvn3 = legacy.CHARSETS[0]

    def p(text: str, font: str = ".VnTime", tag: str = "span") -> str:
        return (f"<p class=MsoNormal style='text-align:justify'><{tag} style='font-family:\"{font}\"'>"
                f"{legacy.encode_text(text, tcvn3)}<o:p></o:p></{tag}></p>\n")

    page = ("<html><head><meta http-equiv=Content-Type content='text/html; charset=windows-1252'></head><body>\n"
            + p("HỌC TẬP VÀ LÀM THEO BÁC Ở XÃ YÊN TRUNG", ".VnTimeH") + p("Ngày 15 tháng 5 năm 2009")
            + p("Thực hiện Cuộc vận động học tập và làm theo tấm gương đạo đức Hồ Chí Minh, Đảng ủy xã Yên Trung, "
                "huyện Yên Phong (Bắc Ninh) đã có nhiều cách làm hay.")
            + p("Các chi bộ tổ chức sinh hoạt chuyên đề hằng tháng, mỗi đảng viên đăng ký một việc làm cụ thể theo "
                "gương Bác.") + "</body></html>")
    result, meta, _body = import_page(page.encode("cp1252"), registries, ".html")
    assert meta["title"] == "HỌC TẬP VÀ LÀM THEO BÁC Ở XÃ YÊN TRUNG"
    assert any(".VnTimeH" in w for w in result.warnings)


# -- Word's lists: markers in a symbol font, and the signature under a list (wordpage.py, extract.py) ----

def _word_item(marker: str, font: str, text: str) -> str:
    return (f"<p class=MsoListParagraphCxSpMiddle style='margin-left:36.0pt;text-indent:-18.0pt;mso-list:l1 level1 "
            f"lfo2'><![if !supportLists]><span style='font-family:{font}'>{marker}<span style='font:7.0pt "
            f"\"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]><span lang=VI>{text}<o:p></o:p></span></p>\n")


def test_words_list_markers_in_a_symbol_font_are_bullets_and_the_signature_below_is_the_author(registries):
    items = [("Ø", "Wingdings", "Mỗi thầy cô là một tấm gương đạo đức, tự học và sáng tạo;"),
             ("§", "Wingdings", "Tổ chức kể chuyện về Bác vào tiết chào cờ đầu tuần;"),
             ("·", "Symbol", "Phong trào “Kế hoạch nhỏ” giúp học sinh khó khăn;"),
             ("ü", "Wingdings", "100% giáo viên đăng ký làm theo Bác;"),
             ("v", "Wingdings", "Không có học sinh vi phạm đạo đức.")]
    page = ("<html><head><meta charset='utf-8'></head><body><div class=WordSection1>"
            "<p class=MsoNormal align=center><b><span lang=VI>Trường THCS Lê Lợi làm theo lời Bác dạy</span></b></p>"
            "<p class=MsoNormal><i><span lang=VI>Ngày đăng: 20/11/2024</span></i></p>"
            "<p class=MsoNormal><span lang=VI>Năm học 2024 - 2025, Trường THCS Lê Lợi, thành phố Hà Tĩnh tiếp tục "
            "thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị bằng các việc làm cụ thể trong dạy và học.</span></p>"
            "<p class=MsoNormal><span lang=VI>Nhà trường đã triển khai các nội dung chính:</span></p>\n"
            + "".join(_word_item(*item) for item in items)
            + "<p class=MsoNormal align=right><b><span lang=VI>Lê Thị Hương</span></b></p></div></body></html>")
    _result, meta, body = import_page(page, registries, ".html")
    for _marker, _font, text in items:
        assert f"- {text}" in body
    assert "Ø" not in body and "§" not in body and "ü" not in body
    assert meta["author"] == "Lê Thị Hương"


def test_letters_in_an_ordinary_font_stay_letters(registries):
    page = ("<html><head><meta charset='utf-8'></head><body><h1>Trường THCS Lê Lợi làm theo lời Bác dạy</h1>"
            "<p>20/11/2024</p><p>Năm học 2024 - 2025, Trường THCS Lê Lợi, thành phố Hà Tĩnh tiếp tục thực hiện Chỉ thị "
            "05-CT/TW của Bộ Chính trị bằng các việc làm cụ thể.</p><p><span style='font-family:Arial'>Ø</span> là "
            "ký hiệu của tập rỗng, <span style='font-family:Symbol'>p</span> trong toán học.</p></body></html>")
    _result, _meta, body = import_page(page, registries, ".html")
    assert "Ø là ký hiệu" in body and "p trong toán học" in body  # Symbol's "p" is π, no bullet


def test_a_signature_under_a_long_list_ending_the_article_is_its_author(registries):
    items = [f"{k}. Chi bộ thôn {k} đăng ký một việc làm cụ thể theo gương Bác;" for k in range(1, 7)]
    page = lines("Trường THCS Lê Lợi làm theo lời Bác dạy", "Ngày đăng: 20/11/2024",
                 "Năm học 2024 - 2025, Trường THCS Lê Lợi, thành phố Hà Tĩnh tiếp tục thực hiện Chỉ thị 05-CT/TW của "
                 "Bộ Chính trị bằng các việc làm cụ thể trong dạy và học.",
                 "Nhà trường đã triển khai các nội dung chính:", *items, "Lê Thị Hương")
    result, meta, _body = import_page(page, registries)
    assert meta["author"] == "Lê Thị Hương" and "author" not in result.meta.checks


def _related_paste(*after: str) -> str:
    return lines("Chi bộ làng Đê Kôn học Bác từ những việc nhỏ", "Thứ Sáu, 07/06/2024, 15:40 (GMT+7)",
                 "Chi bộ làng Đê Kôn (xã Ia Pa, huyện Chư Păh, Gia Lai) đưa việc học tập và làm theo Bác vào từng việc "
                 "nhỏ: giữ sạch đường làng, giúp nhau giống lúa, vận động con em đến trường.",
                 "Làng Đê Kôn có 214 hộ, phần lớn là đồng bào Jrai; mỗi đảng viên trong chi bộ nhận phụ trách từ 5 đến "
                 "7 hộ, hằng tháng đến thăm hỏi và hướng dẫn bà con cách làm ăn.", *after)


def test_a_pasted_related_list_with_dates_and_summaries_goes_whole(registries):
    items = [line for k, (title, summary) in enumerate(_OTHER) for line in (title, f"0{k + 5}/06/2024", summary)]
    result, _meta, body = import_page(_related_paste("Tin liên quan", *items), registries)
    assert "Chư Păh có 46 mô hình" not in body and "Huyện ủy Ia Grai" not in body
    assert not [w for w in result.warnings if "trang danh sách" in w]
    assert len(left_out(result, "khuôn trang (related)")) == 7


def test_the_article_going_on_after_a_dated_related_link_stays(registries):
    going_on = ["Năm 2023, làng không còn học sinh bỏ học, 30 hộ thoát nghèo; chi bộ được Huyện ủy khen là chi bộ "
                "trong sạch, vững mạnh tiêu biểu nhiều năm liền.",
                "Ông Rơ Châm Khăm chia sẻ: “Đảng viên làm trước thì dân làm theo, việc gì khó mấy cũng xong”."]
    _result, _meta, body = import_page(_related_paste("Tin liên quan", _OTHER[0][0], "05/06/2024", *going_on),
                                       registries)
    assert "30 hộ thoát nghèo" in body and "Ông Rơ Châm Khăm chia sẻ" in body


# -- a document typed in Word: its subject under the kind with a capital (documents.py) ---------------

def _document(head: list[str], kind: str, subject: str) -> str:
    return lines(*head, kind, subject, "-----",
                 "Thực hiện Kế hoạch của Ban Thường vụ Tỉnh ủy Thái Bình về thực hiện Chỉ thị số 05-CT/TW của Bộ Chính "
                 "trị, Ban Tuyên giáo Huyện ủy hướng dẫn tổ chức học tập chuyên đề năm 2024 như sau:",
                 "I. MỤC ĐÍCH, YÊU CẦU",
                 "Giúp cán bộ, đảng viên nắm vững nội dung chuyên đề năm 2024, tạo chuyển biến rõ rệt trong hành động.")


def test_a_documents_subject_typed_with_a_capital_joins_its_kind(registries):
    head = ["HUYỆN ỦY ĐÔNG HƯNG", "BAN TUYÊN GIÁO", "*", "Số 15-HD/BTGHU", "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Đông Hưng, ngày 05 tháng 3 năm 2024"]
    _result, meta, body = import_page(_document(head, "HƯỚNG DẪN", "Tổ chức học tập chuyên đề năm 2024 về học tập và "
                                                 "làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"), registries)
    assert meta["title"] == ("Hướng dẫn tổ chức học tập chuyên đề năm 2024 về học tập và làm theo tư tưởng, đạo đức, "
                             "phong cách Hồ Chí Minh")
    assert "HƯỚNG DẪN" not in body


def test_a_section_label_in_capitals_over_a_headline_is_no_name_and_no_document(registries):
    page = lines("Trang chủ", "THÔNG BÁO", "Tổ chức lễ kỷ niệm 134 năm Ngày sinh Chủ tịch Hồ Chí Minh",
                 "15/05/2024 08:00", "Sáng 15/5, Huyện ủy Đông Hưng (Thái Bình) tổ chức lễ kỷ niệm 134 năm Ngày sinh "
                 "Chủ tịch Hồ Chí Minh, biểu dương 30 điển hình học tập và làm theo Bác.",
                 "Tại buổi lễ, các đại biểu ôn lại cuộc đời, sự nghiệp cách mạng vẻ vang của Chủ tịch Hồ Chí Minh.")
    _result, meta, _body = import_page(page, registries)
    assert meta["title"] == "Tổ chức lễ kỷ niệm 134 năm Ngày sinh Chủ tịch Hồ Chí Minh"


# -- an <ol> keeps the numbers a browser draws (boxes.ListMarks, body.py) ------------------------------

def test_an_ordered_lists_items_keep_their_numbers_and_letters(registries):
    page = ("<html><head><meta charset='utf-8'></head><body><h1>Huyện Yên Thế ban hành kế hoạch học tập chuyên đề năm "
            "2025</h1><p>12/05/2025 08:15</p><p>Ngày 10/5, Ban Thường vụ Huyện ủy Yên Thế (Bắc Giang) ban hành kế hoạch "
            "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2025.</p><p>Các bước thực hiện:</p>"
            "<ol start='3'><li>Quán triệt trong quý II;</li><li value='7'>Sơ kết vào cuối năm.</li><li>Khen thưởng.</li>"
            "</ol><p>Nội dung học tập:</p><ol type='a'><li>Cấp huyện tổ chức hội nghị quán triệt;</li><li>Các chi bộ "
            "sinh hoạt chuyên đề;</li></ol><ul><li>Đoàn viên viết bài thu hoạch;</li><li>Hội viên đăng ký làm theo Bác.</li>"
            "</ul></body></html>")
    _result, _meta, body = import_page(page, registries, ".html")
    assert "3. Quán triệt trong quý II;\n\n<!-- -->\n\n7. Sơ kết vào cuối năm.\n8. Khen thưởng." in body  # 7: a new list
    assert "- a. Cấp huyện tổ chức hội nghị quán triệt;\n- b. Các chi bộ sinh hoạt chuyên đề;" in body
    assert "- Đoàn viên viết bài thu hoạch;\n- Hội viên đăng ký làm theo Bác." in body


# -- an article copied out of an e-mail (mail.py) ------------------------------------------------------

_MAIL_TEXT = ["Ngày 10/5, Đảng ủy xã Cẩm Sơn, huyện Cẩm Xuyên (Hà Tĩnh) tổ chức hội nghị sơ kết 3 năm thực hiện Chỉ "
              "thị số 05-CT/TW của Bộ Chính trị, biểu dương 15 tập thể, cá nhân tiêu biểu.",
              "Qua 3 năm, toàn xã có 100% chi bộ đưa nội dung học tập và làm theo Bác vào sinh hoạt thường kỳ.",
              "Trần Văn Bình"]


def test_an_e_mails_header_note_and_signature_are_left_out(registries):
    page = lines("Từ: Trần Văn Bình <tranvanbinh.btg@gmail.com>", "Đã gửi: Thứ Hai, 12 tháng 5, 2025 08:15",
                 "Đến: bbt.hoctapvalamtheobac@gmail.com",
                 "Chủ đề: Gửi bài: Xã Cẩm Sơn sơ kết 3 năm thực hiện Chỉ thị 05", "",
                 "Kính gửi Ban biên tập,", "Em xin gửi bài viết về hoạt động của xã, mong Ban biên tập xem xét.", "",
                 "Xã Cẩm Sơn sơ kết 3 năm thực hiện Chỉ thị 05", *_MAIL_TEXT, "", "--", "Trần Văn Bình",
                 "Cán bộ Ban Tuyên giáo Huyện ủy Cẩm Xuyên", "ĐT: 0912 345 678")
    result, meta, body = import_page(page, registries)
    assert meta["title"] == "Xã Cẩm Sơn sơ kết 3 năm thực hiện Chỉ thị 05"
    assert meta["summary"].startswith("Ngày 10/5, Đảng ủy xã Cẩm Sơn")
    assert meta["draft"] is True  # the day the e-mail was sent is no publication date
    assert meta["author"] == "Trần Văn Bình" and "Kính gửi" not in body and "0912" not in body
    assert len(left_out(result, "đầu thư điện tử (người gửi, người nhận, ngày gửi, chủ đề)")) == 4
    assert any("thư điện tử" in w for w in result.warnings)


def test_a_forwarded_e_mails_subject_is_the_headline_when_the_text_prints_none(registries):
    page = lines("---------- Forwarded message ---------", "From: Trần Văn Bình <tranvanbinh.btg@gmail.com>",
                 "Date: Mon, May 12, 2025 at 8:15 AM", "Subject: Fwd: Xã Cẩm Sơn sơ kết 3 năm thực hiện Chỉ thị 05",
                 "To: <bbt.hoctapvalamtheobac@gmail.com>", "", *_MAIL_TEXT)
    _result, meta, _body = import_page(page, registries)
    assert meta["title"] == "Xã Cẩm Sơn sơ kết 3 năm thực hiện Chỉ thị 05"


def test_labelled_lines_in_an_article_are_no_e_mail(registries):
    page = lines("Xã Cẩm Sơn sơ kết 3 năm thực hiện Chỉ thị 05", "12/05/2025 08:15", *_MAIL_TEXT[:2],
                 "Chủ đề: Học tập và làm theo Bác", "Người gửi: Nguyễn Văn An")
    result, meta, _body = import_page(page, registries)
    assert meta["date"].day == 12 and "draft" not in meta
    assert not any("thư điện tử" in w for w in result.warnings)


# -- two different names signing one article (extract.py) ----------------------------------------------

def test_a_second_different_name_signing_the_article_is_named_in_a_warning(registries):
    headline = "Vĩnh Linh: Người thương binh 40 năm làm theo lời Bác"
    lead = ("Bị thương trong chiến đấu bảo vệ biên giới phía Bắc năm 1984, trở về quê ở xã Vĩnh Thạch, huyện Vĩnh Linh "
            "(Quảng Trị), thương binh Hồ Văn Lợi vẫn bền bỉ lao động.")
    body = "Ông Lợi kể, lời Bác dạy “thương binh tàn nhưng không phế” là điều ông luôn ghi nhớ suốt bốn mươi năm qua."
    result, meta, _body = import_page(lines("Bài và ảnh: Lê Minh Hải", headline, "12/05/2025 08:15", lead, body,
                                            "Hoàng Anh (Trung tâm VH-TT huyện Vĩnh Linh)"), registries)
    assert meta["author"] == "Lê Minh Hải"
    assert [w for w in result.warnings if "“Hoàng Anh”" in w and "hãy xem ai là tác giả" in w]
    # the same person twice (in capitals above, plainly below) is one name: no warning
    result, meta, _body = import_page(lines(headline, "12/05/2025 08:15", "Bài, ảnh: LÊ MINH HẢI", lead, body,
                                            "Lê Minh Hải"), registries)
    assert meta["author"] == "Lê Minh Hải" and not [w for w in result.warnings if "hãy xem ai là tác giả" in w]


# -- a signature with the writer's post as its label (byline.py) ---------------------------------------

def test_a_signature_labelled_with_the_writers_post_is_the_author(registries):
    headline = "Liên đội THCS Nguyễn Du thi kể chuyện về Bác Hồ"
    lead = ("Nhân kỷ niệm Ngày sinh Chủ tịch Hồ Chí Minh, Liên đội Trường THCS Nguyễn Du, thành phố Bảo Lộc (Lâm Đồng) "
            "tổ chức hội thi kể chuyện về Bác cho 24 đội viên.")
    body = "Các câu chuyện được chọn kể đều gần gũi: Bác Hồ với thiếu nhi, Bác Hồ tiết kiệm, Bác Hồ trồng cây."
    for signature, name in (("Tổng phụ trách Đội: Trần Thị Thu Hương", "Trần Thị Thu Hương"),
                            ("Giáo viên Trường THCS Nguyễn Du: Nguyễn Văn An", "Nguyễn Văn An")):
        _result, meta, _body = import_page(lines(headline, "19/05/2024", lead, body, signature), registries)
        assert meta.get("author") == name, signature


def test_a_committees_members_listed_at_the_end_stay_in_the_text(registries):
    page = lines("Huyện Yên Thế thành lập Ban Chỉ đạo thực hiện Chỉ thị 05", "12/05/2025 08:15",
                 "Ngày 10/5, Ban Thường vụ Huyện ủy Yên Thế (Bắc Giang) quyết định thành lập Ban Chỉ đạo thực hiện Chỉ "
                 "thị số 05-CT/TW của Bộ Chính trị, gồm 9 thành viên.", "Thành phần Ban Chỉ đạo gồm:",
                 "Trưởng ban: Nguyễn Văn An", "Phó Trưởng ban: Trần Văn Bình")
    _result, meta, body = import_page(page, registries)
    assert "Trưởng ban: Nguyễn Văn An" in body and meta.get("author") != "Nguyễn Văn An"


def test_an_ordered_list_that_draws_no_numbers_keeps_the_typed_ones_once(registries):
    page = ("<html><head><meta charset='utf-8'></head><body><h1>Huyện Yên Thế ban hành kế hoạch học tập chuyên đề năm "
            "2025</h1><p>12/05/2025 08:15</p><p>Ngày 10/5, Ban Thường vụ Huyện ủy Yên Thế (Bắc Giang) ban hành kế hoạch "
            "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2025.</p><p>Các bước thực hiện:</p>"
            "<ol style='list-style:none'><li>1. Quán triệt trong quý II;</li><li>2. Sơ kết vào cuối năm.</li></ol>"
            "<ol type='a' style='list-style:none'><li>a) Cấp huyện tổ chức hội nghị;</li><li>b) Các chi bộ sinh hoạt "
            "chuyên đề.</li></ol></body></html>")
    _result, _meta, body = import_page(page, registries, ".html")
    assert "1. Quán triệt trong quý II;\n2. Sơ kết vào cuối năm." in body and "1. 1." not in body
    assert "a) Cấp huyện tổ chức hội nghị;" in body and "a. a)" not in body


def test_a_google_docs_exports_title_and_subtitle_are_read_as_words_styles(registries):
    page = ("<html><head><meta content='text/html; charset=UTF-8' http-equiv='content-type'></head>"
            "<body class='c9 doc-content'><p class='c5 title' id='h.t1'><span>Chi đoàn thôn 3 làm theo lời Bác</span></p>"
            "<p class='c5 subtitle' id='h.s1'><span>Một mô hình thanh niên tình nguyện ở xã Hòa Phú</span></p>"
            "<p class='c3'><span>Đăng ngày 12/05/2025</span></p><p class='c3'><span>Sáng 11/5, Chi đoàn thôn 3, xã Hòa "
            "Phú, huyện Hòa Vang (Đà Nẵng) ra mắt mô hình “Thanh niên làm theo lời Bác” với 25 đoàn viên.</span></p>"
            "<p class='c3'><span>Mô hình được Huyện đoàn Hòa Vang đánh giá cao, đề nghị nhân rộng.</span></p></body></html>")
    _result, meta, body = import_page(page, registries, ".html")
    assert meta["title"] == "Chi đoàn thôn 3 làm theo lời Bác"
    assert meta["summary"].startswith("Sáng 11/5") and "Một mô hình thanh niên tình nguyện" in body
    # a news site's own "title" boxes carry no heading id: no headline from them
    other = page.replace("<p class='c5 title' id='h.t1'>", "<p class='title'>").replace(" id='h.s1'", "")
    _result, meta, _body = import_page(other.replace("Chi đoàn thôn 3 làm theo lời Bác", "Tin mới"), registries,
                                       ".html")
    assert meta["title"] != "Tin mới"


def test_a_post_cut_short_by_xem_them_loses_the_ellipsis_and_says_so(registries):
    page = lines("Tuyên giáo Đắk Nông · Theo dõi", "3 tháng 5, 2024 · 🌏",
                 "📌 ĐẮK NÔNG: RA MẮT MÔ HÌNH “DÂN VẬN KHÉO” Ở BON BU PRÂNG",
                 "Sáng 2/5, Ban Dân vận Huyện ủy Tuy Đức phối hợp với UBND xã Quảng Trực ra mắt mô hình “Dân vận khéo” "
                 "trong giữ gìn an ninh biên giới, thực hiện Chỉ thị 05 của Bộ Chính trị. ... Xem thêm",
                 "Có thể là hình ảnh về 5 người và văn bản", "Tất cả cảm xúc:", "123", "Thích", "Bình luận")
    result, meta, body = import_page(page, registries)
    assert meta["summary"].endswith("thực hiện Chỉ thị 05 của Bộ Chính trị.")
    assert [w for w in result.warnings if "bị trang rút gọn" in w and "dòng 4" in w]
    assert "cảm xúc" not in body


def test_a_sentences_own_ellipsis_without_a_link_stays(registries):
    page = lines("Đắk Nông ra mắt mô hình “Dân vận khéo” ở bon Bu Prâng", "03/05/2024 09:15",
                 "Sáng 2/5, Ban Dân vận Huyện ủy Tuy Đức ra mắt mô hình “Dân vận khéo” trong giữ gìn an ninh biên giới, "
                 "với nhiều việc làm như tuần tra, vận động, giúp dân…",
                 "Mô hình được đồng bào M’nông ở bon Bu Prâng đồng tình, hưởng ứng tích cực.")
    result, meta, _body = import_page(page, registries)
    assert meta["summary"].endswith("giúp dân…") and not [w for w in result.warnings if "rút gọn" in w]
