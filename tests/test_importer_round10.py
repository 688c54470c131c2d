"""Importer round 10: the campaign's names read as directives (campaigns.py), and the pages of
round 10's corpus (national papers)."""
from __future__ import annotations

from datetime import datetime

import pytest

from generator.importer.entities import find_directives
from generator.vietnamese import VN

from importing import import_page, left_out, lines

_2006 = "Cuộc vận động “Học tập và làm theo tấm gương đạo đức Hồ Chí Minh”"
_2016 = "cuộc vận động học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"


def _symbols(text: str, registries, day=None) -> list[str]:
    published = datetime(*day, 8, 0, tzinfo=VN) if day else None
    return [d.symbol for d in find_directives(text, registries, published)[0]]


@pytest.mark.parametrize("day", [(2009, 3, 2), (2014, 5, 19), (2024, 5, 19), None])
def test_the_2006_campaign_is_the_one_chi_thi_06_organised_whatever_the_date(day, registries):
    text = f"Sau 18 năm thực hiện {_2006}, huyện đã có nhiều mô hình hay."
    assert _symbols(text, registries, day) == ["06-CT/TW"]
    # in capitals, broken over two lines as a headline is
    assert _symbols("CUỘC VẬN ĐỘNG HỌC TẬP VÀ LÀM THEO\nTẤM GƯƠNG ĐẠO ĐỨC HỒ CHÍ MINH", registries, day) == ["06-CT/TW"]


@pytest.mark.parametrize("day, symbol", [((2017, 1, 10), "05-CT/TW"), ((2021, 5, 17), "05-CT/TW"),
                                         ((2021, 5, 18), "01-KL/TW"), ((2025, 2, 3), "01-KL/TW")])
def test_the_2016_wording_as_a_campaign_is_decided_by_the_article_s_date(day, symbol, registries):
    assert _symbols(f"Đoàn viên tích cực tham gia {_2016}.", registries, day) == [symbol]


def test_the_2016_wording_without_a_date_or_before_2016_names_none(registries):
    text = f"Đoàn viên tích cực tham gia {_2016}."
    assert _symbols(text, registries, (2015, 6, 1)) == []
    found, warnings = find_directives(text, registries, None)
    assert found == [] and any("05-CT/TW" in w and "01-KL/TW" in w and "không có ngày" in w for w in warnings)


def test_an_unnumbered_document_named_by_its_subject_is_read_by_its_kind(registries):
    chi_thi = "Thực hiện Chỉ thị của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
    ket_luan = ("quán triệt Kết luận của Bộ Chính trị về tiếp tục đẩy mạnh học tập và làm theo tư tưởng, "
                "đạo đức, phong cách Hồ Chí Minh")
    assert _symbols(chi_thi, registries, (2024, 1, 1)) == ["05-CT/TW"]
    assert _symbols(ket_luan, registries, (2017, 1, 1)) == ["01-KL/TW"]
    again = "Chỉ thị của Bộ Chính trị về tiếp tục đẩy mạnh việc học tập và làm theo tấm gương đạo đức Hồ Chí Minh"
    assert _symbols(again, registries, None) == ["03-CT/TW"]
    first = "Chỉ thị của Bộ Chính trị về học tập và làm theo tấm gương đạo đức Hồ Chí Minh"
    assert _symbols(first, registries, (2008, 1, 1)) == ["06-CT/TW"]
    assert _symbols(first, registries, (2013, 1, 1)) == ["03-CT/TW"]
    assert _symbols(first, registries, None) == []


def test_the_wording_alone_or_another_campaign_names_no_directive(registries):
    for text in ("Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh ở cơ sở.",
                 "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh là việc làm thường xuyên.",
                 "Cuộc vận động “Toàn dân đoàn kết xây dựng đời sống văn hóa” và Cuộc vận động được triển khai.",
                 "Chỉ thị của Ban Thường vụ Tỉnh ủy về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, "
                 "phong cách Hồ Chí Minh"):
        assert _symbols(text, registries, (2024, 1, 1)) == []


def test_a_campaign_name_in_an_imported_article_gives_its_directive(registries):
    page = lines("Lan tỏa gương người tốt việc tốt ở Yên Bái", "15/05/2019 08:30",
                 f"Qua 3 năm thực hiện {_2016}, tỉnh Yên Bái có hơn 500 điển hình được khen thưởng.",
                 "Các cấp ủy đã đưa nội dung học tập vào sinh hoạt chi bộ hằng tháng ở cơ sở.")
    _result, meta, _body = import_page(page, registries)
    assert meta["directives"] == ["05-CT/TW"]


# -- national papers' furniture -----------------------------------------------------------------

_SAPO = ("Nhiều năm qua, các cấp ủy ở Nghệ An đã cụ thể hóa việc học tập và làm theo Bác bằng những việc làm "
         "thiết thực, gắn với nhiệm vụ chính trị của từng địa phương.")
_TEXT = ["Tại huyện Nam Đàn, mỗi đảng viên đăng ký ít nhất một việc làm cụ thể theo gương Bác, được chi bộ "
         "theo dõi, đánh giá hằng quý; nhiều tuyến đường được người dân góp công xây dựng.",
         "Năm 2023, toàn tỉnh có 245 tập thể, 612 cá nhân được các cấp khen thưởng vì có thành tích trong "
         "học tập và làm theo Bác ở cơ sở."]


def _saved(between: str, tail: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in _TEXT)
    return (f"<html><body><h1>Nghệ An lan tỏa gương sáng làm theo Bác</h1><div class=\"meta\">18/05/2024 10:15</div>"
            f"{between}<div class=\"sapo\">{_SAPO}</div><div class=\"content\">{body}{tail}</div></body></html>")


def test_a_player_s_labels_glued_on_one_line_are_left_out_and_the_sapo_found(registries):
    audio = ('<div class="audio-box"><span>Nghe bài viết</span><audio controls src="/a.mp3"></audio>'
             '<span>00:00 / 06:41</span></div>')
    _result, meta, body = import_page(_saved(audio), registries, ".html")
    assert "Nghe bài viết" not in body and "06:41" not in body
    assert meta["summary"] == _SAPO


def test_share_bars_with_counts_and_a_send_button_are_left_out(registries):
    for bar in ("Chia sẻ Thích 56 12", "Chia sẻ Facebook Twitter In bài Gửi bài viết Cỡ chữ A- A+",
                "Thích 128 | Chia sẻ 34", "Gửi bài"):
        _result, meta, body = import_page(_saved(f'<div class="tools">{bar}</div>'), registries, ".html")
        assert bar.split()[0] not in body and meta["summary"] == _SAPO, bar


def test_a_follow_button_is_no_source_and_no_text(registries):
    for paper in ("Dân trí", "VOV.VN", "Báo Quân đội nhân dân"):
        page = lines("Nghệ An lan tỏa gương sáng làm theo Bác", "18/05/2024 10:15", _SAPO, "Lắng nghe",
                     f"Theo dõi {paper} trên Google News", *_TEXT, "Huỳnh Hải", f"Theo dõi {paper} trên Google News")
        _result, meta, body = import_page(page, registries)
        assert "source" not in meta and "Google News" not in body and "Lắng nghe" not in body, paper
        assert meta["author"] == "Huỳnh Hải"
    # a real source line still names its paper
    _result, meta, _body = import_page(lines("Nghệ An lan tỏa gương sáng làm theo Bác", "18/05/2024 10:15",
                                             _SAPO, *_TEXT, "Theo Báo Nghệ An"), registries)
    assert meta["source"]["name"] == "Báo Nghệ An"


def test_a_singular_tag_label_is_the_page_s_tags(registries):
    page = lines("Nghệ An lan tỏa gương sáng làm theo Bác", "18/05/2024 10:15", _SAPO, *_TEXT,
                 "Tag: Nghệ An thanh niên làm theo lời Bác")
    _result, _meta, body = import_page(page, registries)
    assert "Tag:" not in body


def test_a_menu_item_printed_again_over_the_article_is_its_section_not_its_headline(registries):
    menu = ["Chính trị", "Quân sự", "Quốc phòng", "Pháp luật", "Học tập và làm theo Bác"]
    page = lines("Báo Quân đội nhân dân", *menu, "Học tập và làm theo Bác", "Thứ Bảy, 18/05/2024 - 09:12",
                 "Mỗi người lính là một tấm gương sáng", "QĐND - " + _SAPO, *_TEXT)
    _result, meta, body = import_page(page, registries)
    assert meta["title"] == "Mỗi người lính là một tấm gương sáng"
    assert meta["summary"] == "QĐND - " + _SAPO
    # a headline repeated below (a related list, the page's foot) still counts as the headline
    page = lines("Trang chủ", "Học tập và làm theo Bác", "Thứ Bảy, 18/05/2024 - 09:12", _SAPO, *_TEXT,
                 "Tin cùng chuyên mục", "Học tập và làm theo Bác", "Gương sáng nơi biên cương")
    assert import_page(page, registries)[1]["title"] == "Học tập và làm theo Bác"


def test_the_capital_named_only_as_a_venue_is_not_the_article_s_province(registries):
    sapo = ("(Chinhphu.vn) - Chiều 17/5, tại Hà Nội, Thủ tướng Chính phủ dự hội nghị tổng kết công tác học tập "
            "và làm theo Bác của Đảng bộ Chính phủ.")
    page = lines("Thủ tướng: Mỗi cán bộ phải là một tấm gương về đạo đức, lối sống", "17/05/2024 18:42", sapo, *_TEXT[1:],
                 "Thủ tướng yêu cầu người đứng đầu các cơ quan phải gương mẫu, nói đi đôi với làm, biểu dương "
                 "những tấm gương tiêu biểu.")
    result, meta, _body = import_page(page, registries)
    assert meta["province"] == [] and any("Hà Nội" in w and "nơi diễn ra" in w for w in result.warnings)
    # named as the subject too, the capital counts
    page = lines("Hà Nội biểu dương điển hình làm theo Bác", "17/05/2024 18:42",
                 "Chiều 17/5, tại Hà Nội, Thành ủy Hà Nội tổ chức hội nghị biểu dương 134 điển hình.", *_TEXT[1:])
    assert import_page(page, registries)[1]["province"] == ["Hà Nội"]
    # another province named only as a venue still counts as before
    page = lines("Hội nghị biểu dương điển hình làm theo Bác", "17/05/2024 18:42",
                 "Chiều 17/5, tại Nghệ An, Ban Tổ chức tổng kết công tác học tập và làm theo Bác năm 2023.", *_TEXT[1:])
    assert import_page(page, registries)[1]["province"] == ["Nghệ An"]


def test_a_related_box_named_by_its_class_or_type_is_left_out_whole_without_a_heading(registries):
    for box in ('<div class="VCSortableInPreviewMode link-content-footer" type="RelatedNewsBox">'
                '<a href="/a.htm">Thủ tướng chủ trì Phiên họp Chính phủ thường kỳ tháng 4</a></div>',
                '<div class="tinlienquan"><a href="/b.htm">Nghệ An biểu dương 95 điển hình tiên tiến</a></div>',
                '<div id="related-news"><ul><li><a href="/c">Gương sáng nơi biên cương Nghệ An</a></li></ul></div>'):
        result, _meta, body = import_page(_saved("", tail=box + "<p>Dịp này, 42 tập thể được tặng Bằng khen.</p>"),
                                          registries, ".html")
        headline = box.split('">')[-1].split("<")[0]
        assert headline not in body and "42 tập thể" in body, box
        assert any(headline in text for text in left_out(result, "khuôn trang (tin liên quan)"))
    # "quan" alone in a class ("co-quan") names no related box
    _result, _meta, body = import_page(_saved("", tail='<div class="co-quan"><p>Cơ quan đã khen thưởng 12 đoàn '
                                                        'viên tiêu biểu.</p></div>'), registries, ".html")
    assert "12 đoàn viên" in body
