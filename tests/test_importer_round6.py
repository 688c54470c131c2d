"""Importer round 6: kinds of pages and files no earlier test used (single-file pages, Word's
web archives, official documents), bylines and date lines written in other ways."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from generator.importer import import_command
from importing import FIXTURES, NOW, import_fixture as fixture
from importing import import_page, lines


def run(paths, out, registries, **options):
    stdout = io.StringIO()
    options = {"dry_run": False, "force": False, "images_prefix": "/images/", "now": NOW, **options}
    status = import_command([Path(p) for p in paths], out, registries=registries, stdout=stdout, **options)
    return status, stdout.getvalue()


# --- single-file pages (.mhtml / .mht) ---------------------------------------------------------

def test_a_chrome_single_file_page_is_read_with_its_pictures(registries):
    result, meta, body = fixture("r6-chrome.mhtml", registries)
    assert meta["title"] == "Quảng Trị sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW"
    assert meta["date"].isoformat() == "2024-03-12T08:40:00+07:00"
    assert meta["province"] == ["Quảng Trị"] and meta["directives"] == ["05-CT/TW"]
    assert meta["author"] == "Thanh Lê"
    # quoted-printable UTF-8 read back: no "=E1=BA" left, Vietnamese intact
    assert "=E1" not in result.text and "Dân vận khéo" in body
    # the page's address comes from the archive when the HTML names none
    assert meta["source"]["url"].startswith("https://baoquangtri.vn/chinh-tri/")
    # both photos of the article (not the site's logo) come with their bytes
    assert result.images == ["hoi-nghi-so-ket.png", "trao-bang-khen.png"]
    assert sorted(result.files) == ["hoi-nghi-so-ket.png", "trao-bang-khen.png"]
    assert all(data.startswith(b"\x89PNG") for data in result.files.values())


def test_a_word_web_archive_in_windows_1258_is_read(registries):
    result, meta, body = fixture("r6-word-kehoach.mht", registries)
    assert result.encoding == "Windows-1258"
    assert "Ban Tuyên giáo Huyện ủy Hương Khê" in result.text and "Hội thi năm 2023 tại xã Phúc Đồng" in body
    # the picture's address is relative to the document (KeHoach05_files/image001.png)
    assert list(result.files) == ["image001.png"]


def test_importing_a_single_file_page_writes_its_pictures(tmp_path, registries):
    images = tmp_path / "images"
    images.mkdir()
    (images / "trao-bang-khen.png").write_bytes(b"another picture")
    status, report = run([FIXTURES / "r6-chrome.mhtml"], tmp_path / "out", registries, images_dir=images)
    assert status == 0, report
    article = next((tmp_path / "out").glob("*.md")).read_text(encoding="utf-8")
    renamed = next(p.name for p in images.glob("*trao-bang-khen*.png") if p.name != "trao-bang-khen.png")
    assert f"/images/{renamed}" in article  # a name taken by another picture is not overwritten
    assert (images / "trao-bang-khen.png").read_bytes() == b"another picture"
    assert (images / "hoi-nghi-so-ket.png").read_bytes().startswith(b"\x89PNG")
    assert (images / renamed).read_bytes().startswith(b"\x89PNG")
    assert "đã ghi 2 ảnh lấy từ trong tệp trang" in report
    # a second run finds the very same photos: nothing renamed, nothing written again
    status, report = run([FIXTURES / "r6-chrome.mhtml"], tmp_path / "out", registries, images_dir=images)
    assert status == 0 and "ảnh lấy từ trong tệp trang" not in report and "tên mới" not in report


def test_a_dry_run_writes_no_picture(tmp_path, registries):
    images = tmp_path / "images"
    images.mkdir()
    status, report = run([FIXTURES / "r6-chrome.mhtml"], tmp_path / "out", registries, images_dir=images,
                         dry_run=True)
    assert status == 0 and "sẽ ghi 2 ảnh" in report and not list(images.iterdir())


@pytest.mark.parametrize("data, why", [
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
     b"Content-Type: image/png\r\n\r\nxx\r\n--b--\r\n", "không có phần HTML"),
    (b"just some words, saved with the wrong name\n", "không thấy phần đầu MIME"),
])
def test_a_single_file_page_without_html_is_refused_with_a_reason(tmp_path, data, why, registries):
    (tmp_path / "a.mhtml").write_bytes(data)
    (tmp_path / "b.txt").write_text(lines("Thanh Hóa: Cán bộ trẻ tiên phong làm theo lời Bác",
                                          "12/03/2024 14:30",
                                          "Thời gian qua, Tỉnh đoàn Thanh Hóa đã triển khai nhiều mô hình hay "
                                          "trong việc học tập và làm theo tư tưởng, đạo đức của Bác."),
                                    encoding="utf-8")
    status, report = run([tmp_path], tmp_path / "out", registries)
    assert status == 1 and why in report and "a.mhtml" in report
    assert len(list((tmp_path / "out").glob("*.md"))) == 1  # the other file is still imported


def test_a_single_file_page_in_utf16_is_read_by_its_declared_charset(registries):
    html = ("<html><head><title>Quảng Trị sơ kết Chỉ thị 05</title></head><body>"
            "<h1>Quảng Trị sơ kết Chỉ thị 05</h1><p>12/03/2024 08:40</p>"
            "<p>Sáng 12/3, Ban Thường vụ Tỉnh ủy Quảng Trị tổ chức hội nghị sơ kết việc thực hiện "
            "Chỉ thị 05-CT/TW của Bộ Chính trị.</p></body></html>")
    data = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
            b"Content-Type: text/html; charset=\"utf-16-le\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + __import__("base64").encodebytes(html.encode("utf-16-le")) + b"\r\n--b--\r\n")
    _result, meta, body = import_page(data, registries, ".mht")
    assert meta["title"] == "Quảng Trị sơ kết Chỉ thị 05" and "Ban Thường vụ Tỉnh ủy Quảng Trị" in meta["summary"]


# --- bylines with no colon ----------------------------------------------------------------------

LEAD = ("Những năm qua, phong trào học tập và làm theo tấm gương đạo đức Hồ Chí Minh ở Quảng Bình đã có sức "
        "lan tỏa mạnh mẽ, xuất hiện nhiều tấm gương điển hình tiên tiến trên mọi lĩnh vực.")
BODY = ("Tại huyện Lệ Thủy, ông Nguyễn Văn Bình, một cựu chiến binh, đã hiến hơn 500 m2 đất để mở rộng đường "
        "giao thông nông thôn.")


@pytest.mark.parametrize("byline, author", [
    ("PV Minh Anh", "Minh Anh"),
    ("Phóng viên Thu Hà", "Thu Hà"),
    ("P.V Hồng Nhung", "Hồng Nhung"),
    ("CTV Lê Văn Tùng", "Lê Văn Tùng"),
    ("Nhóm PV Ngọc Huấn - Minh Hiếu", "Ngọc Huấn - Minh Hiếu"),
    ("PV Thanh Bình", "Thanh Bình"),  # also a district's name: the staff word makes it a person
    ("PV Minh Anh (thực hiện)", "Minh Anh"),
])
def test_a_staff_word_before_a_name_is_a_byline(byline, author, registries):
    page = lines("Quảng Bình: Lan tỏa những tấm gương bình dị mà cao quý", byline, "12/03/2024 08:00", LEAD, BODY)
    _result, meta, body = import_page(page, registries)
    assert meta.get("author") == author and byline not in body


@pytest.mark.parametrize("line", ["Phóng viên các cơ quan báo chí", "PV"])
def test_a_staff_word_before_no_name_gives_no_such_author(line, registries):
    page = lines("Quảng Bình: Lan tỏa những tấm gương bình dị mà cao quý", "12/03/2024 08:00", LEAD, BODY, line)
    _result, meta, _body = import_page(page, registries)
    assert meta.get("author") in (None, "Phóng viên")


# --- date lines in words, relative or without a year --------------------------------------------

@pytest.mark.parametrize("line, iso", [
    ("8 giờ sáng ngày 12/3/2024", "2024-03-12T08:00:00+07:00"),
    ("lúc 14h30 ngày 12-3-2024", "2024-03-12T14:30:00+07:00"),
    ("Cập nhật lúc 09:15, 12/03/2024", "2024-03-12T09:15:00+07:00"),
    ("Đăng lúc 8 giờ 15 phút, ngày 12/3/2024", "2024-03-12T08:15:00+07:00"),
    ("2 giờ chiều ngày 12/3/2024", "2024-03-12T14:00:00+07:00"),
    ("10 giờ đêm 12/3/2024", "2024-03-12T22:00:00+07:00"),
    ("1 giờ đêm 12/3/2024", "2024-03-12T01:00:00+07:00"),
    ("8h ngày 12/3/2024", "2024-03-12T08:00:00+07:00"),
])
def test_a_clock_written_in_words_is_read_with_the_date(line, iso, registries):
    page = lines("Quảng Bình: Lan tỏa những tấm gương bình dị mà cao quý", line, LEAD, BODY)
    _result, meta, _body = import_page(page, registries)
    assert meta["title"] == "Quảng Bình: Lan tỏa những tấm gương bình dị mà cao quý"
    assert meta["date"].isoformat() == iso and "draft" not in meta


def test_a_count_of_hours_in_a_sentence_is_no_clock(registries):
    from generator.importer.dates import meta_line
    assert meta_line("12 hộ dân 12/3/2024") is None
    assert meta_line("Trong 12 giờ qua, ngày 12/3/2024 có nhiều hoạt động") is None


@pytest.mark.parametrize("line, said", [
    ("2 giờ trước", "ngày đăng tính từ lúc xem trang"),
    ("Hôm qua", "ngày đăng tính từ lúc xem trang"),
    ("Cập nhật: 3 ngày trước", "ngày đăng tính từ lúc xem trang"),
    ("5 hours ago", "ngày đăng tính từ lúc xem trang"),
    ("Thứ Ba, 12/3 | 08:30", "không ghi năm"),
    ("Sáng 12/3", "không ghi năm"),
])
def test_a_date_line_that_names_no_day_leaves_a_draft_and_says_why(line, said, registries):
    page = lines("Quảng Bình: Lan tỏa những tấm gương bình dị mà cao quý", line, LEAD, BODY)
    result, meta, body = import_page(page, registries)
    assert meta["draft"] is True and meta["summary"] == LEAD  # the line is no lead, no heading
    assert line not in body
    assert any(said in w and f"“{line}”" in w for w in result.warnings), result.warnings


# --- who said a quote ---------------------------------------------------------------------------

QUOTE = "“Vì lợi ích mười năm thì phải trồng cây, vì lợi ích trăm năm thì phải trồng người”"
LESSON = ("Tự học là một trong những bài học lớn mà Chủ tịch Hồ Chí Minh để lại cho các thế hệ cán bộ, đảng "
          "viên hôm nay, như lời Người từng dạy.")
AFTER = "Thấm nhuần lời dạy ấy, nhiều cán bộ ở tỉnh Nam Định đã không ngừng học tập nâng cao trình độ."


@pytest.mark.parametrize("line, shown", [
    ("— Chủ tịch Hồ Chí Minh", "> — Chủ tịch Hồ Chí Minh"),
    ("- Hồ Chí Minh", "> — Hồ Chí Minh"),
    ("–Bác Hồ", "> — Bác Hồ"),
    ("(Chủ tịch Hồ Chí Minh)", "> (Chủ tịch Hồ Chí Minh)"),
    ("Chủ tịch Hồ Chí Minh", "> — Chủ tịch Hồ Chí Minh"),
    ("Hồ Chí Minh", "> — Hồ Chí Minh"),
])
def test_the_line_naming_who_said_a_pasted_quote_goes_with_it(line, shown, registries):
    page = lines("Học Bác về tinh thần tự học suốt đời", "12/03/2024 08:00", LESSON, QUOTE, line, AFTER)
    _result, _meta, body = import_page(page, registries)
    assert f"> {QUOTE}\n>\n{shown}\n" in body
    assert "## " not in body and "\n- " not in body


@pytest.mark.parametrize("after_quote", [
    "<blockquote><p>{q}</p></blockquote><p><em>Chủ tịch Hồ Chí Minh</em></p>",
    "<blockquote><p>{q}</p></blockquote><p style='text-align:right'><strong>Hồ Chí Minh</strong></p>",
    "<blockquote><p>{q}</p><p>— Chủ tịch Hồ Chí Minh</p></blockquote>",
])
def test_the_line_naming_who_said_a_saved_quote_goes_with_it(after_quote, registries):
    page = ("<html><body><article><h1>Học Bác về tinh thần tự học suốt đời</h1><p>12/03/2024 08:00</p>"
            f"<p>{LESSON}</p>{after_quote.format(q=QUOTE)}<p>{AFTER}</p></article></body></html>")
    _result, _meta, body = import_page(page, registries, ".html")
    assert f"> {QUOTE}\n>\n> — " in body and "Hồ Chí Minh\n\n" + AFTER in body
    assert "## " not in body


@pytest.mark.parametrize("line", [
    "- Tôi khỏe, cảm ơn anh.",  # a turn of a dialogue after a quoted question
    "Những mô hình hay ở Nam Định",  # a subheading after a quote
    "- các bạn trẻ hưởng ứng",
])
def test_a_line_after_a_quote_that_names_no_one_is_no_attribution(line, registries):
    page = lines("Học Bác về tinh thần tự học suốt đời", "12/03/2024 08:00", LESSON, QUOTE, line, AFTER)
    _result, _meta, body = import_page(page, registries)
    assert f"> {QUOTE}" not in body and "— " not in body


# --- official documents (Kế hoạch, Hướng dẫn …) -------------------------------------------------

def test_a_documents_kind_and_subject_are_its_headline_and_its_signature_no_author(registries):
    result, meta, body = fixture("r6-document-huongdan.txt", registries)
    assert meta["title"] == ("Hướng dẫn tuyên truyền kỷ niệm 134 năm Ngày sinh Chủ tịch Hồ Chí Minh "
                             "(19/5/1890 - 19/5/2024)")
    assert meta["date"].isoformat() == "2024-04-20T00:00:00+07:00"
    assert meta["province"] == ["Tuyên Quang"] and meta["directives"] == ["05-CT/TW"]
    assert "author" not in meta  # "TM. BAN THƯỜNG VỤ" is an office signing, the signer no writer
    assert meta["summary"].startswith("Thực hiện Hướng dẫn của Ban Tuyên giáo Trung ương")
    assert "## I. MỤC ĐÍCH, YÊU CẦU" in body and body.rstrip().endswith("trước ngày 30/5/2024.")
    for gone in ("ĐẢNG CỘNG SẢN", "-----", "TM. BAN", "PHÓ BÍ THƯ", "Đã ký", "Nơi nhận", "Lưu Văn phòng"):
        assert gone not in body
    reasons = {reason for _line, reason, _text in result.dropped}
    assert {"chữ ký của văn bản", "nơi nhận của văn bản"} <= reasons
    assert any("Hoàng Văn Tiến" in w and "người ký" in w for w in result.warnings)


def test_a_word_document_saved_as_a_web_archive_is_read_as_a_document(registries):
    result, meta, body = fixture("r6-word-kehoach.mht", registries)
    assert meta["title"] == "Kế hoạch tổ chức Hội thi “Kể chuyện về tấm gương đạo đức Hồ Chí Minh” năm 2024"
    assert meta["summary"].startswith("Thực hiện Chỉ thị số 05-CT/TW")
    assert "K/T TRƯỞNG BAN" not in body and "Thường trực Huyện ủy" not in body and "Nguyễn Thị Lan" not in body


def test_a_subject_in_capitals_gives_a_headline_in_capitals_flagged(registries):
    page = lines("UBND HUYỆN ĐÔ LƯƠNG", "Đô Lương, ngày 02 tháng 5 năm 2024", "KẾ HOẠCH",
                 "TỔ CHỨC CÁC HOẠT ĐỘNG KỶ NIỆM NGÀY SINH CHỦ TỊCH HỒ CHÍ MINH",
                 "Thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị, Ủy ban nhân dân huyện Đô Lương, tỉnh Nghệ An "
                 "ban hành kế hoạch tổ chức các hoạt động kỷ niệm như sau:",
                 "Các xã, thị trấn tổ chức các hoạt động thiết thực, tiết kiệm, hiệu quả.")
    _result, meta, _body = import_page(page, registries)
    assert meta["title"] == "KẾ HOẠCH TỔ CHỨC CÁC HOẠT ĐỘNG KỶ NIỆM NGÀY SINH CHỦ TỊCH HỒ CHÍ MINH"


def test_a_kind_word_inside_an_article_is_no_document(registries):
    page = lines("Nghệ An triển khai kế hoạch học tập và làm theo Bác năm 2024", "12/03/2024 08:00", LEAD,
                 "Kế hoạch", "gồm ba nhóm nhiệm vụ chính cho các huyện miền núi", BODY)
    _result, meta, body = import_page(page, registries)
    assert meta["title"] == "Nghệ An triển khai kế hoạch học tập và làm theo Bác năm 2024"
    assert "gồm ba nhóm nhiệm vụ chính" in body


# --- another article printed whole under "Tin liên quan" ----------------------------------------

def test_a_whole_article_under_a_related_marker_is_left_out_with_its_byline(registries):
    result, meta, body = fixture("r6-related-whole.txt", registries)
    assert meta["author"] == "Thu Hương"  # not the other article's writer
    assert "Tỉnh đoàn Lạng Sơn vừa tổ chức" not in body and "## Thu Hương" not in body
    assert body.rstrip().endswith("là nhiệm vụ thường xuyên.")
    assert {"Minh Đức", "10/05/2024 09:00"} <= {text for _line, _why, text in result.dropped}


def test_headlines_only_under_a_related_marker_in_the_text_still_leave_the_rest(registries):
    page = lines("Lạng Sơn: Phụ nữ biên giới làm theo lời Bác", "13/05/2024 07:45",
                 "Những năm qua, Hội Liên hiệp Phụ nữ các xã biên giới tỉnh Lạng Sơn đã triển khai nhiều mô hình "
                 "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với phong trào thi đua.",
                 "Tin liên quan", "Lạng Sơn: Thanh niên xung kích làm theo lời Bác",
                 "Cao Bằng: Tuổi trẻ biên cương học Bác",
                 "Tại huyện Cao Lộc, mô hình \"Tổ phụ nữ tự quản đường biên, cột mốc\" đã thu hút hơn 300 hội viên "
                 "tham gia, góp phần giữ vững chủ quyền biên giới quốc gia.")
    _result, _meta, body = import_page(page, registries)
    assert "Tổ phụ nữ tự quản" in body and "Thanh niên xung kích" not in body


# --- a page whose headline is only in <title> ----------------------------------------------------

def test_a_saved_page_with_its_headline_only_in_title_takes_it_from_there(registries):
    result, meta, body = fixture("r6-title-only.html", registries)
    assert meta["title"] == "Bến Tre: Lan tỏa tấm gương người tốt, việc tốt"
    assert meta["summary"].startswith("(ĐK) - Thời gian qua")  # the lead stays the lead
    assert meta["date"].isoformat() == "2024-05-20T10:15:00+07:00" and meta["author"] == "Thanh Tâm"
    assert meta["source"]["name"] == "Báo Đồng Khởi"
    assert any("thẻ <title>" in w for w in result.warnings)


@pytest.mark.parametrize("title, headline", [
    ("Bến Tre: Lan tỏa tấm gương người tốt, việc tốt | Báo Đồng Khởi", "Bến Tre: Lan tỏa tấm gương người tốt, việc tốt"),
    ("Hậu Giang - Hơn 20 năm làm theo lời Bác - Cổng TTĐT tỉnh Hậu Giang", "Hậu Giang - Hơn 20 năm làm theo lời Bác"),
    ("Xã Tân Lập tọa đàm học Bác - tanlap.phutho.gov.vn", "Xã Tân Lập tọa đàm học Bác"),
    ("Tin tức", None),
])
def test_the_site_name_is_taken_off_a_page_title(title, headline):
    from generator.importer.pagetitle import page_title_headline
    assert page_title_headline([title]) == headline


def test_a_portal_without_site_name_metadata_is_named_by_its_title(registries):
    _result, meta, _body = fixture("r6-commune-url-date.html", registries)
    assert meta["source"]["name"] == "Cổng TTĐT xã Tân Lập"
    assert meta["date"].isoformat() == "2024-05-17T00:00:00+07:00" and meta["draft"] is True


# --- a Facebook post copied whole ---------------------------------------------------------------

def test_a_facebook_post_keeps_its_text_and_loses_its_age_bars_and_comments(registries):
    result, meta, body = fixture("r6-facebook-post.txt", registries)
    assert meta["title"] == "TUỔI TRẺ CAO BẰNG RA QUÂN CHIẾN DỊCH THANH NIÊN TÌNH NGUYỆN HÈ 2024"
    assert meta["summary"].startswith("Sáng 12/6, Tỉnh đoàn Cao Bằng")  # its emoji do not make it a headline
    assert "author" not in meta  # a commenter is no author
    assert meta["draft"] is True and any("“12 giờ · 🌏”" in w for w in result.warnings)
    assert "Chiến dịch năm nay" in body
    for gone in ("Thích", "Phản hồi", "Nguyễn Văn Hùng", "Lường Thị Mai", "Cố lên"):
        assert gone not in body
    comments = [text for _line, why, text in result.dropped if why == "khuôn trang (comment)"]
    assert comments[0] == "18 bình luận 12 lượt chia sẻ" and "Nguyễn Văn Hùng" in comments


def test_a_comment_under_a_post_without_a_count_line_starts_at_its_writer(registries):
    page = lines("TUỔI TRẺ CAO BẰNG RA QUÂN CHIẾN DỊCH HÈ 2024", "12/06/2024 08:00",
                 "Sáng 12/6, Tỉnh đoàn Cao Bằng tổ chức lễ ra quân Chiến dịch thanh niên tình nguyện hè năm 2024 "
                 "tại xã Quang Trung, huyện Hòa An. 💪💪",
                 "Hơn 2.000 đoàn viên, thanh niên sẽ tham gia sửa đường, dọn vệ sinh, dạy chữ cho trẻ em vùng cao.",
                 "Nguyễn Văn Hùng", "Tự hào tuổi trẻ quê hương 👏👏", "Thích · Phản hồi · 10 giờ")
    _result, meta, body = import_page(page, registries)
    assert "author" not in meta and "Tự hào" not in body and body.rstrip().endswith("vùng cao.")


@pytest.mark.parametrize("line", ["👍 Thích 💬 Bình luận ↪️ Chia sẻ", "🔗 Chia sẻ", "📤 Share"])
def test_a_share_bar_with_icons_is_a_share_bar(line, registries):
    page = lines("Cao Bằng: Tuổi trẻ ra quân chiến dịch tình nguyện hè 2024", "12/06/2024 08:00",
                 "Sáng 12/6, Tỉnh đoàn Cao Bằng tổ chức lễ ra quân Chiến dịch thanh niên tình nguyện hè năm 2024 "
                 "tại xã Quang Trung, huyện Hòa An.", line,
                 "Hơn 2.000 đoàn viên, thanh niên sẽ tham gia sửa đường, dọn vệ sinh, dạy chữ cho trẻ em vùng cao.")
    result, _meta, body = import_page(page, registries)
    assert line not in body and (line in [t for _l, _w, t in result.dropped])


# --- a page in English ----------------------------------------------------------------------------

def test_a_page_in_english_is_refused_with_a_reason_and_the_others_imported(tmp_path, registries):
    (tmp_path / "en.html").write_bytes((FIXTURES / "r6-english.html").read_bytes())
    (tmp_path / "vi.txt").write_bytes((FIXTURES / "r6-document-huongdan.txt").read_bytes())
    status, report = run([tmp_path], tmp_path / "out", registries)
    assert status == 1 and "en.html: trang viết bằng tiếng Anh" in report and "bản tiếng Việt" in report
    assert len(list((tmp_path / "out").glob("*.md"))) == 1


@pytest.mark.parametrize("text", [
    "tinh nghe an to chuc hoi nghi so ket 5 nam thuc hien chi thi 05 cua bo chinh tri ve day manh hoc tap "
    "va lam theo tu tuong dao duc phong cach ho chi minh tai huyen do luong",
    "the dang vien duoc phat tai hoi nghi, an toan giao thong la viec it ai de y nhung rat quan trong "
    "voi moi nguoi dan o cac xa vung cao, be tong hoa duong lang ngo xom",
])
def test_vietnamese_typed_without_marks_is_no_english(text):
    from generator.importer.unmarked import english
    assert not english(text)


# --- a table of awards and a photo album ----------------------------------------------------------

def test_a_photo_without_its_figcaption_does_not_take_the_next_paragraph_for_caption(registries):
    result, meta, body = fixture("r6-awards-album.html", registries)
    assert "| 3 | Chi bộ thôn Khe Cam | Xã Việt Cường, huyện Trấn Yên | Giấy khen |" in body
    assert "![](/images/album-3.jpg)\n\nPhát biểu tại hội nghị, đồng chí Bí thư" in body
    assert '"Các đại biểu dự hội nghị.")' in body  # a real figcaption is still the caption
    assert meta["author"] == "Thanh Chi" and meta["directives"] == ["05-CT/TW"]
    assert "Tin cùng chuyên mục" not in body and "Mù Cang Chải làm theo lời Bác" not in body


def test_a_page_that_never_marks_captions_still_has_its_line_under_a_photo_for_caption(registries):
    page = ("<html><body><article><h1>Yên Bái khen thưởng 30 điển hình học tập và làm theo Bác</h1>"
            "<p>18/05/2024 16:20</p><p>Chiều 18/5, Tỉnh ủy Yên Bái tổ chức hội nghị biểu dương, khen thưởng các "
            "tập thể, cá nhân tiêu biểu trong thực hiện Chỉ thị 05-CT/TW giai đoạn 2021-2024.</p>"
            "<p><img src='/a/trao-khen.jpg'></p><p>Đồng chí Bí thư Tỉnh ủy trao giấy khen cho các cá nhân.</p>"
            "<p>Phát biểu tại hội nghị, đồng chí Bí thư Tỉnh ủy yêu cầu các cấp ủy tiếp tục nhân rộng các điển "
            "hình, đưa việc học tập và làm theo Bác đi vào chiều sâu.</p></article></body></html>")
    _result, meta, _body = import_page(page, registries, ".html")
    assert meta["image"]["caption"] == "Đồng chí Bí thư Tỉnh ủy trao giấy khen cho các cá nhân."


# --- TCVN3: a name's toned capital inside a sentence ----------------------------------------------

@pytest.mark.parametrize("unicode", [
    "Chị Lê Thị Ánh Tuyết ở xã Ân Hảo được tặng bằng khen của Tỉnh ủy Quảng Nam.",
    "Phát biểu tại hội nghị, ông Nguyễn Ánh Dương cảm ơn Huyện ủy Đô Lương và các đồng chí lãnh đạo tỉnh.",
    "Đoàn công tác thăm gia đình ông Lò Văn Ấn Thái ở bản Hua La.",
])
def test_a_toned_capital_inside_a_name_comes_back_from_tcvn3(unicode, registries):
    from generator.importer.legacy import BY_NAME, encode_text
    typed = encode_text(unicode, BY_NAME["TCVN3 (ABC, phông .VnTime)"])
    page = lines("Quảng Nam tuyên dương điển hình làm theo Bác", "12/03/2024 08:00",
                 "Sáng 12/3, Tỉnh ủy Quảng Nam tổ chức hội nghị tuyên dương các điển hình tiêu biểu trong học tập "
                 "và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.", typed)
    _result, _meta, body = import_page(page, registries)
    assert unicode in body


@pytest.mark.parametrize("source, author, paper", [
    ("Theo Minh Anh/TTXVN", "Minh Anh", "TTXVN"),
    ("Theo Minh Anh (Báo Hà Giang)", "Minh Anh", "Báo Hà Giang"),
])
def test_a_source_line_naming_its_writer_and_paper_gives_both(source, author, paper, registries):
    page = lines("Quảng Bình: Lan tỏa những tấm gương bình dị mà cao quý", "12/03/2024 08:00", LEAD, BODY, source)
    _result, meta, body = import_page(page, registries)
    assert meta["author"] == author and meta["source"]["name"] == paper and source not in body


# --- a contest entry copied from Google Docs ------------------------------------------------------

def test_a_long_labelled_byline_is_the_author_never_the_headline(registries):
    _result, meta, body = fixture("r6-google-docs.txt", registries)
    assert meta["title"] == "BÀI DỰ THI: HỌC BÁC TỪ NHỮNG VIỆC LÀM NHỎ"
    assert meta["author"] == "Nguyễn Thị Mai Hương" and "Tác giả" not in body
    assert meta["summary"].startswith("Bác Hồ kính yêu đã dạy")


def test_google_docs_hollow_bullets_are_the_second_level_of_the_list(registries):
    _result, _meta, body = fixture("r6-google-docs.txt", registries)
    assert ("- Tôi vận động phụ huynh quyên góp sách vở cho học sinh khó khăn.\n"
            "    - Năm học 2023-2024, lớp tôi đã tặng 120 bộ sách cho các bạn ở xã vùng cao.\n"
            "- Tôi cùng đồng nghiệp") in body
    assert "○" not in body


def test_two_sub_items_in_a_row_stay_under_their_item(registries):
    page = lines("Quảng Bình: Lan tỏa những tấm gương bình dị mà cao quý", "12/03/2024 08:00", LEAD,
                 "- Một là nâng cao nhận thức", "+ Tổ chức học tập chuyên đề", "+ Tuyên truyền trên báo chí",
                 "- Hai là làm theo", BODY)
    _result, _meta, body = import_page(page, registries)
    assert ("- Một là nâng cao nhận thức\n    - Tổ chức học tập chuyên đề\n    - Tuyên truyền trên báo chí\n"
            "- Hai là làm theo\n") in body


# --- a single-file page knows when it was saved: a relative date counts back from then -----------

def mhtml(html: str, saved: str = "Tue, 12 Mar 2024 10:05:11 +0700") -> bytes:
    import quopri
    head = ("From: <Saved by Blink>\r\nSnapshot-Content-Location: https://baomau.vn/bai.html\r\n"
            + (f"Date: {saved}\r\n" if saved else "") + "MIME-Version: 1.0\r\n"
            "Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----B----\"\r\n\r\n\r\n"
            "------B----\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n"
            "Content-Location: https://baomau.vn/bai.html\r\n\r\n")
    return head.encode() + quopri.encodestring(html.encode("utf-8")) + b"\r\n------B------\r\n"


def aged_page(age: str) -> str:
    return ("<html><head><meta charset='utf-8'><title>Quảng Bình lan tỏa tấm gương bình dị</title></head><body>"
            f"<h1>Quảng Bình lan tỏa tấm gương bình dị</h1><span class='time'>{age}</span>"
            f"<p>{LEAD}</p><p>{BODY}</p></body></html>")


@pytest.mark.parametrize("age, iso", [
    ("2 giờ trước", "2024-03-12T08:05:00+07:00"),
    ("Hôm qua lúc 14:20", "2024-03-11T14:20:00+07:00"),
    ("3 ngày trước", "2024-03-09T00:00:00+07:00"),
    ("45 phút trước", "2024-03-12T09:20:00+07:00"),
])
def test_a_relative_date_on_a_single_file_page_counts_back_from_its_save_time(age, iso, registries):
    result, meta, _body = import_page(mhtml(aged_page(age)), registries, ".mhtml")
    assert meta["date"].isoformat() == iso and "draft" not in meta
    assert any(f"“{age}”" in w and "giờ lưu trang" in w for w in result.warnings)
    assert "gần đúng" in result.text  # the field carries its "# kiểm tra lại"


def test_without_a_save_time_a_relative_date_still_leaves_a_draft(registries):
    result, meta, _body = import_page(mhtml(aged_page("2 giờ trước"), saved=""), registries, ".mhtml")
    assert meta["draft"] is True and any("không tính được ngày đăng" in w for w in result.warnings)


@pytest.mark.parametrize("age", ["2 tháng trước", "1 năm trước"])
def test_months_or_years_ago_name_no_day_even_with_a_save_time(age, registries):
    _result, meta, _body = import_page(mhtml(aged_page(age)), registries, ".mhtml")
    assert meta["draft"] is True


def test_a_document_on_a_portal_page_keeps_the_pages_headline_and_loses_its_head_and_signature(registries):
    result, meta, body = fixture("r6-portal-document.html", registries)
    assert meta["title"] == "Kế hoạch thực hiện Chỉ thị 05-CT/TW năm 2024"
    assert meta["date"].isoformat() == "2024-01-15T00:00:00+07:00"  # the portal's "Ngày đăng", not the signing
    assert meta["summary"].startswith("Căn cứ Chỉ thị 05-CT/TW ngày 15/5/2016")
    assert body.lstrip().startswith("## I. MỤC ĐÍCH, YÊU CẦU")
    for gone in ("HUYỆN ỦY YÊN THÀNH", "Số 86-KH/HU", "ĐẢNG CỘNG SẢN", "KẾ HOẠCH", "Nơi nhận", "Lưu VPHU",
                 "T/M BAN THƯỜNG VỤ", "Nguyễn Văn Hải"):
        assert gone not in body
    # the document's file stays a link, though it stands after the signature
    assert "[Tải về](https://yenthanh.nghean.dcs.vn/files/86-KH-HU.pdf)" in body
    assert not any("tiêu đề ghép" in w for w in result.warnings)


# --- a post's original cited by its full address ------------------------------------------------

def test_a_post_citing_its_original_by_address_gets_the_paper_and_the_address(registries):
    result, meta, body = fixture("r6-zalo-official-account.txt", registries)
    assert meta["source"] == {"name": "Báo Hà Tĩnh",
                              "url": "https://baohatinh.vn/ha-tinh-500-doan-vien-ra-quan-post123456.html"}
    assert "Xem chi tiết" not in body and "Official Account" not in body


@pytest.mark.parametrize("line, name, url", [
    ("Nguồn: https://baohatinh.vn/ha-tinh-post123456.html", "Báo Hà Tĩnh", "https://baohatinh.vn/ha-tinh-post123456.html"),
    ("(Theo https://www.qdnd.vn/chinh-tri/bai-123)", "qdnd.vn", "https://www.qdnd.vn/chinh-tri/bai-123"),
    ("Nguồn: baohatinh.vn", "Báo Hà Tĩnh", None),
])
def test_a_source_line_with_an_address(line, name, url, registries):
    page = lines("Quảng Bình: Lan tỏa những tấm gương bình dị mà cao quý", "12/03/2024 08:00", LEAD, BODY, line)
    _result, meta, body = import_page(page, registries)
    assert meta["source"]["name"] == name and meta["source"].get("url") == url and line not in body


def test_pictures_a_single_file_page_names_by_content_id_are_found(registries):
    import base64
    html = ("<html><head><meta charset='utf-8'></head><body><h1>Quảng Trị sơ kết Chỉ thị 05</h1>"
            "<p>12/03/2024 08:40</p><p>Sáng 12/3, Ban Thường vụ Tỉnh ủy Quảng Trị tổ chức hội nghị sơ kết việc thực "
            "hiện Chỉ thị 05-CT/TW của Bộ Chính trị.</p><p><img src='cid:image001.png@01DA7456.1C2B3E40'></p>"
            "<p>Quang cảnh hội nghị. Ảnh: T.L</p><p>Hội nghị khen thưởng 25 tập thể và 40 cá nhân có thành tích "
            "xuất sắc.</p></body></html>")
    picture = b"\x89PNG\r\n\x1a\nnot really a picture"
    data = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
            b"Content-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + html.encode("utf-8") + b"\r\n--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
            b"Content-ID: <image001.png@01DA7456.1C2B3E40>\r\n\r\n" + base64.encodebytes(picture) + b"--b--\r\n")
    result, meta, _body = import_page(data, registries, ".mht")
    assert meta["image"]["src"] == "/images/image001.png" and result.files == {"image001.png": picture}


@pytest.mark.parametrize("line", ["1/2", "12/3", "Trang 1/2", "Tỷ số 2-1"])
def test_a_bare_day_and_month_is_no_date_line(line):
    from generator.importer.vague import vague_date
    assert vague_date(line) is None


def test_recipients_and_an_offices_signature_are_left_out_though_the_head_is_not_read(registries):
    text = (FIXTURES / "r6-document-huongdan.txt").read_text(encoding="utf-8").replace(
        "HƯỚNG DẪN\ntuyên truyền kỷ niệm", "HƯỚNG DẪN Tuyên truyền kỷ niệm")
    result, meta, body = import_page(text, registries)
    assert "author" not in meta
    for gone in ("TM. BAN", "PHÓ BÍ THƯ", "Đã ký", "Hoàng Văn Tiến", "Nơi nhận", "Lưu Văn phòng"):
        assert gone not in body
    assert body.rstrip().endswith("trước ngày 30/5/2024.")


def test_an_article_ending_with_a_list_keeps_it_without_a_signature(registries):
    page = lines("Quảng Bình: Lan tỏa những tấm gương bình dị mà cao quý", "12/03/2024 08:00", LEAD, BODY,
                 "Nơi nhận hồ sơ:", "- Văn phòng Đảng ủy xã;", "- Bộ phận một cửa của xã.")
    _result, _meta, body = import_page(page, registries)
    assert "Văn phòng Đảng ủy xã" in body


# --- a speech saved from Word ---------------------------------------------------------------------

def test_a_note_in_brackets_or_a_salutation_is_never_the_headline(registries):
    _result, meta, body = fixture("r6-word-speech.htm", registries)
    assert meta["title"] == "HỌC VÀ LÀM THEO BÁC TỪ NHỮNG VIỆC BÌNH THƯỜNG NHẤT"
    assert "Kính thưa các đồng chí đại biểu, thưa toàn thể hội nghị!" in body
    assert "1. Chi bộ đưa nội dung học tập vào sinh hoạt thường kỳ hằng tháng.\n2. Mỗi đảng viên" in body


@pytest.mark.parametrize("line", ["Kính gửi các đồng chí đảng viên", "(Bài dự thi cuộc thi viết về Bác)"])
def test_a_salutation_or_a_bracketed_note_over_the_lead_takes_not_the_headline(line, registries):
    page = lines("Quảng Bình: Lan tỏa những tấm gương bình dị mà cao quý", "12/03/2024 08:00", line, LEAD, BODY)
    _result, meta, _body = import_page(page, registries)
    assert meta["title"] == "Quảng Bình: Lan tỏa những tấm gương bình dị mà cao quý"


# --- a gallery of thumbnails linked to their photos -----------------------------------------------

def test_a_gallery_thumbnail_linked_to_its_photo_imports_the_photo(registries):
    result, meta, body = fixture("r6-gallery.html", registries)
    assert result.images == ["anh-lon-1.jpg", "anh-lon-2.jpg"] and "150x150" not in body
    assert meta["image"]["alt"] == "Đoàn viên sửa đường liên bản"


def test_a_single_file_page_holding_only_the_thumbnail_keeps_the_thumbnail(registries):
    import base64
    html = (FIXTURES / "r6-gallery.html").read_text(encoding="utf-8")
    thumb = b"\x89PNG\r\n\x1a\nthumbnail"
    data = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
            b"Content-Type: text/html\r\nContent-Transfer-Encoding: 8bit\r\n"
            b"Content-Location: https://tinhdoan.dienbien.vn/album.html\r\n\r\n" + html.encode("utf-8")
            + b"\r\n--b\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\nContent-Location: "
            b"https://tinhdoan.dienbien.vn/uploads/2024/05/thumb/anh-lon-1-150x150.jpg\r\n\r\n"
            + base64.encodebytes(thumb) + b"--b--\r\n")
    result, _meta, _body = import_page(data, registries, ".mhtml")
    assert result.images[0] == "anh-lon-1-150x150.jpg" and result.files == {"anh-lon-1-150x150.jpg": thumb}


def test_a_credit_under_a_described_photo_follows_the_description(registries):
    _result, _meta, body = fixture("r6-gallery.html", registries)
    assert '![Trao quà cho học sinh nghèo](/images/anh-lon-2.jpg "Trao quà cho học sinh nghèo. Ảnh: Minh Đức")' in body


def test_a_related_box_amid_the_text_with_a_dated_teaser_loses_no_text_of_the_article(registries):
    page = lines("Lạng Sơn: Phụ nữ biên giới làm theo lời Bác", "13/05/2024 07:45",
                 "Những năm qua, Hội Liên hiệp Phụ nữ các xã biên giới tỉnh Lạng Sơn đã triển khai nhiều mô hình "
                 "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với phong trào thi đua.",
                 "Tin liên quan", "Lạng Sơn: Thanh niên xung kích làm theo lời Bác", "10/05/2024 09:00",
                 "Tỉnh đoàn Lạng Sơn vừa tổ chức tuyên dương 50 thanh niên tiêu biểu trong học tập và làm theo tư "
                 "tưởng, đạo đức, phong cách Hồ Chí Minh năm 2024.",
                 "Tại huyện Cao Lộc, mô hình \"Tổ phụ nữ tự quản đường biên, cột mốc\" đã thu hút hơn 300 hội viên "
                 "tham gia, góp phần giữ vững chủ quyền biên giới quốc gia.")
    _result, _meta, body = import_page(page, registries)
    assert "Tổ phụ nữ tự quản" in body
