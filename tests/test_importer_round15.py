"""Round 15 of the importer: share bars without links, superscript note marks in the summary, several offices as
one source, long-form credits, and pages of kinds no test had used."""
from __future__ import annotations

from importing import import_page, lines

from test_importer_round13 import _ARTICLE, _LEAD, _NOTED, _NOTES, _reasons

from generator.importer.offices import joint_offices


# -- a superscript mark in the summary (extract._summary_marks) -------------------------------------------------

def _noted(one: str, two: str, *notes: str) -> str:
    return lines("Tư tưởng Hồ Chí Minh về cán bộ nêu gương", "12/05/2025 09:00", _LEAD.replace("{1}", one),
                 _NOTED.replace("{2}", two), "Năm 2024, toàn tỉnh có 120 tập thể, cá nhân được khen thưởng.",
                 "Nguyễn Văn An", *notes)


_QUOTE_END = "diễn văn tuyên truyền”"


def test_a_superscript_mark_in_the_summary_stays_while_its_note_is_kept(registries):
    notes = [n.replace("{1}", "¹").replace("{2}", "²") for n in _NOTES]
    _result, meta, body = import_page(_noted("¹", "²", *notes), registries)
    assert _QUOTE_END + "¹." in meta["summary"]
    assert "¹ Hồ Chí Minh: Toàn tập" in body and "người đứng đầu², gắn" in body


def test_a_superscript_mark_in_the_summary_without_its_note_is_taken_out(registries):
    _result, meta, _body = import_page(_noted("¹", "²"), registries)
    assert _QUOTE_END + ". Lời dạy" in meta["summary"]  # was "…tuyên truyền”¹. Lời dạy"
    notes = [n.replace("{1}", "(1)").replace("{2}", "²") for n in _NOTES]  # a note (1) is no note ¹
    _result, meta, _body = import_page(_noted("¹", "²", *notes[1:]), registries)
    assert _QUOTE_END + ". Lời dạy" in meta["summary"]


def test_a_unit_s_exponent_in_the_summary_is_no_note_mark(registries):
    lead = ("Năm 2024, xã Tân Sơn xây mới nhà văn hóa rộng 500 m², sân thể thao 2.000m² và bể nước 30 m³ từ nguồn "
            "vốn xã hội hóa theo tinh thần học tập và làm theo Bác.")
    page = lines("Tân Sơn xây nhà văn hóa từ vốn xã hội hóa", "12/05/2025 09:00", lead,
                 "Công trình được nhân dân đóng góp hơn 1 tỷ đồng và hàng trăm ngày công.", "Nguyễn Văn An")
    _result, meta, _body = import_page(page, registries)
    assert meta["summary"] == lead


def test_a_linked_superscript_in_a_saved_page_s_summary_follows_its_note(registries):
    lead = _LEAD.replace("{1}", "<sup>1</sup>")
    page = ("<html><body><main><h1>Tư tưởng Hồ Chí Minh về cán bộ nêu gương</h1><div>12/05/2025 09:00</div>"
            f"<p>{lead}</p><p>{_NOTED.replace('{2}', '')}</p><p>Năm 2024, toàn tỉnh có 120 tập thể được khen "
            "thưởng.</p><p>Nguyễn Văn An</p></main></body></html>")
    _result, meta, _body = import_page(page, registries, ".html")
    assert _QUOTE_END + ". Lời dạy" in meta["summary"]  # was "…tuyên truyền”¹. Lời dạy", no note ¹ on the page


# -- several offices signing together (offices.joint_offices) --------------------------------------------------

_JOINT = {
    "Ban Tuyên giáo Tỉnh ủy - Sở Văn hóa, Thể thao và Du lịch": "Ban Tuyên giáo Tỉnh ủy - Sở Văn hóa, Thể thao và Du lịch",
    "Ban Tuyên giáo Tỉnh ủy và Sở Văn hóa, Thể thao và Du lịch": "Ban Tuyên giáo Tỉnh ủy và Sở Văn hóa, Thể thao và Du lịch",
    "Tác giả: Văn phòng Tỉnh ủy – Ban Tuyên giáo Tỉnh ủy": "Văn phòng Tỉnh ủy – Ban Tuyên giáo Tỉnh ủy",
    "BTG Tỉnh ủy - Sở VHTTDL": "BTG Tỉnh ủy - Sở VHTTDL",
    "Hội LHPN tỉnh; Tỉnh đoàn": "Hội LHPN tỉnh; Tỉnh đoàn",
    "ĐẢNG ỦY - HĐND - UBND XÃ TÂN LẬP": "Đảng ủy - HĐND - UBND xã Tân Lập",
    "Theo Báo Nhân Dân và Cổng TTĐT tỉnh": "Báo Nhân Dân và Cổng TTĐT tỉnh",
}


def test_a_line_of_several_offices_under_the_text_is_the_source_whole(registries):
    for line, name in _JOINT.items():
        result, meta, body = import_page(lines(*_ARTICLE[:-1], line), registries)
        assert meta["source"] == {"name": name}, line  # was no source ("đơn vị đưa tin"), or the line in the body
        assert "author" not in meta, line
        assert _reasons(result)[line] == "nguồn", line
        assert line not in body


def test_a_line_of_several_offices_under_the_headline_is_the_source_not_the_headline(registries):
    for line, name in _JOINT.items():
        _result, meta, _body = import_page(lines(_ARTICLE[0], line, *_ARTICLE[1:-1]), registries)
        assert meta["title"] == _ARTICLE[0], line  # was the offices' line, the headline left out as "trên tiêu đề"
        assert meta["source"] == {"name": name}, line


def test_offices_under_a_writer_s_name_are_the_writer_s_units_and_a_sentence_is_no_office(registries):
    line = "Ban Tuyên giáo Tỉnh ủy - Sở Văn hóa, Thể thao và Du lịch"
    result, meta, _body = import_page(lines(*_ARTICLE, line), registries)
    assert meta["author"] == "Hoàng Hà" and "source" not in meta
    assert _reasons(result)[line] == "đơn vị của tác giả"
    for sentence in ("Sở Y tế tổ chức hội nghị - Ban Tuyên giáo dự", "Hội nghị - Hội thi",
                     "Ban Tuyên giáo Tỉnh ủy và Sở Nội vụ ký kết quy chế phối hợp"):
        assert joint_offices(sentence) is None, sentence


# -- a long-form's credits (lines.CREDIT_ONLY, byline.PHOTO_PART, credits.long_form_credit) ---------------------

_LONG_FORM = "ghi công ảnh và người thực hiện của cả bài (eMagazine)"


def test_a_photo_credit_with_its_makers_under_the_text_is_a_credit_not_a_paragraph(registries):
    credit = "Ảnh: Nguyễn Văn A - Thiết kế: Trần B"
    result, meta, body = import_page(lines(*_ARTICLE[:-1], credit), registries)
    assert "Thiết kế" not in body and "Nguyễn Văn A" not in body  # was the last paragraph
    assert meta["author"] == "Nguyễn Văn A"  # round 16: a long-form signed by its photographer alone
    result, meta, body = import_page(lines(*_ARTICLE, credit), registries)
    assert "Thiết kế" not in body and "Nguyễn Văn A" not in body
    assert _reasons(result)[credit] == _LONG_FORM
    result, meta, body = import_page(lines(_ARTICLE[0], credit, *_ARTICLE[1:]), registries)
    assert meta["title"] == _ARTICLE[0] and meta["author"] == "Hoàng Hà"  # was the credit as the headline
    assert "Thiết kế" not in body


def test_a_writer_s_credit_followed_by_other_makers_names_the_writer(registries):
    for credit in ("Bài, ảnh: Minh Anh | Trình bày: Thu Trang", "Nội dung: Minh Anh - Chỉ đạo nội dung: Lê Văn C",
                   "Thực hiện: Minh Anh; Ảnh: Quang Huy; Đồ họa: Thu Trang; Dựng video: Hải Nam"):
        _result, meta, body = import_page(lines(*_ARTICLE[:-1], credit), registries)
        assert meta["author"] == "Minh Anh", credit  # was no author ("ký tên cuối bài"), or the line in the body
        assert "Thu Trang" not in body and "Lê Văn C" not in body, credit


def test_a_block_of_credits_under_the_text_is_credits_not_a_caption(registries):
    block = ("Thực hiện: Minh Anh", "Ảnh: Quang Huy", "Đồ họa: Thu Trang")
    result, meta, body = import_page(lines(*_ARTICLE[:-1], *block), registries)
    assert meta["author"] == "Minh Anh"
    reasons = _reasons(result)
    assert reasons["Ảnh: Quang Huy"] == _LONG_FORM  # was "ghi chú ảnh không kèm ảnh"
    assert reasons["Đồ họa: Thu Trang"] == "ghi công người thực hiện (thiết kế, đồ họa, kỹ thuật)"
    assert "Quang Huy" not in body


def test_a_photo_story_s_credit_with_its_designer_names_the_photographer(registries):
    figure = "<figure><img src='/img/{}.jpg'><figcaption>Hội nghị sơ kết tại huyện Yên Thế.</figcaption></figure>"
    page = ("<html><body><main><h1>" + _ARTICLE[0] + "</h1><div>" + _ARTICLE[1] + "</div>"
            + "".join("<p>" + x + "</p>" for x in _ARTICLE[2:4]) + figure.format("a") + "<p>" + _ARTICLE[4] + "</p>"
            + figure.format("b") + "<p>Ảnh: NGUYỄN VĂN AN - Thiết kế: TRẦN BÌNH</p></main></body></html>")
    _result, meta, body = import_page(page, registries, ".html")
    assert meta["author"] == "Nguyễn Văn An"  # was the credit glued to the last photo's caption
    assert "TRẦN BÌNH" not in body and "Trần Bình" not in body


# -- share bars without links (boilerplate.csv, htmlsource: buttons, dates._TOOLS) --------------------------------

def _saved(bar: str, title: str = "") -> str:
    return ("<html><head><title>" + title + "</title></head><body><main><h1>" + _ARTICLE[0] + "</h1><div>"
            + _ARTICLE[1] + "</div>" + bar + "".join("<p>" + x + "</p>" for x in _ARTICLE[2:]) + "</main></body></html>")


def test_a_pasted_share_bar_naming_how_it_shares_is_dropped(registries):
    for bar in ("Chia sẻ qua Facebook | Zalo | Twitter | Sao chép liên kết", "Chia sẻ bài viết qua: Zalo Facebook Lotus",
                "Chia sẻ với bạn bè qua Zalo"):
        for page in (lines(_ARTICLE[0], _ARTICLE[1], bar, *_ARTICLE[2:]), lines(*_ARTICLE[:-1], bar, _ARTICLE[-1])):
            result, meta, body = import_page(page, registries)
            assert _reasons(result)[bar] == "khuôn trang (share)", bar  # was kept in the body
            assert "Zalo" not in body and meta["author"] == "Hoàng Hà", bar


def test_share_buttons_beside_a_date_name_no_author(registries):
    for line in ("Thứ Năm, 15/05/2025 | 10:20 Chia sẻ Facebook Zalo", "15/05/2025 10:20 | Facebook | Zalo | Email"):
        result, meta, _body = import_page(lines(*_ARTICLE[:-1], line, _ARTICLE[-1]), registries)
        assert meta["author"] == "Hoàng Hà", line  # was "Facebook Zalo", the writer's line left out
        assert _reasons(result)[line] == "dòng ngày tháng"
        assert "Hoàng Hà" not in _reasons(result)


def test_a_share_bar_of_buttons_is_reported_with_each_button(registries):
    bars = {"<div class='tools'><span>Chia sẻ</span><button>Facebook</button><button>Zalo</button><span>Twitter</span>"
            "</div>": "Chia sẻ · Facebook · Zalo · Twitter",  # was "Chia sẻ - Twitter"
            "<div class='share'><span>Chia sẻ</span><a onclick='share()'>Facebook</a><a>Zalo</a><a>Twitter</a></div>":
            "Chia sẻ · Facebook · Zalo · Twitter",  # was "Chia sẻ - Facebook - Zalo Twitter"
            "<div><button><svg><title>Facebook</title></svg></button><button>Zalo</button><span>Chia sẻ bài viết</span>"
            "</div>": "Facebook · Zalo · Chia sẻ bài viết"}  # was "Zalo · Chia sẻ bài viết"
    for bar, shown in bars.items():
        result, meta, body = import_page(_saved(bar), registries, ".html")
        assert [text for _line, why, text in result.dropped if why == "khuôn trang (share)"] == [shown], bar
        assert "Zalo" not in body and meta["summary"].startswith("Sáng 15/5")


def test_a_button_in_a_paragraph_adds_no_words_and_an_icon_s_title_is_no_page_title(registries):
    from generator.importer.htmlsource import html_to_blocks
    blocks, meta = html_to_blocks(_saved("<p>Người dân có thể <button>Tải về</button> mẫu đơn tại trang của xã. "
                                         "<svg><title>Facebook</title></svg></p>", "Báo Bắc Giang"))
    assert meta.title == "Báo Bắc Giang"  # was "Báo Bắc GiangFacebook"
    assert "Người dân có thể mẫu đơn tại trang của xã." in [b.text for b in blocks]


# -- the paper after a writer's name (sources.byline_paper, byline._SOURCE_AFTER) -------------------------------

def test_a_writer_s_name_then_the_paper_after_a_dash_or_comma_gives_both(registries):
    signatures = {"Hoàng Hà - Theo Báo Nhân Dân": "Báo Nhân Dân", "Hoàng Hà – Theo TTXVN": "TTXVN",
                  "Hoàng Hà, theo Báo Nhân Dân": "Báo Nhân Dân",  # was no author and no source
                  "Hoàng Hà (tổng hợp theo Báo Nhân Dân)": "Báo Nhân Dân",
                  "Hoàng Hà - Theo Báo Nhân Dân và Cổng TTĐT tỉnh": "Báo Nhân Dân và Cổng TTĐT tỉnh"}
    for line, paper in signatures.items():
        _result, meta, body = import_page(lines(*_ARTICLE[:-1], line), registries)
        assert meta["author"] == "Hoàng Hà" and meta["source"] == {"name": paper}, line  # the source was lost
        assert "Nhân Dân" not in body and "TTXVN" not in body
    _result, meta, _body = import_page(lines(*_ARTICLE[:-1], "Ông Ba, theo lời kể của bà con"), registries)
    assert "author" not in meta  # "theo" and no paper: no signature


# -- a signature opening with a pictograph (lines._SIGNING_MARK) --------------------------------------------------

def test_a_signature_after_a_writing_hand_is_the_author(registries):
    for line in ("✍️ Hoàng Hà", "✍ Bài, ảnh: Hoàng Hà", "📝 Hoàng Hà", "✍️Hoàng Hà", "🖊 HOÀNG HÀ"):
        result, meta, body = import_page(lines(*_ARTICLE[:-1], line), registries)
        assert meta["author"] == "Hoàng Hà", line  # was no author, the line left out as "nhãn cuối bài"
        assert "Hoàng Hà" not in body and "HOÀNG" not in body


def test_a_block_of_credits_over_the_lead_leaves_the_lead_the_summary(registries):
    _makers = "ghi công người thực hiện (thiết kế, đồ họa, kỹ thuật)"
    for block in (("Chỉ đạo nội dung: Nguyễn Văn Xuân", "Thực hiện: Minh Anh - Quang Huy", "Thiết kế: Thu Trang"),
                  ("Tổ chức sản xuất: Nguyễn Văn Xuân", "Bài: Minh Anh", "Ảnh: Quang Huy", "Đồ họa: Thu Trang")):
        result, meta, body = import_page(lines(_ARTICLE[0], _ARTICLE[1], *block, *_ARTICLE[2:-1]), registries)
        assert meta["summary"] == _ARTICLE[2], block  # was no summary, "## Thiết kế: Thu Trang" a heading
        assert meta["author"].startswith("Minh Anh")
        assert "Nguyễn Văn Xuân" not in body and "Thu Trang" not in body
        assert _reasons(result)[block[0]] == _makers and _reasons(result)[block[-1]] == _makers
    result, _meta, _body = import_page(lines(*_ARTICLE[:-1], "Tổ chức sản xuất: Nguyễn Văn Xuân", "Bài: Minh Anh"),
                                       registries)
    assert _reasons(result)["Tổ chức sản xuất: Nguyễn Văn Xuân"] == _makers  # was "đơn vị đưa tin"


def test_a_qr_code_box_is_furniture_and_a_sentence_about_qr_codes_stays(registries):
    for box in ("Quét mã QR để đọc bài trên điện thoại", "Quét mã QR", "Quét mã QR để tải ứng dụng Báo Bắc Giang"):
        result, _meta, body = import_page(lines(_ARTICLE[0], _ARTICLE[1], box, *_ARTICLE[2:]), registries)
        assert _reasons(result)[box] == "khuôn trang (nav)" and "QR" not in body, box  # was kept in the body
    sentence = "Quét mã QR để nộp thuế đã trở nên quen thuộc với người dân xã Tân Sơn."
    _result, _meta, body = import_page(lines(*_ARTICLE[:-2], sentence, _ARTICLE[-1]), registries)
    assert sentence in body


def test_a_commune_portal_s_offices_over_the_page_name_the_source(registries):
    top = "ĐẢNG ỦY - HĐND - UBND XÃ TÂN LẬP"
    result, meta, _body = import_page(lines(top, *_ARTICLE), registries)
    assert meta["source"] == {"name": "Đảng ủy - HĐND - UBND xã Tân Lập"}  # was no source
    assert any(w.startswith(f"nguồn lấy từ dòng tên cơ quan “{top}” (dòng 1)") for w in result.warnings)
    page = ("<html><body><header><div>" + top + "</div></header><main><h1>" + _ARTICLE[0] + "</h1><div>" + _ARTICLE[1]
            + "</div>" + "".join("<p>" + x + "</p>" for x in _ARTICLE[2:]) + "</main></body></html>")
    _result, meta, _body = import_page(page, registries, ".html")
    assert meta["source"] == {"name": "Đảng ủy - HĐND - UBND xã Tân Lập"} and meta["title"] == _ARTICLE[0]
