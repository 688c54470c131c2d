"""Importer round 7: source lines over the lead, agencies in bylines, Word's title styles, speeches'
notes and closing thanks, documents' place-and-date lines, group signatures, documents' headlines."""
from __future__ import annotations

import pytest

from importing import import_fixture as fixture
from importing import FIXTURES, import_page, lines

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
                                              ("PV + CTV", "Phóng viên + cộng tác viên"),
                                              # with the role an interview's maker signs with
                                              ("Nhóm PV thực hiện", "Nhóm phóng viên"),
                                              ("PV (thực hiện)", "Phóng viên")])
def test_a_newsroom_signature_is_spelled_out_and_flagged_as_no_persons_name(signature, shown, registries):
    for page in (lines(HEADLINE, "12/03/2024 08:00", LEAD, BODY, signature),
                 lines(HEADLINE, signature, "12/03/2024 08:00", LEAD, BODY)):
        result, meta, _body = import_page(page, registries)
        assert meta["author"] == shown
        author_line = next(x for x in result.text.split("\n") if x.startswith("author:"))
        assert "không phải tên người" in author_line


# --- kinds of page new in round 7 (corpus/tuned/t35–t44) --------------------------------------------

CORPUS = "corpus/tuned/"


@pytest.mark.parametrize("credit, author", [("Video: Phạm Hà/VOV-Trung tâm Tin", "Phạm Hà"),
                                            ("Bài, video: THU HÀ", "Thu Hà"), ("Clip: Minh Anh", "Minh Anh")])
def test_a_videos_credit_is_its_byline(credit, author, registries):
    _result, meta, body = import_page(lines(HEADLINE, "12/03/2024 08:00", LEAD, BODY, credit), registries)
    assert meta["author"] == author and credit not in body


def test_a_video_page_keeps_its_transcript_and_names_its_maker(registries):
    result, meta, body = fixture(CORPUS + "t35-vov-video-transcript.html", registries)
    assert meta["author"] == "Phạm Hà" and "Video: Phạm Hà" not in body
    assert "Căn nhà nhỏ của ông Thuận có hơn 5.000 đầu sách" in body
    # the player is kept as a link, named among the warnings (round 9)
    assert any(w.startswith("đã giữ 1 video") and "thu-vien-lang.mp4" in w for w in result.warnings)


def test_a_featured_photo_over_the_lead_takes_not_the_next_paragraph_for_caption(registries):
    _result, meta, body = fixture(CORPUS + "t37-ward-elementor.html", registries)
    assert "caption" not in meta.get("image", {})
    assert "\nMô hình được xây dựng nhằm cụ thể hóa Kết luận số 01-KL/TW" in body
    assert meta["directives"] == ["01-KL/TW", "05-CT/TW"]


def test_a_pasted_photo_over_the_lead_takes_not_the_next_paragraph_for_caption(registries):
    page = lines(HEADLINE, "12/03/2024 08:00", "hoi-nghi-so-ket.jpg", LEAD, BODY, BODY.replace("500", "600"))
    _result, meta, body = import_page(page, registries)
    assert meta["summary"] == LEAD and "![](/images/hoi-nghi-so-ket.jpg)\n\n" + BODY in body


def test_a_print_views_address_line_gives_the_source(registries):
    result, meta, _body = fixture(CORPUS + "t39-print-view.txt", registries)
    assert meta["source"]["url"].startswith("https://dangcongsan.vn/tu-tuong-van-hoa/binh-phuoc-")
    assert meta["source"]["name"]


@pytest.mark.parametrize("line", ["Thời gian đọc: 3 phút", "5 phút đọc", "Đọc trong 4 phút", "3 min read"])
def test_a_reading_time_is_never_the_headline(line, registries):
    page = lines("baoangiang.com.vn", HEADLINE, line, "Nguyễn Hữu", "12/07/2024", LEAD, BODY)
    result, meta, body = import_page(page, registries)
    assert meta["title"] == HEADLINE and line not in body
    assert meta["source"]["name"] == "Báo An Giang"  # a reading view's site address over the headline


def test_a_google_cache_banner_is_left_out(registries):
    result, meta, body = fixture(CORPUS + "t41-google-cache-amp.html", registries)
    assert meta["title"] == "Đưa lời Bác vào từng khu phố mỏ" and meta["date"].isoformat() == "2024-03-26T15:40:00+07:00"
    assert "bộ nhớ cache" not in body and "Ctrl+F" not in body
    assert [why for _l, why, text in result.dropped if "bộ nhớ cache" in text] == ["khuôn trang (cache)"]


def test_an_h1_that_is_the_pages_title_stays_a_headline_below_three_notices(registries):
    notices = ["Bạn đang xem bản lưu của trang này được chụp lại vào ngày hôm qua, nội dung có thể đã thay đổi.",
               "Một số hình ảnh và liên kết trong bản lưu có thể không hiển thị đúng như trên trang gốc.",
               "Để xem phiên bản mới nhất, hãy mở địa chỉ gốc của bài viết trong một cửa sổ khác."]
    html = ("<html><head><title>Đưa lời Bác vào từng khu phố mỏ - Báo Quảng Ninh</title></head><body>"
            + "".join(f"<p>{notice}</p>" for notice in notices)
            + f"<h1>Đưa lời Bác vào từng khu phố mỏ</h1><div>26/03/2024 15:40</div><p>{LEAD}</p><p>{BODY}</p>"
            "</body></html>")
    _result, meta, body = import_page(html, registries, ".html")
    assert meta["title"] == "Đưa lời Bác vào từng khu phố mỏ" and meta["summary"] == LEAD and BODY in body
    assert meta["date"].isoformat() == "2024-03-26T15:40:00+07:00"


@pytest.mark.parametrize("trail", ["Trang chủ » Hoạt động đoàn » Thứ Năm, 15/08/2024",
                                   "Trang chủ > Tin tức > 15/08/2024", "Trang chủ / Tin tức / 15/08/2024"])
def test_a_date_at_the_end_of_a_breadcrumb_is_the_date(trail, registries):
    result, meta, body = import_page(lines(trail, HEADLINE, LEAD, BODY), registries)
    assert meta["date"].isoformat() == "2024-08-15T00:00:00+07:00" and "draft" not in meta
    assert any("breadcrumb" in w for w in result.warnings) and "Trang chủ" not in body


def test_a_breadcrumbs_date_the_pages_metadata_confirms_is_not_warned_about(registries):
    result, meta, _body = fixture(CORPUS + "t42-microdata-date.html", registries)
    assert meta["date"].isoformat() == "2024-08-15T09:30:00+07:00"
    assert not any("breadcrumb" in w for w in result.warnings)


def test_a_videos_caption_at_the_end_is_no_signature(registries):
    page = lines(HEADLINE, "12/03/2024 08:00", LEAD, BODY, "Video: Toàn cảnh lễ tuyên dương", "Minh Anh")
    _result, meta, body = import_page(page, registries)
    assert "Video: Toàn cảnh lễ tuyên dương" in body and meta["author"] == "Minh Anh"


@pytest.mark.parametrize("paper", ["Báo Hà Tĩnh", "TTXVN", "Tạp chí Tuyên giáo"])
def test_a_papers_name_under_an_aggregators_headline_is_the_source(paper, registries):
    result, meta, body = import_page(lines(HEADLINE, paper, "13/03/2024 15:22", LEAD, BODY, "Phan Trâm"), registries)
    assert meta["source"]["name"] == paper and paper not in body and meta["author"] == "Phan Trâm"


def test_an_aggregators_copy_names_the_paper_it_took_the_article_from(registries):
    _result, meta, _body = fixture(CORPUS + "t44-baomoi-aggregator.txt", registries)
    assert meta["source"]["name"] == "Báo Hà Tĩnh"


def test_words_title_over_two_paragraphs_is_one_headline(registries):
    html = (FIXTURES / "r7-word-title-style.htm").read_text(encoding="utf-8").replace(
        "<p class=MsoTitle><span lang=VI>Chi bộ thôn Đông làm theo Bác bằng những việc làm cụ thể</span></p>",
        "<p class=MsoTitleCxSpFirst><span lang=VI>Chi bộ thôn Đông làm theo Bác</span></p>\n"
        "<p class=MsoTitleCxSpLast><span lang=VI>bằng những việc làm cụ thể</span></p>")
    assert "MsoTitleCxSpLast" in html
    _result, meta, body = import_page(html, registries, ".htm")
    assert meta["title"] == "Chi bộ thôn Đông làm theo Bác bằng những việc làm cụ thể"
    assert "bằng những việc làm cụ thể" not in body and meta["summary"].startswith("Những năm qua")


def test_a_menu_item_opening_with_a_documents_kind_is_no_document(registries):
    page = lines("Trang chủ", "THÔNG BÁO Lịch tiếp dân", "Tin tức", HEADLINE, "12/03/2024 08:00", LEAD, BODY)
    _result, meta, _body = import_page(page, registries)
    assert meta["title"] == HEADLINE
