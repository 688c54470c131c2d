"""Importer, round 5: pages of kinds no earlier round used (AMP pages, lazy-loaded photos, social
posts pasted into the article, …). Each test failed before its fix."""
from __future__ import annotations

import pytest

from importing import import_fixture as fixture
from importing import import_page, left_out

EMBED = "khung nhúng (video, bản đồ, quảng cáo…) không nhập được; nếu là nội dung bài, hãy nhúng lại"


def page(body: str, head: str = "") -> str:
    """A saved article page around body (its headline, date and lead are given)."""
    return ("<html><head><meta charset='utf-8'><title>Sơn La lan tỏa tấm gương làm theo Bác</title>" + head +
            "</head><body><article><h1>Sơn La lan tỏa tấm gương làm theo Bác</h1><p>17/05/2024 06:45</p>"
            "<p>Sau 8 năm thực hiện Chỉ thị 05-CT/TW, tỉnh Sơn La có hàng nghìn tấm gương bình dị được "
            "biểu dương, khen thưởng.</p>" + body +
            "<p>Thời gian tới, tỉnh tiếp tục đưa việc học tập và làm theo Bác thành việc làm tự giác.</p>"
            "</article></body></html>")


# -- photos loaded lazily, AMP pictures (media.py) ------------------------------------------------

@pytest.mark.parametrize("picture, name", [
    # AMP writes <amp-img>, closed, sometimes with its own fallback copy inside
    ('<amp-img src="https://img.nhandan.vn/2024/05/17/son-la-1.jpg" width="800" height="533" '
     'layout="responsive"></amp-img>', "son-la-1.jpg"),
    ('<amp-img src="/files/son-la-1.jpg" width="8" height="5"><noscript><img src="/files/son-la-1.jpg">'
     '</noscript></amp-img>', "son-la-1.jpg"),
    # a placeholder in src, the photo in a lazy loader's attribute
    ('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/2024/5/19/kim-lien.jpg">', "kim-lien.jpg"),
    ('<img src="/img/placeholder.gif" data-lazy-src="/uploads/ra-quan-01.jpg">', "ra-quan-01.jpg"),
    ('<img src="/images/blank.png" data-original="/uploads/ra-quan-01.jpg">', "ra-quan-01.jpg"),
    # srcset only: the widest candidate
    ('<img srcset="/2024/5/trao-qua-480.jpg 480w, /2024/5/trao-qua-960.jpg 960w" sizes="100vw">',
     "trao-qua-960.jpg"),
    ('<img src="/img/loading.svg" data-srcset="/a/hoi-nghi@1x.jpg 1x, /a/hoi-nghi@2x.jpg 2x">', "hoi-nghi-2x.jpg"),
    # a <picture> whose <img> holds a placeholder: its <source>
    ('<picture><source type="image/webp" srcset="/p/dang-huong.webp"><img src="data:image/gif;base64,R0l"></picture>',
     "dang-huong.webp"),
    # the photo only in the <noscript> copy
    ('<img class="lazy" src="data:image/gif;base64,R0l"><noscript><img src="/p/dang-huong.jpg"></noscript>',
     "dang-huong.jpg"),
])
def test_a_lazily_loaded_or_amp_photo_is_the_photo_not_its_placeholder(picture, name, registries):
    html = page("<figure>" + picture + "<figcaption>Ông Lò Văn Xôm trò chuyện với cán bộ xã Hát Lót. "
                "Ảnh: QUANG QUYẾT</figcaption></figure>")
    result, meta, body = import_page(html, registries, ".html")
    assert result.images == [name]
    assert meta["image"]["src"] == "/images/" + name
    assert meta["image"]["caption"].startswith("Ông Lò Văn Xôm trò chuyện")
    assert f"](/images/{name} " in body


def test_a_picture_and_its_noscript_copy_are_one_photo(registries):
    html = page('<figure><picture><source srcset="/p/a.webp"><img src="data:," data-src="/p/kim-lien.jpg"></picture>'
                '<noscript><img src="/p/kim-lien.jpg"></noscript><figcaption>Thủ tướng dâng hương tại Khu di tích '
                'Kim Liên. Ảnh: VGP</figcaption></figure>')
    result, _meta, body = import_page(html, registries, ".html")
    assert result.images == ["kim-lien.jpg"] and body.count("kim-lien.jpg") == 1


# -- players and social posts (media.py) ----------------------------------------------------------

def test_amp_players_and_pasted_social_posts_are_reported_embeds_not_text(registries):
    html = page('<amp-youtube data-videoid="dQw4w9WgXcQ" layout="responsive" width="480" height="270"></amp-youtube>'
                '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@thanhdoan/video/7342"><section>'
                '<a href="https://www.tiktok.com/@thanhdoan">@thanhdoan</a> Ra quân Tháng Thanh niên #thangthanhnien'
                '</section></blockquote>'
                '<div class="fb-post" data-href="https://www.facebook.com/tinhuy/posts/123"></div>'
                '<blockquote class="twitter-tweet"><p>Tweet words</p>&mdash; VTV '
                '<a href="https://twitter.com/vtv/status/1">May 17, 2024</a></blockquote>')
    result, _meta, body = import_page(html, registries, ".html")
    assert "@thanhdoan" not in body and "Tweet words" not in body and "#thangthanhnien" not in body
    assert sorted(left_out(result, EMBED)) == ['<blockquote class="twitter-tweet">',
                                               "https://www.facebook.com/tinhuy/posts/123",
                                               "https://www.tiktok.com/@thanhdoan/video/7342"]
    # (a YouTube player is kept as a link to the video since round 8)
    assert "(https://www.youtube.com/watch?v=dQw4w9WgXcQ)" in body
    assert "Thời gian tới, tỉnh tiếp tục" in body


def test_a_plain_quote_in_the_article_stays_a_quote(registries):
    html = page('<blockquote class="quote"><p>Mỗi tấm gương bình dị là một bông hoa đẹp.</p></blockquote>')
    _result, _meta, body = import_page(html, registries, ".html")
    assert "> Mỗi tấm gương bình dị là một bông hoa đẹp." in body


# -- a byline that is also a place's name (byline.py) ---------------------------------------------

@pytest.mark.parametrize("byline, author", [
    ("Tác giả: Thanh Bình - Trung tâm VH-TT-TT huyện", "Thanh Bình"),  # huyện Thanh Bình, Đồng Tháp
    ("Tác giả: Thanh Bình", "Thanh Bình"),
    ("Bài, ảnh: HỒNG LĨNH", "Hồng Lĩnh"),  # thị xã Hồng Lĩnh, Hà Tĩnh
    ("Tin, ảnh: Quang Bình", "Quang Bình"),  # huyện Quang Bình, Hà Giang
    ("Ngọc Hiển - Đài Truyền thanh huyện", "Ngọc Hiển"),  # huyện Ngọc Hiển, Cà Mau
])
def test_a_signed_byline_is_a_person_though_a_district_has_that_name(byline, author, registries):
    text = "\n".join(["Đức Trọng sơ kết 3 năm thực hiện Kết luận 01-KL/TW", "Cập nhật lúc 08:30 ngày 12/3/2024",
                      "Ngày 11/3, Ban Thường vụ Huyện ủy Đức Trọng tổ chức hội nghị sơ kết 3 năm thực hiện "
                      "Kết luận 01-KL/TW của Bộ Chính trị.",
                      "Qua 3 năm, toàn huyện có 126 tập thể, 215 cá nhân được biểu dương, khen thưởng.", byline])
    result, meta, body = import_page(text, registries)
    assert meta["author"] == author
    assert byline not in body and meta["province"] == ["Lâm Đồng"]


@pytest.mark.parametrize("line", ["Thanh Bình", "Hồng Lĩnh - Hà Tĩnh"])
def test_a_place_alone_after_the_text_is_still_no_author(line, registries):
    text = "\n".join(["Đức Trọng sơ kết 3 năm thực hiện Kết luận 01-KL/TW", "Cập nhật lúc 08:30 ngày 12/3/2024",
                      "Ngày 11/3, Ban Thường vụ Huyện ủy Đức Trọng tổ chức hội nghị sơ kết 3 năm thực hiện "
                      "Kết luận 01-KL/TW của Bộ Chính trị.",
                      "Qua 3 năm, toàn huyện có 126 tập thể, 215 cá nhân được biểu dương, khen thưởng.", line])
    _result, meta, _body = import_page(text, registries)
    assert "author" not in meta


# -- a lead printed in bold at the head of the first paragraph (htmlsource.py, extract.py) ---------

def portal(first: str) -> str:
    return ("<html><head><meta charset='utf-8'><title>Lâm Đồng (mới) đẩy mạnh học tập và làm theo Bác</title></head>"
            "<body><div class='news'><h2>Lâm Đồng (mới) đẩy mạnh học tập và làm theo Bác</h2>"
            "<div class='date'>Ngày đăng: 20/08/2025</div><div class='content'>" + first +
            "<p>Mỗi cán bộ, đảng viên đăng ký ít nhất một nội dung làm theo Bác.</p></div></div></body></html>")


LEAD = ("Ngày 19/8, Ban Thường vụ Tỉnh ủy Lâm Đồng ban hành kế hoạch thực hiện Chỉ thị 05-CT/TW trong Đảng bộ tỉnh "
        "sau khi hợp nhất ba tỉnh Lâm Đồng, Đắk Nông và Bình Thuận.")
REST = "Kế hoạch xác định năm 2025 là năm đầu tiên thống nhất chuyên đề học tập."


@pytest.mark.parametrize("first", [
    f"<p><b>{LEAD}</b> {REST}</p>",
    f"<p><strong>{LEAD[:10]}</strong> <strong>{LEAD[11:]}</strong>{REST}</p>",  # two runs, no space after
    f"<p><strong><em>{LEAD}</em></strong> {REST}</p>",
])
def test_a_bold_lead_inside_the_first_paragraph_is_the_summary_and_the_rest_opens_the_body(first, registries):
    _result, meta, body = import_page(portal(first), registries, ".html")
    assert meta["summary"] == LEAD
    assert body.lstrip("\n").startswith(REST) or body.lstrip("\n").startswith(f"*{REST}")
    assert LEAD[:60] not in body


@pytest.mark.parametrize("first", [
    f"<p>{LEAD} {REST}</p>",  # nothing in bold
    f"<p><b>{LEAD} {REST}</b></p>",  # all of it in bold
    f"<p>{LEAD} <b>{REST}</b></p>",  # bold further on
    f"<p><b>Lâm Đồng</b> - {LEAD} {REST}</p>",  # a bold place stamp, no sentence
])
def test_a_lead_without_a_bold_opening_sentence_stays_whole(first, registries):
    _result, meta, _body = import_page(portal(first), registries, ".html")
    assert meta["summary"].endswith(REST)


# -- a part of a series, pagination, a print view's address (series.py, tail.py) ------------------

SERIES = ["Bài 2: Những người giữ lửa ở vùng cao Hà Giang", "09/04/2024 07:05",
          "Ở những bản làng xa xôi của Hà Giang, có những đảng viên lặng lẽ giữ lửa cho phong trào học tập và làm "
          "theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
          "Bài 1: Khi Chỉ thị 05 đi vào từng nếp nhà",
          "Bí thư chi bộ thôn Lũng Cú, ông Vàng Mí Súa, năm nay đã ngoài 60 tuổi nhưng vẫn đến từng nhà vận động.",
          "Bài 1 đã nêu cách làm của các chi bộ, bài này kể về những người bí thư chi bộ ở thôn bản.",
          "Những con người bình dị ấy đang góp phần làm nên diện mạo mới cho vùng cao nguyên đá."]


@pytest.mark.parametrize("after", [["Bài cuối: Lan tỏa những mô hình hay"], ["Bài 3 - Lan tỏa những mô hình hay"],
                                   ["Bài tiếp theo: Lan tỏa những mô hình hay", "Minh Tâm"]])
def test_the_other_parts_of_a_series_are_left_out_never_a_heading(after, registries):
    result, meta, body = import_page("\n".join(SERIES + after), registries)
    assert meta["title"] == SERIES[0]
    assert "Bài 1: Khi Chỉ thị 05" not in body and "Lan tỏa những mô hình hay" not in body
    assert "##" not in body
    assert "Bài 1 đã nêu cách làm của các chi bộ" in body  # a sentence naming a part stays
    assert body.rstrip().endswith("cho vùng cao nguyên đá.")
    assert left_out(result, "tên bài khác trong loạt bài") == ["Bài 1: Khi Chỉ thị 05 đi vào từng nếp nhà", after[0]]


def test_parts_of_an_article_that_is_no_part_of_a_series_stay_its_headings(registries):
    text = "\n".join(["Những người giữ lửa ở vùng cao Hà Giang"] + SERIES[1:3] +
                     ["Phần 1: Chi bộ thôn bản", SERIES[4], "Phần 2: Người bí thư", SERIES[6]])
    _result, _meta, body = import_page(text, registries)
    assert "Phần 1: Chi bộ thôn bản" in body and "Phần 2: Người bí thư" in body


@pytest.mark.parametrize("line", ["Trang 1 2 3", "Trang: 1 | 2 | 3 »", "1 2 3 4 Tiếp", "Trang 2/3"])
def test_page_numbers_after_the_text_are_pagination(line, registries):
    result, _meta, body = import_page("\n".join(SERIES[:3] + SERIES[4:5] + [SERIES[6], line, "Minh Tâm"]), registries)
    assert line not in body and left_out(result, "phân trang của trang web") == [line]


@pytest.mark.parametrize("line", ["Địa chỉ bài viết: https://baoquangngai.vn/chinh-tri/202404/quang-ngai-8a51c2d/",
                                  "URL: http://www.baoquangngai.vn/channel/2022/202404/quang-ngai-3173011/"])
def test_a_print_views_address_line_is_left_out(line, registries):
    text = "\n".join(["In bài viết", "Đóng cửa sổ", "Quảng Ngãi biểu dương 51 điển hình học tập và làm theo Bác",
                      "Thứ Năm, 18/04/2024, 16:40 [GMT+7]",
                      "(Baoquangngai.vn) - Chiều 18/4, Ban Thường vụ Tỉnh ủy Quảng Ngãi tổ chức hội nghị biểu dương "
                      "các điển hình tiên tiến trong học tập và làm theo Bác năm 2024.",
                      "Tại hội nghị, 51 tập thể, cá nhân được biểu dương là những điển hình tiêu biểu.",
                      "Tin, ảnh: THANH NHỊ", line, "Bản quyền © Báo Quảng Ngãi điện tử"])
    result, meta, body = import_page(text, registries)
    assert "http" not in body and meta["author"] == "Thanh Nhị"
    assert left_out(result, "địa chỉ của trang (bản in)") == [line]


# -- a time zone written with minutes (dates.py) --------------------------------------------------

@pytest.mark.parametrize("line, iso", [
    ("Thứ Ba, 12/3/2024 08:30 (GMT+07:00)", "2024-03-12T08:30:00+07:00"),
    ("12/03/2024 (UTC+07:00) 08:30", "2024-03-12T08:30:00+07:00"),
    ("12/03/2024 - 08:30 (GMT+0700)", "2024-03-12T08:30:00+07:00"),
    ("12/03/2024 01:30 (GMT+00:00)", "2024-03-12T08:30:00+07:00"),
    ("Thứ Ba, 12/3/2024 (GMT+07:00)", "2024-03-12T00:00:00+07:00"),
])
def test_a_zone_with_minutes_is_no_clock_time(line, iso, registries):
    text = "\n".join(["Bắc Giang: Gần 1.500 đảng viên trẻ đăng ký “Một việc làm theo Bác”", line,
                      "BBG - Gần 1.500 đảng viên trẻ ở Bắc Giang đã đăng ký “Một việc làm theo Bác” năm 2024.",
                      "Mỗi đảng viên đăng ký ít nhất một việc cụ thể, gắn với chức trách, nhiệm vụ được giao."])
    _result, meta, _body = import_page(text, registries)
    assert meta["date"].isoformat() == iso


# -- bylines with the writer's paper after a slash, a post after a comma, titles with a comma (byline.py)

@pytest.mark.parametrize("byline, author", [
    ("Minh Anh/VOV-Tây Bắc", "Minh Anh"),
    ("Hồng Nhung/Báo Hà Giang", "Hồng Nhung"),
    ("Thu Hằng / VOV.VN", "Thu Hằng"),
    ("Nguyễn Văn Anh, Phó Trưởng ban Tuyên giáo Huyện ủy", "Nguyễn Văn Anh"),
    ("TS. Nguyễn Thị Hoa, Học viện Chính trị khu vực I", "TS. Nguyễn Thị Hoa"),
    ("Thượng tá, ThS Nguyễn Văn Anh", "Thượng tá, ThS Nguyễn Văn Anh"),
    ("TS Nguyễn Thị Hoa", "TS Nguyễn Thị Hoa"),
    ("Lò Văn Pấng - Hà Giang", "Lò Văn Pấng"),
])
def test_a_byline_with_its_paper_post_or_place_gives_the_writer(byline, author, registries):
    text = "\n".join(["Hà Giang: Đảng viên trẻ đi đầu làm theo Bác", "12/03/2024 08:30",
                      "Ngày 11/3, Ban Thường vụ Tỉnh ủy Hà Giang tổ chức hội nghị sơ kết 3 năm thực hiện "
                      "Kết luận 01-KL/TW của Bộ Chính trị.",
                      "Qua 3 năm, toàn tỉnh có 126 tập thể, 215 cá nhân được biểu dương, khen thưởng.", byline])
    _result, meta, body = import_page(text, registries)
    assert meta["author"] == author and byline not in body


@pytest.mark.parametrize("line", ["TTXVN/Vietnam+", "Thanh Bình - Quảng Ninh",
                                  "Đồng chí Nguyễn Văn Anh, Bí thư Tỉnh ủy:"])
def test_an_agency_two_places_or_a_speaker_are_no_byline(line, registries):
    text = "\n".join(["Hà Giang: Đảng viên trẻ đi đầu làm theo Bác", "12/03/2024 08:30",
                      "Ngày 11/3, Ban Thường vụ Tỉnh ủy Hà Giang tổ chức hội nghị sơ kết 3 năm thực hiện "
                      "Kết luận 01-KL/TW của Bộ Chính trị.",
                      "Qua 3 năm, toàn tỉnh có 126 tập thể, 215 cá nhân được biểu dương, khen thưởng.", line])
    _result, meta, _body = import_page(text, registries)
    assert "author" not in meta


# -- a page Word saved as HTML: its bullets in the Symbol font (body.py) ---------------------------

def test_word_bullets_of_a_page_word_saved_are_a_markdown_list(registries):
    _result, meta, body = fixture("r5-word-export.html", registries)
    assert meta["title"] == "Yên Thế: Đảng viên cao tuổi gương mẫu làm theo lời Bác"
    assert meta["author"] == "Nguyễn Thị Lan" and meta["province"] == ["Bắc Giang"]
    assert ("Các đảng viên cao tuổi đã tham gia:\n\n- Hòa giải 15 vụ mâu thuẫn trong cộng đồng;\n"
            "- Vận động hiến hơn 2.000 m² đất làm đường giao thông nông thôn;\n"
            "- Kèm cặp 12 thanh niên chậm tiến trở thành công dân tốt.\n") in body
    assert "·" not in body


@pytest.mark.parametrize("bullet", ["·", "●", "▪", "■", "➢", "❖"])
def test_a_pasted_list_with_any_common_bullet_is_a_markdown_list(bullet, registries):
    text = "\n".join(["Yên Thế: Đảng viên cao tuổi gương mẫu làm theo lời Bác", "12/03/2024 08:30",
                      "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị, Chi bộ thôn Đồng Tâm đã phát huy vai trò "
                      "của đảng viên cao tuổi.", "Các đảng viên cao tuổi đã tham gia:",
                      f"{bullet} Hòa giải 15 vụ mâu thuẫn trong cộng đồng;",
                      f"{bullet} Vận động hiến hơn 2.000 m² đất làm đường;",
                      "Năm 2023, Chi bộ thôn Đồng Tâm được Huyện ủy Yên Thế tặng giấy khen."])
    _result, _meta, body = import_page(text, registries)
    assert "- Hòa giải 15 vụ mâu thuẫn trong cộng đồng;\n- Vận động hiến hơn 2.000 m² đất làm đường;" in body


# -- invisible characters a saved page writes as references (htmlsource.py) -----------------------

def test_invisible_characters_written_as_references_are_taken_out_of_a_saved_page(registries):
    html = ("<html><head><meta charset='utf-8'><title>Trà Vinh: Đồng bào Khmer làm theo lời Bác</title>"
            "<meta property='og:title' content='Trà&#8203; Vinh: Đồng bào Khmer làm theo lời Bác'></head><body>"
            "<h1>Trà&#8203; Vinh: Đồng bào Khmer&#xFEFF; làm theo lời Bác</h1><p>15/04/2024 | 10:20</p>"
            "<p>&#65279;(TV) - Đồng bào Khmer tỉnh Trà Vinh tích cực học tập và làm theo Bác theo Chỉ thị "
            "05-CT/&shy;TW, góp phần xây dựng nông thôn mới.</p>"
            "<p>&#8203;Ông Thạch Sô Phol, người có uy tín ở ấp Ba So, huyện Cầu Kè, đã vận động bà con hiến đất.</p>"
            "<figure><img src='/a/thach-so-phol.jpg' alt='Ông Thạch&#8203; Sô Phol'><figcaption>Ông Thạch Sô Phol&shy; "
            "(bìa phải) trò chuyện với cán bộ ấp.</figcaption></figure>"
            "<p>Hữu&#8288; Trí</p></body></html>")
    result, meta, body = import_page(html, registries, ".html")
    assert meta["title"] == "Trà Vinh: Đồng bào Khmer làm theo lời Bác"
    assert meta["province"] == ["Trà Vinh"] and meta["directives"] == ["05-CT/TW"]
    assert meta["summary"].startswith("(TV) - Đồng bào Khmer") and meta["author"] == "Hữu Trí"
    assert meta["image"]["alt"] == "Ông Thạch Sô Phol"
    assert body.lstrip().startswith("Ông Thạch Sô Phol, người có uy tín")
    assert not any(ch in result.text for ch in "\u200b\u200c\u200d\u2060\ufeff\u00ad")


@pytest.mark.parametrize("kind", [".html", ".txt"])
def test_bidi_controls_are_taken_out_of_every_text_the_importer_takes(kind, registries):
    # Was: a title with U+202E (raw or &#x202E;) written into the article ("đã ghi"), which the build then
    # refused; an alt text or a meta summary kept it too.
    if kind == ".html":
        page = ("<html><head><meta charset='utf-8'><title>Trà Vinh: Đồng bào&#x202E; Khmer làm theo lời Bác</title>"
                "<meta name='description' content='Đồng bào Khmer&#x2066; tỉnh Trà Vinh'></head><body>"
                "<h1>Trà Vinh: Đồng bào&#x202E; Khmer làm theo lời Bác</h1><p>15/04/2024 | 10:20</p>"
                "<p>(TV) - Đồng bào Khmer tỉnh Trà Vinh tích cực học tập và làm theo Bác theo Chỉ thị ‭"
                "05-CT/TW, góp phần xây dựng nông thôn mới.</p>"
                "<p>Ông Thạch Sô Phol, người có uy tín ở ấp Ba So, huyện Cầu Kè, đã vận động bà con hiến đất.</p>"
                "<figure><img src='/a/thach-so-phol.jpg' alt='Ông Thạch&#x2067; Sô Phol'><figcaption>Ông Thạch Sô "
                "Phol (bìa phải) trò chuyện với cán bộ ấp.</figcaption></figure><p>Hữu Trí</p></body></html>")
    else:
        page = ("Trà Vinh: Đồng bào‮ Khmer làm theo lời Bác\n15/04/2024 | 10:20\n\n(TV) - Đồng bào Khmer tỉnh "
                "Trà Vinh tích cực học tập và làm theo Bác theo Chỉ thị ‭05-CT/TW, góp phần xây dựng nông thôn "
                "mới.\n\nÔng Thạch Sô Phol, người có uy tín ở ấp Ba So, huyện Cầu Kè, đã vận động bà con hiến đất."
                "\n\nHữu⁩ Trí\n")
    result, meta, body = import_page(page, registries, kind)
    assert meta["title"] == "Trà Vinh: Đồng bào Khmer làm theo lời Bác"
    assert meta["directives"] == ["05-CT/TW"]
    assert not any(ch in result.text for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    if kind == ".html":
        assert meta["image"]["alt"] == "Ông Thạch Sô Phol"


# -- a text-to-speech player (boilerplate.csv) -----------------------------------------------------

@pytest.mark.parametrize("player", [["Nghe bài viết", "0:00 / 4:12", "Giọng nữ miền Bắc", "Tốc độ 1x"],
                                    ["Đọc bài", "Dừng đọc", "Giọng đọc: Nữ miền Nam"],
                                    ["Nghe đọc bài", "Giọng nam", "1x"],
                                    ["Nghe tin", "Giọng Nữ miền Trung", "Tốc độ đọc: 1.25x"],
                                    ["Audio", "▶ 0:00", "Powered by FPT.AI"]])
def test_a_text_to_speech_player_under_the_headline_is_furniture(player, registries):
    text = "\n".join(["Thanh Hóa: Người gieo chữ làm theo lời Bác ở bản vùng cao", "Thứ Năm, 23/05/2024 - 06:15"]
                     + player + ["(Baothanhhoa.vn) - Gần 15 năm bám bản Pù Nhi, huyện Mường Lát, cô giáo Lương Thị "
                                 "Hoa đã vận động hơn 200 học sinh bỏ học trở lại lớp.",
                                 "Mỗi sáng, cô Hoa lội suối đến từng nhà để đón học sinh.", "Lê Hợi"])
    result, meta, body = import_page(text, registries)
    assert meta["summary"].startswith("(Baothanhhoa.vn) - Gần 15 năm")
    assert body.strip() == "Mỗi sáng, cô Hoa lội suối đến từng nhà để đón học sinh."
    assert set(left_out(result, "khuôn trang (audio)")) | set(left_out(result, "khuôn trang (share)")) >= set(player)


# -- a quick-read box over the lead (clean.py, boilerplate.csv) ------------------------------------

QUICK = ["Thanh Hóa: Người gieo chữ làm theo lời Bác ở bản vùng cao", "Thứ Năm, 23/05/2024 - 06:15"]
LEAD5 = ("Gần 15 năm bám bản Pù Nhi, huyện Mường Lát, cô giáo Lương Thị Hoa đã vận động hơn 200 học sinh bỏ "
         "học trở lại lớp, trở thành tấm gương tiêu biểu trong học tập và làm theo lời Bác.")
REST5 = ["Mỗi sáng, cô Hoa lội suối đến từng nhà để đón học sinh. Những ngày mưa lũ, cô ở lại bản cùng các em.",
         "Lê Hợi"]


@pytest.mark.parametrize("box", [["Đọc nhanh", "Cô giáo Lương Thị Hoa 15 năm bám bản Pù Nhi.",
                                  "Hơn 200 học sinh được cô vận động trở lại lớp."],
                                 ["Những điểm chính:", "- Cô giáo 15 năm bám bản.", "- Hơn 200 học sinh trở lại lớp."]])
@pytest.mark.parametrize("lead", [f"(Baothanhhoa.vn) - {LEAD5}", LEAD5])
def test_a_quick_read_box_is_left_out_and_the_lead_is_the_summary(box, lead, registries):
    result, meta, body = import_page("\n".join(QUICK + box + [lead] + REST5), registries)
    assert meta["summary"] == lead
    assert body.strip() == REST5[0]
    assert left_out(result, "khuôn trang (summary-box)") == box


def test_a_box_label_over_a_headline_or_in_the_text_takes_nothing(registries):
    text = "\n".join(["Đọc nhanh"] + QUICK + [LEAD5, "Nội dung chính", "Cô giáo dạy chữ.", "Cô giáo dạy nghề.",
                                              LEAD5.replace("Gần 15 năm", "Hơn 10 năm"), "Lê Hợi"])
    _result, meta, body = import_page(text, registries)
    assert meta["title"] == QUICK[0] and meta["summary"] == LEAD5
    assert "Nội dung chính" in body and "Cô giáo dạy chữ." in body and "Cô giáo dạy nghề." in body


# -- a bare "Từ khóa" label over its words, one a line (boilerplate.csv, clean.py) ------------------

def test_the_page_tags_under_a_bare_label_one_a_line_are_read_and_left_out(registries):
    text = "\n".join(QUICK + [LEAD5] + REST5 + ["Từ khóa", "nêu gương", "Mường Lát", "giảm nghèo",
                                               "Ý kiến bạn đọc (0)"])
    result, meta, body = import_page(text, registries)
    assert "nêu gương" in meta["tags"] and "giảm nghèo" in meta["tags"]
    assert left_out(result, "khuôn trang (tags)") == ["Từ khóa", "nêu gương", "Mường Lát", "giảm nghèo"]
    assert body.strip() == REST5[0]


def test_a_tags_label_above_the_headline_takes_no_line(registries):
    text = "\n".join(["Tags"] + ["Sơn La làm theo Bác", "Thứ Năm, 23/05/2024 - 06:15", LEAD5] + REST5)
    _result, meta, _body = import_page(text, registries)
    assert meta["title"] == "Sơn La làm theo Bác"


# -- the post's own <header> outside <article> (htmlsource.py) -------------------------------------

@pytest.mark.parametrize("header", ['<header class="entry-header">', '<header class="post-header clearfix">',
                                    '<header id="article-header">', '<header class="td-post-header">'])
def test_a_post_header_outside_article_keeps_the_headline_and_date(header, registries):
    html = ("<html><head><meta charset='utf-8'><title>Hội Nông dân Hà Tĩnh làm theo Bác – Hội Nông dân tỉnh</title>"
            "</head><body><header id='masthead' class='site-header'><div>Hội Nông dân tỉnh Hà Tĩnh</div>"
            "<nav><a>Trang chủ</a> <a>Tin tức</a></nav></header><div id='content'><div class='post-4512 post'>"
            f"{header}<h1>Hội Nông dân Hà Tĩnh làm theo Bác</h1><div class='entry-meta'>12/03/2024 08:30</div>"
            "</header><div class='entry-content'><p>Sáng 12/3, Hội Nông dân tỉnh Hà Tĩnh tổ chức hội nghị biểu "
            "dương 100 nông dân sản xuất, kinh doanh giỏi tiêu biểu trong học tập và làm theo Bác.</p>"
            "<p>Các điển hình đã giúp đỡ hơn 2.000 hộ nông dân thoát nghèo.</p><p>Văn Dũng</p></div></div></div>"
            "<footer class='site-footer'>Hội Nông dân tỉnh Hà Tĩnh</footer></body></html>")
    result, meta, body = import_page(html, registries, ".html")
    assert meta["title"] == "Hội Nông dân Hà Tĩnh làm theo Bác"
    assert meta["date"].isoformat() == "2024-03-12T08:30:00+07:00" and "draft" not in meta
    assert meta["summary"].startswith("Sáng 12/3, Hội Nông dân") and meta["author"] == "Văn Dũng"
    assert body.strip() == "Các điển hình đã giúp đỡ hơn 2.000 hộ nông dân thoát nghèo."
    assert "Hội Nông dân tỉnh Hà Tĩnh" in left_out(result, "khuôn trang (header)")


# -- other articles' teasers in further <article> elements (teasers.py) ----------------------------

def story(related: str, before: str = "") -> str:
    return ("<html><head><meta charset='utf-8'><title>Bình Dương: Công nhân làm theo Bác</title></head><body><main>"
            + before + "<article class='fck_detail'><h1>Bình Dương: Công nhân làm theo Bác</h1>"
            "<p class='date'>Thứ Ba, 12/3/2024, 08:30 (GMT+7)</p><p class='description'>Hơn 3.000 sáng kiến của "
            "công nhân các khu công nghiệp Bình Dương được công nhận sau 8 năm thực hiện Chỉ thị 05-CT/TW.</p>"
            "<p>Chị Lê Thị Hạnh, công nhân Công ty TNHH Việt Thắng, đề xuất cải tiến dây chuyền giúp tiết kiệm 500 "
            "triệu đồng mỗi năm.</p><p>Liên đoàn Lao động tỉnh cho biết sẽ tiếp tục phát động phong trào thi đua.</p>"
            "<p class='author'><strong>Phước Tuấn</strong></p></article>" + related + "</main></body></html>")


TEASER = ("<article class='item-news'><h3><a href='/a'>Đồng Nai: Nữ công nhân gương mẫu làm theo Bác</a></h3>"
          "<a href='/a'><img src='/thumb/dong-nai.jpg'></a><p class='description'><a href='/a'>Chị Nguyễn Thị Thu, "
          "công nhân Công ty Pouchen, 10 năm liền đạt danh hiệu lao động giỏi, được tuyên dương năm 2024.</a></p>"
          "</article>")


@pytest.mark.parametrize("related, before, reason", [
    ("<section class='box-related'><h3>Tin liên quan</h3>" + TEASER + TEASER.replace("Đồng Nai", "Bình Phước")
     + "</section>", "", "khuôn trang (tin liên quan)"),  # a box of related articles by its class (round 10)
    ("", "<div class='latest'>" + TEASER + "</div>", "bài khác trên trang (thẻ <article> khác)"),  # a teaser above
])
def test_other_articles_teasers_are_left_out_and_the_byline_stays_the_author(related, before, reason, registries):
    result, meta, body = import_page(story(related, before), registries, ".html")
    assert meta["title"] == "Bình Dương: Công nhân làm theo Bác" and meta["author"] == "Phước Tuấn"
    assert "Pouchen" not in body and "Nữ công nhân" not in body and "dong-nai.jpg" not in body
    assert body.strip().endswith("sẽ tiếp tục phát động phong trào thi đua.")
    assert any("Pouchen" in text for text in left_out(result, reason))


def test_an_article_a_page_splits_over_two_article_elements_keeps_its_text(registries):
    more = "".join(f"<p>Đoạn {n}: công nhân tiếp tục đề xuất những sáng kiến mới trong sản xuất, kinh doanh.</p>"
                   for n in range(1, 7))
    _result, _meta, body = import_page(story("<article class='body-more'>" + more + "</article>"), registries,
                                       ".html")
    assert all(f"Đoạn {n}:" in body for n in range(1, 7))


# -- a saved page keeps its pictures: a scene sentence away from any is text (body.py) --------------

def test_a_scene_sentence_of_a_saved_page_away_from_pictures_is_text_not_a_caption(registries):
    _result, _meta, body = import_page(story(""), registries, ".html")
    assert ("\nChị Lê Thị Hạnh, công nhân Công ty TNHH Việt Thắng, đề xuất cải tiến dây chuyền giúp tiết kiệm 500 "
            "triệu đồng mỗi năm.\n") in body


@pytest.mark.parametrize("line, written", [
    ("<p><img src='/a/hoi-nghi.jpg'></p><p>Đại tá Nguyễn Văn Hiếu trao giấy khen cho các tập thể.</p>",
     '](/images/hoi-nghi.jpg "Đại tá Nguyễn Văn Hiếu trao giấy khen cho các tập thể.")'),
    ("<p><em>Đại tá Nguyễn Văn Hiếu trao giấy khen cho các tập thể.</em></p>",
     "\n*Đại tá Nguyễn Văn Hiếu trao giấy khen cho các tập thể.*\n")])
def test_a_scene_beside_a_picture_or_in_italics_is_still_a_caption(line, written, registries):
    html = story("").replace("<p>Liên đoàn Lao động", line + "<p>Liên đoàn Lao động")
    result, _meta, body = import_page(html, registries, ".html")
    assert written in body


# -- months in words, phones' short months, "chiều"/"tối" after the clock (dates.py) ---------------

@pytest.mark.parametrize("line, iso", [
    ("12 thg 3, 2024", "2024-03-12T00:00:00+07:00"),  # a phone's or a browser's medium date
    ("12 thg 3 2024 08:30", "2024-03-12T08:30:00+07:00"),
    ("Tháng Ba 12, 2024", "2024-03-12T00:00:00+07:00"),  # WordPress in Vietnamese, "F j, Y"
    ("Tháng Mười Hai 5, 2024", "2024-12-05T00:00:00+07:00"),
    ("12 Tháng Ba, 2024", "2024-03-12T00:00:00+07:00"),
    ("Thứ Ba, 12 Tháng 3 2024", "2024-03-12T00:00:00+07:00"),
    ("12/3/2024 lúc 2:30 chiều", "2024-03-12T14:30:00+07:00"),
    ("12/3/2024 - 8:30 tối", "2024-03-12T20:30:00+07:00"),
    ("12/3/2024 1:15 trưa", "2024-03-12T13:15:00+07:00"),
    ("12/03/24 08:30", "2024-03-12T08:30:00+07:00"),  # a year in two digits
    ("Thứ Ba, 12-03-24 | 08:30", "2024-03-12T08:30:00+07:00"),
])
def test_vietnamese_month_words_and_times_of_day_make_a_date_line(line, iso, registries):
    text = "\n".join(["Bắc Giang: Gần 1.500 đảng viên trẻ đăng ký “Một việc làm theo Bác”", line,
                      "BBG - Gần 1.500 đảng viên trẻ ở Bắc Giang đã đăng ký “Một việc làm theo Bác” năm 2024.",
                      "Mỗi đảng viên đăng ký ít nhất một việc cụ thể, gắn với chức trách, nhiệm vụ được giao."])
    _result, meta, body = import_page(text, registries)
    assert meta["date"].isoformat() == iso and "draft" not in meta and line not in body


# -- a machine-readable date a CMS wrote in no ISO form (dates.py, htmlsource.py) ------------------

@pytest.mark.parametrize("head", [
    "<meta itemprop='datePublished' content='12/03/2024 08:30'>",
    "<meta property='article:published_time' content='2024/03/12 08:30:00'>",
    "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"datePublished\": "
    "\"Tue, 12 Mar 2024 08:30:00 +0700\"}</script>",
])
def test_a_machine_date_in_a_cms_own_form_dates_a_page_that_prints_none(head, registries):
    html = ("<html><head><meta charset='utf-8'><title>Bắc Giang: Đảng viên trẻ làm theo Bác</title>" + head +
            "</head><body><h1>Bắc Giang: Đảng viên trẻ làm theo Bác</h1><p>Gần 1.500 đảng viên trẻ ở Bắc Giang đã "
            "đăng ký “Một việc làm theo Bác” năm 2024, thực hiện Chỉ thị 05-CT/TW.</p><p>Mỗi đảng viên đăng ký ít "
            "nhất một việc cụ thể.</p></body></html>")
    _result, meta, _body = import_page(html, registries, ".html")
    assert meta["date"].isoformat() == "2024-03-12T08:30:00+07:00" and "draft" not in meta


# -- a photo served through a script, a photo without a file name (media.py) ------------------------

def figure_page(img: str) -> str:
    return ("<html><head><meta charset='utf-8'><title>Bắc Giang: Đảng viên trẻ làm theo Bác</title></head><body>"
            "<h1>Bắc Giang: Đảng viên trẻ làm theo Bác</h1><p>12/03/2024 08:30</p><p>Gần 1.500 đảng viên trẻ ở Bắc "
            "Giang đã đăng ký “Một việc làm theo Bác” năm 2024, thực hiện Chỉ thị 05-CT/TW.</p><figure>" + img +
            "<figcaption>Quang cảnh hội nghị.</figcaption></figure><p>Mỗi đảng viên đăng ký một việc cụ thể.</p>"
            "</body></html>")


@pytest.mark.parametrize("img", ["<img src='/_next/image?url=%2Fuploads%2F2024%2F03%2Fhoi-nghi.jpg&amp;w=1080&amp;q=75'>",
                                 "<img src='/thumb.php?src=/files/2024/hoi-nghi.jpg&amp;w=800'>"])
def test_a_photo_served_through_an_image_script_is_named_by_the_photo(img, registries):
    result, meta, _body = import_page(figure_page(img), registries, ".html")
    assert result.images == ["hoi-nghi.jpg"] and meta["image"]["caption"] == "Quang cảnh hội nghị."


@pytest.mark.parametrize("src", ["https://cdn.example.vn/media/8f3a9c21", "/image.ashx?id=123&w=800"])
def test_a_photo_without_a_file_name_is_reported_not_lost_silently(src, registries):
    result, _meta, body = import_page(figure_page(f"<img src='{src.replace('&', '&amp;')}'>"), registries, ".html")
    assert result.images == [] and "Quang cảnh hội nghị." in body
    assert [text for _l, why, text in result.dropped if why.startswith("ảnh không có tên tệp")] == [src]


# -- a headline over two lines of its element (htmlsource.py) ---------------------------------------

@pytest.mark.parametrize("heading, title", [
    ("<h1>Bài 2:<br>Những người giữ lửa ở vùng cao Hà Giang</h1>", "Bài 2: Những người giữ lửa ở vùng cao Hà Giang"),
    ("<h1>Những người giữ lửa<br> ở vùng cao Hà Giang</h1>", "Những người giữ lửa ở vùng cao Hà Giang"),
    ("<h1><span class='kicker'>Kỳ 2</span><span>Những người giữ lửa ở vùng cao Hà Giang</span></h1>",
     "Kỳ 2: Những người giữ lửa ở vùng cao Hà Giang"),
    ("<h1>Những người giữ lửa ở vùng cao Hà Giang<br><small>12/03/2024 08:30</small></h1>",
     "Những người giữ lửa ở vùng cao Hà Giang"),
])
def test_a_headline_broken_over_two_lines_is_one_title(heading, title, registries):
    date = "" if "<small>" in heading else "<p>12/03/2024 08:30</p>"
    html = ("<html><head><meta charset='utf-8'><title>Trang tin</title></head><body><article>" + heading + date +
            "<p>Ở những bản làng xa xôi của Hà Giang, có những đảng viên lặng lẽ giữ lửa cho phong trào học tập và "
            "làm theo Bác.</p><p>Bí thư chi bộ thôn Lũng Cú năm nay đã ngoài 60 tuổi.</p></article></body></html>")
    result, meta, _body = import_page(html, registries, ".html")
    assert meta["title"] == title and meta["date"].isoformat() == "2024-03-12T08:30:00+07:00"
    assert not [text for _l, why, text in result.dropped if why == "trên tiêu đề"]


# -- a journal's byline with the writer's post under it; notes under a rule (lines.py, headline.py) --

JOURNAL = ["Trang chủ / Nghiên cứu / Xây dựng Đảng", "Học tập và làm theo Bác trong giai đoạn cách mạng mới",
           "PGS, TS NGUYỄN VĂN ANH", "Giám đốc Học viện Chính trị khu vực I", "Ngày xuất bản: 12/03/2024",
           "TCCS - Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh là nhiệm vụ thường xuyên của mỗi "
           "cán bộ, đảng viên, nhất là trong bối cảnh mới hiện nay.",
           "Qua 8 năm thực hiện Chỉ thị 05-CT/TW, việc học tập và làm theo Bác đã trở thành nhu cầu tự giác.",
           "Thứ hai, phát huy vai trò nêu gương của người đứng đầu theo Quy định 08-QĐi/TW."]


@pytest.mark.parametrize("post", ["Giám đốc Học viện Chính trị khu vực I", "Phó Trưởng ban Tuyên giáo Tỉnh ủy Hà Giang",
                                  "Nguyên Bí thư Tỉnh ủy Hà Giang"])
def test_the_writers_post_under_a_byline_is_no_headline(post, registries):
    result, meta, body = import_page("\n".join(JOURNAL[:3] + [post] + JOURNAL[4:]), registries)
    assert meta["title"] == JOURNAL[1] and meta["author"] == "PGS, TS Nguyễn Văn Anh"
    assert left_out(result, "đơn vị của tác giả") == [post] and post not in body


@pytest.mark.parametrize("rule", ["____________________", "-----", "Chú thích:"])
def test_footnotes_under_a_rule_at_the_end_are_notes_and_name_no_province(rule, registries):
    notes = ["(1) Hồ Chí Minh: Toàn tập, Nxb Chính trị quốc gia, Hà Nội, 2011, t.5, tr.292.",
             "(2) Văn kiện Đảng toàn tập, Nxb Chính trị quốc gia, Hà Nội, 2018, t.64, tr.105."]
    result, meta, body = import_page("\n".join(JOURNAL + [rule] + notes), registries)
    assert meta["province"] == []
    assert notes[0] in body and notes[1] in body and "\\_" not in body


# -- a block of thousands of inline elements (htmlsource.py) ----------------------------------------

def test_a_block_of_thousands_of_inline_elements_imports_in_linear_time(registries):
    import time
    spans = "".join(f"<span>Từ{i} </span>" for i in range(10_000))  # 3,000 took 20 s, 20,000 never ended
    html = ("<html><head><meta charset='utf-8'><title>Bắc Giang làm theo Bác</title></head><body>"
            "<h1>Bắc Giang làm theo Bác</h1><p>12/03/2024 08:30</p><p>Gần 1.500 đảng viên trẻ ở Bắc Giang đã đăng "
            "ký một việc làm theo Bác năm 2024, thực hiện Chỉ thị 05-CT/TW.</p><div>" + spans + ".</div></body></html>")
    start = time.monotonic()
    _result, _meta, body = import_page(html, registries, ".html")
    assert time.monotonic() - start < 20
    assert "Từ0 Từ1 Từ2" in body and "Từ9998 Từ9999" in body


# -- an app's and a phone page's own lines (boilerplate.csv) ---------------------------------------

@pytest.mark.parametrize("top, end", [("Tải ứng dụng Báo Nhân Dân", "Lượt thích: 12"),
                                      ("Xem phiên bản máy tính", "Lượt chia sẻ: 3")])
def test_an_apps_invitation_and_a_like_counter_are_furniture(top, end, registries):
    text = "\n".join(["Bắc Giang làm theo Bác", "12/03/2024 08:30", top,
                      "Gần 1.500 đảng viên trẻ ở Bắc Giang đã đăng ký một việc làm theo Bác năm 2024, thực hiện "
                      "Chỉ thị 05-CT/TW của Bộ Chính trị.", "Mỗi đảng viên đăng ký ít nhất một việc cụ thể.",
                      "Thu Hương", end])
    _result, meta, body = import_page(text, registries)
    assert meta["summary"].startswith("Gần 1.500") and body.strip() == "Mỗi đảng viên đăng ký ít nhất một việc cụ thể."


# -- an advertisement's box inside the article (htmlsource.py, boilerplate.csv) ---------------------

@pytest.mark.parametrize("box", [
    "<div class='ads'><span>Quảng cáo</span><p>Mua bảo hiểm ngay hôm nay với ưu đãi lên đến 50% cho khách hàng.</p></div>",
    "<div id='box-quangcao-giua-bai'><p>Căn hộ cao cấp view sông Hàn, thanh toán chỉ 30% nhận nhà ngay.</p></div>",
    "<div class='content sponsored'><p>Tin tài trợ</p><p>Căn hộ cao cấp view sông Hàn, thanh toán chỉ 30%.</p></div>",
    "<ins class='adsbygoogle'>Quảng cáo Google</ins>",
])
def test_an_advertisements_box_in_the_article_is_left_out_and_reported(box, registries):
    html = ("<html><head><meta charset='utf-8'><title>Bắc Giang làm theo Bác</title></head><body><article>"
            "<h1>Bắc Giang làm theo Bác</h1><p>12/03/2024 08:30</p><p>Gần 1.500 đảng viên trẻ ở Bắc Giang đã đăng ký "
            "một việc làm theo Bác năm 2024, thực hiện Chỉ thị 05-CT/TW.</p>" + box +
            "<p>Mỗi đảng viên đăng ký ít nhất một việc cụ thể.</p><p>Thu Hương</p></article></body></html>")
    result, meta, body = import_page(html, registries, ".html")
    assert body.strip() == "Mỗi đảng viên đăng ký ít nhất một việc cụ thể." and meta["author"] == "Thu Hương"
    assert left_out(result, "khuôn trang (quảng cáo)")


@pytest.mark.parametrize("names", ["class='no-ads'", "class='content ads-free'", "class='heads'", "id='uploads'"])
def test_a_box_whose_name_only_looks_like_an_advertisement_keeps_its_text(names, registries):
    html = ("<html><head><meta charset='utf-8'><title>Bắc Giang làm theo Bác</title></head><body><article>"
            "<h1>Bắc Giang làm theo Bác</h1><p>12/03/2024 08:30</p><p>Gần 1.500 đảng viên trẻ ở Bắc Giang đã đăng ký "
            f"một việc làm theo Bác năm 2024, thực hiện Chỉ thị 05-CT/TW.</p><div {names}><p>Mỗi đảng viên đăng ký "
            "ít nhất một việc cụ thể.</p></div><p>Thu Hương</p></article></body></html>")
    _result, _meta, body = import_page(html, registries, ".html")
    assert "Mỗi đảng viên đăng ký ít nhất một việc cụ thể." in body


def test_an_advertisements_label_in_a_paste_is_furniture(registries):
    text = "\n".join(["Bắc Giang làm theo Bác", "12/03/2024 08:30",
                      "Gần 1.500 đảng viên trẻ ở Bắc Giang đã đăng ký một việc làm theo Bác năm 2024, thực hiện "
                      "Chỉ thị 05-CT/TW của Bộ Chính trị.", "Quảng cáo",
                      "Mỗi đảng viên đăng ký ít nhất một việc cụ thể, gắn với chức trách, nhiệm vụ.", "Thu Hương"])
    _result, _meta, body = import_page(text, registries)
    assert "Quảng cáo" not in body


# -- an interview's questions printed in bold (body.py, frontmatter.py) ----------------------------

def test_an_interviews_questions_in_bold_stay_bold(registries):
    html = ("<html><head><meta charset='utf-8'><title>Giám đốc Sở Y tế: Làm theo Bác từ những việc nhỏ</title></head>"
            "<body><article><h1>Giám đốc Sở Y tế: Làm theo Bác từ những việc nhỏ</h1><p>12/03/2024 08:30</p>"
            "<p>Ngành y tế tỉnh Điện Biên đã có nhiều cách làm hay trong học tập và làm theo Bác, phóng viên có cuộc "
            "trao đổi với ông Nguyễn Văn Tân.</p><p><strong>Thưa ông, ngành y tế đã làm gì để đưa Chỉ thị 05-CT/TW "
            "vào cuộc sống?</strong></p><p>Chúng tôi xác định mỗi cán bộ y tế phải là một tấm gương về y đức.</p>"
            "<p><b>Còn <em>những khó khăn</em> *lớn nhất*?</b></p><p>Khó khăn lớn nhất là thiếu bác sĩ ở tuyến xã.</p>"
            "<p>Thu Hằng (thực hiện)</p></article></body></html>")
    _result, meta, body = import_page(html, registries, ".html")
    assert "\n**Thưa ông, ngành y tế đã làm gì để đưa Chỉ thị 05-CT/TW vào cuộc sống?**\n" in body
    assert "\n**Còn *những khó khăn* \\*lớn nhất\\*?**\n" in body
    assert "\nChúng tôi xác định mỗi cán bộ y tế" in body and meta["author"] == "Thu Hằng"


# -- JSON-LD's author written as a plain name (htmlsource.py) --------------------------------------

@pytest.mark.parametrize("author, expected", [('"Minh Anh"', "Minh Anh"), ('["Minh Anh"]', "Minh Anh"),
                                              ('{"@type": ["Person"], "name": "Minh Anh"}', "Minh Anh"),
                                              ('"Báo Hà Giang"', None)])
def test_a_json_ld_author_written_as_a_name_is_the_author_when_the_page_prints_none(author, expected, registries):
    html = ("<html><head><meta charset='utf-8'><title>Hà Giang làm theo Bác</title><script type='application/ld+json'>"
            '{"@type": "NewsArticle", "author": ' + author + "}</script></head><body><h1>Hà Giang làm theo Bác</h1>"
            "<p>12/03/2024 08:30</p><p>Sáng 12/3, Tỉnh ủy Hà Giang tổ chức hội nghị biểu dương 100 điển hình tiên tiến "
            "trong học tập và làm theo Bác.</p><p>Các điển hình đến từ nhiều lĩnh vực.</p></body></html>")
    _result, meta, _body = import_page(html, registries, ".html")
    assert meta.get("author") == expected


# -- a headline printed with a full stop (headline.py) ---------------------------------------------

@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_a_headlines_final_full_stop_is_taken_off(suffix, registries):
    title = "Hà Giang biểu dương 100 điển hình làm theo Bác."
    lead = ("Sáng 12/3, Tỉnh ủy Hà Giang tổ chức hội nghị biểu dương 100 điển hình tiên tiến trong học tập và làm theo "
            "Bác năm 2024.")
    page = (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{title}</h1>"
            f"<p>12/03/2024 08:30</p><p>{lead}</p><p>Các điển hình đến từ nhiều lĩnh vực.</p></body></html>"
            if suffix == ".html" else "\n".join([title, "12/03/2024 08:30", lead, "Các điển hình đến từ nhiều lĩnh vực."]))
    result, meta, _body = import_page(page, registries, suffix)
    assert meta["title"] == title[:-1] and "đã bỏ dấu chấm cuối tiêu đề" in result.warnings


# -- "Theo <writer> (<paper>)" at the end (extract.py) ----------------------------------------------

@pytest.mark.parametrize("line, author, source", [
    ("Theo Minh Anh (Báo Hà Giang)", "Minh Anh", "Báo Hà Giang"),
    ("(Theo Minh Anh - Báo Hà Giang)", "Minh Anh", "Báo Hà Giang"),
    ("Nguồn: Hà Giang (TTXVN)", None, "Hà Giang (TTXVN)"),  # a place, not a writer
    ("Theo TTXVN", None, "TTXVN"),
])
def test_a_source_line_naming_the_writer_and_the_paper_gives_both(line, author, source, registries):
    text = "\n".join(["Hà Giang: Đảng viên trẻ đi đầu làm theo Bác", "12/03/2024 08:30",
                      "Ngày 11/3, Ban Thường vụ Tỉnh ủy Hà Giang tổ chức hội nghị sơ kết 3 năm thực hiện "
                      "Kết luận 01-KL/TW của Bộ Chính trị.",
                      "Qua 3 năm, toàn tỉnh có 126 tập thể, 215 cá nhân được biểu dương, khen thưởng.", line])
    _result, meta, _body = import_page(text, registries)
    assert meta.get("author") == author and meta["source"]["name"] == source
