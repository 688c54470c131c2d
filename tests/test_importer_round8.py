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
    ("<span>học</span><span>tập</span>", "họctập"),  # inline elements side by side: one word, as on screen
    ("<span>họ</span><span>c tập</span>", "học tập"),  # Word's spans cut a syllable
    ("<span>học</span> <span>tập</span>", "học tập"), ("<span>học</span>\n<span>tập</span>", "học tập"),
    ("<b>học</b><b> </b><b>tập</b>", "học tập"), ("<i>học</i><wbr><i>tập</i>", "họctập"),
])
def test_inline_elements_join_or_part_as_the_browser_shows_them(inner, shown, registries):
    _result, _meta, body = import_page(_page(inner), registries, ".html")
    assert f"về {shown} cùng" in body.replace("*", "")
