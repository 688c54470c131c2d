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
