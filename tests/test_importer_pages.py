"""Importer, round 5: defects a probe with unseen saved pages found (a source without a name that
broke the build, a date only in the page's address, asides, readers' comments under "Ý kiến (12)",
inline labels glued to the next word, a letter's place-and-date line, links, image names already
taken, a photo story's credit). Each test failed before its fix."""
from __future__ import annotations

from importing import FIXTURES, NOW, import_fixture, import_page, left_out
from generator.importer import convert
from generator.content import ReadSettings, read_article


# -- the source and the date in the page's address ------------------------------------------

def test_address_without_site_name_gives_a_source_the_build_reads(registries, tmp_path):
    result, meta, _body = import_fixture("pages-url-date.html", registries)
    assert meta["source"] == {"name": "baomoi-vidu.vn",
                              "url": "https://baomoi-vidu.vn/chinh-tri/thanh-nien-thi-dua-20230612.html"}
    path = tmp_path / f"{result.slug}.md"
    path.write_text(result.text, encoding="utf-8")
    article = read_article(path, path.name, ReadSettings(registries, "/", (), "cmark-gfm", "Asia/Ho_Chi_Minh", 200))
    assert article.source.name == "baomoi-vidu.vn" and article.draft


def test_an_address_the_build_refuses_is_left_out_with_a_warning(registries):
    page = (FIXTURES / "pages-url-date.html").read_text(encoding="utf-8").replace(
        "https://baomoi-vidu.vn/chinh-tri/thanh-nien-thi-dua-20230612.html", "/chinh-tri/thanh nien.html")
    result, meta, _body = import_page(page, registries, ".html")
    assert "source" not in meta
    assert any("source.url" in w for w in result.warnings)


def test_date_in_the_address_is_a_flagged_guess_not_the_import_day(registries):
    result, meta, _body = import_fixture("pages-url-date.html", registries)
    assert meta["date"].isoformat() == "2023-06-12T00:00:00+07:00"
    assert meta["draft"] is True and "địa chỉ trang" in result.meta.checks["date"]
    assert any("địa chỉ trang" in w and "12/06/2023" in w for w in result.warnings)


# -- readers' comments under a counted heading, inline labels --------------------------------

def test_comments_heading_with_a_count_starts_the_comments(registries):
    result, meta, body = import_fixture("pages-comments-count.html", registries)
    assert "Mong địa phương" not in body and "Cô thật đáng quý" not in body
    assert left_out(result, "khuôn trang (comment)") == [
        "Ý kiến (7)", "Trần Văn Bình: Cô thật đáng quý.", "Phạm Thu Hà: Mong địa phương hỗ trợ lớp học thêm sách vở."]
    assert meta["author"] == "Trúc Linh"


def test_an_inline_label_is_never_glued_to_the_next_word(registries):
    _result, meta, _body = import_fixture("pages-comments-count.html", registries)
    assert meta["summary"].startswith("Sóc Trăng - Mười năm qua, cô Lâm Thị Mỹ")
    page = ("<html><body><h1>Chi đoàn khu phố ra quân làm sạch đường làng</h1><p>Sáng nay, <b>Chi đoàn</b>"
            "Khu phố 3 ra quân làm sạch đường làng, trồng thêm 200 cây xanh dọc bờ kênh.</p>"
            "<p><b>Đ</b>ây là lần thứ ba trong năm chi đoàn tổ chức ra quân như vậy.</p></body></html>")
    _r, meta, body = import_page(page, registries, ".html")
    assert meta["summary"].startswith("Sáng nay, Chi đoàn Khu phố 3")
    assert "Đây là lần thứ ba" in body  # a drop cap stays one word


# -- letters ----------------------------------------------------------------------------------

def test_place_and_date_line_is_a_date_never_a_byline():
    from generator.importer.dates import meta_line
    line = meta_line("Đức Thọ, ngày 12 tháng 01 năm 2024")
    assert line.date.iso() == "2024-01-12T00:00:00+07:00" and line.rest == "" and line.place == "Đức Thọ"
    assert meta_line("Đình Minh 03/10/2024 14:22").rest == "Đình Minh"  # a byline on a date line stays one


def test_a_letter_is_warned_about_and_its_place_is_no_author(registries):
    result, meta, _body = import_fixture("pages-letter.html", registries)
    assert "author" not in meta
    assert meta["date"].isoformat() == "2024-01-12T00:00:00+07:00"
    assert any(w.startswith("trang có vẻ là thư") and "THƯ KHEN" in w and "Đức Thọ, ngày 12" in w
               for w in result.warnings)
    assert any("thẻ <h1> “THƯ KHEN”" in w and "đã bị bỏ" in w for w in result.warnings)


# -- a photo story's credit -------------------------------------------------------------------

def test_credit_after_a_photo_story_is_its_author_not_the_last_caption(registries):
    result, meta, body = import_fixture("pages-photo-story.html", registries)
    assert meta["author"] == "Ngọc Minh" and result.lines["author"]
    assert "NGỌC MINH" not in body and "Ảnh:" not in body
    assert '"Các cháu thiếu nhi nhận quà của Ban công tác Mặt trận.")' in body


def test_credit_after_a_photo_story_with_a_byline_is_reported(registries):
    page = (FIXTURES / "pages-photo-story.html").read_text(encoding="utf-8").replace(
        '<p class="sapo">', '<p>Bài: Thu Trang</p><p class="sapo">')
    result, meta, body = import_page(page, registries, ".html")
    assert meta["author"] == "Thu Trang" and "NGỌC MINH" not in body
    assert left_out(result, "ghi công ảnh của cả bài (phóng sự ảnh)") == ["Ảnh: NGỌC MINH"]


# -- asides -----------------------------------------------------------------------------------

def test_aside_in_the_article_is_a_box_and_a_sidebar_is_reported(registries):
    result, _meta, body = import_fixture("pages-aside.html", registries)
    assert "> Bạn có biết\n>\n> Sinh hoạt chuyên đề là nội dung bắt buộc của chi bộ ít nhất mỗi quý một lần." in body
    assert body.index("> Bạn có biết") < body.index("Bí thư chi bộ cho biết")
    assert "Giá vàng" not in body
    assert sorted(left_out(result, "khuôn trang (aside)")) == ["Giá vàng hôm nay tăng mạnh", "Đọc nhiều"]


# -- image names already taken ----------------------------------------------------------------

_PHOTO_PAGE = ("<html><head><meta property='og:site_name' content='Báo Ví Dụ'></head><body>"
               "<h1>Đoàn viên giúp dân sửa nhà sau mưa lũ ở vùng cao</h1><p>20/05/2024 08:30</p>"
               "<p>Hơn 50 đoàn viên thanh niên xã đã giúp 12 hộ dân sửa lại nhà cửa bị hư hỏng sau trận mưa lũ.</p>"
               "<figure><img src='anh_files/sua-nha.jpg' alt=''><figcaption>Đoàn viên lợp lại mái nhà cho "
               "một hộ nghèo.</figcaption></figure><p>Các hộ được hỗ trợ đều là hộ nghèo, hộ chính sách.</p>"
               "</body></html>")


def _photo_import(tmp_path, registries, old: bytes, local: bytes | None):
    images = tmp_path / "images"
    images.mkdir()
    (images / "sua-nha.jpg").write_bytes(old)
    page_dir = tmp_path / "trang"
    (page_dir / "anh_files").mkdir(parents=True)
    if local is not None:
        (page_dir / "anh_files" / "sua-nha.jpg").write_bytes(local)
    return convert(_PHOTO_PAGE.encode(), ".html", registries, "/images/", "bai.html", now=NOW, images_dir=images,
                   page_dir=page_dir)


def test_an_image_name_taken_by_another_photo_gets_a_free_name(registries, tmp_path):
    result = _photo_import(tmp_path, registries, b"old photo", b"new photo")
    new = "doan-vien-giup-dan-sua-nha-sau-mua-lu-o-sua-nha.jpg"
    assert result.images == [new] and result.meta.image_src == "/images/" + new
    assert f"](/images/{new} " in result.text and "/images/sua-nha.jpg" not in result.text
    assert any("“sua-nha.jpg”" in w and "có nội dung khác" in w and new in w for w in result.warnings)


def test_the_same_photo_imported_again_keeps_its_name(registries, tmp_path):
    result = _photo_import(tmp_path, registries, b"same photo", b"same photo")
    assert result.images == ["sua-nha.jpg"] and not any("sua-nha.jpg”" in w for w in result.warnings)


def test_report_lists_every_image_in_full(registries):
    import io
    from generator.importer.report import Output, print_file_report
    page = (FIXTURES / "pages-photo-story.html").read_text(encoding="utf-8").replace("/up/hoi-", "/up/ngay-hoi-lang-")
    result, _meta, _body = import_page(page, registries, ".html")
    out = io.StringIO()
    print_file_report(Output(out), "a.html", FIXTURES / "a.md", "ok", result, True, True)
    line = next(x for x in out.getvalue().splitlines() if x.strip().startswith("ảnh "))
    assert ("ngay-hoi-lang-1.jpg, ngay-hoi-lang-2.jpg, ngay-hoi-lang-3.jpg (hãy chép các tệp ảnh này vào thư mục "
            "ảnh của trang)") in line


# -- links ------------------------------------------------------------------------------------

def test_a_link_to_a_document_stays_a_link_and_other_links_are_reported(registries, tmp_path):
    result, _meta, body = import_fixture("pages-links.html", registries)
    path = tmp_path / "bai.md"
    path.write_text(result.text, encoding="utf-8")
    html = read_article(path, path.name, ReadSettings(registries, "/", (), "cmark-gfm", "Asia/Ho_Chi_Minh", 200)).body
    assert '<a href="https://tuyengiao-vidu.vn/files/HD%2012%20%282024%29.pdf">tại đây</a>' in html
    assert "Toàn văn hướng dẫn xem [tại đây](https://tuyengiao-vidu.vn/files/HD%2012%20%282024%29.pdf)." in body
    assert "có tại văn phòng Ban." in body and "javascript" not in body
    assert left_out(result, "đường dẫn trong bài không giữ lại (chỉ giữ đường dẫn tới tài liệu)") == [
        "văn phòng Ban → https://tuyengiao-vidu.vn/lien-he"]


def test_a_relative_document_link_on_a_page_without_its_address_is_reported(registries):
    page = (FIXTURES / "pages-links.html").read_text(encoding="utf-8").replace(
        '<link rel="canonical" href="https://tuyengiao-vidu.vn/tin-tuc/huong-dan-chuyen-de.html">', "")
    result, _meta, body = import_page(page, registries, ".html")
    assert "Toàn văn hướng dẫn xem tại đây." in body
    assert left_out(result, "đường dẫn tới tài liệu không giữ được: trang không ghi địa chỉ gốc") == [
        "tại đây → /files/HD 12 (2024).pdf"]
