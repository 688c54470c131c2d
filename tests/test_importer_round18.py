"""Round 18 of the importer: a print view's own address, a source's outlet without its desk, a headline's words
mistyped in case, and headline.py split into one-job modules."""
from __future__ import annotations

from pathlib import Path

import pytest

from importing import import_page, lines
from importing import PAGE_LAST as _LAST, PAGE_LEAD as _LEAD, PAGE_TITLE as _TITLE

_IMPORTER = Path(__file__).resolve().parent.parent / "generator" / "importer"


# -- modules stay one job each (headline.py was 445 lines) ----------------------------------------------------------

def test_the_headline_modules_are_split_by_job():
    from generator.importer import datechoice, headline, pagetitle, titletext
    assert len((_IMPORTER / "headline.py").read_text(encoding="utf-8").splitlines()) <= 300  # was 445
    assert not hasattr(headline, "choose_date") and callable(datechoice.choose_date)
    assert not hasattr(headline, "page_title_site") and callable(pagetitle.page_title_site)
    assert not hasattr(headline, "clean_title") and callable(titletext.clean_title)


# -- a print view's address: the article's own (addresses.py) ------------------------------------------------------

_ARTICLE = "https://baophutho.vn/xa-tan-lap-hoc-tap-va-lam-theo-bac-225123.htm"


def _print_view(head: str = "", before: str = "", after: str = "") -> str:
    """A print view saved from a browser: its canonical address often the site's home page."""
    return (f"{before}<html><head><meta charset='utf-8'><title>In bài viết</title>{head}</head>"
            f"<body onload='window.print()'><h1>{_TITLE}</h1><div>Thứ Hai, 12/05/2025 08:30</div><p>{_LEAD}</p>"
            f"<p>{_LAST}</p><p>Nguyễn Văn An</p>{after}<div class='footer'>Báo Phú Thọ</div></body></html>")


@pytest.mark.parametrize("head, before, printed", [
    ("<link rel='canonical' href='https://baophutho.vn/'>",
     f"<!-- saved from url=(0080){_ARTICLE}?print=1 -->", f"{_ARTICLE}?print=1"),
    ("<meta property='og:url' content='https://baophutho.vn'>",
     "<!-- saved from url=(0080)https://baophutho.vn/print/xa-tan-lap-hoc-tap-va-lam-theo-bac-225123.htm -->",
     "https://baophutho.vn/print/xa-tan-lap-hoc-tap-va-lam-theo-bac-225123.htm"),
    ("", "<!-- saved from url=(0080)https://baophutho.vn/in-bai-viet/xa-tan-lap-hoc-tap-va-lam-theo-bac-225123.htm -->",
     "https://baophutho.vn/in-bai-viet/xa-tan-lap-hoc-tap-va-lam-theo-bac-225123.htm"),
    (f"<meta property='og:url' content='{_ARTICLE}?view=print&amp;tmpl=component'>", "",
     f"{_ARTICLE}?view=print&tmpl=component"),
])
def test_a_print_view_s_source_is_the_article_s_address_without_the_print_marker(head, before, printed, registries):
    result, meta, _body = import_page(_print_view(head, before), registries, ".html")
    assert meta["source"] == {"name": "Báo Phú Thọ", "url": _ARTICLE}  # was the home page, the print address or none
    assert f"địa chỉ bài lấy từ địa chỉ bản in “{printed}”, đã bỏ phần chỉ bản in: {_ARTICLE}; hãy kiểm tra " \
           "source.url" in result.warnings


@pytest.mark.parametrize("line", [f"Nguồn: {_ARTICLE}", f"Địa chỉ bài viết: {_ARTICLE}"])
def test_a_print_view_s_printed_address_wins_over_its_home_page(line, registries):
    page = _print_view("<link rel='canonical' href='https://baophutho.vn/'>", after=f"<p>{line}</p>")
    _result, meta, _body = import_page(page, registries, ".html")
    assert meta["source"]["url"] == _ARTICLE  # was "https://baophutho.vn/"


def test_an_article_s_canonical_address_is_kept_and_a_home_page_alone_stays():
    from generator.importer.addresses import article_address
    assert article_address([_ARTICLE, "https://baophutho.vn/print/1.htm"]) == (_ARTICLE, None)
    assert article_address(["https://baophutho.vn/", None]) == ("https://baophutho.vn/", None)
    # a print script names the article only by a number: no address to read from it
    assert article_address(["https://baophutho.vn/Print.aspx?ID=12", "https://baophutho.vn/"]) == \
        ("https://baophutho.vn/Print.aspx?ID=12", None)
    # words that only look like a print marker stay: "in" inside a slug, a "printing" query
    assert article_address(["https://baophutho.vn/nganh-in-an-phat-trien-1.htm?ref=printing"]) == \
        ("https://baophutho.vn/nganh-in-an-phat-trien-1.htm?ref=printing", None)


# -- a source's outlet and its desk (outlets.py, sources.py, byline.py) -------------------------------------------

def _signed(line: str, registries) -> tuple[dict, list[str]]:
    result, meta, _body = import_page(lines(_TITLE, "12/05/2025 08:30", _LEAD, _LAST, line), registries)
    return meta, result.warnings


@pytest.mark.parametrize("line, author, source, written, desk", [
    ("Theo VOV-Trường Sa", None, "VOV", "VOV-Trường Sa", "Trường Sa"),
    ("Hoàng Long/VOV-Trường Sa", "Hoàng Long", "VOV", "VOV-Trường Sa", "Trường Sa"),
    ("HOÀNG LONG/VOV-TRƯỜNG SA", "Hoàng Long", "VOV", "VOV-TRƯỜNG SA", "Trường Sa"),
    # was author "Hoàng Long - Vov Trường Sa", no source
    ("Hoàng Long - VOV Trường Sa", "Hoàng Long", "VOV", "VOV Trường Sa", "Trường Sa"),
    # was no author, source "Minh Anh - VOV Tây Nguyên"
    ("Theo Minh Anh - VOV Tây Nguyên", "Minh Anh", "VOV", "VOV Tây Nguyên", "Tây Nguyên"),
    ("(Theo VOV - Tây Bắc)", None, "VOV", "VOV - Tây Bắc", "Tây Bắc"),
    ("PV/VOV-Trường Sa", "Phóng viên", "VOV", "VOV-Trường Sa", "Trường Sa"),  # was no author, no source
    ("Theo Báo Nhân Dân - Ban Thời sự", None, "Báo Nhân Dân", "Báo Nhân Dân - Ban Thời sự", "Ban Thời sự"),
    ("Theo Báo Phú Thọ - Cơ quan của Đảng bộ tỉnh Phú Thọ", None, "Báo Phú Thọ",
     "Báo Phú Thọ - Cơ quan của Đảng bộ tỉnh Phú Thọ", "Cơ quan của Đảng bộ tỉnh Phú Thọ"),
])
def test_a_source_is_the_outlet_and_its_desk_is_left_out_with_a_note(line, author, source, written, desk,
                                                                      registries):
    meta, warnings = _signed(line, registries)
    assert meta.get("author") == author
    assert meta["source"] == {"name": source}  # was the outlet with its desk ("VOV-Trường Sa")
    assert [w for w in warnings if w.startswith("nguồn “")] == [
        f"nguồn “{written}”: tên nguồn là cơ quan báo chí “{source}”; đã bỏ phần “{desk}” (ban, cơ quan thường trú "
        "hoặc lời giới thiệu của báo): hãy kiểm tra"]


@pytest.mark.parametrize("line, author, source", [
    ("Theo TTXVN/Vietnam+", None, "TTXVN/Vietnam+"),  # two outlets: the agency's piece in its e-paper, kept
    ("Minh Anh/TTXVN/Vietnam+", "Minh Anh", "TTXVN/Vietnam+"),
    ("Quang Vinh/TTXVN - Vietnam+", "Quang Vinh", "TTXVN - Vietnam+"),  # was no source
    ("Theo Báo Quảng Ngãi điện tử", None, "Báo Quảng Ngãi điện tử"),  # the e-paper's name, edition and all
    ("Thanh Hải - Báo Quảng Ngãi điện tử", "Thanh Hải", "Báo Quảng Ngãi điện tử"),  # was no source
    ("Thu Hà - Nhân Dân", "Thu Hà", "Nhân Dân"),  # was author "Thu Hà - Nhân Dân"
    ("Theo VOV Giao thông", None, "VOV Giao thông"),  # a channel, no desk
    ("Theo QĐND Online", None, "QĐND Online"),
])
def test_outlets_chains_and_editions_stay_as_written(line, author, source, registries):
    meta, warnings = _signed(line, registries)
    assert meta.get("author") == author
    assert meta["source"] == {"name": source}
    assert not [w for w in warnings if w.startswith("nguồn “")]


def test_a_paper_s_name_with_a_hyphen_is_one_name():
    from generator.importer.outlets import outlet_name
    assert outlet_name("Báo Bà Rịa-Vũng Tàu") == ("Báo Bà Rịa-Vũng Tàu", None)
    assert outlet_name("VOV-Tây Nguyên/VOV") == ("VOV", "Tây Nguyên")


def test_a_print_view_s_footer_names_the_paper_not_its_motto(registries):
    page = _print_view("<link rel='canonical' href='https://baophutho.vn/'>",
                       after=f"<p>Địa chỉ bài viết: {_ARTICLE}</p><p>Báo Phú Thọ - Cơ quan của Đảng bộ tỉnh Phú Thọ</p>")
    _result, meta, _body = import_page(page, registries, ".html")
    assert meta["source"] == {"name": "Báo Phú Thọ", "url": _ARTICLE}  # was the motto too, and the home page


# -- a headline's words mistyped in case: kept, named (titletext.py) ------------------------------------------------

@pytest.mark.parametrize("title, check", [
    ("Tỉnh Ủy đẩy mạnh HọC tập và làm theo Bác",
     "tiêu đề có từ gõ lẫn chữ hoa và chữ thường (“HọC”): hãy sửa lỗi gõ"),
    ("BIÊN CƯơNG VỮNG CHẮC NHỜ HỌC TẬP VÀ LÀM THEO BÁC",
     "tiêu đề viết toàn chữ in hoa: hãy viết lại chữ thường, chỉ viết hoa chữ đầu và tên riêng; có từ gõ lẫn chữ hoa "
     "và chữ thường (“CƯơNG”): hãy sửa lỗi gõ"),
    ("ĐOàN THANH NIÊN xã Tân Lập ra quân tình nguyện hè",
     "tiêu đề có từ gõ lẫn chữ hoa và chữ thường (“ĐOàN”): hãy sửa lỗi gõ"),
])
@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_a_headline_mistyped_in_case_is_the_headline_as_typed_with_a_note(title, check, suffix, registries):
    if suffix == ".txt":
        data = lines("Trang chủ", "Tin tức", title, "12/05/2025 08:30", _LEAD, _LAST, "Nguyễn Văn An")
    else:
        data = (f"<html><body><h1>{title}</h1><p>12/05/2025 08:30</p><p>{_LEAD}</p><p>{_LAST}</p>"
                "<p>Nguyễn Văn An</p></body></html>")
    result, meta, _body = import_page(data, registries, suffix)
    assert meta["title"] == title  # the editor's words, never recased
    head = result.text.split("\n")
    assert head[1] == f'title: "{title}"  # kiểm tra lại: {check}'


def test_names_spelt_with_inner_capitals_are_no_typos():
    from generator.importer.titletext import mistyped_case_check
    for title in ("ThS. Nguyễn Văn A nói về TikTok và VnExpress", "Hà Nội ra mắt eMagazine về Bác",
                  "TP.HCM học tập và làm theo Bác", "Tỉnh Ủy Quảng Ninh học tập và làm theo Bác"):
        assert mistyped_case_check(title) is None, title


# -- an outlet's tag heading the lead names the source when nothing else does (siteinfo._lead_tag) -----------------

@pytest.mark.parametrize("tag, source", [
    ("VOV.VN - ", "vov.vn"), ("(Chinhphu.vn) - ", "chinhphu.vn"), ("TTXVN - ", "TTXVN"), ("QĐND Online - ", "QĐND Online"),
    ("BGĐT - ", "Báo Bắc Giang"), ("(QNO) - ", "Báo Quảng Nam"), ("(Baoquangngai.vn)- ", "Báo Quảng Ngãi"),
])
def test_an_outlet_s_tag_heading_the_lead_names_the_source(tag, source, registries):
    result, meta, _body = import_page(lines(_TITLE, "12/05/2025 08:30", tag + _LEAD, _LAST, "Nguyễn Văn An"),
                                      registries)
    assert meta["source"] == {"name": source}  # was no source at all
    assert meta["summary"] == tag + _LEAD  # the lead as written
    written = tag.strip(" -()")
    assert f"nguồn lấy từ ký hiệu “{written}” đầu đoạn mở đầu: trang không ghi nguồn ở chỗ khác; hãy kiểm tra" \
        in result.warnings


@pytest.mark.parametrize("opening", ["Sáng 12/5 - ", "Hà Nội - ", "(TG) - ", "NDO - ", ""])
def test_a_lead_without_an_outlet_s_tag_names_no_source(opening, registries):
    _result, meta, _body = import_page(lines(_TITLE, "12/05/2025 08:30", opening + _LEAD, _LAST, "Nguyễn Văn An"),
                                       registries)
    assert "source" not in meta


def test_a_line_pointing_to_photos_a_paste_lacks_is_left_out_and_reported(registries):
    for pointer in ("👉 Một số hình ảnh tại buổi lễ:", "Dưới đây là một số hình ảnh:", "Hình ảnh buổi ra quân:"):
        result, _meta, body = import_page(lines(_TITLE, "12/05/2025 08:30", _LEAD, _LAST, pointer,
                                                "Tin: Minh Thu"), registries)
        assert pointer.removeprefix("👉 ") not in body, pointer  # was kept as the article's last line
        assert (5, "lời dẫn tới ảnh không có trong bài", pointer) in result.dropped
        assert f"đã bỏ dòng “{pointer}” (dòng 5): dòng này dẫn tới ảnh nhưng bài không có ảnh theo sau; hãy thêm " \
               "ảnh nếu cần" in result.warnings


def test_a_line_pointing_to_photos_that_follow_stays(registries):
    page = (f"<html><body><h1>{_TITLE}</h1><p>12/05/2025 08:30</p><p>{_LEAD}</p><p>{_LAST}</p>"
            "<p>Một số hình ảnh tại buổi lễ:</p><figure><img src='anh1.jpg' alt='Lễ ra quân'>"
            "<figcaption>Đoàn viên trồng cây.</figcaption></figure><p>Nguyễn Văn An</p></body></html>")
    _result, _meta, body = import_page(page, registries, ".html")
    assert "Một số hình ảnh tại buổi lễ:" in body


def test_a_pasted_print_view_s_address_over_the_headline_is_the_article_s(registries):
    address = "https://baophutho.vn/xa-tan-lap-hoc-tap-225123.htm"
    result, meta, _body = import_page(lines("BÁO PHÚ THỌ", f"Địa chỉ bài viết: {address}?print=1", _TITLE,
                                            "12/05/2025 08:30", _LEAD, _LAST, "Nguyễn Văn An"), registries)
    assert meta["source"] == {"name": "Báo Phú Thọ", "url": address}  # was no address: the line stood over the title
    assert f"địa chỉ bài lấy từ địa chỉ bản in “{address}?print=1”, đã bỏ phần chỉ bản in: {address}; hãy kiểm " \
           "tra source.url" in result.warnings


# -- a Cơ Ho or Mạ man's one-word name ("K’Thương") signs the article like an Ê Đê woman's ("H’Linh") --------------

@pytest.mark.parametrize("signature, author", [("K’Thương", "K’Thương"), ("K'BRÔNG", "K'Brông"),
                                               ("H’Linh", "H’Linh")])
def test_a_one_word_name_with_its_prefix_signs_the_article(signature, author, registries):
    page = (f"<html><body><h1>{_TITLE}</h1><p>12/05/2025 08:30</p><p>{_LEAD}</p><p>{_LAST}</p>"
            f"<p style='text-align: right;'><em><strong>{signature}</strong></em></p></body></html>")
    result, meta, _body = import_page(page, registries, ".html")
    assert meta["author"] == author  # "K’Thương" was left out as a label ("nhãn cuối bài"), no author
    assert "không tìm thấy tên tác giả trên trang" not in result.warnings


# -- a date line that says only when the article was changed gives way to the page's publication time -------------

def _dated(line: str, published: str) -> str:
    return (f"<html><head><meta charset='utf-8'><script type='application/ld+json'>{{\"@type\": \"NewsArticle\", "
            f"\"datePublished\": \"{published}\"}}</script></head><body><h1>{_TITLE}</h1><div>{line}</div>"
            f"<p>{_LEAD}</p><p>{_LAST}</p><p>Nguyễn Văn An</p></body></html>")


@pytest.mark.parametrize("line, published, expected", [
    ("Cập nhật lúc 10:20, Thứ Tư, 20/08/2025 (GMT+7)", "2025-08-20T10:00:00+07:00", "2025-08-20T10:00:00+07:00"),
    ("Cập nhật: 21/08/2025 08:00", "2025-08-20T10:00:00+07:00", "2025-08-20T10:00:00+07:00"),
    # a publication time after the update is none: the printed line
    ("Cập nhật: 19/08/2025 08:00", "2025-08-20T10:00:00+07:00", "2025-08-19T08:00:00+07:00"),
    ("Ngày đăng: 20/08/2025 10:20", "2025-08-20T10:00:00+07:00", "2025-08-20T10:20:00+07:00"),
])
def test_an_update_line_gives_way_to_the_page_s_publication_time(line, published, expected, registries):
    _result, meta, _body = import_page(_dated(line, published), registries, ".html")
    assert meta["date"].isoformat() == expected  # the update's time was taken for the publication's


def test_a_trail_copied_without_its_separators_is_no_rival_headline(registries):
    result, meta, _body = import_page(lines("Trang chủ Chính trị Xây dựng Đảng", "Thứ Năm, 14/08/2025 | 15:42", _TITLE,
                                            "Thứ Năm, 14/08/2025 15:30 (GMT+7)", _LEAD, _LAST, "Nguyễn Văn An"),
                                      registries)
    assert meta["title"] == _TITLE
    assert result.text.split("\n")[1] == f'title: "{_TITLE}"'  # was flagged: "có dòng khác cũng giống tiêu đề"
    assert "có nhiều dòng giống tiêu đề; hãy kiểm tra tiêu đề" not in result.warnings


def test_a_print_view_saved_as_one_file_gives_the_article_s_address(registries):
    import quopri
    html = _print_view("<link rel='canonical' href='https://baophutho.vn/'>")
    printed = "https://baophutho.vn/in-bai-viet/xa-tan-lap-hoc-tap-va-lam-theo-bac-225123.htm"
    archive = ("From: <Saved by Blink>\r\nSnapshot-Content-Location: " + printed + "\r\nSubject: In bài viết\r\n"
               "MIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"--B--\"\r\n\r\n"
               "----B--\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n"
               f"Content-Location: {printed}\r\n\r\n" + quopri.encodestring(html.encode("utf-8")).decode("ascii")
               + "\r\n----B----\r\n")
    _result, meta, _body = import_page(archive.encode("utf-8"), registries, ".mhtml")
    assert meta["source"] == {"name": "Báo Phú Thọ", "url": _ARTICLE}  # was the home page


@pytest.mark.parametrize("line, author, source", [
    ("Văn Thành (TTXVN)/Vietnam+", "Văn Thành", {"name": "TTXVN/Vietnam+"}),  # was no author, no source
    # a writer's name a district also has ("Thanh Hà", Hải Dương), signed by the unit in brackets: was no author
    ("Thanh Hà (Ban Tuyên giáo và Dân vận Tỉnh ủy)", "Thanh Hà", None),
    ("Thanh Hà (Huyện ủy Đà Bắc)", "Thanh Hà", None),
])
def test_a_byline_with_its_agency_or_unit_in_brackets(line, author, source, registries):
    meta, _warnings = _signed(line, registries)
    assert meta.get("author") == author
    assert meta.get("source") == source


def test_a_district_s_name_alone_is_still_no_byline(registries):
    for line in ("Thanh Hà", "Hà Nội/VOV"):
        meta, warnings = _signed(line, registries)
        assert "author" not in meta, line
        assert "không tìm thấy tên tác giả trên trang" in warnings


@pytest.mark.parametrize("site, name", [
    ("Ủy ban MTTQ Việt Nam tỉnh Lâm Đồng", "Ủy ban MTTQ Việt Nam tỉnh Lâm Đồng"),
    ("Tỉnh đoàn Tuyên Quang", "Tỉnh đoàn Tuyên Quang"),
    ("BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY LẠNG SƠN", "Ban Tuyên giáo và Dân vận Tỉnh ủy Lạng Sơn"),
])
def test_an_organisation_s_name_closing_the_page_title_is_its_site(site, name, registries):
    page = (f"<html><head><meta charset='utf-8'><title>{_TITLE} - {site}</title></head><body><h1>{_TITLE}</h1>"
            f"<p>12/05/2025 08:30</p><p>{_LEAD}</p><p>{_LAST}</p><p>Nguyễn Văn An</p></body></html>")
    _result, meta, _body = import_page(page, registries, ".html")
    assert meta["source"] == {"name": name}  # was no source
    assert meta["title"] == _TITLE
