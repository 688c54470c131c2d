"""Importer round 8: a video's credit naming a place, videos kept as links with their posters, inline
icons inside a paragraph, and the pages of round 8's corpus."""
from __future__ import annotations

import pytest

from importing import import_fixture as fixture
from importing import import_page, lines

HEADLINE = "Thanh niên Thủ đô tình nguyện vì cộng đồng"
LEAD = ("Hàng nghìn đoàn viên thanh niên ra quân chiến dịch tình nguyện hè, học tập và làm theo tấm gương "
        "đạo đức Hồ Chí Minh bằng những việc làm cụ thể.")
BODY = ("Chiến dịch năm nay tập trung vào các vùng ven, với học tập và làm theo Bác là chủ đề xuyên suốt "
        "của các hoạt động tình nguyện.")
CORPUS = "corpus/tuned/"


# --- a video's credit that names a place --------------------------------------------------------------

@pytest.mark.parametrize("credit", ["Video: Hà Nội/VOV", "Hà Nội/VOV", "Clip: Thanh Hóa", "Video: Quảng Ninh/VTV"])
def test_a_place_in_a_videos_credit_is_no_author(credit, registries):
    for page in (lines(HEADLINE, "15/07/2024 06:30", LEAD, BODY, credit),
                 lines(HEADLINE, "15/07/2024 06:30", credit, LEAD, BODY)):
        _result, meta, body = import_page(page, registries)
        assert meta.get("author") is None, credit


@pytest.mark.parametrize("credit, author", [("Video: Phạm Hà/VOV", "Phạm Hà"), ("Minh Anh/VOV", "Minh Anh"),
                                            ("Tác giả: Thanh Bình", "Thanh Bình")])
def test_a_person_in_a_credit_is_still_the_author(credit, author, registries):
    _result, meta, _body = import_page(lines(HEADLINE, "15/07/2024 06:30", LEAD, BODY, credit), registries)
    assert meta["author"] == author


# --- words on either side of an element: joined or apart as a browser shows them ----------------------

def _page(inner: str) -> str:
    return ("<html><head><meta charset='utf-8'></head><body><article><h1>" + HEADLINE + "</h1>"
            "<p>15/07/2024 06:30</p><p>" + LEAD + "</p><p>Buổi sinh hoạt về " + inner
            + " cùng nhau làm theo gương Bác.</p></article></body></html>")


@pytest.mark.parametrize("element", ["center", "summary", "legend", "search"])
def test_words_either_side_of_a_block_element_stay_apart(element, registries):
    inner = f"những việc làm cụ thể <{element}>của đoàn viên thanh niên</{element}>tại các khu dân cư"
    _result, _meta, body = import_page(_page(inner), registries, ".html")
    assert "niêntại" not in body and "tại các khu dân cư" in body


@pytest.mark.parametrize("inner, shown", [
    # two syllables side by side in inline elements: two words, a writer's slip (round 9; the screen shows "họctập")
    ("<span>học</span><span>tập</span>", "học tập"),
    ("<span>họ</span><span>c tập</span>", "học tập"),  # Word's spans cut a syllable
    ("<span>học</span> <span>tập</span>", "học tập"), ("<span>học</span>\n<span>tập</span>", "học tập"),
    ("<b>học</b><b> </b><b>tập</b>", "học tập"), ("<i>học</i><wbr><i>tập</i>", "học tập"),
])
def test_inline_elements_join_or_part_as_the_browser_shows_them(inner, shown, registries):
    _result, _meta, body = import_page(_page(inner), registries, ".html")
    assert f"về {shown} cùng" in body.replace("*", "")


# --- a picture drawn as a sign of the text (emoji, icon) ---------------------------------------------

@pytest.mark.parametrize("icon", [
    '<img draggable="false" role="img" class="emoji" alt="👉" src="https://s.w.org/images/core/emoji/15.0.3/svg/1f449.svg">',
    '<img class="wp-smiley" alt="✅" src="/wp-includes/images/smilies/check.png">',
    '<img src="https://static.xx.fbcdn.net/images/emoji.php/v9/t51/1/16/1f449.png" alt="👉" width="16" height="16">',
    '<img src="/Portals/0/arrow.gif" width="12" height="12">',
])
def test_an_icon_inside_a_line_neither_cuts_it_nor_becomes_the_photo(icon, registries):
    page = ("<html><head><meta charset='utf-8'></head><body><article><h1>" + HEADLINE + "</h1><p>15/07/2024 06:30</p>"
            f"<p>{LEAD}</p><p>{icon} Mỗi hộ gia đình đăng ký ít nhất một việc làm theo Bác;<br>"
            f"{icon} Giữ gìn đường phố xanh {icon} sạch {icon} đẹp.</p><p>{BODY}</p></article></body></html>")
    result, meta, body = import_page(page, registries, ".html")
    assert "image" not in meta and "![" not in body
    assert "Giữ gìn đường phố xanh" in body and "sạch" in body and "đẹp." in body
    line = next(p for p in body.split("\n\n") if "đường phố xanh" in p)
    assert "sạch" in line and "đẹp." in line  # one line, as on screen
    assert any(why.startswith("biểu tượng nhỏ") for _line, why, _text in result.dropped)


def test_a_small_thumbnail_linked_to_its_photo_is_still_a_photo(registries):
    page = ("<html><head><meta charset='utf-8'></head><body><article><h1>" + HEADLINE + "</h1><p>15/07/2024 06:30</p>"
            f"<p>{LEAD}</p><a href='/uploads/tinh-nguyen.jpg'><img src='/uploads/tinh-nguyen-30x30.jpg' width='30'"
            f" height='30'></a><p>{BODY}</p></article></body></html>")
    _result, meta, body = import_page(page, registries, ".html")
    assert "tinh-nguyen.jpg" in body


# --- videos: the poster and a link to the video are kept -----------------------------------------------

YT = "aBcD3fGh1jK"


def _video_page(player: str, after: str = BODY) -> str:
    return ("<html><head><meta charset='utf-8'><link rel='canonical' href='https://vov.vn/video/a-post1.vov'></head>"
            "<body><article><h1>" + HEADLINE + "</h1><p>15/07/2024 06:30</p><p>" + LEAD + "</p>"
            + player + (f"<p>{after}</p>" if after else "") + "</article></body></html>")


@pytest.mark.parametrize("after", [BODY, ""])
def test_a_video_gives_its_poster_as_photo_and_a_link_to_its_file(after, registries):
    player = ('<video controls poster="https://media.vov.vn/2024-07/tinh-nguyen.jpg" title="Ra quân tình nguyện hè">'
              '<source src="/video/2024/07/tinh-nguyen.mp4" type="video/mp4">Trình duyệt không hỗ trợ video.</video>')
    result, meta, body = import_page(_video_page(player, after), registries, ".html")
    assert meta["image"]["src"] == "/images/tinh-nguyen.jpg" and meta["summary"] == LEAD
    assert "Xem video: [Ra quân tình nguyện hè](https://vov.vn/video/2024/07/tinh-nguyen.mp4)" in body
    assert "Trình duyệt" not in body
    # kept, so named among the warnings, not among the lines left out (round 9)
    assert any(w.startswith("đã giữ 1 video") and "tinh-nguyen.mp4" in w for w in result.warnings)
    assert not any("video" in why for _line, why, _text in result.dropped)


@pytest.mark.parametrize("player", [
    f'<iframe width="560" height="315" src="https://www.youtube.com/embed/{YT}?rel=0" title="Ra quân tình nguyện hè"'
    ' allowfullscreen></iframe>',
    f'<iframe src="https://www.youtube-nocookie.com/embed/{YT}" title="Ra quân tình nguyện hè"></iframe>',
    f'<amp-youtube data-videoid="{YT}" layout="responsive" width="480" height="270"></amp-youtube>',
    f'<lite-youtube videoid="{YT}" title="Ra quân tình nguyện hè"></lite-youtube>',
    f'<div class="youtube-player" data-id="{YT}"><img src="https://i.ytimg.com/vi/{YT}/hqdefault.jpg"'
    ' alt="Ra quân tình nguyện hè"></div>',
])
def test_a_youtube_player_gives_a_link_to_the_video(player, registries):
    result, _meta, body = import_page(_video_page(player), registries, ".html")
    assert body.count(f"(https://www.youtube.com/watch?v={YT})") == 1
    assert not any(why.startswith("khung nhúng (") for _line, why, _text in result.dropped)


def test_a_youtube_thumbnail_alone_is_the_photo_and_the_link(registries):
    player = f'<a class="play"><img src="https://i.ytimg.com/vi/{YT}/maxresdefault.jpg" alt="Ra quân tình nguyện hè"></a>'
    _result, _meta, body = import_page(_video_page(player), registries, ".html")
    assert "/images/maxresdefault.jpg" in body and f"(https://www.youtube.com/watch?v={YT})" in body


def test_a_link_to_a_video_in_the_text_stays_a_link(registries):
    text = f'Mời bạn đọc <a href="https://youtu.be/{YT}">xem lại toàn bộ buổi lễ</a> trên kênh của Đài.'
    _result, _meta, body = import_page(_video_page("", text), registries, ".html")
    assert f"[xem lại toàn bộ buổi lễ](https://youtu.be/{YT})" in body


def test_a_map_is_still_reported_as_not_imported(registries):
    player = '<iframe src="https://www.google.com/maps/embed?pb=!1m18" title="Bản đồ"></iframe>'
    result, _meta, body = import_page(_video_page(player), registries, ".html")
    assert "google.com" not in body
    assert any(why.startswith("khung nhúng (") for _line, why, _text in result.dropped)


def test_a_video_page_with_a_place_credit_keeps_the_video_and_names_no_author(registries):
    result, meta, body = fixture(CORPUS + "t54-vov-video-only.html", registries)
    assert meta.get("author") is None and "Video: Hà Nội/VOV" not in body
    assert meta["image"]["src"] == "/images/ra-quan-tinh-nguyen-he.jpg"
    assert "(https://media.vov.vn/video/2024/06/16/ra-quan-tinh-nguyen-he.mp4)" in body


# --- two writers on the date line ----------------------------------------------------------------------

@pytest.mark.parametrize("date_line", ["Thu Phương - Phan Trâm • 08:00, 19/05/2024",
                                       "Thứ Hai, 19/05/2024 - 08:00 | Thu Phương - Phan Trâm",
                                       "19/05/2024 08:00 - Thu Phương - Phan Trâm"])
def test_two_writers_on_the_date_line_keep_their_dash(date_line, registries):
    _result, meta, _body = import_page(lines(HEADLINE, date_line, LEAD, BODY), registries)
    assert meta["author"] == "Thu Phương - Phan Trâm"
    assert meta["date"].isoformat() == "2024-05-19T08:00:00+07:00"


# --- "thành phố X": a city, not a street ("phố X") ---------------------------------------------------------

@pytest.mark.parametrize("place, province", [("thành phố Huế", "Thừa Thiên Huế"), ("thành phố Vinh", "Nghệ An"),
                                             ("Thành phố Hà Nội", "Hà Nội"), ("thành phố Hải Phòng", "Hải Phòng")])
def test_a_city_after_thanh_pho_counts_for_its_province(place, province, registries):
    lead = f"Sáng 5/9, Đảng ủy phường Phú Hội, {place} tổ chức ra mắt mô hình “Tổ dân phố làm theo Bác” ở khu dân cư."
    _result, meta, _body = import_page(lines(HEADLINE, "05/09/2024 08:00", lead, BODY), registries)
    assert meta["province"] == [province]


def test_a_street_named_for_a_city_still_does_not_count(registries):
    lead = "Sáng 5/9, cửa hàng sách trên phố Huế khai trương góc sách “Học tập và làm theo Bác” cho bạn đọc nhỏ tuổi."
    _result, meta, _body = import_page(lines(HEADLINE, "05/09/2024 08:00", lead, BODY), registries)
    assert meta["province"] == []


# --- a live page: a time stamp over each entry ----------------------------------------------------------

def test_a_live_pages_time_stamps_head_their_entries(registries):
    _result, _meta, body = fixture(CORPUS + "t47-nhandan-liveblog.html", registries)
    assert "## 09:40 – Bế mạc lễ tuyên dương\n" in body
    assert "## 08:55 – Ông Lê Văn Hòa: “Làm theo Bác là làm việc tử tế mỗi ngày”\n" in body
    assert "## 08:10 – Khai mạc\n" in body and "## 07:45\n\nTừ sớm" in body
    assert "\n09:40\n" not in body


def test_a_pasted_live_page_reads_the_same(registries):
    entries = ["09h40", "Bế mạc lễ tuyên dương", BODY, "08h10 (GMT+7)", "Khai mạc",
               "Phát biểu khai mạc, đồng chí Bí thư Tỉnh ủy nhấn mạnh việc làm theo Bác đã đi vào chiều sâu.",
               "07h45", "Từ sớm, hàng nghìn đoàn viên, thanh niên đã có mặt tại quảng trường. Trời nắng nhẹ."]
    _result, _meta, body = import_page(lines(HEADLINE, "18/05/2024 07:45", LEAD, *entries), registries)
    assert "## 09h40 – Bế mạc lễ tuyên dương\n" in body and "## 08h10 (GMT+7) – Khai mạc\n" in body
    assert "## 07h45\n\nTừ sớm" in body


def test_one_time_alone_in_the_text_is_no_live_page(registries):
    _result, _meta, body = import_page(lines(HEADLINE, "18/05/2024 07:45", LEAD, "Lịch trình:", "09:40",
                                             "Bế mạc lễ tuyên dương.", BODY), registries)
    assert "##" not in body


# --- who said a quote: the Hán-Việt "Hồ Chủ tịch", and a pull-quote box's last line ----------------------

QUOTE = "“Người tốt, việc tốt ở nơi nào, ngành nào, giới nào, lứa tuổi nào cũng có. Chúng ta cần phải biết tìm, biết nêu gương”."


@pytest.mark.parametrize("source", ["<p class='source'>Hồ Chủ tịch</p>", "<p><b>Chủ tịch Hồ Chí Minh</b></p>",
                                    "<p>Hồ Chí Minh</p>"])
def test_a_pull_quotes_last_line_naming_its_speaker_is_its_attribution(source, registries):
    page = ("<html><head><meta charset='utf-8'></head><body><article><h1>" + HEADLINE + "</h1><p>15/07/2024 06:30</p>"
            f"<p>{LEAD}</p><div class='pull-quote'><blockquote><p>{QUOTE}</p>{source}</blockquote></div>"
            f"<p>{BODY}</p></article></body></html>")
    _result, _meta, body = import_page(page, registries, ".html")
    assert f"> {QUOTE}\n>\n> — " in body and ("Hồ Chủ tịch" in body or "Hồ Chí Minh" in body)


def test_hán_việt_ho_chu_tich_after_a_quote_is_its_attribution(registries):
    _result, _meta, body = import_page(lines(HEADLINE, "15/07/2024 06:30", LEAD, QUOTE, "Hồ Chủ tịch", BODY), registries)
    assert "> — Hồ Chủ tịch" in body


def test_a_quotes_last_line_that_is_no_name_stays_as_written(registries):
    page = ("<html><head><meta charset='utf-8'></head><body><article><h1>" + HEADLINE + "</h1><p>15/07/2024 06:30</p>"
            f"<p>{LEAD}</p><blockquote><p>{QUOTE}</p><p>Lời dạy ấy còn nguyên giá trị.</p></blockquote>"
            f"<p>{BODY}</p></article></body></html>")
    _result, _meta, body = import_page(page, registries, ".html")
    assert "> Lời dạy ấy còn nguyên giá trị." in body and "— Lời" not in body


# --- a paper's name over the headline is no headline candidate -----------------------------------------------

@pytest.mark.parametrize("top", [["Báo Tuyên Quang điện tử", "Trang chủ | Thời sự | Chính trị", "Chính trị"],
                                 ["12:41", "baoquangngai.vn", "×", "Mở trong trình duyệt"]])
def test_a_papers_name_near_the_headline_leaves_the_headline_sure(top, registries):
    page = lines(*top, HEADLINE, "Báo Quảng Ngãi", "14/06/2024 - 06:15", LEAD, BODY, "Hà Xuân Phố")
    result, meta, _body = import_page(page, registries)
    assert meta["title"] == HEADLINE
    assert not any("giống tiêu đề" in w for w in result.warnings)


def test_a_headline_about_a_paper_is_still_a_headline(registries):
    title = "Báo Nhân Dân tròn 75 tuổi"
    _result, meta, _body = import_page(lines(title, "11/03/2026 08:00", LEAD, BODY), registries)
    assert meta["title"] == title


@pytest.mark.parametrize("bullet", ["👉", "✅", "✅\ufe0f", "📌"])
def test_emoji_bullets_make_a_list(bullet, registries):
    items = [f"{bullet} Giúp đỡ các hộ có hoàn cảnh khó khăn;", f"{bullet} Giữ gìn an ninh trật tự."]
    _result, _meta, body = import_page(lines(HEADLINE, "15/07/2024 06:30", LEAD, *items, BODY), registries)
    assert "- Giúp đỡ các hộ có hoàn cảnh khó khăn;\n- Giữ gìn an ninh trật tự.\n" in body


def test_the_emoji_bullets_of_a_saved_page_make_a_list(registries):
    _result, _meta, body = fixture(CORPUS + "t56-ward-emoji-spans.html", registries)
    assert "- Mỗi hộ gia đình đăng ký ít nhất một việc làm theo Bác;\n- Giữ gìn đường phố xanh ✅ sạch ✅ đẹp;\n" in body


def test_a_video_in_a_figure_gives_its_caption_to_the_poster(registries):
    player = ('<figure><video poster="https://media.vov.vn/2024-07/tinh-nguyen.jpg" src="https://media.vov.vn/v/a.mp4">'
              '</video><figcaption>Đoàn viên ra quân tình nguyện hè tại xã Tân Hưng.</figcaption></figure>')
    _result, meta, body = import_page(_video_page(player), registries, ".html")
    assert meta["image"]["caption"] == "Đoàn viên ra quân tình nguyện hè tại xã Tân Hưng."
    assert '"Đoàn viên ra quân tình nguyện hè tại xã Tân Hưng.")\n\n[Xem video](https://media.vov.vn/v/a.mp4)\n' in body


# --- a saved page's list of notes -------------------------------------------------------------------------

@pytest.mark.parametrize("notes", [
    '<div class="footnotes"><ol><li id="fn1">Số 12, ấp Bến Đình, xã Tân Thạnh Đông.</li>'
    '<li id="fn2">Theo số liệu của UBND xã Tân Thạnh Đông năm 2023.</li></ol></div>',
    '<ol class="wp-block-footnotes"><li id="a1">Số 12, ấp Bến Đình, xã Tân Thạnh Đông. <a href="#a1-link">↩︎</a></li>'
    '<li id="a2">Theo số liệu của UBND xã Tân Thạnh Đông năm 2023. <a href="#a2-link">↩︎</a></li></ol>',
])
def test_a_saved_pages_list_of_notes_keeps_its_numbers_and_every_note(notes, registries):
    page = ("<html><head><meta charset='utf-8'></head><body><article><h1>" + HEADLINE + "</h1><p>15/07/2024 06:30</p>"
            f"<p>{LEAD}</p><p>Thư viện nằm trong căn nhà của ông Lục<sup><a href='#fn1'>[1]</a></sup>, mở cửa cả ngày"
            f" lễ.</p><p>{BODY}<sup>[2]</sup></p>{notes}<div class='tags'><a>Bác Hồ</a><a>Củ Chi</a></div>"
            "</article></body></html>")
    _result, _meta, body = import_page(page, registries, ".html")
    assert "[1] Số 12, ấp Bến Đình, xã Tân Thạnh Đông.\n" in body
    assert "[2] Theo số liệu của UBND xã Tân Thạnh Đông năm 2023.\n" in body
    assert "↩" not in body and "Củ Chi" not in body


@pytest.mark.parametrize("player, page", [
    ('<iframe src="https://www.facebook.com/plugins/video.php?height=314&href=https%3A%2F%2Fwww.facebook.com%2F'
     'tinhdoanhatinh%2Fvideos%2F123456789%2F&show_text=false" title="Ra quân tình nguyện hè"></iframe>',
     "https://www.facebook.com/tinhdoanhatinh/videos/123456789/"),
    ('<iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e" title="Ra quân tình nguyện hè"></iframe>',
     "https://vimeo.com/76979871"),
])
def test_facebook_and_vimeo_players_give_a_link_to_the_video(player, page, registries):
    _result, _meta, body = import_page(_video_page(player), registries, ".html")
    assert f"Xem video: [Ra quân tình nguyện hè]({page})" in body


# --- a directive of the Politburo carried out "ở cơ sở" is no local document ---------------------------------

@pytest.mark.parametrize("words", ["Chỉ thị 05 của Bộ Chính trị ở cơ sở", "Chỉ thị 05 của Bộ Chính trị xuống tận cơ sở",
                                   "Chỉ thị 05 của Bộ Chính trị tại tỉnh"])
def test_a_central_directive_carried_out_locally_is_found(words, registries):
    text = f"Các câu chuyện gắn với những việc làm cụ thể của cán bộ, đảng viên trong thực hiện {words}."
    _result, meta, _body = import_page(lines(HEADLINE, "15/07/2024 06:30", LEAD, text, BODY), registries)
    assert meta["directives"] == ["05-CT/TW"]


@pytest.mark.parametrize("words", ["Chỉ thị 05 của Ban Thường vụ Tỉnh ủy ở cơ sở",
                                   "Chỉ thị 05 của Ban Thường vụ Tỉnh ủy thực hiện chủ trương của Bộ Chính trị"])
def test_a_local_directive_is_still_skipped(words, registries):
    text = f"Các câu chuyện gắn với những việc làm cụ thể của cán bộ, đảng viên trong thực hiện {words}."
    _result, meta, _body = import_page(lines(HEADLINE, "15/07/2024 06:30", LEAD, text, BODY), registries)
    assert meta["directives"] == []


# --- a pasted table whose row starts with an empty cell ---------------------------------------------------------

def test_a_pasted_rows_leading_empty_cell_keeps_the_columns_in_place(registries):
    table = ["Năm\tTập thể được khen\t\tCá nhân được khen\t", "\tCấp tỉnh\tCấp huyện\tCấp tỉnh\tCấp huyện",
             "2021\t32\t215\t58\t640", "2022\t35\t230\t61\t702"]
    _result, _meta, body = import_page(lines(HEADLINE, "15/07/2024 06:30", LEAD, "Kết quả qua các năm như sau:",
                                             *table, BODY), registries)
    assert "| Năm | Tập thể được khen |  | Cá nhân được khen |  |\n" in body
    assert "|  | Cấp tỉnh | Cấp huyện | Cấp tỉnh | Cấp huyện |\n| 2021 | 32 | 215 | 58 | 640 |\n" in body


# --- a date line with the day published and the day changed -----------------------------------------------------

@pytest.mark.parametrize("date_line", ["Đăng ngày 18/05/2024 08:00 | Sửa ngày 20/05/2024 10:15",
                                       "18/05/2024 08:00 (Cập nhật 20/05/2024 10:15)",
                                       "18/05/2024 08:00 (Chỉnh sửa lúc 20/05/2024 10:15)",
                                       "Cập nhật 20/05/2024 10:15 - 18/05/2024 08:00"])
def test_the_day_published_wins_over_the_day_changed(date_line, registries):
    _result, meta, _body = import_page(lines(HEADLINE, date_line, LEAD, BODY), registries)
    assert meta["date"].isoformat() == "2024-05-18T08:00:00+07:00" and "draft" not in meta


def test_two_days_with_no_label_are_still_no_publication_date(registries):
    _result, meta, _body = import_page(lines(HEADLINE, "Từ 18/05/2024 đến 20/05/2024", LEAD, BODY), registries)
    assert meta.get("draft") is True


# --- an interview's maker: "NGỌC ÁNH thực hiện" ----------------------------------------------------------------------

@pytest.mark.parametrize("credit, author", [("NGỌC ÁNH thực hiện", "Ngọc Ánh"), ("Ngọc Ánh - Minh Anh thực hiện",
                                                                                "Ngọc Ánh - Minh Anh"),
                                            ("Minh Anh ghi", "Minh Anh")])
def test_a_name_followed_by_its_role_is_the_byline(credit, author, registries):
    _result, meta, body = import_page(lines(HEADLINE, "15/07/2024 06:30", LEAD, BODY, credit), registries)
    assert meta["author"] == author and credit not in body


def test_a_place_followed_by_a_role_is_no_byline(registries):
    _result, meta, _body = import_page(lines(HEADLINE, "15/07/2024 06:30", LEAD, BODY, "Hà Nội thực hiện"), registries)
    assert meta.get("author") is None


# --- an interview printed as a dialogue of dashes -----------------------------------------------------------------

TURNS = ["- Thưa bà, phường đã làm gì để việc học tập và làm theo Bác không hình thức?",
         "- Chúng tôi yêu cầu mỗi cán bộ đăng ký một việc làm cụ thể, công khai trên bảng tin khu phố.",
         "- Người dân phản hồi thế nào?",
         "- Người dân rất ủng hộ. Có việc cán bộ làm chưa tốt, bà con phản ánh ngay qua nhóm Zalo khu phố."]


def test_a_dialogue_of_dashes_is_turns_not_a_list(registries):
    page = ("<html><head><meta charset='utf-8'></head><body><article><h1>" + HEADLINE + "</h1><p>15/07/2024 06:30</p>"
            f"<p>{LEAD}</p><p><strong>{TURNS[0]}</strong></p><p>{TURNS[1]}</p><p><strong>{TURNS[2]}</strong></p>"
            f"<p>{TURNS[3]}</p></article></body></html>")
    _result, _meta, body = import_page(page, registries, ".html")
    assert f"**{TURNS[0]}**\n\n\\{TURNS[1]}\n\n**{TURNS[2]}**\n\n\\{TURNS[3]}\n" in body


def test_a_pasted_dialogue_of_dashes_is_turns_not_a_list(registries):
    _result, _meta, body = import_page(lines(HEADLINE, "15/07/2024 06:30", LEAD, *TURNS), registries)
    assert "\n\n".join("\\" + t for t in TURNS) in body


def test_a_list_of_dashes_stays_a_list(registries):
    items = ["- Mỗi hộ gia đình đăng ký một việc làm theo Bác;", "- Giữ gìn đường phố xanh, sạch, đẹp;",
             "- Giúp đỡ các hộ khó khăn?"]
    _result, _meta, body = import_page(lines(HEADLINE, "15/07/2024 06:30", LEAD, *items, BODY), registries)
    assert "\n".join(items) in body


def test_an_amp_video_is_read_as_a_video(registries):
    player = ('<amp-video width="640" height="360" layout="responsive" poster="https://baodongkhoi.vn/v/poster-he.jpg"'
              ' title="Ra quân tình nguyện hè"><source src="https://baodongkhoi.vn/v/ra-quan.mp4" type="video/mp4">'
              '<div fallback>Trình duyệt không hỗ trợ.</div></amp-video>')
    _result, meta, body = import_page(_video_page(player), registries, ".html")
    assert meta["image"]["src"] == "/images/poster-he.jpg"
    assert "Xem video: [Ra quân tình nguyện hè](https://baodongkhoi.vn/v/ra-quan.mp4)" in body


# --- a <br> in the middle of a sentence -----------------------------------------------------------------------

def test_a_line_broken_mid_sentence_by_br_goes_on_its_paragraph(registries):
    text = ("Chi đoàn xã Tân Hưng đã tổ chức nhiều hoạt động<br>thiết thực như dọn vệ sinh đường làng, trồng cây"
            " xanh,<br>giúp đỡ các <b>gia đình chính sách</b> trong dịp hè năm nay.<br>Năm nay có thêm nhiều việc"
            " làm mới của đoàn viên.<br><br>đoàn viên nào cũng đăng ký một việc làm theo Bác trong tháng.")
    page = ("<html><head><meta charset='utf-8'></head><body><article><h1>" + HEADLINE + "</h1><p>15/07/2024 06:30</p>"
            f"<p>{LEAD}</p><p>{text}</p><p>{BODY}</p></article></body></html>")
    _result, _meta, body = import_page(page, registries, ".html")
    assert ("\nChi đoàn xã Tân Hưng đã tổ chức nhiều hoạt động thiết thực như dọn vệ sinh đường làng, trồng cây xanh,"
            " giúp đỡ các gia đình chính sách trong dịp hè năm nay.\n\nNăm nay có thêm") in body
    assert "\n\nđoàn viên nào cũng đăng ký" in body  # two <br>s end a paragraph


def test_a_bold_question_and_its_answer_after_br_stay_apart(registries):
    page = ("<html><head><meta charset='utf-8'></head><body><article><h1>" + HEADLINE + "</h1><p>15/07/2024 06:30</p>"
            f"<p>{LEAD}</p><p><b>Thưa ông, phong trào năm nay có gì mới?</b><br>Năm nay chúng tôi chú trọng việc"
            f" làm cụ thể của từng đoàn viên.</p><p>{BODY}</p></article></body></html>")
    _result, _meta, body = import_page(page, registries, ".html")
    assert "**Thưa ông, phong trào năm nay có gì mới?**\n\nNăm nay chúng tôi" in body


@pytest.mark.parametrize("verse", ["<p>Bác ơi tim Bác mênh mông thế<br>ôm cả non sông mọi kiếp người</p>",
                                   "<blockquote><p>Tháp Mười đẹp nhất bông sen, Việt Nam đẹp nhất có tên Bác Hồ và"
                                   "<br>ai đi xa cũng nhớ về</p></blockquote>"])
def test_the_lines_of_a_verse_stay_lines(verse, registries):
    page = ("<html><head><meta charset='utf-8'></head><body><article><h1>" + HEADLINE + "</h1><p>15/07/2024 06:30</p>"
            f"<p>{LEAD}</p>{verse}<p>{BODY}</p></article></body></html>")
    _result, _meta, body = import_page(page, registries, ".html")
    assert "thế ôm" not in body and "và ai" not in body
