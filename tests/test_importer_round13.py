"""Round 13 of the importer: the tag of ethnic minorities, footnotes in the lead, the report's reasons, a portal's
name line as the source, and pages of kinds no test had used."""
from __future__ import annotations

from importing import import_page, left_out, lines

from generator.importer.entities import tag_scores


# -- "đồng bào" (generator/data/tags.csv, entities.tag_keywords, importer/ethnic_groups.csv) ------------------

def _minorities(text: str, registries) -> int:
    return dict(tag_scores({"body": text}, registries)).get("dân tộc thiểu số", 0)


def test_bac_s_dong_bao_is_every_citizen_not_an_ethnic_minority(registries):
    for text in ("Hỡi đồng bào cả nước!", "Đồng bào ta ngày nay cũng rất xứng đáng với tổ tiên ta ngày trước.",
                 "Toàn thể đồng bào, cán bộ, đảng viên tỉnh nhà.", "Đồng bào và chiến sĩ cả nước đoàn kết."):
        assert _minorities(text, registries) == 0, text


def test_an_ethnic_minority_named_after_dong_bao_or_dan_toc_is_the_tag(registries):
    for text in ("Phần lớn là đồng bào Khmer sinh sống.", "Đồng bào Khmer Nam Bộ đón Tết Chôl Chnăm Thmây.",
                 "Làng có 214 hộ, phần lớn là đồng bào Jrai.", "Bà con dân tộc Mông ở Mù Cang Chải.",
                 "Mô hình được đồng bào M’nông ở bon Bu Prâng hưởng ứng.", "Người Ê Đê giữ nghề dệt thổ cẩm.",
                 "Phát huy vai trò người có uy tín trong đồng bào.", "Bà con Chăm ở Ninh Thuận."):
        assert _minorities(text, registries) == 1, text


def test_dong_bao_dan_toc_thieu_so_counts_once(registries):
    assert _minorities("Vùng đồng bào dân tộc thiểu số của tỉnh.", registries) == 1


def test_a_place_or_country_opening_with_an_ethnic_name_is_no_minority(registries):
    for text in ("Hội đồng hương người Thái Bình tại Hà Nội.", "Đoàn khách người Thái Lan tham quan.",
                 "Đồng bào Thái Nguyên ủng hộ miền Trung.", "Người Hoa Kỳ đến thăm.", "Nhân dân Mông Cổ."):
        assert _minorities(text, registries) == 0, text


def test_an_article_quoting_bac_s_dong_bao_gets_no_minority_tag(registries):
    _result, meta, _body = import_page(lines(
        "Làm theo lời Bác dạy về đoàn kết", "Thứ Ba, 13/05/2025 - 08:15",
        "Lời kêu gọi “Hỡi đồng bào cả nước” của Chủ tịch Hồ Chí Minh vẫn vang vọng trong mỗi cán bộ, đảng viên "
        "tỉnh Nghệ An hôm nay.",
        "Bác viết: “Đồng bào ta ngày nay cũng rất xứng đáng với tổ tiên ta ngày trước”. Đồng bào và chiến sĩ cả "
        "nước đoàn kết một lòng.", "Toàn thể đồng bào, cán bộ, đảng viên tỉnh nhà tiếp tục thi đua học tập và làm "
        "theo Bác.", "Minh Hà"), registries)
    assert "dân tộc thiểu số" not in meta["tags"]


# -- a note whose mark is in the lead (extract._summary_marks, tail.notes_start) ------------------------------

_LEAD = ("Chủ tịch Hồ Chí Minh từng căn dặn: “Một tấm gương sống còn có giá trị hơn một trăm bài diễn văn tuyên "
         "truyền”{1}. Lời dạy ấy đến nay vẫn nguyên giá trị với cán bộ, đảng viên tỉnh Hà Tĩnh.")
_NOTED = ("Thực hiện Chỉ thị 05-CT/TW, Tỉnh ủy Hà Tĩnh chú trọng vai trò nêu gương của người đứng đầu{2}, gắn với "
          "xây dựng Đảng trong sạch, vững mạnh.")
_NOTES = ("{1} Hồ Chí Minh: Toàn tập, Nxb Chính trị quốc gia, Hà Nội, 2011, t.1, tr.284.",
          "{2} Quy định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương.")


def _noted(one: str, two: str, *notes: str) -> str:
    return lines("Tư tưởng Hồ Chí Minh về cán bộ nêu gương", "12/05/2025 09:00", _LEAD.replace("{1}", one),
                 _NOTED.replace("{2}", two), "Năm 2024, toàn tỉnh có 120 tập thể, cá nhân được khen thưởng.",
                 "Nguyễn Văn An", *notes)


def test_a_note_marked_in_the_lead_keeps_its_mark_in_the_summary(registries):
    _result, meta, body = import_page(_noted("[1]", "[2]", *(n.replace("{1}", "[1]").replace("{2}", "[2]") for n in _NOTES)),
                                      registries)
    assert meta["summary"] == _LEAD.replace("{1}", "[1]")
    assert "[1] Hồ Chí Minh: Toàn tập" in body


def test_a_mark_in_the_lead_with_no_note_left_is_taken_out_of_the_summary(registries):
    _result, meta, _body = import_page(_noted("[1]", ""), registries)
    assert meta["summary"] == _LEAD.replace("{1}", "")


def test_numbered_notes_under_the_signature_are_notes_and_the_signature_the_author(registries):
    for one, two in (("(1)", "(2)"), ("[1]", "[2]")):
        notes = [n.replace("{1}", one).replace("{2}", two) for n in _NOTES]
        _result, meta, body = import_page(_noted(one, two, *notes), registries)
        assert meta["author"] == "Nguyễn Văn An", one
        assert "Nguyễn Văn An" not in body  # it was a "## Nguyễn Văn An" heading over the notes
        assert body.rstrip().endswith("\n\n".join(notes))
        assert meta["directives"] == ["05-CT/TW"]  # a note cites, it is no evidence of the article's subject


def test_notes_under_the_signature_whose_marks_were_lost_are_no_unit_of_the_writer(registries):
    notes = [n.replace("{1}", "(1)").replace("{2}", "(2)") for n in _NOTES]  # the text's superscripts lost on copying
    result, meta, body = import_page(_noted("", "", *notes), registries)
    assert meta["author"] == "Nguyễn Văn An"
    assert body.rstrip().endswith("\n\n".join(notes))  # were dropped as "đơn vị của tác giả"
    assert left_out(result, "đơn vị của tác giả") == []


# -- each line left out labelled by what it is (boilerplate.csv, clean._following, comments.cut_comments) ------

_ARTICLE = ("Yên Thế: Sơ kết 3 năm thực hiện Kết luận 01-KL/TW", "Thứ Năm, 15/05/2025 | 10:20",
            "Sáng 15/5, Ban Thường vụ Huyện ủy Yên Thế tổ chức hội nghị sơ kết 3 năm thực hiện Kết luận 01-KL/TW "
            "của Bộ Chính trị về tiếp tục thực hiện Chỉ thị 05-CT/TW.",
            "Theo báo cáo, 3 năm qua các cấp ủy trong huyện đã cụ thể hóa việc học tập và làm theo Bác bằng nhiều "
            "mô hình thiết thực, gắn với nhiệm vụ chính trị của từng địa phương, đơn vị.",
            "Hội nghị đã khen thưởng 15 tập thể và 20 cá nhân có thành tích tiêu biểu.", "Hoàng Hà")


def _reasons(result) -> dict[str, str]:
    return {text: why for _line, why, text in result.dropped}


def test_a_visit_counter_is_a_counter_after_the_comments_and_alone(registries):
    counter = ["Thống kê truy cập", "Đang truy cập: 25", "Hôm nay: 1.234", "Tổng lượt truy cập: 2.345.678"]
    form = ["Ý kiến bạn đọc", "Họ và tên", "Email", "Gửi ý kiến"]
    for tail in (counter, form + counter):
        result, meta, body = import_page(lines(*_ARTICLE, *tail), registries)
        reasons = _reasons(result)
        assert [reasons[c] for c in counter] == ["khuôn trang (counter)"] * 4, tail  # were "liên kết cuối bài",
        assert "1.234" not in body  # "tiện ích của trang", "Hôm nay: 1.234" kept in the body, or "comment"
        assert meta["author"] == "Hoàng Hà"
    assert [reasons[c] for c in form] == ["khuôn trang (comment)"] * 4  # "Email" was a share button


def test_a_portal_s_footer_links_and_comment_prompt_are_labelled_by_what_they_are(registries):
    tail = {"Ý kiến của bạn về bài viết này": "comment", "Liên kết website": "weblinks",
            "Cổng thông tin điện tử Chính phủ": "weblinks", "Báo Bắc Giang": "weblinks",
            "Số người đang online: 12": "counter", "Chịu trách nhiệm chính: Nguyễn Văn Bình": "footer",
            "Thiết kế bởi VNPT Bắc Giang": "footer"}
    result, meta, body = import_page(lines(*_ARTICLE, *tail), registries)
    assert {text: why for text, why in _reasons(result).items() if text in tail} == \
        {text: f"khuôn trang ({kind})" for text, kind in tail.items()}
    assert "Nguyễn Văn Bình" not in body and "source" not in meta  # the footer's man was kept in the body


# -- a portal's name line as the source (sources.portal_name, command._portal_line) ---------------------------

def test_a_portal_s_name_line_is_the_source_when_nothing_else_names_one(registries):
    cases = {("CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN YÊN THẾ",): "Cổng thông tin điện tử huyện Yên Thế",
             ("Báo Quảng Ninh điện tử", "Trang chủ | Thời sự | Chính trị"): "Báo Quảng Ninh điện tử",
             ("TRANG THÔNG TIN ĐIỆN TỬ ĐẢNG BỘ TỈNH BẮC GIANG",): "Trang thông tin điện tử Đảng bộ tỉnh Bắc Giang",
             ("BÁO ĐIỆN TỬ ĐẢNG CỘNG SẢN VIỆT NAM",): "Báo điện tử Đảng Cộng sản Việt Nam"}
    for top, name in cases.items():
        result, meta, _body = import_page(lines(*top, *_ARTICLE), registries)
        assert meta["source"] == {"name": name}, top
        assert any("nguồn lấy từ dòng tên trang" in w for w in result.warnings)
    for end, name in ((("Cổng thông tin điện tử tỉnh Bắc Giang",), "Cổng thông tin điện tử tỉnh Bắc Giang"),
                      (("© Bản quyền thuộc Báo Bắc Giang điện tử", "Giấy phép số 12/GP-BTTTT"), "Báo Bắc Giang điện tử")):
        _result, meta, _body = import_page(lines(*_ARTICLE, *end), registries)
        assert meta["source"] == {"name": name}, end


def test_a_source_line_wins_over_the_portal_s_name_and_other_lines_name_no_portal(registries):
    _result, meta, _body = import_page(lines("Báo Quảng Ninh điện tử", *_ARTICLE, "Theo Báo Bắc Giang"), registries)
    assert meta["source"] == {"name": "Báo Bắc Giang"}
    for line in ("Cổng thông tin điện tử", "Báo cáo kết quả thực hiện", "Báo chí tỉnh nhà",
                 "Báo Nhân Dân tròn 75 tuổi"):
        _result, meta, _body = import_page(lines(line, *_ARTICLE), registries)
        assert "source" not in meta, line
    _result, meta, _body = import_page(lines(*_ARTICLE, "Liên kết website", "Báo Bắc Giang"), registries)
    assert "source" not in meta  # a link to another site


# -- an exponent on a saved page (structure._note_mark) --------------------------------------------------------

def test_an_exponent_in_sup_is_raised_not_glued_to_the_number(registries):
    page = ("<html><body><article><h1>Già làng Đinh Văn Mưa hiến đất làm đường theo lời Bác</h1><p>16/05/2025 07:45</p>"
            "<p>Những năm qua, nhiều người có uy tín ở huyện Sơn Hà đã gương mẫu đi đầu trong học tập và làm theo Bác, "
            "vận động bà con phát triển kinh tế.</p><p>Ông hiến hơn 2.000m<sup>2</sup> đất và đào 15 m<sup>3</sup> "
            "mương; Toàn tập<sup>1</sup> ghi lời Bác.</p></article></body></html>")
    _result, _meta, body = import_page(page, registries, ".html")
    assert "Ông hiến hơn 2.000m² đất và đào 15 m³ mương; Toàn tập¹ ghi lời Bác." in body  # was "2.000m2"


def test_the_page_s_you_are_reading_note_is_furniture_and_the_byline_above_it_the_author(registries):
    result, meta, body = import_page(lines(
        "Đắk Lắk: Đồng bào Ê Đê học tập và làm theo Bác qua những việc làm nhỏ", "Chủ Nhật, 08:30, 18/05/2025",
        "Tại các buôn làng đồng bào Ê Đê ở huyện Krông Búk, phong trào học tập và làm theo Bác được cụ thể hóa bằng "
        "những việc làm thiết thực.", "Buôn Ea Kung có 156 hộ, hơn 90% là đồng bào Ê Đê; đường buôn nay sạch đẹp hơn.",
        "Minh Thái/VOV-Tây Nguyên", "Bạn đang xem bài viết \"Đắk Lắk: Đồng bào Ê Đê học tập và làm theo Bác qua "
        "những việc làm nhỏ\" tại chuyên mục Chính trị."), registries)
    assert meta["author"] == "Minh Thái"  # was a "## Minh Thái/VOV-Tây Nguyên" heading
    assert "Bạn đang xem" not in body and "Minh Thái" not in body
    assert _reasons(result)[lines("Bạn đang xem bài viết \"Đắk Lắk: Đồng bào Ê Đê học tập và làm theo Bác qua "
                                  "những việc làm nhỏ\" tại chuyên mục Chính trị.").strip()] == "khuôn trang (label)"


def test_a_byline_s_theo_in_brackets_names_the_paper_it_was_taken_from(registries):
    for byline in ("Minh Hằng (Theo baolaocai.vn)", "Minh Hằng (theo Báo Lào Cai)"):
        _result, meta, _body = import_page(lines(*_ARTICLE[:-1], byline), registries)
        assert meta["author"] == "Minh Hằng" and meta["source"] == {"name": "Báo Lào Cai"}, byline


def test_a_portal_s_name_line_with_its_motto_or_english_name_gives_the_name(registries):
    for top, name in (("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH HÀ GIANG - HA GIANG PORTAL", "Cổng thông tin điện tử tỉnh Hà Giang"),
                      ("Báo Quảng Ninh điện tử | Tiếng nói của Đảng bộ, chính quyền và nhân dân",
                       "Báo Quảng Ninh điện tử")):
        _result, meta, _body = import_page(lines(top, *_ARTICLE), registries)
        assert meta["source"] == {"name": name}, top


def test_a_portal_s_name_under_the_text_is_reported_as_the_site_s_name(registries):
    result, meta, _body = import_page(lines(*_ARTICLE, "CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN YÊN THẾ",
                                            "Địa chỉ: Thị trấn Cầu Gồ, huyện Yên Thế"), registries)
    assert _reasons(result)["CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN YÊN THẾ"] == "tên trang (báo, cổng thông tin điện tử)"
    assert meta["source"] == {"name": "Cổng thông tin điện tử huyện Yên Thế"}  # was "liên kết cuối bài", no source


def test_a_starred_note_before_the_numbered_ones_is_a_note_too(registries):
    result, meta, body = import_page(lines(
        "Người thầy giữa đại ngàn (*)", "15/05/2025 09:00",
        "Hơn 20 năm gắn bó với điểm trường Tà Xùa, thầy giáo Giàng A Páo đã trở thành tấm gương sáng về học tập và "
        "làm theo Bác ở huyện Bắc Yên, tỉnh Sơn La(1).",
        "Mỗi sáng, thầy lội bộ hơn 5 km để đến điểm trường, dạy 25 học sinh người Mông.", "Lò Văn Hùng",
        "(*) Bài dự thi Giải báo chí về học tập và làm theo Bác năm 2025.",
        "(1) Theo Báo cáo số 12-BC/HU của Huyện ủy Bắc Yên."), registries)
    assert meta["author"] == "Lò Văn Hùng"  # was a "## Lò Văn Hùng" heading
    assert body.rstrip().endswith("(\\*) Bài dự thi Giải báo chí về học tập và làm theo Bác năm 2025.\n\n"
                                  "(1) Theo Báo cáo số 12-BC/HU của Huyện ủy Bắc Yên.")


def test_a_portal_s_name_in_the_footer_after_the_comment_form_is_no_comment(registries):
    page = ("<html><body><div id='content'><h2 class='title'>Tỉnh ủy Hà Giang sơ kết Chỉ thị 05</h2>"
            "<div class='date'>21/05/2025 14:20</div><p>Chiều 21/5, Ban Thường vụ Tỉnh ủy Hà Giang tổ chức hội nghị sơ "
            "kết việc thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị giai đoạn 2021-2025.</p><p>Hội nghị đã biểu dương 40 "
            "tập thể, 60 cá nhân tiêu biểu trong học tập và làm theo Bác.</p><p class='author'>Hoàng Nam</p>"
            "<div class='comment-box'><h3>Gửi ý kiến của bạn</h3><p>Chưa có ý kiến nào.</p></div></div>"
            "<div class='sidebar'><div class='box-title'>Thống kê truy cập</div><ul><li>Đang online: 35</li>"
            "<li>Hôm nay: 2.145</li></ul></div><div id='footer'>Trang thông tin điện tử Đảng bộ tỉnh Hà Giang<br>"
            "Giấy phép số 05/GP-STTTT</div></body></html>")
    result, meta, _body = import_page(page, registries, ".html")
    reasons = _reasons(result)
    assert reasons["Trang thông tin điện tử Đảng bộ tỉnh Hà Giang"] == "tên trang (báo, cổng thông tin điện tử)"
    assert reasons["Hôm nay: 2.145"] == "khuôn trang (counter)" and reasons["Chưa có ý kiến nào."] == "khuôn trang (comment)"
    assert meta["source"] == {"name": "Trang thông tin điện tử Đảng bộ tỉnh Hà Giang"} and meta["author"] == "Hoàng Nam"


def test_a_paper_s_name_in_a_saved_page_s_header_is_the_source(registries):
    page = ("<html><body><header class='site-header'><div class='logo'>Báo Điện Biên Phủ điện tử</div>"
            "<nav><a>Trang chủ</a><a>Chính trị</a></nav></header><main><h1>Tuần Giáo: Đảng viên người Mông làm theo Bác</h1>"
            "<div class='meta'>Thứ Sáu, 23/05/2025 | 07:10</div><p>Ở huyện vùng cao Tuần Giáo, nhiều đảng viên người Mông "
            "đã trở thành điển hình trong học tập và làm theo Bác.</p><p>Anh Mùa A Sềnh, đảng viên Chi bộ bản Thẩm Táng, "
            "xã Chiềng Sinh là một ví dụ.</p><p><strong>QUANG HƯNG</strong></p></main></body></html>")
    _result, meta, _body = import_page(page, registries, ".html")
    assert meta["source"] == {"name": "Báo Điện Biên Phủ điện tử"}  # the <header> was left out, no source


def test_a_note_under_the_headline_is_no_summary_and_goes_to_the_end_of_the_text(registries):
    note = ("(*) Tham luận tại Hội thảo khoa học “Tư tưởng Hồ Chí Minh về công tác dân vận” do Tỉnh ủy Thanh Hóa "
            "tổ chức.")
    lead = ("Tư tưởng Hồ Chí Minh về công tác dân vận là tài sản tinh thần vô giá của Đảng ta. Vận dụng sáng tạo tư "
            "tưởng đó, Đảng bộ tỉnh Thanh Hóa đã đạt nhiều kết quả quan trọng trong công tác dân vận.")
    _result, meta, body = import_page(lines(
        "Vận dụng tư tưởng Hồ Chí Minh về dân vận trong giai đoạn mới (*)", "Thứ Tư, 28/05/2025 - 09:30", note, lead,
        "Thực hiện Kết luận 01-KL/TW, các cấp ủy trong tỉnh đã đẩy mạnh phong trào thi đua “Dân vận khéo”.",
        "Phong trào đã góp phần củng cố mối quan hệ mật thiết giữa Đảng với nhân dân.", "PGS.TS Nguyễn Văn Minh",
        "(1) Hồ Chí Minh: Toàn tập, Nxb Chính trị quốc gia, Hà Nội, 2011, t.6, tr.232."), registries)
    assert meta["summary"] == lead  # was the note
    assert meta["author"] == "PGS.TS Nguyễn Văn Minh"
    assert body.rstrip().endswith("Phong trào đã góp phần củng cố mối quan hệ mật thiết giữa Đảng với nhân dân.\n\n"
                                  + note.replace("(*)", "(\\*)") + "\n\n(1) Hồ Chí Minh: Toàn tập, Nxb Chính trị quốc "
                                  "gia, Hà Nội, 2011, t.6, tr.232.")


def test_the_page_s_own_tags_name_a_minority_by_its_keywords_and_hashtags_split_at_capitals(registries):
    from generator.importer.entities import page_tags
    for keywords in (["Đắk Lắk; đồng bào Ê Đê; làm theo lời Bác"], ["#ĐồngBàoKhmer #SócTrăng"]):
        assert [t.name for t in page_tags(keywords, registries)] == ["dân tộc thiểu số"], keywords
    assert [t.name for t in page_tags(["#ThiĐuaYêuNước"], registries)] == ["thi đua yêu nước"]  # was "Nư ớc"
    assert page_tags(["người Thái Bình; đồng hương"], registries) == []


def test_a_portal_s_links_contacts_and_follow_invitations_under_the_text_are_labelled_by_kind(registries):
    tail = {"Bài viết cùng tác giả": "related", "Xem theo ngày": "nav", "Đăng ký nhận tin": "nav", "RSS": "nav",
            "Sơ đồ trang": "nav", "Về trang chủ": "nav", "Liên hệ quảng cáo": "footer",
            "Hotline: 0912.345.678": "footer", "Theo dõi chúng tôi trên": "share", "Fanpage": "share",
            "Website đang chạy thử nghiệm": "footer"}
    result, meta, body = import_page(lines(*_ARTICLE, *tail), registries)
    assert {text: why for text, why in _reasons(result).items() if text in tail} == \
        {text: f"khuôn trang ({kind})" for text, kind in tail.items()}  # were "nhãn cuối bài", "liên kết cuối bài"
    assert meta["author"] == "Hoàng Hà"
