"""Importer round 7: source lines over the lead, agencies in bylines, Word's title styles, speeches'
notes and closing thanks, documents' place-and-date lines, group signatures, documents' headlines."""
from __future__ import annotations

import pytest

from importing import import_fixture as fixture
from importing import import_page, lines

HEADLINE = "Quảng Bình: Lan tỏa những tấm gương bình dị mà cao quý"
LEAD = ("Những năm qua, phong trào học tập và làm theo tấm gương đạo đức Hồ Chí Minh ở Quảng Bình đã có sức "
        "lan tỏa mạnh mẽ, xuất hiện nhiều tấm gương điển hình tiên tiến trên mọi lĩnh vực.")
BODY = ("Tại huyện Lệ Thủy, ông Nguyễn Văn Bình, một cựu chiến binh, đã hiến hơn 500 m2 đất để mở rộng đường "
        "giao thông nông thôn.")


# --- "Theo …" over the lead; an agency after the writer's name --------------------------------------

@pytest.mark.parametrize("line, author, paper", [
    ("Theo Minh Anh/TTXVN", "Minh Anh", "TTXVN"),
    ("(Theo Thu Hà - Báo Quảng Bình)", "Thu Hà", "Báo Quảng Bình"),
    ("Theo TTXVN", None, "TTXVN"),
])
def test_a_source_line_between_headline_and_lead_gives_its_paper_and_writer(line, author, paper, registries):
    page = lines(HEADLINE, "12/03/2024 08:00", line, LEAD, BODY)
    _result, meta, body = import_page(page, registries)
    assert meta.get("author") == author
    assert meta["source"]["name"] == paper and line not in body


@pytest.mark.parametrize("byline, author, paper", [
    ("Minh Anh (TTXVN)", "Minh Anh", "TTXVN"),
    ("THANH HẢI (TTXVN)", "Thanh Hải", "TTXVN"),
    ("Thu Hà (Báo Quảng Bình)", "Thu Hà", "Báo Quảng Bình"),
    ("Minh Anh/VOV", "Minh Anh", "VOV"),
])
def test_an_agency_after_the_writers_name_is_the_source(byline, author, paper, registries):
    for page in (lines(HEADLINE, "12/03/2024 08:00", LEAD, BODY, byline),
                 lines(HEADLINE, byline, "12/03/2024 08:00", LEAD, BODY)):
        _result, meta, _body = import_page(page, registries)
        assert meta["author"] == author and meta["source"]["name"] == paper


def test_an_office_after_the_writers_name_is_no_source(registries):
    page = lines(HEADLINE, "12/03/2024 08:00", LEAD, BODY, "Minh Anh (Huyện ủy Lệ Thủy)")
    _result, meta, _body = import_page(page, registries)
    assert meta["author"] == "Minh Anh" and "source" not in meta


def test_a_named_source_line_wins_over_the_bylines_agency(registries):
    page = lines(HEADLINE, "12/03/2024 08:00", LEAD, BODY, "Minh Anh (TTXVN)", "Theo Báo Quảng Bình")
    _result, meta, _body = import_page(page, registries)
    assert meta["source"]["name"] == "Báo Quảng Bình"


# --- Word's Title and Subtitle styles ----------------------------------------------------------------

def test_words_title_style_is_the_headline_and_its_subtitle_stays(registries):
    _result, meta, body = fixture("r7-word-title-style.htm", registries)
    assert meta["title"] == "Chi bộ thôn Đông làm theo Bác bằng những việc làm cụ thể"
    assert meta["summary"].startswith("Những năm qua, Chi bộ thôn Đông")
    assert body.lstrip().startswith("Từ những việc nhỏ nhất ở khu dân cư\n")


# --- a speech's note, salutation and closing thanks --------------------------------------------------

NOTE = "(Trích bài phát biểu của đồng chí Bí thư Tỉnh ủy tại Hội nghị sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW)"


@pytest.mark.parametrize("opening", [[NOTE], [NOTE, "Kính thưa các đồng chí đại biểu!"],
                                     ["[Bài tham luận tại Đại hội Đảng bộ xã Quảng Phú lần thứ XXI]"]])
def test_a_speechs_note_is_no_summary_and_stays_in_the_body(opening, registries):
    page = lines(HEADLINE, "12/03/2024 08:00", *opening, LEAD, BODY)
    _result, meta, body = import_page(page, registries)
    assert meta["summary"] == LEAD
    assert all(line in body for line in opening)
    assert body.index(opening[-1]) < body.index(BODY)


def test_a_saved_speechs_note_stays_and_counts_for_its_province(registries):
    _result, meta, body = fixture("r6-word-speech.htm", registries)
    assert meta["summary"].startswith("Tôi là Lê Thị Hằng")
    assert "(Tham luận tại Hội nghị sơ kết Chỉ thị 05-CT/TW" in body and meta["province"] == ["Nghệ An"]


@pytest.mark.parametrize("closing", ["Xin trân trọng cảm ơn!", "Xin chân thành cảm ơn các đồng chí!",
                                     "Chúc Hội nghị thành công tốt đẹp!", "Kính chúc các đồng chí mạnh khỏe!"])
def test_a_speechs_closing_words_stay_without_a_warning(closing, registries):
    page = lines(HEADLINE, "12/03/2024 08:00", LEAD, BODY, closing)
    result, _meta, body = import_page(page, registries)
    assert body.rstrip().endswith(closing)
    assert not any(closing in w for w in result.warnings)


# --- a document's place-and-date line; its kind and subject on one line -----------------------------

@pytest.mark.parametrize("place_line", ["Hà Nội, ngày 12 tháng 3 năm 2024", "Đồng Hới, ngày 12 tháng 03 năm 2024"])
def test_a_documents_place_and_date_line_is_called_the_signing_date_not_a_clock(place_line, registries):
    result, meta, _body = import_page(lines(place_line, HEADLINE, LEAD, BODY), registries)
    assert meta["date"].isoformat() == "2024-03-12T00:00:00+07:00"
    assert not any("đồng hồ của trang" in w for w in result.warnings)
    assert any("ngày ký văn bản" in w and place_line in w for w in result.warnings)
    assert "ngày ký văn bản" in result.text.split("\n")[2]  # the front matter's date line says why


@pytest.mark.parametrize("kind_line, title", [
    ("HƯỚNG DẪN Tuyên truyền kỷ niệm 134 năm Ngày sinh Chủ tịch Hồ Chí Minh",
     "Hướng dẫn tuyên truyền kỷ niệm 134 năm Ngày sinh Chủ tịch Hồ Chí Minh"),
    ("KẾ HOẠCH Tổ chức Hội thi tuyên truyền viên giỏi năm 2024",
     "Kế hoạch tổ chức Hội thi tuyên truyền viên giỏi năm 2024"),
    ("THÔNG BÁO Đảng bộ xã Quảng Phú tổ chức học tập chuyên đề năm 2024",
     "Thông báo Đảng bộ xã Quảng Phú tổ chức học tập chuyên đề năm 2024"),
])
def test_a_kind_and_subject_on_one_line_make_a_headline_in_sentence_case(kind_line, title, registries):
    page = lines("ĐẢNG CỘNG SẢN VIỆT NAM", "Số 12-HD/BTGTU", "Quảng Bình, ngày 12 tháng 3 năm 2024", kind_line,
                 LEAD, BODY)
    result, meta, body = import_page(page, registries)
    assert meta["title"] == title and "# kiểm tra lại: tiêu đề viết toàn chữ in hoa" not in result.text
    assert "ĐẢNG CỘNG SẢN" not in body


def test_a_kind_and_subject_line_inside_an_article_is_left_as_printed(registries):
    line = "KẾ HOẠCH Tổ chức hội thi năm 2024"
    _result, meta, body = import_page(lines(HEADLINE, "12/03/2024 08:00", LEAD, line, BODY), registries)
    assert meta["title"] == HEADLINE and line in body


# --- a newsroom's signature --------------------------------------------------------------------------

@pytest.mark.parametrize("signature, shown", [("Nhóm PV", "Nhóm phóng viên"), ("PV", "Phóng viên"),
                                              ("P.V", "Phóng viên"), ("CTV", "Cộng tác viên"),
                                              ("PV + CTV", "Phóng viên + cộng tác viên")])
def test_a_newsroom_signature_is_spelled_out_and_flagged_as_no_persons_name(signature, shown, registries):
    for page in (lines(HEADLINE, "12/03/2024 08:00", LEAD, BODY, signature),
                 lines(HEADLINE, signature, "12/03/2024 08:00", LEAD, BODY)):
        result, meta, _body = import_page(page, registries)
        assert meta["author"] == shown
        author_line = next(x for x in result.text.split("\n") if x.startswith("author:"))
        assert "không phải tên người" in author_line
